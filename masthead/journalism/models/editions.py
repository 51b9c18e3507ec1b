from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, TranslatableMixin

from masthead.journalism.admin_forms import StaffModelForm


class FooterLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen.")

    class Meta:
        icon = "link"


class EditionSettings(TranslatableMixin, models.Model):
    """What the newsroom says about itself in one edition: name, about text, links."""

    name = models.CharField(max_length=100)
    tagline = models.CharField(max_length=200, blank=True)
    about = models.TextField(blank=True, help_text="The short About text in the footer.")
    newsletter_blurb = models.CharField(max_length=300, blank=True)
    copyright_holder = models.CharField(max_length=100, blank=True)
    weather_city = models.CharField(max_length=60, blank=True, default="Yangon")
    facebook_url = models.URLField(blank=True)
    x_url = models.URLField("X URL", blank=True)
    telegram_url = models.URLField(blank=True)
    youtube_url = models.URLField(blank=True)
    footer_links = StreamField([("link", FooterLinkBlock())], blank=True)
    recommended = StreamField(
        [("story", blocks.PageChooserBlock(page_type="journalism.ArticlePage"))],
        blank=True,
        help_text="Stories the newsroom recommends, in the order shown beside articles and"
        " section fronts. Unpublished stories are skipped.",
    )

    base_form_class = StaffModelForm

    panels = [
        FieldPanel("name"),
        FieldPanel("tagline"),
        FieldPanel("about"),
        FieldPanel("newsletter_blurb"),
        FieldPanel("copyright_holder"),
        FieldPanel("weather_city"),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("telegram_url"),
                FieldPanel("youtube_url"),
            ],
            heading="Social links",
        ),
        FieldPanel("footer_links"),
        FieldPanel("recommended"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "edition settings"
        verbose_name_plural = "edition settings"

    def __str__(self) -> str:
        return f"{self.name} ({self.locale})"

    def recommended_story_ids(self) -> list[int]:
        return [
            item["value"]
            for item in self.recommended.raw_data
            if item["type"] == "story" and isinstance(item["value"], int)
        ]

    @classmethod
    def for_language(cls, language: str | None = None) -> EditionSettings:
        """The settings of an edition; an unsaved blank object if none exist yet."""
        code = language or get_language() or "en"
        found = cls.objects.filter(locale__language_code=code).select_related("locale").first()
        if found is not None:
            return found
        locale = Locale.objects.filter(language_code=code).first()
        return cls(name="masthead", locale=locale) if locale else cls(name="masthead")

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from masthead.journalism.admin_forms import StaffModelForm


class AuthorQuerySet(models.QuerySet["Author"]):
    def staff(self) -> AuthorQuerySet:
        return self.filter(is_staff=True)

    def contributors(self) -> AuthorQuerySet:
        return self.filter(is_staff=False)


class Author(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    """A journalist or contributor. One record serves both editions: names, roles and bios
    are held in both scripts and each edition shows its own."""

    name = models.CharField(max_length=120)
    name_my = models.CharField("name in Burmese", max_length=120, blank=True)
    slug = models.SlugField(max_length=120, unique=True, allow_unicode=True)
    role = models.CharField(max_length=120, blank=True)
    role_my = models.CharField("role in Burmese", max_length=120, blank=True)
    photo = models.ForeignKey(
        "journalism.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    short_bio = models.CharField(max_length=200, blank=True)
    short_bio_my = models.CharField("short bio in Burmese", max_length=300, blank=True)
    bio = models.TextField(blank=True)
    bio_my = models.TextField("bio in Burmese", blank=True)
    email = models.EmailField(blank=True)
    x_handle = models.CharField("X handle", max_length=50, blank=True)
    website = models.URLField(blank=True)
    is_staff = models.BooleanField(
        "staff", default=True, help_text="Staff appear on the Team page; contributors do not."
    )

    objects = AuthorQuerySet.as_manager()
    base_form_class = StaffModelForm

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_my")]),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("role_my")]),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("short_bio"),
                FieldPanel("bio"),
                FieldPanel("short_bio_my"),
                FieldPanel("bio_my"),
            ],
            heading="Biography",
        ),
        FieldRowPanel([FieldPanel("email"), FieldPanel("x_handle"), FieldPanel("website")]),
        FieldPanel("is_staff"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_my"),
        index.AutocompleteField("name"),
        index.FilterField("is_staff"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def _localized(self, english: str, burmese: str) -> str:
        return burmese if get_language() == "my" and burmese else english

    @property
    def display_name(self) -> str:
        return self._localized(self.name, self.name_my)

    @property
    def display_role(self) -> str:
        return self._localized(self.role, self.role_my)

    @property
    def display_short_bio(self) -> str:
        return self._localized(self.short_bio, self.short_bio_my)

    @property
    def display_bio(self) -> str:
        return self._localized(self.bio, self.bio_my)

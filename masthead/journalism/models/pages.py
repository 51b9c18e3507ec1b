"""The page tree of an edition: home front → sections (two levels) → articles, plus the
newsroom's static pages. Pages declare fields and rules; reads live in queries.py and
writes in services.py."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from masthead.core.memo import remembered
from masthead.journalism.admin_forms import ArticlePageForm, NewsPageForm
from masthead.journalism.blocks import ArticleBodyBlock, PageBodyBlock, WayToGiveBlock
from masthead.journalism.models.addresses import KeptAddress
from masthead.journalism.models.querysets import ArticlePageQuerySet
from masthead.journalism.models.tags import ArticleTag
from masthead.journalism.panels import ReadingTimePanel


class StoryFormat(models.TextChoices):
    NEWS = "news", "News"
    ANALYSIS = "analysis", "Analysis"
    COMMENTARY = "commentary", "Commentary"
    GUEST_COLUMN = "guest-column", "Guest column"
    EDITORIAL = "editorial", "Editorial"
    INTERVIEW = "interview", "Interview"
    PROFILE = "profile", "Profile"
    OBITUARY = "obituary", "Obituary"
    FACT_CHECK = "fact-check", "Fact check"
    PHOTO_ESSAY = "photo-essay", "Photo essay"
    VIDEO = "video", "Video"
    CARTOON = "cartoon", "Cartoon"
    LETTER = "letter", "Letter"


OPINION_FORMATS = {
    StoryFormat.COMMENTARY,
    StoryFormat.GUEST_COLUMN,
    StoryFormat.EDITORIAL,
    StoryFormat.LETTER,
    StoryFormat.ANALYSIS,
}


class Verdict(models.TextChoices):
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly-true", "Mostly true"
    MISLEADING = "misleading", "Misleading"
    MOSTLY_FALSE = "mostly-false", "Mostly false"
    FALSE = "false", "False"
    UNPROVEN = "unproven", "Unproven"


# ClaimReview's 1-5 rating for each verdict (5 = true).
VERDICT_RATINGS = {
    Verdict.TRUE: 5,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.MISLEADING: 3,
    Verdict.UNPROVEN: 3,
    Verdict.MOSTLY_FALSE: 2,
    Verdict.FALSE: 1,
}


class HomePage(KeptAddress, RoutablePageMixin, Page):
    """An edition's front page. Editors place a lead story, top stories and section blocks;
    anything they leave empty is filled with the newest stories."""

    base_form_class = NewsPageForm

    lead_story = models.ForeignKey(
        "journalism.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Leave empty to lead with the newest story.",
    )

    content_panels = [
        *Page.content_panels,
        PageChooserPanel("lead_story", "journalism.ArticlePage"),
        InlinePanel("top_story_placements", label="Top stories", max_num=8),
        InlinePanel("section_placements", label="Section blocks"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "journalism.SectionPage",
        "journalism.StandardPage",
        "journalism.TeamPage",
        "journalism.ContactPage",
        "journalism.DonatePage",
    ]

    class Meta:
        verbose_name = "edition front"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from masthead.journalism.queries import home_front

        context = super().get_context(request, *args, **kwargs)
        context["front"] = home_front(self)
        context["show_today"] = True  # the front is re-rendered through the day
        return context

    def get_view_restrictions(self) -> Any:
        return _view_restrictions(self, super().get_view_restrictions)

    def route(self, request: HttpRequest, path_components: list[str]) -> Any:
        """Find a page deep in the edition with one indexed query (by its slug and depth)
        instead of one per level, then let it route itself. The routes below go the usual
        way; any other address (a section's numbered pages) is routed by the deepest page
        on its path, each level found the same way (kept: sections are on many paths)."""
        if not path_components or not self.live:
            return super().route(request, path_components)
        found = self._kept_page_at(path_components)
        if found is not None:
            return found.route(request, [])
        if self._has_route(path_components):
            return super().route(request, path_components)
        deepest, rest = None, path_components
        for end in range(1, len(path_components)):
            found = self._kept_page_at(path_components[:end])
            if found is None:
                break  # a page's address holds its parent's: nothing deeper either
            deepest, rest = found, path_components[end:]
        if deepest is None:
            return super().route(request, path_components)
        return deepest.route(request, rest)

    def _kept_page_at(self, path_components: list[str]) -> Page | None:
        """`_page_at`, read once per content generation; each request gets its own copy to
        work on."""
        found = remembered(
            ("route", self.pk, tuple(path_components)),
            lambda: self._page_at(path_components),
        )
        return copy.copy(found) if found is not None else None

    def _has_route(self, path_components: list[str]) -> bool:
        try:
            self.resolve_subpage(f"/{'/'.join(path_components)}/")
        except Http404:
            return False
        return True

    def _page_at(self, path_components: list[str]) -> Page | None:
        # By slug and address only, unordered: given the tree position too, SQLite walks the
        # edition's (depth, path) index, a scan of the archive, instead of the slug's.
        found = (
            Page.objects.filter(
                slug=path_components[-1],
                url_path=f"{self.url_path}{'/'.join(path_components)}/",
            )
            .order_by()
            .specific()
        )
        depth = self.depth + len(path_components)
        return next((p for p in found if p.depth == depth and p.path.startswith(self.path)), None)

    # Edition-wide listings: author and tag pages, date archives, On This Day, the archive.
    @re_path(r"^author/(?P<slug>[^/]+)/(?:page/(?P<number>\d{1,5})/)?$", name="author")
    def author_view(
        self, request: HttpRequest, slug: str, number: str | None = None
    ) -> HttpResponse:
        from masthead.journalism.models import Author
        from masthead.journalism.queries import author_listing

        author = get_object_or_404(Author, slug=slug)
        listing = author_listing(self, author, int(number) if number else None)
        return self._render_listing(request, "journalism/author_page.html", listing)

    @re_path(r"^tag/(?P<slug>[^/]+)/(?:page/(?P<number>\d{1,5})/)?$", name="tag")
    def tag_view(self, request: HttpRequest, slug: str, number: str | None = None) -> HttpResponse:
        from masthead.journalism.models import Tag
        from masthead.journalism.queries import tag_listing

        tag = get_object_or_404(Tag, slug=slug)
        listing = tag_listing(self, tag, int(number) if number else None)
        return self._render_listing(request, "journalism/tag_page.html", listing)

    @re_path(r"^(?P<year>\d{4})/(?:(?P<month>\d{2})/(?:(?P<day>\d{2})/)?)?$", name="archive_date")
    def date_archive_view(
        self, request: HttpRequest, year: str, month: str | None = None, day: str | None = None
    ) -> HttpResponse:
        from masthead.journalism.queries import date_archive

        listing = date_archive(
            self, int(year), int(month) if month else None, int(day) if day else None
        )
        return self._render_listing(request, "journalism/date_archive_page.html", listing)

    @re_path(r"^on-this-day/$", name="on_this_day")
    def on_this_day_view(self, request: HttpRequest) -> HttpResponse:
        from masthead.journalism.queries import on_this_day

        return self._render_listing(
            request, "journalism/on_this_day_page.html", on_this_day(self), show_today=True
        )

    @re_path(r"^archive/$", name="archive")
    def archive_view(self, request: HttpRequest) -> HttpResponse:
        from masthead.journalism.queries import archive_index

        return self._render_listing(request, "journalism/archive_page.html", archive_index(self))

    def _render_listing(
        self, request: HttpRequest, template: str, listing: Any, show_today: bool = False
    ) -> HttpResponse:
        context = super().get_context(request)  # the page's, without the front's stories
        context["listing"] = listing
        context["show_today"] = show_today
        return TemplateResponse(request, template, context)


def _view_restrictions(page: Page, wagtails_own: Any) -> Any:
    """No query where no restriction may apply: the check runs on every reader request."""
    from wagtail.models import PageViewRestriction

    from masthead.journalism.queries import may_be_restricted

    return wagtails_own() if may_be_restricted(page) else PageViewRestriction.objects.none()


class OrderedRow(Orderable):
    """A row an editor orders in a panel. Rows saved together can share a `sort_order`;
    the primary key breaks the tie, so every query (one story's or a build chunk's) lists
    them in the same order and two renders of a page are the same bytes."""

    class Meta(Orderable.Meta):
        abstract = True
        ordering = ["sort_order", "pk"]


class HomeTopStory(OrderedRow):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="top_story_placements")
    article = models.ForeignKey(
        "journalism.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )
    panels = [PageChooserPanel("article", "journalism.ArticlePage")]


class HomeSectionBlock(OrderedRow):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="section_placements")
    section = models.ForeignKey(
        "journalism.SectionPage", on_delete=models.CASCADE, related_name="+"
    )
    panels = [PageChooserPanel("section", "journalism.SectionPage")]


class SectionPage(KeptAddress, RoutablePageMixin, Page):
    """A section front (News, Opinion...) or a subsection (News › Burma). Two levels at most.
    Sections marked "show in menus" appear in the main menu; every section appears in the
    footer's section map."""

    base_form_class = NewsPageForm

    intro = models.TextField(blank=True, max_length=500)
    in_footer_map = models.BooleanField(default=True, help_text="List it in the footer's map.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("in_footer_map")]

    parent_page_types = ["journalism.HomePage", "journalism.SectionPage"]
    subpage_types = ["journalism.SectionPage", "journalism.ArticlePage"]

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = "section"

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        return super().can_create_at(parent) and _section_depth_ok(parent)

    def can_move_to(self, parent: Page) -> bool:
        return super().can_move_to(parent) and _section_depth_ok(parent)

    def get_view_restrictions(self) -> Any:
        return _view_restrictions(self, super().get_view_restrictions)

    @re_path(r"^(?:page/(?P<number>\d{1,5})/)?$", name="front")
    def front_view(self, request: HttpRequest, number: str | None = None) -> HttpResponse:
        from masthead.journalism.queries import section_front

        context = self.get_context(request)
        context["front"] = section_front(self, int(number) if number else None)
        return TemplateResponse(request, self.get_template(request), context)


def _section_depth_ok(parent: Page) -> bool:
    """A section may sit under the front or under a top-level section, never deeper."""
    specific_class = parent.specific_class
    if specific_class is HomePage:
        return True
    if specific_class is SectionPage:
        return parent.get_parent().specific_class is HomePage
    return False


class ArticlePage(KeptAddress, Page):
    """A story. Its title is the headline; its place in the tree is its primary section."""

    kicker = models.CharField(
        "section label",
        max_length=60,
        blank=True,
        help_text="The short label above the headline; the section's name when empty.",
    )
    standfirst = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the headline."
    )
    story_format = models.CharField(
        max_length=20, choices=StoryFormat.choices, default=StoryFormat.NEWS
    )
    body = StreamField(ArticleBodyBlock())
    featured_image = models.ForeignKey(
        "journalism.NewsImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    featured_caption = models.CharField(
        max_length=400, blank=True, help_text="Leave empty to use the image's own caption."
    )
    featured_credit = models.CharField(
        max_length=200, blank=True, help_text="Leave empty to use the image's own credit."
    )
    updated_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Shown as 'Updated' for substantive changes; leave empty for small fixes.",
    )
    also_in_sections = ParentalManyToManyField(
        "journalism.SectionPage",
        blank=True,
        related_name="+",
        help_text="Other sections whose fronts should list this story.",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)

    objects = PageManager.from_queryset(ArticlePageQuerySet)()
    base_form_class = ArticlePageForm

    content_panels = [
        FieldPanel("kicker"),
        *Page.content_panels,
        FieldPanel("standfirst"),
        InlinePanel("bylines", label="Authors", help_text="None: the newsroom's byline."),
        MultiFieldPanel(
            [
                FieldPanel("featured_image"),
                FieldPanel("featured_caption"),
                FieldPanel("featured_credit"),
            ],
            heading="Featured image",
        ),
        FieldPanel("body"),
        ReadingTimePanel(),
        FieldPanel("zawgyi_uncertain"),
    ]
    story_panels = [
        FieldPanel("story_format"),
        FieldPanel("counterpart"),
        FieldPanel("tags"),
        FieldPanel("also_in_sections"),
        FieldPanel("updated_at"),
        InlinePanel("claims", label="Fact-check claims"),
        InlinePanel("corrections", label="Corrections"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Story"),
            ObjectList(story_panels, heading="Format, tags and corrections"),
            ObjectList(Page.promote_panels, heading="Promote"),
        ]
    )

    parent_page_types = ["journalism.SectionPage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.SearchField("kicker"),
        index.FilterField("story_format"),
        index.FilterField("first_published_at"),
    ]

    class Meta:
        verbose_name = "article"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_reading_minutes()
        super().save(*args, **kwargs)

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        self.refresh_reading_minutes()
        super().full_clean(*args, **kwargs)

    def refresh_reading_minutes(self) -> None:
        from masthead.journalism.text import article_plain_text, reading_minutes_for

        self.reading_minutes = reading_minutes_for(article_plain_text(self))

    @property
    def headline(self) -> str:
        return self.title

    @property
    def is_fact_check(self) -> bool:
        return self.story_format == StoryFormat.FACT_CHECK

    @property
    def is_opinion(self) -> bool:
        return self.story_format in OPINION_FORMATS

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from masthead.journalism.queries import article_page, shared_article_page

        context = super().get_context(request, *args, **kwargs)
        if self.live and not getattr(request, "is_preview", False):
            story = shared_article_page(self)
            # The picture and locale read with the rest, instead of one query each.
            self.featured_image = story.featured_image
            self.locale = story.locale
        else:
            story = article_page(self)
        context["story"] = story
        context["counterpart"] = story.counterpart
        return context

    def get_view_restrictions(self) -> Any:
        return _view_restrictions(self, super().get_view_restrictions)


class ArticleAuthor(OrderedRow):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(
        "journalism.Author", on_delete=models.PROTECT, related_name="bylines"
    )
    panels = [FieldPanel("author")]
    # No unique constraint on (page, author): modelcluster inserts a re-added byline before
    # it deletes the removed one. ArticlePageForm refuses an author named twice instead.


class Correction(OrderedRow):
    """A dated note on what was wrong in a story and what was changed; shown on the story."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    noted_at = models.DateTimeField()
    note = models.TextField(max_length=1000)
    panels = [FieldPanel("noted_at"), FieldPanel("note")]

    class Meta(OrderedRow.Meta):
        ordering = ["noted_at", "sort_order", "pk"]


class FactCheckClaim(OrderedRow):
    """One claim a fact check examines and the verdict reached (ClaimReview on the page)."""

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="claims")
    claim = models.TextField(max_length=600)
    claimant = models.CharField(max_length=200)
    claim_date = models.DateField(null=True, blank=True)
    verdict = models.CharField(max_length=20, choices=Verdict.choices)
    evidence = models.TextField(max_length=2000, help_text="In short, what the evidence shows.")
    panels = [
        FieldPanel("claim"),
        FieldPanel("claimant"),
        FieldPanel("claim_date"),
        FieldPanel("verdict"),
        FieldPanel("evidence"),
    ]

    @property
    def rating(self) -> int:
        return VERDICT_RATINGS[Verdict(self.verdict)]


class StandardPage(KeptAddress, Page):
    """About Us, Code of Ethics, Privacy Policy, Copyright, Careers and the like."""

    base_form_class = NewsPageForm

    intro = models.TextField(blank=True, max_length=500)
    body = StreamField(PageBodyBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["journalism.HomePage"]
    subpage_types: list[str] = []
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "static page"


class TeamPage(KeptAddress, Page):
    """The newsroom's staff, listed from the authors marked as staff."""

    base_form_class = NewsPageForm

    intro = models.TextField(blank=True, max_length=1000)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["journalism.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "team page"

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from masthead.journalism.models import Author

        context = super().get_context(request, *args, **kwargs)
        context["staff"] = Author.objects.staff().select_related("photo")
        return context


class ContactPage(KeptAddress, Page):
    """A contact form; messages are stored and emailed to the newsroom."""

    base_form_class = NewsPageForm

    intro = models.TextField(blank=True, max_length=1000)
    thank_you = models.CharField(
        max_length=300, default="Thank you. Your message has reached the newsroom."
    )
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("thank_you")]
    parent_page_types = ["journalism.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "contact page"

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        from masthead.journalism.views import contact_page_view

        return contact_page_view(request, self)


class DonatePage(KeptAddress, Page):
    """Ways to support the newsroom: links and instructions only; masthead never handles
    card or bank data."""

    base_form_class = NewsPageForm

    intro = models.TextField(blank=True, max_length=1000)
    body = StreamField(PageBodyBlock(), blank=True)
    ways_to_give = StreamField([("way", WayToGiveBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("ways_to_give"),
    ]
    parent_page_types = ["journalism.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "donate page"


class ContactMessage(models.Model):
    """A message sent through the contact form, kept even if emailing it fails."""

    page = models.ForeignKey(ContactPage, null=True, on_delete=models.SET_NULL)
    name = models.CharField(max_length=100)
    email = models.EmailField()
    subject = models.CharField(max_length=150, blank=True)
    message = models.TextField(max_length=5000)
    language = models.CharField(max_length=8)
    received_at = models.DateTimeField(auto_now_add=True)
    emailed = models.BooleanField(default=False)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"{self.name}: {self.subject or self.message[:40]}"

    def clean(self) -> None:
        if not self.message.strip():
            raise ValidationError({"message": "Please write a message."})

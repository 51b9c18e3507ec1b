"""The offline bundle: the last days of both editions in one zip, to pass from phone to phone
and read without a connection once unzipped.

It holds each edition's front, the section fronts that list the period's stories, the
stories themselves, the stylesheets and the Myanmar webfont, and every picture as a small
JPEG rendition. The webfont stays (two weights, about 95 KB of a bundle of megabytes):
it is only downloaded by a browser that has no Myanmar font of its own, and on such a
phone Burmese pages are unreadable without it. Pages are the site's own, with relative
links; a link to anything outside the bundle (older stories, static pages, search) points
to the live site. `index.html` at the zip's root opens either edition; the site itself is
in `site/`, so the start page never takes the English front's place.
"""

from __future__ import annotations

import os
import re
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone

from masthead.burmese import format_date
from masthead.core.editions import get_edition
from masthead.core.time import to_display_time
from masthead.journalism.models import ArticlePage, EditionSettings, HomePage, SectionPage
from masthead.journalism.models.images import NewsRendition
from masthead.publishing.mirror.assets import Assets
from masthead.publishing.mirror.export import copied_body, live_copy, site_pages, write_assets
from masthead.publishing.mirror.links import PageRewriter
from masthead.publishing.mirror.sources import PageSource
from masthead.publishing.mirror.stand_ins import contact_form_stand_in
from masthead.publishing.mirror.wording import wording_for

SITE_FOLDER = PurePosixPath("site")
START_PAGE = PurePosixPath("index.html")
# Pictures wider than this are swapped for a rendition this wide, as JPEG at the quality the
# light edition uses: a phone screen shows no more, and a week of pictures stays small.
SMALL_WIDTH = 480
SMALL_FORMAT = ("format-jpeg", "jpegquality-60")
# Files already compressed are stored; the rest (HTML, CSS) deflated.
STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".woff2", ".woff"})
_RESIZE = re.compile(
    r"^(?P<operation>width|max|fill)-(?P<width>\d+)(?:x(?P<height>\d+))?(?P<rest>.*)$"
)


@dataclass
class EditionPart:
    language: str
    home_url: str
    urls: list[str] = field(default_factory=list)
    stories: int = 0


@dataclass
class BundleReport:
    path: Path
    size: int = 0
    pages: int = 0
    assets: int = 0
    stories: dict[str, int] = field(default_factory=dict)
    first_day: date | None = None
    last_day: date | None = None


def build_bundle(out: Path, *, days: int = 7, now: datetime | None = None) -> BundleReport:
    """Write the bundle of the last `days` days to `out`, atomically."""
    now = now or timezone.now()
    since = now - timedelta(days=days)
    parts = bundle_parts(since)
    pages = site_pages([url for part in parts for url in part.urls])
    assets = Assets(media_swap=small_rendition_name)
    copy = live_copy(has_page=set(pages).__contains__, assets=assets, site_folder=SITE_FOLDER)
    rewriter = PageRewriter(copy, form_stand_in=contact_form_stand_in)
    source = PageSource()
    files: dict[PurePosixPath, bytes] = {}
    report = BundleReport(path=out, stories={part.language: part.stories for part in parts})
    for site_file, url in pages.items():
        body = source.body(url)
        if body is not None:
            files[copy.file_of(site_file)] = copied_body(
                rewriter, body, url=url, site_file=site_file
            )
            report.pages += 1
    report.first_day = to_display_time(since).date()
    report.last_day = to_display_time(now).date()
    start = start_page(parts, first_day=report.first_day, last_day=report.last_day)
    files[START_PAGE] = rewriter.rewrite(start, page_url="/", page_file=START_PAGE).encode()
    report.assets = write_assets(files.__setitem__, copy, assets)
    write_zip(out, files, moment=to_display_time(now))
    report.size = out.stat().st_size
    return report


def bundle_parts(since: datetime) -> list[EditionPart]:
    """Per edition: its front, the section fronts listing the period's stories (their
    first page), and the stories."""
    parts = []
    homes = HomePage.objects.live().filter(depth=2).select_related("locale").order_by("pk")
    for home in homes:
        part = EditionPart(language=home.locale.language_code, home_url=home.url)
        stories = list(
            ArticlePage.objects.live()
            .filter(locale_id=home.locale_id, first_published_at__gte=since)
            .select_related("locale")
            .recent()
        )
        sections = SectionPage.objects.live().descendant_of(home).order_by("path")
        holding = [s for s in sections if any(t.path.startswith(s.path) for t in stories)]
        part.urls = [home.url, *(s.url for s in holding), *(t.url for t in stories if t.url)]
        part.stories = len(stories)
        parts.append(part)
    return parts


def small_rendition_name(name: str) -> str | None:
    """The media name of a small version of the rendition `name`; None to keep it."""
    rendition = NewsRendition.objects.select_related("image").filter(file=name).first()
    if rendition is None:
        return None
    spec = smaller_filter_spec(rendition.filter_spec)
    if spec is None:
        return None
    return str(rendition.image.get_rendition(spec).file.name)


def smaller_filter_spec(spec: str) -> str | None:
    """`spec` with its resize narrowed to SMALL_WIDTH (same shape) and made a JPEG; None
    when the picture is no wider already."""
    operations = spec.split("|")
    for position, operation in enumerate(operations):
        found = _RESIZE.match(operation)
        if found is None or int(found["width"]) <= SMALL_WIDTH:
            continue
        width, height = int(found["width"]), found["height"]
        resized = f"{found['operation']}-{SMALL_WIDTH}"
        if height is not None:
            resized += f"x{max(1, round(int(height) * SMALL_WIDTH / width))}"
        kept = [
            o for o in operations[position + 1 :] if not o.startswith(("format-", "jpegquality-"))
        ]
        return "|".join([*operations[:position], resized + found["rest"], *kept, *SMALL_FORMAT])
    return None


def start_page(parts: list[EditionPart], *, first_day: date, last_day: date) -> str:
    editions = []
    for part in parts:
        language = get_edition(part.language).language
        wording = wording_for(language)
        editions.append(
            {
                "language": language,
                "name": EditionSettings.for_language(language).name,
                "url": part.home_url,
                "intro": wording.bundle_intro.format(
                    start=format_date(first_day, language=language),
                    end=format_date(last_day, language=language),
                ),
                "open": wording.bundle_open,
                "stories": wording.bundle_stories.format(count=wording.number(part.stories)),
                "older": wording.bundle_older,
            }
        )
    context = {
        "editions": editions,
        "stylesheets": [static("css/site.css"), static("css/fonts.css")],
    }
    return render_to_string("mirror/bundle_start.html", context)


def write_zip(out: Path, files: dict[PurePosixPath, bytes], *, moment: datetime) -> None:
    """The zip, written under a temporary name beside `out` and renamed over it, so a
    reader of `out` sees the old bundle or the new one, never half of one."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stamp = (max(moment.year, 1980), moment.month, moment.day, moment.hour, moment.minute, 0)
    handle, temporary_name = tempfile.mkstemp(dir=out.parent, prefix=".tmp-", suffix=".zip")
    temporary = Path(temporary_name)
    try:
        with os.fdopen(handle, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
            ordered = [START_PAGE, *sorted(name for name in files if name != START_PAGE)]
            for name in ordered:
                entry = zipfile.ZipInfo(name.as_posix(), date_time=stamp)
                entry.external_attr = 0o644 << 16
                stored = name.suffix.lower() in STORED_SUFFIXES
                entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                archive.writestr(entry, files[name], compresslevel=None if stored else 9)
        temporary.chmod(0o644)
        temporary.replace(out)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise

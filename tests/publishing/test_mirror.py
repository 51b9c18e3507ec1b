"""Copies of the site: the mirror (every page, relative links, search, SHA256SUMS) and the
offline bundle (a week in one zip). Each copy is checked as a browser would use it: every
link of every page followed from the files on disk."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Iterator
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone
from PIL import Image
from wagtail.models import Page

from masthead.burmese import index_text, slugify, syllables, zawgyi_to_unicode
from masthead.demo.images import draw_landscape
from masthead.journalism.models import ArticlePage, ContactPage, NewsImage
from masthead.journalism.services import (
    ArticleDraft,
    create_article,
    create_section,
    link_counterparts,
    publish_article,
    unpublish_article,
)
from masthead.publishing import store
from masthead.publishing.affected import page_changed
from masthead.publishing.build import build_all
from masthead.publishing.mirror.assets import Assets
from masthead.publishing.mirror.bundle import smaller_filter_spec
from masthead.publishing.mirror.export import build_mirror
from masthead.publishing.mirror.folder import MANIFEST, MirrorError, read_manifest
from masthead.publishing.mirror.links import Copy, PageRewriter, split_srcset
from masthead.publishing.mirror.search_index import edition_searches, index_entries
from masthead.publishing.mirror.sources import PageFailed
from masthead.publishing.models import PendingRender
from masthead.publishing.paths import relative_file
from masthead.publishing.publisher import drain, request_renders
from tests import factories
from tests.burmese_fixtures import FIXTURES

pytestmark = pytest.mark.django_db

BURMESE_RUN = "စစ်ကိုင်းတိုင်းတွင်ရေကြီးမှုကြောင့်ကျေးရွာတစ်ဒါဇင်ပြောင်းရွှေ့"  # no spaces
BURMESE_WORD = "ရေကြီး"  # flood, inside the run above
ZAWGYI_WORD = "ေရႀကီး"  # the same word typed in Zawgyi


@pytest.fixture(autouse=True)
def empty_tree() -> Iterator[None]:
    """Each test starts with no published files."""
    root = Path(settings.PUBLISHED_ROOT)
    for url in list(store.published_urls(root)):
        store.remove(url, root)
    yield


def picture(title: str) -> NewsImage:
    return NewsImage.objects.create(
        title=title,
        caption=f"{title}, seen from the river.",
        file=ImageFile(io.BytesIO(draw_landscape(title, 1200, 675)), name=f"{title.lower()}.jpg"),
    )


def burmese_story(section: Page, *, title: str, slug: str, **fields: object) -> ArticlePage:
    draft = ArticleDraft(
        title=title, slug=slug, body=[factories.paragraph("ဒေသခံများက ပြောသည်။")], **fields
    )
    story = create_article(section=section, draft=draft)
    publish_article(article=story, published_at=timezone.now() - timedelta(hours=2))
    return ArticlePage.objects.get(pk=story.pk)


@pytest.fixture
def newsroom() -> dict[str, ArticlePage]:
    """Both editions: sections, bylines, tags, pictures, a Burmese address, counterparts and a
    contact form."""
    news = factories.section("News")
    business = factories.section("Business")
    writer = factories.author("Thida Aung")
    flood = factories.article(
        news,
        title="Floods reach the delta",
        standfirst="Twelve villages moved to higher ground.",
        featured_image=picture("Delta"),
        authors=(writer,),
        tags=("floods",),
    )
    factories.article(business, title="Rice prices climb again", tags=("rice",))
    factories.article(news, title="Schools reopen in Sagaing", authors=(writer,))
    သတင်း = create_section(parent=factories.home("my"), title="သတင်း", slug="သတင်း")
    burmese = burmese_story(
        သတင်း,
        title=BURMESE_RUN,
        slug=slugify("စစ်ကိုင်း ရေကြီး"),
        standfirst="ကျေးရွာ ၁၂ ရွာ ပြောင်းရွှေ့",
        featured_image=picture("Sagaing"),
    )
    link_counterparts(article=flood, counterpart=burmese)
    contact = ContactPage(title="Contact", slug="contact", intro="Write to us.")
    factories.home().add_child(instance=contact)
    contact.save_revision().publish()
    return {"flood": flood, "burmese": ArticlePage.objects.get(pk=burmese.pk)}


def settle(*page_ids: int) -> None:
    """What the worker does after these pages changed: find the URLs, render them."""
    for page_id in page_ids:
        request_renders(page_changed(page_id))
    drain(now=timezone.now() + timedelta(minutes=10))


# --- Following links as a browser does -------------------------------------------------------
class _Links(HTMLParser):
    """(tag, attribute, address) of every address a browser follows or loads."""

    FOLLOWED = {"href", "src", "action", "poster", "data", "formaction"}

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").split():
            return  # names the original on the live site, on purpose
        if "external" in values.get("rel", "").split():
            return  # leaves the copy for the live site on purpose (the contact form's note)
        for name, value in values.items():
            if name in self.FOLLOWED:
                self.found.append((tag, name, value))
            elif name == "srcset":
                self.found += [(tag, name, address) for address, _ in split_srcset(value)]


def links_of(html_file: Path) -> list[tuple[str, str, str]]:
    parser = _Links()
    parser.feed(html_file.read_text(encoding="utf-8"))
    return parser.found


def crawl(root: Path) -> tuple[list[str], list[str]]:
    """Follow every link of every HTML file under `root` from the file on disk, as a browser
    on file:// would. Returns (problems, links to the live site)."""
    live = urlsplit(settings.BASE_URL)
    problems, to_live = [], []
    for html_file in sorted(root.rglob("*.html")):
        name = html_file.relative_to(root)
        for tag, attribute, address in links_of(html_file):
            parts = urlsplit(address)
            if not address or address.startswith("#") or parts.scheme in {"mailto", "tel"}:
                continue
            if address.startswith("/"):
                problems.append(f"{name}: root-relative <{tag} {attribute}={address!r}>")
                continue
            if parts.scheme in {"http", "https"}:
                if parts.netloc == live.netloc:
                    to_live.append(address)
                    if copy_holds(root, parts.path):
                        problems.append(f"{name}: absolute link to a copied page {address!r}")
                continue
            target = urlsplit(urljoin(html_file.as_uri(), address))
            path = Path(url2pathname(unquote(target.path)))
            if not path.is_file():
                problems.append(f"{name}: broken <{tag} {attribute}={address!r}>")
            elif root.resolve() not in path.resolve().parents:
                problems.append(f"{name}: leaves the copy's folder: {address!r}")
    return problems, to_live


def copy_holds(root: Path, path: str) -> bool:
    try:
        return (root / relative_file(path)).is_file()
    except ValueError:
        return False


def manifest_problems(root: Path) -> list[str]:
    hashes = read_manifest(root)
    assert hashes is not None, "no manifest"
    on_disk = {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.name != MANIFEST
    }
    problems = [f"not in the manifest: {name}" for name in sorted(on_disk - set(hashes))]
    problems += [f"missing: {name}" for name in sorted(set(hashes) - on_disk)]
    for name in sorted(on_disk & set(hashes)):
        if hashlib.sha256((root / name).read_bytes()).hexdigest() != hashes[name]:
            problems.append(f"wrong hash: {name}")
    return problems


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    hashes = read_manifest(root) or {}
    return {name: (digest, (root / name).stat().st_mtime_ns) for name, digest in hashes.items()}


def file_of(url: str) -> str:
    return relative_file(url).as_posix()


# --- The mirror -----------------------------------------------------------------------------
def test_every_link_of_the_mirror_resolves_offline_in_both_editions(newsroom, tmp_path):
    report = build_mirror(tmp_path / "mirror")
    root = tmp_path / "mirror"
    problems, to_live = crawl(root)
    assert problems == [], "\n".join(problems)
    assert report.rendered == report.pages > 0  # nothing was published: all rendered
    burmese = newsroom["burmese"]
    # Stored under its Burmese name, as nginx and file:// look it up, and linked percent-encoded.
    burmese_file = root / unquote(file_of(burmese.url))
    assert burmese_file.is_file()
    assert "စစ်ကိုင်း" in str(burmese_file)
    english_story = (root / file_of(newsroom["flood"].url)).read_text()
    assert "%E1%80" in english_story  # the edition switch to the Burmese counterpart
    for edition_front in ("index.html", "my/index.html", "lite/index.html", "my/lite/index.html"):
        assert (root / edition_front).is_file()
    # Links to what no copy can answer stay on the live site: the short link, for one.
    assert any("/a/" in address for address in to_live)


def test_the_mirror_works_from_a_sub_path_and_keeps_images_fonts_and_feeds(newsroom, tmp_path):
    root = tmp_path / "mirror"
    build_mirror(root)
    story = (root / file_of(newsroom["flood"].url)).read_text()
    assert 'href="/' not in story and 'src="/' not in story
    assert 'href="../../static/css/site.css"' in story
    assert 'rel="canonical" href="http://' in story  # the original, for search engines
    images = [a for tag, _, a in links_of(root / file_of(newsroom["flood"].url)) if tag == "img"]
    assert images and all(address.startswith("../../media/images/") for address in images)
    fonts = list((root / "static/fonts").glob("*.woff2"))
    assert fonts, "the Myanmar webfont is copied with the stylesheet that names it"
    assert 'url("../fonts/' in (root / "static/css/fonts.css").read_text()
    assert (root / "feed/rss.xml").is_file() and (root / "robots.txt").is_file()
    # Served from a sub-path, every link stays under it: none leaves the folder (crawl checks).
    assert crawl(root)[0] == []


def test_a_form_that_posts_becomes_a_note_and_every_page_links_the_search(newsroom, tmp_path):
    root = tmp_path / "mirror"
    build_mirror(root)
    contact = (root / "contact/index.html").read_text()
    assert 'method="post"' not in contact.lower()
    # The header's search form (a GET) is kept: it leads to the copy's own search page.
    assert '<form class="site-search"' in contact and 'action="../search/index.html"' in contact
    assert f'href="{settings.BASE_URL}/contact/" rel="external"' in contact
    assert f"mailto:{settings.MASTHEAD_CONTACT_EMAIL}" in contact
    front = (root / "index.html").read_text()
    assert '<a href="search/index.html" rel="search">Search</a>' in front
    burmese_front = (root / "my/index.html").read_text()
    assert '<a href="search/index.html" rel="search">ရှာဖွေရန်</a>' in burmese_front


def test_the_search_page_without_javascript_sends_readers_to_the_archive(newsroom, tmp_path):
    root = tmp_path / "mirror"
    build_mirror(root)
    page = (root / "my/search/index.html").read_text()
    noscript = page[page.index("<noscript>") : page.index("</noscript>")]
    assert "JavaScript လိုအပ်ပါသည်" in noscript
    assert 'href="../archive/index.html"' in noscript
    assert (root / "my/archive/index.html").is_file()
    assert '<script src="stories.js"></script>' in page


def test_the_manifest_lists_every_file_with_its_hash(newsroom, tmp_path):
    root = tmp_path / "mirror"
    build_mirror(root)
    assert manifest_problems(root) == []
    lines = (root / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines, key=lambda line: line.split("  ", 1)[1])
    assert all(len(line.split("  ", 1)[0]) == 64 for line in lines)


def test_incremental_after_one_new_story_rewrites_only_what_changed(newsroom, tmp_path, capsys):
    build_all()
    root = tmp_path / "mirror"
    waiting = {relative_file(url) for url in PendingRender.objects.values_list("url", flat=True)}
    current = {relative_file(url) for url in store.published_urls()} - waiting
    first = build_mirror(root)
    # Every current published file was copied; only the missing and the queued were rendered.
    assert first.reused == len(current) > 0
    assert first.rendered == first.pages - first.reused
    before = snapshot(root)
    news = newsroom["flood"].get_parent().specific
    story = factories.article(news, title="Dikes hold in the delta", tags=("floods",))
    settle(story.pk)
    report = build_mirror(root, incremental=True)
    counts = report.folder
    with capsys.disabled():
        print(
            f"\n  one new story: {counts.added} added, {counts.changed} changed,"
            f" {counts.removed} removed, {counts.unchanged} unchanged of {counts.files} files"
        )
    assert manifest_problems(root) == []
    assert crawl(root)[0] == []
    after = snapshot(root)
    written = {name for name in after if before.get(name, ("", 0))[0] != after[name][0]}
    assert file_of(story.url) in written
    # What changed is what the publisher re-rendered for the story, and the search.
    rendered = {file_of(url) for url in page_changed(story.pk).urls}
    assert written <= rendered | {"search/index.html", "search/stories.js"}
    assert counts.added + counts.changed == len(written) < counts.files // 2
    assert counts.removed == 0
    for name, (digest, modified) in before.items():
        if after[name][0] == digest:
            assert after[name][1] == modified, f"{name} was rewritten though unchanged"


def test_incremental_after_unpublishing_removes_the_story_files(newsroom, tmp_path):
    build_all()
    root = tmp_path / "mirror"
    build_mirror(root)
    flood = newsroom["flood"]
    story_files = [name for name in read_manifest(root) or {} if "story-" in name]
    own = [name for name in story_files if name.endswith(file_of(flood.url).split("/", 1)[1])]
    assert own, "the story and its light version are in the mirror"
    unpublish_article(article=flood)
    settle(flood.pk)
    report = build_mirror(root, incremental=True)
    assert report.folder.removed >= len(own)
    for name in own:
        assert not (root / name).exists()
    assert manifest_problems(root) == []
    assert crawl(root)[0] == []


def test_a_build_that_fails_half_way_leaves_the_previous_manifest(newsroom, tmp_path):
    root = tmp_path / "mirror"
    build_mirror(root)
    manifest = (root / MANIFEST).read_bytes()
    broken = tmp_path / "templates"
    (broken / "includes").mkdir(parents=True)
    (broken / "includes/footer.html").write_text('<footer>{% include "no-such-part.html" %}')
    templates = [{**settings.TEMPLATES[0], "DIRS": [broken, *settings.TEMPLATES[0]["DIRS"]]}]
    with override_settings(TEMPLATES=templates), pytest.raises(PageFailed):
        build_mirror(root, incremental=True, fresh=True)
    assert (root / MANIFEST).read_bytes() == manifest
    assert manifest_problems(root) == []
    assert not list(root.rglob(".tmp-*"))


def test_a_folder_that_is_not_a_mirror_is_never_written(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(MirrorError, match="not empty"):
        build_mirror(tmp_path)
    with pytest.raises(CommandError, match="not empty"):
        call_command("mirror", "build", str(tmp_path))
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_the_command_prints_what_it_added_changed_and_removed(newsroom, tmp_path):
    out = io.StringIO()
    call_command("mirror", "build", str(tmp_path / "mirror"), stdout=out, stderr=io.StringIO())
    call_command("mirror", "build", str(tmp_path / "mirror"), "--incremental", stdout=out)
    printed = out.getvalue().splitlines()
    assert any(" added, 0 changed, 0 removed, 0 unchanged." in line for line in printed)
    assert any(" 0 added, 0 changed, 0 removed, " in line for line in printed)


# --- Search in the reader's browser ------------------------------------------------------------
def phrase_search(entries: list[dict[str, str]], query: str) -> list[str]:
    """What the search script does, in Python: the query's units as a run of whole units."""
    wanted = f" {index_text(query)} "
    return [e["h"] for e in entries if any(wanted in f" {line} " for line in e["i"].split("\n"))]


def test_the_index_finds_a_burmese_story_by_a_word_inside_a_longer_run(newsroom):
    search = next(s for s in edition_searches() if s.edition.language == "my")
    entries = index_entries(search, story_link=lambda url: f"link:{url}")
    assert [entry["h"] for entry in entries] == [BURMESE_RUN]
    entry = entries[0]
    assert entry["u"] == f"link:{newsroom['burmese'].url}"
    assert entry["i"].split("\n")[0] == " ".join(syllables(BURMESE_RUN))
    assert phrase_search(entries, BURMESE_WORD) == [BURMESE_RUN]
    assert phrase_search(entries, zawgyi_to_unicode(ZAWGYI_WORD)) == [BURMESE_RUN]
    assert phrase_search(entries, "ရေကြီးမှု ကြောင့်".replace(" ", "")) == [BURMESE_RUN]
    assert phrase_search(entries, "ကြီးမား") == []  # not a run of the story's syllables
    assert entry["d"].startswith("၂၀")  # the date in Burmese digits


def test_the_index_is_a_script_a_page_opened_from_disk_can_load(newsroom, tmp_path):
    root = tmp_path / "mirror"
    build_mirror(root)
    script = (root / "my/search/stories.js").read_text(encoding="utf-8")
    assert script.startswith("window.mastheadMirrorStories={")
    assert BURMESE_RUN in script
    link = script.split('"u":"', 1)[1].split('"', 1)[0]
    target = Path(
        url2pathname(unquote(urlsplit(urljoin((root / "my/search/x").as_uri(), link)).path))
    )
    assert target.is_file()


# --- The offline bundle --------------------------------------------------------------------------
def test_a_week_bundle_links_inside_itself_or_to_the_live_site(newsroom, tmp_path):
    now = timezone.now()
    news = factories.section("Regions")
    old = factories.article(
        news, title="A story from last month", published_at=now - timedelta(days=30)
    )
    for day in range(7):
        factories.article(
            news,
            title=f"Day {day} on the river",
            published_at=now - timedelta(days=day, hours=1),
            featured_image=picture(f"River {day}"),
        )
    out = tmp_path / "week.zip"
    printed = io.StringIO()
    call_command("mirror", "bundle", "--days", "7", str(out), stdout=printed)
    size = out.stat().st_size
    assert f"{size:,} bytes" in printed.getvalue()
    assert size < 5_000_000
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(out) as archive:
        assert archive.namelist()[0] == "index.html"
        archive.extractall(folder)
    problems, to_live = crawl(folder)
    assert problems == []
    start = folder / "index.html"
    assert {address for _, _, address in links_of(start)} >= {
        "site/index.html",
        "site/my/index.html",
    }
    site = folder / "site"
    assert (site / file_of(newsroom["burmese"].url)).is_file()
    assert not (site / file_of(old.url)).exists()
    assert f"{settings.BASE_URL}{old.url}" in to_live  # older stories: on the live site
    assert (site / "static/css/site.css").is_file()
    pictures = list((site / "media").rglob("*.jpg"))
    assert pictures
    for path in pictures:
        with Image.open(path) as image:
            assert image.width <= 480, path.name
    assert not list(tmp_path.glob(".tmp-*"))


def test_pictures_in_the_bundle_keep_their_shape_at_a_small_width():
    assert smaller_filter_spec("width-1200") == "width-480|format-jpeg|jpegquality-60"
    assert smaller_filter_spec("fill-640x360") == "fill-480x270|format-jpeg|jpegquality-60"
    assert smaller_filter_spec("fill-800x800-c100|format-webp") == (
        "fill-480x480-c100|format-jpeg|jpegquality-60"
    )
    assert smaller_filter_spec("max-1600x900") == "max-480x270|format-jpeg|jpegquality-60"
    assert smaller_filter_spec("fill-96x96") is None
    assert smaller_filter_spec("width-480|format-jpeg|jpegquality-60") is None


# --- Rewriting links -------------------------------------------------------------------------
def rewrite(html: str, page_url: str = "/news/x/", pages: set[str] | None = None) -> str:
    held = {relative_file(url) for url in (pages or {"/", "/news/", "/news/x/", "/my/သတင်း/"})}
    copy = Copy(
        live_base="https://news.example",
        other_live_bases=("http://example2onion.onion",),
        has_page=held.__contains__,
        asset=Assets(),
        asset_prefixes=(settings.STATIC_URL, settings.MEDIA_URL),
    )
    return PageRewriter(copy).rewrite(html, page_url=page_url, page_file=relative_file(page_url))


@pytest.mark.parametrize(
    ("link", "rewritten"),
    [
        ("/", "../../index.html"),
        ("/news/", "../index.html"),
        ("/news", "../index.html"),
        ("../", "../index.html"),
        ("#comments", "#comments"),
        ("/news/#top", "../index.html#top"),
        ("https://news.example/news/", "../index.html"),
        ("http://example2onion.onion/news/", "../index.html"),
        (
            "/my/%E1%80%9E%E1%80%90%E1%80%84%E1%80%BA%E1%80%B8/",
            "../../my/%E1%80%9E%E1%80%90%E1%80%84%E1%80%BA%E1%80%B8/index.html",
        ),
        ("/my/သတင်း/", "../../my/%E1%80%9E%E1%80%90%E1%80%84%E1%80%BA%E1%80%B8/index.html"),
        ("/search/?q=floods", "https://news.example/search/?q=floods"),
        ("/news/?page=2", "https://news.example/news/?page=2"),
        ("/a/12/", "https://news.example/a/12/"),
        ("https://news.example/a/12/", "https://news.example/a/12/"),
        ("https://elsewhere.example/news/", "https://elsewhere.example/news/"),
        ("mailto:desk@news.example", "mailto:desk@news.example"),
    ],
)
def test_links_become_relative_files_or_point_to_the_live_site(link, rewritten):
    assert rewrite(f'<a class="x" href="{link}">x</a>') == f'<a class="x" href="{rewritten}">x</a>'


def test_only_the_changed_tags_are_rewritten_and_styles_and_srcsets_too():
    page = (
        '<!doctype html>\n<p class="a">Text &amp; more</p>\n'
        '<img srcset="/media/none.jpg 480w, https://elsewhere.example/b.jpg 2x" alt="">\n'
        "<div style=\"background: url('/news/')\"></div>\n"
        "<style>.x { background: url(/news/); }</style>\n"
        '<form method="get" action="/news/"><input name="q"></form>\n'
        '<link rel="canonical" href="https://news.example/news/x/">'
    )
    result = rewrite(page)
    assert result.startswith('<!doctype html>\n<p class="a">Text &amp; more</p>\n')
    assert (
        'srcset="https://news.example/media/none.jpg 480w, https://elsewhere.example/b.jpg 2x"'
        in result
    )
    assert "style=\"background: url('../index.html')\"" in result
    assert "<style>.x { background: url(../index.html); }</style>" in result
    assert '<form method="get" action="../index.html">' in result
    assert '<link rel="canonical" href="https://news.example/news/x/">' in result


# --- In Chromium -------------------------------------------------------------------------------
def _chromium() -> Path:
    from tests.browser.chromium import CHROMIUM

    return CHROMIUM


@pytest.mark.browser
def test_the_search_script_finds_burmese_and_zawgyi_queries_in_chromium(newsroom, tmp_path):
    playwright_api = pytest.importorskip("playwright.sync_api")
    from tests.browser.chromium import CHROMIUM_ARGS

    if not _chromium().exists():
        pytest.skip(f"no Chromium at {_chromium()}: the search script was not run")
    root = tmp_path / "mirror"
    build_mirror(root)
    search_page = (root / "my/search/index.html").as_uri()
    unicode_lines = _fixture_lines("udhr_mya_unicode_src.txt")
    zawgyi_lines = _fixture_lines("mmgov_zawgyi_src.txt")
    reference = [index_text(line) for line in _fixture_lines("mmgov_unicode_out.txt")]
    expected_unicode = [index_text(line) for line in unicode_lines]
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(_chromium()), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            for query in (BURMESE_WORD, ZAWGYI_WORD, f"  {BURMESE_WORD} ကြောင့်"):
                page.goto(f"{search_page}?q={query}")
                headlines = page.locator("[data-results] .card__headline a").all_inner_texts()
                assert headlines == [BURMESE_RUN], query
                status = page.locator("[data-status]").inner_text()
                assert status == "ကိုက်ညီသော သတင်း ၁ ပုဒ်"
                href = page.locator("[data-results] a").first.get_attribute("href")
                page.locator("[data-results] a").first.click()
                assert page.url.endswith("index.html"), href
                assert BURMESE_RUN in page.title()
            page.goto(f"{search_page}?q=ကြီးမား")
            assert page.locator("[data-results] .card").count() == 0
            page.goto(search_page)
            script_forms = page.evaluate(
                "lines => lines.map(window.mastheadMirrorSearch.indexForm)", unicode_lines
            )
            assert script_forms == expected_unicode
            from_zawgyi = page.evaluate(
                "lines => lines.map(window.mastheadMirrorSearch.indexForm)", zawgyi_lines
            )
            same = sum(1 for got, want in zip(from_zawgyi, reference, strict=True) if got == want)
            assert same >= 0.95 * len(reference), f"{same} of {len(reference)} Zawgyi lines"
            without_script = browser.new_context(java_script_enabled=False).new_page()
            without_script.goto(search_page)
            assert "JavaScript လိုအပ်ပါသည်" in without_script.locator("main").inner_text()
            assert not without_script.locator("main form[role=search]").is_visible()
        finally:
            browser.close()


def _fixture_lines(name: str) -> list[str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]

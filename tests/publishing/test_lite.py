"""The light edition: text-first pages at /lite/ and /my/lite/ that stay under 15 KB."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import quote, unquote
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.translation.reloader import translation_file_changed

import masthead
from masthead.demo.images import draw_landscape
from masthead.journalism.models import ArticlePage, NewsImage, StandardPage
from masthead.journalism.services import (
    ArticleDraft,
    add_correction,
    create_article,
    create_section,
    link_counterparts,
    publish_article,
    unpublish_article,
)
from masthead.publishing.lite.paths import lite_url, lite_urls_for_article
from masthead.publishing.lite.split import split_html, top_level_elements
from masthead.publishing.lite.style import page_style, style_source_hash
from tests import factories

pytestmark = pytest.mark.django_db

BUDGET = 15_360
YANGON = ZoneInfo("Asia/Yangon")
_serial = itertools.count(1)
BURMESE_SENTENCES = (
    "ဒေသခံများက လမ်းကို တစ်ပတ်ကြာ ပိတ်ထားကြောင်း ပြောသည်။",
    "စစ်ကိုင်းတိုင်းတွင် ကျေးရွာ ဆယ့်နှစ်ရွာ ထိခိုက်ခဲ့ပြီး နေအိမ်များ မီးလောင်ခဲ့သည်။",
    "ခွဲထွက်လာသော စစ်သားများက မိသားစုများကို အရေးယူမည်ကို စိုးရိမ်ကြောင်း ပြောဆိုကြသည်။",
    "စစ်မှုထမ်း ဥပဒေဖြင့် ခေါ်ယူခံရသူ လူငယ်များသည် နယ်စပ်ဘက်သို့ ထွက်ပြေးနေကြသည်။",
)


# --- Reading pages --------------------------------------------------------------------------------
class _Page(HTMLParser):
    """What a check needs from a page: its text, links, headings and whether every element
    it opens is closed in order."""

    VOID = {"meta", "link", "br", "hr", "img", "input", "wbr"}

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self.headings: list[int] = []
        self.stack: list[str] = []
        self.misnested: list[str] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a":
            self._href, self._link_text = dict(attrs).get("href") or "", []
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.misnested.append(tag)
        else:
            self.stack.pop()
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._link_text).split())))
            self._href = None
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)
            if self._href is not None:
                self._link_text.append(data)

    @property
    def reader_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def read(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def squeeze(text: str) -> str:
    """Text without any whitespace: Burmese cut mid-run gains no space, a cut after a space
    loses none that matters."""
    return "".join(text.split())


def assert_light(response) -> str:
    """The rules every light page keeps, whatever it shows."""
    html = response.content.decode()
    assert len(response.content) <= BUDGET, (response.request["PATH_INFO"], len(response.content))
    lowered = html.lower()
    for forbidden in ("<script", "<img", "@font-face", '<link rel="stylesheet', "@import"):
        assert forbidden not in lowered, forbidden
    assert lowered.count("<style>") == 1 and len(page_style().encode()) < 1024
    assert '<meta name="viewport" content="width=device-width,initial-scale=1">' in html
    assert "prefers-color-scheme:dark" in html
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    page = read(html)
    assert not page.misnested and page.stack == [], (page.misnested, page.stack)
    assert page.headings[0] == 1, "a page starts with its one h1"
    assert page.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False))
    assert all(text for _, text in page.links), "every link has text"
    return html


def get(client: Client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    assert_light(response)
    return response


@pytest.fixture
def client() -> Client:
    return Client()


@pytest.fixture(scope="module")
def burmese_catalogue() -> Iterator[None]:
    """The Burmese catalogue compiled, as the translation tests compile it."""
    package = Path(masthead.__file__).resolve().parent
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(package)
        call_command("compilemessages", verbosity=0)
    compiled = Path(settings.LOCALE_PATHS[0]) / "my" / "LC_MESSAGES" / "django.mo"
    translation_file_changed(sender=None, file_path=compiled)
    yield


# --- Content --------------------------------------------------------------------------------------
def section(title: str, slug: str, *, language: str = "en", parent=None):
    return create_section(parent=parent or factories.home(language), title=title, slug=slug)


def picture(
    title: str = "Crossing", caption: str = "Villagers at the river crossing."
) -> NewsImage:
    return NewsImage.objects.create(
        title=title,
        caption=caption,
        credit="Ayeyar Chronicle",
        file=ImageFile(BytesIO(draw_landscape(title, 1200, 675)), name=f"{title.lower()}.jpg"),
    )


def story(
    section,
    *,
    title: str,
    blocks: list[dict],
    slug: str | None = None,
    published_at: datetime | None = None,
    **fields,
):
    """A published story with exactly these body blocks."""
    draft = ArticleDraft(
        title=title, slug=slug or f"lite-story-{next(_serial)}", body=blocks, **fields
    )
    article = create_article(section=section, draft=draft)
    publish_article(article=article, published_at=published_at or timezone.now())
    return ArticlePage.objects.get(pk=article.pk)


def long_english_paragraphs(count: int = 60) -> list[str]:
    return [
        f"Paragraph {n} of the long report. "
        + "Residents of the township said the road to the market had been closed for a week, "
        "and that soldiers at the checkpoint searched every phone they found. " * 3
        for n in range(1, count + 1)
    ]


def long_burmese_paragraphs(count: int = 60) -> list[str]:
    """About 45 KB of Burmese: a 3,000-word story and more."""
    from masthead.burmese import to_burmese_digits

    return [
        f"အပိုဒ် {to_burmese_digits(str(n))}။ "
        + " ".join(BURMESE_SENTENCES[(n + i) % len(BURMESE_SENTENCES)] for i in range(4))
        for n in range(1, count + 1)
    ]


def paragraphs_as_blocks(paragraphs: list[str], every: int = 0) -> list[dict]:
    blocks = []
    for number, text in enumerate(paragraphs, start=1):
        blocks.append(factories.paragraph(text))
        if every and number % every == 0:
            blocks.append(
                {
                    "type": "heading",
                    "value": {"text": f"Heading after paragraph {number}", "level": "h2"},
                }
            )
    return blocks


def all_parts(client: Client, article: ArticlePage) -> list[str]:
    return [get(client, url).content.decode() for url in lite_urls_for_article(article)]


def story_body(html: str) -> str:
    """The text of a part of a story after its header (headline, part, standfirst, byline)."""
    after_header = html[html.index("</h1>") + len("</h1>") : html.index("</article>")]
    return read(re.sub(r'<p class="[ms]">.*?</p>', "", after_header, flags=re.S)).reader_text


def assert_whole_text_in_order(pages: list[str], paragraphs: list[str]) -> None:
    joined = squeeze(" ".join(story_body(page) for page in pages))
    position = 0
    for paragraph in paragraphs:
        found = joined.find(squeeze(paragraph), position)
        assert found >= 0, f"missing or out of order: {paragraph[:40]!r}"
        position = found + len(squeeze(paragraph))


# --- Fronts ---------------------------------------------------------------------------------------
def test_english_front_shows_the_lead_top_stories_sections_and_edition_links(client):
    news = section("News", "news")
    burma = section("Burma", "burma", parent=news)
    lead = factories.article(
        burma,
        title="Defections rise in Sagaing",
        standfirst="A tally counts more than 2,000.",
        published_at=datetime(2025, 10, 10, 9, 30, tzinfo=YANGON),
    )
    html = get(client, "/lite/").content.decode()
    page = read(html)
    assert '<html lang="en">' in html
    assert ("/lite/news/burma/" + lead.slug + "/", "Defections rise in Sagaing") in page.links
    assert "A tally counts more than 2,000." in html
    assert "10 October 2025" in html
    assert ("/lite/news/", "News") in page.links and ("/lite/news/burma/", "Burma") in page.links
    assert ("/my/lite/", "မြန်မာ") in page.links
    assert ("/", "Full site") in page.links
    assert f'<link rel="canonical" href="{settings.BASE_URL}/">' in html


def test_burmese_front_speaks_burmese_with_burmese_dates(client, burmese_catalogue):
    news = section("သတင်း", "news", language="my")
    factories.article(
        news,
        title="စစ်ကိုင်းတိုင်းတွင် တံတား ပြိုကျ",
        published_at=datetime(2025, 10, 10, 9, 30, tzinfo=YANGON),
    )
    html = get(client, "/my/lite/").content.decode()
    page = read(html)
    assert '<html lang="my">' in html
    assert "စစ်ကိုင်းတိုင်းတွင် တံတား ပြိုကျ" in html
    assert "၂၀၂၅၊ အောက်တိုဘာ ၁၀" in html  # Burmese digits and month
    assert "နေ့အထိ သတင်းများ" in html and "News as of" not in html
    assert ("/lite/", "English") in page.links
    assert ("/my/", "ဝက်ဘ်ဆိုက် အပြည့်အစုံ") in page.links
    assert "Top stories" not in html and "ထိပ်တန်းသတင်းများ" in html


def test_front_drops_entries_rather_than_outgrow_the_budget(client):
    sections = [factories.section(f"Section {n}", in_menu=True) for n in range(6)]
    for crowded_section in sections:
        for _ in range(6):
            factories.article(crowded_section, title="A very long headline " + "that goes on " * 17)
    html = get(client, "/lite/").content.decode()
    assert html.count("<li>") > 10  # trimmed, not emptied
    crowded = section("သတင်း", "news", language="my")
    for _ in range(30):
        factories.article(crowded, title=("စစ်ကိုင်းတိုင်း သတင်း " * 20)[:255])
    assert get(client, lite_url(crowded.url)).content.decode().count("<li>") > 5


# --- Section fronts -------------------------------------------------------------------------------
def test_section_front_lists_its_newest_thirty_stories_subsections_and_the_way_up(client):
    news = section("News", "news")
    burma = section("Burma", "burma", parent=news)
    now = timezone.now()
    stories = [
        factories.article(burma, title=f"Story {n:02d}", published_at=now - timedelta(hours=n))
        for n in range(32)
    ]
    html = get(client, "/lite/news/").content.decode()
    assert "Story 00" in html and "Story 29" in html
    assert "Story 30" not in html and "Story 31" not in html
    assert html.index("Story 00") < html.index("Story 29")
    links = read(html).links
    assert (f"/lite/news/burma/{stories[0].slug}/", "Story 00") in links
    assert ("/lite/news/burma/", "Burma") in links and ("/lite/", "Home") in links
    assert ("/news/", "Full version") in links
    sub = read(get(client, "/lite/news/burma/").content.decode())
    assert ("/lite/news/", "News") in sub.links  # up to its parent section


def test_burmese_slugs_with_marks_resolve(client):
    section = create_section(parent=factories.home("my"), title="သတင်း", slug="သတင်း")
    article = story(
        section,
        title="စစ်ကိုင်းတိုင်းတွင် တံတား ပြိုကျ",
        slug="စစ်ကိုင်းတိုင်းတွင်-တံတား-ပြိုကျ",
        blocks=[factories.paragraph(BURMESE_SENTENCES[0])],
    )
    assert lite_url(section.url) == f"/my/lite/{quote('သတင်း')}/"  # as the full site spells it
    section_html = get(client, lite_url(section.url)).content.decode()
    # Links on the page keep the script: a third of the bytes of their percent-encoding.
    assert (unquote(lite_url(article.url)), article.title) in read(section_html).links
    assert BURMESE_SENTENCES[0] in get(client, lite_url(article.url)).content.decode()
    assert BURMESE_SENTENCES[0] in get(client, unquote(lite_url(article.url))).content.decode()


# --- Stories --------------------------------------------------------------------------------------
def test_story_shows_its_header_every_kind_of_block_and_its_links(client):
    news = section("News", "news")
    older = factories.article(news, title="The bridge before the war")
    writer = factories.author("Ei Phyu Sin")
    article = story(
        news,
        title="Defections rise in Sagaing",
        standfirst="A tally counts more than 2,000.",
        kicker="Conflicts In Numbers",
        authors=(writer, factories.author("Kyaw Zin Htet")),
        published_at=datetime(2025, 10, 10, 9, 30, tzinfo=YANGON),
        blocks=[
            {
                "type": "paragraph",
                "value": f'<p data-block-key="ab12">See <a linktype="page" id="{older.pk}">'
                'the bridge story</a> and <a href="https://example.org/report">a report</a>.</p>',
            },
            {"type": "heading", "value": {"text": "A minor heading first", "level": "h3"}},
            {"type": "heading", "value": {"text": "What the tally shows", "level": "h2"}},
            {"type": "heading", "value": {"text": "Soldiers and police", "level": "h3"}},
            {
                "type": "list",
                "value": {"style": "numbered", "items": ["Soldiers 880", "Police 28"]},
            },
            {
                "type": "block_quote",
                "value": {"text": "We left at night.", "attribution": "A corporal"},
            },
            {"type": "pull_quote", "value": {"text": "A quarter in one week.", "attribution": ""}},
            {
                "type": "table",
                "value": {
                    "caption": "Defections by force",
                    "table": {
                        "columns": [
                            {"type": "text", "heading": "Force"},
                            {"type": "number", "heading": "Defected"},
                        ],
                        "rows": [{"values": ["Soldiers", "880"]}, {"values": ["Police", "28"]}],
                    },
                },
            },
            {
                "type": "embed",
                "value": {"url": "https://www.youtube.com/watch?v=x", "title": "Video"},
            },
            {"type": "related", "value": {"page": older.pk, "label": ""}},
            {"type": "divider", "value": None},
        ],
    )
    add_correction(article=article, note="An earlier version gave the wrong township.")
    html = get(client, f"/lite/news/{article.slug}/").content.decode()
    page = read(html)
    text = page.reader_text
    assert ("/lite/news/", "Conflicts In Numbers") in page.links
    assert "<h1>Defections rise in Sagaing</h1>" in html
    assert "A tally counts more than 2,000." in text
    assert "by Ei Phyu Sin and Kyaw Zin Htet" in text
    assert "10 October 2025, 09:30" in text and "Updated" in text
    assert "data-block-key" not in html
    assert (f"/lite/news/{older.slug}/", "the bridge story") in page.links
    assert ("https://example.org/report", "a report") in page.links
    assert "<h2>A minor heading first</h2>" in html  # no level skipped after the h1
    assert "<h2>What the tally shows</h2>\n<h3>Soldiers and police</h3>" in html
    assert "<ol><li>Soldiers 880</li><li>Police 28</li></ol>" in html
    assert "We left at night." in text and "— A corporal" in text
    assert "A quarter in one week." in text
    assert "<caption>Defections by force</caption>" in html
    assert '<th scope="row">Soldiers</th><td>880</td>' in html
    assert ("https://www.youtube.com/watch?v=x", "Video") in page.links
    assert "youtube.com" in text and "<iframe" not in html
    assert f'Read also: <a href="/lite/news/{older.slug}/">The bridge before the war</a>' in html
    assert "<hr>" in html
    assert "Corrections" in text and "An earlier version gave the wrong township." in text
    assert (f"/news/{article.slug}/", "Full version") in page.links
    assert ("/my/lite/", "မြန်မာ") in page.links  # no counterpart: the other edition's front
    assert f'<link rel="canonical" href="{settings.BASE_URL}/news/{article.slug}/">' in html
    assert "Part 1 of" not in text  # one part, no part navigation


def test_story_links_its_counterpart_in_the_other_edition(client):
    english = factories.article(section("News", "news"))
    burmese = factories.article(section("သတင်း", "news", language="my"))
    link_counterparts(article=english, counterpart=burmese)
    english_page = read(get(client, lite_url(english.url)).content.decode())
    burmese_page = read(get(client, lite_url(burmese.url)).content.decode())
    assert (lite_url(burmese.url), "မြန်မာ") in english_page.links
    assert (lite_url(english.url), "English") in burmese_page.links
    assert 'lang="my" hreflang="my"' in client.get(lite_url(english.url)).content.decode()


def test_fact_check_verdicts_are_shown_in_the_editions_language(client, burmese_catalogue):
    english = factories.fact_check(section("Fact check", "fact-check"))
    english_text = read(get(client, lite_url(english.url)).content.decode()).reader_text
    assert "Fact-check verdicts" in english_text
    assert "Claim: The bridge was never bombed. — A state newspaper" in english_text
    assert (
        "Verdict: False" in english_text and "Satellite images show the span down." in english_text
    )
    burmese = factories.fact_check(
        factories.section("အချက်အလက်စစ်ဆေးချက်", language="my"), claim="တံတား မပြိုပါ။"
    )
    burmese_text = read(get(client, lite_url(burmese.url)).content.decode()).reader_text
    assert "မှားယွင်းသည်" in burmese_text and "False" not in burmese_text


def test_pictures_are_links_to_a_small_jpeg_that_answers(client):
    featured = picture("Crossing", caption="Villagers at the river crossing.")
    inline = picture("Market", caption="The market after the strike.")
    article = story(
        factories.section(),
        title="The river crossing",
        featured_image=featured,
        blocks=[
            factories.paragraph("The crossing reopened on Monday."),
            {"type": "image", "value": {"image": inline.pk, "caption": "", "credit": ""}},
        ],
    )
    html = get(client, lite_url(article.url)).content.decode()
    links = re.findall(r'<a href="([^"]+)" type="image/jpeg">Picture \((\d+) KB\)</a>', html)
    assert len(links) == 2
    assert "Villagers at the river crossing." in html and "The market after the strike." in html
    assert "Photo: Ayeyar Chronicle" in html
    for url, kilobytes in links:
        assert "width-480.format-jpeg.jpegquality-60" in url
        response = client.get(url)
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        assert body[:3] == b"\xff\xd8\xff"  # a JPEG
        assert int(kilobytes) == max(1, round(len(body) / 1024))


def test_long_english_story_is_cut_into_parts_that_together_hold_all_of_it(client):
    paragraphs = long_english_paragraphs()
    article = story(
        section("News", "news"),
        title="The long report",
        standfirst="Everything the township told us.",
        blocks=paragraphs_as_blocks(paragraphs, every=7),
    )
    urls = lite_urls_for_article(article)
    base = lite_url(article.url)
    assert len(urls) >= 3 and urls[0] == base
    assert urls[1:] == [f"{base}{n}/" for n in range(2, len(urls) + 1)]
    pages = all_parts(client, article)
    assert_whole_text_in_order(pages, paragraphs)
    count = len(urls)
    second = read(pages[1])
    assert f"Part 2 of {count}" in second.reader_text
    assert (base, "← Previous part") in second.links and (urls[2], "Next part →") in second.links
    assert "Everything the township told us." in pages[0]
    assert "Everything the township told us." not in pages[1]  # the standfirst leads part 1
    last = read(pages[-1])
    assert not any(text.startswith("Next part") for _, text in last.links)
    for html in pages:  # no part ends on a heading
        body = html[: html.index("</article>")].rstrip()
        assert not body.endswith("</h2>")
    assert client.get(f"{base}{count + 1}/").status_code == 404
    assert client.get(f"{base}1/").status_code == 404  # part 1 has one address only


def test_long_burmese_story_is_cut_into_parts_that_together_hold_all_of_it(
    client, burmese_catalogue
):
    paragraphs = long_burmese_paragraphs()
    assert len("".join(paragraphs).encode()) > 40_000
    article = story(
        section("သတင်း", "news", language="my"),
        title="စစ်ကိုင်းတိုင်း အစီရင်ခံစာ",
        blocks=paragraphs_as_blocks(paragraphs),
    )
    urls = lite_urls_for_article(article)
    assert len(urls) >= 3
    pages = all_parts(client, article)
    assert_whole_text_in_order(pages, paragraphs)
    second = read(pages[1]).reader_text
    assert "ပိုင်းအနက် အပိုင်း ၂" in second  # "Part 2 of n" in Burmese, Burmese digits
    assert "နောက်အပိုင်း" in second and "ယခင်အပိုင်း" in second
    assert '<html lang="my">' in pages[1]


@pytest.mark.parametrize(
    "paragraph",
    [
        " ".join(BURMESE_SENTENCES) * 60,  # one Burmese paragraph of about 45 KB
        "".join(s.replace(" ", "") for s in BURMESE_SENTENCES) * 60,  # the same with no spaces
        "<b>Bold and long.</b> " + "A sentence in one giant paragraph. " * 900,
    ],
)
def test_one_giant_paragraph_is_cut_inside_and_still_holds_all_of_it(client, paragraph):
    article = story(
        factories.section(), title="One paragraph", blocks=[factories.paragraph(paragraph)]
    )
    pages = all_parts(client, article)
    assert len(pages) >= 2
    assert_whole_text_in_order(pages, [re.sub(r"<[^>]+>", "", paragraph)])


def test_corrections_and_verdicts_of_any_length_keep_to_the_budget(client):
    article = factories.fact_check(factories.section(), evidence="Satellite images. " * 110)
    for number in range(40):
        add_correction(article=article, note=f"Correction {number}: " + "a wrong figure. " * 50)
    pages = all_parts(client, ArticlePage.objects.get(pk=article.pk))
    assert len(pages) >= 3
    assert "Correction 39:" in pages[-1]


def test_a_story_with_every_field_at_its_longest_keeps_to_the_budget(client):
    def burmese_text(length: int) -> str:
        return (" ".join(BURMESE_SENTENCES) * 20)[:length]

    writers = tuple(factories.author("Writer", name_my=burmese_text(120)) for _ in range(4))
    article = story(
        section("သတင်း", "news", language="my"),
        title=burmese_text(255),
        kicker=burmese_text(60),
        standfirst=burmese_text(400),
        featured_image=picture(caption=burmese_text(400)),
        featured_caption=burmese_text(400),
        featured_credit=burmese_text(200),
        authors=writers,
        blocks=paragraphs_as_blocks(long_burmese_paragraphs(40)),
    )
    add_correction(article=article, note=burmese_text(1000))
    pages = all_parts(client, article)
    assert len(pages) >= 3
    assert_whole_text_in_order(pages, long_burmese_paragraphs(40))


# --- What is not in the light edition -------------------------------------------------------------
def test_drafts_static_pages_and_unknown_addresses_get_the_small_light_404(client):
    news = section("News", "news")
    draft = factories.article(news, publish=False)
    withdrawn = factories.article(news)
    unpublish_article(article=withdrawn)
    about = StandardPage(title="About Us", slug="about")
    factories.home().add_child(instance=about)
    about.save_revision().publish()
    for url in (
        f"/lite/news/{draft.slug}/",
        f"/lite/news/{withdrawn.slug}/",
        "/lite/about/",
        "/lite/no-such-section/",
        "/lite/news/2/",  # a section has no parts
        "/lite/2/",
        "/my/lite/news/",  # the English section is not in the Burmese edition
    ):
        response = get(client, url, status=404)
        html = response.content.decode()
        assert "We could not find that page" in html or 'lang="my"' in html, url
        assert len(response.content) < 3_000


def test_burmese_404_is_burmese(client, burmese_catalogue):
    html = get(client, "/my/lite/no-such-page/", status=404).content.decode()
    assert '<html lang="my">' in html and "သင်ရှာနေသော စာမျက်နှာကို ရှာမတွေ့ပါ" in html
    assert ("/my/lite/", "ပင်မစာမျက်နှာသို့ သွားရန်") in read(html).links


def test_a_page_depends_on_nothing_but_its_url(client):
    article = factories.article(section("News", "news"))
    url = lite_url(article.url)
    plain = client.get(url)
    other = Client(HTTP_ACCEPT_LANGUAGE="my")
    other.cookies["returning-reader"] = "yes"
    for response in (
        other.get(url),
        client.get(url + "?lang=my&part=2"),
        client.get(url, HTTP_USER_AGENT="Opera/9.80 (J2ME/MIDP; Opera Mini/4.2)"),
    ):
        assert response.content == plain.content
        assert not response.cookies
        assert "Accept-Language" not in response.get("Vary", "")


def test_only_our_inline_style_is_allowed(client):
    response = client.get("/lite/")
    policy = response["Content-Security-Policy"]
    assert style_source_hash() in policy and "unsafe-inline" not in policy
    assert f"<style>{page_style()}</style>" in response.content.decode()


def test_light_pages_answer_only_reads(client):
    assert client.post("/lite/").status_code == 405


# --- Query budgets --------------------------------------------------------------------------------
def test_light_pages_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    news = section("News", "news")
    burma = section("Burma", "burma", parent=news)
    writer = factories.author()
    for _ in range(40):
        factories.article(burma, authors=(writer, factories.author()), tags=("Sagaing",))
    older = factories.article(burma)
    blocks = []
    for number in range(30):
        blocks.append(
            factories.paragraph(
                f'Paragraph {number} links <a linktype="page" id="{older.pk}">x</a>.'
            )
        )
        blocks.append({"type": "related", "value": {"page": older.pk, "label": ""}})
    article = story(burma, title="Linked", blocks=blocks, authors=(writer,))
    for number in range(5):
        add_correction(article=article, note=f"Correction {number}.")
    urls = ["/lite/", "/lite/news/", "/lite/news/burma/", lite_url(article.url)]
    for url in urls:
        client.get(url)  # renditions and per-process caches made once
        with django_assert_max_num_queries(20, info=url):
            assert client.get(url).status_code == 200


# --- Addresses for the publisher ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("full", "light"),
    [
        ("/", "/lite/"),
        ("/my/", "/my/lite/"),
        ("/my", "/my/lite/"),
        ("/news/", "/lite/news/"),
        ("/news/burma/x/", "/lite/news/burma/x/"),
        ("/my/news/စစ်ကိုင်း/", "/my/lite/news/စစ်ကိုင်း/"),
        ("/lite/news/", "/lite/news/"),
        ("https://example.org/my/news/x/", "https://example.org/my/lite/news/x/"),
    ],
)
def test_lite_url_maps_a_full_address_to_its_light_one(full, light):
    assert lite_url(full) == light


def test_lite_urls_for_a_short_story_is_its_one_address(client):
    article = factories.article(section("News", "news"))
    assert lite_urls_for_article(article) == [f"/lite/news/{article.slug}/"]


@pytest.mark.parametrize("language", ["en", "my"])
def test_the_quick_one_part_check_never_hides_a_second_part(client, language):
    """Stories just under the quick check's limit, in many small blocks (each may become a
    long link), are cut for real into one part too."""
    from django.utils import translation

    from masthead.publishing.lite.links import LiteLinks
    from masthead.publishing.lite.pages import story_parts
    from masthead.publishing.lite.paths import surely_one_part

    home_section = section("သတင်း" if language == "my" else "News", "news", language=language)
    words = long_burmese_paragraphs(40) if language == "my" else long_english_paragraphs(40)
    checked = 0
    for count in range(1, 40, 3):
        article = factories.article(home_section, body_text=words[0])
        ArticlePage.objects.filter(pk=article.pk).update(
            body=paragraphs_as_blocks([w[:120] for w in words[:count]])
        )
        article = ArticlePage.objects.get(pk=article.pk)
        if not surely_one_part(article):
            continue
        links = LiteLinks.load()
        tree = links.tree(language)
        with translation.override(language):
            assert story_parts(article, tree, links).count == 1
        checked += 1
    assert checked >= 3


def test_full_site_footer_links_to_the_light_edition(client, burmese_catalogue):
    assert '<a href="/lite/">Light edition</a>' in client.get("/").content.decode()
    assert '<a href="/my/lite/">ဒေတာသက်သာ ဗားရှင်း</a>' in client.get("/my/").content.decode()


# --- Cutting HTML ---------------------------------------------------------------------------------
def test_split_html_keeps_runs_well_formed_and_syllables_whole():
    text = "".join(s.replace(" ", "") for s in BURMESE_SENTENCES) * 20
    runs = split_html(f'<p><a href="/x/">{text}</a></p>', 400)
    assert len(runs) > 5
    for run in runs:
        assert len(run.encode()) <= 400
        assert run.startswith('<p><a href="/x/">') and run.endswith("</a></p>")
        first = run[len('<p><a href="/x/">')]
        assert not ("\u102b" <= first <= "\u103e"), "a run never starts with a vowel sign"
    assert squeeze(re.sub(r"<[^>]+>", "", "".join(runs))) == squeeze(text)


def test_top_level_elements_wraps_loose_text():
    assert top_level_elements("<p>One</p>loose <b>text</b><h2>Two</h2>") == [
        "<p>One</p>",
        "<p>loose <b>text</b></p>",
        "<h2>Two</h2>",
    ]

"""The reader site speaks Burmese: every string our code marks for translation has a Burmese
translation in masthead/locale, and the /my/ edition shows it.

To add the strings of new code to the catalogue, run from the package folder:
    cd masthead && ../.venv/bin/masthead makemessages -l my --no-obsolete --ignore 'burmese/*'
then translate each new msgstr.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.translation.reloader import translation_file_changed

import masthead
from masthead.journalism.models import ContactPage
from masthead.journalism.services import add_correction
from tests import factories

PACKAGE_DIR = Path(masthead.__file__).resolve().parent
LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
CATALOGUE = LOCALE_DIR / "my" / "LC_MESSAGES" / "django.po"
# The same options as the documented makemessages command, so the test sees what it sees.
MAKEMESSAGES_OPTIONS = {"locale": ["my"], "no_obsolete": True, "ignore_patterns": ["burmese/*"]}
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[sdif]")


# --- A small reader of gettext .po files --------------------------------------------------


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return bool(self.msgstr) and all(self.msgstr.values())

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda match: _ESCAPES.get(match[1], match[1]), text)


def parse_po(text: str) -> list[Entry]:
    """Entries of a .po file, header included (its msgid is empty), in file order."""
    entries: list[Entry] = []
    entry: Entry | None = None
    pending_flags: set[str] = set()
    target: tuple[str, int] | None = None  # the field that continuation lines extend

    def finish() -> None:
        nonlocal entry, target
        if entry is not None:
            entries.append(entry)
        entry, target = None, None

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        elif line.startswith("#,"):
            if entry is not None and entry.msgstr:
                finish()
            pending_flags |= {flag.strip() for flag in line[2:].split(",") if flag.strip()}
            continue
        elif line.startswith("#"):
            if entry is not None and entry.msgstr:
                finish()
            continue
        if not line:
            finish()
            continue
        if keyword := _KEYWORD.match(line):
            name, index, value = keyword[1], keyword[2], _unquote(keyword[3])
            starts_entry = name in ("msgctxt", "msgid")
            if starts_entry and (entry is None or entry.msgstr or name == "msgctxt"):
                finish()
            if entry is None:
                entry = Entry(flags=pending_flags, obsolete=obsolete)
                pending_flags = set()
            if name.startswith("msgstr"):  # msgstr, or msgstr[N] of a plural
                target = ("msgstr", int(index or 0))
                entry.msgstr[target[1]] = value
            else:
                target = (name, 0)
                setattr(entry, name, value)
            continue
        continuation = _CONTINUATION.match(line)
        if continuation is None or entry is None or target is None:
            raise ValueError(f"line {number} of the catalogue is not valid .po: {raw!r}")
        value = _unquote(continuation[1])
        if target[0] == "msgstr":
            entry.msgstr[target[1]] += value
        else:
            setattr(entry, target[0], getattr(entry, target[0]) + value)
    finish()
    return entries


def read_catalogue(path: Path) -> dict[tuple[str | None, str], Entry]:
    """Live (not obsolete) entries by (context, msgid), the header left out."""
    return {
        entry.key: entry
        for entry in parse_po(path.read_text(encoding="utf-8"))
        if entry.msgid and not entry.obsolete
    }


def header(path: Path) -> Entry:
    return next(entry for entry in parse_po(path.read_text(encoding="utf-8")) if not entry.msgid)


def burmese(msgid: str) -> str:
    """The committed Burmese translation, read from the .po, not through Django."""
    return read_catalogue(CATALOGUE)[(None, msgid)].msgstr[0]


def test_po_reader_handles_multiline_plural_context_fuzzy_and_obsolete_entries():
    text = r"""msgid ""
msgstr ""
"Language: my\n"
"Plural-Forms: nplurals=1; plural=0;\n"

#: a.py:1
#, fuzzy, python-format
msgid ""
"A long %(name)s "
"line with \"quotes\""
msgstr "ရှည်လျား %(name)s"

msgctxt "byline"
msgid "by"
msgid_plural "bys"
msgstr[0] ""

msgid "%(n)s view"
msgid_plural "%(n)s views"
msgstr[0] "ကြည့်ရှုမှု %(n)s"

#~ msgid "Gone"
#~ msgstr "မရှိတော့"
"""
    head, long, plural, counted, gone = parse_po(text)
    assert head.msgid == "" and "nplurals=1" in head.msgstr[0]
    assert long.msgid == 'A long %(name)s line with "quotes"'
    assert long.fuzzy and "python-format" in long.flags and long.translated
    assert plural.key == ("byline", "by") and plural.msgid_plural == "bys"
    assert not plural.translated and not plural.fuzzy
    assert counted.translated and counted.msgstr == {0: "ကြည့်ရှုမှု %(n)s"}
    assert gone.obsolete and gone.msgstr[0] == "မရှိတော့"


# --- The catalogue is complete -------------------------------------------------------------


@pytest.fixture(scope="module")
def strings_in_the_code(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str | None, str], Entry]:
    """What makemessages finds in the code, extracted from a copy of the package so the
    committed catalogue is never touched."""
    copy = tmp_path_factory.mktemp("extract") / "masthead"
    shutil.copytree(
        PACKAGE_DIR,
        copy,
        ignore=shutil.ignore_patterns("locale", "__pycache__", "static", "static_build", "*.mo"),
    )
    (copy / "locale").mkdir()
    with pytest.MonkeyPatch.context() as patch, override_settings(LOCALE_PATHS=[copy / "locale"]):
        patch.chdir(copy)
        call_command("makemessages", verbosity=0, **MAKEMESSAGES_OPTIONS)
    return read_catalogue(copy / "locale" / "my" / "LC_MESSAGES" / "django.po")


def _describe(key: tuple[str | None, str]) -> str:
    context, msgid = key
    return f"  {msgid!r}" + (f" (context {context!r})" if context else "")


def test_every_string_in_the_code_has_a_burmese_translation(strings_in_the_code):
    committed = read_catalogue(CATALOGUE)
    assert strings_in_the_code, "makemessages found no strings: is the extraction broken?"
    untranslated = sorted(
        (
            key
            for key in strings_in_the_code
            if key not in committed or not committed[key].translated
        ),
        key=lambda key: (key[0] or "", key[1]),
    )
    assert not untranslated, (
        f"{len(untranslated)} string(s) have no Burmese translation in {CATALOGUE}:\n"
        + "\n".join(map(_describe, untranslated))
        + "\nRun makemessages (see this module's docstring) and translate them."
    )


def test_catalogue_has_no_fuzzy_entries():
    fuzzy = [entry for entry in parse_po(CATALOGUE.read_text(encoding="utf-8")) if entry.fuzzy]
    assert not fuzzy, "Fuzzy entries are ignored at run time; review and unflag:\n" + "\n".join(
        _describe(entry.key) if entry.msgid else "  the header" for entry in fuzzy
    )


def test_catalogue_header_declares_burmese_utf8_and_one_plural_form():
    fields = dict(
        line.split(": ", 1) for line in header(CATALOGUE).msgstr[0].splitlines() if ": " in line
    )
    assert fields["Language"] == "my"
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == "nplurals=1; plural=0;"
    assert "LANGUAGE" not in fields["Language-Team"]


def test_translations_keep_every_placeholder_of_the_english():
    broken = [
        f"  {entry.msgid!r} → {text!r}"
        for entry in read_catalogue(CATALOGUE).values()
        for text in entry.msgstr.values()
        if text and sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(entry.msgid))
    ]
    assert not broken, "Translations that lose or invent placeholders:\n" + "\n".join(broken)


def test_translations_are_burmese_script():
    not_burmese = [
        f"  {entry.msgid!r} → {entry.msgstr[0]!r}"
        for entry in read_catalogue(CATALOGUE).values()
        if not re.search(r"[\u1000-\u109f]", entry.msgstr.get(0, ""))
    ]
    assert not not_burmese, "Translations without Burmese text:\n" + "\n".join(not_burmese)


# --- The /my/ edition shows the catalogue --------------------------------------------------


@pytest.fixture(scope="module")
def burmese_catalogue() -> Iterator[Path]:
    """Compiles the catalogue when its .mo is missing or older than the .po (a fresh checkout,
    or a translation just edited), then makes Django and gettext reload it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(PACKAGE_DIR)  # compilemessages compiles every locale/ under the cwd
        call_command("compilemessages", verbosity=0)
    compiled = CATALOGUE.with_suffix(".mo")
    assert compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime
    translation_file_changed(sender=None, file_path=compiled)
    yield compiled


class _ReaderText(HTMLParser):
    """What a reader sees or hears: text, plus the labels screen readers announce."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._hidden += 1
        self.parts += [
            value for name, value in attrs if name in ("aria-label", "title", "alt") and value
        ]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def reader_text(html: str) -> str:
    parser = _ReaderText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def shown(message: str, *, whole_words: bool = False) -> re.Pattern[str]:
    """A message as a page shows it, its placeholders filled by anything. Whole words only
    for English: Burmese has no spaces between words, and its vowel signs are not \\w."""
    pieces = [re.escape(" ".join(piece.split())) for piece in PLACEHOLDER.split(message)]
    edge = r"\b" if whole_words else ""
    return re.compile(edge + r".+?".join(pieces) + edge)


def _page(client: Client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return reader_text(response.content.decode())


@pytest.fixture
def burmese_edition(db):
    """A Burmese edition with every part of the reader chrome on show."""
    news = factories.section("သတင်း", language="my", in_menu=True)
    factories.section("ပြည်တွင်း", language="my", parent=news, in_menu=True)
    writers = (factories.author("သီတာအောင်"), factories.author("ကျော်ဇင်ထက်"))
    now = timezone.now()
    older = [
        factories.article(news, title=f"စစ်ကိုင်း သတင်း {n}", published_at=now - timedelta(days=n))
        for n in (3, 2)
    ]
    story = factories.article(
        news,
        title="စစ်ကိုင်းတိုင်းတွင် တံတား ပြိုကျ",
        body_text="ဒေသခံများက လမ်းကို တစ်ပတ်ကြာ ပိတ်ထားကြောင်း ပြောသည်။",
        authors=writers,
        tags=("စစ်ကိုင်း",),
        published_at=now - timedelta(days=1),
    )
    newer = factories.article(news, title="နောက်ဆုံးရ သတင်း", published_at=now)
    add_correction(article=story, note="မြို့နယ်အမည် ပြင်ဆင်ထားသည်။")
    contact = ContactPage(title="ဆက်သွယ်ရန်", slug="contact", intro="ကျွန်ုပ်တို့ထံ စာရေးပါ။")
    factories.home("my").add_child(instance=contact)
    contact.save_revision().publish()
    return {"section": news, "story": story, "older": older, "newer": newer, "contact": contact}


def _burmese_pages(client: Client, edition: dict) -> dict[str, str]:
    story = edition["story"]
    tag = story.tags.get()
    return {
        "front": _page(client, "/my/"),
        "section": _page(client, edition["section"].url),
        "story": _page(client, story.url),
        "tag": _page(client, f"/my/tag/{tag.slug}/"),
        "archive": _page(client, "/my/archive/"),
        "on this day": _page(client, "/my/on-this-day/"),
        "contact": _page(client, edition["contact"].url),
        "not found": _page(client, "/my/no-such-page/", status=404),
    }


def test_burmese_pages_show_no_english_interface_text(burmese_catalogue, burmese_edition):
    pages = _burmese_pages(Client(), burmese_edition)
    english = [shown(msgid, whole_words=True) for _, msgid in read_catalogue(CATALOGUE)]
    leaks = [
        f"  {name}: {match[0]!r}"
        for name, text in pages.items()
        for pattern in english
        if (match := pattern.search(text))
    ]
    assert not leaks, "English interface text on Burmese pages:\n" + "\n".join(leaks)


def test_burmese_pages_show_the_burmese_translations(burmese_catalogue, burmese_edition):
    pages = _burmese_pages(Client(), burmese_edition)
    everywhere = ["Skip to content", "Home", "Sections", "On This Day", "From the Archive"]
    expected = {
        "front": ["Top stories", "We set no cookies for readers and use no trackers."],
        "section": ["Breadcrumb", "All of %(section)s"],
        "story": ["and", "Updated", "Related", "Corrections", "Tags", "Previous story"],
        "tag": ["Topic"],
        "contact": ["Your name", "Your email", "Subject", "Message", "Send message"],
        "not found": ["Page not found", "We could not find that page", "Browse the archive"],
    }
    missing = [
        f"  {name}: {msgid!r} → {burmese(msgid)!r}"
        for name, text in pages.items()
        for msgid in everywhere + expected.get(name, [])
        if not shown(burmese(msgid)).search(text)
    ]
    assert not missing, "Burmese translations missing from Burmese pages:\n" + "\n".join(missing)
    # Burmese bylines put the names first: "<names> ရေးသားသည်".
    byline = burmese("by %(names)s")
    assert byline.startswith("%(names)s")
    assert byline.replace("%(names)s", "").strip() in pages["story"]
    minutes = burmese("%(minutes)s min read").replace("%(minutes)s", "[၀-၉]+")
    assert re.search(minutes, pages["story"]), "reading time in Burmese, with Burmese digits"
    assert "စစ်ကိုင်း" in pages["section"]  # the Burmese content itself is untouched


def test_burmese_contact_form_errors_are_burmese(burmese_catalogue, burmese_edition):
    links = " ".join(f"https://example.org/{n}" for n in range(6))
    response = Client().post(
        burmese_edition["contact"].url,
        {"name": "မနှင်း", "email": "reader@example.org", "message": links, "website": ""},
    )
    text = reader_text(response.content.decode())
    assert response.status_code == 400
    assert burmese("Please include no more than five links.") in text
    assert "Please include no more than five links." not in text


def test_english_pages_stay_english(burmese_catalogue, db):
    story = factories.article(factories.section("News", language="en"))
    client = Client()
    front, article = _page(client, "/"), _page(client, story.url)
    for msgid in ("Skip to content", "Home", "On This Day"):
        assert msgid in front and burmese(msgid) not in front, msgid
    assert re.search(r"\b\d+ min read\b", article)
    assert burmese("Skip to content") not in article

"""What copies of the site say to readers, in each edition's language.

Only copies show these few sentences (the search note, the stand-in for the contact form,
the bundle's start page), so they live beside the code that writes copies; both editions
are written by us, as every reader-facing string must be.
"""

from __future__ import annotations

from dataclasses import dataclass

from masthead.burmese import to_burmese_digits


@dataclass(frozen=True)
class Wording:
    language: str
    search_link: str
    search_title: str
    search_scope: str
    query_label: str
    search_button: str
    found: str
    none_found: str
    needs_javascript: str
    archive_link: str
    form_offline: str
    form_open_live: str
    form_write: str
    bundle_intro: str
    bundle_open: str
    bundle_stories: str
    bundle_older: str

    def number(self, value: int) -> str:
        return to_burmese_digits(str(value)) if self.language == "my" else f"{value:,}"

    @property
    def digits(self) -> str:
        """The edition's digits 0-9, for the search script's counts."""
        return to_burmese_digits("0123456789") if self.language == "my" else ""


WORDING = {
    "en": Wording(
        language="en",
        search_link="Search",
        search_title="Search stories",
        search_scope=(
            "Searches the headlines and standfirsts of the newest {count} stories in this copy"
            " of the site."
        ),
        query_label="Words to look for",
        search_button="Search",
        found="Stories found: {count}",
        none_found="No story matches.",
        needs_javascript=(
            "Searching this copy of the site needs JavaScript. Every story is in the archive,"
            " by date."
        ),
        archive_link="Browse the archive",
        form_offline="This form can only be sent from the newsroom's website.",
        form_open_live="Open it on the website",
        form_write="or email us:",
        bundle_intro="Stories published from {start} to {end}, to read without a connection.",
        bundle_open="Open the English edition",
        bundle_stories="{count} stories",
        bundle_older="Links to older stories open the website when you are online.",
    ),
    "my": Wording(
        language="my",
        search_link="ရှာဖွေရန်",
        search_title="သတင်း ရှာဖွေရန်",
        search_scope=("ဤမိတ္တူရှိ နောက်ဆုံး သတင်း {count} ပုဒ်၏ ခေါင်းစီးနှင့် အကျဉ်းချုပ်များတွင် ရှာဖွေပါသည်။"),
        query_label="ရှာလိုသော စကားလုံး",
        search_button="ရှာရန်",
        found="ကိုက်ညီသော သတင်း {count} ပုဒ်",
        none_found="ကိုက်ညီသော သတင်း မတွေ့ပါ။",
        needs_javascript=(
            "ဤမိတ္တူတွင် ရှာဖွေရန် JavaScript လိုအပ်ပါသည်။ သတင်းအားလုံးကို မော်ကွန်းတိုက်တွင် ရက်စွဲအလိုက် ကြည့်ရှုနိုင်ပါသည်။"
        ),
        archive_link="မော်ကွန်းတိုက်သို့",
        form_offline="ဤပုံစံကို သတင်းဌာန၏ ဝက်ဘ်ဆိုက်မှသာ ပေးပို့နိုင်ပါသည်။",
        form_open_live="ဝက်ဘ်ဆိုက်တွင် ဖွင့်ရန်",
        form_write="သို့မဟုတ် အီးမေးလ် ပို့ရန် –",
        bundle_intro="{start} မှ {end} အထိ ထုတ်ဝေခဲ့သော သတင်းများကို အင်တာနက် မလိုဘဲ ဖတ်နိုင်ပါသည်။",
        bundle_open="မြန်မာ ထုတ်ဝေမှုကို ဖွင့်ရန်",
        bundle_stories="သတင်း {count} ပုဒ်",
        bundle_older="ယင်းထက် စောသော သတင်းများသို့ လင့်ခ်များက အွန်လိုင်းရှိချိန်တွင် ဝက်ဘ်ဆိုက်ကို ဖွင့်ပါသည်။",
    ),
}


def wording_for(language: str) -> Wording:
    return WORDING.get(language, WORDING["en"])

"""Sentence pools for the synthetic archive: plausible news prose in English and Burmese,
combined at random. Written for masthead; every place name is real, every event invented."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from functools import cache
from typing import Any

from masthead.burmese import count_reading_units

PLACES_EN = (
    "Sagaing",
    "Magwe",
    "Mandalay",
    "Yangon",
    "Bago",
    "Hpa-an",
    "Myawaddy",
    "Lashio",
    "Muse",
    "Taunggyi",
    "Loikaw",
    "Hakha",
    "Sittwe",
    "Myitkyina",
    "Monywa",
    "Pakokku",
    "Dawei",
    "Mawlamyine",
    "Kalay",
    "Tamu",
    "Naypyitaw",
    "Pyay",
    "Meiktila",
    "Kyaukme",
    "Hsipaw",
)
PLACES_MY = (
    "စစ်ကိုင်း",
    "မကွေး",
    "မန္တလေး",
    "ရန်ကုန်",
    "ပဲခူး",
    "ဘားအံ",
    "မြဝတီ",
    "လားရှိုး",
    "မူဆယ်",
    "တောင်ကြီး",
    "လွိုင်ကော်",
    "ဟားခါး",
    "စစ်တွေ",
    "မြစ်ကြီးနား",
    "မုံရွာ",
    "ပခုက္ကူ",
    "ထားဝယ်",
    "မော်လမြိုင်",
    "ကလေး",
    "တမူး",
    "နေပြည်တော်",
    "ပြည်",
    "မိတ္ထီလာ",
    "ကျောက်မဲ",
    "သီပေါ",
)
SUBJECTS_EN = (
    "Residents",
    "Local traders",
    "Aid workers",
    "Teachers",
    "Farmers",
    "Monks",
    "Nurses",
    "Village administrators",
    "Displaced families",
    "Transport workers",
    "Students",
    "Resistance fighters",
    "Community leaders",
    "Market vendors",
    "Fishermen",
)
ACTIONS_EN = (
    "said the road had been closed for {n} days",
    "reported that prices of rice and cooking oil had risen by {n} percent",
    "described how about {n} households had fled to nearby monasteries",
    "said that electricity arrived for only {n} hours a day",
    "told reporters that {n} schools remained shut",
    "said soldiers had set up {n} new checkpoints along the highway",
    "estimated that {n} people were sheltering in the forest",
    "said a clinic had treated {n} patients in a single week",
    "recalled that the bridge had been repaired {n} times since the coup",
    "said they had paid {n} thousand kyat at each checkpoint",
)
CLAUSES_EN = (
    "according to people who spoke on condition of anonymity",
    "though the figures could not be independently verified",
    "despite repeated requests for comment from the regime",
    "as the monsoon rains made travel more difficult",
    "in the weeks after the latest offensive began",
    "while internet access remained cut across the township",
    "a claim the regime's information team has denied",
    "according to a local relief committee",
)
REFLECTIONS_EN = (
    "The situation has made daily life unpredictable for thousands of families.",
    "Many said they no longer plan more than a few days ahead.",
    "Aid groups said funding shortfalls had forced them to cut rations.",
    "Several people said they had lost contact with relatives for weeks.",
    "Analysts said the pattern matched what has been seen in other regions since 2021.",
    "Traders said the cost of moving goods had roughly doubled within a year.",
    "Local volunteers have organised shifts to keep the community kitchen running.",
    "Officials of the resistance administration said they were collecting their own records.",
)
HEADLINES_EN = (
    "{place} residents count the cost of a {n}-day blockade",
    "Prices climb in {place} as roads stay closed",
    "Schools reopen in parts of {place} after months of fighting",
    "In {place}, volunteers keep a clinic running on {n} hours of power",
    "Displaced families in {place} face a hard monsoon",
    "Traders in {place} report new checkpoint fees",
    "{place} farmers weigh planting season against conflict risk",
    "Internet cuts leave {place} townships in the dark",
    "Relief groups in {place} struggle with rising costs",
    "How {place} became a test for resistance administration",
)
TAGS_EN = (
    "Sagaing",
    "Magwe",
    "Shan State",
    "Karen State",
    "Kachin State",
    "Rakhine",
    "Chin State",
    "Economy",
    "Conscription",
    "Displacement",
    "Education",
    "Health",
    "Airstrikes",
    "Resistance",
    "Elections",
    "China",
    "Thailand",
    "India",
    "ASEAN",
    "Human Rights",
    "Internet Shutdowns",
    "Fuel Prices",
    "Kyat",
    "Agriculture",
    "Monsoon",
    "Prisoners",
    "Women",
    "Youth",
    "Refugees",
    "Media Freedom",
)

SENTENCES_MY = (
    "{place} မြို့နယ်ရှိ ဒေသခံများက လမ်းများ ပိတ်ထားသည်မှာ ရက်ပေါင်း {n} ရက် ရှိပြီဖြစ်ကြောင်း ပြောသည်။",
    "ဆန်နှင့် စားအုန်းဆီ ဈေးနှုန်းများသည် ယခင်လထက် ရာခိုင်နှုန်း {n} ခန့် မြင့်တက်လာသည်။",
    "ကျေးရွာများမှ အိမ်ထောင်စု {n} စုခန့် အနီးရှိ ဘုန်းကြီးကျောင်းများသို့ ထွက်ပြေးတိမ်းရှောင်နေရသည်။",
    "လျှပ်စစ်မီးသည် တစ်နေ့လျှင် {n} နာရီသာ ရရှိသည်ဟု ဈေးသည်တစ်ဦးက ဆိုသည်။",
    "ကျောင်း {n} ကျောင်းသည် ယခုအချိန်ထိ ပိတ်ထားဆဲဖြစ်သည်။",
    "အဝေးပြေးလမ်းမကြီးတစ်လျှောက် စစ်ဆေးရေးဂိတ် {n} ခု အသစ်ထပ်မံ ဖွင့်လှစ်ထားသည်။",
    "ဆေးခန်းတစ်ခုတွင် တစ်ပတ်အတွင်း လူနာ {n} ဦးကို ကုသပေးခဲ့သည်ဟု သူနာပြုတစ်ဦးက ပြောသည်။",
    "ဒေသခံ ကယ်ဆယ်ရေးကော်မတီ၏ အဆိုအရ ဤကိန်းဂဏန်းများကို လွတ်လပ်စွာ အတည်မပြုနိုင်သေးပါ။",
    "မိုးရာသီ ရောက်လာသဖြင့် ခရီးသွားလာရေး ပိုမိုခက်ခဲလာသည်။",
    "အင်တာနက် ဖြတ်တောက်ထားသဖြင့် ဆွေမျိုးများနှင့် ဆက်သွယ်ရန် ခက်ခဲနေသည်။",
    "စစ်ကောင်စီ၏ ပြန်ကြားရေးအဖွဲ့က ထိုစွပ်စွဲချက်ကို ငြင်းဆိုထားသည်။",
    "အကူအညီပေးရေးအဖွဲ့များသည် ရန်ပုံငွေ မလုံလောက်မှုကြောင့် ရိက္ခာ လျှော့ချပေးနေရသည်။",
    "ကုန်သည်များက ကုန်စည်သယ်ယူစရိတ်သည် တစ်နှစ်အတွင်း နှစ်ဆခန့် မြင့်တက်လာကြောင်း ပြောသည်။",
    "စေတနာ့ဝန်ထမ်းများက ရပ်ရွာ ထမင်းဟင်းကျွေးရေးကို အလှည့်ကျ ဆက်လက်လုပ်ကိုင်နေကြသည်။",
    "လယ်သမားများသည် စိုက်ပျိုးရာသီနှင့် လုံခြုံရေးအန္တရာယ်ကို ချိန်ဆနေကြရသည်။",
    "ဒေသခံ ဆရာမတစ်ဦးက ကလေးများ ပညာသင်ကြားခွင့် ဆုံးရှုံးနေရသည်ကို စိုးရိမ်ကြောင်း ပြောသည်။",
    "တော်လှန်ရေးအုပ်ချုပ်မှုအဖွဲ့က မိမိတို့၏ မှတ်တမ်းများကို စုဆောင်းနေကြောင်း ဆိုသည်။",
    "ဆွေမျိုးများနှင့် ရက်သတ္တပတ်များစွာ အဆက်အသွယ် ပြတ်တောက်နေကြောင်း အများအပြားက ပြောသည်။",
    "ဤအခြေအနေကြောင့် မိသားစု ထောင်ပေါင်းများစွာ၏ နေ့စဉ်ဘဝသည် မသေချာမရေရာ ဖြစ်နေသည်။",
    "လေကြောင်းတိုက်ခိုက်မှုများ ဆက်တိုက်ဖြစ်ပွားပြီးနောက် ဒေသခံများ စိုးရိမ်ပူပန်နေကြသည်။",
)
HEADLINES_MY = (
    "{place} ဒေသခံများ လမ်းပိတ်ဆို့မှု ရက် {n} ရက်ကြာ ခံစားနေရ",
    "{place} တွင် ကုန်စျေးနှုန်းများ ဆက်လက်မြင့်တက်",
    "{place} မြို့နယ်တွင် ကျောင်းအချို့ ပြန်လည်ဖွင့်လှစ်",
    "{place} ရှိ ဆေးခန်းကို စေတနာ့ဝန်ထမ်းများ ဆက်လက်ဖွင့်ထား",
    "{place} ဒေသမှ စစ်ဘေးရှောင်များ မိုးရာသီ အခက်အခဲ ရင်ဆိုင်",
    "{place} ကုန်သည်များ စစ်ဆေးရေးဂိတ်ကြေး အသစ် ပေးဆောင်ရ",
    "{place} တွင် အင်တာနက် ဖြတ်တောက်ခံရဆဲ",
)
TAGS_MY = (
    "စစ်ကိုင်း",
    "မကွေး",
    "ရှမ်းပြည်နယ်",
    "ကရင်ပြည်နယ်",
    "ကချင်ပြည်နယ်",
    "ရခိုင်",
    "ချင်းပြည်နယ်",
    "စီးပွားရေး",
    "စစ်မှုထမ်းဥပဒေ",
    "စစ်ဘေးရှောင်",
    "ပညာရေး",
    "ကျန်းမာရေး",
    "လေကြောင်းတိုက်ခိုက်မှု",
    "တော်လှန်ရေး",
    "ရွေးကောက်ပွဲ",
    "တရုတ်",
    "ထိုင်း",
    "အိန္ဒိယ",
    "အာဆီယံ",
    "လူ့အခွင့်အရေး",
)
FORMATS = ("news",) * 8 + ("analysis", "commentary", "interview", "profile")


@dataclass(frozen=True)
class Story:
    headline: str
    slug: str
    standfirst: str
    story_format: str
    blocks: list[dict[str, Any]]
    reading_minutes: int


def tag_names(language: str) -> list[str]:
    return list(TAGS_MY if language == "my" else TAGS_EN)


def _english_paragraph(rng: random.Random, place: str) -> str:
    sentences = []
    for _ in range(rng.randint(3, 5)):
        if rng.random() < 0.3:
            sentences.append(rng.choice(REFLECTIONS_EN))
            continue
        action = rng.choice(ACTIONS_EN).format(n=rng.randint(2, 400))
        clause = f", {rng.choice(CLAUSES_EN)}" if rng.random() < 0.5 else ""
        sentences.append(f"{rng.choice(SUBJECTS_EN)} in {place} {action}{clause}.")
    return " ".join(sentences)


def _burmese_paragraph(rng: random.Random, place: str) -> str:
    return " ".join(
        rng.choice(SENTENCES_MY).format(place=place, n=rng.randint(2, 400))
        for _ in range(rng.randint(3, 5))
    )


@cache
def _syllables_in(sentence: str) -> int:
    return count_reading_units(sentence).burmese_syllables


def _reading_minutes(paragraphs: list[str], burmese: bool) -> int:
    """Reading time at the default speeds; Burmese syllables are counted per sentence
    template and cached, since the archive reuses the same few dozen sentences."""
    if not burmese:
        words = sum(len(paragraph.split()) for paragraph in paragraphs)
        return max(1, math.ceil(words / 230))
    syllables = sum(
        _syllables_in(sentence) for paragraph in paragraphs for sentence in paragraph.split(" ")
    )
    return max(1, math.ceil(syllables / 300))


def story(language: str, rng: random.Random) -> Story:
    burmese = language == "my"
    index = rng.randrange(len(PLACES_EN))
    place = PLACES_MY[index] if burmese else PLACES_EN[index]
    headline = rng.choice(HEADLINES_MY if burmese else HEADLINES_EN).format(
        place=place, n=rng.randint(3, 90)
    )
    paragraph = _burmese_paragraph if burmese else _english_paragraph
    paragraphs = [paragraph(rng, place) for _ in range(rng.randint(5, 11))]
    blocks: list[dict[str, Any]] = [
        {"type": "paragraph", "value": f"<p>{p}</p>"} for p in paragraphs
    ]
    if rng.random() < 0.4:
        blocks.insert(
            len(blocks) // 2, {"type": "heading", "value": {"text": headline, "level": "h2"}}
        )
    slug_place = PLACES_EN[index].lower().replace(" ", "-")
    return Story(
        headline=headline,
        slug=f"{'my-' if burmese else ''}{slug_place}-story",
        standfirst=paragraphs[0].split("။" if burmese else ". ")[0] + ("။" if burmese else "."),
        story_format=rng.choice(FORMATS),
        blocks=blocks,
        reading_minutes=_reading_minutes([headline, *paragraphs], burmese),
    )

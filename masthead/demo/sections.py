"""The section tree of the demo newsroom: the reference site's menu and footer map."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SectionSpec:
    slug: str
    title: str
    in_menu: bool = True
    children: tuple[SectionSpec, ...] = field(default_factory=tuple)

    @property
    def paths(self) -> list[str]:
        return [self.slug, *(f"{self.slug}/{child.slug}" for child in self.children)]


def _sub(*pairs: tuple[str, str]) -> tuple[SectionSpec, ...]:
    return tuple(SectionSpec(slug=slug, title=title) for slug, title in pairs)


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec(
        "news",
        "News",
        children=_sub(
            ("burma", "Burma"),
            ("politics", "Politics"),
            ("world", "World"),
            ("asia", "Asia"),
            ("myanmars-crisis-and-the-world", "Myanmar's Crisis & the World"),
            ("ethnic-issues", "Ethnic Issues"),
            ("conflicts-in-numbers", "Conflicts In Numbers"),
            ("junta-watch", "Junta Watch"),
            ("fact-check", "Fact Check"),
            ("investigation", "Investigation"),
            ("myanmar-china-watch", "Myanmar-China Watch"),
            ("obituaries", "Obituaries"),
        ),
    ),
    SectionSpec("politics", "Politics"),
    SectionSpec(
        "business",
        "Business",
        children=_sub(("economy", "Economy"), ("business-roundup", "Business Roundup")),
    ),
    SectionSpec(
        "opinion",
        "Opinion",
        children=_sub(
            ("commentary", "Commentary"),
            ("guest-column", "Guest Column"),
            ("analysis", "Analysis"),
            ("editorial", "Editorial"),
            ("stories-that-shaped-us", "Stories That Shaped Us"),
            ("letters", "Letters"),
        ),
    ),
    SectionSpec("junta-watch", "Junta Watch"),
    SectionSpec("ethnic-issues", "Ethnic Issues"),
    SectionSpec("war-against-the-junta", "War Against the Junta"),
    SectionSpec(
        "in-person",
        "In Person",
        children=_sub(("interview", "Interview"), ("profile", "Profile")),
    ),
    SectionSpec("books", "Books"),
    # The footer's section map: sections not in the main menu.
    *(
        SectionSpec(slug, title, in_menu=False)
        for slug, title in (
            ("photos", "Photos"),
            ("videos", "Videos"),
            ("photo-essay", "Photo Essay"),
            ("cartoons", "Cartoons"),
            ("features", "Features"),
            ("specials", "Specials"),
            ("myanmar-diary", "Myanmar Diary"),
            ("women-and-gender", "Women & Gender"),
            ("places-in-history", "Places in History"),
            ("dateline", "Dateline"),
            ("intelligence", "Intelligence"),
            ("lifestyle", "Lifestyle"),
            ("travel", "Travel"),
            ("food", "Food"),
            ("fashion-and-design", "Fashion & Design"),
            ("election", "Election"),
        )
    ),
)


def all_section_paths() -> list[str]:
    return [path for spec in SECTIONS for path in spec.paths]

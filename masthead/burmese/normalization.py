"""Normalisation of Unicode Burmese text, so that text that looks the same is stored the same.

Burmese keyboards let people type the same visible text as different code point sequences:
the digit zero for the letter wa, marks in the wrong order, zero width spaces inside words.
Such text looks right but is not found by search and may render with dotted circles. Every
rule below either reorders or swaps characters that look alike, or removes an invisible
character; none ever drops a visible character.

``normalize`` expects Unicode text: convert Zawgyi first (``fix_zawgyi``), because NFC
reorders Zawgyi's marks and changes its meaning.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from masthead.burmese import script

#: Invisible characters removed between two Myanmar characters: zero width space, word
#: joiner and zero width no-break space (a byte order mark pasted mid-text). Zero width
#: joiner and non-joiner are kept: they select glyph forms, so they are not invisible junk.
_INVISIBLE_JUNK: Final = script.character_class("\u200b\u2060\ufeff")
# Patterns start with the character they look for and check what precedes it afterwards:
# a leading look-behind would be tried at every position of the text.
_JUNK_INSIDE_MYANMAR = re.compile(
    f"[{_INVISIBLE_JUNK}](?<=[{script.MYANMAR_CLASS}][{_INVISIBLE_JUNK}])"
    f"[{_INVISIBLE_JUNK}]*(?=[{script.MYANMAR_CLASS}])"
)

#: The storage order of the signs between a consonant and the end of its syllable (Unicode
#: Technical Note #11): medials ya/ra, wa, ha; vowel sign e; upper vowels; lower vowels; aa;
#: anusvara; dot below; visarga. Asat is left out on purpose: it may stand right after the
#: consonant, before a medial (ယောက်ျား, "man"), so signs are never moved across it.
_SIGN_ORDER: Final = {
    "\u103b": 1,  # ျ medial ya
    "\u103c": 1,  # ြ medial ra
    "\u103d": 2,  # ွ medial wa
    "\u103e": 3,  # ှ medial ha
    "\u1031": 4,  # ေ vowel sign e
    "\u102d": 5,  # ိ vowel sign i
    "\u102e": 5,  # ီ vowel sign ii
    "\u1032": 5,  # ဲ vowel sign ai
    "\u102f": 6,  # ု vowel sign u
    "\u1030": 6,  # ူ vowel sign uu
    "\u102b": 7,  # ါ vowel sign tall aa
    "\u102c": 7,  # ာ vowel sign aa
    "\u1036": 8,  # ံ anusvara
    "\u1037": 9,  # ့ dot below
    "\u1038": 10,  # း visarga
}
_SIGNS: Final = script.character_class(_SIGN_ORDER)
_SIGN_BASES: Final = script.ALL - script.MARKS


def _misordered_pair() -> str:
    ranks = sorted(set(_SIGN_ORDER.values()))
    pairs = []
    for rank in ranks[1:]:
        later = script.character_class(sign for sign, r in _SIGN_ORDER.items() if r == rank)
        earlier = script.character_class(sign for sign, r in _SIGN_ORDER.items() if r < rank)
        pairs.append(f"[{later}][{earlier}]")
    return "|".join(pairs)


#: A sign ahead of one that belongs before it: cheap to look for, and rare.
_MISORDERED_PAIR = re.compile(_misordered_pair())
_SIGN_RUN = re.compile(f"[{_SIGNS}]{{2,}}")

_VISARGA_BEFORE_ASAT = re.compile(f"{script.VISARGA}{script.ASAT}")
_U_BEFORE_ASAT = re.compile(f"{script.LETTER_U}(?={script.DOT_BELOW}?{script.ASAT})")
#: Only Myanmar digits make a number here: they are what ``syllables`` keeps in one unit
#: with a zero, so the decision survives the text being split and spaced.
_DIGIT: Final = f"[{script.DIGITS_CLASS}]"
_FOUR_BEFORE_NGA_ASAT = re.compile(
    f"{script.DIGIT_FOUR}(?<!{_DIGIT}{script.DIGIT_FOUR})(?={script.LETTER_NGA}{script.ASAT})"
)
_SEVEN_BEFORE_MARK = re.compile(
    f"{script.DIGIT_SEVEN}(?<!{_DIGIT}{script.DIGIT_SEVEN})(?=[{script.MARKS_CLASS}])"
)
#: A zero is part of a number when a digit is next to it, directly or across one decimal
#: or thousands separator (၁,၀၀၀ and ၀.၅ keep their zeros).
_ZERO_INSIDE_WORD = re.compile(
    f"{script.DIGIT_ZERO}"
    f"(?:(?<=[{script.LETTERS_AND_MARKS_CLASS}]{script.DIGIT_ZERO})(?![,.]?{_DIGIT})"
    f"|(?<!{_DIGIT}{script.DIGIT_ZERO})(?<!{_DIGIT}[,.]{script.DIGIT_ZERO})"
    f"(?=[{script.LETTERS_AND_MARKS_CLASS}]))"
)

_SPELLING_FIXES: Final = (
    (_VISARGA_BEFORE_ASAT, script.ASAT + script.VISARGA),
    (_U_BEFORE_ASAT, script.LETTER_NYA),
    (_FOUR_BEFORE_NGA_ASAT, script.SYMBOL_AFOREMENTIONED),
    (_SEVEN_BEFORE_MARK, script.LETTER_RA),
    (_ZERO_INSIDE_WORD, script.LETTER_WA),
)

#: Each pass settles what the previous one exposed (a swapped letter makes the signs after
#: it sortable, NFC moves marks together); real text settles in one or two passes.
_MAX_PASSES: Final = 4


def normalize(text: str) -> str:
    """Return ``text`` in NFC with the look-alike typing of Burmese made canonical.

    Rules, applied to Unicode text in this order (then NFC again):

    1. NFC (Unicode canonical composition and mark order).
    2. Zero width space, word joiner and zero width no-break space are removed where both
       neighbours are Myanmar characters (``မြန်\\u200bမာ`` -> ``မြန်မာ``). Elsewhere they
       are kept; ``syllables`` treats a zero width space as a separator.
    3. A run of two or more signs after a Myanmar base is sorted into the storage order
       of Unicode Technical Note #11 (medials, vowel sign e, upper, lower and aa vowels,
       anusvara, dot below, visarga). Each mistyped order renders the same in a forgiving
       font but is a different string:

       - medials before vowels: ``ကေျာ`` -> ``ကျော``
       - medial ya or ra before wa: ``ကွျန်`` -> ``ကျွန်``
       - medial wa before ha: ``ရှွေ`` -> ``ရွှေ``
       - medial ha before vowels: ``မုှ`` -> ``မှု``
       - upper vowel before lower vowel: ``ကုိ`` -> ``ကို``
       - vowel before anusvara: ``လံုး`` -> ``လုံး``
       - vowel before dot below: ``ကေ့ာ`` -> ``ကော့``
       - vowel before visarga: ``ကးာ`` -> ``ကား``

       Asat stops a run: no sign moves across it, because it can rightly stand before a
       medial (``ယောက်ျား``). Visarga typed before asat is the one swap made across it
       (``ငး်`` -> ``င်း``).
    4. Look-alike letters, only where the look-alike cannot be what was meant:

       - ဥ (U+1025) before asat is ဉ (U+1009): the vowel ဥ never takes asat
         (``ညဥ့်`` -> ``ညဉ့်``).
       - ၄ (digit four) before ``င်`` is ၎ (``၄င်း`` -> ``၎င်း``) unless a Burmese
         digit precedes it.
       - ၇ (digit seven) followed by a Myanmar sign is ရ, because digits take no signs
         (``၇ာ`` -> ``ရာ``); not after a Burmese digit. A bare ၇ is left alone: in
         ``၇ရက်`` (seven days, the 7th) it is a digit.
       - The digit zero (U+1040) next to a Myanmar letter or sign and not part of a
         number (next to a Burmese digit, or to a ``,`` or ``.`` next to one) is the
         letter wa (U+101D): ``၀န်ကြီး`` -> ``ဝန်ကြီး``, ``ဘ၀`` -> ``ဘဝ``; ``၂၀၂၅``,
         ``၀.၅`` and ``၁၀ ရက်`` keep their zeros. A lone zero typed right after a
         Burmese word with no space is read as wa; that is the rule's one known
         misreading.

    The result is a fixed point: ``normalize(normalize(t)) == normalize(t)``.
    """
    current = text
    for _ in range(_MAX_PASSES):
        normalized = _normalize_once(current)
        if normalized == current:
            break
        current = normalized
    return current


def _normalize_once(text: str) -> str:
    composed = unicodedata.normalize("NFC", text)
    if not script.contains_myanmar(composed):
        return composed
    fixed, changes = _JUNK_INSIDE_MYANMAR.subn("", composed)
    if _MISORDERED_PAIR.search(fixed):
        fixed, sorted_runs = _SIGN_RUN.subn(_sorted_signs, fixed)
        changes += sorted_runs
    for pattern, replacement in _SPELLING_FIXES:
        fixed, swapped = pattern.subn(replacement, fixed)
        changes += swapped
    return unicodedata.normalize("NFC", fixed) if changes else fixed


def _sorted_signs(run: re.Match[str]) -> str:
    signs = run.group()
    start = run.start()
    if start == 0 or run.string[start - 1] not in _SIGN_BASES:
        return signs  # signs without a base character: nothing to order them against
    return "".join(sorted(signs, key=_SIGN_ORDER.__getitem__))

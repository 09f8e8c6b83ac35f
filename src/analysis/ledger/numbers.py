"""The numbers a text states, in digits or in words: what a fact's numeric fields are checked
against.

"Mexico has extradited 26 alleged cartel members" states 26; "Six of the twenty-nine" states
6 and 29; "the third transfer" states 3; "a 90-day tariff exemption" states 90; "1,000" and
"1.2 million" state 1000 and 1200000. Words are read by ``text2num`` (English, Spanish,
French, German, Italian, Portuguese, Dutch, Danish: the language of the source's metadata);
digits in any language.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Final

#: Languages whose number words ``text2num`` reads, by the code a source's metadata uses.
WORD_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "da")

_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"  # 26, 1,000, 1.2
    r"(?:st|nd|rd|th|º|ª|o|a|er|e|ème)?"  # ordinals as text2num writes them: 3rd, 3º, 3e
    r"(?:\s+(\d{4,}|thousand|million|billion))?"  # a scale: "1.2 million" (text2num: 1.2 1000000)
    r"(?![\w])",
    re.IGNORECASE,
)
_HYPHEN_IN_WORDS = re.compile(r"(?<=[^\W\d])-(?=[^\W\d])")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    "|noviembre|diciembre"
)
#: The day of a date ("28 February", "February 28th", "28 de febrero", "2025-02-28") names a
#: day, not a count: it is left out, so "29 suspects ... on 28 February" states 29, not 28.
_DAY_OF_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of|de))?\s+(?:{_MONTHS})\b\.?"
    rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!,\d)"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)


#: Multiplicative adverbs ("Mexico has twice sent ..."): text2num does not read them.
_TIMES: Final = {"en": {"twice": 2, "thrice": 3}}
_TIMES_WORD = re.compile(r"\b(twice|thrice)\b", re.IGNORECASE)
#: "two dozen", "a dozen" (English): text2num reads the multiplier only.
_DOZEN = re.compile(r"\b(a|half\s+a|[a-z]+|\d+)\s+dozen\b", re.IGNORECASE)


def stated_numbers(text: str, language: str = "en") -> set[Decimal]:
    """Every number ``text`` states, in digits or (in a known language) in words.

    >>> sorted(int(n) for n in stated_numbers("Six of the twenty-nine, a 90-day exemption"))
    [6, 29, 90]
    >>> sorted(int(n) for n in stated_numbers("the third transfer of 1,000 people"))
    [3, 1000]
    >>> sorted(int(n) for n in stated_numbers("29 suspects on 28 February 2025"))
    [29, 2025]
    >>> sorted(int(n) for n in stated_numbers("Mexico has twice this year sent prisoners"))
    [2]
    >>> sorted(int(n) for n in stated_numbers("Mexico sent two dozen prisoners"))
    [2, 24]
    """
    text = _DAY_OF_DATE.sub(" ", text)
    found = _digits(text)
    lang = language.split("-", maxsplit=1)[0].lower()
    if lang in WORD_LANGUAGES:
        from text_to_num import alpha2digit  # noqa: PLC0415 - only the loader needs it

        # "ninety-day" and "twenty-nine-year-old" read as words: text2num wants spaces.
        spaced = _HYPHEN_IN_WORDS.sub(" ", text)
        found |= _digits(alpha2digit(spaced, lang, threshold=0))
    if lang == "en":
        for m in _DOZEN.finditer(text):
            word = m[1].casefold()
            if word in ("a", "half a"):
                found.add(Decimal(12 if word == "a" else 6))
                continue
            multiplier = _digits(alpha2digit(word, "en", threshold=0))
            found |= {12 * n for n in multiplier}
    times = _TIMES.get(lang, {})
    found |= {
        Decimal(times[w.casefold()]) for w in _TIMES_WORD.findall(text) if w.casefold() in times
    }
    return found


def _digits(text: str) -> set[Decimal]:
    numbers: set[Decimal] = set()
    for m in _NUMBER.finditer(text):
        whole, fraction, scale = m.groups()
        try:
            value = Decimal(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits digits only
            continue
        numbers.add(value)
        if scale:
            factor = _SCALES.get(scale.lower()) or (int(scale) if set(scale[1:]) == {"0"} else 0)
            if factor:
                numbers.add(value * factor)
    return numbers


def describe(numbers: set[Decimal]) -> str:
    """The numbers a text states, as an error message lists them: ``26 and 2008``."""
    if not numbers:
        return "no number"
    shown = [f"{n.normalize():f}" for n in sorted(numbers)]
    return ", ".join(shown[:-1]) + (" and " if len(shown) > 1 else "") + shown[-1]

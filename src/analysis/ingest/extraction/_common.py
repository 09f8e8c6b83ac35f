"""What the rules for every kind of fact share: the shape of a name, months, weekdays,
countries, speech verbs, and the records that tie a mention to its offsets in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    import datetime as dt

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
SP = "[ \u00a0]"  # a space inside a line: names and titles never run over a line break
_NAME_TOKEN = rf"(?:Mc|Mac|O\u2019|O')?[{UP}][{LO}]+(?:[-\u2019'][{UP}][{LO}]+)*"
_PARTICLE = r"(?:de la|de los|de las|del|de|la|y|van der|van|von|da|dos|das|bin|al)"
NAME = rf"{_NAME_TOKEN}(?:{SP}(?:{_PARTICLE}{SP})?{_NAME_TOKEN}){{0,3}}"

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: Final[dict[str, int]] = {
    "January": 1, "Jan.": 1, "Jan": 1, "February": 2, "Feb.": 2, "Feb": 2, "March": 3,
    "Mar.": 3, "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "October": 10, "Oct.": 10,
    "November": 11, "Nov.": 11, "December": 12, "Dec.": 12,
}  # fmt: skip

COUNTRIES: Final[dict[str, str]] = {
    "United States": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "US": "United States", "America": "United States",
    "Mexico": "Mexico", "Canada": "Canada", "Colombia": "Colombia", "Guatemala": "Guatemala",
    "Honduras": "Honduras", "El Salvador": "El Salvador", "Venezuela": "Venezuela",
    "Ecuador": "Ecuador", "China": "China", "Cuba": "Cuba", "Panama": "Panama",
}  # fmt: skip

SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|stated|states|wrote|writes|announced|announces|confirmed|"
    r"insisted|explained|noted|argued|warned|declared|remarked|tweeted|posted|continued|"
    r"recalled|acknowledged|asserted|claimed|stressed|emphasized|emphasised"
)


def alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words``, longest first so that no word hides a longer one."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """The spans share a character: a rule never claims words another has claimed."""
    return a_start < b_end and b_start < a_end


@dataclass(slots=True)
class Mention:
    """A person, organisation or country named at ``text[start:end]``."""

    start: int
    end: int
    name: str
    kind: str  # person, organisation, country
    title: str | None = None
    full: bool = True  # a full name rather than a surname or short form


@dataclass(slots=True)
class DateSpan:
    """A date written at ``text[start:end]``, resolved."""

    start: int
    end: int
    date: dt.date
    precision: str
    relative: bool

"""What the rules for every kind of fact share: the shape of a name, months, weekdays,
countries, speech verbs, and the records that tie a mention to its offsets in the text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from analysis.dates import ledger_date
from analysis.ledger.text import Sentence, split_sentences

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable, Iterator

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
SP = "[ \u00a0]"  # a space inside a line: names and titles never run over a line break
_NAME_TOKEN = rf"(?:Mc|Mac|O\u2019|O')?[{UP}][{LO}]+(?:[-\u2019'][{UP}][{LO}]+)*"
_PARTICLE = r"(?:de la|de los|de las|del|de|la|y|van der|van|von|da|dos|das|bin|al)"
#: A middle initial ("John Q. Public") and a nickname printed inside a name
#: (`Luis "El Flaco" Romero`): never a name's first or last token.
_INITIAL = rf"[{UP}]\.{SP}"
NICKNAME = rf"[\u201c\"][{UP}][^\u201d\"\n]{{0,28}}[\u201d\"]"
NAME = (
    rf"{_NAME_TOKEN}(?:{SP}(?:{_PARTICLE}{SP})?(?:{_INITIAL}){{0,2}}(?:{NICKNAME}{SP})?"
    rf"{_NAME_TOKEN}){{0,3}}"
)
#: A name whose surname is withheld, as Mexican authorities print it: `Baltazar "N"`.
WITHHELD = rf"{_NAME_TOKEN}(?:{SP}{_NAME_TOKEN}){{0,2}}{SP}[\u201c\"]N\.?[\u201d\"]"

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
    r"recalled|acknowledged|asserted|claimed|stressed|emphasized|emphasised|predicted|replied|"
    r"responded|countered|conceded|admitted|cautioned|observed|complained|lamented"
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
    """A date written at ``text[start:end]``, resolved; ``date`` is None when its year is not
    certain, and ``readings`` then holds the dates it may be, in the calendar's order (the
    same day or month in two years)."""

    start: int
    end: int
    date: dt.date | None
    precision: str
    relative: bool
    readings: tuple[dt.date, ...] = ()

    @property
    def reading_forms(self) -> list[str]:
        """``readings`` as the ledger writes dates of this precision: "2025-10", "2026-10"."""
        return [ledger_date(d, self.precision) or d.isoformat() for d in self.readings]

    @property
    def known_precision(self) -> str:
        """``precision``, or "unknown" when the year is not certain."""
        return self.precision if self.date is not None else "unknown"


class Spans:
    """Spans of the text claimed so far, to ask whether a new one overlaps any of them in
    O(log n): starts kept sorted, and only spans starting at most the longest span's length
    before the new one can reach it.

    >>> claimed = Spans([(0, 5)])
    >>> claimed.overlaps(4, 6), claimed.overlaps(5, 9), claimed.covers(2)
    (True, False, True)
    """

    __slots__ = ("_ends", "_longest", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._longest = 0
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        at = bisect.bisect_right(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        self._longest = max(self._longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """A claimed span shares a character with ``[start, end)`` (as :func:`overlaps`)."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return any(self._ends[i] > start for i in range(lo, hi))

    def covers(self, at: int) -> bool:
        """A claimed span holds the character at ``at``."""
        return self.overlaps(at, at + 1)


#: Lines longer than this are split into sentences a window at a time.
_WINDOW: Final = 1000


def _line_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]`` (one line) as spans, a window of the line at a
    time: the splitter costs the square of what it is given. A window's last sentence may be
    cut by the window's end, so the next window starts where that sentence starts."""
    at = start
    width = _WINDOW
    while at < end:
        stop = min(end, at + width)
        found = split_sentences(text[at:stop])
        if stop < end and len(found) < 2:
            width *= 2
            continue
        keep = found if stop == end else found[:-1]
        for s in keep:
            yield at + s.start, at + s.end
        if stop == end:
            return
        at += found[-1].start
        width = _WINDOW


def sentences_of(text: str) -> list[Sentence]:
    """:func:`analysis.ledger.text.split_sentences` of ``text`` in linear time: the splitter
    treats a line break as the end of a sentence, so each line is split on its own (and a
    long line a window at a time), and the offsets are the text's."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        spans.extend(_line_sentences(text, line.start(), line.end()))
    return [Sentence(n, a, b, text[a:b]) for n, (a, b) in enumerate(spans, start=1)]

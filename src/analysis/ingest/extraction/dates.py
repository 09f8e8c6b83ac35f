"""Dates: absolute ones as written, relative ones ("Tuesday", "last month", "In July")
resolved against the publication date, each with its precision.

Every rule proposes spans; the rules run in order and the first to claim words keeps them, so
"July 4, 2025" is one day and never also a month and a year.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import MONTHS, SP, WEEKDAYS, DateSpan, Spans, alternation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["find_dates"]

_FULL_MONTHS: Final = tuple(m for m in MONTHS if len(m) > 4 or m in ("May", "June", "July"))
_ANY_MONTH: Final = alternation(tuple(MONTHS))
_FULL_MONTH: Final = alternation(_FULL_MONTHS)

#: (start, end, date, precision, relative) of one date a rule found.
_Found = tuple[int, int, dt.date, str, bool]


def _most_recent_weekday(published: dt.date, weekday: int, *, strictly_before: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - dt.timedelta(days=back)


def _month_before(published: dt.date, month: int) -> dt.date:
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for one the calendar lacks ("February 30")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _full_dates(text: str, published: dt.date) -> Iterator[_Found]:  # noqa: ARG001 - a rule
    """Full dates: "2025-07-04", "July 4, 2025", "4 July 2025"."""
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        if (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))) is not None:
            yield m.start(), m.end(), d, "day", False
    months = _ANY_MONTH
    for m in re.finditer(rf"\b(?P<m>{months})(?!\w){SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?"
                         rf"{SP}(?P<y>\d{{4}})\b", text):  # fmt: skip
        if (d := _safe_date(int(m["y"]), MONTHS[m["m"]], int(m["d"]))) is not None:
            yield m.start(), m.end(), d, "day", False
    for m in re.finditer(rf"\b(?P<d>\d{{1,2}}){SP}(?P<m>{months})(?!\w),?{SP}(?P<y>\d{{4}})\b",
                         text):  # fmt: skip
        if (d := _safe_date(int(m["y"]), MONTHS[m["m"]], int(m["d"]))) is not None:
            yield m.start(), m.end(), d, "day", False


def _days_without_year(text: str, published: dt.date) -> Iterator[_Found]:
    """A day without a year, "July 4": the most recent one on or before the publication date."""
    for m in re.finditer(rf"\b(?P<m>{_ANY_MONTH})(?!\w){SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b",
                         text):  # fmt: skip
        d = _safe_date(published.year, MONTHS[m["m"]], int(m["d"]))
        if d is not None and d > published:
            d = _safe_date(published.year - 1, MONTHS[m["m"]], int(m["d"]))
        if d is not None:
            yield m.start(), m.end(), d, "day", True


def _months(text: str, published: dt.date) -> Iterator[_Found]:
    """Months: "July 2025", and "In July" (the most recent July); "May" alone is too often the verb."""
    for m in re.finditer(rf"(?:\b[Ii]n{SP})?\b(?P<m>{_ANY_MONTH})(?!\w),?{SP}(?P<y>\d{{4}})\b",
                         text):  # fmt: skip
        yield m.start(), m.end(), dt.date(int(m["y"]), MONTHS[m["m"]], 1), "month", False
    for m in re.finditer(rf"(?P<in>\b[Ii]n{SP}(?:(?:early|late|mid){SP})?)?\b(?P<m>{_FULL_MONTH})\b",
                         text):  # fmt: skip
        if m["m"] == "May" and m["in"] is None:
            continue
        yield m.start(), m.end(), _month_before(published, MONTHS[m["m"]]), "month", True


def _days_near(text: str, published: dt.date) -> Iterator[_Found]:
    """Days near publication: "Tuesday", "last Tuesday", "yesterday", "this morning"."""
    weekdays = "|".join(WEEKDAYS)
    for m in re.finditer(rf"(?P<last>\b[Ll]ast{SP})?\b(?P<w>{weekdays})\b", text):
        day = _most_recent_weekday(
            published, WEEKDAYS.index(m["w"]), strictly_before=m["last"] is not None
        )
        yield m.start(), m.end(), day, "day", True
    for m in re.finditer(r"\b(today|tonight|this morning|this afternoon|this evening|yesterday|"
                         r"tomorrow)\b", text, re.IGNORECASE):  # fmt: skip
        shift = {"yesterday": -1, "tomorrow": 1}.get(m[1].casefold(), 0)
        yield m.start(), m.end(), published + dt.timedelta(days=shift), "day", True


def _this_last_next(text: str, published: dt.date) -> Iterator[_Found]:
    """Years and months counted from publication: "last year", "earlier this month"."""
    for m in re.finditer(rf"\b(?:(?:earlier|later|early|late){SP})?(?P<which>this|last|next)"
                         rf"{SP}(?P<unit>year|month)\b", text, re.IGNORECASE):  # fmt: skip
        step = {"this": 0, "last": -1, "next": 1}[m["which"].casefold()]
        if m["unit"].casefold() == "year":
            yield m.start(), m.end(), dt.date(published.year + step, 1, 1), "year", True
        else:
            first = _shift_month(published.replace(day=1), step)
            yield m.start(), m.end(), first, "month", True


def _years(text: str, published: dt.date) -> Iterator[_Found]:  # noqa: ARG001 - a rule
    """A year alone, "2019", not part of a number, a sum or a percentage."""
    for m in re.finditer(r"(?<![$\d,.-])\b(?P<y>1[89]\d\d|20\d\d)\b(?![-%]\d|%|,\d|\d)", text):
        yield m.start(), m.end(), dt.date(int(m["y"]), 1, 1), "year", False


#: The rules, most specific first: an earlier rule's span wins over a later one's.
_RULES: Final[tuple[Callable[[str, dt.date], Iterator[_Found]], ...]] = (
    _full_dates,
    _days_without_year,
    _months,
    _days_near,
    _this_last_next,
    _years,
)


def find_dates(text: str, published: dt.date) -> list[DateSpan]:
    """Every date in ``text``, in order; no two overlap."""
    found: list[DateSpan] = []
    claimed = Spans()
    for rule in _RULES:
        for start, end, date, precision, relative in rule(text, published):
            if not claimed.overlaps(start, end):
                found.append(DateSpan(start, end, date, precision, relative))
                claimed.add(start, end)
    return sorted(found, key=lambda d: d.start)

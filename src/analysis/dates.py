"""Dates as the sources give them: one home for parsing, precision, periods and ranges.

A ledger date is written ``YYYY`` (known to the year), ``YYYY-MM`` (to the month),
``YYYY-MM-DD`` (to the day) or ``null`` (unknown). It stands for the whole period it names:
"In February" is 1-28 February 2025, not 1 February. Every stage asks this module whether a
fact falls in a range, so a filter, a chart and a test cannot disagree.

Polars is imported only by :func:`period_end_expr` and :func:`in_range_expr`, so the command
line can parse dates without loading it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import polars as pl

Precision = Literal["day", "month", "year", "unknown"]

_LEDGER_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: How a day is written wherever one is asked for (parameters, options, files).
DAY_FORMAT = "YYYY-MM-DD"


def parse_ledger_date(value: object) -> tuple[dt.date | None, Precision]:
    """Parse a ledger date into ``(first day it covers, precision)``.

    >>> parse_ledger_date("2025-02")
    (datetime.date(2025, 2, 1), 'month')
    >>> parse_ledger_date(2025)
    (datetime.date(2025, 1, 1), 'year')
    >>> parse_ledger_date(None)
    (None, 'unknown')

    Raises
    ------
    ValueError
        Saying what was expected and what was found.
    """
    if value is None:
        return None, "unknown"
    if isinstance(value, bool) or not isinstance(value, int | str):
        msg = f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}"
        raise ValueError(msg)  # noqa: TRY004 - pydantic reports ValueError as a field error
    text = str(value).strip()
    m = _LEDGER_DATE.match(text)
    if m is None:
        msg = f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}"
        raise ValueError(msg)
    year, month, day = m.groups()
    try:
        date = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        msg = f"{text!r} is not a calendar date ({exc})"
        raise ValueError(msg) from None
    return date, "day" if day else "month" if month else "year"


def ledger_date(date: dt.date | None, precision: str) -> str | None:
    """The inverse of :func:`parse_ledger_date`: how the ledger writes ``date``.

    >>> ledger_date(dt.date(2025, 2, 1), "month")
    '2025-02'
    >>> ledger_date(None, "unknown") is None
    True
    """
    if date is None or precision == "unknown":
        return None
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def parse_day(value: str | None) -> dt.date | None:
    """``"2025-08-12"`` to a date; ``""`` or None to None (an open end of a range).

    >>> parse_day("2025-08-12"), parse_day("")
    (datetime.date(2025, 8, 12), None)

    Raises
    ------
    ValueError
        When ``value`` is not written YYYY-MM-DD or is not a calendar date.
    """
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not _DAY.match(text):
        msg = f"expected a date as {DAY_FORMAT}, found {text!r}"
        raise ValueError(msg)
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        msg = f"{text!r} is not a calendar date ({exc})"
        raise ValueError(msg) from None


def describe(date: dt.date | None, precision: str | None) -> str:
    """A date in words, as precisely as it is known.

    >>> describe(dt.date(2025, 2, 1), "month"), describe(dt.date(2025, 8, 12), "day")
    ('February 2025', '12 August 2025')
    >>> describe(None, "unknown")
    'date not stated'
    """
    if date is None or precision in (None, "unknown"):
        return "date not stated"
    if precision == "day":
        return f"{date.day} {date:%B %Y}"
    if precision == "month":
        return f"{date:%B %Y}"
    return f"{date:%Y}"


def period(date: dt.date, precision: str) -> tuple[dt.date, dt.date]:
    """The first and last day of the period a dated fact covers.

    >>> period(dt.date(2024, 2, 1), "month")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    if precision == "year":
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if precision == "month":
        nxt = dt.date(date.year + (date.month == 12), date.month % 12 + 1, 1)
        return date.replace(day=1), nxt - dt.timedelta(days=1)
    return date, date


def overlaps(
    date: dt.date | None, precision: str, start: dt.date | None, end: dt.date | None
) -> bool:
    """Whether a fact dated ``date`` (to ``precision``) falls in ``[start, end]``.

    A period overlapping the range counts; open ends are None; an undated fact never does.

    >>> overlaps(dt.date(2025, 2, 1), "month", dt.date(2025, 2, 10), dt.date(2025, 2, 28))
    True
    """
    if date is None or precision == "unknown":
        return False
    first, last = period(date, precision)
    return (start is None or last >= start) and (end is None or first <= end)


def period_end_expr(date: str = "date", precision: str = "date_precision") -> pl.Expr:
    """Polars: the last day of the period of columns ``date`` and ``precision``."""
    import polars as pl  # noqa: PLC0415

    day = pl.col(date)
    prec = pl.col(precision)
    return (
        pl.when(prec == "day")
        .then(day)
        .when(prec == "month")
        .then(day.dt.month_end())
        .when(prec == "year")
        .then(pl.date(day.dt.year(), 12, 31))
        .otherwise(None)
    )


def in_range_expr(
    start: dt.date | None,
    end: dt.date | None,
    *,
    date: str = "date",
    precision: str = "date_precision",
) -> pl.Expr:
    """Polars: rows whose period overlaps ``[start, end]`` (see :func:`overlaps`)."""
    import polars as pl  # noqa: PLC0415

    cond = pl.col(date).is_not_null()
    if start is not None:
        cond &= period_end_expr(date, precision) >= start
    if end is not None:
        cond &= pl.col(date) <= end
    return cond

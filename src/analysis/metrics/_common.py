"""What every report's figures share: date ranges, headline figures, first evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

import polars as pl

from analysis import dates
from analysis.ledger.numbers import stated_numbers

if TYPE_CHECKING:
    from analysis.ledger import Ledger


def period_end() -> pl.Expr:
    """Last day of the period an event's ``date`` and ``date_precision`` describe."""
    return dates.period_end_expr()


def in_range(start: dt.date | None, end: dt.date | None) -> pl.Expr:
    """Events whose period overlaps ``[start, end]``; open ends when None. Undated: never."""
    return dates.in_range_expr(start, end)


parse_day = dates.parse_day


def count_evidence(ledger: Ledger, events: pl.DataFrame) -> pl.DataFrame:
    """For each event, the first evidence sentence (by source, position) that states its count,
    in digits or in words (as the loader checks it: :mod:`analysis.ledger.numbers`).

    Falls back to the event's first evidence when none states it (a derived count).
    """
    ev = (
        ledger.evidence.filter(pl.col("fact_type") == "event")
        .join(events.select("event_id", "people"), left_on="fact_id", right_on="event_id")
        .join(ledger.sources.select("source_id", "language"), on="source_id", how="left")
    )
    # Each distinct (words, count, language) is read once: the same evidence serves several
    # events and several sections of a report.
    pairs = ev.select("text", "people", "language").unique()
    states = [
        people is not None and Decimal(people) in stated_numbers(text, language or "en")
        for text, people, language in pairs.iter_rows()
    ]
    ev = ev.join(
        pairs.with_columns(states_count=pl.Series(states, dtype=pl.Boolean)),
        on=["text", "people", "language"],
        how="left",
        nulls_equal=True,
    )
    return (
        ev.sort("fact_id", pl.col("states_count").not_(), "source_id", "char_start")
        .group_by("fact_id", maintain_order=True)
        .first()
        .select(
            pl.col("fact_id").alias("event_id"),
            pl.col("source_id").alias("count_source_id"),
            pl.col("sentence").alias("count_sentence"),
        )
    )


@dataclass(frozen=True)
class Headline:
    """A number shown at the top of a report, and the evidence sentences it comes from."""

    label: str
    value: int
    #: (source_id, sentence number) of each sentence the number rests on.
    evidence: tuple[tuple[str, int], ...]
    note: str = ""
    #: How many unreviewed (candidate) facts the number includes.
    unreviewed: int = 0


def when(row: dict[str, object]) -> str:
    """A row's date as a reader says it, to its precision."""
    date = row["date"]
    assert isinstance(date, dt.date)
    return dates.describe(date, str(row["date_precision"]))


def format_date(date: dt.date | None, precision: str | None) -> str:
    """A date as precisely as it is known: ``12 August 2025``, ``February 2025``, ``2025``."""
    return dates.describe(date, precision)


def _day_words(day: pl.Expr) -> pl.Expr:
    return day.dt.strftime("%-d %B %Y")


def _span_words(first: pl.Expr, last: pl.Expr) -> pl.Expr:
    whole_year = (first.dt.ordinal_day() == 1) & (last.dt.month() == 12) & (last.dt.day() == 31)
    return (
        pl.when(first == last)
        .then(_day_words(first))
        .when((first.dt.day() == 1) & (last == first.dt.month_end()))
        .then(first.dt.strftime("%B %Y"))
        .when(whole_year & (first.dt.year() == last.dt.year()))
        .then(first.dt.strftime("%Y"))
        .when(whole_year & (first.dt.year() % 10 == 0) & (last.dt.year() == first.dt.year() + 9))
        .then(pl.format("the {}s", first.dt.year()))
        .otherwise(pl.format("{} to {}", _day_words(first), _day_words(last)))
    )


def span_words(start: str = "date_start", end: str = "date_end") -> pl.Expr:
    """Polars: the span from column ``start`` to column ``end`` (inclusive) in words.

    ``12 August 2025`` (one day), ``February 2025`` (a whole month), ``2025`` (a whole year),
    ``the 2020s`` (a whole decade), else ``1 February 2025 to 31 December 2025``.
    """
    return _span_words(pl.col(start), pl.col(end))


def span_label(how: str = "", precision: str = "date_precision") -> pl.Expr:
    """Polars: the date of a mark spanning ``date_start`` to ``date_end``, for its tooltip.

    For a fact drawn over its own period (``how`` empty): the span's words and its precision
    (column ``precision``), ``February 2025 (known to the month)``. For a bucket of facts
    (``how`` names the bucket, see :func:`analysis.metrics.bounds.bucket_span`): the span's
    words and how the dates were grouped, ``February 2025 (grouped by month)``.
    """
    words = span_words()
    if how:
        return pl.format("{} (grouped by {})", words, pl.lit(how))
    return pl.format("{} (known to the {})", words, pl.col(precision).cast(pl.String))


def date_label(date: str = "date", precision: str = "date_precision") -> pl.Expr:
    """Polars: a dated fact's period in words with its precision (columns ``date`` and
    ``precision``): ``February 2025 (known to the month)``; null when the date is unknown."""
    words = _span_words(pl.col(date), dates.period_end_expr(date, precision))
    return pl.format("{} (known to the {})", words, pl.col(precision).cast(pl.String))


def when_words(
    date: str = "date", precision: str = "date_precision", as_written: str = "date_as_written"
) -> pl.Expr:
    """Polars: when a fact happened, for a table's one "When" column: the period in words and
    the source's own words, ``February 2025 (“In February”)``; ``not stated`` when unknown."""
    words = _span_words(pl.col(date), dates.period_end_expr(date, precision))
    said = pl.col(as_written)
    quoted = pl.format("{} (“{}”)", words, said)
    return (
        pl.when(pl.col(date).is_null())
        .then(
            pl.when(said.is_null())
            .then(pl.lit("not stated"))
            .otherwise(pl.format("“{}” (no date given)", said))
        )
        .when(said.is_null() | (said == words))
        .then(words)
        .otherwise(quoted)
    )


def with_first_evidence(ledger: Ledger, frame: pl.DataFrame, key: str) -> pl.DataFrame:
    """Add the first evidence of each row's fact (``key`` holds its id): source, sentence, text."""
    first = (
        ledger.evidence.filter(~pl.col("is_quote_text"))
        .sort("fact_id", "source_id", "char_start")
        .group_by("fact_id", maintain_order=True)
        .first()
        .select(
            pl.col("fact_id").alias(key),
            pl.col("source_id").alias("evidence_source_id"),
            pl.col("sentence").alias("evidence_sentence"),
            pl.col("text").alias("evidence_text"),
        )
    )
    return frame.join(first, on=key, how="left", maintain_order="left")


def source_label(outlet: str | None, title: str | None, published: dt.date | None) -> str:
    """A source as a reader names it: its outlet and title, and when it was published.

    >>> source_label(None, None, dt.date(2025, 8, 12))
    'unknown outlet, published 12 August 2025'
    >>> source_label("Wire", "Mexico sends 26", dt.date(2025, 8, 12))
    'Wire: “Mexico sends 26”, published 12 August 2025'
    """
    when = f"published {dates.describe(published, 'day')}" if published else "date unknown"
    if outlet and title:
        return f"{outlet}: “{title}”, {when}"
    if outlet:
        return f"{outlet}, {when}"
    if title:
        return f"“{title}” (unknown outlet), {when}"
    return f"unknown outlet, {when}"


def source_names(ledger: Ledger) -> pl.DataFrame:
    """Each source's id and the name a reader knows it by (:func:`source_label`); two sources
    that would read the same are told apart by their file ids."""
    names = ledger.sources.select(
        "source_id",
        source_name=pl.struct("outlet", "title", "published").map_elements(
            lambda r: source_label(r["outlet"], r["title"], r["published"]),
            return_dtype=pl.String,
        ),
    )
    return names.with_columns(
        source_name=pl.when(pl.col("source_name").is_duplicated())
        .then(pl.format("{} ({})", "source_name", "source_id"))
        .otherwise(pl.col("source_name"))
    )


def with_source_name(
    ledger: Ledger, frame: pl.DataFrame, column: str = "source_id", name: str = "source_name"
) -> pl.DataFrame:
    """``frame`` with the reader's name of the source in ``column`` as ``name``."""
    names = source_names(ledger).rename({"source_id": column, "source_name": name})
    return frame.join(names, on=column, how="left", maintain_order="left")

"""Bounds that keep a chart's data (and so the page) from growing with the ledger: beyond
them, charts aggregate (by month, year or decade) or show the top rows and say so."""

from __future__ import annotations

import polars as pl

from analysis import dates

#: Bounds that keep a chart's data (and so the page) from growing with the ledger: beyond
#: them, charts aggregate (by month) or show the top rows and say so.
MAX_DAYS = 400


MAX_COLUMNS = 24


MAX_BARS = 30


#: Periods a date axis can be bucketed by, finest first, with how a bucket is labelled.
PERIODS = (("", "%Y-%m-%d"), ("1mo", "%b %Y"), ("1y", "%Y"), ("10y", "the %Ys"))


#: What one bucket of each period is called, in words ("grouped by month").
BUCKET_NAMES = {"1mo": "month", "1y": "year", "10y": "decade", "100y": "century"}


def bucket_every(days: pl.Series, max_buckets: int) -> str:
    """The finest period (``""`` for days, ``1mo``, ``1y``, ``10y``, ``100y``) giving at most
    ``max_buckets`` buckets of ``days``."""
    days = days.drop_nulls()
    for every, _ in PERIODS:
        n = days.dt.truncate(every).n_unique() if every else days.n_unique()
        if n <= max_buckets:
            return every
    return "100y"


def _bucket_start(every: str) -> pl.Expr:
    if every == "100y":
        # By century: Polars truncates "100y" from 1970 (1985 and 2025 would both be 1970).
        return pl.date(pl.col("date").dt.year() // 100 * 100, 1, 1)
    return pl.col("date").dt.truncate(every) if every else pl.col("date")


def bucket(days: pl.Series, max_buckets: int) -> tuple[pl.Expr, str]:
    """The finest period (day, month, year, decade) giving at most ``max_buckets`` buckets.

    Returns the expression that maps ``date`` to its bucket's first day, and the strftime
    format that labels a bucket.
    """
    every = bucket_every(days, max_buckets)
    label = dict(PERIODS).get(every, "the %Ys")
    return _bucket_start(every), label


def bucket_span(days: pl.Series, max_buckets: int) -> tuple[pl.Expr, pl.Expr, str]:
    """The first and last day of the span each row is drawn over, and what the spans are.

    While ``days`` has at most ``max_buckets`` distinct dates, a row's span is its own period
    (:func:`analysis.dates.period`: a month-precision date is the whole month) and the third
    value is ``""``. Beyond, a row's span is its bucket (a month, year, decade or century,
    the finest that gives at most ``max_buckets`` buckets), widened to its own period when
    that is longer (a year-precision date in monthly buckets), and the third value names the
    bucket (``"month"``). Columns ``date`` and ``date_precision`` are read.
    """
    own_end = dates.period_end_expr()
    every = bucket_every(days, max_buckets)
    if not every:
        return pl.col("date"), own_end, ""
    start = _bucket_start(every)
    year = start.dt.year()
    end = {
        "1mo": start.dt.month_end(),
        "1y": pl.date(year, 12, 31),
        "10y": pl.date(year + 9, 12, 31),
        "100y": pl.date(year + 99, 12, 31),
    }[every]
    return start, pl.max_horizontal(end, own_end), BUCKET_NAMES[every]


def first_titles(column: str, n: int = 3) -> pl.Expr:
    """The first ``n`` titles of ``column``, joined, for a tooltip of a bucket."""
    return pl.col(column).sort().head(n).str.join(" | ") + pl.when(pl.len() > n).then(
        pl.format(" | and {} more", pl.len() - n)
    ).otherwise(pl.lit(""))


def top(frame: pl.DataFrame, by: str, n: int = MAX_BARS) -> tuple[pl.DataFrame, int]:
    """The ``n`` rows with the largest ``by``, and how many rows were left out."""
    return frame.sort(by, descending=True).head(n), max(frame.height - n, 0)


def coverage_histogram(coverage: pl.DataFrame) -> pl.DataFrame:
    """Sources counted by the share of their sentences the ledger cites, in tenths."""
    tenth = (pl.col("share_used") * 10).floor().clip(0, 9).cast(pl.Int64)
    return (
        coverage.with_columns(bin=tenth)
        .group_by("bin")
        .agg(sources=pl.len().cast(pl.Int64))
        .with_columns(
            share=pl.format("{}–{}%", pl.col("bin") * 10, pl.col("bin") * 10 + 10),
        )
        .sort("bin")
    )


def facts_by_position(per_sentence: pl.DataFrame) -> pl.DataFrame:
    """Facts per sentence number, summed over sources: where in an article facts come from."""
    return (
        per_sentence.group_by("sentence")
        .agg(facts=pl.col("facts").sum(), sources=pl.len().cast(pl.Int64))
        .sort("sentence")
    )

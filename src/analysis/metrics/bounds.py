"""Bounds that keep a chart's data (and so the page) from growing with the ledger: beyond
them, charts aggregate (by month, year or decade) or show the top rows and say so."""

from __future__ import annotations

import polars as pl

#: Bounds that keep a chart's data (and so the page) from growing with the ledger: beyond
#: them, charts aggregate (by month) or show the top rows and say so.
MAX_DAYS = 400


MAX_COLUMNS = 24


MAX_BARS = 30


#: Periods a date axis can be bucketed by, finest first, with how a bucket is labelled.
PERIODS = (("", "%Y-%m-%d"), ("1mo", "%b %Y"), ("1y", "%Y"), ("10y", "the %Ys"))


def bucket(dates: pl.Series, max_buckets: int) -> tuple[pl.Expr, str]:
    """The finest period (day, month, year, decade) giving at most ``max_buckets`` buckets.

    Returns the expression that maps ``date`` to its bucket's first day, and the strftime
    format that labels a bucket.
    """
    days = dates.drop_nulls()
    for every, label in PERIODS:
        expr = pl.col("date").dt.truncate(every) if every else pl.col("date")
        n = days.dt.truncate(every).n_unique() if every else days.n_unique()
        if n <= max_buckets:
            return expr, label
    # By century: Polars truncates "100y" from 1970 (1985 and 2025 would both be 1970).
    century = pl.col("date").dt.year() // 100 * 100
    return pl.date(century, 1, 1), "the %Ys"


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

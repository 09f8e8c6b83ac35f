"""Figures of the transfers report: transfers, headline figures, charges, suspects."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from analysis.markup import plural
from analysis.metrics._common import (
    Headline,
    count_evidence,
    format_date,
    in_range,
    span_label,
    when,
    when_words,
    with_first_evidence,
)
from analysis.metrics.bounds import MAX_COLUMNS, MAX_DAYS, bucket, bucket_span, first_titles

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping

    from analysis.ledger import Ledger


def transfers(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> pl.DataFrame:
    """Transfers in the range, oldest first, with the sentence that states each count."""
    events = ledger.events.filter(pl.col("kind") == "transfer", in_range(start, end))
    stated = count_evidence(ledger, events)
    return (
        events.join(stated, on="event_id", how="left")
        .with_columns(when=when_words())
        .sort("date", "event_id")
    )


def transfer_headlines(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> list[Headline]:
    """People transferred, number of transfers, largest transfer and latest transfer."""
    data = transfers(ledger, start=start, end=end)
    refs = tuple(zip(data["count_source_id"], data["count_sentence"], strict=True))
    if data.is_empty():
        return [
            Headline("People transferred", 0, ()),
            Headline("Transfers", 0, ()),
        ]
    largest = data.sort("people", "date", descending=[True, False]).row(0, named=True)
    latest = data.sort("date", "people", descending=[True, True]).row(0, named=True)
    candidates = int((data["status"] == "candidate").sum())
    return [
        Headline(
            "People transferred",
            int(data["people"].sum()),
            refs,
            note=_caveats(data),
            unreviewed=candidates,
        ),
        Headline("Transfers", data.height, refs, unreviewed=candidates),
        Headline(
            "Largest transfer",
            int(largest["people"]),
            ((largest["count_source_id"], largest["count_sentence"]),),
            note=when(largest),
            unreviewed=int(largest["status"] == "candidate"),
        ),
        Headline(
            "Latest transfer",
            int(latest["people"]),
            ((latest["count_source_id"], latest["count_sentence"]),),
            note=when(latest),
            unreviewed=int(latest["status"] == "candidate"),
        ),
    ]


def _caveats(data: pl.DataFrame) -> str:
    """What a reader of a total must know: counts the ledger works out rather than reads, and
    counts the sources give differently."""
    derived = int(data["derived_fields"].list.contains("people").sum())
    disputed = int(data["disputed_fields"].list.contains("people").sum())
    notes = []
    if derived:
        notes.append(f"includes {derived} derived count{'s' if derived != 1 else ''}")
    if disputed:
        notes.append(
            f"sources differ on {disputed} count{'s' if disputed != 1 else ''} (see Sources)"
        )
    return "; ".join(notes)


def transfers_summary(figures: Mapping[str, int]) -> str:
    """The transfers report's one-line summary, from the values of :func:`transfer_headlines`
    by label."""
    return (
        f"{plural(figures['People transferred'], 'person', 'people')} in "
        f"{plural(figures['Transfers'], 'transfer')} from Mexico to the United States"
    )


def charges_by_transfer(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> pl.DataFrame:
    """One row per (transfer, charge): what the sources allege, against whom."""
    tr = transfers(ledger, start=start, end=end).select(
        "event_id", "date", "date_precision", "people"
    )
    names = ledger.actors.select("actor_id", "name")
    data = (
        ledger.allegations.join(tr, on="event_id")
        .join(names, left_on="accused_id", right_on="actor_id", how="left")
        .with_columns(
            accused=pl.col("name").fill_null("the group"),
            transfer=pl.format(
                "{} ({} people)",
                pl.struct("date", "date_precision").map_elements(
                    lambda s: format_date(s["date"], s["date_precision"]), return_dtype=pl.String
                ),
                pl.col("people"),
            ),
        )
    )
    return (
        data.group_by("transfer", "date", "charge")
        .agg(
            allegations=pl.len(),
            as_written=pl.col("as_written").unique(maintain_order=True).str.join("; "),
            accused=pl.col("accused").unique(maintain_order=True).str.join(", "),
        )
        .with_columns(pl.col("charge").cast(pl.String))
        .sort("date", "charge")
    )


def suspects_with_past_crimes(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> pl.DataFrame:
    """Named suspects tied to an older crime, with the years from that crime to their transfer.

    Only suspects of the transfers in range (the range is the transfer's date, not the
    crime's: a 1985 killing is shown for a transfer of 2025).
    """
    events = ledger.events
    crimes = events.filter(pl.col("kind") == "crime").select(
        pl.col("event_id").alias("crime_event_id"),
        pl.col("title").alias("crime"),
        pl.col("date").dt.year().alias("crime_year"),
    )
    tr = events.filter(pl.col("kind") == "transfer", in_range(start, end)).select(
        "event_id",
        pl.col("date").alias("transfer_date"),
        pl.col("date_precision").alias("transfer_precision"),
        pl.col("date_as_written").alias("transfer_as_written"),
        pl.col("title").alias("transfer"),
    )
    names = ledger.actors.select(
        pl.col("actor_id").alias("accused_id"), pl.col("name").alias("suspect")
    )
    return (
        ledger.allegations.filter(
            pl.col("accused_id").is_not_null(), pl.col("crime_event_id").is_not_null()
        )
        .join(crimes, on="crime_event_id")
        .join(tr, on="event_id")
        .join(names, on="accused_id")
        .with_columns(
            years_to_transfer=(pl.col("transfer_date").dt.year() - pl.col("crime_year")).cast(
                pl.Int64
            ),
            charge=pl.col("charge").cast(pl.String),
        )
        .select(
            "suspect",
            "crime",
            "crime_year",
            "charge",
            "as_written",
            "transfer",
            "transfer_date",
            "transfer_precision",
            when_words("transfer_date", "transfer_precision", "transfer_as_written").alias(
                "transferred"
            ),
            "years_to_transfer",
            "allegation_id",
            pl.col("status").cast(pl.String),
        )
        .sort("crime_year", "suspect")
    )


def related_decisions(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> pl.DataFrame:
    """Decisions tied to the transfers in range (e.g. on the death penalty), with evidence."""
    tr = transfers(ledger, start=start, end=end).select(
        pl.col("event_id").alias("related_event_id")
    )
    decisions = ledger.events.filter(pl.col("kind") == "decision").join(tr, on="related_event_id")
    return with_first_evidence(ledger, decisions, "event_id")


def transfers_by_date(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    max_days: int = MAX_DAYS,
) -> pl.DataFrame:
    """Transfers aggregated per period: the day, month or year each is known to, or per month
    (year, decade) beyond ``max_days`` distinct dates (:func:`~.bounds.bucket_span`).

    One row per span, in order: ``date`` (= ``date_start``), ``date_start`` and ``date_end``
    (first and last day of the span: 1-28 February 2025 for "In February"), ``span`` (whether
    it is longer than a day), ``date_label`` (``February 2025 (known to the month)``), people,
    number of transfers, their titles, ``previous`` and ``cumulative`` (the running total
    before and after the span).
    """
    data = transfers(ledger, start=start, end=end)
    first, last, how = bucket_span(data["date"], max_days)
    return (
        data.with_columns(date_start=first, date_end=last)
        .group_by("date_start", "date_end")
        .agg(
            people=pl.col("people").sum(),
            transfers=pl.len().cast(pl.Int64),
            title=first_titles("title"),
            date_as_written=pl.col("date_as_written")
            .unique(maintain_order=True)
            .head(3)
            .str.join("; "),
            date_precision=pl.col("date_precision").cast(pl.String).first(),
            mechanism=pl.col("mechanism").unique(maintain_order=True).head(3).str.join("; "),
            n_sources=pl.col("n_sources").max(),
            unreviewed=(pl.col("status") == "candidate").sum().cast(pl.Int64),
        )
        .sort("date_start", "date_end")
        .with_columns(
            date=pl.col("date_start"),
            span=pl.col("date_end") > pl.col("date_start"),
            date_label=span_label(how),
            cumulative=pl.col("people").cum_sum(),
        )
        .with_columns(previous=pl.col("cumulative") - pl.col("people"))
        .select(
            "date",
            "date_start",
            "date_end",
            "span",
            "date_label",
            "people",
            "transfers",
            "title",
            "date_as_written",
            "date_precision",
            "mechanism",
            "n_sources",
            "unreviewed",
            "previous",
            "cumulative",
        )
    )


def running_total(by_date: pl.DataFrame) -> pl.DataFrame:
    """The running total of people as a line: its corners, in drawing order.

    From :func:`transfers_by_date` rows (``date_start``, ``date_end``, ``people``): the people
    of a span known only to the month or year are spread evenly over it, so the line rises
    from the span's first day to its last (a ramp), and steps up on the day of a transfer
    known to the day. Between corners the total is linear, so a line through them in order
    (``order``) is exact, overlapping spans included. Columns ``date``, ``total`` (may be
    fractional inside overlapping spans) and ``order``.
    """
    spans = by_date.select("date_start", "date_end", "people")
    corners = (
        pl.concat([spans.select(date="date_start"), spans.select(date="date_end")])
        .unique()
        .sort("date")
    )
    first, last, day = pl.col("date_start"), pl.col("date_end"), pl.col("date")
    share = (day - first).dt.total_days() / (last - first).dt.total_days()
    before = pl.when(last < day).then(1.0).when((first < day) & (first < last)).then(share)
    after = pl.when(last <= day).then(1.0).when(first < day).then(share)
    totals = (
        corners.join(spans, how="cross")
        .group_by("date")
        .agg(
            before=(pl.col("people") * before.otherwise(0.0)).sum(),
            after=(pl.col("people") * after.otherwise(0.0)).sum(),
        )
        .sort("date")
    )
    return (
        pl.concat(
            [
                totals.select("date", total="before", side=pl.lit(0)),
                totals.filter(pl.col("after") != pl.col("before")).select(
                    "date", total="after", side=pl.lit(1)
                ),
            ]
        )
        .sort("date", "side")
        .select("date", pl.col("total").round(2), order=pl.int_range(pl.len(), dtype=pl.Int64))
    )


def charges_grid(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    max_columns: int = MAX_COLUMNS,
) -> pl.DataFrame:
    """Charges alleged per transfer, or per month of transfers beyond ``max_columns`` transfers.

    One row per (column, charge) with how many transfers in the column have that charge.
    """
    data = charges_by_transfer(ledger, start=start, end=end)
    if data["transfer"].n_unique() > max_columns:
        period, label = bucket(data["date"].unique(), max_columns)
        data = data.with_columns(date=period).with_columns(
            transfer=pl.format("transfers of {}", pl.col("date").dt.strftime(label)),
        )
    return (
        data.group_by("transfer", "date", "charge")
        .agg(
            transfers=pl.len().cast(pl.Int64),
            as_written=first_titles("as_written"),
            accused=first_titles("accused"),
        )
        .sort("date", "charge")
    )

"""Figures and tables the reports show, computed from a :class:`~analysis.frames.Ledger`.

Plain functions of frames: no I/O, no plotting. The charts and the notebooks both call them,
so a number in a chart and the same number in a report's text cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from collections.abc import Sequence

    from analysis.frames import Ledger

#: Lanes drawn in the policy timeline, top to bottom.
POLICY_LANES = ("security cooperation", "trade pressure", "statements and diplomacy")
#: Bounds that keep a chart's data (and so the page) from growing with the ledger: beyond
#: them, charts aggregate (by month) or show the top rows and say so.
MAX_DAYS = 400
MAX_COLUMNS = 24
MAX_BARS = 30
#: Roles whose actor's country is the country that acted, when the event names no origin.
ACTING_ROLES = ("initiator", "speaker", "decision maker", "announcer", "court")


def period_end() -> pl.Expr:
    """Last day of the period an event's ``date`` and ``date_precision`` describe."""
    date = pl.col("date")
    return (
        pl.when(pl.col("date_precision") == "day")
        .then(date)
        .when(pl.col("date_precision") == "month")
        .then(date.dt.month_end())
        .when(pl.col("date_precision") == "year")
        .then(pl.date(date.dt.year(), 12, 31))
        .otherwise(None)
    )


def in_range(start: dt.date | None, end: dt.date | None) -> pl.Expr:
    """Events whose period overlaps ``[start, end]``; open ends when None. Undated: never."""
    cond = pl.col("date").is_not_null()
    if start is not None:
        cond &= period_end() >= start
    if end is not None:
        cond &= pl.col("date") <= end
    return cond


def parse_day(value: str | None) -> dt.date | None:
    """``"2025-08-12"`` to a date; ``""`` or None to None (an open end)."""
    if value is None or not value.strip():
        return None
    return dt.date.fromisoformat(value.strip())


def transfers(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> pl.DataFrame:
    """Transfers in the range, oldest first, with the sentence that states each count."""
    events = ledger.events.filter(pl.col("kind") == "transfer", in_range(start, end))
    stated = count_evidence(ledger, events)
    return events.join(stated, on="event_id", how="left").sort("date", "event_id")


def count_evidence(ledger: Ledger, events: pl.DataFrame) -> pl.DataFrame:
    """For each event, the first evidence sentence (by source, position) that states its count.

    Falls back to the event's first evidence when no sentence has the number in figures.
    """
    ev = ledger.evidence.filter(pl.col("fact_type") == "event").join(
        events.select("event_id", "people"), left_on="fact_id", right_on="event_id"
    )
    ev = ev.with_columns(
        states_count=pl.col("text").str.contains(pl.col("people").cast(pl.String), literal=True)
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
        Headline("People transferred", int(data["people"].sum()), refs, unreviewed=candidates),
        Headline("Transfers", data.height, refs, unreviewed=candidates),
        Headline(
            "Largest transfer",
            int(largest["people"]),
            ((largest["count_source_id"], largest["count_sentence"]),),
            note=_when(largest),
            unreviewed=int(largest["status"] == "candidate"),
        ),
        Headline(
            "Latest transfer",
            int(latest["people"]),
            ((latest["count_source_id"], latest["count_sentence"]),),
            note=_when(latest),
            unreviewed=int(latest["status"] == "candidate"),
        ),
    ]


def _when(row: dict[str, object]) -> str:
    date = row["date"]
    assert isinstance(date, dt.date)
    precision = row["date_precision"]
    if precision == "day":
        return date.strftime("%-d %B %Y")
    if precision == "month":
        return date.strftime("%B %Y")
    return date.strftime("%Y")


def format_date(date: dt.date | None, precision: str | None) -> str:
    """A date as precisely as it is known: ``12 August 2025``, ``February 2025``, ``2025``."""
    if date is None or precision in (None, "unknown"):
        return "date not stated"
    return _when({"date": date, "date_precision": precision})


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


def suspects_with_past_crimes(ledger: Ledger) -> pl.DataFrame:
    """Named suspects tied to an older crime, with the years from that crime to their transfer."""
    events = ledger.events
    crimes = events.filter(pl.col("kind") == "crime").select(
        pl.col("event_id").alias("crime_event_id"),
        pl.col("title").alias("crime"),
        pl.col("date").dt.year().alias("crime_year"),
    )
    tr = events.filter(pl.col("kind") == "transfer").select(
        "event_id",
        pl.col("date").alias("transfer_date"),
        pl.col("date_precision").alias("transfer_precision"),
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


def _country_names(ledger: Ledger) -> pl.DataFrame:
    return ledger.actors.filter(pl.col("kind") == "country").select(
        pl.col("actor_id").alias("country_id"), pl.col("name").alias("country")
    )


def acting_country(ledger: Ledger) -> pl.DataFrame:
    """The country that acted in each event: its origin, else the country of its main actor."""
    roles = (
        ledger.event_actors.filter(pl.col("role").cast(pl.String).is_in(ACTING_ROLES))
        .join(ledger.actors.select("actor_id", "kind", "country_id"), on="actor_id")
        .with_columns(
            country_id=pl.when(pl.col("kind") == "country")
            .then(pl.col("actor_id"))
            .otherwise(pl.col("country_id"))
        )
        .filter(pl.col("country_id").is_not_null())
        .sort("event_id", "role_id")
        .group_by("event_id", maintain_order=True)
        .agg(pl.col("country_id").first().alias("role_country_id"))
    )
    return (
        ledger.events.select("event_id", "origin_id")
        .join(roles, on="event_id", how="left")
        .select("event_id", country_id=pl.coalesce("origin_id", "role_country_id"))
        .join(_country_names(ledger), on="country_id", how="left")
        .with_columns(pl.col("country").fill_null("Not attributed"))
    )


def _country_filter(countries: Sequence[str] | None) -> pl.Expr:
    if not countries:
        return pl.lit(value=True)
    wanted = [c.strip().lower() for c in countries]
    return pl.col("country").str.to_lowercase().is_in(wanted) | pl.col(
        "country_id"
    ).str.to_lowercase().is_in(wanted)


def policy_events(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: Sequence[str] | None = None,
) -> pl.DataFrame:
    """Events of the policy lanes in range, with the country that acted, oldest first."""
    return (
        ledger.events.filter(
            pl.col("lane").cast(pl.String).is_in(POLICY_LANES), in_range(start, end)
        )
        .join(acting_country(ledger), on="event_id", how="left")
        .filter(_country_filter(countries))
        .sort("date", "event_id")
    )


def undated_policy_events(ledger: Ledger, countries: Sequence[str] | None = None) -> pl.DataFrame:
    """Policy events whose date the sources do not state (kept out of timelines)."""
    return (
        ledger.events.filter(
            pl.col("lane").cast(pl.String).is_in(POLICY_LANES), pl.col("date").is_null()
        )
        .join(acting_country(ledger), on="event_id", how="left")
        .filter(_country_filter(countries))
        .sort("reported_on", "event_id")
    )


def policy_lanes(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: Sequence[str] | None = None,
    max_days: int = MAX_DAYS,
) -> pl.DataFrame:
    """Policy events aggregated to one row per (date, lane, country, precision).

    When the events fall on more than ``max_days`` distinct days, dates are bucketed by month
    (or year, or decade), so the chart's data stays bounded whatever the size of the ledger.
    """
    events = policy_events(ledger, start=start, end=end, countries=countries)
    return (
        events.with_columns(
            date=bucket(events["date"], max_days)[0], lane=pl.col("lane").cast(pl.String)
        )
        .group_by("date", "lane", "country", "date_precision")
        .agg(
            events=pl.len(),
            unreviewed=(pl.col("status") == "candidate").sum().cast(pl.Int64),
            titles=_first_titles("title"),
        )
        .with_columns(pl.col("date_precision").cast(pl.String))
        .sort("date", "lane", "country")
    )


def quotes(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: Sequence[str] | None = None,
) -> pl.DataFrame:
    """Who said what, when: quotes with speaker, country, date and the sources reporting them.

    A quote whose date the sources do not state is placed by the day it was first reported.
    """
    names = _country_names(ledger)
    speakers = ledger.actors.select(
        pl.col("actor_id").alias("speaker_id"),
        pl.col("name").alias("speaker"),
        pl.col("title").alias("speaker_title"),
        "country_id",
    ).join(names, on="country_id", how="left")
    sources = (
        ledger.evidence.filter(pl.col("fact_type") == "quote")
        .group_by("fact_id")
        .agg(sources=pl.col("source_id").unique().sort().str.join(", "))
        .rename({"fact_id": "quote_id"})
    )
    data = (
        ledger.quotes.join(speakers, on="speaker_id", how="left")
        .join(sources, on="quote_id", how="left")
        .with_columns(
            date=pl.coalesce("said_on", "reported_on"),
            date_precision=pl.when(pl.col("said_on").is_null())
            .then(pl.lit("unknown"))
            .otherwise(pl.col("said_on_precision").cast(pl.String)),
            country=pl.col("country").fill_null("Not attributed"),
        )
        .filter(in_range(start, end) | (pl.col("said_on").is_null() & _reported_in(start, end)))
        .filter(_country_filter(countries))
    )
    data = with_first_evidence(ledger, data, "quote_id")
    return data.sort("date", "speaker", "quote_id")


def _reported_in(start: dt.date | None, end: dt.date | None) -> pl.Expr:
    cond = pl.lit(value=True)
    if start is not None:
        cond &= pl.col("reported_on") >= start
    if end is not None:
        cond &= pl.col("reported_on") <= end
    return cond


def fact_evidence(ledger: Ledger) -> pl.DataFrame:
    """Every fact with each sentence of a source that it rests on (one row per evidence)."""
    labels = pl.concat(
        [
            ledger.actors.select(pl.col("actor_id").alias("fact_id"), pl.col("name").alias("fact")),
            ledger.events.select(
                pl.col("event_id").alias("fact_id"), pl.col("title").alias("fact")
            ),
            ledger.quotes.join(
                ledger.actors.select(pl.col("actor_id").alias("speaker_id"), "name"),
                on="speaker_id",
            ).select(
                pl.col("quote_id").alias("fact_id"),
                pl.format("{} quoted: “{}”", "name", pl.col("text").str.slice(0, 80)).alias("fact"),
            ),
            ledger.allegations.select(
                pl.col("allegation_id").alias("fact_id"),
                pl.format("Alleged: {} ({})", pl.col("charge").cast(pl.String), "as_written").alias(
                    "fact"
                ),
            ),
            ledger.event_actors.select(
                pl.col("role_id").alias("fact_id"),
                pl.format(
                    "{} is {} in {}", "actor_id", pl.col("role").cast(pl.String), "event_id"
                ).alias("fact"),
            ),
        ]
    )
    sentences = ledger.sentences.select(
        "source_id", "sentence", pl.col("text").alias("sentence_text")
    )
    return (
        ledger.evidence.join(labels, on="fact_id", how="left")
        .join(sentences, on=["source_id", "sentence"], how="left")
        .with_columns(pl.col("fact_type").cast(pl.String))
        .select(
            "fact_type",
            "fact_id",
            "fact",
            "source_id",
            "sentence",
            "char_start",
            "char_end",
            "text",
            "sentence_text",
            pl.col("status").cast(pl.String),
        )
        .sort("source_id", "sentence", "char_start", "fact_type", "fact_id")
    )


def sentence_coverage(ledger: Ledger) -> pl.DataFrame:
    """For each source, how many of its sentences the ledger cites, and the share."""
    used = (
        ledger.evidence.select(
            "source_id", pl.int_ranges("sentence", pl.col("sentence_end") + 1).alias("sentence")
        )
        .explode("sentence")
        .unique()
        .group_by("source_id")
        .agg(sentences_used=pl.len().cast(pl.Int64))
    )
    return (
        ledger.sources.select(
            "source_id", pl.col("n_sentences").alias("sentences"), "published", "title"
        )
        .join(used, on="source_id", how="left")
        .with_columns(
            pl.col("sentences_used").fill_null(0),
            source=pl.format("{} ({})", "source_id", pl.col("published").dt.strftime("%Y-%m-%d")),
        )
        .with_columns(share_used=pl.col("sentences_used") / pl.col("sentences"))
        .select("source", "source_id", "sentences", "sentences_used", "share_used")
        .sort("source_id")
    )


def facts_per_sentence(ledger: Ledger) -> pl.DataFrame:
    """Number of distinct facts citing each sentence, per source (uncited sentences are 0)."""
    cited = (
        ledger.evidence.select("source_id", "sentence", "fact_id")
        .unique()
        .group_by("source_id", "sentence")
        .agg(facts=pl.len().cast(pl.Int64))
    )
    return (
        ledger.sentences.join(cited, on=["source_id", "sentence"], how="left")
        .select(
            pl.col("source_id").alias("source"),
            "sentence",
            pl.col("facts").fill_null(0),
            excerpt=pl.col("text").str.slice(0, 60),
        )
        .sort("source", "sentence")
    )


def single_source_facts(ledger: Ledger) -> pl.DataFrame:
    """Events, quotes and allegations that only one source supports."""
    per_fact = (
        ledger.evidence.filter(
            pl.col("fact_type").cast(pl.String).is_in(["event", "quote", "allegation"])
        )
        .group_by("fact_type", "fact_id")
        .agg(
            n_sources=pl.col("source_id").n_unique().cast(pl.Int64),
            source_id=pl.col("source_id").first(),
            status=pl.when((pl.col("status") == "candidate").all())
            .then(pl.lit("candidate"))
            .otherwise(pl.lit("reviewed")),
        )
        .filter(pl.col("n_sources") == 1)
    )
    labels = fact_evidence(ledger).select("fact_id", "fact").unique("fact_id")
    return (
        per_fact.join(labels, on="fact_id", how="left")
        .with_columns(pl.col("fact_type").cast(pl.String))
        .select("fact_type", "fact_id", "fact", "source_id", "status")
        .sort("fact_type", "fact_id")
    )


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
    return pl.col("date").dt.truncate("100y"), "the %Ys"


def _first_titles(column: str, n: int = 3) -> pl.Expr:
    return pl.col(column).sort().head(n).str.join(" | ") + pl.when(pl.len() > n).then(
        pl.format(" | and {} more", pl.len() - n)
    ).otherwise(pl.lit(""))


def transfers_by_date(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    max_days: int = MAX_DAYS,
) -> pl.DataFrame:
    """Transfers aggregated per date (per month beyond ``max_days`` distinct days).

    One row per date: people, number of transfers, their titles, and a running total.
    """
    data = transfers(ledger, start=start, end=end)
    return (
        data.with_columns(date=bucket(data["date"], max_days)[0])
        .group_by("date")
        .agg(
            people=pl.col("people").sum(),
            transfers=pl.len().cast(pl.Int64),
            title=_first_titles("title"),
            date_as_written=pl.col("date_as_written")
            .unique(maintain_order=True)
            .head(3)
            .str.join("; "),
            date_precision=pl.col("date_precision").cast(pl.String).first(),
            mechanism=pl.col("mechanism").unique(maintain_order=True).head(3).str.join("; "),
            n_sources=pl.col("n_sources").max(),
            unreviewed=(pl.col("status") == "candidate").sum().cast(pl.Int64),
        )
        .sort("date")
        .with_columns(cumulative=pl.col("people").cum_sum())
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
            as_written=_first_titles("as_written"),
            accused=_first_titles("accused"),
        )
        .sort("date", "charge")
    )


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

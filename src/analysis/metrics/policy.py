"""Figures of the policy report: dated policy moves in lanes, the country that acted, quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from analysis.metrics._common import in_range, with_first_evidence
from analysis.metrics.bounds import MAX_DAYS, bucket, first_titles

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from analysis.ledger import Ledger


#: Lanes drawn in the policy timeline, top to bottom.
POLICY_LANES = ("security cooperation", "trade pressure", "statements and diplomacy")


#: Roles whose actor's country is the country that acted, when the event names no origin.
ACTING_ROLES = ("initiator", "speaker", "decision maker", "announcer", "court")


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
            titles=first_titles("title"),
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


def policy_figures(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: Sequence[str] | None = None,
) -> dict[str, int]:
    """The policy report's headline figures: dated events, transfers, trade moves, quotes.

    Counted over :func:`policy_events` and :func:`quotes` with the same range and countries.
    """
    events = policy_events(ledger, start=start, end=end, countries=countries)
    said = quotes(ledger, start=start, end=end, countries=countries)
    return {
        "Dated events": events.height,
        "Transfers": events.filter(pl.col("kind") == "transfer").height,
        "Trade moves": events.filter(pl.col("lane") == "trade pressure").height,
        "Quotes": said.height,
    }


def policy_summary(figures: Mapping[str, int]) -> str:
    """The policy report's one-line summary, from :func:`policy_figures`."""
    return (
        f"{figures['Transfers']} transfers and {figures['Trade moves']} trade moves "
        f"among {figures['Dated events']} dated events; {figures['Quotes']} quotes"
    )

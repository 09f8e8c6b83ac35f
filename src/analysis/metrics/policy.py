"""Figures of the policy report: dated policy moves in lanes, the countries that acted, quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from analysis import dates
from analysis.markup import plural
from analysis.metrics._common import (
    in_range,
    source_names,
    span_label,
    when_words,
    with_first_evidence,
)
from analysis.metrics.bounds import MAX_DAYS, bucket_span, first_titles

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from analysis.ledger import Ledger


#: Lanes drawn in the policy timeline, top to bottom.
POLICY_LANES = ("security cooperation", "trade pressure", "statements and diplomacy")


#: Roles whose actor's country is the country that acted, when the event names no origin.
ACTING_ROLES = ("initiator", "speaker", "decision maker", "announcer", "court")


#: The role of each country (or of an actor of each) that is a party to an event, such as an
#: agreement: every party's country acted.
PARTY_ROLE = "party"


#: What an event or a quote no country is tied to is called.
NOT_ATTRIBUTED = "Not attributed"


def _country_names(ledger: Ledger) -> pl.DataFrame:
    return ledger.actors.filter(pl.col("kind") == "country").select(
        pl.col("actor_id").alias("country_id"), pl.col("name").alias("country")
    )


def country_label(names: pl.Expr) -> pl.Expr:
    """Polars: a list of country names in plain words, ``Mexico and United States``
    (``Canada, Mexico and United States``; ``Not attributed`` when empty)."""
    n = names.list.len()
    return (
        pl.when(n == 0)
        .then(pl.lit(NOT_ATTRIBUTED))
        .when(n == 1)
        .then(names.list.first())
        .otherwise(
            pl.format("{} and {}", names.list.head(n - 1).list.join(", "), names.list.last())
        )
    )


def _actor_countries(ledger: Ledger, roles: pl.DataFrame) -> pl.DataFrame:
    """``roles`` (event_actors rows) with the country of each actor: itself for a country."""
    return (
        roles.join(ledger.actors.select("actor_id", "kind", "country_id"), on="actor_id")
        .with_columns(
            country_id=pl.when(pl.col("kind") == "country")
            .then(pl.col("actor_id"))
            .otherwise(pl.col("country_id"))
        )
        .filter(pl.col("country_id").is_not_null())
        .sort("event_id", "role_id")
    )


def acting_country(ledger: Ledger) -> pl.DataFrame:
    """The countries that acted in each event, one row per event.

    An event with parties (an agreement "both countries reached") was acted by every party's
    country; any other by its origin, else by the country of its first acting actor
    (:data:`ACTING_ROLES`, by role id). Columns: ``country_ids`` and ``countries`` (lists,
    sorted by name; empty when no country is known), ``country`` (the names in plain words,
    ``Mexico and United States``, or ``Not attributed``) and ``country_id`` (the ids joined
    by ``", "``; null when none).
    """
    role = pl.col("role").cast(pl.String)
    parties = (
        _actor_countries(ledger, ledger.event_actors.filter(role == PARTY_ROLE))
        .group_by("event_id", maintain_order=True)
        .agg(party_ids=pl.col("country_id").unique(maintain_order=True))
    )
    acting = (
        _actor_countries(ledger, ledger.event_actors.filter(role.is_in(ACTING_ROLES)))
        .group_by("event_id", maintain_order=True)
        .agg(pl.col("country_id").first().alias("role_country_id"))
    )
    chosen = (
        ledger.events.select("event_id", "origin_id")
        .join(parties, on="event_id", how="left", maintain_order="left")
        .join(acting, on="event_id", how="left", maintain_order="left")
        .select(
            "event_id",
            pl.when(pl.col("party_ids").list.len() > 0)
            .then(pl.col("party_ids"))
            .otherwise(pl.concat_list(pl.coalesce("origin_id", "role_country_id")))
            .alias("country_id"),
        )
        .explode("country_id")
        .join(_country_names(ledger), on="country_id", how="left", maintain_order="left")
        .sort("event_id", "country", nulls_last=True)
    )
    named = pl.col("country").is_not_null()
    return (
        chosen.group_by("event_id", maintain_order=True)
        .agg(
            country_ids=pl.col("country_id").filter(named),
            countries=pl.col("country").filter(named),
        )
        .with_columns(
            country=country_label(pl.col("countries")),
            country_id=pl.when(pl.col("country_ids").list.len() > 0).then(
                pl.col("country_ids").list.join(", ")
            ),
        )
        .select("event_id", "country_ids", "countries", "country", "country_id")
    )


def _country_filter(countries: Sequence[str] | None) -> pl.Expr:
    """Rows of which ANY country (by name or id, any case) is one of ``countries``; all
    rows when ``countries`` is empty. ``Not attributed`` picks the rows of no country."""
    if not countries:
        return pl.lit(value=True)
    wanted = [c.strip().lower() for c in countries]

    def named(column: str) -> pl.Expr:
        return pl.col(column).list.eval(pl.element().str.to_lowercase().is_in(wanted)).list.any()

    return (
        named("countries")
        | named("country_ids")
        | pl.col("country").str.to_lowercase().is_in(wanted)
    )


def policy_events(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: Sequence[str] | None = None,
) -> pl.DataFrame:
    """Events of the policy lanes in range, one row per event, with the countries that acted
    (:func:`acting_country`), oldest first. ``countries`` keeps an event when any of its
    countries is one of them (a joint agreement is kept for Mexico and for the United States).
    """
    return (
        ledger.events.filter(
            pl.col("lane").cast(pl.String).is_in(POLICY_LANES), in_range(start, end)
        )
        .join(acting_country(ledger), on="event_id", how="left")
        .filter(_country_filter(countries))
        .with_columns(when=when_words())
        .sort("date", "event_id")
    )


def undated_policy_events(
    ledger: Ledger,
    countries: Sequence[str] | None = None,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pl.DataFrame:
    """Policy events whose date the sources do not state (kept out of timelines).

    An undated event is in ``[start, end]`` when the day it was first reported is, as an
    undated quote is (:func:`quotes`).
    """
    return (
        ledger.events.filter(
            pl.col("lane").cast(pl.String).is_in(POLICY_LANES), pl.col("date").is_null()
        )
        # The day reported is a day: the range is tested by the one rule, dates.in_range_expr.
        .with_columns(_day=pl.lit("day"))
        .filter(dates.in_range_expr(start, end, date="reported_on", precision="_day"))
        .drop("_day")
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
    """Policy events aggregated to one row per (span, lane, country, precision).

    A span is the period an event's date covers (a month-precision date is the whole month:
    ``date_start`` to ``date_end``); when the events fall on more than ``max_days`` distinct
    days, spans are months (or years, or decades; :func:`~.bounds.bucket_span`), so the
    chart's data stays bounded whatever the size of the ledger. ``country`` is the label of
    the countries that acted (``Mexico and United States`` for a joint event, its own row);
    ``events`` counts events.
    """
    events = policy_events(ledger, start=start, end=end, countries=countries)
    first, last, how = bucket_span(events["date"], max_days)
    return (
        events.with_columns(date_start=first, date_end=last, lane=pl.col("lane").cast(pl.String))
        .group_by("date_start", "date_end", "lane", "country", "date_precision")
        .agg(
            events=pl.len(),
            unreviewed=(pl.col("status") == "candidate").sum().cast(pl.Int64),
            titles=first_titles("title"),
        )
        .with_columns(pl.col("date_precision").cast(pl.String))
        .with_columns(
            date=pl.col("date_start"),
            span=pl.col("date_end") > pl.col("date_start"),
            date_label=span_label(how),
        )
        .sort("date_start", "date_end", "lane", "country")
        .select(
            "date",
            "date_start",
            "date_end",
            "span",
            "date_label",
            "lane",
            "country",
            "date_precision",
            "events",
            "unreviewed",
            "titles",
        )
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
        .join(source_names(ledger), on="source_id", how="left")
        .group_by("fact_id")
        .agg(sources=pl.col("source_name").unique().sort().str.join("; "))
        .rename({"fact_id": "quote_id"})
    )
    said = pl.col("said_on").is_not_null()
    data = (
        ledger.quotes.join(speakers, on="speaker_id", how="left")
        .join(sources, on="quote_id", how="left")
        .with_columns(
            date=pl.coalesce("said_on", "reported_on"),
            date_precision=pl.when(said)
            .then(pl.col("said_on_precision").cast(pl.String))
            .otherwise(pl.lit("unknown")),
            # For the range only: a quote of unknown date is placed on the day it was reported.
            _placed=pl.when(said)
            .then(pl.col("said_on_precision").cast(pl.String))
            .otherwise(pl.lit("day")),
            country_ids=pl.concat_list("country_id").list.drop_nulls(),
            countries=pl.concat_list("country").list.drop_nulls(),
            country=pl.col("country").fill_null(NOT_ATTRIBUTED),
        )
        .filter(dates.in_range_expr(start, end, precision="_placed"))
        .drop("_placed")
        .filter(_country_filter(countries))
    )
    data = with_first_evidence(ledger, data, "quote_id").with_columns(
        when=pl.when(pl.col("said_on").is_null())
        .then(pl.format("not stated; reported {}", pl.col("reported_on").dt.strftime("%-d %B %Y")))
        .otherwise(when_words("said_on", "said_on_precision", "said_on_as_written"))
    )
    return data.sort("date", "speaker", "quote_id")


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
        f"{plural(figures['Transfers'], 'transfer')} and "
        f"{plural(figures['Trade moves'], 'trade move')} among "
        f"{plural(figures['Dated events'], 'dated event')}; {plural(figures['Quotes'], 'quote')}"
    )

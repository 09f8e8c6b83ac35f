"""Charts of the policy report: the lanes of policy moves, and who said what."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import polars as pl

from analysis import metrics
from analysis.charts.theme import (
    DAYS,
    MAX_TIMELINE_DAYS,
    SPANS,
    count_axis,
    country_scale,
    date_axis,
    drawn,
    finish,
    finish_layers,
    rows_height,
)
from analysis.markup import plural

if TYPE_CHECKING:
    import datetime as dt

    from analysis.ledger import Ledger


def policy_timeline(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: list[str] | None = None,
) -> alt.LayerChart:
    """Events in lanes (security cooperation, trade pressure, statements) coloured by the
    countries that acted (an event of both countries in a colour of its own).

    An event known to the day is a point; one known only to the month or year is a bar over
    that period (beyond a hundred or so days, bars are months: :func:`metrics.policy_lanes`).
    """
    data = metrics.policy_lanes(
        ledger, start=start, end=end, countries=countries, max_days=MAX_TIMELINE_DAYS
    )
    base = alt.Chart(data).encode(
        x=alt.X("date_start:T", title="Date", axis=date_axis(data)),
        y=alt.Y("lane:N", title=None, sort=list(metrics.POLICY_LANES)),
        color=alt.Color("country:N", title="Country", scale=country_scale(data["country"])),
        tooltip=[
            alt.Tooltip("titles:N", title="Events"),
            alt.Tooltip("events:Q", title="Number"),
            alt.Tooltip("unreviewed:Q", title="Unreviewed"),
            alt.Tooltip("date_label:N", title="Date"),
            alt.Tooltip("country:N", title="Country"),
        ],
    )
    spans = (
        base.transform_filter(SPANS)
        .mark_bar(opacity=0.8, size=16, cornerRadius=3, stroke="#ffffff", strokeWidth=1.5)
        .encode(x2="date_end:T")
    )
    days = base.transform_filter(DAYS).mark_point(
        filled=True, opacity=0.9, size=160, stroke="#ffffff", strokeWidth=1
    )
    has_spans = bool(data["span"].any())
    return finish_layers(
        drawn((spans, has_spans), (days, not data["span"].all())),
        "Security cooperation and trade pressure, side by side",
        "Each mark is an event, in its lane, coloured by the countries that acted; a bar spans "
        "the month or year an event is known only to",
        f"Timeline of {plural(int(data['events'].sum()), 'dated event')} in "
        f"{plural(data['lane'].n_unique(), 'lane')}, "
        "coloured by country; bars span the period of an event whose day is not known.",
        height=rows_height(len(metrics.POLICY_LANES) if data.height else 1, 60),
    )


def quotes_by_speaker(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: list[str] | None = None,
) -> alt.Chart:
    """How many quotes the sources carry from each speaker."""
    data = metrics.quotes(ledger, start=start, end=end, countries=countries)
    counts, left_out = metrics.top(
        data.group_by("speaker", "country").agg(quotes=pl.len()).sort("speaker"), "quotes"
    )
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("speaker:N", title=None, sort="-x"),
            x=alt.X(
                "quotes:Q",
                title="Quotes",
                axis=count_axis(max(counts["quotes"].to_list(), default=0)),
            ),
            color=alt.Color("country:N", title="Country", scale=country_scale(counts["country"])),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("quotes:Q", title="Quotes"),
            ],
        )
        .properties(height=rows_height(counts.height, 30))
    )
    return finish(
        chart,
        "Who is quoted",
        "Quotes per speaker across the sources"
        + (f" (the {counts.height} most quoted; {left_out} more in the table)" if left_out else ""),
        f"Bars of quotes per speaker for {plural(counts.height, 'speaker')}.",
    )

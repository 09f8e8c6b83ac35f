"""Charts of the policy report: the lanes of policy moves, and who said what."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt
import polars as pl

from analysis import metrics
from analysis.charts.theme import MAX_TIMELINE_DAYS, country_scale, finish

if TYPE_CHECKING:
    import datetime as dt

    from analysis.ledger import Ledger


def policy_timeline(
    ledger: Ledger,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    countries: list[str] | None = None,
) -> alt.Chart:
    """Events in lanes (security cooperation, trade pressure, statements) coloured by country."""
    data = metrics.policy_lanes(
        ledger, start=start, end=end, countries=countries, max_days=MAX_TIMELINE_DAYS
    )
    chart = (
        alt.Chart(data)
        .mark_point(filled=True, opacity=0.85, size=160)
        .encode(
            x=alt.X("date:T", title="Date"),
            y=alt.Y("lane:N", title=None, sort=list(metrics.POLICY_LANES)),
            color=alt.Color("country:N", title="Country", scale=country_scale(data["country"])),
            shape=alt.Shape("date_precision:N", title="Date known to the"),
            tooltip=[
                alt.Tooltip("titles:N", title="Events"),
                alt.Tooltip("events:Q", title="Number"),
                alt.Tooltip("unreviewed:Q", title="Unreviewed"),
                alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
                alt.Tooltip("date_precision:N", title="Known to the"),
                alt.Tooltip("country:N", title="Country"),
            ],
        )
        .properties(height=alt.Step(60))
    )
    return finish(
        chart,
        "Security cooperation and trade pressure, side by side",
        "Each mark is an event, in its lane, coloured by the country that acted",
        f"Timeline of {int(data['events'].sum())} dated events in {data['lane'].n_unique()} lanes, "
        "coloured by country.",
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
            x=alt.X("quotes:Q", title="Quotes", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("country:N", title="Country", scale=country_scale(counts["country"])),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("quotes:Q", title="Quotes"),
            ],
        )
        .properties(height=alt.Step(30))
    )
    return finish(
        chart,
        "Who is quoted",
        "Quotes per speaker across the sources"
        + (f" (the {counts.height} most quoted; {left_out} more in the table)" if left_out else ""),
        f"Bars of quotes per speaker for {counts.height} speakers.",
    )

"""Charts of the transfers report: transfers over time, the running total, the charges and
the years from an old crime to the transfer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

from analysis import metrics
from analysis.charts.theme import ACCENT, finish

if TYPE_CHECKING:
    import datetime as dt

    from analysis.ledger import Ledger


def transfers_timeline(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> alt.Chart:
    """Transfers of people to the United States over time, each a circle sized by people.

    Transfers on the same date share a circle; beyond a few hundred dates, circles are months.
    """
    data = metrics.transfers_by_date(ledger, start=start, end=end)
    chart = (
        alt.Chart(data)
        .mark_circle(opacity=0.8, stroke="#5a1f12", strokeWidth=1)
        .encode(
            x=alt.X("date:T", title="Date of transfer", scale=alt.Scale(padding=30)),
            y=alt.value(60),
            size=alt.Size(
                "people:Q",
                title="People transferred",
                scale=alt.Scale(range=[80, 1600], zero=True),
            ),
            tooltip=[
                alt.Tooltip("title:N", title="Transfer"),
                alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
                alt.Tooltip("date_precision:N", title="Known to the"),
                alt.Tooltip("date_as_written:N", title="Source says"),
                alt.Tooltip("people:Q", title="People"),
                alt.Tooltip("transfers:Q", title="Transfers"),
                alt.Tooltip("mechanism:N", title="Described as"),
                alt.Tooltip("n_sources:Q", title="Sources"),
                alt.Tooltip("unreviewed:Q", title="Unreviewed transfers"),
            ],
        )
        .properties(height=120)
    )
    n, total = int(data["transfers"].sum()), int(data["people"].sum())
    return finish(
        chart,
        "Transfers of alleged cartel members to the United States",
        "Each circle is one transfer (or one date of transfers), sized by the number of people",
        f"Timeline of {n} transfers totalling {total} people; circle size shows people per transfer.",
    )


def cumulative_transferred(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> alt.Chart:
    """Running total of people transferred, one step per transfer date."""
    data = metrics.transfers_by_date(ledger, start=start, end=end).select(
        "date", "people", "transfers", "title", "cumulative"
    )
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title="Date of transfer"),
        y=alt.Y("cumulative:Q", title="People transferred, running total"),
        tooltip=[
            alt.Tooltip("title:N", title="Transfer"),
            alt.Tooltip("date:T", title="Date", format="%Y-%m-%d"),
            alt.Tooltip("people:Q", title="People on this date"),
            alt.Tooltip("cumulative:Q", title="Running total"),
        ],
    )
    chart = base.mark_line(interpolate="step-after", color=ACCENT) + base.mark_point(
        filled=True, size=70, color=ACCENT
    )
    total = int(data["people"].sum())
    return finish(
        chart,
        "People transferred, running total",
        "Step up at each transfer",
        f"Step line of the running total of people transferred, reaching {total}.",
    )


def charges_by_transfer(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> alt.Chart:
    """Which charges the sources allege against the people of each transfer.

    Beyond a couple of dozen transfers, columns are months and cells count transfers.
    """
    data = metrics.charges_grid(ledger, start=start, end=end)
    chart = (
        alt.Chart(data)
        .mark_rect(color=ACCENT, stroke="#ffffff", strokeWidth=2)
        .encode(
            x=alt.X(
                "transfer:N",
                title=None,
                sort=alt.EncodingSortField("date"),
                axis=alt.Axis(labelAngle=0, labelLimit=160),
            ),
            y=alt.Y("charge:N", title="Charge alleged"),
            opacity=alt.Opacity("transfers:Q", legend=None, scale=alt.Scale(range=[0.55, 1])),
            tooltip=[
                alt.Tooltip("transfer:N", title="Transfer"),
                alt.Tooltip("charge:N", title="Charge"),
                alt.Tooltip("transfers:Q", title="Transfers alleging it"),
                alt.Tooltip("as_written:N", title="Source says"),
                alt.Tooltip("accused:N", title="Alleged against"),
            ],
        )
        .properties(height=alt.Step(28))
    )
    return finish(
        chart,
        "Charges alleged, by transfer",
        "A filled cell means a source alleges that charge against people in the transfer",
        f"Grid of {data['charge'].n_unique()} charges against {data['transfer'].n_unique()} "
        "transfers; filled cells mark charges alleged.",
    )


def years_to_transfer(ledger: Ledger) -> alt.Chart:
    """For named suspects tied to an older crime: years from the crime to their transfer."""
    data, left_out = metrics.top(metrics.suspects_with_past_crimes(ledger), "years_to_transfer")
    chart = (
        alt.Chart(data)
        .mark_bar(color=ACCENT)
        .encode(
            y=alt.Y("suspect:N", title=None, sort="-x"),
            x=alt.X("years_to_transfer:Q", title="Years from the crime to the transfer"),
            tooltip=[
                alt.Tooltip("suspect:N", title="Suspect"),
                alt.Tooltip("crime:N", title="Tied to"),
                alt.Tooltip("crime_year:Q", title="Year of the crime", format="d"),
                alt.Tooltip("transfer_date:T", title="Transferred", format="%Y-%m-%d"),
                alt.Tooltip("years_to_transfer:Q", title="Years"),
            ],
        )
        .properties(height=alt.Step(36))
    )
    more = f" (the {data.height} longest; {left_out} more in the table)" if left_out else ""
    return finish(
        chart,
        "Years from the crime to the transfer",
        "Named suspects the sources tie to an older crime" + more,
        f"Bars for {data.height} named suspects showing the years between the crime they are "
        "tied to and their transfer.",
    )

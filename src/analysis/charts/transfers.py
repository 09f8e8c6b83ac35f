"""Charts of the transfers report: transfers over time, the running total, the charges and
the years from an old crime to the transfer."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

from analysis import metrics
from analysis.charts.theme import (
    ACCENT,
    DAYS,
    SPANS,
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


def transfers_timeline(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> alt.LayerChart:
    """Transfers of people to the United States over time.

    A transfer known to the day is a circle sized by people; one known only to the month or
    year is a bar over that period (1-28 February 2025 for "In February") labelled with its
    people. Transfers on the same date share a mark; beyond a few hundred dates, marks are
    months (bars over each month).
    """
    data = metrics.transfers_by_date(ledger, start=start, end=end)
    x = alt.X(
        "date_start:T", title="Date of transfer", scale=alt.Scale(padding=30), axis=date_axis(data)
    )
    tooltip = [
        alt.Tooltip("title:N", title="Transfer"),
        alt.Tooltip("date_label:N", title="Date"),
        alt.Tooltip("date_as_written:N", title="Source says"),
        alt.Tooltip("people:Q", title="People"),
        alt.Tooltip("transfers:Q", title="Transfers"),
        alt.Tooltip("mechanism:N", title="Described as"),
        alt.Tooltip("n_sources:Q", title="Sources"),
        alt.Tooltip("unreviewed:Q", title="Unreviewed transfers"),
    ]
    base = alt.Chart(data).encode(x=x, tooltip=tooltip)
    on_days = data.filter(~data["span"]) if data.height else data
    most = int(on_days["people"].max() or 1) if on_days.height else 1  # type: ignore[arg-type]
    legend_values = sorted({int(v) for v in on_days["people"].to_list() if v is not None}) or [most]
    days = (
        base.transform_filter(DAYS)
        .mark_circle(opacity=0.8, stroke="#5a1f12", strokeWidth=1)
        .encode(
            y=alt.value(60),
            size=alt.Size(
                "people:Q",
                title="People transferred",
                # The legend covers the data: from 0 to the largest transfer, whose value it shows.
                scale=alt.Scale(range=[80, 1600], domain=[0, most], zero=True),
                legend=alt.Legend(values=legend_values, format="d"),
            ),
        )
    )
    spans = (
        base.transform_filter(SPANS)
        .mark_rect(opacity=0.55, stroke="#5a1f12", strokeWidth=1, color=ACCENT)
        .encode(x2="date_end:T", y=alt.value(50), y2=alt.value(70))
    )
    labels = (
        base.transform_filter(SPANS)
        .mark_text(align="left", baseline="bottom", dy=-12, fontSize=12, color="#5a1f12")
        .encode(y=alt.value(60), text=alt.Text("people:Q", format="d"))
    )
    n, total = int(data["transfers"].sum()), int(data["people"].sum())
    has_spans, has_days = bool(data["span"].any()), not data["span"].all()
    return finish_layers(
        drawn((spans, has_spans), (labels, has_spans), (days, has_days)),
        "Transfers of alleged cartel members to the United States",
        "Circles: transfers on a known day, sized by people. Bars: the month or year of the "
        "others, with their people",
        f"Timeline of {plural(n, 'transfer')} totalling {plural(total, 'person', 'people')}; "
        "circle size shows people per "
        "transfer, bars span the period of a transfer whose day is not known.",
        height=120,
    )


def cumulative_transferred(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> alt.LayerChart:
    """Running total of people transferred.

    It steps up on the day of a transfer known to the day, and rises evenly across the month
    or year of one known only to that (a ramp, over a shaded band), never on its first day.
    """
    data = metrics.transfers_by_date(ledger, start=start, end=end).select(
        "date_start",
        "date_end",
        "span",
        "date_label",
        "people",
        "transfers",
        "title",
        "previous",
        "cumulative",
    )
    path = metrics.running_total(data)
    x_title, y_title = "Date of transfer", "People transferred, running total"
    x_axis = date_axis(data)
    tooltip = [
        alt.Tooltip("title:N", title="Transfer"),
        alt.Tooltip("date_label:N", title="Date"),
        alt.Tooltip("people:Q", title="People"),
        alt.Tooltip("previous:Q", title="Running total before"),
        alt.Tooltip("cumulative:Q", title="Running total after"),
    ]
    # The rows per transfer are the chart's own data (its CSV); the line has its corners.
    band = (
        alt.Chart()
        .transform_filter(SPANS)
        .mark_rect(color=ACCENT, opacity=0.12)
        .encode(
            x=alt.X("date_start:T", title=x_title, axis=x_axis), x2="date_end:T", tooltip=tooltip
        )
    )
    line = (
        alt.Chart(path)
        .mark_line(color=ACCENT)
        .encode(
            x=alt.X("date:T", title=x_title, axis=x_axis),
            y=alt.Y("total:Q", title=y_title, axis=alt.Axis(format="d", tickMinStep=1)),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("date:T", title="Date", format="%-d %B %Y"),
                alt.Tooltip("total:Q", title="Running total"),
            ],
        )
    )
    ends = (
        alt.Chart()
        .mark_point(filled=True, size=70, color=ACCENT)
        .encode(
            x=alt.X("date_end:T", title=x_title, axis=x_axis),
            y=alt.Y("cumulative:Q", title=y_title, axis=alt.Axis(format="d", tickMinStep=1)),
            tooltip=tooltip,
        )
    )
    total = int(data["people"].sum())
    return finish_layers(
        drawn((band, bool(data["span"].any())), (line, True), (ends, True)),
        "People transferred, running total",
        "Steps up on the day of a transfer; rises across the shaded month or year of a "
        "transfer known only to that",
        f"Line of the running total of people transferred, reaching {total}; it rises across "
        "the period of a transfer whose day is not known.",
        data=data,
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
                # "February 2025 (29 people)" on two lines, never cut.
                axis=alt.Axis(
                    labelAngle=0,
                    labelLimit=0,
                    labelExpr="split(replace(datum.label, ' (', '|('), '|')",
                ),
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
        .properties(height=rows_height(data["charge"].n_unique(), 28))
    )
    return finish(
        chart,
        "Charges alleged, by transfer",
        "A filled cell means a source alleges that charge against people in the transfer",
        f"Grid of {plural(data['charge'].n_unique(), 'charge')} against "
        f"{plural(data['transfer'].n_unique(), 'transfer')}; filled cells mark charges alleged.",
    )


def years_to_transfer(
    ledger: Ledger, *, start: dt.date | None = None, end: dt.date | None = None
) -> alt.Chart:
    """For named suspects of the transfers in range tied to an older crime: years from the
    crime to their transfer."""
    suspects = metrics.suspects_with_past_crimes(ledger, start=start, end=end).with_columns(
        transferred=metrics.date_label("transfer_date", "transfer_precision")
    )
    data, left_out = metrics.top(suspects, "years_to_transfer")
    chart = (
        alt.Chart(data)
        .mark_bar(color=ACCENT)
        .encode(
            y=alt.Y("suspect:N", title=None, sort="-x"),
            x=alt.X(
                "years_to_transfer:Q",
                title="Years from the crime to the transfer",
                axis=alt.Axis(format="d", tickMinStep=1),
            ),
            tooltip=[
                alt.Tooltip("suspect:N", title="Suspect"),
                alt.Tooltip("crime:N", title="Tied to"),
                alt.Tooltip("crime_year:Q", title="Year of the crime", format="d"),
                alt.Tooltip("transferred:N", title="Transferred"),
                alt.Tooltip("years_to_transfer:Q", title="Years"),
            ],
        )
        .properties(height=rows_height(data.height, 36))
    )
    more = f" (the {data.height} longest; {left_out} more in the table)" if left_out else ""
    return finish(
        chart,
        "Years from the crime to the transfer",
        "Named suspects the sources tie to an older crime" + more,
        f"Bars for {plural(data.height, 'named suspect')} showing the years between the crime "
        "they are "
        "tied to and their transfer.",
    )

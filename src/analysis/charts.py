"""Chart builders: each takes a :class:`~analysis.frames.Ledger` (or frames) and returns a chart.

Builders aggregate in Polars first, so a chart's data grows with what it shows (dates, lanes,
suspects), never with the raw ledger, and Altair's row limit is never reached. Every chart has
a title and a ``description`` that screen readers read, and tooltips for details.

>>> import analysis
>>> chart = analysis.charts.transfers_timeline(analysis.load())  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import altair as alt
import polars as pl

from analysis import metrics

if TYPE_CHECKING:
    import datetime as dt

    from analysis.frames import Ledger

THEME = "analysis"
#: Country colours, shared by every chart: Mexico green, United States blue, others grey.
COUNTRY_COLOURS = {"Mexico": "#1b7f5b", "United States": "#2c5ea8"}
#: The colour of every other country (and of "Not attributed").
OTHER_COUNTRY = "#8c8c8c"
ACCENT = "#b5452b"
WIDTH = 640
#: Above this many distinct days, timelines bucket events by month.
MAX_TIMELINE_DAYS = 120


@alt.theme.register(THEME, enable=False)
def house_theme() -> alt.theme.ThemeConfig:
    """The house theme: quiet axes, readable type, one accent colour."""
    font = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
    return alt.theme.ThemeConfig(
        config={
            "font": font,
            "background": "#ffffff",
            "view": {"stroke": None},
            "title": {"fontSize": 15, "anchor": "start", "fontWeight": 600, "offset": 10},
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "titleFontWeight": 500,
                "gridColor": "#e6e6e6",
                "domainColor": "#888888",
                "tickColor": "#888888",
            },
            "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "range": {"category": [*COUNTRY_COLOURS.values(), ACCENT, "#7a6fb0", OTHER_COUNTRY]},
            "mark": {"color": ACCENT},
        }
    )


def _country_scale(countries: pl.Series) -> alt.Scale:
    """Mexico and the United States in their colours, every other value of ``countries`` grey.

    Vega-Lite has no colour for values outside a scale's domain: it appends them and cycles
    the range, which would draw a third country in Mexico's green. So the others are listed.
    """
    others = sorted(set(countries.drop_nulls().to_list()) - COUNTRY_COLOURS.keys())
    return alt.Scale(
        domain=[*COUNTRY_COLOURS, *others],
        range=[*COUNTRY_COLOURS.values(), *[OTHER_COUNTRY] * len(others)],
    )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _finish(chart: alt.Chart, title: str, subtitle: str, description: str) -> alt.Chart:
    return chart.properties(
        title=alt.TitleParams(title, subtitle=subtitle, subtitleColor="#555555"),
        description=description,
        width=WIDTH,
    )


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
    return _finish(
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
    return _finish(
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
    return _finish(
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
    return _finish(
        chart,
        "Years from the crime to the transfer",
        "Named suspects the sources tie to an older crime" + more,
        f"Bars for {data.height} named suspects showing the years between the crime they are "
        "tied to and their transfer.",
    )


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
            color=alt.Color("country:N", title="Country", scale=_country_scale(data["country"])),
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
    return _finish(
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
            color=alt.Color("country:N", title="Country", scale=_country_scale(counts["country"])),
            tooltip=[
                alt.Tooltip("speaker:N", title="Speaker"),
                alt.Tooltip("country:N", title="Country"),
                alt.Tooltip("quotes:Q", title="Quotes"),
            ],
        )
        .properties(height=alt.Step(30))
    )
    return _finish(
        chart,
        "Who is quoted",
        "Quotes per speaker across the sources"
        + (f" (the {counts.height} most quoted; {left_out} more in the table)" if left_out else ""),
        f"Bars of quotes per speaker for {counts.height} speakers.",
    )


def sentence_coverage(ledger: Ledger) -> alt.Chart:
    """Share of each source's sentences that at least one fact cites.

    With many sources, a histogram: how many sources fall in each tenth of coverage.
    """
    data = metrics.sentence_coverage(ledger)
    if data.height > metrics.MAX_BARS:
        bins = metrics.coverage_histogram(data)
        chart = (
            alt.Chart(bins)
            .mark_bar(color=ACCENT)
            .encode(
                x=alt.X(
                    "share:N", title="Share of sentences cited", sort=alt.EncodingSortField("bin")
                ),
                y=alt.Y("sources:Q", title="Sources"),
                tooltip=[
                    alt.Tooltip("share:N", title="Share cited"),
                    alt.Tooltip("sources:Q", title="Sources"),
                ],
            )
        )
        return _finish(
            chart,
            "How much of each source the ledger uses",
            f"{data.height} sources, counted by the share of their sentences cited as evidence",
            f"Histogram of {data.height} sources by the share of their sentences cited.",
        )
    chart = (
        alt.Chart(data)
        .mark_bar(color=ACCENT)
        .encode(
            y=alt.Y("source:N", title=None),
            x=alt.X(
                "share_used:Q",
                title="Share of sentences cited by the ledger",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            tooltip=[
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("sentences_used:Q", title="Sentences cited"),
                alt.Tooltip("sentences:Q", title="Sentences"),
                alt.Tooltip("share_used:Q", title="Share", format=".0%"),
            ],
        )
        .properties(height=alt.Step(30))
    )
    return _finish(
        chart,
        "How much of each source the ledger uses",
        "Share of a source's sentences cited as evidence by at least one fact",
        f"Bars of the share of sentences cited, for {_plural(data.height, 'source')}.",
    )


#: Above this many sources, facts per sentence are summed over sources instead of faceted.
MAX_FACETS = 6


def facts_per_sentence(ledger: Ledger) -> alt.Chart:
    """How many facts cite each sentence, per source: where the reporting is dense.

    With more than a few sources, facts are summed over sources by sentence number.
    """
    data = metrics.facts_per_sentence(ledger)
    n_sources = data["source"].n_unique()
    if n_sources > MAX_FACETS:
        summed = metrics.facts_by_position(data)
        chart = (
            alt.Chart(summed)
            .mark_bar(color=ACCENT)
            .encode(
                x=alt.X("sentence:O", title="Sentence number"),
                y=alt.Y("facts:Q", title="Facts citing it, all sources"),
                tooltip=[
                    alt.Tooltip("sentence:O", title="Sentence"),
                    alt.Tooltip("facts:Q", title="Facts"),
                    alt.Tooltip("sources:Q", title="Sources that long"),
                ],
            )
            .properties(height=160)
        )
        return _finish(
            chart,
            "Facts per sentence",
            f"Facts citing the n-th sentence, summed over {n_sources} sources",
            f"Bars of facts citing each sentence position, summed over {n_sources} sources.",
        )
    chart = (
        alt.Chart(data)
        .mark_bar(color=ACCENT)
        .encode(
            x=alt.X("sentence:O", title="Sentence"),
            y=alt.Y("facts:Q", title="Facts citing it", axis=alt.Axis(tickMinStep=1)),
            row=alt.Row("source:N", title=None),
            tooltip=[
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("sentence:O", title="Sentence"),
                alt.Tooltip("facts:Q", title="Facts"),
                alt.Tooltip("excerpt:N", title="Begins"),
            ],
        )
        .properties(height=120)
    )
    return _finish(
        chart,
        "Facts per sentence",
        "How many ledger facts cite each sentence of a source",
        f"Bars of facts citing each sentence, for {_plural(n_sources, 'source')}.",
    )


#: The charts of each report, by name, for the notebooks and the exploratory notebook.
BUILDERS: dict[str, Any] = {
    "transfers_timeline": transfers_timeline,
    "cumulative_transferred": cumulative_transferred,
    "charges_by_transfer": charges_by_transfer,
    "years_to_transfer": years_to_transfer,
    "policy_timeline": policy_timeline,
    "quotes_by_speaker": quotes_by_speaker,
    "sentence_coverage": sentence_coverage,
    "facts_per_sentence": facts_per_sentence,
}

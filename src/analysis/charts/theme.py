"""The house style of every chart: the Altair theme, country colours, titles and plurals.

The theme is registered with Altair when this module is imported and enabled nowhere
globally: each chart of this package says in its ``usermeta`` that it is drawn in it, and
both the report pages (:meth:`analysis.report.Report.figure`) and the ``analysis`` renderer
of a notebook (:mod:`analysis.charts.offline`) draw it so. Another chart may use it with
``alt.theme.enable(analysis.charts.THEME)``.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any, Final, Literal

import altair as alt

if TYPE_CHECKING:
    import polars as pl

THEME = "analysis"


#: Country colours, shared by every chart: Mexico green, United States blue, others grey.
COUNTRY_COLOURS = {"Mexico": "#1b7f5b", "United States": "#2c5ea8"}


#: Events both countries acted in (an agreement "both countries reached"): a colour of their
#: own, never one of the two countries' (the label is :func:`analysis.metrics.country_label`'s).
JOINT_COLOURS = {"Mexico and United States": "#7a6fb0"}


#: The colour of every other country (and of "Not attributed").
OTHER_COUNTRY = "#8c8c8c"


ACCENT = "#b5452b"


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
            # The first and last labels of an axis stay inside the chart, never cut at its edge.
            "axisX": {"labelFlush": True, "labelOverlap": True, "labelBound": True},
            # Below the chart, one entry a line: a row of entries would run off a phone.
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 12,
                "orient": "bottom",
                "direction": "vertical",
                "labelLimit": 300,
            },
            "range": {"category": [*COUNTRY_COLOURS.values(), ACCENT, "#7a6fb0", OTHER_COUNTRY]},
            "mark": {"color": ACCENT},
        }
    )


def country_scale(countries: pl.Series) -> alt.Scale:
    """Mexico and the United States in their colours, events of both (when ``countries`` has
    any) in theirs (:data:`JOINT_COLOURS`), every other value of ``countries`` grey.

    Vega-Lite has no colour for values outside a scale's domain: it appends them and cycles
    the range, which would draw a third country in Mexico's green. So the others are listed.
    """
    present = set(countries.drop_nulls().to_list())
    joint = [label for label in JOINT_COLOURS if label in present]
    others = sorted(present - COUNTRY_COLOURS.keys() - JOINT_COLOURS.keys())
    return alt.Scale(
        domain=[*COUNTRY_COLOURS, *joint, *others],
        range=[
            *COUNTRY_COLOURS.values(),
            *(JOINT_COLOURS[label] for label in joint),
            *[OTHER_COUNTRY] * len(others),
        ],
    )


#: Characters per line of a chart's title and subtitle: an SVG title does not wrap, so it is
#: broken into lines that fit a phone's 320 px (and read as well on a page's 900 px).
TITLE_CHARS = 36
SUBTITLE_CHARS = 48


def date_axis(data: pl.DataFrame, first: str = "date_start", last: str = "date_end") -> alt.Axis:
    """A date axis whose every label says its year: days ("12 Aug 2025") over a couple of
    months, months ("Feb 2025") over a few years, years beyond; never "Tue 12" or "Feb 02"."""
    firsts, lasts = data.get_column(first).drop_nulls(), data.get_column(last).drop_nulls()
    days = (lasts.max() - firsts.min()).days if len(firsts) and len(lasts) else 0  # type: ignore[operator, union-attr]
    # One tick per day, month or year, so that no two labels say the same ("Feb 2025" twice).
    ticks: Literal["day", "month", "year"]
    if days <= 62:
        fmt, ticks = "%-d %b %Y", "day"
    elif days <= 3 * 366:
        fmt, ticks = "%b %Y", "month"
    else:
        fmt, ticks = "%Y", "year"
    # A label that would reach past the chart's edge is left out, never cut.
    return alt.Axis(
        format=fmt, tickCount=ticks, labelFlush=True, labelOverlap=True, labelBound=True
    )


def count_axis(most: int, **options: Any) -> alt.Axis:
    """An axis of counts: whole numbers only (a small range gets a tick at each one, never
    "0 1 1 2 2" from ticks at the halves)."""
    values = list(range(max(most, 1) + 1)) if most <= 12 else alt.Undefined
    return alt.Axis(values=values, format="d", tickMinStep=1, **options)


def rows_height(rows: int, step: int) -> int:
    """The height of a chart of ``rows`` bands of ``step`` pixels: a number, not a Vega-Lite
    step, since a step height cannot sit beside a width that follows the container."""
    return max(rows, 1) * step


def _lines(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _title(title: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(
        _lines(title, TITLE_CHARS),
        subtitle=_lines(subtitle, SUBTITLE_CHARS),
        subtitleColor="#555555",
    )


#: What a chart of this package says about itself, so that it is drawn in the house theme.
USERMETA = {"analysis": {"theme": THEME}}


#: Every chart takes the width of its container (a phone's 350 px, a page's 900 px, a notebook
#: cell's), its marks and axes fitted inside it, never cut off.
WIDTH: Final = "container"
AUTOSIZE = alt.AutoSizeParams(type="fit-x", contains="padding")


def finish(chart: alt.Chart, title: str, subtitle: str, description: str) -> alt.Chart:
    """The house title, subtitle, description (read by screen readers) and width."""
    return chart.properties(
        title=_title(title, subtitle),
        description=description,
        width=WIDTH,
        autosize=AUTOSIZE,
        usermeta=USERMETA,
    )


def drawn(*layers: tuple[alt.Chart, bool]) -> list[alt.Chart]:
    """The layers (chart, whether it has rows to draw) that have rows, or the first one.

    A layer whose filter leaves no row (no span in the range) would make Vega warn of an
    infinite extent in the browser's console; it draws nothing anyway.
    """
    return [chart for chart, rows in layers if rows] or [layers[0][0]]


def finish_layers(
    layers: list[alt.Chart], title: str, subtitle: str, description: str, **properties: Any
) -> alt.LayerChart:
    """Charts drawn over each other (``layers``, the first one's data is the chart's CSV),
    with :func:`finish`'s title, subtitle, description and width, and ``properties``."""
    return alt.LayerChart(
        layer=layers,
        title=_title(title, subtitle),
        description=description,
        width=WIDTH,
        autosize=AUTOSIZE,
        usermeta=USERMETA,
        **properties,
    )


#: Vega-Lite filters splitting a timeline's rows (column ``span`` of the metrics' chart data):
#: facts known to the day are points; facts known only to the month or year, and buckets of
#: dates, are spans from ``date_start`` to ``date_end``.
SPANS = alt.FieldEqualPredicate(field="span", equal=True)
DAYS = alt.FieldEqualPredicate(field="span", equal=False)


#: Above this many distinct days, timelines bucket events by month.
MAX_TIMELINE_DAYS = 120

"""The house style of every chart: the Altair theme, country colours, titles and plurals.

The theme is registered with Altair when this module is imported and enabled nowhere
globally: a report enables it for its own figures, and a notebook may enable it with
``alt.theme.enable(analysis.charts.THEME)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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


WIDTH = 640


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


def plural(n: int, noun: str) -> str:
    """``1 transfer``, ``2 transfers``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _title(title: str, subtitle: str) -> alt.TitleParams:
    return alt.TitleParams(title, subtitle=subtitle, subtitleColor="#555555")


def finish(chart: alt.Chart, title: str, subtitle: str, description: str) -> alt.Chart:
    """The house title, subtitle, description (read by screen readers) and width."""
    return chart.properties(title=_title(title, subtitle), description=description, width=WIDTH)


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
        **properties,
    )


#: Vega-Lite filters splitting a timeline's rows (column ``span`` of the metrics' chart data):
#: facts known to the day are points; facts known only to the month or year, and buckets of
#: dates, are spans from ``date_start`` to ``date_end``.
SPANS = alt.FieldEqualPredicate(field="span", equal=True)
DAYS = alt.FieldEqualPredicate(field="span", equal=False)


#: Above this many distinct days, timelines bucket events by month.
MAX_TIMELINE_DAYS = 120

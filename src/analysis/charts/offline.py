"""The ``analysis`` Altair renderer: a chart shown as a cell's output draws offline, in the
house theme when it is one of this package's charts (see :mod:`analysis.vega`)."""

from __future__ import annotations

import itertools
from typing import Any

import altair as alt

from analysis.charts.theme import THEME, house_theme
from analysis.vega import bundle_html, embed_html

RENDERER = "analysis"
_ids = itertools.count(1)
_bundle_sent = False


def _renderer(spec: dict[str, Any], **metadata: Any) -> dict[str, str]:
    """Offline HTML for a chart: the bundle with the kernel's first chart, then each chart's
    element and script. A chart of this package (it says so in ``usermeta``) gets the house
    theme under its own settings, whatever theme is enabled."""
    global _bundle_sent  # noqa: PLW0603 - once per kernel: the page keeps what ran before
    del metadata
    if spec.get("usermeta", {}).get("analysis", {}).get("theme") == THEME:
        spec = dict(alt.utils.update_nested(dict(house_theme()), spec, copy=True))
    head = "" if _bundle_sent else bundle_html()
    _bundle_sent = True
    element = f"analysis-chart-{next(_ids)}"
    return {"text/html": head + embed_html(spec, element), "text/plain": "<chart>"}


def register() -> None:
    """Register the ``analysis`` renderer, and enable it unless a renderer other than
    Altair's default was chosen (``alt.renderers.enable("default")`` goes back to Altair's)."""
    alt.renderers.register(RENDERER, _renderer)
    if alt.renderers.active == "default":
        alt.renderers.enable(RENDERER)

"""Vega charts that draw with no network, wherever a notebook's output or a page is shown.

Altair's default renderer loads Vega from a CDN, and JupyterLab's own Vega-Lite renderer reads
Vega-Lite 5 only (Altair writes 6). So every chart this package shows is HTML that draws
itself with the Vega bundle of ``vl-convert-python`` (Vega, Vega-Lite and vega-embed, about
900 KB), carried by the notebook's outputs:

- a report notebook carries the bundle once, in its header (:meth:`Report.header
  <analysis.report.Report.header>`); each figure waits for it (:func:`embed_html`);
- a chart shown directly (``charts.transfers_timeline(ledger)`` as a cell's last line) goes
  through the ``analysis`` Altair renderer (:mod:`analysis.charts.offline`), enabled when
  :mod:`analysis.charts` is imported: its first chart in a kernel carries the bundle, the
  others wait for it.

This module imports neither Altair nor Polars (``analysis render`` reads the bundle from it).

So the same notebook draws in JupyterLab offline, and as a page made by plain ``papermill``
and ``jupyter nbconvert``. ``analysis render`` removes the notebook's copy of the bundle
(:data:`BUNDLE_ATTRIBUTE` marks it) and puts one in the page's head instead.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
from functools import cache
from typing import Any

from analysis import paths
from analysis.files import atomic_write, sha256_bytes
from analysis.markup import script_json

log = logging.getLogger("analysis")

#: The attribute of the ``<script>`` that holds the bundle in a notebook's output.
BUNDLE_ATTRIBUTE = "data-analysis-vega-bundle"
#: vega-embed options: no action menu (it has no accessible name), SVG for crisp text and
#: print; errors only in the console (Vega-Lite warns of its own layout choices there, such as
#: dropping "fit-y" for a chart whose height is a step per row).
EMBED_OPTIONS: dict[str, Any] = {"actions": False, "renderer": "svg", "logLevel": 1}
#: What a chart says when no bundle ever reached its page (its cell ran after the output that
#: carried the bundle was cleared, and the page was reloaded).
NOT_LOADED = (
    "This chart could not be drawn: the charting library was not loaded on this page. "
    "Run the notebook from the top (or restart the kernel and run this cell again)."
)


@cache
def vega_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed bundle (about 900 KB), safe inside ``<script>``.

    Building it takes about 2 s, so it is built once per installed vl-convert and Altair
    release and kept in :func:`analysis.paths.cache_dir`; it is the same bytes every time for
    the same pair.
    """
    release = "-".join(
        f"{name}{importlib.metadata.version(name)}" for name in ("vl-convert-python", "altair")
    )
    cached = paths.cache_dir() / f"vega-bundle-{release}.js"
    # The cache is checked on read against the checksum written beside it: a truncated,
    # emptied or overwritten bundle would publish pages that draw no chart.
    digest = cached.with_name(cached.name + ".sha256")
    with contextlib.suppress(OSError, UnicodeDecodeError):
        data = cached.read_bytes()
        if sha256_bytes(data) == digest.read_text(encoding="ascii").strip():
            return data.decode("utf-8")
        log.warning("the cached Vega bundle %s is damaged; building it again", cached)
    bundle = _build_bundle()
    with contextlib.suppress(OSError):  # a read-only home only costs the 2 s next time
        data = bundle.encode("utf-8")
        atomic_write(cached, data)
        atomic_write(digest, sha256_bytes(data).encode("ascii"))
    return bundle


def _build_bundle() -> str:
    import altair as alt  # noqa: PLC0415
    import vl_convert  # noqa: PLC0415

    # The Vega-Lite release Altair writes specs for, as vl-convert names it: "v6.4.1" -> "6.4".
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    # The stub types `snippet` as str; None (the default) means the bundle of globals.
    bundle: str = vl_convert.javascript_bundle(None, vl_version=major_minor)  # type: ignore[arg-type]
    if "</script" in bundle.lower():  # it would end the inline <script> early
        bundle = bundle.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return bundle


def vega_bundle_sha256() -> str:
    """The checksum of :func:`vega_bundle`: part of every page's render key."""
    return sha256_bytes(vega_bundle().encode("utf-8"))


#: Run after the bundle: draw the charts that were waiting for it.
_FLUSH = (
    "\n;(function () { var q = window.__analysisVegaQueue || []; window.__analysisVegaQueue = [];"
    " q.forEach(function (draw) { draw(); }); })();\n"
)


@cache
def bundle_html() -> str:
    """The ``<script>`` that carries the bundle in a notebook's output, and then draws the
    charts that were waiting for it. The same bytes every time (pages stay byte-identical)."""
    return f"<script {BUNDLE_ATTRIBUTE}>{vega_bundle()}{_FLUSH}</script>"


def embed_html(spec: dict[str, Any], element_id: str) -> str:
    """A chart: its element and the script that draws ``spec`` into it, at once when the
    bundle is on the page, else as soon as a later (or earlier, still loading) script brings
    it; after 10 s without it the element says so (:data:`NOT_LOADED`)."""
    return (
        f'<div class="chart" id="{element_id}" style="width:100%"></div>'
        "<script>(function () {"
        " var drawn = false;"
        # The element just before this script: two notebooks open side by side in JupyterLab
        # may both have a "chart-1"; the id is the fallback.
        " var me = document.currentScript;"
        " var el = (me && me.previousElementSibling &&"
        f" me.previousElementSibling.id === {script_json(element_id)}) ?"
        f" me.previousElementSibling : document.getElementById({script_json(element_id)});"
        " function draw() { drawn = true;"
        f" vegaEmbed(el, {script_json(spec)}, {script_json(EMBED_OPTIONS)})"
        ".catch(function (e) { el.textContent = 'This chart could not be drawn: ' + e; }); }"
        " if (window.vegaEmbed) { draw(); return; }"
        " (window.__analysisVegaQueue = window.__analysisVegaQueue || []).push(draw);"
        " setTimeout(function () { if (!drawn && !window.vegaEmbed) {"
        f" el.textContent = {script_json(NOT_LOADED)}; }} }}, 10000);"
        "})();</script>"
    )

"""An executed notebook -> one offline HTML page with code hidden (nbconvert).

The ``analysis_report`` template drops require.js and MathJax, hides code and prompts, and
leaves one marked place in the head where the Vega bundle is spliced in afterwards, so that
the bundle reaches the page byte for byte and nbconvert parses a 40 KB page, not a 1 MB one.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from analysis._version import __version__
from analysis.errors import RenderError
from analysis.render.assets import TEMPLATE, TEMPLATES, page_css, vega_bundle
from analysis.report.protocol import script_json
from analysis.vega import bundle_html

if TYPE_CHECKING:
    from collections.abc import Mapping

    import nbformat


#: Where the template puts the Vega bundle; the bundle itself is spliced in after nbconvert.
#: Nothing a source or a parameter says can produce it: in the head, user text is escaped
#: (``<`` becomes ``&lt;`` in the title and ``\u003c`` in the provenance JSON).
BUNDLE_SLOT = "<!-- analysis: vega bundle -->"
_EXPORTER: Any = None
_EXPORTER_LOCK = threading.Lock()


def _exporter() -> Any:
    """One HTML exporter per process: building one compiles its Jinja templates (about 0.1 s)."""
    global _EXPORTER  # noqa: PLW0603 - a per-process cache, created under the lock
    if _EXPORTER is None:
        from nbconvert import HTMLExporter  # noqa: PLC0415

        _EXPORTER = HTMLExporter(  # type: ignore[no-untyped-call]
            template_name=TEMPLATE,
            extra_template_basedirs=[str(TEMPLATES)],
            exclude_input=True,
            exclude_input_prompt=True,
            exclude_output_prompt=True,
            anchor_link_text="",
        )
    return _EXPORTER


def prepare() -> None:
    """Do the per-process work of rendering ahead, while kernels start: import papermill and
    nbconvert, compile the page template and the selectors nbconvert applies to every page
    (about half a second here)."""
    import nbformat  # noqa: PLC0415
    import papermill  # noqa: F401, PLC0415

    empty = nbformat.v4.new_notebook()  # type: ignore[no-untyped-call]
    export_html(empty, title="", provenance={}, bundle="")


def export_html(
    nb: nbformat.NotebookNode,
    *,
    title: str,
    provenance: Mapping[str, Any],
    bundle: str | None = None,
) -> str:
    """The executed notebook as one self-contained HTML page with code hidden.

    nbconvert parses and re-serialises every page it writes (to add alt text and tabindex);
    the 900 KB Vega bundle is spliced in afterwards, so that this costs a 40 KB page's parse,
    not a 1 MB one, and the bundle reaches the page byte for byte.
    """
    nb = _without_stray_outputs(nb)
    nb.metadata["title"] = title
    resources = {
        "analysis_bundle_slot": BUNDLE_SLOT,
        "analysis_css": page_css(),
        "analysis_provenance": script_json(provenance),
        "analysis_version": __version__,
        "metadata": {"name": title},
    }
    # The exporter registers per-page filters on itself, so pages go through it one at a time
    # (the work holds the GIL anyway).
    with _EXPORTER_LOCK:
        body, _ = _exporter().from_notebook_node(nb, resources=resources)
    page = str(body)
    head, sep, rest = page.partition("</head>")
    if head.count(BUNDLE_SLOT) != 1 or not sep:
        msg = f"{title}: the page template lost the place of the Vega bundle ({BUNDLE_SLOT})"
        raise RenderError(msg)
    return head.replace(BUNDLE_SLOT, bundle if bundle is not None else vega_bundle()) + sep + rest


def _without_bundle(markup: str | list[str]) -> str:
    """An output's HTML without the copy of the Vega bundle a report's header carries for
    JupyterLab and plain nbconvert: the page has one, in its head."""
    text = "".join(markup) if isinstance(markup, list) else markup
    return text.replace(bundle_html(), "")


def _without_stray_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what a reader should never see: stderr (warnings) and bare text reprs; and the
    notebook's own copy of the Vega bundle (the page's is in its head)."""
    import copy  # noqa: PLC0415

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream":
                continue
            if out.get("output_type") in ("display_data", "execute_result"):
                data = out.get("data", {})
                if "text/html" not in data:
                    continue
                data["text/html"] = _without_bundle(data["text/html"])
            kept.append(out)
        cell.outputs = kept
    return nb

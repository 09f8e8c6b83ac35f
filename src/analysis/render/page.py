"""One report, start to end: execute its notebook, export the page, publish it atomically.

On failure nothing is published and the previous page stays as it was.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from analysis.files import atomic_write, sha256_file
from analysis.render.assets import versions
from analysis.render.execute import execute
from analysis.render.export import export_html
from analysis.report.protocol import SUMMARY_MIMETYPE

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    import nbformat

    from analysis.render.kernels import Kernel


@dataclass
class Rendered:
    """What one render produced."""

    html_path: Path
    summary: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    #: The page's bytes, when the caller publishes it itself (``publish=False``).
    page: bytes = b""


def summary_of(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """The machine-readable summary a report notebook emitted (empty when it emitted none)."""
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if SUMMARY_MIMETYPE in data:
                value = data[SUMMARY_MIMETYPE]
                return dict(json.loads(value) if isinstance(value, str) else value)
    return {}


def stderr_of(nb: nbformat.NotebookNode) -> list[str]:
    """Text a notebook wrote to stderr (warnings), to log rather than publish."""
    return [
        str(out.get("text", ""))
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stderr"
    ]


def render_notebook(
    notebook: Path,
    parameters: Mapping[str, Any],
    html_path: Path,
    *,
    title: str,
    inputs: Mapping[str, str],
    executed_path: Path | None = None,
    bundle: str | None = None,
    kernel: Kernel | None = None,
    env: Mapping[str, str] | None = None,
    execution_timeout: float | None = None,
    publish: bool = True,
) -> Rendered:
    """Execute ``notebook`` with ``parameters`` and publish its page at ``html_path``.

    ``inputs`` maps each input file (relative name) to its sha256, for the provenance;
    ``bundle`` is the Vega bundle, when the caller already built it for this run. With
    ``publish=False`` the page is returned in :attr:`Rendered.page` and not written: the
    suite publishes it together with its manifest entry and summary.
    On failure nothing is published and the previous page stays as it was.
    """
    nb = execute(
        notebook,
        parameters,
        executed_path=executed_path,
        kernel=kernel,
        env=env,
        execution_timeout=execution_timeout,
    )
    provenance = {
        "report": notebook.stem,
        "parameters": dict(parameters),
        "inputs": dict(sorted(inputs.items())),
        "notebook_sha256": sha256_file(notebook),
        "versions": dict(versions()),
    }
    page = export_html(nb, title=title, provenance=provenance, bundle=bundle).encode("utf-8")
    if publish:
        atomic_write(html_path, page)
    warm_up = kernel.warnings if kernel is not None else []
    return Rendered(html_path, summary_of(nb), warm_up + stderr_of(nb), page)

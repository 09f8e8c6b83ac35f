"""Notebook -> executed notebook -> one offline, byte-reproducible HTML file.

The pipeline of one report:

1. parameters are checked against the notebook's ``parameters`` cell (:mod:`analysis.params`);
2. papermill injects them (the injected cell gets a fixed id, not a random one);
3. papermill executes the notebook in a kernel of its own (started ahead by
   :mod:`analysis.kernels`, or by papermill), with nbclient's timing records off;
4. nbconvert exports it with the ``analysis_report`` template: code hidden, no CDN scripts,
   the Vega bundle once in the head, the provenance as JSON;
5. the HTML is written to a temporary file and moved over the published one only when all of
   the above succeeded.
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import importlib.metadata
import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from analysis import __version__, paths
from analysis.errors import RenderError
from analysis.report import SUMMARY_MIMETYPE, script_json

if TYPE_CHECKING:
    from collections.abc import Mapping

    import nbformat

    from analysis.kernels import Kernel

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "analysis_report"
PAGE_CSS = TEMPLATES / "page.css"
#: Packages whose versions each page records.
KEY_PACKAGES = (
    "polars",
    "altair",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "vl-convert-python",
)
INJECTED_CELL_ID = "injected-parameters"


@cache
def vega_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed bundle (about 900 KB).

    Building it takes about 2 s, so it is built once per installed vl-convert and Altair
    release and kept in :func:`analysis.paths.cache_dir`; it is the same bytes every time for
    the same pair.
    """
    release = "-".join(
        f"{name}{importlib.metadata.version(name)}" for name in ("vl-convert-python", "altair")
    )
    cached = paths.cache_dir() / f"vega-bundle-{release}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    bundle = _build_bundle()
    with contextlib.suppress(OSError):  # a read-only home only costs the 2 s next time
        atomic_write(cached, bundle.encode("utf-8"))
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


@cache
def versions() -> dict[str, str]:
    """Versions of this package and of the libraries that shape a report's output."""
    found = {"analysis": __version__}
    for name in KEY_PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


_KERNEL_STDERR: contextvars.ContextVar[IO[bytes] | None] = contextvars.ContextVar(
    "kernel_stderr", default=None
)


def _kernel_manager_class() -> type:
    from jupyter_client.manager import AsyncKernelManager, KernelManager  # noqa: PLC0415

    class QuietKernelManager(AsyncKernelManager):
        """Starts the kernel with its stderr in a file of the render's, not the terminal's.

        ipykernel prints a notice about unencrypted local TCP at every start; a scheduled
        run's log should not carry it, but a failed render should show what the kernel said.
        """

        async def start_kernel(self, **kw: Any) -> None:  # type: ignore[override]
            sink = _KERNEL_STDERR.get()
            if sink is not None:
                kw.setdefault("stderr", sink)
            await KernelManager._async_start_kernel(self, **kw)

    return QuietKernelManager


@dataclass
class Rendered:
    """What one render produced."""

    html_path: Path
    summary: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise


def execute(
    notebook: Path,
    parameters: Mapping[str, Any],
    *,
    executed_path: Path | None = None,
    kernel_name: str = "python3",
    kernel: Kernel | None = None,
) -> nbformat.NotebookNode:
    """Inject ``parameters`` and run ``notebook`` top to bottom in a fresh kernel.

    ``kernel`` is one started ahead for this report (:mod:`analysis.kernels`); without it,
    papermill starts one.

    Raises
    ------
    RenderError
        Naming the notebook, the failing cell and the error, when a cell raises.
    """
    import papermill  # noqa: PLC0415
    from papermill.exceptions import PapermillExecutionError  # noqa: PLC0415
    from papermill.iorw import load_notebook_node  # noqa: PLC0415
    from papermill.parameterize import parameterize_notebook  # noqa: PLC0415

    nb = load_notebook_node(str(notebook))  # papermill's reader: gives every cell its tags list
    nb = parameterize_notebook(nb, dict(parameters), kernel_name=kernel_name)
    for cell in nb.cells:
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = INJECTED_CELL_ID  # papermill gives it a random id
    sink = kernel.stderr if kernel is not None else tempfile.TemporaryFile()  # noqa: SIM115
    token = _KERNEL_STDERR.set(sink)
    try:
        result: nbformat.NotebookNode = papermill.execute_notebook(
            nb,
            str(executed_path) if executed_path is not None else None,
            parameters=None,
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,
            # The kernel starts in the notebook's folder, as in JupyterLab; papermill's own
            # `cwd` would chdir this whole process, which threads running reports must not.
            resources={"metadata": {"path": str(notebook.parent.resolve())}},
            record_timing=False,
            # Every output is in once the last cell is idle; a graceful shutdown only adds
            # about 0.3 s of waiting per report.
            shutdown_kernel="immediate",
            kernel_manager_class=_kernel_manager_class(),
            km=kernel.manager if kernel is not None else None,
        )
    except PapermillExecutionError as exc:
        msg = f"{notebook.name}: cell {exc.exec_count} failed with {exc.ename}: {exc.evalue}" + (
            f" (executed notebook kept at {executed_path})" if executed_path else ""
        )
        raise RenderError(msg) from exc
    except Exception as exc:
        from analysis.kernels import said  # noqa: PLC0415

        msg = f"{notebook.name}: {type(exc).__name__}: {exc}{said(sink)}"
        raise RenderError(msg) from exc
    finally:
        _KERNEL_STDERR.reset(token)
        if kernel is None:
            sink.close()
    return result


@cache
def page_css() -> str:
    return PAGE_CSS.read_text(encoding="utf-8")


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


def _without_stray_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop what a reader should never see: stderr (warnings) and bare text reprs."""
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
            kept.append(out)
        cell.outputs = kept
    return nb


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
) -> Rendered:
    """Execute ``notebook`` with ``parameters`` and publish its page at ``html_path``.

    ``inputs`` maps each input file (relative name) to its sha256, for the provenance;
    ``bundle`` is the Vega bundle, when the caller already built it for this run.
    On failure nothing is published and the previous page stays as it was.
    """
    nb = execute(notebook, parameters, executed_path=executed_path, kernel=kernel)
    provenance = {
        "report": notebook.stem,
        "parameters": dict(parameters),
        "inputs": dict(sorted(inputs.items())),
        "notebook_sha256": sha256_file(notebook),
        "versions": dict(versions()),
    }
    page = export_html(nb, title=title, provenance=provenance, bundle=bundle)
    atomic_write(html_path, page.encode("utf-8"))
    warm_up = kernel.warnings if kernel is not None else []
    return Rendered(html_path, summary_of(nb), warm_up + stderr_of(nb))

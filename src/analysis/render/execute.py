"""Execute a report notebook with papermill: parameters injected, a fresh kernel, no timing.

The injected cell gets a fixed id (papermill gives it a random one) and nbclient's timing
records are off, so the executed notebook is the same bytes for the same inputs.
"""

from __future__ import annotations

import contextlib
import tempfile
from typing import TYPE_CHECKING, Any

from analysis.errors import RenderError
from analysis.files import atomic_write
from analysis.render._jupyter import KERNEL_ENV, KERNEL_STDERR, kernel_manager_class

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    import nbformat

    from analysis.render.kernels import Kernel


INJECTED_CELL_ID = "injected-parameters"
#: The tag papermill gives the cell it injects.
INJECTED_TAG = "injected-parameters"


def execute(
    notebook: Path,
    parameters: Mapping[str, Any],
    *,
    executed_path: Path | None = None,
    kernel_name: str = "python3",
    kernel: Kernel | None = None,
    env: Mapping[str, str] | None = None,
    execution_timeout: float | None = None,
) -> nbformat.NotebookNode:
    """Inject ``parameters`` and run ``notebook`` top to bottom in a fresh kernel.

    ``kernel`` is one started ahead for this report (:mod:`analysis.render.kernels`); without
    it, papermill starts one, with ``env`` as its whole environment (this process's when None).
    A cell running longer than ``execution_timeout`` seconds is stopped (None: no limit).

    Raises
    ------
    RenderError
        Naming the notebook, the failing cell and the error, when a cell raises.
    """
    import nbformat  # noqa: PLC0415
    import papermill  # noqa: PLC0415
    from papermill.exceptions import PapermillExecutionError  # noqa: PLC0415
    from papermill.iorw import load_notebook_node  # noqa: PLC0415
    from papermill.parameterize import parameterize_notebook  # noqa: PLC0415

    nb = load_notebook_node(str(notebook))  # papermill's reader: gives every cell its tags list
    nb = parameterize_notebook(nb, dict(parameters), kernel_name=kernel_name)
    for cell in nb.cells:
        if INJECTED_TAG in cell.metadata.get("tags", []):
            cell.id = INJECTED_CELL_ID  # papermill gives it a random id
    sink = kernel.stderr if kernel is not None else tempfile.TemporaryFile()  # noqa: SIM115
    token = KERNEL_STDERR.set(sink)
    env_token = KERNEL_ENV.set(dict(env) if env is not None else None)
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
            execution_timeout=execution_timeout,
            # Every output is in once the last cell is idle; a graceful shutdown only adds
            # about 0.3 s of waiting per report.
            shutdown_kernel="immediate",
            kernel_manager_class=kernel_manager_class(),
            km=kernel.manager if kernel is not None else None,
        )
    except PapermillExecutionError as exc:
        msg = f"{notebook.name}: cell {exc.exec_count} failed with {exc.ename}: {exc.evalue}" + (
            f" (executed notebook kept at {executed_path})" if executed_path else ""
        )
        raise RenderError(msg) from exc
    except Exception as exc:
        from analysis.render.kernels import said  # noqa: PLC0415

        # papermill saves the executed notebook only when its cells ran to an end; after a
        # timeout or a dead kernel, keep the notebook as it was run, for the record.
        kept = ""
        if executed_path is not None and not executed_path.exists():
            with contextlib.suppress(OSError):
                atomic_write(executed_path, nbformat.writes(nb).encode("utf-8"))  # type: ignore[no-untyped-call]
                kept = f" (the notebook as run is kept at {executed_path})"
        msg = f"{notebook.name}: {type(exc).__name__}: {exc}{kept}{said(sink)}"
        raise RenderError(msg) from exc
    finally:
        KERNEL_STDERR.reset(token)
        KERNEL_ENV.reset(env_token)
        if kernel is None:
            sink.close()
    stopped = _first_unfinished_cell(result)
    if stopped is not None:
        msg = f"{notebook.name}: {stopped}" + (
            f" (executed notebook kept at {executed_path})" if executed_path else ""
        )
        raise RenderError(msg)
    return result


def _first_unfinished_cell(nb: nbformat.NotebookNode) -> str | None:
    """What stopped the notebook before its end, if anything did: a cell that never ran (a
    cell before it ended the run, e.g. ``sys.exit(0)``) or one that shows an error. A page
    from such a notebook would be missing its later sections."""
    number = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        number += 1
        first_line = (str(cell.source).strip().splitlines() or [""])[0][:60]
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            return (
                f"code cell {number} ({first_line!r}) ended with "
                f"{errors[0].get('ename')}: {errors[0].get('evalue')}"
            )
        skipped = "skip-execution" in cell.get("metadata", {}).get("tags", [])  # nbclient's tag
        if cell.get("execution_count") is None and str(cell.source).strip() and not skipped:
            return f"code cell {number} ({first_line!r}) never ran: the notebook stopped before it"
    return None

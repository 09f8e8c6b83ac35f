"""Kernels started ahead (analysis.render.kernels): each report still gets a kernel of its own, the
page is the same bytes as with a kernel papermill starts, and no kernel outlives its run."""

from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self

import nbformat
import psutil
import pytest

from analysis.errors import KernelStartError, LedgerError, RenderError
from analysis.ledger import cache
from analysis.render import catalog, kernels, page, plan, run

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


class Children:
    """Watches this process's child processes from a thread while in use: every process that
    appears is remembered (its pid, start time and latest command line), so that afterwards
    each one can be looked up again, however briefly it lived."""

    def __init__(self) -> None:
        me = psutil.Process()
        self._me = me
        self._before = {p.pid for p in me.children(recursive=True)}
        self.seen: dict[int, tuple[float, str]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, name="children", daemon=True)

    def _poll(self) -> None:
        while True:
            self.look()
            if self._stop.wait(0.02):
                return

    def look(self) -> None:
        for child in self._me.children(recursive=True):
            if child.pid in self._before:
                continue
            with contextlib.suppress(psutil.Error):
                created = child.create_time()
                cmd = " ".join(child.cmdline())
                # A child seen between fork and exec still has this process's command line,
                # and a zombie has none: keep the latest one it had.
                if cmd or child.pid not in self.seen:
                    self.seen[child.pid] = (created, cmd)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def kernels(self) -> list[int]:
        return [pid for pid, (_, cmd) in self.seen.items() if "ipykernel" in cmd]

    def kernel_commands(self) -> set[str]:
        """One command line a kernel: a kernel's own short-lived child (a fork that has not
        exec'd yet, when IPython asks the system something) shows its parent's command line,
        connection file included, and must not count as another kernel."""
        return {cmd for _, cmd in self.seen.values() if "ipykernel" in cmd}

    def left(self) -> list[str]:
        """The processes seen that still exist (a zombie, never waited for, included)."""
        return [
            f"{pid} ({status}): {cmd}"
            for pid, (created, cmd) in sorted(self.seen.items())
            if (status := _status(pid, created)) is not None
        ]


def _status(pid: int, created: float) -> str | None:
    """The status of process ``pid`` started at ``created``, or None when it is gone."""
    try:
        process = psutil.Process(pid)
        if process.create_time() != created:
            return None  # the pid now belongs to another process
        return process.status()
    except psutil.NoSuchProcess:
        return None


def _wait_until(condition: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def _notebook(path: Path, *cells: str, report: bool = True) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    if report:
        nb.metadata["analysis"] = {"report": True, "about": "a probe"}
        nb.metadata["title"] = path.stem
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    for index, cell in enumerate(nb.cells):
        cell.id = f"cell-{index}"
    if report:
        nb.cells[0].metadata["tags"] = ["parameters"]
    nbformat.write(nb, path)
    return path


def test_imported_modules_are_the_top_level_imports_of_code_cells(tmp_path: Path) -> None:
    nb = _notebook(
        tmp_path / "n.ipynb",
        "import polars as pl\nfrom analysis import charts, metrics",
        "%matplotlib inline\nimport not_reached",  # not Python: left out
        "from . import sibling\nfrom os.path import *",  # relative import left out; star: module only
        "def f():\n    import json\n",  # not at the top level
        "import polars, altair",
        report=False,
    )
    assert kernels.imported_modules([nb]) == [
        "polars",
        "analysis",
        "analysis.charts",
        "analysis.metrics",
        "os.path",
        "altair",
    ]


PROBE_PARAMETERS = 'label: str = "probe"  # which probe'
#: What the probe page shows, computed in the kernel: the execution count of the probe cell,
#: whether anything leaked from the warm-up or from another report, and the label.
PROBE = (
    "import builtins, sys\n"
    "from IPython.display import HTML, display\n"
    "leaked = hasattr(builtins, 'analysis_probe_leak')\n"
    "builtins.analysis_probe_leak = label\n"
    "seen = sorted(n for n in ('importlib', '_analysis_warm_up', 'json') if n in globals())\n"
    "display(HTML(f'<p id=probe>{label}|{get_ipython().execution_count}|{leaked}|{seen}</p>'))"
)


def test_each_report_runs_in_a_kernel_of_its_own(tmp_path: Path) -> None:
    """Two reports, one worker: a kernel reused between them would show the first's leak."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    for name in ("probe_a", "probe_b", "probe_c"):
        _notebook(notebooks / f"{name}.ipynb", PROBE_PARAMETERS, "import json", PROBE)
    out = tmp_path / "out"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "--notebooks",
            str(notebooks),
            "render",
            "--jobs",
            "1",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in ("probe_a", "probe_b", "probe_c"):
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        found = re.search(r"<p id=\"?probe\"?>(.*?)</p>", page)
        assert found, page[-2000:]
        # cells: parameters (1), papermill's injected parameters (2), import json (3), probe (4);
        # inside a running cell IPython's count is already the next one's, so a fresh kernel
        # shows 5: the warm-up took no execution count.
        assert found.group(1) == "probe|5|False|['json']"


def test_page_from_a_kernel_started_ahead_is_the_same_bytes(tmp_path: Path) -> None:
    notebook = ROOT / "notebooks" / "sources.ipynb"
    common = {"title": "Sources", "inputs": {"x": "0" * 64}, "bundle": "/* bundle */"}
    params = {"title": "Sources and evidence", "include_candidates": False}
    fresh = page.render_notebook(notebook, params, tmp_path / "fresh.html", **common)
    with kernels.KernelPool(
        total=1, ahead=1, cwd=notebook.parent, modules=kernels.imported_modules([notebook])
    ) as pool:
        kernel = pool.lease()
        try:
            ahead = page.render_notebook(
                notebook, params, tmp_path / "ahead.html", kernel=kernel, **common
            )
        finally:
            pool.release(kernel)
    assert fresh.html_path.read_bytes() == ahead.html_path.read_bytes()
    assert fresh.summary == ahead.summary
    assert fresh.summary["figures"]["Sources"] == 1  # the report did emit its figures


def test_no_kernel_outlives_a_run(tmp_path: Path) -> None:
    specs = catalog.discover(ROOT / "notebooks")
    jobs = plan.plan(specs, ["transfers", "sources"])
    with Children() as children:
        result = run.render_suite(
            jobs, tmp_path / "out", seeds=ROOT / "seeds", n_jobs=1, force=True
        )
    assert result.exit_code == 0
    assert len(children.kernel_commands()) >= 2, f"one kernel a report: {children.seen}"
    assert children.left() == []


def test_closing_a_pool_stops_the_kernels_it_did_not_lease(tmp_path: Path) -> None:
    with Children() as children:
        with kernels.KernelPool(total=2, ahead=2, cwd=tmp_path) as pool:
            pool.release(pool.lease())
            pool._waiting[0].result(timeout=120)  # the second is ready, and never leased
        assert len(children.kernel_commands()) == 2, children.seen
    assert children.left() == []


def test_bad_seeds_stop_the_kernels_started_ahead(
    tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ledger = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    ledger.write_text(
        ledger.read_text(encoding="utf-8").replace("people: 26", "people: -26", 1), encoding="utf-8"
    )
    specs = catalog.discover(ROOT / "notebooks")
    jobs = plan.plan(specs)
    out = tmp_path / "out"
    check = cache.write_cache

    def check_once_kernels_run(*args: Any) -> None:
        """The seeds are checked while kernels start; check them once some have."""
        _wait_until(lambda: bool(children.kernels()))
        check(*args)

    monkeypatch.setattr(cache, "write_cache", check_once_kernels_run)
    with Children() as children, pytest.raises(LedgerError, match="people"):
        run.render_suite(jobs, out, seeds=seeds_copy, force=True)
    assert children.kernels(), "kernels were running when the seeds were found bad"
    assert children.left() == []
    assert not list(out.glob("*.html")), "nothing is published from bad seeds"


def test_parameters_keep_the_notebooks_order_when_read_from_the_cache(tmp_path: Path) -> None:
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(tmp_path / "cache")}
    cmd = [
        sys.executable,
        "-m",
        "analysis",
        "render",
        "policy",
        "-p",
        "contries=[]",
        "--out",
        str(tmp_path),
    ]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert (tmp_path / "cache" / "parameters.json").is_file()
    second = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert first.returncode == second.returncode == 2
    assert "its parameters are: start, end, countries, title, include_candidates" in first.stderr
    assert second.stderr == first.stderr


def _kernel_spec(tmp_path: Path, name: str, code: str) -> Path:
    """A kernel named ``name`` that runs ``code`` (with ``PID`` the file it writes its pid to)
    instead of ipykernel, found through JUPYTER_PATH; the pid file."""
    pid_file = tmp_path / f"{name}.pid"
    code = (
        f"import os, sys, pathlib; pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))\n"
        + code
    )
    spec = tmp_path / "jupyter" / "kernels" / name
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-c", code, "{connection_file}"],
                "display_name": name,
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    return pid_file


def _assert_gone(pid_file: Path, children: Children) -> None:
    pid = int(pid_file.read_text(encoding="utf-8"))
    if pid not in children.seen:
        # It lived less than the watcher's 20 ms poll (a loaded machine): then no process of
        # ours may hold that number now, nor one running the kernel's command.
        with contextlib.suppress(psutil.NoSuchProcess):
            proc = psutil.Process(pid)
            assert proc.ppid() != os.getpid(), f"the kernel's process {pid} is still there"
            assert str(pid_file.parent) not in " ".join(proc.cmdline()), pid
        return
    created, _ = children.seen[pid]
    assert _status(pid, created) is None, f"the kernel's process {pid} is still there"


def test_a_kernel_that_dies_on_start_says_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = _kernel_spec(
        tmp_path, "dying", "sys.stderr.write('boom from the kernel\\n'); sys.exit(3)"
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    with (
        Children() as children,
        kernels.KernelPool(total=1, ahead=1, cwd=tmp_path, kernel_name="dying") as pool,
        pytest.raises(RenderError, match="did not start") as raised,
    ):
        pool.lease()
    assert "boom from the kernel" in str(raised.value)
    _assert_gone(pid_file, children)
    assert children.left() == []


def test_a_kernel_that_never_answers_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid_file = _kernel_spec(
        tmp_path,
        "silent",
        "import time; sys.stderr.write('listening to nobody\\n'); sys.stderr.flush()\n"
        "time.sleep(600)",
    )
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setattr(kernels, "STARTUP_TIMEOUT_S", 3.0)
    with (
        Children() as children,
        kernels.KernelPool(total=1, ahead=1, cwd=tmp_path, kernel_name="silent") as pool,
        pytest.raises(RenderError, match="did not start") as raised,
    ):
        pool.lease()
    assert "didn't respond in 3.0 seconds" in str(raised.value)
    assert "listening to nobody" in str(raised.value)
    _assert_gone(pid_file, children)
    assert children.left() == []


def test_a_report_whose_kernel_could_not_start_ahead_still_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def refuse(_pool: kernels.KernelPool, _number: int) -> kernels.Kernel:
        msg = "the report's kernel did not start: made to fail"
        raise KernelStartError(msg)

    monkeypatch.setattr(kernels.KernelPool, "_start", refuse)
    jobs = plan.plan(catalog.discover(ROOT / "notebooks"), ["sources"])
    result = run.render_suite(jobs, tmp_path / "out", seeds=ROOT / "seeds", force=True)
    assert result.exit_code == 0
    assert [o.status for o in result.outcomes] == ["rendered"]
    assert "Sources and evidence" in (tmp_path / "out" / "sources.html").read_text(encoding="utf-8")
    assert "made to fail; starting a kernel for it the usual way" in caplog.text


def test_a_warning_given_by_a_module_on_import_still_reaches_the_log(tmp_path: Path) -> None:
    """The warm-up imports the module before the notebook does; its warning is not lost."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    (notebooks / "oldlib.py").write_text(
        "import warnings\nwarnings.warn('oldlib is going away', FutureWarning, stacklevel=1)\n",
        encoding="utf-8",
    )
    _notebook(notebooks / "probe_w.ipynb", PROBE_PARAMETERS, "import oldlib", PROBE)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "--notebooks",
            str(notebooks),
            "render",
            "--out",
            str(tmp_path / "out"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "probe_w wrote to stderr" in result.stderr
    assert "FutureWarning: oldlib is going away" in result.stderr
    assert "oldlib is going away" not in (tmp_path / "out" / "probe_w.html").read_text(
        encoding="utf-8"
    )

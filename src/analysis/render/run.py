"""Render the report suite: plan, skip what is unchanged, run in parallel, publish safely.

One run of :func:`render_suite`:

1. takes a lock on the output folder (a second run waits for the first);
2. loads and validates the seeds, and checks every parameter set (nothing has run yet);
3. computes each render's key: the notebook, its parameters, every seed file, the package's
   code and the installed environment; a render whose key and published file are unchanged
   is skipped;
4. runs the rest in worker threads, each driving a kernel of its own (started ahead, while
   the seeds are checked and other reports run) and publishing its page atomically;
5. writes each page's summary (headline figures) beside it, the data package
   (``data/``, :mod:`analysis.render.data`), then the manifest, the Atom feed
   (:mod:`analysis.render.feed`) and the index page.

A failed report leaves its previous page as it was, keeps the executed notebook under
``_failed/`` and makes the run's exit code 1; the other reports still render. The manifest
records the failure (or ``_failed/<page>.failure.json`` does, for a page never published),
so that the index says it, with the error.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import contextlib
import datetime as dt
import json
import logging
import os
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import paths
from analysis.errors import LockTimeout, RenderError
from analysis.files import atomic_write, output_folder, refuse_symlink, sha256_bytes, sha256_file
from analysis.render.keys import code_key, environment_key, job_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from analysis.render.catalog import ReportSpec
    from analysis.render.kernels import KernelPool
    from analysis.render.plan import Job

log = logging.getLogger("analysis")

LOCK = ".render.lock"
FAILED = "_failed"
#: Where ``--keep-executed`` keeps the executed notebooks of published pages.
EXECUTED = "_executed"
#: How long a run waits for another run's lock before giving up.
LOCK_TIMEOUT_S = 900.0
#: The data package's folder (:mod:`analysis.render.data`).
DATA = "data"


def _now() -> str:
    """The time of a render or a failure, as the manifest, the index and the feed write it."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- keys ---------------------------------------------------------------------------------------


# -- running ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    job: Job
    status: str  # "rendered", "skipped", "failed"
    seconds: float = 0.0
    error: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)


class _Interrupts:
    """Ctrl-C and SIGTERM, held back while a page is being published.

    A page, its manifest entry and its summary are written together, and the manifest and
    the index last: an interruption that arrives meanwhile takes effect right after, so that
    what is on disk always agrees. Elsewhere it stops the run at once (through
    ``KeyboardInterrupt``, so every ``finally`` runs: temporary folders removed, kernels
    stopped, the lock released).
    """

    def __init__(self) -> None:
        self._held = 0
        self._pending = False
        #: Set once an interruption stops a run: reports still finishing are not published.
        self.stopping = False

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        self._held += 1
        failed = True
        try:
            yield
            failed = False
        finally:
            self._held -= 1
            if not self._held and self._pending:
                self._pending = False
                if not failed:  # an error of the block itself goes first
                    raise KeyboardInterrupt

    def _signal(self, signum: int, frame: object) -> None:
        del frame
        if self._held:
            self._pending = True
            log.info(
                "%s received: stopping once this page is published", signal.Signals(signum).name
            )
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def handled(self) -> Iterator[None]:
        """Handle SIGINT and SIGTERM this way while the block runs (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        self._pending = self.stopping = False
        previous = {
            sig: signal.signal(sig, self._signal) for sig in (signal.SIGINT, signal.SIGTERM)
        }
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self._pending = self.stopping = False


#: The one set of interrupt rules of this process's renders.
INTERRUPTS = _Interrupts()


@dataclass
class _Context:
    """What every report of one run shares."""

    out_dir: Path
    inputs: dict[str, str]
    manifest: dict[str, Any]
    pool: KernelPool | None
    #: The whole environment of the report kernels.
    env: dict[str, str]
    #: The Vega bundle, read once per run.
    bundle: str = ""
    execution_timeout: float | None = None
    keep_executed: bool = False


def _render_one(job: Job, ctx: _Context) -> dict[str, Any]:
    """Render one page; returns plain data, the page's bytes included (the main thread
    publishes it). Runs in a worker thread: the work itself happens in the report's kernel
    process, so threads run reports in parallel."""
    from analysis.render.page import render_notebook  # noqa: PLC0415

    out_dir, pool = ctx.out_dir, ctx.pool
    # papermill writes the executed notebook as it goes: into a file of its own, so that a
    # full disk or a kill mid-write never truncates the notebook an earlier failure left.
    partial = out_dir / FAILED / f".{job.stem}.partial.ipynb"
    started = time.perf_counter()
    kernel = None
    if pool is not None:
        try:
            kernel = pool.lease()
        except RenderError as exc:  # the pool only saves time: start one the usual way
            log.warning("%s: %s; starting a kernel for it the usual way", job.label, exc)
    try:
        rendered = render_notebook(
            job.report.notebook,
            job.parameters,
            out_dir / f"{job.stem}.html",
            title=str(job.parameters.get("title") or job.report.title),
            inputs=ctx.inputs,
            executed_path=partial,
            bundle=ctx.bundle,
            kernel=kernel,
            env=ctx.env,
            execution_timeout=ctx.execution_timeout,
            publish=False,
        )
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the others
        error = str(exc) if isinstance(exc, RenderError) else f"{type(exc).__name__}: {exc}"
        try:
            error = error.replace(str(partial), str(_keep_failed(partial, out_dir / FAILED)))
        except OSError as keep:
            error += f" (its notebook could not be kept: {keep.strerror or keep})"
        return {"ok": False, "error": error, "seconds": time.perf_counter() - started}
    finally:
        if kernel is not None and pool is not None:
            pool.release(kernel)
        _close_thread_loop()
    try:
        if ctx.keep_executed and partial.is_file() and not INTERRUPTS.stopping:
            kept = out_dir / EXECUTED / f"{job.stem}.ipynb"
            kept.parent.mkdir(exist_ok=True)
            partial.replace(kept)
        else:
            partial.unlink(missing_ok=True)
    except OSError as exc:  # this report's files only: the others go on
        error = f"cannot keep the executed notebook: {exc.strerror or exc} ({exc.filename})"
        return {"ok": False, "error": error, "seconds": time.perf_counter() - started}
    return {
        "ok": True,
        "page": rendered.page,
        "summary": rendered.summary,
        "warnings": rendered.warnings,
        "seconds": time.perf_counter() - started,
    }


def _keep_failed(partial: Path, folder: Path) -> Path:
    """Move a failed report's executed notebook into place, if it was written whole; a
    truncated one (a full disk) is dropped and the one kept before stays."""
    final = folder / partial.name.removeprefix(".").replace(".partial.ipynb", ".ipynb")
    try:
        json.loads(partial.read_bytes())
    except (OSError, ValueError):
        partial.unlink(missing_ok=True)
        return final
    partial.replace(final)
    return final


def _close_thread_loop() -> None:
    """Close the event loop nbclient made for this worker thread (it makes a new one for the
    next report): a worker that ends must not leave an open loop and its sockets behind."""
    with contextlib.suppress(RuntimeError):
        loop = asyncio.get_event_loop_policy().get_event_loop()
        if not loop.is_running():
            loop.close()
            asyncio.set_event_loop(None)


@dataclass
class RunResult:
    outcomes: list[Outcome]
    index_path: Path
    #: What went wrong beside the reports (the data package could not be written).
    problems: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.problems or any(o.status == "failed" for o in self.outcomes) else 0


def render_suite(
    jobs: list[Job],
    out_dir: Path,
    *,
    seeds: Path | None = None,
    n_jobs: int | None = None,
    force: bool = False,
    progress: Callable[[Outcome, int, int], None] | None = None,
    lock_timeout: float = LOCK_TIMEOUT_S,
    specs: Mapping[str, ReportSpec] | None = None,
    execution_timeout: float | None = None,
    keep_executed: bool = False,
    base_url: str | None = None,
    pdf: bool = False,
) -> RunResult:
    """Render ``jobs`` into ``out_dir`` and rebuild its index. See the module docstring.

    ``specs`` are every report the index may list (the reports of ``jobs`` when None), so that
    rendering one report keeps the others' descriptions; ``execution_timeout`` stops a cell
    that runs longer (seconds) and fails its report; ``keep_executed`` keeps each executed
    notebook in ``out_dir/_executed/``; ``base_url``, where the folder is served, makes the
    feed's links absolute (they are relative to the feed without it); ``pdf`` prints each
    page to a PDF beside it with headless Chromium (:mod:`analysis.render.pdf`).
    """
    from filelock import FileLock, Timeout  # noqa: PLC0415

    from analysis.render import assets, feed, index  # noqa: PLC0415
    from analysis.render import manifest as publish  # noqa: PLC0415

    output_folder(out_dir)
    for owned in (LOCK, FAILED, EXECUTED, DATA):  # what this run writes or deletes, never beyond
        refuse_symlink(out_dir / owned)
    lock = FileLock(str(out_dir / LOCK))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.info(
            "another render is writing to %s; waiting for it (up to %.0f s)", out_dir, lock_timeout
        )
        try:
            lock.acquire(timeout=lock_timeout)
        except Timeout:
            msg = (
                f"another `analysis render` still holds {out_dir / LOCK} after {lock_timeout:.0f} s; "
                "nothing was rendered"
            )
            raise LockTimeout(msg) from None
    try:
        _remove_leftovers(out_dir)
        seeds_dir = seeds or paths.seeds_dir()
        inputs = paths.input_files(seeds_dir)
        manifest = publish.read_manifest(out_dir)
        # The page's own code and assets: the package, its templates, and the Vega bundle.
        code = sha256_bytes(f"{code_key()} {assets.vega_bundle_sha256()}".encode())
        env = environment_key()
        outcomes: list[Outcome] = []
        todo: list[tuple[Job, str]] = []
        for job in jobs:
            key = job_key(job, inputs, code, env)
            html = out_dir / f"{job.stem}.html"
            entry = manifest.get(job.stem, {})
            if (
                not force
                and entry.get("key") == key
                and html.is_file()
                and sha256_file(html) == entry.get("html_sha256")
            ):
                # Unchanged inputs: nothing changed since the last render, and the page is
                # the one these inputs give (a failure since is of other inputs).
                entry.update(changes=[], first=False, status="published")
                entry.pop("failed_at", None)
                entry.pop("error", None)
                outcome = Outcome(job, "skipped", summary=entry.get("summary", {}))
                outcomes.append(outcome)
                if progress:
                    progress(outcome, len(outcomes), len(jobs))
                continue
            todo.append((job, key))
        all_specs = {**{j.report.name: j.report for j in jobs}, **(specs or {})}
        index_path = out_dir / "index.html"
        completed = False
        problems: list[str] = []
        try:
            if todo:
                workers = max(1, min(n_jobs or os.cpu_count() or 1, len(todo)))
                with contextlib.ExitStack() as stack:
                    kernel_env, check_seeds = stack.enter_context(
                        _seeds_for_kernels(seeds_dir, inputs)
                    )
                    pool = stack.enter_context(_pool(todo, workers, kernel_env))
                    check_seeds()  # the kernels start meanwhile; a bad ledger stops them
                    _run(
                        outcomes,
                        todo,
                        _Context(
                            out_dir,
                            inputs,
                            manifest,
                            pool,
                            kernel_env,
                            execution_timeout=execution_timeout,
                            keep_executed=keep_executed,
                        ),
                        workers,
                        progress,
                        len(jobs),
                    )
            problems = _publish_data(out_dir, seeds_dir, inputs, code, env)
            completed = True
        finally:
            # Interrupted or not, the manifest and the index say what is published: written
            # after a normal end, and after an interruption once a page has been published.
            if completed or any(o.status == "rendered" for o in outcomes):
                with INTERRUPTS.hold():
                    publish.write_manifest(out_dir, manifest)
                    feed.write_feed(out_dir, manifest, base_url=base_url)
                    index_path = index.write_index(out_dir, manifest, all_specs)
        if pdf and completed:
            from analysis.render.pdf import print_pdfs  # noqa: PLC0415

            pages = [
                out_dir / f"{o.job.stem}.html"
                for o in outcomes
                if (out_dir / f"{o.job.stem}.html").is_file()
            ]
            for problem in print_pdfs(sorted(pages)):
                log.error("%s", problem)
                problems.append(problem)
        return RunResult(sorted(outcomes, key=lambda o: o.job.stem), index_path, problems)
    finally:
        lock.release()


def _publish_data(
    out_dir: Path, seeds_dir: Path, inputs: dict[str, str], code: str, env: str
) -> list[str]:
    """Write the data package into ``out_dir/data`` unless the one there is current; what
    went wrong, if anything (the pages are published all the same)."""
    from analysis.errors import AnalysisError  # noqa: PLC0415
    from analysis.render import data  # noqa: PLC0415

    key = data.package_key(inputs, code, env)
    if data.is_current(out_dir / DATA, key):
        return []
    try:
        folder = data.write(out_dir, seeds_dir, key)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        problem = f"cannot write the data package {out_dir / DATA}: {exc.strerror or exc}{where}"
    except AnalysisError as exc:
        problem = f"cannot write the data package {out_dir / DATA}: {exc}"
    else:
        log.debug("data package written into %s", folder)
        return []
    log.error("%s", problem)
    return [problem]


def _remove_leftovers(out_dir: Path) -> None:
    """Temporary files a killed run left (``kill -9`` runs no ``finally``), and an empty
    ``_failed/``: under the lock, nothing else can be writing them."""
    from analysis.render import data  # noqa: PLC0415

    for folder in (out_dir, out_dir / FAILED, out_dir / EXECUTED):
        if folder.is_dir() and not folder.is_symlink():
            for stale in [*folder.glob(".*.tmp"), *folder.glob(".*.partial.ipynb")]:
                with contextlib.suppress(OSError):
                    stale.unlink()
    data.remove_leftovers(out_dir)
    with contextlib.suppress(OSError):
        (out_dir / FAILED).rmdir()  # only if empty


@contextlib.contextmanager
def _seeds_for_kernels(
    seeds_dir: Path, inputs: dict[str, str]
) -> Iterator[tuple[dict[str, str], Callable[[], None]]]:
    """The environment of the report kernels, and a function that validates the seeds once
    for the whole run.

    The seeds are validated before any report executes (a bad ledger is bad input, exit 2),
    and the validated frames are kept for the run, so that each report reads them instead of
    parsing the seeds again. The kernels' environment names both folders; it is passed to
    each kernel (this process's own environment is left as it is), and ready before the
    seeds are checked, so that kernels can start meanwhile.
    """
    from analysis.ledger import cache  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="analysis-ledger-") as folder:
        env = paths.kernel_environment(seeds=seeds_dir, ledger_cache=Path(folder))
        yield env, lambda: cache.write_cache(Path(folder), seeds_dir, inputs)


@contextlib.contextmanager
def _pool(
    todo: list[tuple[Job, str]], workers: int, env: dict[str, str]
) -> Iterator[KernelPool | None]:
    """Kernels for ``todo``, started ahead: one per report, ``workers`` + 1 ready or starting
    beyond those in use.

    Reports from several folders (kernels start in their notebook's folder) get no pool:
    papermill starts each one's kernel.
    """
    from analysis.render.kernels import KernelPool, imported_modules  # noqa: PLC0415

    notebooks = sorted({job.report.notebook for job, _ in todo})
    folders = {path.parent.resolve() for path in notebooks}
    if len(folders) != 1:
        yield None
        return
    with KernelPool(
        total=len(todo),
        ahead=workers + 1,
        cwd=folders.pop(),
        modules=imported_modules(notebooks),
        env=env,
    ) as pool:
        yield pool


def _run(
    outcomes: list[Outcome],
    todo: list[tuple[Job, str]],
    ctx: _Context,
    workers: int,
    progress: Callable[[Outcome, int, int], None] | None,
    total: int,
) -> None:
    """Run ``todo`` in worker threads; each finished report is appended to ``outcomes``
    (which may already hold the skipped ones) as soon as it is published."""
    from analysis.render import assets, export  # noqa: PLC0415

    ctx.bundle = assets.vega_bundle()  # once per run, shared by every page
    export.prepare()  # imports and templates, while the first kernels start
    failed_dir = ctx.out_dir / FAILED
    failed_dir.mkdir(exist_ok=True)
    threads = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report")
    try:
        futures = {threads.submit(_render_one, job, ctx): (job, key) for job, key in todo}
        for future in cf.as_completed(futures):
            job, key = futures[future]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the others
                result = {"ok": False, "error": f"{type(exc).__name__}: {exc}", "seconds": 0.0}
            with INTERRUPTS.hold():  # a page, its manifest entry and its summary, together
                outcome = _record(job, key, result, ctx)
                outcomes.append(outcome)
            if progress:
                progress(outcome, len(outcomes), total)
    except BaseException:
        # Interrupted: reports not started are dropped; running ones finish and are not
        # published (their kernels are stopped with the pool).
        INTERRUPTS.stopping = True
        raise
    finally:
        threads.shutdown(wait=True, cancel_futures=True)
        with contextlib.suppress(OSError):
            if not any(failed_dir.iterdir()):
                failed_dir.rmdir()


def _record(job: Job, key: str, result: dict[str, Any], ctx: _Context) -> Outcome:
    """Enter a finished report in the manifest and write its summary (published pages only);
    a failure is recorded too (not an interruption: that is no fault of the report)."""
    from analysis.render import manifest as publish  # noqa: PLC0415

    if not result["ok"] or INTERRUPTS.stopping:
        error = result.get("error") or "interrupted before it was published"
        if not INTERRUPTS.stopping:
            _record_failure(job, error, ctx)
        return Outcome(job, "failed", result["seconds"], error=error)
    html = ctx.out_dir / f"{job.stem}.html"
    try:
        atomic_write(html, result["page"])
    except OSError as exc:  # a full disk: the page published before stays as it was
        error = f"cannot publish {html}: {exc.strerror or exc}"
        _record_failure(job, error, ctx)
        return Outcome(job, "failed", result["seconds"], error=error)
    summary = result["summary"]
    before = ctx.manifest.get(job.stem)
    previous = before.get("summary", {}) if before else _summary_on_disk(ctx.out_dir, job.stem)
    first = previous is None
    changes = publish.figure_changes(previous or {}, summary)
    rendered_at = _now()
    html_sha256 = sha256_bytes(result["page"])
    title = str(summary.get("title") or job.parameters.get("title") or job.report.title)
    history = list(before.get("history", [])) if before else []
    if first or changes:  # a render the feed lists
        event = {
            "rendered_at": rendered_at,
            "html_sha256": html_sha256,
            "title": title,
            "summary": summary.get("summary", ""),
            "changes": changes,
            "first": first,
            "figures": summary.get("figures", {}) if first else {},
        }
        history = [event, *history][: publish.HISTORY]
    ctx.manifest[job.stem] = {
        **_described(job),
        "key": key,
        "html_sha256": html_sha256,
        "summary": summary,
        "changes": changes,
        "first": first,
        "title": title,
        "rendered_at": rendered_at,
        "status": "published",
        "history": history,
    }
    publish.write_summary(ctx.out_dir, job, summary)
    with contextlib.suppress(OSError):  # a stale record only says an old failure
        publish.clear_failure(ctx.out_dir / FAILED, job.stem)
    for warning in result.get("warnings", []):
        log.warning("%s wrote to stderr: %s", job.label, warning.strip())
    return Outcome(job, "rendered", result["seconds"], summary=summary, changes=changes)


def _described(job: Job) -> dict[str, Any]:
    """What the index says of a page, as this run knows its report."""
    from analysis.render.index import report_order  # noqa: PLC0415
    from analysis.render.params import changed  # noqa: PLC0415

    described: dict[str, Any] = {
        "report": job.report.name,
        "parameters": job.parameters,
        "changed_parameters": changed(job.parameters, job.report.parameters),
        "about": job.report.about,
    }
    order = report_order(job.report)
    if order is not None:
        described["order"] = order
    return described


def _summary_on_disk(out_dir: Path, stem: str) -> dict[str, Any] | None:
    """The summary a render left beside the page (when the manifest no longer has it)."""
    try:
        value = json.loads((out_dir / f"{stem}.summary.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(value, dict) or not isinstance(value.get("figures", {}), dict):
        return None
    return value


def _record_failure(job: Job, error: str, ctx: _Context) -> None:
    """Say in the manifest that the page failed to render again (its last good page stays);
    a page never published gets a record in ``_failed/`` instead."""
    from analysis.render import manifest as publish  # noqa: PLC0415

    failed_at = _now()
    entry = ctx.manifest.get(job.stem)
    if entry is not None:
        entry.update(status="failed", failed_at=failed_at, error=error)
    if entry is None or not (ctx.out_dir / f"{job.stem}.html").is_file():
        record = {
            **_described(job),
            "title": str(job.parameters.get("title") or job.report.title),
            "status": "failed",
            "failed_at": failed_at,
            "error": error,
        }
        try:
            publish.write_failure(ctx.out_dir / FAILED, job.stem, record)
        except OSError as exc:  # a full disk: the run's log still says it
            log.warning("%s: cannot record its failure: %s", job.label, exc.strerror or exc)

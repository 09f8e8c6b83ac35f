"""Render the report suite: plan, skip what is unchanged, run in parallel, publish safely.

One run of :func:`render_suite`:

1. takes a lock on the output folder (a second run waits for the first);
2. loads and validates the seeds, and checks every parameter set (nothing has run yet);
3. computes each render's key: the notebook, its parameters, every seed file, the package's
   code and the installed environment; a render whose key and published file are unchanged
   is skipped;
4. runs the rest in worker threads, each driving a kernel of its own (started ahead, while
   the seeds are checked and other reports run) and publishing its page atomically;
5. writes each page's summary (headline figures) beside it, then the index page.

A failed report leaves its previous page as it was, keeps the executed notebook under
``_failed/`` and makes the run's exit code 1; the other reports still render.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis import paths
from analysis.errors import AnalysisError, ParameterError, RenderError
from analysis.params import Parameter, inspect, output_stem, resolve

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator, Mapping

    from analysis.kernels import KernelPool

log = logging.getLogger("analysis")

PARAMS_CACHE = "parameters.json"
LOCK = ".render.lock"
FAILED = "_failed"
#: How long a run waits for another run's lock before giving up.
LOCK_TIMEOUT_S = 900.0


@dataclass(frozen=True)
class ReportSpec:
    """A report notebook and what the index says about it."""

    name: str
    notebook: Path
    title: str
    about: str
    parameters: dict[str, Parameter]
    #: The notebook's sha256, as read when it was discovered.
    sha256: str


def discover(notebooks: Path | None = None, cache: Path | None = None) -> dict[str, ReportSpec]:
    """The report notebooks (those whose metadata says ``analysis.report``), by name.

    ``cache`` is a JSON file of parameters already inspected, by checksum of the notebook and
    of the code that inspects it: reading them with papermill costs a quarter of a second of
    imports, which a run should not pay before its kernels can start.
    """
    folder = notebooks or paths.notebooks_dir()
    known: dict[str, Any] = {}
    if cache is not None and cache.is_file():
        try:
            known = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            known = {}
    inspector = hashlib.sha256(Path(inspect.__code__.co_filename).read_bytes()).hexdigest()[:16]
    found = {}
    fresh: dict[str, Any] = {}
    for path in sorted(folder.glob("*.ipynb")):
        raw = path.read_bytes()
        try:
            meta = json.loads(raw).get("metadata", {})
        except ValueError:
            msg = f"{path}: is not a notebook (invalid JSON)"
            raise ParameterError(msg) from None
        if not meta.get("analysis", {}).get("report"):
            continue
        sha256 = hashlib.sha256(raw).hexdigest()
        digest = f"{sha256}-{inspector}"
        if isinstance(known.get(digest), list):  # in the notebook's order
            params = {v["name"]: Parameter(**v) for v in known[digest]}
        else:
            params = inspect(path)
            fresh[digest] = [vars(v) for v in params.values()]
        found[path.stem] = ReportSpec(
            path.stem,
            path,
            str(meta.get("title", path.stem)),
            str(meta["analysis"].get("about", "")),
            params,
            sha256,
        )
    if cache is not None and fresh:
        from analysis.render import atomic_write  # noqa: PLC0415

        with contextlib.suppress(OSError):  # a read-only cache only costs time
            atomic_write(cache, json.dumps({**known, **fresh}, sort_keys=True, indent=1).encode())
    return found


@dataclass(frozen=True)
class Job:
    """One page to render: a report with one set of parameters."""

    report: ReportSpec
    parameters: dict[str, Any]
    stem: str

    @property
    def label(self) -> str:
        changed = {
            k: v for k, v in self.parameters.items() if v != self.report.parameters[k].default
        }
        return self.report.name + (f" {json.dumps(changed, sort_keys=True)}" if changed else "")


def plan(
    specs: Mapping[str, ReportSpec],
    names: Iterable[str] = (),
    overrides: Mapping[str, Any] | None = None,
    param_sets: Mapping[str, list[dict[str, Any]]] | None = None,
) -> list[Job]:
    """The renders a command asks for, with every parameter checked.

    ``overrides`` (from ``-p``) apply to every named report; ``param_sets`` (from a params
    file) give several parameter sets for one report, each rendered to its own file.
    """
    wanted = list(names) or list(specs)
    unknown = [n for n in wanted if n not in specs]
    if param_sets:
        unknown += [n for n in param_sets if n not in specs]
    if unknown:
        msg = f"unknown report {', '.join(map(repr, unknown))}; the reports are: {', '.join(specs)}"
        raise ParameterError(msg)
    if param_sets and not names:
        wanted = [n for n in wanted if n in param_sets] or wanted
    jobs: list[Job] = []
    for name in wanted:
        spec = specs[name]
        sets = (param_sets or {}).get(name) or [{}]
        for given in sets:
            merged = {**given, **(overrides or {})}
            values = resolve(name, spec.parameters, merged)
            jobs.append(Job(spec, values, output_stem(name, values, spec.parameters)))
    stems = [j.stem for j in jobs]
    dupes = sorted({s for s in stems if stems.count(s) > 1})
    if dupes:
        msg = f"two parameter sets would write the same file: {', '.join(dupes)}"
        raise ParameterError(msg)
    return jobs


def read_params_file(path: Path) -> dict[str, list[dict[str, Any]]]:
    """A YAML file mapping report names to a parameter set or a list of them."""
    import yaml  # noqa: PLC0415

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        msg = f"{path}: cannot read the params file: {exc}"
        raise ParameterError(msg) from None
    if not isinstance(data, dict):
        msg = f"{path}: expected a mapping of report names to parameter sets"
        raise ParameterError(msg)
    out: dict[str, list[dict[str, Any]]] = {}
    for report, sets in data.items():
        items = sets if isinstance(sets, list) else [sets]
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                msg = (
                    f"{path}: report {report!r}, set {index + 1}: expected a mapping of "
                    f"parameter names to values, found {item!r}"
                )
                raise ParameterError(msg)
        out[str(report)] = [
            {str(k): (v.isoformat() if isinstance(v, dt.date) else v) for k, v in i.items()}
            for i in items
        ]
    return out


# -- keys ---------------------------------------------------------------------------------------


def _hash_files(files: Iterable[Path], base: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def code_key() -> str:
    """Hash of the package's own files (code, templates, CSS)."""
    package = Path(__file__).parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return _hash_files(files, package)


def environment_key() -> str:
    """Hash of the installed environment: every distribution and its version."""
    root = paths.project_root()
    if root is not None and (root / "uv.lock").is_file():
        lock = hashlib.sha256((root / "uv.lock").read_bytes()).hexdigest()
    else:
        lock = ""
    names = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return hashlib.sha256("\n".join([lock, *names]).encode()).hexdigest()


def job_key(job: Job, inputs: Mapping[str, str], code: str, env: str) -> str:
    payload = {
        "notebook": job.report.sha256,
        "parameters": job.parameters,
        "inputs": dict(sorted(inputs.items())),
        "code": code,
        "environment": env,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


# -- running ------------------------------------------------------------------------------------


@dataclass
class Outcome:
    job: Job
    status: str  # "rendered", "skipped", "failed"
    seconds: float = 0.0
    error: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)


def _render_one(
    job: Job, out_dir: Path, inputs: dict[str, str], bundle: str, pool: KernelPool | None
) -> dict[str, Any]:
    """Render one page; returns plain data. Runs in a worker thread: the work itself happens in
    the report's kernel process, so threads run reports in parallel."""
    from analysis import render  # noqa: PLC0415

    executed = out_dir / FAILED / f"{job.stem}.ipynb"
    started = time.perf_counter()
    kernel = None
    if pool is not None:
        try:
            kernel = pool.lease()
        except RenderError as exc:  # the pool only saves time: start one the usual way
            log.warning("%s: %s; starting a kernel for it the usual way", job.label, exc)
    try:
        rendered = render.render_notebook(
            job.report.notebook,
            job.parameters,
            out_dir / f"{job.stem}.html",
            title=str(job.parameters.get("title") or job.report.title),
            inputs=inputs,
            executed_path=executed,
            bundle=bundle,
            kernel=kernel,
        )
    except Exception as exc:  # noqa: BLE001 - one report's failure must not stop the others
        error = str(exc) if isinstance(exc, RenderError) else f"{type(exc).__name__}: {exc}"
        return {"ok": False, "error": error, "seconds": time.perf_counter() - started}
    finally:
        if kernel is not None and pool is not None:
            pool.release(kernel)
        _close_thread_loop()
    executed.unlink(missing_ok=True)
    return {
        "ok": True,
        "summary": rendered.summary,
        "warnings": rendered.warnings,
        "seconds": time.perf_counter() - started,
    }


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

    @property
    def exit_code(self) -> int:
        return 1 if any(o.status == "failed" for o in self.outcomes) else 0


def render_suite(
    jobs: list[Job],
    out_dir: Path,
    *,
    seeds: Path | None = None,
    n_jobs: int | None = None,
    force: bool = False,
    progress: Callable[[Outcome, int, int], None] | None = None,
    lock_timeout: float = LOCK_TIMEOUT_S,
) -> RunResult:
    """Render ``jobs`` into ``out_dir`` and rebuild its index. See the module docstring."""
    from filelock import FileLock, Timeout  # noqa: PLC0415

    from analysis import publish  # noqa: PLC0415

    out_dir.mkdir(parents=True, exist_ok=True)
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
            raise AnalysisError(msg) from None
    try:
        seeds_dir = seeds or paths.seeds_dir()
        inputs = paths.input_files(seeds_dir)
        manifest = publish.read_manifest(out_dir)
        code, env = code_key(), environment_key()
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
                and hashlib.sha256(html.read_bytes()).hexdigest() == entry.get("html_sha256")
            ):
                entry["changes"] = []  # unchanged inputs: nothing changed since the last render
                outcome = Outcome(job, "skipped", summary=entry.get("summary", {}))
                outcomes.append(outcome)
                if progress:
                    progress(outcome, len(outcomes), len(jobs))
                continue
            todo.append((job, key))
        if todo:
            workers = max(1, min(n_jobs or os.cpu_count() or 1, len(todo)))
            kernel_env = _seeds_for_kernels(seeds_dir, inputs)
            with kernel_env as check_seeds, _pool(todo, workers) as pool:
                check_seeds()  # the kernels start meanwhile; a bad ledger stops them
                outcomes += _run(
                    todo,
                    out_dir,
                    inputs,
                    manifest,
                    workers,
                    pool,
                    progress,
                    len(jobs),
                    len(outcomes),
                )
        publish.write_manifest(out_dir, manifest)
        specs = {j.report.name: j.report for j in jobs}
        index = publish.write_index(out_dir, manifest, specs)
        return RunResult(sorted(outcomes, key=lambda o: o.job.stem), index)
    finally:
        lock.release()


@contextlib.contextmanager
def _seeds_for_kernels(seeds_dir: Path, inputs: dict[str, str]) -> Iterator[Callable[[], None]]:
    """Tell the report kernels where the seeds are, and give a function that validates them
    once for the whole run.

    The seeds are validated before any report executes (a bad ledger is bad input, exit 2),
    and the validated frames are kept for the run, so that each report reads them instead of
    parsing the seeds again. Kernels inherit the environment, which carries both folders; it
    is set first, so that kernels can start while the seeds are being checked.
    """
    from analysis import frames  # noqa: PLC0415

    with tempfile.TemporaryDirectory(prefix="analysis-ledger-") as cache:
        settings = {paths.SEEDS_ENV: str(seeds_dir.resolve()), frames.CACHE_ENV: cache}
        previous = {name: os.environ.get(name) for name in settings}
        os.environ.update(settings)
        try:
            yield lambda: frames.write_cache(Path(cache), seeds_dir, inputs)
        finally:
            for name, value in previous.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


@contextlib.contextmanager
def _pool(todo: list[tuple[Job, str]], workers: int) -> Iterator[KernelPool | None]:
    """Kernels for ``todo``, started ahead: one per report, ``workers`` + 1 ready or starting
    beyond those in use.

    Reports from several folders (kernels start in their notebook's folder) get no pool:
    papermill starts each one's kernel.
    """
    from analysis.kernels import KernelPool, imported_modules  # noqa: PLC0415

    notebooks = sorted({job.report.notebook for job, _ in todo})
    folders = {path.parent.resolve() for path in notebooks}
    if len(folders) != 1:
        yield None
        return
    with KernelPool(
        total=len(todo), ahead=workers + 1, cwd=folders.pop(), modules=imported_modules(notebooks)
    ) as pool:
        yield pool


def _run(
    todo: list[tuple[Job, str]],
    out_dir: Path,
    inputs: dict[str, str],
    manifest: dict[str, Any],
    workers: int,
    pool: KernelPool | None,
    progress: Callable[[Outcome, int, int], None] | None,
    total: int,
    done: int,
) -> list[Outcome]:
    from analysis import publish, render  # noqa: PLC0415

    bundle = render.vega_bundle()  # once per run, shared by every page
    render.prepare()  # imports and templates, while the first kernels start
    failed_dir = out_dir / FAILED
    failed_dir.mkdir(exist_ok=True)
    outcomes = []
    with cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="report") as threads:
        futures = {
            threads.submit(_render_one, job, out_dir, inputs, bundle, pool): (job, key)
            for job, key in todo
        }
        for future in cf.as_completed(futures):
            job, key = futures[future]
            result = future.result()
            if result["ok"]:
                html = out_dir / f"{job.stem}.html"
                previous = manifest.get(job.stem, {}).get("summary", {})
                changes = publish.figure_changes(previous, result["summary"])
                manifest[job.stem] = {
                    "report": job.report.name,
                    "parameters": job.parameters,
                    "key": key,
                    "html_sha256": hashlib.sha256(html.read_bytes()).hexdigest(),
                    "summary": result["summary"],
                    "changes": changes,
                }
                publish.write_summary(out_dir, job, result["summary"])
                for warning in result.get("warnings", []):
                    log.warning("%s wrote to stderr: %s", job.label, warning.strip())
                outcome = Outcome(
                    job, "rendered", result["seconds"], summary=result["summary"], changes=changes
                )
            else:
                outcome = Outcome(job, "failed", result["seconds"], error=result["error"])
            outcomes.append(outcome)
            if progress:
                progress(outcome, done + len(outcomes), total)
    if failed_dir.is_dir() and not any(failed_dir.iterdir()):
        failed_dir.rmdir()
    return outcomes

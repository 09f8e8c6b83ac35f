"""Time `analysis render` against the naive way of rendering the same reports.

Prints, measured in one run on this machine:
- cold: `analysis render --force` into an empty folder (every report executed);
- naive: for each report, the `papermill` CLI then the `jupyter nbconvert --to html` CLI,
  one report after another (what a shell script around the two tools would do);
- their ratio;
- unchanged: a second `analysis render` into the same folder with nothing changed.

Every command runs once untimed first, so that both sides start with warm file caches; then
each repetition times the cold render, the naive way and the cold render with one more job
than cores, one after another, so that a slow minute of a shared machine slows all alike.
The figures are printed twice in one run: with Python free to write its bytecode cache, and
with ``PYTHONDONTWRITEBYTECODE=1``, as many containers and CI images set it, where only the
bytecode compiled at install (``uv sync --compile-bytecode``, as every nox session does) saves
a process from compiling its imports afresh.

    python benchmarks/render.py [--repeat N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
REPORTS = ("transfers", "policy", "sources")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
CACHE_NOTE = "bytecode cache may be written"


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=ENV, cwd=ROOT)
    return time.perf_counter() - start


def analysis_cold(out: Path, *extra: str) -> float:
    shutil.rmtree(out, ignore_errors=True)
    return timed([str(BIN / "analysis"), "render", "--force", "--out", str(out), *extra])


def analysis_unchanged(out: Path) -> float:
    return timed([str(BIN / "analysis"), "render", "--out", str(out)])


def naive(out: Path) -> float:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    start = time.perf_counter()
    for name in REPORTS:
        executed = out / f"{name}.ipynb"
        subprocess.run(
            [
                str(BIN / "papermill"),
                "--log-level",
                "ERROR",
                "--no-progress-bar",
                str(ROOT / "notebooks" / f"{name}.ipynb"),
                str(executed),
            ],
            check=True,
            capture_output=True,
            env=ENV,
            cwd=ROOT / "notebooks",
        )
        subprocess.run(
            [str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)],
            check=True,
            capture_output=True,
            env=ENV,
            cwd=out,
        )
    return time.perf_counter() - start


def measure(repeat: int) -> None:
    """One block of figures, in the environment ``ENV`` holds now."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        ours, theirs = base / "analysis", base / "naive"
        analysis_cold(ours)  # warm-up: page cache (and bytecode, where it may be written)
        naive(theirs)
        # Interleaved, so that a slow minute of a shared machine slows both sides alike.
        cold, slow, cold_more = [], [], []
        more_jobs = str((os.cpu_count() or 1) + 1)
        for _ in range(repeat):
            cold.append(analysis_cold(ours))
            slow.append(naive(theirs))
            cold_more.append(analysis_cold(ours, "--jobs", more_jobs))
        unchanged = [analysis_unchanged(ours) for _ in range(repeat)]
    c, n, u = statistics.median(cold), statistics.median(slow), statistics.median(unchanged)
    ratios = sorted(a / b for a, b in zip(cold, slow, strict=True))
    print(f"-- {CACHE_NOTE}")
    print(f"analysis render, cold (--force):           {c:6.2f} s")
    print(f"naive papermill CLI + nbconvert CLI:       {n:6.2f} s")
    print(
        f"ratio cold / naive:                        {c / n:6.2f}  (target <= 0.33; "
        f"per run {' '.join(f'{r:.2f}' for r in ratios)})"
    )
    m = statistics.median(cold_more)
    print(f"analysis render, cold, --jobs {more_jobs}:           {m:6.2f} s  (ratio {m / n:.2f})")
    print(f"analysis render, nothing changed:          {u:6.2f} s  (target <= 0.5)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each (median shown)")
    args = parser.parse_args()
    global CACHE_NOTE  # noqa: PLW0603 - a script's one setting
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"reports: {', '.join(REPORTS)} (+ index); median of {args.repeat} interleaved runs")
    measure(args.repeat)
    ENV["PYTHONDONTWRITEBYTECODE"] = "1"
    CACHE_NOTE = "PYTHONDONTWRITEBYTECODE=1 (as many containers set it)"
    measure(args.repeat)


if __name__ == "__main__":
    main()

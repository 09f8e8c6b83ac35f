"""PDFs of the pages, printed by headless Chromium (``analysis render --pdf``).

Each page is printed with its print stylesheet (charts in the printable width, the parameters
and sources open, links' targets written out), from its file, with no network. A PDF is
written beside its page (``transfers.html`` -> ``transfers.pdf``) through a temporary file, so
a reader never opens half a PDF; an up-to-date PDF of an unchanged page is kept.

Chromium is found as ``$ANALYSIS_CHROMIUM``, else ``chromium``, ``chromium-browser``,
``google-chrome`` on the PATH. Without it nothing is printed and the render says so (exit 1).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from analysis.paths import CHROMIUM_ENV

#: Programs tried, in order, when ``$ANALYSIS_CHROMIUM`` is not set.
PROGRAMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: How long one page may take to print (it is drawn, then printed).
TIMEOUT_S = 120
#: Virtual time Chromium lets pass before printing, so that every chart has drawn.
DRAW_BUDGET_MS = 10_000
#: The flags of every headless Chromium the project starts (printing here; the browser tests
#: and tools/screenshots.py add their own): no sandbox (containers run as root), no GPU, and
#: nothing fetched or started in the background.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
)


def find_chromium() -> str | None:
    """The Chromium to print with, or None when there is none."""
    named = os.environ.get(CHROMIUM_ENV)
    if named:
        return named if Path(named).is_file() else shutil.which(named)
    return next((found for name in PROGRAMS if (found := shutil.which(name))), None)


def missing_message() -> str:
    return (
        "--pdf: no Chromium to print with (looked for "
        f"${CHROMIUM_ENV}, then {', '.join(PROGRAMS)} on the PATH); the pages are written, "
        "their PDFs are not. Install Chromium (Debian: apt-get install chromium) or set "
        f"{CHROMIUM_ENV} to its path."
    )


def print_pdf(chromium: str, page: Path) -> Path:
    """Print ``page`` to ``page.with_suffix('.pdf')`` and return that path.

    Raises
    ------
    RuntimeError
        When Chromium fails or writes no PDF (with what it said).
    """
    target = page.with_suffix(".pdf")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=page.parent)
    os.close(fd)
    profile = tempfile.mkdtemp(prefix="analysis-print-")
    try:
        command = [
            chromium,
            *CHROMIUM_ARGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--virtual-time-budget={DRAW_BUDGET_MS}",
            f"--print-to-pdf={tmp}",
            page.resolve().as_uri(),
        ]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
        if done.returncode != 0 or Path(tmp).stat().st_size == 0:
            said = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
            msg = f"Chromium could not print {page.name} (exit {done.returncode}): {said[0]}"
            raise RuntimeError(msg)
        Path(tmp).chmod(0o644)  # as the pages: readable by whoever serves the folder
        Path(tmp).replace(target)
        return target
    finally:
        Path(tmp).unlink(missing_ok=True)
        shutil.rmtree(profile, ignore_errors=True)


def print_pdfs(pages: list[Path]) -> list[str]:
    """Print each page whose PDF is missing or older than it; the problems, in words."""
    chromium = find_chromium()
    if chromium is None:
        return [missing_message()]
    problems = []
    for page in pages:
        target = page.with_suffix(".pdf")
        if target.is_file() and target.stat().st_mtime_ns >= page.stat().st_mtime_ns:
            continue
        try:
            print_pdf(chromium, page)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
            problems.append(f"--pdf: {exc}")
    return problems

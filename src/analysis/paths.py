"""Where the project's folders are, and every environment variable the package reads.

Paths are resolved when asked, never at import. The package reads these variables and no
others; it never sets one in its own process: a render hands its kernels theirs with
:func:`kernel_environment`.
"""

from __future__ import annotations

import os
from pathlib import Path

from analysis.files import sha256_file

#: A seeds folder to use instead of the project's own.
SEEDS_ENV = "ANALYSIS_SEEDS"
#: A folder of report notebooks to render instead of the project's own.
NOTEBOOKS_ENV = "ANALYSIS_NOTEBOOKS"
#: Where to keep the cache (Vega bundle, notebooks' parameters).
CACHE_ENV = "ANALYSIS_CACHE_DIR"
#: Set by ``analysis render`` in its report kernels' environment only: a folder holding the
#: frames it has just validated (:mod:`analysis.ledger.cache`).
LEDGER_CACHE_ENV = "ANALYSIS_LEDGER_CACHE"
#: The Chromium that ``analysis render --pdf`` prints with (else one found on the PATH).
CHROMIUM_ENV = "ANALYSIS_CHROMIUM"
#: Every variable above, for the README and the tests.
ENVIRONMENT = (SEEDS_ENV, NOTEBOOKS_ENV, CACHE_ENV, LEDGER_CACHE_ENV)


def project_root() -> Path | None:
    """The checkout this package runs from (editable installs), or None when installed."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() else None


def seeds_dir() -> Path:
    """The seeds folder: ``$ANALYSIS_SEEDS``, else the project's ``seeds/``, else ``./seeds``."""
    if env := os.environ.get(SEEDS_ENV):
        return Path(env)
    root = project_root()
    if root is not None and (root / "seeds").is_dir():
        return root / "seeds"
    return Path.cwd() / "seeds"


def notebooks_dir() -> Path:
    """The report notebooks: ``$ANALYSIS_NOTEBOOKS``, the project's ``notebooks/``, else
    ``./notebooks``."""
    if env := os.environ.get(NOTEBOOKS_ENV):
        return Path(env)
    root = project_root()
    if root is not None and (root / "notebooks").is_dir():
        return root / "notebooks"
    return Path.cwd() / "notebooks"


def cache_dir() -> Path:
    """Where derived files that cost time to build are kept: ``$ANALYSIS_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/analysis``, else ``~/.cache/analysis``. Everything in it is keyed by
    the checksums of what it was derived from; deleting it only costs time."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "analysis"


def reports_dir() -> Path:
    """Where reports are published by default: the project's ``reports/``, else ``./reports``."""
    root = project_root()
    return (root if root is not None else Path.cwd()) / "reports"


def input_files(root: Path) -> dict[str, str]:
    """Every file :func:`analysis.load` reads from a seeds folder (relative path -> sha256).

    Cheap next to loading: ``analysis render`` uses it to see that nothing changed without
    validating the ledger again.
    """
    sources = root / "sources"
    files = [*sources.glob("*.txt"), *sources.glob("*.yaml"), *(root / "ledger").glob("*.yaml")]
    # A folder named like a facts file (a planted symbolic link, say) has no checksum: the
    # ledger's validation names it as a problem of its own.
    return {p.relative_to(root).as_posix(): sha256_file(p) for p in sorted(files) if p.is_file()}


def kernel_environment(*, seeds: Path, ledger_cache: Path) -> dict[str, str]:
    """The whole environment of a report kernel: this process's, plus where its seeds and the
    run's validated frames are. Passed to the kernel; this process's stays as it is."""
    return {
        **os.environ,
        SEEDS_ENV: str(seeds.resolve()),
        LEDGER_CACHE_ENV: str(ledger_cache),
    }

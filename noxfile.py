"""Every command a newcomer needs, as nox sessions: `nox -l` lists them.

Sessions install from the lock file (uv.lock) with uv, so every run gets the same environment.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2024.3.2"
nox.options.default_venv_backend = "uv"
nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_venv = "yes"


def _sync(session: nox.Session, *groups: str) -> None:
    """Install the project and the named dependency groups exactly as uv.lock pins them."""
    # Bytecode compiled at install: where PYTHONDONTWRITEBYTECODE=1 is set (many containers and
    # CI images), every process would otherwise compile its imports afresh, twice the time.
    args = [
        "uv",
        "sync",
        "--locked",
        "--compile-bytecode",
        "--no-default-groups",
        *(f"--group={g}" for g in groups),
    ]
    session.run_install(*args, env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location})


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (browser tests need Chromium; see the README)."""
    _sync(session, "test")
    if Path("package-lock.json").is_file() and shutil.which("npm"):
        # axe-core, injected into the browser tests, comes from the npm registry.
        session.run("npm", "ci", "--no-audit", "--no-fund", "--silent", external=True)
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff on the code, the tests and the notebooks."""
    _sync(session, "lint")
    session.run("ruff", "check", *session.posargs)
    session.run("ruff", "format", "--check", "--diff", "src", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy, strict, on src/."""
    _sync(session, "typecheck")
    session.run("mypy", *session.posargs)


@nox.session
def reports(session: nox.Session) -> None:
    """Render every report and the index into reports/ (extra arguments go to `analysis render`)."""
    _sync(session)
    session.run("analysis", "render", *session.posargs)


@nox.session(default=False)
def lab(session: nox.Session) -> None:
    """Start JupyterLab with the package importable in its kernel."""
    _sync(session, "lab")
    args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
    session.run("jupyter", "lab", "--notebook-dir=notebooks", *args, *session.posargs)


@nox.session(default=False)
def benchmarks(session: nox.Session) -> None:
    """Run the scripts in benchmarks/ and print their figures."""
    _sync(session, "test")
    for script in sorted(Path("benchmarks").glob("*.py")):
        session.run("python", str(script), *session.posargs)

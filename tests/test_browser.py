"""The rendered reports in a real browser: offline, error-free, drawn, interactive, accessible.

Each page is opened from its file path in headless Chromium (fixtures in conftest.py). The
checks read what Chromium itself records: its network events (the CDP ``Network`` domain, through
chromedriver's performance log) and its console. Without Chromium these tests skip, except
under CI=true, where they fail.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from selenium.webdriver.remote.webdriver import WebDriver

pytestmark = pytest.mark.browser

REPORTS = ("transfers", "policy", "sources")
PAGES = (*REPORTS, "index")
#: URL schemes a self-contained page may load: itself, inline data, and in-page objects.
LOCAL_SCHEMES = frozenset({"file", "data", "blob", "about"})
#: Documents of the browser's own UI (its new-tab page): their requests are not the page's.
BROWSER_UI_SCHEMES = frozenset({"chrome", "chrome-untrusted", "devtools"})
#: CDP Network events that mean the page asked for something.
REQUEST_EVENTS = frozenset({"Network.requestWillBeSent", "Network.webSocketCreated"})
#: The headline figures of transfers.html over the whole range, by their label.
HEADLINES = {
    "People transferred": "55",
    "Transfers": "2",
    "Largest transfer": "29",
    "Latest transfer": "26",
}
#: How long charts (drawn asynchronously by vega-embed) may take to appear.
DRAW_TIMEOUT_S = 20.0
XSS = "<script>window.__pwned = 1</script>"

#: For each div.chart: its id, the marks drawn (children of Vega's mark groups) and its text.
CHARTS_JS = """
return Array.from(document.querySelectorAll('div.chart')).map(function (div) {
  var marks = 0;
  div.querySelectorAll('svg g.role-mark').forEach(function (g) { marks += g.childElementCount; });
  return {id: div.id, svg: div.querySelectorAll('svg').length, marks: marks,
          text: div.textContent.slice(0, 200)};
});
"""
TOOLTIP_JS = """
var el = document.getElementById('vg-tooltip-element');
if (!el) { return null; }
var style = getComputedStyle(el);
return {cls: el.className, visibility: style.visibility, display: style.display,
        opacity: style.opacity, text: el.innerText};
"""
AXE_RUN_JS = """
var done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(function (r) {
  done(r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(function (n) {
              return n.target.join(' ') + ': ' + n.failureSummary; })};
  }));
}).catch(function (e) { done({error: String(e)}); });
"""


@dataclass
class Visit:
    """What happened while one page loaded and drew its charts."""

    url: str
    requested: list[str] = field(default_factory=list)
    console: list[dict[str, Any]] = field(default_factory=list)
    charts: list[dict[str, Any]] = field(default_factory=list)


def _charts_settled(driver: WebDriver) -> list[dict[str, Any]]:
    """Wait until every chart has drawn marks (or the timeout passes); return what they hold."""
    deadline = time.monotonic() + DRAW_TIMEOUT_S
    while True:
        charts: list[dict[str, Any]] = driver.execute_script(CHARTS_JS)
        if all(c["marks"] > 0 for c in charts) or time.monotonic() > deadline:
            return charts
        time.sleep(0.1)


def _requests(performance_log: list[dict[str, Any]]) -> list[str]:
    """URLs the page requested, from the CDP Network events in chromedriver's performance log."""
    urls = []
    for entry in performance_log:
        message = json.loads(entry["message"])["message"]
        if message.get("method") not in REQUEST_EVENTS:
            continue
        params = message.get("params", {})
        document = params.get("documentURL", "")
        if urlsplit(document).scheme in BROWSER_UI_SCHEMES:
            continue
        urls.append(params.get("request", {}).get("url") or params.get("url", ""))
    return urls


def visit(driver: WebDriver, path: Path) -> Visit:
    """Open ``path`` in a clean tab state and record its requests, console and charts."""
    driver.get("about:blank")
    driver.get_log("performance")  # drop what came before this page
    driver.get_log("browser")
    seen = Visit(path.as_uri())
    driver.get(seen.url)
    seen.charts = _charts_settled(driver)
    seen.requested = _requests(driver.get_log("performance"))
    seen.console = driver.get_log("browser")
    return seen


@pytest.fixture(scope="module")
def visits(chromium: WebDriver, rendered: Path) -> dict[str, Visit]:
    """Every page of the suite, opened once."""
    return {page: visit(chromium, rendered / f"{page}.html") for page in PAGES}


# -- offline, and without errors -----------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_no_request_leaves_the_page(visits: dict[str, Visit], page: str) -> None:
    seen = visits[page]
    assert seen.url in seen.requested, "the performance log recorded no network event at all"
    outside = [u for u in seen.requested if urlsplit(u).scheme not in LOCAL_SCHEMES]
    assert outside == [], f"{page}.html requested URLs outside the page: {outside}"


@pytest.mark.parametrize("page", PAGES)
def test_no_console_errors(visits: dict[str, Visit], page: str) -> None:
    errors = [e for e in visits[page].console if e.get("level") == "SEVERE"]
    assert errors == [], f"{page}.html logged errors: {errors}"


# -- charts --------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", REPORTS)
def test_every_chart_draws_its_marks(visits: dict[str, Visit], page: str) -> None:
    charts = visits[page].charts
    assert charts, f"{page}.html has no div.chart"
    for chart in charts:
        assert chart["svg"] >= 1, f"{page}.html #{chart['id']} has no SVG: {chart['text']!r}"
        assert chart["marks"] > 0, f"{page}.html #{chart['id']} drew no marks: {chart['text']!r}"


def _hover_until_tooltip(driver: WebDriver, css: str) -> dict[str, Any] | None:
    """Move the mouse over each mark matching ``css`` until vega-tooltip shows; its state."""
    from selenium.common.exceptions import WebDriverException  # noqa: PLC0415
    from selenium.webdriver.common.action_chains import ActionChains  # noqa: PLC0415
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    for mark in driver.find_elements(By.CSS_SELECTOR, css)[:20]:
        try:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", mark)
            ActionChains(driver).move_to_element(mark).perform()
        except WebDriverException:  # a mark too small or hidden to point at: try the next
            continue
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline:
            state: dict[str, Any] | None = driver.execute_script(TOOLTIP_JS)
            if state and "visible" in state["cls"].split() and state["text"].strip():
                return state
            time.sleep(0.05)
    return None


@pytest.mark.parametrize("page", REPORTS)
def test_a_tooltip_shows_on_hover(
    chromium: WebDriver, visits: dict[str, Visit], rendered: Path, page: str
) -> None:
    del visits  # opened first, so the page is known to draw
    chromium.get((rendered / f"{page}.html").as_uri())
    first_chart = _charts_settled(chromium)[0]["id"]
    state = _hover_until_tooltip(chromium, f"#{first_chart} svg g.role-mark > *")
    assert state is not None, f"no tooltip appeared over the marks of {page}.html #{first_chart}"
    assert state["visibility"] == "visible"
    assert state["display"] != "none"
    assert float(state["opacity"]) > 0


# -- figures -------------------------------------------------------------------------------------


def test_headline_numbers_read_26_29_and_55(chromium: WebDriver, rendered: Path) -> None:
    from selenium.webdriver.common.by import By  # noqa: PLC0415

    chromium.get((rendered / "transfers.html").as_uri())
    shown = {
        el.get_attribute("data-headline"): el.text.strip()
        for el in chromium.find_elements(By.CSS_SELECTOR, "span.value[data-headline]")
    }
    assert shown == HEADLINES
    for el in chromium.find_elements(By.CSS_SELECTOR, "span.value[data-headline]"):
        assert el.is_displayed(), f"headline {el.get_attribute('data-headline')} is not visible"


# -- accessibility -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_serious_violations(
    chromium: WebDriver, rendered: Path, axe_script: str, page: str
) -> None:
    chromium.get((rendered / f"{page}.html").as_uri())
    _charts_settled(chromium)  # check the drawn charts, not empty boxes
    chromium.execute_script(axe_script)
    result = chromium.execute_async_script(AXE_RUN_JS)
    assert not (isinstance(result, dict) and "error" in result), f"axe.run failed: {result}"
    bad = [v for v in result if v["impact"] in ("serious", "critical")]
    assert bad == [], f"{page}.html: axe-core found:\n" + json.dumps(bad, indent=1)


# -- source text is data, never markup -----------------------------------------------------------

XSS_SOURCE_ID = "001_0123456789abcdef"
XSS_TEXT = (
    "Officials in Mexico City said Wednesday that a message had been posted on a government "
    f"website. The posted message read “{XSS}” before it was taken down, a spokesperson said.\n"
)
XSS_META = f"""\
id: {XSS_SOURCE_ID}
published: 2025-08-13
language: en
kind: news article
outlet: null
url: null
title: null
"""
XSS_LEDGER = f"""\
source: {XSS_SOURCE_ID}
actors:
  - id: mx-spokesperson
    kind: person
    name: A spokesperson
    country: mx
    evidence: ["a spokesperson said"]
events:
  - id: posted-message-2025-08-13
    kind: statement
    title: "Website posts {XSS}"
    when: Wednesday
    date: 2025-08-13
    actors:
      - actor: mx-spokesperson
        role: speaker
        evidence: ["a spokesperson said"]
    evidence: ["The posted message read “{XSS}” before it was taken down"]
quotes:
  - id: posted-message-quote
    speaker: mx-spokesperson
    event: posted-message-2025-08-13
    when: Wednesday
    date: 2025-08-13
    text: ["{XSS}"]
    evidence: ["a spokesperson said"]
"""


def test_script_in_a_source_is_shown_not_run(
    chromium: WebDriver,
    seeds_copy: Path,
    tmp_path: Path,
    render_reports: Callable[[Path, Path | None], Path],
) -> None:
    (seeds_copy / "sources" / f"{XSS_SOURCE_ID}.txt").write_text(XSS_TEXT, encoding="utf-8")
    (seeds_copy / "sources" / f"{XSS_SOURCE_ID}.yaml").write_text(XSS_META, encoding="utf-8")
    (seeds_copy / "ledger" / f"{XSS_SOURCE_ID}.yaml").write_text(XSS_LEDGER, encoding="utf-8")
    out = render_reports(tmp_path / "out", seeds_copy)

    shown_on = []
    for page in PAGES:
        seen = visit(chromium, out / f"{page}.html")
        assert chromium.execute_script("return typeof window.__pwned") == "undefined", page
        if page == "policy":  # its timeline's tooltip shows the event's title, as text
            state = _hover_until_tooltip(chromium, "#chart-1 g.role-mark > [aria-label*='__pwned']")
            assert state is not None, "no tooltip over the event's mark"
            assert XSS in state["text"]
            assert chromium.execute_script("return typeof window.__pwned") == "undefined"
        assert [e for e in seen.console if e.get("level") == "SEVERE"] == [], page
        if XSS in chromium.execute_script("return document.body.innerText"):
            shown_on.append(page)
    # The event title and quote appear as text in the policy and sources reports.
    assert {"policy", "sources"} <= set(shown_on), f"the text was visible only on {shown_on}"

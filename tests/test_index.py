"""The index, the feed and the data folder as a reader finds them after several runs of the
real command into one folder, each rendering something else:

A. every report for the first time (policy with countries and a title full of markup);
B. only transfers, from a notebooks folder that holds nothing else, after a seed changed;
C. sources, with a notebook that fails: once where a good page exists, once where none does;
D. sources again, mended.

Runs start kernels (a few seconds a page), so they run once for the module.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import feedparser
import nbformat
import pytest
from conftest import SEEDS, run_cli, sha
from frictionless import validate

ROOT = Path(__file__).resolve().parents[1]
ATOM = "{http://www.w3.org/2005/Atom}"
TITLE = "Mexico <b>only</b> & co"
POLICY = "policy--countries-mexico-title-mexico-b-only-b-co"
NEVER = "sources--title-never-rendered"
BOOM = "the seeds say <b>boom</b>\\n   & more"

pytestmark = pytest.mark.slow


@dataclass
class Snapshot:
    index: str
    feed: bytes
    manifest: dict
    stderr: str
    returncode: int
    #: The pages in the folder (name -> sha256), and the failure records of pages never
    #: published.
    pages: dict[str, str]
    failures: dict[str, dict]


@dataclass
class Runs:
    out: Path
    seeds: Path
    only_transfers: Path
    a: Snapshot
    b: Snapshot
    c: Snapshot
    d: Snapshot


def _notebooks(folder: Path, orders: dict[str, int], keep: tuple[str, ...] = ()) -> Path:
    """A copy of the project's notebooks, each report given its ``order`` (or none)."""
    shutil.copytree(ROOT / "notebooks", folder)
    for path in folder.glob("*.ipynb"):
        if keep and path.stem not in keep:
            path.unlink()
            continue
        nb = nbformat.read(path, as_version=4)
        if "analysis" not in nb.metadata:
            continue
        if path.stem in orders:
            nb.metadata["analysis"]["order"] = orders[path.stem]
        else:
            nb.metadata["analysis"].pop("order", None)
        nbformat.write(nb, path)
    return folder


def _failing(folder: Path) -> Path:
    path = folder / "sources.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = nbformat.v4.new_code_cell(f"raise RuntimeError('{BOOM}')")
    cell.id = "made-to-fail"
    nb.cells.insert(3, cell)
    nbformat.write(nb, path)
    return folder


def _snapshot(out: Path, result: object) -> Snapshot:
    return Snapshot(
        (out / "index.html").read_text(encoding="utf-8"),
        (out / "feed.xml").read_bytes() if (out / "feed.xml").is_file() else b"",
        json.loads((out / ".manifest.json").read_text(encoding="utf-8")),
        result.stderr,  # type: ignore[attr-defined]
        result.returncode,  # type: ignore[attr-defined]
        {p.name: sha(p) for p in sorted(out.glob("*.html"))},
        {
            p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in out.glob("_failed/*.failure.json")
        },
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    root = tmp_path_factory.mktemp("index")
    seeds = root / "seeds"
    shutil.copytree(SEEDS, seeds)
    orders = {"sources": 1, "transfers": 2}  # policy has none: it comes last
    notebooks = _notebooks(root / "notebooks", orders)
    only_transfers = _notebooks(root / "only-transfers", orders, keep=("transfers",))
    failing = _failing(_notebooks(root / "failing", orders))
    out = root / "out"
    params = root / "params.yaml"
    params.write_text(
        "policy:\n  - {countries: [Mexico], title: " + json.dumps(TITLE) + "}\n"
        "transfers:\n  - {}\n"
        "sources:\n  - {}\n",
        encoding="utf-8",
    )
    both = root / "sources.yaml"
    both.write_text("sources:\n  - {}\n  - {title: Never rendered}\n", encoding="utf-8")

    def render(folder: Path, *args: str | Path) -> Snapshot:
        result = run_cli("--seeds", seeds, "--notebooks", folder, "render", "--out", out, *args)
        return _snapshot(out, result)

    a = render(notebooks, "--params-file", params)
    assert a.returncode == 0, a.stderr
    ledger = seeds / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = ledger.read_text(encoding="utf-8")
    recount = "    people: 30\n    derived: {people: a recount the test makes up}\n"
    ledger.write_text(text.replace("    people: 29\n", recount), encoding="utf-8")
    time.sleep(1.1)  # renders of one page a second apart at least: their times differ
    b = render(only_transfers, "transfers")
    assert b.returncode == 0, b.stderr
    c = render(failing, "--params-file", both)
    assert c.returncode == 1, c.stderr
    d = render(notebooks, "--params-file", both)
    assert d.returncode == 0, d.stderr
    return Runs(out, seeds, only_transfers, a, b, c, d)


def _cell_of(index: str, page: str) -> str:
    """The index row (its markup) that links ``page``."""
    for row in _rows(index):
        if f'href="{page}.html"' in row:
            return row
    msg = f"no row links {page}.html"
    raise AssertionError(msg)


def _rows(index: str) -> list[str]:
    return re.findall(r"<tr><td>.*?</tr>", index, re.DOTALL)


# -- the index -----------------------------------------------------------------------------------


def test_a_first_render_says_first_render(runs: Runs) -> None:
    rows = _rows(runs.a.index)
    assert len(rows) == 3
    for row in rows:
        assert "first render" in row
        assert "no change in headline figures" not in row


def test_rows_follow_the_reports_order_key(runs: Runs) -> None:
    """sources (order 1), transfers (2), then policy, which has no order."""
    links = re.findall(r'<td><a href="([^"]+)\.html">', runs.a.index)
    assert links == ["sources", "transfers", POLICY]


def test_a_later_run_of_another_report_keeps_each_rows_parameters_and_description(
    runs: Runs,
) -> None:
    # Run B rendered transfers only, from a folder of notebooks without policy or sources.
    row = html.unescape(_cell_of(runs.b.index, POLICY))
    assert "Security cooperation, tariff threats and exemptions" in row, "its description"
    assert 'countries = ["Mexico"]' in row, "its parameters"
    assert f'title = "{TITLE}"' in row
    assert "first render" in row, "what its own last render said"
    sources = html.unescape(_cell_of(runs.b.index, "sources"))
    assert "Every fact with the sentence it came from" in sources
    links = re.findall(r'<td><a href="([^"]+)\.html">', runs.b.index)
    assert links == ["sources", "transfers", POLICY], "still in order"


def test_the_index_says_what_changed(runs: Runs) -> None:
    row = _cell_of(runs.b.index, "transfers")
    assert "People transferred: 55 -&gt; 56" in row
    assert "first render" not in row


def test_markup_in_a_parameter_is_shown_as_text(runs: Runs) -> None:
    row = _cell_of(runs.a.index, POLICY)
    assert "<b>only</b>" not in row
    assert "Mexico &lt;b&gt;only&lt;/b&gt; &amp; co" in row


def test_a_failed_report_stays_listed_with_its_last_good_page_time_and_error(
    runs: Runs,
) -> None:
    assert runs.c.pages["sources.html"] == runs.a.pages["sources.html"], "its page stays"
    row = _cell_of(runs.c.index, "sources")
    failed_at = runs.c.manifest["sources"]["failed_at"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", failed_at)
    assert f'<time datetime="{failed_at}">' in row, "the time of the failure"
    assert "The last render failed" in row
    error = re.search(r'<code class="error">(.*?)</code>', row, re.DOTALL)
    assert error is not None
    shown = error.group(1)
    assert "\n" not in shown, "one line"
    assert "RuntimeError: the seeds say &lt;b&gt;boom&lt;/b&gt; &amp; more" in " ".join(
        shown.split()
    ), "escaped"
    assert "<b>boom</b>" not in runs.c.index
    assert str(runs.out) not in row, "paths are relative to the folder"
    assert "_failed/sources.ipynb" in row
    assert "52 facts from 1 source" in row, "the last good page's summary"


def test_a_report_that_never_rendered_is_listed_without_a_link(runs: Runs) -> None:
    assert f"{NEVER}.html" not in runs.c.pages
    assert f'href="{NEVER}.html"' not in runs.c.index
    row = next(r for r in _rows(runs.c.index) if "<strong>Never rendered</strong>" in r)
    assert "Not rendered: it failed" in row
    assert "RuntimeError: the seeds say &lt;b&gt;boom&lt;/b&gt;" in " ".join(row.split())
    assert "never rendered" in row
    assert list(runs.c.failures) == [f"{NEVER}.failure.json"]
    record = runs.c.failures[f"{NEVER}.failure.json"]
    assert f'<time datetime="{record["failed_at"]}">' in row
    # In the report's place: sources' pages first.
    assert _rows(runs.c.index).index(row) == 1


def test_a_failure_keeps_the_page_published_before(runs: Runs) -> None:
    manifest = runs.c.manifest["sources"]
    assert manifest["status"] == "failed"
    assert manifest["html_sha256"] == runs.a.manifest["sources"]["html_sha256"]
    assert manifest["rendered_at"] == runs.a.manifest["sources"]["rendered_at"]


def test_once_mended_the_failures_are_gone(runs: Runs) -> None:
    assert "failed" not in runs.d.index
    assert f'href="{NEVER}.html"' in runs.d.index
    assert runs.d.failures == {}
    assert runs.d.manifest["sources"]["status"] == "published"
    assert "first render" in _cell_of(runs.d.index, NEVER)


# -- the feed ------------------------------------------------------------------------------------


def test_the_index_links_the_feed(runs: Runs) -> None:
    head = runs.a.index.split("</head>")[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert 'href="feed.xml"' in head
    body = runs.a.index.split("<body")[1]
    assert '<a href="feed.xml"' in body, "a visible link too"


def test_the_feed_is_valid_atom_listing_each_render_that_changed_a_figure(runs: Runs) -> None:
    parsed = feedparser.parse(runs.d.feed)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    # Newest first: D's first render of the page that had never rendered (sources' own
    # figures did not change), B's recount, A's three first renders; run C published nothing.
    assert [(e.link, e.title) for e in parsed.entries[:2]] == [
        (f"{NEVER}.html", "Never rendered: first render"),
        (
            "transfers.html",
            (
                "Extraditions and transfers to the United States: Largest transfer: 29 -> 30; "
                "People transferred: 55 -> 56"
            ),
        ),
    ]
    assert sorted(e.link for e in parsed.entries[2:]) == sorted(
        ["sources.html", "transfers.html", f"{POLICY}.html"]
    )
    assert all(e.title.endswith(": first render") for e in parsed.entries[2:])
    assert len(parsed.entries) == 5
    assert parsed.entries[1].updated == runs.b.manifest["transfers"]["rendered_at"]
    assert "People transferred: 55 -&gt; 56" in parsed.entries[1].content[0].value
    updated = [e.updated for e in parsed.entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    assert [l.href for l in parsed.feed.links if l.rel == "self"] == ["feed.xml"]


def test_the_feed_keeps_its_entries_ids_from_run_to_run(runs: Runs) -> None:
    before = {e.id: e.title for e in feedparser.parse(runs.a.feed).entries}
    after = {e.id: e.title for e in feedparser.parse(runs.d.feed).entries}
    assert len(before) == 3
    assert before.items() <= after.items(), "earlier renders keep their ids and titles"


def test_the_feed_has_atoms_required_elements_and_escapes_markup(runs: Runs) -> None:
    root = ET.fromstring(runs.a.feed)
    assert root.tag == f"{ATOM}feed"
    for tag in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{tag}") is not None, tag
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for tag in ("id", "title", "updated", "link", "content"):
            assert entry.find(f"{ATOM}{tag}") is not None, tag
    links = {e.find(f"{ATOM}link").get("href"): e for e in entries}  # type: ignore[union-attr]
    policy = links[f"{POLICY}.html"]
    assert policy.findtext(f"{ATOM}title") == f"{TITLE}: first render"
    assert b"<b>only</b>" not in runs.a.feed


# -- the data ------------------------------------------------------------------------------------


def test_every_render_writes_a_valid_data_package_the_index_links(runs: Runs) -> None:
    data = runs.out / "data"
    report = validate(str(data / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    assert '<a href="data/datapackage.json"' in runs.d.index
    assert '<a href="data/events.csv"' in runs.d.index
    events = (data / "events.csv").read_text(encoding="utf-8")
    assert ",30," in events, "written from the seeds of the latest run (the recount)"


def test_an_unchanged_run_leaves_the_data_alone_and_mends_a_damaged_file(
    runs: Runs, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(runs.out, out)
    descriptor = out / "data" / "datapackage.json"
    stamp = descriptor.stat().st_mtime_ns
    args = ("--seeds", runs.seeds, "--notebooks", runs.only_transfers, "render", "transfers")
    again = run_cli(*args, "--out", out)
    assert again.returncode == 0, again.stderr
    assert "0 rendered, 1 skipped as unchanged" in again.stderr
    assert descriptor.stat().st_mtime_ns == stamp, "a current package is not written again"
    good = (out / "data" / "events.csv").read_bytes()
    (out / "data" / "events.csv").write_text("event_id\nforged\n", encoding="utf-8")
    mended = run_cli(*args, "--out", out)
    assert mended.returncode == 0, mended.stderr
    assert "0 rendered, 1 skipped as unchanged" in mended.stderr
    assert (out / "data" / "events.csv").read_bytes() == good
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [
        ".manifest.json",
        ".render.lock",
    ], "no temporary folder is left"

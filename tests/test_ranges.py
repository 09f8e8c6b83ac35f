"""Parameters that would select nothing, and pages of a range that holds nothing.

- A value that names nothing of its vocabulary (``-p countries=Mexcio``) and a range whose
  start is after its end exit 2, naming what was given and what is allowed, before any kernel
  starts: the command is run in this process with the renderer replaced by a stand-in that
  records whether it was reached, and nothing may be written.
- A valid range that holds no facts renders pages that say so in words, with no empty chart.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any

import altair as alt
import polars as pl
import pytest
from conftest import run_cli

import analysis
import analysis.ledger
from analysis import cli, paths
from analysis.render import kernels, run
from analysis.report import Report

if TYPE_CHECKING:
    from pathlib import Path

ALLOWED = (
    "the allowed values are the countries of the ledger, by name or id in any case: "
    "Mexico (mx), United States (us)"
)
REVERSED = "start '2025-09-01' is after end '2025-08-01', so the range holds no day"


class _Renderer:
    """Stands in for ``run.render_suite``, which starts the kernels: records each call."""

    def __init__(self) -> None:
        self.calls: list[list[Any]] = []

    def __call__(self, jobs: list[Any], out_dir: Path, **_: Any) -> run.RunResult:
        self.calls.append(jobs)
        return run.RunResult([], out_dir / "index.html")


@pytest.fixture
def renderer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> _Renderer:
    """The command in this process, with no kernel to start: the renderer is a stand-in and
    a kernel pool, were one made, fails the test."""
    stand_in = _Renderer()
    monkeypatch.setattr(run, "render_suite", stand_in)

    def no_kernels(*_: object, **__: object) -> None:
        pytest.fail("a kernel pool was made")

    monkeypatch.setattr(kernels, "KernelPool", no_kernels)
    monkeypatch.setenv(paths.CACHE_ENV, str(tmp_path / "cache"))
    return stand_in


def _main(*args: str | Path) -> int:
    return cli.main([str(a) for a in args])


def _params_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "params.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# -- a value that names nothing of the ledger -------------------------------------------------


@pytest.mark.parametrize(
    "how",
    ["named report", "whole suite", "params file", "list", "several"],
)
def test_a_misspelled_country_exits_2_with_the_closest_and_writes_nothing(
    how: str, tmp_path: Path, renderer: _Renderer, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args: list[str | Path] = {
        "named report": ["policy", "-p", "countries=Mexcio"],
        "whole suite": ["-p", "countries=Mexcio"],
        "params file": [
            "--params-file",
            _params_file(tmp_path, "policy:\n  - countries: [Mexico]\n  - countries: [Mexcio]\n"),
        ],
        "list": ["policy", "-p", "countries=[us, Mexcio]"],
        "several": ["policy", "-p", "countries=us,Mexcio"],
    }[how]
    assert _main("render", *args, "--out", out) == 2
    err = capsys.readouterr().err
    assert (
        "analysis render: report 'policy': parameter 'countries': unknown value 'Mexcio' "
        f"(did you mean 'Mexico'?), which would select nothing; {ALLOWED}\n"
    ) in err
    assert renderer.calls == [], "no render may start"
    assert not out.exists(), "nothing may be written"


def test_a_country_the_ledger_holds_renders(renderer: _Renderer, tmp_path: Path) -> None:
    assert _main("render", "policy", "-p", "countries=mexico,US", "--out", tmp_path / "out") == 0
    [jobs] = renderer.calls
    assert [j.parameters["countries"] for j in jobs] == [["mexico", "US"]]


def test_the_ledger_is_read_only_when_a_value_must_name_something_of_it(
    renderer: _Renderer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[object] = []
    real = analysis.ledger.load

    def counted(*args: Any, **kwargs: Any) -> analysis.Ledger:
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis.ledger, "load", counted)
    out = tmp_path / "out"
    assert _main("render", "-p", "start=2025-06-01", "-p", "countries=", "--out", out) == 0
    assert loads == []
    assert _main("render", "-p", "countries=Mexico", "--out", out) == 0
    assert len(loads) == 1
    assert len(renderer.calls) == 2


COUNTRY = """
  - id: ca
    kind: country
    name: Canada
    status: {status}
    evidence: ["Mexico has extradited 26 alleged cartel members to the United States"]
"""


def _with_canada(seeds: Path, status: str) -> Path:
    ledger = seeds / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = ledger.read_text(encoding="utf-8")
    added = text.replace("actors:\n", "actors:" + COUNTRY.format(status=status), 1)
    ledger.write_text(added, encoding="utf-8")
    return seeds


def test_the_countries_are_those_of_the_seeds_the_render_would_use(
    renderer: _Renderer,
    seeds_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = tmp_path / "out"
    assert _main("render", "policy", "-p", "countries=Canada", "--out", out) == 2
    assert "unknown value 'Canada', which would select nothing" in capsys.readouterr().err
    seeds = _with_canada(seeds_copy, "reviewed")
    assert _main("--seeds", seeds, "render", "policy", "-p", "countries=ca", "--out", out) == 0
    monkeypatch.setenv(paths.SEEDS_ENV, str(seeds))
    assert _main("render", "policy", "-p", "countries=Canada", "--out", out) == 0
    assert len(renderer.calls) == 2


def test_a_country_only_drafts_hold_needs_include_candidates(
    renderer: _Renderer, seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds, out = _with_canada(seeds_copy, "candidate"), tmp_path / "out"
    assert _main("--seeds", seeds, "render", "policy", "-p", "countries=Canada", "--out", out) == 2
    assert (
        "report 'policy': parameter 'countries': 'Canada' is only in unreviewed drafts "
        f"(set include_candidates=true to show it), which would select nothing; {ALLOWED}"
    ) in capsys.readouterr().err
    assert renderer.calls == []
    assert not out.exists()
    with_drafts = ["-p", "countries=Canada", "-p", "include_candidates=true"]
    assert _main("--seeds", seeds, "render", "policy", *with_drafts, "--out", out) == 0
    assert len(renderer.calls) == 1


# -- a range that ends before it starts ---------------------------------------------------------


@pytest.mark.parametrize("how", ["named report", "whole suite", "params file"])
def test_a_reversed_range_exits_2_naming_both_days_and_writes_nothing(
    how: str, tmp_path: Path, renderer: _Renderer, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    reversed_range = ["-p", "start=2025-09-01", "-p", "end=2025-08-01"]
    args: list[str | Path] = {
        "named report": ["transfers", *reversed_range],
        "whole suite": reversed_range,
        "params file": [
            "--params-file",
            _params_file(tmp_path, "transfers:\n  - {start: 2025-09-01, end: 2025-08-01}\n"),
        ],
    }[how]
    assert _main("render", *args, "--out", out) == 2
    err = capsys.readouterr().err
    report = "policy" if how == "whole suite" else "transfers"  # the suite's first with a range
    assert f"analysis render: report {report!r}: {REVERSED}; give a start on or before" in err
    assert renderer.calls == []
    assert not out.exists()


# -- the real command, as a user runs it ------------------------------------------------------


@pytest.mark.slow
def test_the_command_refuses_a_misspelled_country_and_writes_nothing(tmp_path: Path) -> None:
    result = run_cli("render", "policy", "-p", "countries=Mexcio", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "report 'policy': parameter 'countries': unknown value 'Mexcio'" in result.stderr
    assert "did you mean 'Mexico'?" in result.stderr
    assert ALLOWED in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_the_command_refuses_a_reversed_range_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("render", "-p", "start=2025-09-01", "-p", "end=2025-08-01", "--out", out)
    assert result.returncode == 2
    assert REVERSED in result.stderr
    assert not out.exists()


# -- a range that holds nothing ---------------------------------------------------------------

EMPTY = pl.DataFrame(schema={"day": pl.Date, "people": pl.Int64})
NOTHING = "Nothing to draw: no facts match the parameters of this page"


def _chart(data: pl.DataFrame) -> alt.Chart:
    return (
        alt.Chart(data)
        .mark_point()
        .encode(x="day:T", y="people:Q")
        .properties(title="Transfers over time", description="Timeline of transfers.")
    )


def test_an_empty_chart_says_so_in_words_with_no_script_and_no_download(
    ledger: analysis.Ledger,
) -> None:
    rep = Report(
        ledger,
        title="t",
        parameters={
            "start": "2030-01-01",
            "end": "2030-12-31",
            "countries": [],
            "title": "t",
            "include_candidates": False,
        },
    )
    block = rep.figure(_chart(EMPTY), "transfers").html
    assert block == (
        '<figure class="chart-figure chart-empty" data-name="transfers"><p class="nothing">'
        f"{NOTHING} (start 2030-01-01, end 2030-12-31).</p>"
        "<figcaption>Transfers over time</figcaption></figure>"
    )


def test_an_empty_layered_chart_says_so_too(ledger: analysis.Ledger) -> None:
    base = alt.Chart(EMPTY).encode(x="day:T", y="people:Q")
    rep = Report(ledger, title="t", parameters={"countries": ["Mexico", "<us>"]})
    block = rep.figure(base.mark_line() + base.mark_point(), "cumulative").html
    assert "<script" not in block
    assert f"{NOTHING} (countries Mexico, &lt;us&gt;).</p>" in block


def test_an_empty_chart_without_parameters_blames_the_ledger(ledger: analysis.Ledger) -> None:
    rep = Report(ledger, title="t", parameters={"title": "t", "include_candidates": True})
    block = rep.figure(_chart(EMPTY), "transfers").html
    assert "Nothing to draw: the ledger holds no facts for this chart." in block


def test_a_chart_with_data_is_drawn_with_its_download(ledger: analysis.Ledger) -> None:
    data = pl.DataFrame({"day": [dt.date(2025, 8, 12)], "people": [26]})
    rep = Report(ledger, title="t", parameters={"start": "2025-01-01"})
    block = rep.figure(_chart(data), "transfers").html
    assert '<div class="chart" id="chart-1"' in block
    assert "vegaEmbed(el, " in block
    assert "Download the data (transfers.csv, 1 row)" in block
    assert "Nothing to draw" not in block


def test_an_empty_table_says_so_and_offers_no_empty_download(ledger: analysis.Ledger) -> None:
    rep = Report(ledger, title="t", parameters={})
    empty = rep.table(EMPTY, {"day": "Day"}, caption="Transfers", name="transfers").html
    assert '<td colspan="1">Nothing in this range.</td>' in empty
    assert "download" not in empty
    one = pl.DataFrame({"day": [dt.date(2025, 8, 12)], "people": [26]})
    full = rep.table(one, {"day": "Day"}, caption="Transfers", name="transfers").html
    assert 'class="download-line"' in full


def _embedded_specs(page: str) -> list[dict[str, Any]]:
    """The Vega-Lite spec of every chart a page draws (each ``vegaEmbed(el, spec``)."""
    decoder = json.JSONDecoder()
    specs = []
    for match in re.finditer(r"vegaEmbed\(el, ", page):
        spec, _ = decoder.raw_decode(page, match.end())
        specs.append(spec)
    return specs


@pytest.mark.slow
def test_a_range_that_holds_no_facts_renders_pages_that_say_so_with_no_empty_chart(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    result = run_cli("render", "-p", "start=2030-01-01", "-p", "end=2030-12-31", "--out", out)
    assert result.returncode == 0, result.stderr
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    ranged = "--end-2030-12-31-start-2030-01-01.html"
    assert set(pages) == {f"transfers{ranged}", f"policy{ranged}", "sources.html", "index.html"}
    said = f"{NOTHING} (start 2030-01-01, end 2030-12-31).</p>"
    for name, page in pages.items():
        for spec in _embedded_specs(page):
            rows = {key: len(values) for key, values in spec.get("datasets", {}).items()}
            assert rows, f"{name}: a chart with no data of its own: {spec.get('description')}"
            assert all(rows.values()), f"{name}: an empty chart is drawn: {spec['description']}"
        assert ", 0 rows)" not in page, f"{name}: offers the download of an empty file"
        figures = page.count('<figure class="chart-figure')
        drawn, empty = len(_embedded_specs(page)), page.count(said)
        assert figures == drawn + empty, f"{name}: a figure is neither drawn nor explained"
    for report in ("transfers", "policy"):
        assert pages[f"{report}{ranged}"].count(said) >= 2, f"{report}: no empty chart said so"
    assert NOTHING not in pages["sources.html"], "sources has no range: everything is drawn"

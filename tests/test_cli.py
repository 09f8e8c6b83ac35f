"""The `analysis` command, driven as a user or a cron job would: a subprocess, its exit code,
its messages and the files it leaves."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import nbformat
import pytest
from conftest import run_cli, sha
from filelock import FileLock, Timeout

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


run = run_cli


# -- bad usage: exit 2, before any kernel starts ---------------------------------------------


def test_misspelled_parameter_exits_2_naming_it_and_the_known_ones(tmp_path: Path) -> None:
    result = run("render", "transfers", "-p", "strat=2025-01-01", "--out", tmp_path)
    assert result.returncode == 2
    assert "'strat'" in result.stderr
    assert "did you mean 'start'" in result.stderr
    assert "start, end, title, include_candidates" in result.stderr
    assert not list(tmp_path.glob("*.html")), "nothing may render after a bad parameter"


def test_invalid_date_parameter_exits_2_with_what_was_given(tmp_path: Path) -> None:
    result = run("render", "policy", "-p", "end=2025-02-30", "--out", tmp_path)
    assert result.returncode == 2
    assert "'end'" in result.stderr
    assert "'2025-02-30'" in result.stderr
    assert "not a calendar date" in result.stderr


def test_wrongly_typed_parameter_exits_2_saying_what_is_allowed(tmp_path: Path) -> None:
    result = run("render", "transfers", "-p", "include_candidates=maybe", "--out", tmp_path)
    assert result.returncode == 2
    assert "'include_candidates'" in result.stderr
    assert "true or false" in result.stderr
    assert "'maybe'" in result.stderr


def test_unknown_report_exits_2_listing_the_reports(tmp_path: Path) -> None:
    result = run("render", "extraditions", "--out", tmp_path)
    assert result.returncode == 2
    assert "'extraditions'" in result.stderr
    assert "policy, sources, transfers" in result.stderr


def test_unknown_option_exits_2(tmp_path: Path) -> None:
    result = run("render", "--frobnicate", "--out", tmp_path)
    assert result.returncode == 2
    assert "unrecognized arguments: --frobnicate" in result.stderr


# -- list, check, export, diff -----------------------------------------------------------------


def test_list_shows_each_reports_parameters_with_type_default_and_help() -> None:
    result = run("list")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "transfers: Extraditions and transfers" in out
    assert '  start: str = ""  # first day to include, YYYY-MM-DD; empty for the earliest' in out
    assert "  countries: list = []  # countries to show" in out
    assert "  include_candidates: bool = false" in out
    assert "explore" not in out, "the exploratory notebook is not a report"


def test_check_passes_on_the_shipped_seeds() -> None:
    result = run("check")
    assert result.returncode == 0, result.stderr
    assert "seeds OK: 1 sources, 10 events, 15 actors, 5 quotes, 6 allegations" in result.stdout
    assert "report transfers: 4 parameters OK" in result.stdout


def test_check_exits_2_naming_file_record_and_field_of_a_broken_ledger(seeds_copy: Path) -> None:
    ledger = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    ledger.write_text(
        ledger.read_text(encoding="utf-8").replace("    people: 29\n", "    people: many\n"),
        encoding="utf-8",
    )
    result = run("--seeds", seeds_copy, "check")
    assert result.returncode == 2
    assert "000_a622ddb6cab2c3b2.yaml" in result.stderr
    assert "record 'transfer-2025-02'" in result.stderr
    assert "field 'people'" in result.stderr
    assert "'many'" in result.stderr


def test_export_writes_every_frame_as_parquet(tmp_path: Path) -> None:
    result = run("export", "--format", "parquet", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(
        f"{n}.parquet"
        for n in (
            "sources",
            "sentences",
            "actors",
            "events",
            "event_actors",
            "quotes",
            "allegations",
            "claims",
            "event_values",
            "disputes",
            "evidence",
        )
    )


def test_diff_names_the_headline_figures_that_changed(tmp_path: Path) -> None:
    old, new = tmp_path / "old.summary.json", tmp_path / "new.summary.json"
    old.write_text(json.dumps({"figures": {"People transferred": 55, "Transfers": 2}}))
    new.write_text(json.dumps({"figures": {"People transferred": 92, "Transfers": 3}}))
    result = run("diff", old, new)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["People transferred: 55 -> 92", "Transfers: 2 -> 3"]


def test_diff_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = run("diff", tmp_path / "nope.json", tmp_path / "nope2.json")
    assert result.returncode == 2
    assert "nope.json" in result.stderr


# -- rendering: failure, overlap, incremental, params files -----------------------------------


def _failing_notebooks(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder)
    path = folder / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = nbformat.v4.new_code_cell("raise RuntimeError('the seeds say boom')")
    cell.id = "made-to-fail"
    nb.cells.insert(3, cell)
    nbformat.write(nb, path)
    return folder


def test_failed_report_exits_1_keeps_old_page_and_failed_notebook_and_renders_others(
    rendered: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(rendered, out, symlinks=True)  # every report published once already
    before = (out / "policy.html").read_bytes()

    notebooks = _failing_notebooks(tmp_path, "policy")
    result = run("--notebooks", notebooks, "render", "transfers", "policy", "--out", out, "--force")

    assert result.returncode == 1
    assert "report policy" in result.stderr
    assert '"countries": []' in result.stderr, "the message names the parameters"
    assert "cell" in result.stderr
    assert "RuntimeError: the seeds say boom" in result.stderr
    assert (out / "policy.html").read_bytes() == before, "the published page must stay as it was"
    failed = out / "_failed" / "policy.ipynb"
    assert failed.is_file()
    assert "the seeds say boom" in failed.read_text(encoding="utf-8")
    assert "transfers: rendered" in result.stderr
    assert "1 rendered, 0 skipped as unchanged, 1 failed" in result.stderr
    assert not list(out.glob(".*.tmp")), "no temporary file may be left behind"


def test_two_overlapping_renders_leave_valid_pages_and_a_consistent_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "analysis", "render", "transfers", "--force", "--out", str(out)]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], results
    assert any("waiting for it" in err for _, err in results), "the second run waits for the first"
    page = (out / "transfers.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.rstrip().endswith("</html>")
    manifest = json.loads((out / ".manifest.json").read_text(encoding="utf-8"))
    assert manifest["transfers"]["html_sha256"] == sha(out / "transfers.html")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="transfers.html"' in index
    assert "55 people in 2 transfers" in index


def test_unchanged_inputs_are_skipped_and_one_changed_seed_byte_renders_again(
    tmp_path: Path, seeds_copy: Path
) -> None:
    out = tmp_path / "out"
    first = run("--seeds", seeds_copy, "render", "transfers", "sources", "--out", out)
    assert first.returncode == 0, first.stderr
    stamp = (out / "transfers.html").stat().st_mtime_ns

    again = run("--seeds", seeds_copy, "render", "transfers", "sources", "--out", out)
    assert again.returncode == 0, again.stderr
    assert "0 rendered, 2 skipped as unchanged, 0 failed" in again.stderr
    assert (out / "transfers.html").stat().st_mtime_ns == stamp

    meta = seeds_copy / "sources" / "000_a622ddb6cab2c3b2.yaml"
    data = meta.read_bytes()
    meta.write_bytes(data.replace(b"language: en", b"language: EN", 1))  # one byte
    changed = run("--seeds", seeds_copy, "render", "transfers", "sources", "--out", out)
    assert changed.returncode == 0, changed.stderr
    assert "2 rendered, 0 skipped as unchanged, 0 failed" in changed.stderr


def test_params_file_renders_one_page_per_parameter_set(tmp_path: Path) -> None:
    params = tmp_path / "params.yaml"
    params.write_text(
        "policy:\n  - countries: [Mexico]\n  - countries: [United States]\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run("render", "--params-file", params, "--out", out)
    assert result.returncode == 0, result.stderr
    mexico = out / "policy--countries-mexico.html"
    us = out / "policy--countries-united-states.html"
    assert mexico.is_file()
    assert us.is_file()
    assert not (out / "transfers.html").exists(), "a params file renders the reports it names"
    summary = json.loads((out / "policy--countries-mexico.summary.json").read_text())
    assert summary["parameters"]["countries"] == ["Mexico"]
    # Mexico acted in both transfers and in Sheinbaum's statement, and is a party to the July
    # agreement ("both countries reached an agreement"); the US made the tariff threat.
    assert summary["figures"]["Transfers"] == 2
    assert summary["figures"]["Trade moves"] == 1
    us_summary = json.loads((out / "policy--countries-united-states.summary.json").read_text())
    assert us_summary["figures"]["Trade moves"] == 2
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'countries = ["Mexico"]' in html.unescape(index), "the index says the parameters"


def test_new_user_ingests_an_article_reviews_it_and_the_reports_show_two_sources(
    tmp_path: Path, seeds_copy: Path
) -> None:
    article = ROOT / "tests" / "fixtures" / "articles" / "feb_2025_transfer.txt"
    ingest = run("--seeds", seeds_copy, "ingest", article, "--published", "2025-02-28")
    assert ingest.returncode == 0, ingest.stderr
    drafts = [p for p in (seeds_copy / "ledger").glob("*.yaml") if not p.name.startswith("000_")]
    assert len(drafts) == 1
    draft = drafts[0]
    source_id = draft.stem

    # Before review: the default reports leave the draft out; asked to, they mark it.
    out = tmp_path / "out"
    unreviewed = run(
        "--seeds", seeds_copy, "render", "transfers", "-p", "include_candidates=true", "--out", out
    )
    assert unreviewed.returncode == 0, unreviewed.stderr
    page = next(out.glob("transfers--*.html")).read_text(encoding="utf-8")
    assert "unreviewed pieces of evidence for reviewed facts" in page

    # The reviewer accepts the draft as it is (the README's step 3).
    text = draft.read_text(encoding="utf-8")
    assert "\nstatus: candidate\n" in text
    draft.write_text(text.replace("\nstatus: candidate\n", "\n"), encoding="utf-8")
    assert run("--seeds", seeds_copy, "check").returncode == 0

    result = run("--seeds", seeds_copy, "render", "transfers", "sources", "--out", out)
    assert result.returncode == 0, result.stderr
    transfers = (out / "transfers.html").read_text(encoding="utf-8")
    assert 'data-headline="People transferred">55<' in transfers, "nothing is counted twice"
    assert 'data-headline="Transfers">2<' in transfers
    sources = (out / "sources.html").read_text(encoding="utf-8")
    # Named as a reader knows it (no outlet or title given: its publication day), with its file.
    assert "<strong>unknown outlet, published 28 February 2025</strong>" in sources
    assert f"file <code>{source_id}</code>" in sources, "the report lists the new source"
    summary = json.loads((out / "sources.summary.json").read_text(encoding="utf-8"))
    assert summary["figures"]["Sources"] == 2


def test_index_and_diff_say_which_headline_figures_changed(
    rendered: Path, tmp_path: Path, seeds_copy: Path
) -> None:
    # The first: every report rendered from the seeds as they are (seeds_copy is a copy).
    first, second = rendered, tmp_path / "second"
    shutil.copytree(first, second, symlinks=True)
    ledger = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = ledger.read_text(encoding="utf-8")
    # A figure that is not the article's must say how it is worked out (it is not stated).
    recount = "    people: 30\n    derived: {people: a recount the test makes up}\n"
    ledger.write_text(text.replace("    people: 29\n", recount), encoding="utf-8")

    result = run("--seeds", seeds_copy, "render", "transfers", "--out", second)
    assert result.returncode == 0, result.stderr
    assert "People transferred: 55 -> 56" in result.stderr
    index = (second / "index.html").read_text(encoding="utf-8")
    assert "People transferred: 55 -&gt; 56" in index
    assert "Largest transfer: 29 -&gt; 30" in index

    diff = run("diff", first, second)
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.splitlines() == [
        "transfers: Largest transfer: 29 -> 30",
        "transfers: People transferred: 55 -> 56",
    ]


# -- command-line conventions a scheduled job expects ------------------------------------------


def test_version_prints_the_installed_version() -> None:

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"analysis {version('analysis')}"


def test_global_options_work_after_the_subcommand_too(seeds_copy: Path) -> None:
    (seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml").write_text("source: [unclosed\n")
    before = run("--seeds", seeds_copy, "check")
    after = run("check", "--seeds", seeds_copy)
    assert before.returncode == after.returncode == 2
    assert "is not valid YAML" in after.stderr, "the option after the subcommand was used"


def test_a_list_parameter_takes_a_yaml_flow_list_as_a_params_file_does(tmp_path: Path) -> None:
    result = run("render", "policy", "-p", "countries=[Mexico, United States]", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "policy--countries-mexico+united-states.html"
    assert page.is_file(), sorted(p.name for p in tmp_path.iterdir())
    summary = json.loads(page.with_suffix("").with_suffix(".summary.json").read_text())
    assert summary["parameters"]["countries"] == ["Mexico", "United States"]


def test_a_parameter_for_the_whole_suite_skips_reports_that_lack_it(tmp_path: Path) -> None:
    result = run("render", "-p", "start=2025-06-01", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in tmp_path.glob("*.html"))
    assert names == [
        "index.html",
        "policy--start-2025-06-01.html",
        "sources.html",
        "transfers--start-2025-06-01.html",
    ]
    # A name that no report declares is still refused, with a suggestion.
    bad = run("render", "-p", "strat=2025-06-01", "--out", tmp_path / "bad")
    assert bad.returncode == 2
    assert "did you mean 'start'" in bad.stderr


def test_a_hanging_cell_is_stopped_by_the_execution_timeout(tmp_path: Path) -> None:
    folder = tmp_path / "notebooks"
    shutil.copytree(ROOT / "notebooks", folder)
    path = folder / "sources.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = nbformat.v4.new_code_cell("import time\ntime.sleep(600)")
    cell.id = "hangs"
    nb.cells.insert(3, cell)
    nbformat.write(nb, path)
    out = tmp_path / "out"
    result = run(
        "render",
        "sources",
        "--notebooks",
        folder,
        "--out",
        out,
        "--execution-timeout",
        "3",
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    assert "timed out" in result.stderr.lower()
    assert not (out / "sources.html").exists()
    assert (out / "_failed" / "sources.ipynb").is_file()
    # The lock is free again: the next render takes it at once (as `analysis render` does
    # first), so no kernel of the stopped run still holds it.
    lock = FileLock(str(out / ".render.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        pytest.fail("the lock is still held after the run ended")
    lock.release()


def test_keep_executed_keeps_the_executed_notebooks(tmp_path: Path) -> None:
    result = run("render", "sources", "--keep-executed", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    kept = nbformat.read(tmp_path / "_executed" / "sources.ipynb", as_version=4)
    assert any(c.get("outputs") for c in kept.cells if c.cell_type == "code")
    assert not (tmp_path / "_failed").exists()


def test_a_missing_notebooks_folder_exits_2_and_writes_nothing(tmp_path: Path) -> None:
    for command in ("render", "list"):
        result = run("--notebooks", tmp_path / "nope", command, "--out", tmp_path / "out")
        if command == "list":
            result = run("--notebooks", tmp_path / "nope", "list")
        assert result.returncode == 2, (command, result.stderr)
        assert "nope: is not a folder of notebooks" in result.stderr
    assert not (tmp_path / "out").exists()


def test_rendering_one_report_keeps_the_others_descriptions_on_the_index(
    rendered: Path, tmp_path: Path
) -> None:
    shutil.copytree(rendered, tmp_path, dirs_exist_ok=True, symlinks=True)  # every report
    result = run("render", "transfers", "--force", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    index = html.unescape((tmp_path / "index.html").read_text(encoding="utf-8"))
    assert "Security cooperation, tariff threats and exemptions" in index, "policy's description"
    assert "Every fact with the sentence it came from" in index, "sources' description"

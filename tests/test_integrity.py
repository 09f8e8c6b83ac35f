"""Every figure true to its words: numbers against their evidence, stated totals, disputes
between sources, quotes as printed, and one validation pass.

The expected values are read off the article (``seeds/sources/*.txt``) and the test fixture
``tests/fixtures/second_source`` (an invented second account), never from the code under test.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import polars as pl
import pytest
from conftest import SECOND_SOURCE, SEEDS, SOURCE_ID, render_into, run_cli

import analysis
from analysis import metrics
from analysis.report import Report

LEDGER = f"ledger/{SOURCE_ID}.yaml"
SECOND_LEDGER = "ledger/001_test_second_account.yaml"

#: The parts of the two quotes the article breaks by their attribution, as printed.
BONDI = (
    (
        "Today is the latest example of the Trump administration’s historic efforts to "
        "dismantle cartels and foreign terrorist organizations,"
    ),
    (
        "These 26 men have all played a role in bringing violence and drugs to American "
        "shores. Under this Department of Justice, they will face severe consequences. We are "
        "grateful to Mexico’s National Security team for their collaboration."
    ),
)
JOHNSON = (
    (
        "This transfer is yet another example of what is possible when two governments stand "
        "united against violence and impunity,"
    ),
    (
        "These fugitives will now face justice in U.S. courts, and the citizens of both of our "
        "nations will be safer from these common enemies."
    ),
)


def edit(seeds: Path, old: str, new: str, file: str = LEDGER) -> None:
    path = seeds / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def problems_of(seeds: Path) -> list[analysis.Problem]:
    with pytest.raises(analysis.LedgerError) as info:
        analysis.load(seeds)
    return info.value.problems


# -- numbers checked against their evidence ----------------------------------------------------


def test_a_count_its_evidence_contradicts_is_refused(seeds_copy: Path) -> None:
    edit(seeds_copy, "    people: 26\n", "    people: 27\n")
    (problem,) = problems_of(seeds_copy)
    assert (problem.record, problem.field) == ("transfer-2025-08-12", "people")
    assert "is 27, but its evidence states 26" in problem.message
    done = run_cli("--seeds", seeds_copy, "check")
    assert done.returncode == 2
    assert "seeds OK" not in done.stdout
    assert "record 'transfer-2025-08-12', field 'people': is 27" in done.stderr


def test_a_duration_its_evidence_contradicts_is_refused(seeds_copy: Path) -> None:
    edit(seeds_copy, "    duration_days: 90\n", "    duration_days: 60\n")
    (problem,) = problems_of(seeds_copy)
    assert (problem.record, problem.field) == ("tariff-exemption-extended-2025-07", "duration_days")
    assert "is 60, but its evidence states 90" in problem.message


def test_a_year_in_when_must_be_the_year_of_the_date(seeds_copy: Path) -> None:
    edit(seeds_copy, '    when: "1985"\n    date: 1985\n', '    when: "1985"\n    date: 1986\n')
    (problem,) = problems_of(seeds_copy)
    assert (problem.record, problem.field) == ("killing-of-enrique-camarena", "date")
    assert "1986" in problem.message
    assert "1985" in problem.message


def test_numbers_written_in_words_are_accepted(two_sources: Path) -> None:
    """The second account says "twenty-nine" and "fifty-five": both are read as numbers."""
    ledger = analysis.load(two_sources)
    values = ledger.event_values.filter(source_id="001_test_second_account", field="people")
    assert values["value"].to_list() == ["29"]
    assert 55 in ledger.claims["value"].to_list()


def test_a_number_in_words_that_differs_is_refused_naming_both(two_sources: Path) -> None:
    edit(two_sources, "    people: 29\n", "    people: 28\n", SECOND_LEDGER)
    (problem,) = problems_of(two_sources)
    assert (problem.record, problem.field) == ("supports transfer-2025-02", "people")
    assert "is 28, but its evidence states 29" in problem.message


def test_a_derived_number_without_its_marker_is_refused(seeds_copy: Path) -> None:
    derived_event = (
        "events:\n"
        "  - id: transfers-2025-total\n"
        "    kind: transfer\n"
        "    title: Both transfers of 2025\n"
        "    when: null\n"
        "    date: 2025\n"
        "    people: 55\n"
        "    origin: mx\n"
        "    destination: us\n"
        '    evidence: ["In February, Mexico extradited 29 cartel suspects"]\n'
    )
    edit(seeds_copy, "events:\n", derived_event)
    (problem,) = problems_of(seeds_copy)
    assert (problem.record, problem.field) == ("transfers-2025-total", "people")
    assert "is 55, but its evidence states 29" in problem.message
    assert "derived" in problem.message  # says how to mark it


def test_a_derived_number_with_its_marker_loads_and_the_page_marks_it(seeds_copy: Path) -> None:
    edit(
        seeds_copy,
        "    people: 26\n",
        '    people: 26\n    derived: {people: "the article\'s count, restated for the test"}\n',
    )
    ledger = analysis.load(seeds_copy)
    row = ledger.events.filter(event_id="transfer-2025-08-12").row(0, named=True)
    assert row["derived_fields"] == ["people"]
    assert row["derivation"] == ["the article's count, restated for the test"]
    page = Report(ledger, title="t", parameters={}).table(
        metrics.transfers(ledger), {"title": "Transfer", "people": "People"}, caption="c", name="n"
    )
    (people,) = (h for h in metrics.transfer_headlines(ledger) if h.label == "People transferred")
    assert people.note == "includes 1 derived count"
    cells = re.findall(r"<td[^>]*>(.*?)</td>", page.html)
    marked = [c for c in cells if c.startswith("26 ")]
    assert len(marked) == 1
    assert 'class="derived"' in marked[0]
    assert marked[0].endswith("derived: the article&#x27;s count, restated for the test</span>")


def test_a_derived_marker_on_a_field_without_a_value_is_refused(seeds_copy: Path) -> None:
    edit(seeds_copy, "    people: 29\n", "    people: 29\n    derived: {duration_days: made up}\n")
    (problem,) = problems_of(seeds_copy)
    assert (problem.record, problem.field) == ("transfer-2025-02", "derived")


# -- stated totals -----------------------------------------------------------------------------


def test_stated_totals_are_compared_with_the_ledger(two_sources: Path) -> None:
    """55 people in 2025 agrees (26 + 29); 92 since January does not; "the third transfer"
    does not either (the ledger holds two, the August one second)."""
    claims = analysis.load(two_sources).claims.sort("claim_id")
    assert claims.select("claim_id", "value", "ledger_value", "agrees").rows() == [
        ("third-transfer", 3, 2, False),
        ("total-since-january-2025", 92, 55, False),
        ("total-two-transfers-2025", 55, 55, True),
    ]


def test_a_disagreeing_total_is_a_warning_of_check(two_sources: Path) -> None:
    done = run_cli("--seeds", two_sources, "check")
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "warning:" in line]
    totals = [w for w in warnings if "field 'value'" in w]
    assert len(totals) == 2, done.stderr
    assert any("'total-since-january-2025'" in w and "= 92" in w and "55" in w for w in totals)
    strict = run_cli("--seeds", two_sources, "check", "--strict")
    assert strict.returncode == 1


def test_the_shipped_seeds_check_clean_with_no_warning() -> None:
    done = run_cli("check", "--strict")
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr
    assert done.stdout.startswith("seeds OK: 1 sources, 10 events")


def test_a_claim_value_its_evidence_does_not_state_is_refused(two_sources: Path) -> None:
    edit(two_sources, "    value: 92\n", "    value: 93\n", SECOND_LEDGER)
    (problem,) = problems_of(two_sources)
    assert (problem.record, problem.field) == ("total-since-january-2025", "value")
    assert "is 93, but its evidence states 92" in problem.message


# -- disputes ----------------------------------------------------------------------------------


def test_a_second_date_for_the_29_is_one_event_and_one_dispute(two_sources: Path) -> None:
    ledger = analysis.load(two_sources)
    transfers = ledger.events.filter(kind="transfer")
    assert transfers.height == 2
    assert int(transfers["people"].sum()) == 55
    (dispute,) = ledger.disputes.to_dicts()
    assert dispute["event_id"] == "transfer-2025-02"
    assert dispute["field"] == "date"
    assert sorted(zip(dispute["source_ids"], dispute["values"], strict=True)) == [
        (SOURCE_ID, "2025-02"),
        ("001_test_second_account", "2025-02-28"),
    ]
    # The most precise date is shown, and the event says its sources differ.
    assert (dispute["shown_value"], str(dispute["rule"])) == ("2025-02-28", "most precise")
    assert dispute["compatible"] is True
    feb = transfers.filter(event_id="transfer-2025-02").row(0, named=True)
    assert (str(feb["date"]), feb["date_precision"]) == ("2025-02-28", "day")
    assert feb["date_as_written"] == "on 28 February"
    assert feb["disputed_fields"] == ["date"]
    heads = {h.label: h.value for h in metrics.transfer_headlines(ledger)}
    assert (heads["People transferred"], heads["Transfers"]) == (55, 2)


def test_a_reviewer_accepts_one_value(two_sources: Path) -> None:
    """With the less precise value accepted... the second source's value is accepted instead
    of the record's when it says so."""
    edit(two_sources, "    people: 29\n", "    people: 29\n    accept: [date]\n", SECOND_LEDGER)
    (dispute,) = analysis.load(two_sources).disputes.to_dicts()
    assert str(dispute["rule"]) == "accepted by a reviewer"
    assert dispute["shown_source_id"] == "001_test_second_account"


def test_a_conflicting_day_is_a_dispute_in_fact(two_sources: Path) -> None:
    """27 February against the record's month: both precise to the day would conflict; here
    the support's 27 February is more precise than February and inside it (compatible), so
    make the record precise too and see the conflict."""
    edit(two_sources, "    date: 2025-02-28\n", "    date: 2025-03-03\n", SECOND_LEDGER)
    edit(two_sources, "    when: on 28 February\n", "    when: on 3 March\n", SECOND_LEDGER)
    (dispute,) = analysis.load(two_sources).disputes.to_dicts()
    assert dispute["compatible"] is False  # 3 March is not in February
    done = run_cli("--seeds", two_sources, "check")
    assert "sources differ (they conflict)" in done.stderr


def test_two_accepted_values_for_one_field_are_refused(two_sources: Path) -> None:
    second = (
        "  - fact: transfer-2025-02\n"
        "    date: 2025-02\n"
        "    accept: [date]\n"
        '    evidence: ["Tuesday\'s handover was the third transfer"]\n'
    )
    edit(two_sources, "    people: 29\n", "    people: 29\n    accept: [date]\n", SECOND_LEDGER)
    edit(two_sources, "\nclaims:\n", "\n" + second + "\nclaims:\n", SECOND_LEDGER)
    problems = problems_of(two_sources)
    assert [(p.field, "accepts 'date'" in p.message) for p in problems] == [("accept", True)]


def test_a_candidate_support_does_not_change_what_reviewed_pages_show(two_sources: Path) -> None:
    edit(
        two_sources,
        "source: 001_test_second_account\n",
        "source: 001_test_second_account\nstatus: candidate\n",
        SECOND_LEDGER,
    )
    reviewed = analysis.load(two_sources)
    assert reviewed.disputes.is_empty()
    feb = reviewed.events.filter(event_id="transfer-2025-02").row(0, named=True)
    assert (str(feb["date"]), feb["date_precision"]) == ("2025-02-01", "month")
    drafts = analysis.load(two_sources, include_candidates=True)
    assert drafts.disputes.height == 1


# -- one validation pass -----------------------------------------------------------------------


def test_three_problems_in_one_record_give_three_messages(seeds_copy: Path) -> None:
    """A wrong type, a wrong reference and evidence not in the source, all in the February
    transfer: each is reported in the same run, sorted by line."""
    edit(seeds_copy, "    people: 29\n", "    people: many\n")
    edit(
        seeds_copy,
        "    origin: mx\n    destination: us\n    actors:\n      - actor: rafael",
        "    origin: mexico\n    destination: us\n    actors:\n      - actor: rafael",
    )
    edit(seeds_copy, 'evidence: ["In February, Mexico', 'evidence: ["In Februar, Mexico')
    done = run_cli("--seeds", seeds_copy, "check")
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.startswith("  - ")]
    assert len(lines) == 3, done.stderr
    fields = [re.search(r"field '([^']+)'", line).group(1) for line in lines]  # type: ignore[union-attr]
    assert sorted(fields) == ["evidence[0]", "origin", "people"]
    numbers = [int(re.search(r"\.yaml:(\d+)", line).group(1)) for line in lines]  # type: ignore[union-attr]
    assert numbers == sorted(numbers)
    assert "3 problems in the seeds" in done.stderr


def test_problems_in_two_files_are_reported_together_by_file(two_sources: Path) -> None:
    edit(two_sources, "    people: 26\n", "    people: 27\n")
    edit(two_sources, "    value: 92\n", "    value: 93\n", SECOND_LEDGER)
    problems = problems_of(two_sources)
    assert [Path(p.file).name for p in problems] == [
        f"{SOURCE_ID}.yaml",
        "001_test_second_account.yaml",
    ]


def test_a_broken_header_is_reported_once_and_the_records_still_checked(seeds_copy: Path) -> None:
    edit(seeds_copy, f"source: {SOURCE_ID}\n", "source: 000_not_a_source\n")
    edit(
        seeds_copy,
        "    origin: mx\n    destination: us\n    description",
        "    origin: mexico\n    destination: us\n    description",
    )
    problems = problems_of(seeds_copy)
    messages = [(p.field, p.message) for p in problems]
    assert len(problems) == 3, messages
    assert [field for field, _ in messages] == ["source", "source", "origin"]
    assert "000_not_a_source" in messages[0][1]
    assert "not checked" in messages[1][1]


# -- pages -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def two_source_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("two") / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(SECOND_SOURCE, seeds, dirs_exist_ok=True)
    return render_into(tmp_path_factory.mktemp("two-out") / "reports", seeds)


def _text(page: Path) -> str:
    """The page as a reader sees its words (tags and scripts left out)."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def _section(text: str, heading: str, until: str) -> str:
    start = text.index(heading)
    return text[start : text.index(until, start + len(heading))]


def test_the_sources_page_lists_stated_totals_under_a_warning(two_source_pages: Path) -> None:
    page = (two_source_pages / "sources.html").read_text(encoding="utf-8")
    assert 'class="warnings"' in page
    text = _text(two_source_pages / "sources.html")
    warning = _section(
        text,
        "Totals the sources state that the ledger does not reach",
        "Totals the sources state When",
    )
    assert "states 92" in warning
    assert "the ledger has 55" in warning
    assert "the ledger has 2" in warning  # the third transfer
    table = _section(text, "Totals the sources state, against the ledger", "Download the data")
    assert "92 people have been sent in total since January" in table
    assert "fifty-five people have been sent north in two transfers this year 55 55 agrees" in table


def test_the_sources_page_lists_each_source_s_value_of_a_dispute(two_source_pages: Path) -> None:
    text = _text(two_source_pages / "sources.html")
    table = _section(text, "Values the sources give differently", "Download the data")
    assert "2025-02 In February, Mexico extradited 29 cartel suspects" in table
    assert (
        "2025-02-28 Mexico handed twenty-nine cartel suspects to U.S. authorities on 28 February"
        in table
    )
    assert "most precise" in table


def test_the_transfers_page_says_the_sources_differ_on_the_date(two_source_pages: Path) -> None:
    page = (two_source_pages / "transfers.html").read_text(encoding="utf-8")
    row = next(
        r
        for r in re.findall(r"<tr>.*?</tr>", page, re.DOTALL)
        if "29 cartel suspects" in r and "<td" in r
    )
    assert "28 February 2025 (“on 28 February”)" in row
    assert 'class="disputed"' in row
    assert "sources differ" in row
    text = _text(two_source_pages / "transfers.html")
    assert "55 people in 2 transfers" in text


def _csv_downloads(page: Path) -> dict[str, list[dict[str, str]]]:
    raw = page.read_text(encoding="utf-8")
    out = {}
    for name, payload in re.findall(
        r'download="([^"]+)" href="data:text/csv;charset=utf-8;base64,([^"]+)"', raw
    ):
        out[name] = list(csv.DictReader(io.StringIO(base64.b64decode(payload).decode("utf-8"))))
    return out


def test_quotes_keep_their_parts_on_every_page_and_in_the_csv(rendered: Path) -> None:
    pages = sorted(rendered.glob("*.html"))
    assert {p.stem for p in pages} >= {"transfers", "policy", "sources", "index"}
    for page in pages:
        raw = html.unescape(page.read_text(encoding="utf-8"))
        # Never re-punctuated into one sentence.
        assert "organizations, These 26 men" not in raw, page.name
        assert "impunity, These fugitives" not in raw, page.name
    policy = _text(rendered / "policy.html")
    for parts in (BONDI, JOHNSON):
        assert " […] ".join(parts) in policy
    quotes = _csv_downloads(rendered / "policy.html")["quotes.csv"]
    by_first = {json.loads(row["parts"])[0]: row for row in quotes}
    for parts in (BONDI, JOHNSON):
        row = by_first[parts[0]]
        assert json.loads(row["parts"]) == list(parts)
        assert row["text"] == " […] ".join(parts)


def _quoted_passages(article: str) -> list[str]:
    """Every passage of the article in quotation marks, and every sentence holding one."""
    return re.findall(r"“([^“”]+)", article)


def test_no_quote_on_any_page_is_cut_inside_a_word(rendered: Path, article: str) -> None:
    passages = _quoted_passages(article)
    assert len(passages) >= 6
    for page in sorted(rendered.glob("*.html")):
        raw = html.unescape(page.read_text(encoding="utf-8"))
        for passage in passages:
            head = passage[:24]
            for m in re.finditer(re.escape(head), raw):
                shown = raw[m.start() : m.start() + len(passage)]
                n = next(
                    (i for i, (a, b) in enumerate(zip(shown, passage, strict=False)) if a != b),
                    len(passage),
                )
                if n == len(passage):
                    continue
                # Where the page stops following the passage, a word must not be split.
                assert not (passage[n - 1].isalnum() and passage[n].isalnum()), (
                    f"{page.name}: a quote is cut inside a word: {shown[: n + 3]!r}"
                )


def test_a_shortened_quote_ends_with_an_ellipsis_outside_its_marks(ledger: analysis.Ledger) -> None:
    labels = metrics.fact_evidence(ledger).filter(pl.col("fact_type") == "quote")["fact"]
    bondi = next(label for label in labels if label.startswith("Pam Bondi"))
    assert bondi.endswith("” …")
    inside = bondi[bondi.index("“") + 1 : bondi.index("”")]
    assert BONDI[0].startswith(inside)
    assert BONDI[0][len(inside)] == " "  # cut at a word boundary


def test_a_check_that_rests_on_a_broken_field_says_it_did_not_run(seeds_copy: Path) -> None:
    """The count cannot be checked against evidence that is itself invalid: both are said."""
    edit(
        seeds_copy,
        '    evidence: ["In February, Mexico extradited 29 cartel suspects, including infamous drug '
        'lord Rafael Caro Quintero"]\n',
        "    evidence: 29\n",
    )
    problems = problems_of(seeds_copy)
    by_field = {p.field: p.message for p in problems if p.record == "transfer-2025-02"}
    assert set(by_field) == {"evidence", "people"}, [str(p) for p in problems]
    assert "not checked against the evidence" in by_field["people"]


def test_a_count_the_sources_give_differently_keeps_the_record_s_and_says_so(
    two_sources: Path,
) -> None:
    text = two_sources / "sources" / "001_test_second_account.txt"
    text.write_text(
        text.read_text(encoding="utf-8") + "Another official put the February group at 30.\n",
        encoding="utf-8",
    )
    edit(
        two_sources,
        "\nclaims:\n",
        "\n  - fact: transfer-2025-02\n    people: 30\n"
        '    evidence: ["Another official put the February group at 30."]\n\nclaims:\n',
        SECOND_LEDGER,
    )
    ledger = analysis.load(two_sources)
    people = ledger.disputes.filter(field="people").to_dicts()
    assert len(people) == 1
    # The record, the second source's 29 and its 30: one value per claim, with its source.
    assert sorted(people[0]["values"]) == ["29", "29", "30"]
    assert (people[0]["shown_value"], str(people[0]["rule"])) == ("29", "recorded first")
    assert people[0]["compatible"] is False
    feb = ledger.events.filter(event_id="transfer-2025-02").row(0, named=True)
    assert feb["people"] == 29
    assert feb["disputed_fields"] == ["date", "people"]
    (total,) = (h for h in metrics.transfer_headlines(ledger) if h.label == "People transferred")
    assert total.value == 55
    assert total.note == "sources differ on 1 count (see Sources)"

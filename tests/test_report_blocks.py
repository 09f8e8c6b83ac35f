"""Page blocks built by analysis.report: escaping, evidence links, unreviewed marks."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import polars as pl

import analysis
from analysis import metrics
from analysis.report import Report, script_json

if TYPE_CHECKING:
    from pathlib import Path

CANDIDATE_TRANSFER = """
  - id: candidate-transfer
    kind: transfer
    status: candidate
    title: A drafted transfer of 4 people
    when: Tuesday
    date: 2025-08-12
    people: 4
    derived: {people: a count the test makes up; no sentence states it}
    origin: mx
    destination: us
    evidence: ["U.S. officials confirmed Tuesday"]
"""


def _with_candidate(seeds_copy: Path) -> Path:
    ledger = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = ledger.read_text(encoding="utf-8")
    ledger.write_text(
        text.replace("events:\n", "events:" + CANDIDATE_TRANSFER, 1), encoding="utf-8"
    )
    return seeds_copy


def test_script_json_cannot_close_its_script_element() -> None:
    text = script_json({"quote": "</script><script>alert(1)</script> & <b>"})
    assert "<" not in text
    assert ">" not in text
    assert json.loads(text) == {"quote": "</script><script>alert(1)</script> & <b>"}


def test_table_escapes_source_text(ledger: analysis.Ledger) -> None:
    rep = Report(ledger, title="t", parameters={})
    frame = pl.DataFrame({"text": ["<img src=x onerror=alert(1)>"]})
    html = rep.table(frame, {"text": "Text"}, caption="c", name="n").html
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_headline_links_its_sentences_and_the_evidence_section_holds_them(
    ledger: analysis.Ledger,
) -> None:
    rep = Report(ledger, title="t", parameters={})
    heads = rep.headlines(metrics.transfer_headlines(ledger)).html
    assert 'href="#s-000_a622ddb6cab2c3b2-1"' in heads
    evidence = rep.evidence().html
    assert '<li id="s-000_a622ddb6cab2c3b2-1">' in evidence
    assert "Mexico has extradited 26 alleged cartel members" in evidence


def test_candidate_transfer_is_left_out_by_default(seeds_copy: Path) -> None:
    seeds = _with_candidate(seeds_copy)
    ledger = analysis.load(seeds)
    heads = metrics.transfer_headlines(ledger)
    assert {h.label: h.value for h in heads}["People transferred"] == 55
    assert "unreviewed" not in Report(ledger, title="t", parameters={}).header().html


def test_candidate_transfer_is_marked_unreviewed_where_it_appears(seeds_copy: Path) -> None:
    ledger = analysis.load(_with_candidate(seeds_copy), include_candidates=True)
    heads = metrics.transfer_headlines(ledger)
    assert {h.label: h.value for h in heads}["People transferred"] == 59
    rep = Report(ledger, title="t", parameters={})
    assert "includes 1 unreviewed" in rep.headlines(heads).html
    assert "1 unreviewed candidate facts" in rep.header().html
    table = rep.table(metrics.transfers(ledger), {"title": "Transfer"}, caption="c", name="n").html
    assert (
        '<td data-label="Transfer" class="long"><span class="unreviewed">unreviewed</span> '
        "A drafted transfer of 4 people</td>" in table
    )
    timeline = metrics.transfers_by_date(ledger)
    assert timeline.filter(pl.col("unreviewed") > 0)["people"].to_list() == [30]

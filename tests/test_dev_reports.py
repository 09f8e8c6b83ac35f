"""End to end on the development articles: ingest every one into a copy of the shipped seeds,
accept every draft, and the ledger must pass ``analysis check`` and give the transfers and
totals an annotator gave (``benchmarks/articles/dev/expected.yaml``, written from the texts by
someone who neither ran nor read the extractor). Every count the transfers report prints
comes from these frames (``analysis.metrics.transfer_headlines`` and ``transfers``).

The development articles are the ones the rules were tuned against: this says the pipeline
holds together on them, not how well it does on new text (``benchmarks/extraction.py --set
test`` says that).
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import analysis
from analysis.cli import main
from analysis.dates import ledger_date
from analysis.ingest import ingest_file
from analysis.ingest.review import review_draft
from analysis.metrics import transfer_headlines

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "benchmarks" / "articles" / "dev"
EXPECTED: dict[str, Any] = yaml.safe_load((DEV / "expected.yaml").read_text(encoding="utf-8"))
SEED = "000_a622ddb6cab2c3b2"


@pytest.fixture(scope="module")
def dev_seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The seeds with every development article ingested in order and accepted; and each
    source id's article id."""
    seeds = tmp_path_factory.mktemp("dev") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds, ignore=shutil.ignore_patterns(".ingest.lock"))
    articles = {SEED: SEED}
    for article in EXPECTED["articles"]:
        meta = yaml.safe_load((DEV / f"{article}.yaml").read_text(encoding="utf-8"))
        result = ingest_file(
            DEV / f"{article}.txt", published=meta["published"], title=meta["title"], seeds=seeds
        )
        assert result.created, result.message
        review_draft(result.source_id, accept_all=True, seeds=seeds)
        articles[result.source_id] = article
    return seeds, articles


def test_the_accepted_drafts_pass_check(dev_seeds: tuple[Path, dict[str, str]]) -> None:
    seeds, _ = dev_seeds
    assert main(["check", "--seeds", str(seeds)]) == 0


def test_the_transfers_are_the_annotator_s(dev_seeds: tuple[Path, dict[str, str]]) -> None:
    seeds, articles = dev_seeds
    ledger = analysis.load(seeds)
    events = ledger.events.filter(kind="transfer")
    sources = ledger.evidence.filter(fact_type="event").group_by("fact_id").agg("source_id")
    reported = {r["fact_id"]: set(r["source_id"]) for r in sources.iter_rows(named=True)}
    found = Counter(
        (
            ledger_date(e["date"], e["date_precision"]), e["people"], e["origin_id"],
            e["destination_id"], frozenset(articles[s] for s in reported.get(e["event_id"], [])),
        )
        for e in events.iter_rows(named=True)
    )  # fmt: skip
    expected = Counter(
        (
            t["date"], t["people"], t["origin"], t["destination"], frozenset(t["reported_by"]),
        )
        for t in EXPECTED["transfers"]
    )  # fmt: skip
    assert found == expected


def test_the_report_s_headline_counts_are_the_annotator_s_sums(
    dev_seeds: tuple[Path, dict[str, str]],
) -> None:
    seeds, _ = dev_seeds
    figures = {h.label: h.value for h in transfer_headlines(analysis.load(seeds))}
    assert figures["People transferred"] == EXPECTED["totals"]["people"]
    assert figures["Transfers"] == EXPECTED["totals"]["transfers"]
    assert figures["People transferred"] == sum(t["people"] for t in EXPECTED["transfers"])


def test_the_disputes_are_the_annotator_s(dev_seeds: tuple[Path, dict[str, str]]) -> None:
    seeds, _ = dev_seeds
    ledger = analysis.load(seeds)
    shown = ledger.events.select("event_id", "date", "date_precision")
    disputed = ledger.disputes.join(shown, on="event_id")
    found = sorted(
        (r["field"], ledger_date(r["date"], r["date_precision"]))
        for r in disputed.iter_rows(named=True)
    )
    expected = sorted(
        (d["field"], d["shown"]) for t in EXPECTED["transfers"] for d in t["disputes"]
    )
    assert found == expected


def test_the_stated_totals_are_the_annotator_s(dev_seeds: tuple[Path, dict[str, str]]) -> None:
    """Each total a text states is a claim, never a transfer, and the ledger says whether it
    agrees: the article, what is counted, the value and the verdict are compared. The figure
    the ledger computes is not: it depends on the period, which the annotator sometimes read
    from beyond the sentence (an ``as_of`` before the publication day, a ``since`` from the
    article's "this year")."""
    seeds, articles = dev_seeds
    ledger = analysis.load(seeds)
    claims = [
        (articles[c["source_id"]], str(c["about"]), c["value"], c["agrees"])
        for c in ledger.claims.iter_rows(named=True)
    ]
    expected = [
        (t["article"], t["kind"], t["value"], t["agrees"]) for t in EXPECTED["stated_totals"]
    ]
    assert Counter(claims) == Counter(expected)

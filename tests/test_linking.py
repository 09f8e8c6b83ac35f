"""Linking a new source's facts to those already in the seeds, reviewed or candidate.

The articles (``tests/fixtures/articles/linking/``) were written for these tests: three short
reports of one transfer of 14 people, naming the same two officials and the Justice Department
each in another form; one that reports a new transfer in one paragraph, mentions the February
transfer of the seeds in another and gives the new one's charges in a third; one that dates the
seeds' August transfer a day later. Expected values are typed from reading them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import analysis
from analysis.ingest import ingest_file, link

ARTICLES = Path(__file__).parent / "fixtures" / "articles" / "linking"
MONROE = [ARTICLES / f"monroe_{n}.txt" for n in (1, 2, 3)]
TWO_TRANSFERS = ARTICLES / "two_transfers.txt"
ONE_DAY_OFF = ARTICLES / "one_day_off.txt"


def draft_of(path: Path | None) -> dict[str, Any]:
    assert path is not None
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def supported(draft: dict[str, Any]) -> list[str]:
    return [entry["fact"] for entry in draft.get("supports", [])]


def three_drafts(seeds: Path) -> list[dict[str, Any]]:
    return [
        draft_of(ingest_file(a, published="2025-03-07", seeds=seeds).ledger_path) for a in MONROE
    ]


@pytest.fixture
def bare_seeds(tmp_path: Path) -> Path:
    """Seeds with one source that knows two countries and no organisation."""
    root = tmp_path / "seeds"
    (root / "sources").mkdir(parents=True)
    (root / "ledger").mkdir()
    (root / "sources" / "000_base.txt").write_text(
        "Mexico and the United States signed a security accord on Monday.\n", encoding="utf-8"
    )
    (root / "sources" / "000_base.yaml").write_text(
        "id: 000_base\npublished: 2025-03-01\nlanguage: en\nkind: news article\n"
        "outlet: null\nurl: null\ntitle: null\n",
        encoding="utf-8",
    )
    (root / "ledger" / "000_base.yaml").write_text(
        "source: 000_base\nactors:\n"
        '  - {id: mx, kind: country, name: Mexico, evidence: ["Mexico and the United States"]}\n'
        "  - {id: us, kind: country, name: United States, aliases: [U.S.],\n"
        '     evidence: ["Mexico and the United States"]}\n',
        encoding="utf-8",
    )
    return root


# -- people and organisations -------------------------------------------------------------------


def test_three_drafts_in_a_row_create_no_duplicate_actor(seeds_copy: Path) -> None:
    first, second, third = three_drafts(seeds_copy)
    assert {a["id"] for a in first["actors"]} >= {"lisa-monroe", "omar-vela"}
    for later in (second, third):
        assert "actors" not in later, later.get("actors")
        assert {"lisa-monroe", "omar-vela"} <= set(supported(later))
    ledger = analysis.load(seeds_copy, include_candidates=True)
    names = ledger.actors["name"].to_list()
    assert names.count("Lisa Monroe") == 1
    assert names.count("Omar Vela") == 1
    assert not [i for i in ledger.actors["actor_id"] if i.endswith(("-2", "-3"))]


def test_the_forms_of_the_justice_department_are_one_known_organisation(seeds_copy: Path) -> None:
    drafts = three_drafts(seeds_copy)  # "Justice Department", "DOJ", "Department of Justice"
    for draft in drafts:
        assert "us-doj" in supported(draft)
        assert [a for a in draft.get("actors", []) if a["kind"] == "organisation"] == []
    ledger = analysis.load(seeds_copy, include_candidates=True)
    assert ledger.actors.filter(kind="organisation").height == 5  # the seeds' five
    # The new spellings are suggested as aliases, in a comment of the supports entry.
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((seeds_copy / "ledger").glob("00[123]_*"))
    )
    assert "add 'Justice Department' to its aliases" in text
    assert "add 'DOJ' to its aliases" in text


def test_the_forms_of_the_justice_department_link_to_a_candidate_organisation(
    bare_seeds: Path,
) -> None:
    first, second, third = three_drafts(bare_seeds)
    orgs = [a for a in first["actors"] if a["kind"] == "organisation"]
    assert [(a["id"], a["name"]) for a in orgs] == [("justice-department", "Justice Department")]
    for later in (second, third):
        assert "justice-department" in supported(later)
        assert "actors" not in later
    ledger = analysis.load(bare_seeds, include_candidates=True)
    assert ledger.actors.filter(kind="organisation")["actor_id"].to_list() == ["justice-department"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DOJ", "justice-department"),
        ("Department of Justice", "justice-department"),
        ("U.S. Department of Justice", "justice-department"),
        ("the Justice Department", "justice-department"),
        ("Department of Energy", None),
        ("Mexican Department of Justice", "justice-department"),  # no qualifier on the known
        ("FBI", None),
    ],
)
def test_organisation_names_link_through_order_qualifier_and_acronym(
    name: str, expected: str | None
) -> None:
    known = [
        {"actor_id": "justice-department", "kind": "organisation", "name": "Justice Department",
         "aliases": [], "status": "candidate", "ledger_file": "ledger/001_x.yaml"},
    ]  # fmt: skip
    found = link.link_actor(name, "organisation", known)
    assert (found.target or {}).get("actor_id") == expected
    if expected is not None and name != "Justice Department":
        assert found.new_form == name


def test_a_qualifier_naming_another_country_is_another_organisation() -> None:
    known = [
        {"actor_id": "us-doj", "kind": "organisation", "name": "U.S. Department of Justice",
         "aliases": [], "status": "reviewed", "ledger_file": "ledger/000_x.yaml"},
    ]  # fmt: skip
    assert link.link_actor("Mexican Department of Justice", "organisation", known).target is None
    assert link.link_actor("DOJ", "organisation", known).target is not None


def test_a_reviewed_actor_is_preferred_to_a_candidate_of_the_same_name() -> None:
    known = [
        {"actor_id": "lisa-monroe-2", "kind": "person", "name": "Lisa Monroe", "aliases": [],
         "status": "candidate", "ledger_file": "ledger/001_x.yaml"},
        {"actor_id": "lisa-monroe", "kind": "person", "name": "Lisa Monroe", "aliases": [],
         "status": "reviewed", "ledger_file": "ledger/002_x.yaml"},
    ]  # fmt: skip
    found = link.link_actor("Lisa Monroe", "person", known)
    assert found.target is not None
    assert found.target["actor_id"] == "lisa-monroe"
    assert found.note is not None
    assert "lisa-monroe-2" in found.note


# -- allegations --------------------------------------------------------------------------------


def test_the_charges_of_a_transfer_are_not_attached_to_another_transfer(seeds_copy: Path) -> None:
    result = ingest_file(TWO_TRANSFERS, published="2025-08-20", seeds=seeds_copy)
    draft = draft_of(result.ledger_path)
    [new] = draft["events"]
    assert (new["date"], new["people"]) == ("2025-08-18", 12)  # Monday
    assert "transfer-2025-02" in supported(draft)  # the February transfer, mentioned
    charges = {(a["event"], a["charge"]) for a in draft["allegations"]}
    assert charges == {(new["id"], "kidnapping"), (new["id"], "extortion")}
    ledger = analysis.load(seeds_copy, include_candidates=True)
    assert ledger.allegations.filter(event_id="transfer-2025-02").height == 1  # the seeds' one


def test_a_charge_in_a_paragraph_without_a_transfer_is_left_out_with_a_note() -> None:
    text = (
        "Mexico sent 9 cartel suspects to the United States on Monday.\n\n"
        "Separately, a judge in Texas heard a kidnapping case on Tuesday.\n"
    )
    at = text.index("kidnapping")
    sentence = (text.index("Separately"), len(text))
    mentions = [link.Mention(0, text.index("\n"), "transfer-x")]
    found = link.place_charge(at, None, text, sentence, mentions, {})
    assert found.target is None
    assert found.note is not None
    assert "transfer-x" in found.note


# -- transfers ----------------------------------------------------------------------------------


def test_a_transfer_dated_one_day_off_links_and_records_a_dispute(seeds_copy: Path) -> None:
    before = analysis.load(seeds_copy, include_candidates=True).events.filter(kind="transfer")
    result = ingest_file(ONE_DAY_OFF, published="2025-08-20", seeds=seeds_copy)
    draft = draft_of(result.ledger_path)
    assert "events" not in draft
    [entry] = [s for s in draft["supports"] if s["fact"] == "transfer-2025-08-12"]
    assert (entry["when"], entry["date"]) == ("August 13", "2025-08-13")
    ledger = analysis.load(seeds_copy, include_candidates=True)
    transfers = ledger.events.filter(kind="transfer")
    assert transfers.height == before.height == 2
    assert transfers["people"].sum() == before["people"].sum() == 55
    dispute = ledger.disputes.filter(event_id="transfer-2025-08-12").to_dicts()
    assert [(d["field"], sorted(d["values"])) for d in dispute] == [
        ("date", ["2025-08-12", "2025-08-13"])
    ]
    assert dispute[0]["shown_value"] == "2025-08-12"  # the event's own record, equally precise


def test_transfers_of_earlier_drafts_link_within_one_day_or_the_precision(
    seeds_copy: Path,
) -> None:
    first, second, third = three_drafts(seeds_copy)  # March 3, March 4, "In March"
    [event] = first["events"]
    assert event["date"] == "2025-03-03"
    for later, date in ((second, "2025-03-04"), (third, "2025-03")):
        assert "events" not in later
        [entry] = [s for s in later["supports"] if s["fact"] == event["id"]]
        assert entry["date"] == date
    ledger = analysis.load(seeds_copy, include_candidates=True)
    transfers = ledger.events.filter(kind="transfer")
    assert transfers.height == 3
    assert transfers["people"].sum() == 26 + 29 + 14
    [dispute] = ledger.disputes.filter(event_id=event["id"]).to_dicts()
    assert sorted(dispute["values"]) == ["2025-03", "2025-03-03", "2025-03-04"]


def test_a_transfer_two_days_off_stays_a_candidate_with_a_note_naming_the_other() -> None:
    import datetime as dt  # noqa: PLC0415

    known = [
        {"event_id": "transfer-2025-08-12", "people": 26, "date": dt.date(2025, 8, 12),
         "date_precision": "day", "origin_id": "mx", "destination_id": "us",
         "title": "Mexico extradites 26", "status": "reviewed", "ledger_file": "ledger/000.yaml"},
    ]  # fmt: skip
    row = {"date": dt.date(2025, 8, 14), "date_precision": "day", "people": 26}
    found = link.twin_event(row, "mx", "us", known, {})
    assert found.target is None
    assert found.note is not None
    assert "transfer-2025-08-12" in found.note
    row = {"date": dt.date(2025, 8, 13), "date_precision": "day", "people": 26}
    assert link.twin_event(row, "mx", "us", known, {}).target is not None
    assert link.twin_event(row, "gt", "us", known, {}).target is None  # another origin


def test_a_suspect_named_as_extradited_links_to_the_transfer_that_holds_him(
    seeds_copy: Path, tmp_path: Path
) -> None:
    """The seeds hold Rafael Caro Quintero among the 29 of February 2025: a later article
    saying he "was extradited ... in February" supports that transfer, it is not a transfer
    of one more person."""
    article = tmp_path / "caro.txt"
    article.write_text(
        "MEXICO CITY - Rafael Caro Quintero was extradited to the United States in February, "
        "prosecutors said on Monday. He faces murder charges in New York.\n",
        encoding="utf-8",
    )
    result = ingest_file(article, published="2025-09-01", seeds=seeds_copy)
    draft = draft_of(result.ledger_path)
    assert "events" not in draft
    assert "transfer-2025-02" in supported(draft)
    ledger = analysis.load(seeds_copy, include_candidates=True)
    assert ledger.events.filter(kind="transfer")["people"].sum() == 26 + 29

"""analysis.ingest.ingest_file: new sources, draft ledgers, linking, refusals.

Every test works on a copy of the seeds in a temporary folder. Expected values are typed from
reading the fixtures, never computed by the code under test.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import polars as pl
import pytest
import yaml

import analysis
from analysis.errors import IngestError
from analysis.ingest import ingest_file
from analysis.ingest import main as ingest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
ARTICLES = Path(__file__).parent / "fixtures" / "articles"
FEB = ARTICLES / "feb_2025_transfer.txt"
LINKING = ARTICLES / "linking.txt"
FACT_FRAMES = ("actors", "events", "event_actors", "quotes", "allegations", "evidence")


@pytest.fixture
def seeds(seeds_copy: Path) -> Path:
    """A writable copy of the project's seeds (conftest's ``seeds_copy``)."""
    return seeds_copy


def listing(root: Path) -> dict[str, bytes]:
    """Every file of the seeds but the lock ingest takes (``seeds/.ingest.lock``, empty)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != ingest.LOCK
    }


def draft_of(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def supported(draft: dict[str, object]) -> list[str]:
    return [entry["fact"] for entry in draft.get("supports", [])]  # type: ignore[attr-defined]


# -- the new user's February article ------------------------------------------------------------


def test_feb_article_is_stored_with_an_id_from_its_hash_and_unchanged_bytes(seeds: Path) -> None:
    result = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    digest = hashlib.sha256(FEB.read_bytes()).hexdigest()
    assert result.created
    assert result.source_id == f"001_{digest[:16]}"
    assert result.text_path == seeds / "sources" / f"{result.source_id}.txt"
    assert result.text_path.read_bytes() == FEB.read_bytes()
    for written in (result.text_path, result.meta_path, result.ledger_path):
        assert written is not None
        assert written.stat().st_mode & 0o777 == 0o644, f"{written.name} is readable by all"
    meta = yaml.safe_load(result.meta_path.read_text(encoding="utf-8"))
    assert meta == {
        "id": result.source_id,
        "published": dt.date(2025, 8, 20),  # safe_load reads the date as a date
        "language": "en",
        "kind": "news article",
        "outlet": None,
        "url": None,
        "title": None,
    }


def test_feb_article_draft_is_a_candidate_ledger_with_review_instructions(seeds: Path) -> None:
    result = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    assert result.ledger_path == seeds / "ledger" / f"{result.source_id}.yaml"
    text = result.ledger_path.read_text(encoding="utf-8")
    assert text.startswith("# DRAFT")
    assert "deleting the `status: candidate` line" in " ".join(text.replace("#", " ").split())
    draft = draft_of(result.ledger_path)
    assert draft["source"] == result.source_id
    assert draft["status"] == "candidate"


def test_feb_article_links_to_the_known_transfer_people_and_allegation(seeds: Path) -> None:
    result = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    assert result.ledger_path is not None
    draft = draft_of(result.ledger_path)
    assert set(supported(draft)) >= {
        "transfer-2025-02",
        "rafael-caro-quintero",
        "enrique-camarena",
        "mx",
        "us",
        "rafael-caro-quintero/killing-of-enrique-camarena",
    }
    assert "events" not in draft  # no second February transfer
    assert "actors" not in draft or all(
        a["name"] != "Rafael Caro Quintero"
        for a in draft["actors"]  # type: ignore[attr-defined]
    )


def test_feb_article_with_candidates_gives_the_february_transfer_a_second_source(
    seeds: Path,
) -> None:
    ingest_file(FEB, published="2025-08-20", seeds=seeds)
    ledger = analysis.load(seeds, include_candidates=True)
    transfers = ledger.events.filter(kind="transfer")
    assert transfers.filter(event_id="transfer-2025-02")["n_sources"].to_list() == [2]
    assert transfers.filter(event_id="transfer-2025-08-12")["n_sources"].to_list() == [1]
    assert transfers["people"].sum() == 26 + 29


def test_reviewed_facts_are_unchanged_until_the_reviewer_flips_the_status(seeds: Path) -> None:
    before = analysis.load(seeds)
    result = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    after = analysis.load(seeds)
    for name in FACT_FRAMES:
        assert getattr(after, name).equals(getattr(before, name)), name
    assert after.events.filter(event_id="transfer-2025-02")["n_sources"].to_list() == [1]
    # The reviewer accepts the whole draft by deleting its status line.
    assert result.ledger_path is not None
    text = result.ledger_path.read_text(encoding="utf-8")
    result.ledger_path.write_text(text.replace("status: candidate\n", ""), encoding="utf-8")
    accepted = analysis.load(seeds)
    assert accepted.events.filter(event_id="transfer-2025-02")["n_sources"].to_list() == [2]
    assert accepted.events.filter(kind="transfer")["people"].sum() == 55


def test_the_same_text_twice_is_a_no_op_that_says_so(seeds: Path) -> None:
    first = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    files = listing(seeds)
    again = ingest_file(FEB, published="2025-08-21", seeds=seeds)
    assert not again.created
    assert again.source_id == first.source_id
    assert "already in the seeds" in again.message
    assert again.ledger_path is None
    assert listing(seeds) == files


def test_the_first_source_itself_is_already_ingested(seeds: Path) -> None:
    files = listing(seeds)
    result = ingest_file(seeds / "sources" / "000_a622ddb6cab2c3b2.txt", published="2025-08-12",
                         seeds=seeds)  # fmt: skip
    assert (result.created, result.source_id) == (False, "000_a622ddb6cab2c3b2")
    assert listing(seeds) == files


def test_a_different_text_under_an_existing_id_is_refused(seeds: Path) -> None:
    digest = hashlib.sha256(FEB.read_bytes()).hexdigest()[:16]
    squatter = seeds / "sources" / f"001_{digest}.txt"
    squatter.write_text("Another text entirely.\n", encoding="utf-8")
    files = listing(seeds)
    with pytest.raises(IngestError, match=r"already used by 001_.*different"):
        ingest_file(FEB, published="2025-08-20", seeds=seeds)
    assert listing(seeds) == files


def test_ids_count_up_from_the_highest_number(seeds: Path) -> None:
    first = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    second = ingest_file(LINKING, published="2025-08-20", seeds=seeds)
    assert first.source_id.startswith("001_")
    assert second.source_id.startswith("002_")
    analysis.load(seeds, include_candidates=True)


# -- linking ------------------------------------------------------------------------------------


def test_pamela_bondi_and_bondi_link_to_the_known_pam_bondi(seeds: Path) -> None:
    result = ingest_file(LINKING, published="2025-08-20", seeds=seeds)
    assert result.ledger_path is not None
    draft = draft_of(result.ledger_path)
    assert "pam-bondi" in supported(draft)
    new_names = [a["name"] for a in draft.get("actors", [])]  # type: ignore[attr-defined]
    assert "Pamela Bondi" not in new_names
    assert [q["speaker"] for q in draft["quotes"]] == ["pam-bondi"]  # type: ignore[attr-defined]
    assert any("Pamela Bondi" in note and "pam-bondi" in note for note in result.notes)


def test_a_new_person_sharing_a_surname_is_a_candidate_not_a_merge(seeds: Path) -> None:
    result = ingest_file(LINKING, published="2025-08-20", seeds=seeds)
    assert result.ledger_path is not None
    draft = draft_of(result.ledger_path)
    actors = {a["name"]: a for a in draft["actors"]}  # type: ignore[attr-defined]
    assert actors["Jorge Johnson"]["id"] == "jorge-johnson"
    assert actors["Jorge Johnson"]["title"] == "spokesman for the families"
    assert "ronald-johnson" not in supported(draft)
    assert any("Jorge Johnson" in n and "ronald-johnson" in n for n in result.notes)


def test_a_transfer_with_the_same_month_but_another_count_is_a_new_candidate(
    seeds: Path,
) -> None:
    result = ingest_file(LINKING, published="2025-08-20", seeds=seeds)
    assert result.ledger_path is not None
    draft = draft_of(result.ledger_path)
    events = draft["events"]
    assert [(e["id"], e["date"], e["people"]) for e in events] == [  # type: ignore[attr-defined]
        ("transfer-2025-02-2", "2025-02", 12)
    ]
    assert "transfer-2025-02" not in supported(draft)
    assert any("transfer-2025-02" in n and "differs" in n for n in result.notes)
    ledger = analysis.load(seeds, include_candidates=True)
    assert ledger.events.filter(kind="transfer")["people"].sum() == 26 + 29 + 12
    assert analysis.load(seeds).events.filter(kind="transfer")["people"].sum() == 55


def test_draft_evidence_occurs_exactly_once_in_the_new_source(seeds: Path) -> None:
    result = ingest_file(LINKING, published="2025-08-20", seeds=seeds)
    ledger = analysis.load(seeds, include_candidates=True)
    rows = ledger.evidence.filter(source_id=result.source_id)
    text = LINKING.read_text(encoding="utf-8")
    assert rows.height > 0
    for words in rows["text"]:
        assert text.count(words) == 1
    assert set(rows["status"]) == {"candidate"}


# -- refusals -----------------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_refused_with_its_byte_offset(
    seeds: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Mexico extradited 5 suspects on Tuesday. Se\u00f1al.".encode("latin-1"))
    files = listing(seeds)
    with pytest.raises(
        IngestError, match=re.escape("latin1.txt: is not UTF-8 text: byte 0xf1 at offset 43")
    ):
        ingest_file(bad, published="2025-08-20", seeds=seeds)
    assert listing(seeds) == files


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
def test_an_empty_file_is_refused(seeds: Path, tmp_path: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    files = listing(seeds)
    with pytest.raises(IngestError, match=r"empty\.txt: is empty"):
        ingest_file(empty, published="2025-08-20", seeds=seeds)
    assert listing(seeds) == files


def test_a_huge_file_is_refused_before_it_is_read(seeds: Path, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (2_000_000 + 1))
    files = listing(seeds)
    with pytest.raises(IngestError, match=r"huge\.txt: is 2,000,001 bytes, larger than the limit"):
        ingest_file(huge, published="2025-08-20", seeds=seeds)
    assert listing(seeds) == files


def test_a_binary_file_is_refused(seeds: Path, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"GIF89a\x00\x01\x02")
    with pytest.raises(
        IngestError, match=r"image\.txt: is not plain text: control character U\+0000"
    ):
        ingest_file(binary, published="2025-08-20", seeds=seeds)


def test_a_missing_file_is_refused(seeds: Path, tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="no such file"):
        ingest_file(tmp_path / "nope.txt", published="2025-08-20", seeds=seeds)


def test_path_like_title_and_outlet_stay_yaml_values_inside_seeds(
    seeds: Path, tmp_path: Path
) -> None:
    result = ingest_file(
        FEB, published="2025-08-20", seeds=seeds, title="../../etc/passwd",
        outlet="../../../tmp/evil: {x: 1}", url="https://example.com/a/../../b?x=1#y",
    )  # fmt: skip
    written = set(listing(tmp_path)) - {"seeds/" + k for k in listing(SEEDS)}
    assert written == {
        f"seeds/sources/{result.source_id}.txt",
        f"seeds/sources/{result.source_id}.yaml",
        f"seeds/ledger/{result.source_id}.yaml",
    }
    meta = yaml.safe_load(result.meta_path.read_text(encoding="utf-8"))
    assert meta["title"] == "../../etc/passwd"
    assert meta["outlet"] == "../../../tmp/evil: {x: 1}"
    assert meta["url"] == "https://example.com/a/../../b?x=1#y"
    source = analysis.load(seeds, include_candidates=True).sources.filter(
        source_id=result.source_id
    )
    assert source.select("title", "outlet").row(0) == (
        "../../etc/passwd",
        "../../../tmp/evil: {x: 1}",
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("url", "../../etc/passwd", "--url: expected an http:// or https:// address"),
        ("url", "file:///etc/passwd", "--url: expected an http:// or https:// address"),
        ("title", "A title\nid: 999_evil", "--title: must be one line"),
        ("outlet", "", "--outlet: is empty"),
        ("title", "x" * 501, "--title: is 501 characters long"),
    ],
)
def test_bad_metadata_is_refused_and_nothing_is_written(
    seeds: Path, field: str, value: str, message: str
) -> None:
    files = listing(seeds)
    with pytest.raises(IngestError, match=re.escape(message)):
        ingest_file(FEB, published="2025-08-20", seeds=seeds, **{field: value})
    assert listing(seeds) == files


@pytest.mark.parametrize("published", ["20-08-2025", "2025-02-30", "yesterday"])
def test_a_bad_publication_date_is_refused(seeds: Path, published: str) -> None:
    with pytest.raises(IngestError, match="--published: expected a date as YYYY-MM-DD"):
        ingest_file(FEB, published=published, seeds=seeds)


def test_a_draft_that_does_not_validate_writes_nothing(
    seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(source_id: str, _sections: dict[str, object], _notes: list[str]) -> str:
        return (
            f"source: {source_id}\nstatus: candidate\nsupports:\n- fact: nowhere\n  evidence: [x]\n"
        )

    monkeypatch.setattr(ingest, "_ledger_yaml", broken)
    files = listing(seeds)
    with pytest.raises(IngestError, match="draft ledger does not validate; nothing was written"):
        ingest_file(FEB, published="2025-08-20", seeds=seeds)
    assert listing(seeds) == files


def test_seeds_that_do_not_load_are_refused(seeds: Path) -> None:
    (seeds / "ledger" / "broken.yaml").write_text("source: nowhere\nactors: 3\n", encoding="utf-8")
    with pytest.raises(IngestError, match="the seeds do not load"):
        ingest_file(FEB, published="2025-08-20", seeds=seeds)


def test_extraction_is_returned_with_the_result(seeds: Path) -> None:
    result = ingest_file(FEB, published="2025-08-20", seeds=seeds)
    assert result.extraction is not None
    events = result.extraction.events
    assert isinstance(events, pl.DataFrame)
    assert events.select("people", "origin", "destination").rows() == [
        (29, "Mexico", "United States")
    ]


def test_the_people_a_charge_names_become_suspects_of_its_transfer(
    seeds: Path, tmp_path: Path
) -> None:
    article = tmp_path / "defendants.txt"
    article.write_text(
        "Mexico on Monday expelled three alleged members of the Gulf Cartel to the United "
        "States, officials said. Two of them, Ciro Prado Luna and Elena Prado Ruiz, are charged "
        "with conspiracy to export firearms. Dionisio Prado Real, a former customs chief, is "
        "charged with money laundering.\n",
        encoding="utf-8",
    )
    result = ingest_file(article, published="2026-03-18", seeds=seeds)
    assert result.ledger_path is not None
    draft = draft_of(result.ledger_path)
    names = {a["id"]: a["name"] for a in draft["actors"]}  # type: ignore[attr-defined]
    [event] = draft["events"]  # type: ignore[misc]
    assert event["date"] == "2026-03-16"
    assert event["people"] == 3
    suspects = [(names[r["actor"]], r["role"], r["evidence"]) for r in event["actors"]]
    assert suspects == [
        ("Ciro Prado Luna", "suspect", ["Ciro Prado Luna"]),
        ("Elena Prado Ruiz", "suspect", ["Elena Prado Ruiz"]),
        ("Dionisio Prado Real", "suspect", ["Dionisio Prado Real"]),
    ]
    assert list(event)[-1] == "evidence"
    accused = {a["charge"]: a.get("accused") for a in draft["allegations"]}  # type: ignore[attr-defined]
    assert accused == {
        "weapons trafficking": None,
        "money laundering": names_to_id(names, "Dionisio Prado Real"),
    }


def names_to_id(names: dict[str, str], name: str) -> str:
    return next(i for i, n in names.items() if n == name)


def test_a_spokesman_for_an_organisation_is_drafted_to_it_and_those_aboard_are_suspects(
    seeds: Path, tmp_path: Path
) -> None:
    article = tmp_path / "aboard.txt"
    article.write_text(
        "Mexico on Monday expelled nine alleged members of La L\u00ednea to the United States, "
        "outside the extradition treaty, officials said.\n\n"
        "Among those sent was Artemio Sol\u00eds Pardo. Also aboard were Delia Campos Rey, 38, "
        "and Fausto Ibarra Gil.\n\n"
        "A spokesman for the U.S. Embassy called the transfer \u201canother sign of a "
        "partnership that works.\u201d\n",
        encoding="utf-8",
    )
    result = ingest_file(article, published="2025-11-05", seeds=seeds)
    assert result.ledger_path is not None
    draft = draft_of(result.ledger_path)
    [event] = draft["events"]  # type: ignore[misc]
    assert (event["mechanism"], event["people"]) == ("expelled", 9)
    assert [r["actor"] for r in event["actors"]] == [
        "artemio-solis-pardo", "delia-campos-rey", "fausto-ibarra-gil"
    ]  # fmt: skip
    [quote] = draft["quotes"]  # type: ignore[misc]
    assert quote["speaker"] == "u-s-embassy"
    assert quote["text"] == ["another sign of a partnership that works."]
    text = result.ledger_path.read_text(encoding="utf-8")
    assert "# said by 'A spokesman for the U.S. Embassy' (spokesman)" in text

"""analysis.load() on the project's seeds, checked against the article as a person reads it.

Expected values are typed in from reading the source article and its ledger; none is computed
by the code under test. Curly punctuation is written as Unicode escapes in the strings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import textwrap
from typing import TYPE_CHECKING

import polars as pl
import pytest
from conftest import SEEDS, SOURCE_ID

import analysis
from analysis.schema import FRAMES

if TYPE_CHECKING:
    from pathlib import Path

PUBLISHED = dt.date(2025, 8, 12)  # a Tuesday


def _row(frame: pl.DataFrame, key: str, value: str) -> dict[str, object]:
    rows = frame.filter(pl.col(key) == value).to_dicts()
    assert len(rows) == 1, f"expected one row with {key} == {value!r}, found {len(rows)}"
    return rows[0]


# -- frames and schemas ------------------------------------------------------------------------


def test_load_returns_the_frames_in_documented_order(ledger: analysis.Ledger) -> None:
    assert list(ledger.tables()) == [
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
    ]


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_frame_has_exactly_its_declared_schema(ledger: analysis.Ledger, name: str) -> None:
    assert getattr(ledger, name).schema == FRAMES[name]


@pytest.mark.parametrize("name", list(FRAMES))
def test_every_frame_has_its_declared_schema_with_candidates_included(
    seeds_copy: Path, name: str
) -> None:
    _add_candidates(seeds_copy)
    frame = getattr(analysis.load(seeds_copy, include_candidates=True), name)
    assert frame.schema == FRAMES[name]


def test_sources_frame_describes_the_article(ledger: analysis.Ledger, article: str) -> None:
    raw = (SEEDS / "sources" / f"{SOURCE_ID}.txt").read_bytes()
    assert ledger.sources.to_dicts() == [
        {
            "source_id": SOURCE_ID,
            "published": PUBLISHED,
            "language": "en",
            "kind": "news article",
            "outlet": None,
            "url": None,
            "title": None,
            "text_path": f"sources/{SOURCE_ID}.txt",
            "sha256": hashlib.sha256(raw).hexdigest(),
            "n_chars": len(article),
            "n_sentences": ledger.sentences.height,
        }
    ]


def test_input_files_list_every_seed_file_with_its_sha256(ledger: analysis.Ledger) -> None:
    expected = {
        rel: hashlib.sha256((SEEDS / rel).read_bytes()).hexdigest()
        for rel in (
            f"ledger/{SOURCE_ID}.yaml",
            f"sources/{SOURCE_ID}.txt",
            f"sources/{SOURCE_ID}.yaml",
        )
    }
    assert ledger.input_files == expected


def test_sentences_are_verbatim_slices_of_the_article(
    ledger: analysis.Ledger, article: str
) -> None:
    sentences = ledger.sentences.sort("sentence")
    assert sentences["sentence"].to_list() == list(range(1, sentences.height + 1))
    for row in sentences.iter_rows(named=True):
        assert article[row["char_start"] : row["char_end"]] == row["text"]
    assert sentences["text"][0] == (
        "Mexico has extradited 26 alleged cartel members to the United States in a coordinated "
        "deal with the Trump administration, U.S. officials confirmed Tuesday."
    )


# -- the two transfers -------------------------------------------------------------------------


def test_two_transfers_of_26_and_29_people_from_mexico_to_the_us(
    ledger: analysis.Ledger,
) -> None:
    transfers = (
        ledger.events.filter(pl.col("kind") == "transfer")
        .select("event_id", "people", "mechanism", "origin_id", "destination_id")
        .sort("event_id")
        .rows()
    )
    assert transfers == [
        ("transfer-2025-02", 29, "extradited", "mx", "us"),
        ("transfer-2025-08-12", 26, "extradited", "mx", "us"),
    ]


def test_transfer_reported_tuesday_is_dated_2025_08_12_to_the_day(
    ledger: analysis.Ledger,
) -> None:
    row = _row(ledger.events, "event_id", "transfer-2025-08-12")
    assert (row["date"], row["date_precision"], row["date_as_written"]) == (
        dt.date(2025, 8, 12),
        "day",
        "Tuesday",
    )
    assert row["description"] == "high-ranking cartel operatives"


def test_transfer_in_february_is_dated_2025_02_to_the_month(ledger: analysis.Ledger) -> None:
    row = _row(ledger.events, "event_id", "transfer-2025-02")
    assert (row["date"], row["date_precision"], row["date_as_written"]) == (
        dt.date(2025, 2, 1),
        "month",
        "In February",
    )


@pytest.mark.parametrize(
    ("event_id", "date", "precision", "as_written"),
    [
        ("military-intervention-ruled-out", dt.date(2025, 8, 8), "day", "Friday"),
        ("tariff-threat-2025", dt.date(2025, 1, 1), "year", "Earlier this year"),
        ("tariff-exemption-extended-2025-07", dt.date(2025, 7, 1), "month", "In July"),
        ("killing-of-enrique-camarena", dt.date(1985, 1, 1), "year", "1985"),
        ("killing-of-juan-escalante", dt.date(2008, 1, 1), "year", "2008"),
        ("court-appearances-2025-08", None, "unknown", "in the coming days"),
        ("no-death-penalty-2025-08", None, "unknown", None),
        ("tension-over-trafficking-and-migration", None, "unknown", "months"),
    ],
)
def test_event_dates_resolve_against_the_publication_date(
    ledger: analysis.Ledger,
    event_id: str,
    date: dt.date | None,
    precision: str,
    as_written: str | None,
) -> None:
    row = _row(ledger.events, "event_id", event_id)
    assert (row["date"], row["date_precision"], row["date_as_written"]) == (
        date,
        precision,
        as_written,
    )


def test_tariff_exemption_extended_by_90_days(ledger: analysis.Ledger) -> None:
    row = _row(ledger.events, "event_id", "tariff-exemption-extended-2025-07")
    assert row["duration_days"] == 90
    assert row["lane"] == "trade pressure"


def test_court_appearances_and_no_death_penalty_follow_the_august_transfer(
    ledger: analysis.Ledger,
) -> None:
    related = dict(
        ledger.events.filter(pl.col("related_event_id").is_not_null())
        .select("event_id", "related_event_id")
        .rows()
    )
    assert related == {
        "court-appearances-2025-08": "transfer-2025-08-12",
        "no-death-penalty-2025-08": "transfer-2025-08-12",
    }


def test_ten_events_each_reported_by_the_one_article(ledger: analysis.Ledger) -> None:
    assert ledger.events.height == 10
    assert ledger.events["n_sources"].to_list() == [1] * 10
    assert ledger.events["reported_on"].to_list() == [PUBLISHED] * 10


# -- people, organisations and countries -------------------------------------------------------


def test_eight_people_with_their_titles_countries_and_organisations(
    ledger: analysis.Ledger,
) -> None:
    people = {
        r["actor_id"]: (r["name"], r["title"], r["country_id"], r["organisation_id"])
        for r in ledger.actors.filter(pl.col("kind") == "person").iter_rows(named=True)
    }
    assert people == {
        "roberto-salazar": ("Roberto Salazar", "suspect", "mx", None),
        "juan-escalante": ("Juan Escalante", "Los Angeles Sheriff\u2019s Deputy", "us", None),
        "pam-bondi": ("Pam Bondi", "Attorney General", "us", "us-doj"),
        "rafael-caro-quintero": ("Rafael Caro Quintero", "drug lord", "mx", None),
        "enrique-camarena": ("Enrique Camarena", "U.S. DEA agent", "us", "dea"),
        "ronald-johnson": ("Ronald Johnson", "U.S. Ambassador to Mexico", "us", None),
        "claudia-sheinbaum": ("Claudia Sheinbaum", "Mexican President", "mx", None),
        "donald-trump": ("Donald Trump", "President", "us", "trump-administration"),
    }


def test_people_play_their_roles_in_the_events(ledger: analysis.Ledger) -> None:
    people = ledger.actors.filter(pl.col("kind") == "person")["actor_id"].implode()
    roles = set(
        ledger.event_actors.filter(pl.col("actor_id").is_in(people))
        .select("actor_id", "role", "event_id")
        .rows()
    )
    assert roles == {
        ("roberto-salazar", "suspect", "transfer-2025-08-12"),
        ("roberto-salazar", "suspect", "killing-of-juan-escalante"),
        ("juan-escalante", "victim", "killing-of-juan-escalante"),
        ("pam-bondi", "speaker", "transfer-2025-08-12"),
        ("rafael-caro-quintero", "suspect", "transfer-2025-02"),
        ("rafael-caro-quintero", "suspect", "killing-of-enrique-camarena"),
        ("enrique-camarena", "victim", "killing-of-enrique-camarena"),
        ("ronald-johnson", "speaker", "transfer-2025-08-12"),
        ("claudia-sheinbaum", "speaker", "military-intervention-ruled-out"),
        ("donald-trump", "initiator", "tariff-threat-2025"),
    }


def test_organisations_and_roles_of_non_people(ledger: analysis.Ledger) -> None:
    organisations = dict(
        ledger.actors.filter(pl.col("kind") == "organisation")
        .select("actor_id", "country_id")
        .rows()
    )
    assert organisations == {
        "us-doj": "us",
        "trump-administration": "us",
        "mx-national-security-team": "mx",
        "us-federal-courts": "us",
        "dea": "us",
    }
    countries = dict(
        ledger.actors.filter(pl.col("kind") == "country").select("actor_id", "name").rows()
    )
    assert countries == {"mx": "Mexico", "us": "United States"}
    people = ledger.actors.filter(pl.col("kind") == "person")["actor_id"].implode()
    others = set(
        ledger.event_actors.filter(~pl.col("actor_id").is_in(people))
        .select("actor_id", "role", "event_id")
        .rows()
    )
    assert others == {
        ("trump-administration", "partner", "transfer-2025-08-12"),
        ("mx-national-security-team", "partner", "transfer-2025-08-12"),
        ("us-federal-courts", "court", "court-appearances-2025-08"),
        ("us-doj", "decision maker", "no-death-penalty-2025-08"),
        ("us", "party", "tariff-exemption-extended-2025-07"),
        ("mx", "party", "tariff-exemption-extended-2025-07"),
    }


# -- quotes ------------------------------------------------------------------------------------


def test_quotes_with_their_speakers_events_and_dates(ledger: analysis.Ledger) -> None:
    quotes = {
        r["quote_id"]: (
            r["speaker_id"],
            r["event_id"],
            r["said_on"],
            r["said_on_precision"],
            r["n_parts"],
        )
        for r in ledger.quotes.iter_rows(named=True)
    }
    assert quotes == {
        "bondi-latest-example": (
            "pam-bondi",
            "transfer-2025-08-12",
            dt.date(2025, 8, 12),
            "day",
            2,
        ),
        "johnson-governments-united": ("ronald-johnson", "transfer-2025-08-12", None, "unknown", 2),
        "sheinbaum-no-military": (
            "claudia-sheinbaum",
            "military-intervention-ruled-out",
            dt.date(2025, 8, 8),
            "day",
            1,
        ),
        "sheinbaum-no-invasion": (
            "claudia-sheinbaum",
            "military-intervention-ruled-out",
            dt.date(2025, 8, 8),
            "day",
            1,
        ),
        "trump-extraordinary-threat": (
            "donald-trump",
            "tariff-threat-2025",
            dt.date(2025, 1, 1),
            "year",
            1,
        ),
    }


QUOTE_PARTS = {
    "bondi-latest-example": [
        (
            "Today is the latest example of the Trump administration\u2019s historic efforts to "
            "dismantle cartels and foreign terrorist organizations,"
        ),
        (
            "These 26 men have all played a role in bringing violence and drugs to American "
            "shores. Under this Department of Justice, they will face severe consequences. We are "
            "grateful to Mexico\u2019s National Security team for their collaboration."
        ),
    ],
    "johnson-governments-united": [
        (
            "This transfer is yet another example of what is possible when two governments "
            "stand united against violence and impunity,"
        ),
        (
            "These fugitives will now face justice in U.S. courts, and the citizens of both of "
            "our nations will be safer from these common enemies."
        ),
    ],
    "sheinbaum-no-military": [
        "The United States is not going to come to Mexico with the military,",
    ],
    "sheinbaum-no-invasion": [
        (
            "We cooperate, we collaborate, but there is not going to be an invasion. "
            "That is ruled out, absolutely ruled out."
        ),
    ],
    "trump-extraordinary-threat": [
        "the extraordinary threat posed by illegal aliens and drugs.",
    ],
}


@pytest.mark.parametrize("quote_id", list(QUOTE_PARTS))
def test_quote_text_is_the_speakers_words_as_printed(
    ledger: analysis.Ledger, article: str, quote_id: str
) -> None:
    parts = QUOTE_PARTS[quote_id]
    row = _row(ledger.quotes, "quote_id", quote_id)
    # The parts as printed, joined visibly: never re-punctuated into one sentence.
    assert row["text"] == " […] ".join(parts)
    assert row["parts"] == parts
    quoted = (
        ledger.evidence.filter(pl.col("fact_id") == quote_id, pl.col("is_quote_text"))
        .sort("char_start")["text"]
        .to_list()
    )
    assert quoted == parts
    for part in parts:
        # Each part follows an opening quotation mark in the article (Trump's follows "called ").
        start = article.index(part)
        assert article[start - 1] in "\u201c "


# -- allegations -------------------------------------------------------------------------------


def test_charges_against_the_26_and_the_two_named_suspects(ledger: analysis.Ledger) -> None:
    charges = set(
        ledger.allegations.select(
            "event_id", "charge", "accused_id", "crime_event_id", "as_written"
        ).rows()
    )
    assert charges == {
        ("transfer-2025-08-12", "drug trafficking", None, None, "drug and weapons trafficking"),
        ("transfer-2025-08-12", "weapons trafficking", None, None, "drug and weapons trafficking"),
        ("transfer-2025-08-12", "human smuggling", None, None, "human smuggling"),
        ("transfer-2025-08-12", "kidnapping", None, None, "kidnapping"),
        (
            "transfer-2025-08-12",
            "murder",
            "roberto-salazar",
            "killing-of-juan-escalante",
            "wanted in connection with the 2008 killing",
        ),
        (
            "transfer-2025-02",
            "murder",
            "rafael-caro-quintero",
            "killing-of-enrique-camarena",
            "tied to the 1985 killing",
        ),
    }


# -- evidence ----------------------------------------------------------------------------------


def test_every_evidence_sits_at_its_recorded_offsets_in_the_source(
    ledger: analysis.Ledger, article: str
) -> None:
    assert ledger.evidence.height > 0
    for row in ledger.evidence.iter_rows(named=True):
        assert row["source_id"] == SOURCE_ID
        assert article[row["char_start"] : row["char_end"]] == row["text"], row["fact_id"]
        # The words occur once, so the offsets are the only place they can be.
        assert article.count(row["text"]) == 1, row["text"]
        assert article.index(row["text"]) == row["char_start"]


def test_evidence_sentence_numbers_cover_its_offsets(ledger: analysis.Ledger) -> None:
    spans = {
        r["sentence"]: (r["char_start"], r["char_end"])
        for r in ledger.sentences.iter_rows(named=True)
    }
    for row in ledger.evidence.iter_rows(named=True):
        first, last = spans[row["sentence"]], spans[row["sentence_end"]]
        assert first[0] <= row["char_start"] < first[1], row["text"]
        assert last[0] < row["char_end"] <= last[1], row["text"]


def test_evidence_of_the_august_transfer_is_the_lead_sentence(
    ledger: analysis.Ledger, article: str
) -> None:
    lead = (
        "Mexico has extradited 26 alleged cartel members to the United States in a coordinated "
        "deal with the Trump administration, U.S. officials confirmed Tuesday."
    )
    rows = ledger.evidence.filter(
        pl.col("fact_type") == "event", pl.col("fact_id") == "transfer-2025-08-12"
    ).sort("char_start")
    assert rows["text"].to_list() == [
        lead,
        "The group, described by authorities as high-ranking cartel operatives",
    ]
    assert (rows["char_start"][0], rows["char_end"][0]) == (0, len(lead))
    assert article.startswith(lead)


def test_every_fact_has_evidence_of_its_own_type(ledger: analysis.Ledger) -> None:
    cited = set(ledger.evidence.select("fact_type", "fact_id").unique().rows())
    facts = {
        *(("actor", i) for i in ledger.actors["actor_id"]),
        *(("event", i) for i in ledger.events["event_id"]),
        *(("role", i) for i in ledger.event_actors["role_id"]),
        *(("quote", i) for i in ledger.quotes["quote_id"]),
        *(("allegation", i) for i in ledger.allegations["allegation_id"]),
    }
    assert len(facts) == 15 + 10 + 16 + 5 + 6
    assert cited == facts


def test_all_loaded_facts_are_reviewed_and_come_from_the_one_ledger(
    ledger: analysis.Ledger,
) -> None:
    for name in ("actors", "events", "event_actors", "quotes", "allegations", "evidence"):
        assert set(getattr(ledger, name)["status"]) == {"reviewed"}, name
    for name in ("actors", "events", "quotes", "allegations", "evidence"):
        assert set(getattr(ledger, name)["ledger_file"]) == {f"ledger/{SOURCE_ID}.yaml"}, name


# -- a second source ---------------------------------------------------------------------------

SECOND_ID = "001_fixture_second_source"
SECOND_TEXT = (
    "Mexico sent 29 cartel suspects to the United States on Thursday, among them the drug lord "
    "Rafael Caro Quintero.\n"
)


def _add_second_source(seeds: Path) -> None:
    (seeds / "sources" / f"{SECOND_ID}.txt").write_text(SECOND_TEXT, encoding="utf-8")
    (seeds / "sources" / f"{SECOND_ID}.yaml").write_text(
        textwrap.dedent(
            f"""\
            id: {SECOND_ID}
            published: 2025-02-28
            language: en
            kind: news article
            outlet: null
            url: null
            title: null
            """
        ),
        encoding="utf-8",
    )
    (seeds / "ledger" / f"{SECOND_ID}.yaml").write_text(
        textwrap.dedent(
            f"""\
            source: {SECOND_ID}
            supports:
              - fact: transfer-2025-02
                evidence: ["Mexico sent 29 cartel suspects to the United States on Thursday"]
            """
        ),
        encoding="utf-8",
    )


def test_second_source_supporting_the_february_transfer_counts_as_a_second_source(
    seeds_copy: Path,
) -> None:
    _add_second_source(seeds_copy)
    ledger = analysis.load(seeds_copy)
    n_sources = dict(ledger.events.select("event_id", "n_sources").rows())
    assert n_sources["transfer-2025-02"] == 2
    assert n_sources["transfer-2025-08-12"] == 1
    assert sorted(ledger.sources["source_id"]) == [SOURCE_ID, SECOND_ID]
    cited_by = ledger.evidence.filter(pl.col("fact_id") == "transfer-2025-02").sort("source_id")
    assert cited_by.select("fact_type", "source_id", "char_start", "ledger_file").rows() == [
        ("event", SOURCE_ID, 1108, f"ledger/{SOURCE_ID}.yaml"),
        ("event", SECOND_ID, 0, f"ledger/{SECOND_ID}.yaml"),
    ]


def test_second_source_adds_no_second_transfer(seeds_copy: Path) -> None:
    _add_second_source(seeds_copy)
    transfers = analysis.load(seeds_copy).events.filter(pl.col("kind") == "transfer")
    assert transfers.height == 2
    assert transfers["people"].sum() == 26 + 29


def test_earlier_second_source_moves_reported_on_to_its_publication(
    seeds_copy: Path,
) -> None:
    _add_second_source(seeds_copy)  # published 2025-02-28, before the article
    reported = dict(analysis.load(seeds_copy).events.select("event_id", "reported_on").rows())
    assert reported["transfer-2025-02"] == dt.date(2025, 2, 28)
    assert reported["transfer-2025-08-12"] == PUBLISHED


# -- candidates --------------------------------------------------------------------------------

CANDIDATES = """\
source: 000_a622ddb6cab2c3b2
status: candidate
actors:
  - id: us-officials
    kind: organisation
    name: U.S. officials
    country: us
    evidence: ["U.S. officials confirmed Tuesday"]
events:
  - id: transfer-confirmed-2025-08-12
    kind: statement
    title: U.S. officials confirm the transfer
    when: Tuesday
    date: 2025-08-12
    actors:
      - actor: us-officials
        role: announcer
        evidence: ["U.S. officials confirmed Tuesday"]
    evidence: ["U.S. officials confirmed Tuesday"]
"""


def _add_candidates(seeds: Path) -> None:
    (seeds / "ledger" / "002_candidates.yaml").write_text(CANDIDATES, encoding="utf-8")
    # And one candidate record inside the reviewed ledger.
    path = seeds / "ledger" / f"{SOURCE_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  - id: trump-extraordinary-threat\n"
    assert text.count(old) == 1
    path.write_text(text.replace(old, old + "    status: candidate\n"), encoding="utf-8")


CANDIDATE_FACTS = {
    "us-officials",
    "transfer-confirmed-2025-08-12",
    "transfer-confirmed-2025-08-12/us-officials/announcer",
    "trump-extraordinary-threat",
}


def test_candidate_records_are_left_out_by_default(seeds_copy: Path) -> None:
    _add_candidates(seeds_copy)
    ledger = analysis.load(seeds_copy)
    assert "us-officials" not in ledger.actors["actor_id"].to_list()
    assert "transfer-confirmed-2025-08-12" not in ledger.events["event_id"].to_list()
    assert "us-officials" not in ledger.event_actors["actor_id"].to_list()
    assert "trump-extraordinary-threat" not in ledger.quotes["quote_id"].to_list()
    assert CANDIDATE_FACTS.isdisjoint(ledger.evidence["fact_id"].to_list())
    assert (ledger.actors.height, ledger.events.height, ledger.quotes.height) == (15, 10, 4)


def test_candidate_records_are_included_when_asked(seeds_copy: Path) -> None:
    _add_candidates(seeds_copy)
    ledger = analysis.load(seeds_copy, include_candidates=True)
    assert (ledger.actors.height, ledger.events.height, ledger.quotes.height) == (16, 11, 5)
    assert _row(ledger.actors, "actor_id", "us-officials")["status"] == "candidate"
    event = _row(ledger.events, "event_id", "transfer-confirmed-2025-08-12")
    assert (event["status"], event["ledger_file"]) == ("candidate", "ledger/002_candidates.yaml")
    assert _row(ledger.quotes, "quote_id", "trump-extraordinary-threat")["status"] == "candidate"
    assert _row(ledger.quotes, "quote_id", "bondi-latest-example")["status"] == "reviewed"
    role = _row(ledger.event_actors, "actor_id", "us-officials")
    assert (role["role"], role["status"]) == ("announcer", "candidate")
    candidate_evidence = set(
        ledger.evidence.filter(pl.col("status") == "candidate")["fact_id"].to_list()
    )
    assert candidate_evidence == CANDIDATE_FACTS


# -- importing ---------------------------------------------------------------------------------

_IMPORT_PROBE = textwrap.dedent(
    """\
    import json, os, sys

    opened = []

    def hook(event, args):
        if event == "open" and isinstance(args[0], str):
            opened.append(args[0])

    sys.addaudithook(hook)
    import analysis

    seeds_dirs = (os.environ["ANALYSIS_SEEDS"], sys.argv[1])
    installed = (sys.prefix, sys.base_prefix)  # packages' own metadata is not data
    data_files = [
        p for p in opened
        if p.startswith(seeds_dirs)
        or (p.endswith((".yaml", ".txt", ".parquet", ".csv")) and not p.startswith(installed))
    ]
    heavy = ("altair", "analysis.charts", "analysis.report", "polars", "pydantic", "analysis.ledger")
    loaded = [m for m in heavy if m in sys.modules]
    try:
        analysis.load()
        error = None
    except analysis.LedgerError as exc:
        error = str(exc)
    print(json.dumps({"data_files": data_files, "loaded": loaded, "error": error}))
    """
)


def test_importing_analysis_reads_no_file_and_no_plotting_library(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-seeds"
    env = {**os.environ, "ANALYSIS_SEEDS": str(missing)}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, str(SEEDS)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["data_files"] == []
    assert report["loaded"] == []
    # The folder is only looked up when load() is called, and then from ANALYSIS_SEEDS.
    assert report["error"] is not None
    assert str(missing) in report["error"]
    assert "is not a folder of seeds" in report["error"]

"""Every public function of :mod:`analysis.metrics` on a tiny ledger built by hand.

The ledger below is small enough to count on paper: each expected value is typed from the
tables here, never computed by the code under test. No kernels, no rendering, no seeds.

Facts (``ev`` = evidence rows, ``s1`` sentence 2 written ``s1:2``)::

    t1      transfer   Feb 2025 (month)  29 people  origin mx      ev s1:2, s2:1 ("29 ...")
    t2      transfer   12 Aug 2025       26 people  origin mx      ev s2:2 ("26"), candidate
    t3      transfer   20 Jan 2026       12 people  no origin      ev s3:1 (no number); fgr announces
    tariff  threat     4 Mar 2025                   no origin      ev s1:3; trump initiator (r1)
    deal    agreement  Jun 2025 (month)             no origin      no evidence, no roles
    stmt    statement  undated                      no origin      ev s1:3; sheinbaum speaker
    c1      crime      1985 (year)                  no origin      ev s3:2; caro suspect only
    dec     decision   10 Mar 2025, about t1        no origin      ev s3:3
    q1 sheinbaum 5 Mar 2025 (ev s1:3 attribution, s1:3-4 words), q2 trump undated, reported
    13 Aug 2025 (ev s2:2 words), q3 trump Feb 2025 (ev s1:4 words)
    a1 t1 caro drug trafficking, tied to c1; a2 t1 organised crime; a3 t2 drug trafficking;
    a4 t1 drug trafficking ("drug smuggling")
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import analysis
from analysis import metrics, schema
from analysis.ledger import Ledger

D = dt.date

# -- the tiny ledger -----------------------------------------------------------------------------

#: Values a row gets unless it says otherwise, per frame.
DEFAULTS: dict[str, dict[str, Any]] = {
    "actors": {"status": "reviewed", "ledger_file": "actors.yaml", "aliases": []},
    "events": {"status": "reviewed", "ledger_file": "events.yaml", "n_sources": 1},
    "event_actors": {"status": "reviewed"},
    "quotes": {"status": "reviewed", "ledger_file": "quotes.yaml", "n_parts": 1},
    "allegations": {"status": "reviewed", "ledger_file": "allegations.yaml"},
    "evidence": {"status": "reviewed", "ledger_file": "events.yaml", "is_quote_text": False},
    "sources": {"language": "en", "kind": "article", "outlet": "Outlet"},
}


def frame(name: str, *rows: dict[str, Any]) -> pl.DataFrame:
    """A frame with the schema of ``name`` in :mod:`analysis.schema`: empty, or these rows
    (columns a row leaves out are the frame's defaults, else null)."""
    columns = schema.FRAMES[name]
    if not rows:
        return pl.DataFrame(schema=columns)
    full = []
    for row in rows:
        unknown = set(row) - set(columns)
        assert not unknown, f"{name} has no column {unknown}"
        values = {**DEFAULTS.get(name, {}), **row}
        full.append({column: values.get(column) for column in columns})
    return pl.DataFrame(full, schema=columns)


def ev(fact_type: str, fact_id: str, where: str, char_start: int, text: str, **kw: Any) -> dict:
    """An evidence row; ``where`` is ``source:sentence`` or ``source:first-last``."""
    source_id, sentences = where.split(":")
    first, _, last = sentences.partition("-")
    return {
        "fact_type": fact_type,
        "fact_id": fact_id,
        "source_id": source_id,
        "sentence": int(first),
        "sentence_end": int(last or first),
        "char_start": char_start,
        "char_end": char_start + len(text),
        "text": text,
        **kw,
    }


def tiny_ledger(**frames: pl.DataFrame) -> Ledger:
    """The ledger of the module docstring; any frame may be replaced (e.g. by an empty one)."""
    sec, trade, talk = "security cooperation", "trade pressure", "statements and diplomacy"
    built = {
        "sources": frame(
            "sources",
            {"source_id": "s1", "published": D(2025, 2, 28), "n_sentences": 4, "title": "One"},
            {"source_id": "s2", "published": D(2025, 8, 13), "n_sentences": 2, "title": "Two"},
            {"source_id": "s3", "published": D(2026, 1, 21), "n_sentences": 4, "title": "Three"},
            {"source_id": "s4", "published": D(2026, 2, 1), "n_sentences": 1, "title": "Four"},
        ),
        "sentences": frame(
            "sentences",
            *(
                {"source_id": s, "sentence": n, "char_start": 0, "char_end": 1, "text": f"{s} {n}"}
                for s, count in (("s1", 4), ("s2", 2), ("s3", 4), ("s4", 1))
                for n in range(1, count + 1)
            ),
        ),
        "actors": frame(
            "actors",
            {"actor_id": "mx", "kind": "country", "name": "Mexico"},
            {"actor_id": "us", "kind": "country", "name": "United States"},
            {
                "actor_id": "sheinbaum",
                "kind": "person",
                "name": "Claudia Sheinbaum",
                "title": "President of Mexico",
                "country_id": "mx",
            },
            {
                "actor_id": "trump",
                "kind": "person",
                "name": "Donald Trump",
                "title": "President of the United States",
                "country_id": "us",
            },
            {
                "actor_id": "caro",
                "kind": "person",
                "name": "Rafael Caro Quintero",
                "country_id": "mx",
            },
            {"actor_id": "fgr", "kind": "organisation", "name": "Fiscalía", "country_id": "mx"},
        ),
        "events": frame(
            "events",
            {
                "event_id": "t1",
                "kind": "transfer",
                "lane": sec,
                "title": "29 sent in February",
                "date": D(2025, 2, 1),
                "date_precision": "month",
                "date_as_written": "in February",
                "reported_on": D(2025, 2, 28),
                "people": 29,
                "mechanism": "transfer",
                "origin_id": "mx",
                "destination_id": "us",
                "n_sources": 2,
            },
            {
                "event_id": "t2",
                "kind": "transfer",
                "lane": sec,
                "title": "26 sent in August",
                "date": D(2025, 8, 12),
                "date_precision": "day",
                "date_as_written": "12 August",
                "reported_on": D(2025, 8, 13),
                "people": 26,
                "mechanism": "sending",
                "origin_id": "mx",
                "destination_id": "us",
                "status": "candidate",
            },
            {
                "event_id": "t3",
                "kind": "transfer",
                "lane": sec,
                "title": "12 sent in January",
                "date": D(2026, 1, 20),
                "date_precision": "day",
                "date_as_written": "on Tuesday",
                "reported_on": D(2026, 1, 21),
                "people": 12,
                "mechanism": "transfer",
            },
            {
                "event_id": "tariff",
                "kind": "tariff threat",
                "lane": trade,
                "title": "Tariff threat",
                "date": D(2025, 3, 4),
                "date_precision": "day",
                "reported_on": D(2025, 3, 5),
            },
            {
                "event_id": "deal",
                "kind": "tariff agreement",
                "lane": trade,
                "title": "Tariff pause",
                "date": D(2025, 6, 1),
                "date_precision": "month",
                "reported_on": D(2025, 6, 30),
            },
            {
                "event_id": "stmt",
                "kind": "statement",
                "lane": talk,
                "title": "Reply on sovereignty",
                "date_precision": "unknown",
                "date_as_written": "recently",
                "reported_on": D(2025, 3, 5),
            },
            {
                "event_id": "c1",
                "kind": "crime",
                "lane": "past crimes",
                "title": "Murder of Enrique Camarena",
                "date": D(1985, 1, 1),
                "date_precision": "year",
                "reported_on": D(2025, 2, 28),
            },
            {
                "event_id": "dec",
                "kind": "decision",
                "lane": sec,
                "title": "No death penalty sought",
                "date": D(2025, 3, 10),
                "date_precision": "day",
                "reported_on": D(2025, 3, 10),
                "related_event_id": "t1",
            },
        ),
        "event_actors": frame(
            "event_actors",
            {"role_id": "r1", "event_id": "tariff", "actor_id": "trump", "role": "initiator"},
            {"role_id": "r2", "event_id": "stmt", "actor_id": "sheinbaum", "role": "speaker"},
            {"role_id": "r3", "event_id": "t3", "actor_id": "fgr", "role": "announcer"},
            {"role_id": "r4", "event_id": "t1", "actor_id": "caro", "role": "suspect"},
            {"role_id": "r6", "event_id": "t1", "actor_id": "trump", "role": "announcer"},
            {"role_id": "r7", "event_id": "tariff", "actor_id": "sheinbaum", "role": "speaker"},
            {"role_id": "r8", "event_id": "c1", "actor_id": "caro", "role": "suspect"},
        ),
        "quotes": frame(
            "quotes",
            {
                "quote_id": "q1",
                "speaker_id": "sheinbaum",
                "text": "We will not accept interference",
                "said_on": D(2025, 3, 5),
                "said_on_precision": "day",
                "said_on_as_written": "on Wednesday",
                "reported_on": D(2025, 3, 5),
            },
            {
                "quote_id": "q2",
                "speaker_id": "trump",
                "text": "A great day",
                "said_on_precision": "unknown",
                "reported_on": D(2025, 8, 13),
            },
            {
                "quote_id": "q3",
                "speaker_id": "trump",
                "text": "They must do more",
                "said_on": D(2025, 2, 1),
                "said_on_precision": "month",
                "said_on_as_written": "in February",
                "reported_on": D(2025, 3, 1),
            },
        ),
        "allegations": frame(
            "allegations",
            {
                "allegation_id": "a1",
                "event_id": "t1",
                "accused_id": "caro",
                "charge": "drug trafficking",
                "as_written": "narcotics trafficking",
                "crime_event_id": "c1",
            },
            {
                "allegation_id": "a2",
                "event_id": "t1",
                "charge": "organised crime",
                "as_written": "cartel members",
            },
            {
                "allegation_id": "a3",
                "event_id": "t2",
                "charge": "drug trafficking",
                "as_written": "drug trafficking",
            },
            {
                "allegation_id": "a4",
                "event_id": "t1",
                "charge": "drug trafficking",
                "as_written": "drug smuggling",
            },
        ),
        "evidence": frame(
            "evidence",
            ev("event", "t1", "s1:2", 40, "Prisoners were sent north"),
            ev("event", "t1", "s2:1", 0, "29 people were handed over"),
            ev("event", "t2", "s2:2", 30, "Another 26 were sent", status="candidate"),
            ev("event", "t3", "s3:1", 0, "A third group left"),
            ev("event", "tariff", "s1:3", 100, "Trump threatened tariffs"),
            ev("event", "stmt", "s1:3", 130, "Sheinbaum said"),
            ev("quote", "q1", "s1:3", 130, "Sheinbaum said"),
            ev("quote", "q1", "s1:3-4", 146, "We will not accept interference", is_quote_text=True),
            ev("quote", "q2", "s2:2", 60, "A great day", is_quote_text=True),
            ev("quote", "q3", "s1:4", 200, "They must do more", is_quote_text=True),
            ev("allegation", "a1", "s2:1", 0, "narcotics trafficking"),
            ev("event", "c1", "s3:2", 30, "the 1985 murder"),
            ev("actor", "caro", "s1:2", 70, "Rafael Caro Quintero"),
            ev("role", "r4", "s1:2", 40, "Prisoners were sent north"),
            ev("event", "dec", "s3:3", 60, "will not seek the death penalty"),
        ),
    }
    # No stated totals and no disputes: the frames a one-source ledger has.
    for name in ("claims", "event_values", "disputes"):
        built[name] = frame(name)
    built.update(frames)
    return Ledger(**built, seeds_dir=Path("tiny"), input_files={})


@pytest.fixture(scope="module")
def tiny() -> Ledger:
    return tiny_ledger()


def ids(frame: pl.DataFrame, column: str = "event_id") -> list[str]:
    return frame[column].to_list()


def test_tiny_frames_follow_the_schema(tiny: Ledger) -> None:
    for name, table in tiny.tables().items():
        assert table.schema == schema.FRAMES[name], name


def test_every_public_function_has_a_test() -> None:
    text = Path(__file__).read_text(encoding="utf-8")
    untested = [
        name
        for name in metrics.__all__
        if callable(getattr(metrics, name)) and not re.search(rf"metrics\.{name}\(", text)
    ]
    assert untested == []


# -- dates ---------------------------------------------------------------------------------------


def test_parse_day() -> None:
    assert metrics.parse_day("2025-08-12") == D(2025, 8, 12)
    assert metrics.parse_day(" 2025-08-12 ") == D(2025, 8, 12)
    assert metrics.parse_day("") is None
    assert metrics.parse_day(None) is None
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        metrics.parse_day("2025-8-12")
    with pytest.raises(ValueError, match="not a calendar date"):
        metrics.parse_day("2025-02-30")


def test_format_date() -> None:
    assert metrics.format_date(D(2025, 8, 2), "day") == "2 August 2025"
    assert metrics.format_date(D(2025, 2, 1), "month") == "February 2025"
    assert metrics.format_date(D(1985, 1, 1), "year") == "1985"
    assert metrics.format_date(None, None) == "date not stated"
    assert metrics.format_date(D(2025, 2, 1), "unknown") == "date not stated"


def test_period_end(tiny: Ledger) -> None:
    ends = dict(tiny.events.select("event_id", metrics.period_end()).iter_rows())
    assert ends == {
        "t1": D(2025, 2, 28),
        "t2": D(2025, 8, 12),
        "t3": D(2026, 1, 20),
        "tariff": D(2025, 3, 4),
        "deal": D(2025, 6, 30),
        "stmt": None,
        "c1": D(1985, 12, 31),
        "dec": D(2025, 3, 10),
    }


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # A month-precision event (t1, February) overlaps a range that starts mid-February.
        (D(2025, 2, 15), D(2025, 3, 31), {"t1", "tariff", "dec"}),
        (D(2025, 2, 15), D(2025, 2, 20), {"t1"}),
        (D(2025, 3, 1), D(2025, 3, 31), {"tariff", "dec"}),
        # Open ends.
        (None, D(2025, 3, 5), {"c1", "t1", "tariff"}),
        (D(2025, 8, 12), None, {"t2", "t3"}),
        # Undated (stmt) never; everything dated with both ends open.
        (None, None, {"t1", "t2", "t3", "tariff", "deal", "c1", "dec"}),
        # Year precision: 1985 overlaps June 1985.
        (D(1985, 6, 1), D(1985, 6, 30), {"c1"}),
        # One day after the month's end: out.
        (D(2025, 7, 1), D(2025, 7, 31), set()),
    ],
)
def test_in_range(tiny: Ledger, start: dt.date, end: dt.date, expected: set[str]) -> None:
    assert set(ids(tiny.events.filter(metrics.in_range(start, end)))) == expected


SPANS = pl.DataFrame(
    {
        "date_start": [D(2025, 8, 12), D(2025, 2, 1), D(2025, 1, 1), D(2020, 1, 1), D(2025, 2, 1)],
        "date_end": [
            D(2025, 8, 12),
            D(2025, 2, 28),
            D(2025, 12, 31),
            D(2029, 12, 31),
            D(2025, 3, 15),
        ],
        "date_precision": ["day", "month", "year", "year", "month"],
    }
)


def test_span_label_of_own_periods_says_the_precision() -> None:
    assert SPANS.select(metrics.span_label().alias("label"))["label"].to_list() == [
        "12 August 2025 (known to the day)",
        "February 2025 (known to the month)",
        "2025 (known to the year)",
        "the 2020s (known to the year)",
        "1 February 2025 to 15 March 2025 (known to the month)",
    ]


def test_span_label_of_buckets_says_how_dates_were_grouped() -> None:
    labels = SPANS.select(metrics.span_label("month").alias("label"))["label"].to_list()
    assert labels[:3] == [
        "12 August 2025 (grouped by month)",
        "February 2025 (grouped by month)",
        "2025 (grouped by month)",
    ]


def test_date_label(tiny: Ledger) -> None:
    labels = dict(tiny.events.select("event_id", metrics.date_label().alias("label")).iter_rows())
    assert labels["t1"] == "February 2025 (known to the month)"
    assert labels["t2"] == "12 August 2025 (known to the day)"
    assert labels["c1"] == "1985 (known to the year)"
    assert labels["stmt"] is None
    quotes = tiny.quotes.select(
        "quote_id", metrics.date_label("said_on", "said_on_precision").alias("label")
    )
    assert dict(quotes.iter_rows())["q3"] == "February 2025 (known to the month)"


# -- evidence ------------------------------------------------------------------------------------


def test_headline_defaults_and_frozen() -> None:
    head = metrics.Headline("Transfers", 3, (("s1", 2),))
    assert (head.note, head.unreviewed) == ("", 0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        head.value = 4  # type: ignore[misc]


def test_count_evidence_prefers_the_sentence_stating_the_count(tiny: Ledger) -> None:
    stated = metrics.count_evidence(tiny, tiny.events.filter(pl.col("kind") == "transfer"))
    assert sorted(stated.iter_rows()) == [
        ("t1", "s2", 1),  # s1:2 comes first but does not say 29
        ("t2", "s2", 2),
        ("t3", "s3", 1),  # no sentence says 12: the first evidence
    ]


def test_with_first_evidence(tiny: Ledger) -> None:
    events = metrics.with_first_evidence(
        tiny, tiny.events.filter(pl.col("event_id").is_in(["t1", "deal"])), "event_id"
    )
    got = {r["event_id"]: r for r in events.iter_rows(named=True)}
    assert (got["t1"]["evidence_source_id"], got["t1"]["evidence_sentence"]) == ("s1", 2)
    assert got["t1"]["evidence_text"] == "Prisoners were sent north"
    assert got["deal"]["evidence_source_id"] is None
    # The quoted words themselves are not evidence of where a quote was reported.
    quotes = metrics.with_first_evidence(tiny, tiny.quotes.select("quote_id"), "quote_id")
    assert dict(quotes.select("quote_id", "evidence_text").iter_rows()) == {
        "q1": "Sheinbaum said",
        "q2": None,
        "q3": None,
    }


# -- bounds --------------------------------------------------------------------------------------


DATES = pl.Series(
    "date", [D(2025, 2, 1), D(2025, 2, 15), D(2025, 3, 1), D(2026, 7, 4), None], pl.Date
)


@pytest.mark.parametrize(
    ("max_buckets", "label", "first_days"),
    [
        (4, "%Y-%m-%d", [D(2025, 2, 1), D(2025, 2, 15), D(2025, 3, 1), D(2026, 7, 4)]),
        (3, "%b %Y", [D(2025, 2, 1), D(2025, 2, 1), D(2025, 3, 1), D(2026, 7, 1)]),
        (2, "%Y", [D(2025, 1, 1), D(2025, 1, 1), D(2025, 1, 1), D(2026, 1, 1)]),
        (1, "the %Ys", [D(2020, 1, 1)] * 4),
    ],
)
def test_bucket(max_buckets: int, label: str, first_days: list[dt.date]) -> None:
    expr, got_label = metrics.bucket(DATES, max_buckets)
    assert got_label == label
    assert pl.DataFrame({"date": DATES}).select(expr)["date"].to_list() == [*first_days, None]


def test_bucket_beyond_decades_by_century() -> None:
    dates = pl.Series("date", [D(1985, 6, 1), D(2025, 3, 4), D(1899, 12, 31)], pl.Date)
    expr, label = metrics.bucket(dates, 1)
    assert label == "the %Ys"
    assert pl.DataFrame({"date": dates}).select(expr)["date"].to_list() == [
        D(1900, 1, 1),
        D(2000, 1, 1),
        D(1800, 1, 1),
    ]


SPAN_DATES = pl.DataFrame(
    {
        "date": [D(2025, 2, 1), D(2025, 2, 15), D(2025, 3, 1), D(2026, 1, 1)],
        "date_precision": ["month", "day", "day", "year"],
    }
)


@pytest.mark.parametrize(
    ("max_buckets", "how", "spans"),
    [
        # Few dates: each row's own period (the month, the day, the year).
        (
            4,
            "",
            [
                (D(2025, 2, 1), D(2025, 2, 28)),
                (D(2025, 2, 15), D(2025, 2, 15)),
                (D(2025, 3, 1), D(2025, 3, 1)),
                (D(2026, 1, 1), D(2026, 12, 31)),
            ],
        ),
        # By month; the year-precision row is widened to its year.
        (
            3,
            "month",
            [
                (D(2025, 2, 1), D(2025, 2, 28)),
                (D(2025, 2, 1), D(2025, 2, 28)),
                (D(2025, 3, 1), D(2025, 3, 31)),
                (D(2026, 1, 1), D(2026, 12, 31)),
            ],
        ),
        (
            2,
            "year",
            [(D(2025, 1, 1), D(2025, 12, 31))] * 3 + [(D(2026, 1, 1), D(2026, 12, 31))],
        ),
        (1, "decade", [(D(2020, 1, 1), D(2029, 12, 31))] * 4),
    ],
)
def test_bucket_span(max_buckets: int, how: str, spans: list[tuple[dt.date, dt.date]]) -> None:
    first, last, got = metrics.bucket_span(SPAN_DATES["date"], max_buckets)
    assert got == how
    assert SPAN_DATES.select(first.alias("s"), last.alias("e")).rows() == spans


def test_bucket_span_beyond_decades_by_century() -> None:
    frame = pl.DataFrame({"date": [D(1985, 6, 1), D(2025, 3, 4)], "date_precision": ["day", "day"]})
    first, last, how = metrics.bucket_span(frame["date"], 1)
    assert how == "century"
    assert frame.select(first.alias("s"), last.alias("e")).rows() == [
        (D(1900, 1, 1), D(1999, 12, 31)),
        (D(2000, 1, 1), D(2099, 12, 31)),
    ]


def test_top_keeps_the_largest_and_counts_the_rest() -> None:
    data = pl.DataFrame({"name": list("abcde"), "n": [3, 9, 1, 7, 5]})
    kept, left_out = metrics.top(data, "n", 3)
    assert kept["name"].to_list() == ["b", "d", "e"]
    assert left_out == 2
    kept, left_out = metrics.top(data, "n", 10)
    assert (kept["name"].to_list(), left_out) == (["b", "d", "e", "a", "c"], 0)


def test_top_defaults_to_max_bars() -> None:
    data = pl.DataFrame({"n": range(metrics.MAX_BARS + 5)})
    kept, left_out = metrics.top(data, "n")
    assert (kept.height, left_out) == (metrics.MAX_BARS, 5)
    assert kept["n"][0] == metrics.MAX_BARS + 4


def test_bounds_constants() -> None:
    assert (metrics.MAX_DAYS, metrics.MAX_COLUMNS, metrics.MAX_BARS) == (400, 24, 30)
    assert [every for every, _ in metrics.PERIODS] == ["", "1mo", "1y", "10y"]
    assert set(metrics.POLICY_LANES) <= set(schema.LANES)
    assert set(metrics.ACTING_ROLES) <= set(schema.ROLES)


def test_coverage_histogram() -> None:
    coverage = pl.DataFrame({"share_used": [0.0, 0.05, 0.75, 0.79, 1.0]})
    assert metrics.coverage_histogram(coverage).rows() == [
        (0, 2, "0–10%"),
        (7, 2, "70–80%"),
        (9, 1, "90–100%"),  # a source used in full falls in the last tenth
    ]


def test_facts_by_position() -> None:
    per_sentence = pl.DataFrame(
        {"source": ["s1", "s1", "s2"], "sentence": [1, 2, 1], "facts": [2, 0, 1]}
    )
    assert metrics.facts_by_position(per_sentence).rows() == [(1, 3, 2), (2, 0, 1)]


# -- transfers -----------------------------------------------------------------------------------


def test_transfers_in_date_order_with_the_count_sentence(tiny: Ledger) -> None:
    data = metrics.transfers(tiny)
    assert data.select("event_id", "count_source_id", "count_sentence").rows() == [
        ("t1", "s2", 1),
        ("t2", "s2", 2),
        ("t3", "s3", 1),
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2025, 2, 15), D(2025, 2, 20), ["t1"]),  # February, to the month, overlaps
        (D(2025, 3, 1), D(2025, 12, 31), ["t2"]),
        (None, D(2025, 8, 12), ["t1", "t2"]),
        (D(2025, 8, 13), None, ["t3"]),
        (D(2030, 1, 1), None, []),
    ],
)
def test_transfers_in_range(
    tiny: Ledger, start: dt.date, end: dt.date, expected: list[str]
) -> None:
    assert ids(metrics.transfers(tiny, start=start, end=end)) == expected


def test_transfer_headlines(tiny: Ledger) -> None:
    refs = (("s2", 1), ("s2", 2), ("s3", 1))
    assert metrics.transfer_headlines(tiny) == [
        metrics.Headline("People transferred", 67, refs, unreviewed=1),
        metrics.Headline("Transfers", 3, refs, unreviewed=1),
        metrics.Headline("Largest transfer", 29, (("s2", 1),), note="February 2025"),
        metrics.Headline("Latest transfer", 12, (("s3", 1),), note="20 January 2026"),
    ]


def test_transfer_headlines_in_range(tiny: Ledger) -> None:
    heads = metrics.transfer_headlines(tiny, start=D(2025, 8, 1))
    assert [(h.label, h.value, h.note, h.unreviewed) for h in heads] == [
        ("People transferred", 38, "", 1),
        ("Transfers", 2, "", 1),
        ("Largest transfer", 26, "12 August 2025", 1),
        ("Latest transfer", 12, "20 January 2026", 0),
    ]


def test_transfer_headlines_of_nothing(tiny: Ledger) -> None:
    assert metrics.transfer_headlines(tiny, start=D(2030, 1, 1)) == [
        metrics.Headline("People transferred", 0, ()),
        metrics.Headline("Transfers", 0, ()),
    ]


def test_transfers_summary() -> None:
    line = metrics.transfers_summary({"People transferred": 67, "Transfers": 3})
    assert line == "67 people in 3 transfers from Mexico to the United States"


def test_charges_by_transfer(tiny: Ledger) -> None:
    rows = metrics.charges_by_transfer(tiny).rows(named=True)
    got = [
        (
            r["transfer"],
            r["date"],
            r["charge"],
            r["allegations"],
            set(r["as_written"].split("; ")),
            set(r["accused"].split(", ")),
        )
        for r in rows
    ]
    assert got == [
        (
            "February 2025 (29 people)",
            D(2025, 2, 1),
            "drug trafficking",
            2,
            {"narcotics trafficking", "drug smuggling"},
            {"Rafael Caro Quintero", "the group"},
        ),
        (
            "February 2025 (29 people)",
            D(2025, 2, 1),
            "organised crime",
            1,
            {"cartel members"},
            {"the group"},
        ),
        (
            "12 August 2025 (26 people)",
            D(2025, 8, 12),
            "drug trafficking",
            1,
            {"drug trafficking"},
            {"the group"},
        ),
    ]
    august = metrics.charges_by_transfer(tiny, start=D(2025, 8, 1))
    assert august["transfer"].unique().to_list() == ["12 August 2025 (26 people)"]


def test_charges_grid_per_transfer(tiny: Ledger) -> None:
    grid = metrics.charges_grid(tiny).select("transfer", "charge", "transfers")
    assert grid.rows() == [
        ("February 2025 (29 people)", "drug trafficking", 1),
        ("February 2025 (29 people)", "organised crime", 1),
        ("12 August 2025 (26 people)", "drug trafficking", 1),
    ]


def test_charges_grid_beyond_max_columns_by_period(tiny: Ledger) -> None:
    # Two transfers, one column allowed: both fall in 2025.
    grid = metrics.charges_grid(tiny, max_columns=1).select(
        "transfer", "date", "charge", "transfers"
    )
    assert grid.rows() == [
        ("transfers of 2025", D(2025, 1, 1), "drug trafficking", 2),
        ("transfers of 2025", D(2025, 1, 1), "organised crime", 1),
    ]


def test_suspects_with_past_crimes(tiny: Ledger) -> None:
    assert metrics.suspects_with_past_crimes(tiny).rows(named=True) == [
        {
            "suspect": "Rafael Caro Quintero",
            "crime": "Murder of Enrique Camarena",
            "crime_year": 1985,
            "charge": "drug trafficking",
            "as_written": "narcotics trafficking",
            "transfer": "29 sent in February",
            "transfer_date": D(2025, 2, 1),
            "transfer_precision": "month",
            "transferred": "February 2025 (“in February”)",
            "years_to_transfer": 40,
            "allegation_id": "a1",
            "status": "reviewed",
        }
    ]


def test_related_decisions(tiny: Ledger) -> None:
    decisions = metrics.related_decisions(tiny)
    assert decisions.select("event_id", "evidence_source_id", "evidence_sentence").rows() == [
        ("dec", "s3", 3)
    ]
    assert metrics.related_decisions(tiny, start=D(2025, 8, 1)).is_empty()


def test_transfers_by_date(tiny: Ledger) -> None:
    data = metrics.transfers_by_date(tiny)
    assert data.select("date", "people", "transfers", "unreviewed", "cumulative").rows() == [
        (D(2025, 2, 1), 29, 1, 0, 29),
        (D(2025, 8, 12), 26, 1, 1, 55),
        (D(2026, 1, 20), 12, 1, 0, 67),
    ]


def test_transfers_by_date_beyond_max_days_by_period(tiny: Ledger) -> None:
    # Three days and three months exceed two buckets; two years do not.
    data = metrics.transfers_by_date(tiny, max_days=2)
    assert data.select("date", "people", "transfers", "unreviewed", "cumulative").rows() == [
        (D(2025, 1, 1), 55, 2, 1, 55),
        (D(2026, 1, 1), 12, 1, 0, 67),
    ]
    assert data["title"][0] == "26 sent in August | 29 sent in February"


def test_suspects_with_past_crimes_in_range(tiny: Ledger) -> None:
    # The range is the transfer's (February 2025), not the crime's (1985).
    assert ids(metrics.suspects_with_past_crimes(tiny, end=D(2025, 2, 10)), "allegation_id") == [
        "a1"
    ]
    assert metrics.suspects_with_past_crimes(tiny, start=D(2025, 3, 1)).is_empty()
    assert metrics.suspects_with_past_crimes(
        tiny, start=D(1985, 1, 1), end=D(1985, 12, 31)
    ).is_empty()


def test_transfers_by_date_rows_are_spans(tiny: Ledger) -> None:
    data = metrics.transfers_by_date(tiny)
    assert data.select("date_start", "date_end", "span", "date_label", "previous").rows() == [
        (D(2025, 2, 1), D(2025, 2, 28), True, "February 2025 (known to the month)", 0),
        (D(2025, 8, 12), D(2025, 8, 12), False, "12 August 2025 (known to the day)", 29),
        (D(2026, 1, 20), D(2026, 1, 20), False, "20 January 2026 (known to the day)", 55),
    ]
    by_year = metrics.transfers_by_date(tiny, max_days=2)
    assert by_year.select("date_start", "date_end", "span", "date_label").rows() == [
        (D(2025, 1, 1), D(2025, 12, 31), True, "2025 (grouped by year)"),
        (D(2026, 1, 1), D(2026, 12, 31), True, "2026 (grouped by year)"),
    ]


def test_running_total_rises_across_a_month_and_steps_on_a_day(tiny: Ledger) -> None:
    path = metrics.running_total(metrics.transfers_by_date(tiny))
    assert path.rows() == [
        (D(2025, 2, 1), 0.0, 0),  # February: from 0 on its first day...
        (D(2025, 2, 28), 29.0, 1),  # ...to 29 on its last, not 29 on 1 February
        (D(2025, 8, 12), 29.0, 2),  # a day: a step
        (D(2025, 8, 12), 55.0, 3),
        (D(2026, 1, 20), 55.0, 4),
        (D(2026, 1, 20), 67.0, 5),
    ]


def test_running_total_of_overlapping_spans_spreads_each_evenly() -> None:
    spans = pl.DataFrame(
        {
            "date_start": [D(2025, 2, 1), D(2025, 2, 15)],
            "date_end": [D(2025, 2, 28), D(2025, 2, 15)],
            "people": [27, 10],
        }
    )
    # 27 over the 27 days from 1 to 28 February: 14 by the 15th, when 10 more arrive.
    assert metrics.running_total(spans).rows() == [
        (D(2025, 2, 1), 0.0, 0),
        (D(2025, 2, 15), 14.0, 1),
        (D(2025, 2, 15), 24.0, 2),
        (D(2025, 2, 28), 37.0, 3),
    ]
    assert metrics.running_total(spans.clear()).is_empty()


# -- policy --------------------------------------------------------------------------------------


def test_acting_country(tiny: Ledger) -> None:
    acting = metrics.acting_country(tiny)
    assert dict(acting.select("event_id", "country").iter_rows()) == {
        "t1": "Mexico",  # its origin, though the United States' Trump announced it (r6)
        "t2": "Mexico",
        "t3": "Mexico",  # no origin: the country of the organisation that announced it
        "tariff": "United States",  # two acting roles: the first by role id (r1, Trump)
        "stmt": "Mexico",
        "c1": "Not attributed",  # a suspect does not act
        "dec": "Not attributed",
        "deal": "Not attributed",
    }
    assert dict(acting.select("event_id", "country_id").iter_rows())["t3"] == "mx"


def test_policy_events(tiny: Ledger) -> None:
    # Dated events of the three lanes (not the crime, not the undated statement), by date.
    events = metrics.policy_events(tiny)
    assert ids(events) == ["t1", "tariff", "dec", "deal", "t2", "t3"]


@pytest.mark.parametrize(
    ("countries", "expected"),
    [
        (["Mexico"], ["t1", "t2", "t3"]),
        (["mexico"], ["t1", "t2", "t3"]),
        (["us"], ["tariff"]),  # by id
        ([" United States "], ["tariff"]),
        (["Mexico", "US"], ["t1", "tariff", "t2", "t3"]),
        (["Canada"], []),
        ([], ["t1", "tariff", "dec", "deal", "t2", "t3"]),
        (None, ["t1", "tariff", "dec", "deal", "t2", "t3"]),
    ],
)
def test_policy_events_by_country(
    tiny: Ledger, countries: list[str] | None, expected: list[str]
) -> None:
    assert ids(metrics.policy_events(tiny, countries=countries)) == expected


def test_policy_events_in_range(tiny: Ledger) -> None:
    events = metrics.policy_events(tiny, start=D(2025, 2, 15), end=D(2025, 3, 5))
    assert ids(events) == ["t1", "tariff"]


def test_undated_policy_events(tiny: Ledger) -> None:
    assert ids(metrics.undated_policy_events(tiny)) == ["stmt"]
    assert ids(metrics.undated_policy_events(tiny, ["Mexico"])) == ["stmt"]
    assert metrics.undated_policy_events(tiny, ["us"]).is_empty()


def test_policy_lanes_one_row_per_event_when_few(tiny: Ledger) -> None:
    lanes = metrics.policy_lanes(tiny).select("date", "lane", "country", "events")
    assert lanes.rows() == [
        (D(2025, 2, 1), "security cooperation", "Mexico", 1),
        (D(2025, 3, 4), "trade pressure", "United States", 1),
        (D(2025, 3, 10), "security cooperation", "Not attributed", 1),
        (D(2025, 6, 1), "trade pressure", "Not attributed", 1),
        (D(2025, 8, 12), "security cooperation", "Mexico", 1),
        (D(2026, 1, 20), "security cooperation", "Mexico", 1),
    ]


def test_policy_lanes_beyond_max_days_by_period(tiny: Ledger) -> None:
    # Six days, five months, two years: one bucket only by decade.
    lanes = metrics.policy_lanes(tiny, max_days=1)
    got = set(
        lanes.select("date", "lane", "country", "date_precision", "events", "unreviewed").rows()
    )
    decade = D(2020, 1, 1)
    assert got == {
        (decade, "security cooperation", "Mexico", "month", 1, 0),
        (decade, "security cooperation", "Mexico", "day", 2, 1),
        (decade, "security cooperation", "Not attributed", "day", 1, 0),
        (decade, "trade pressure", "United States", "day", 1, 0),
        (decade, "trade pressure", "Not attributed", "month", 1, 0),
    }


def test_quotes(tiny: Ledger) -> None:
    said = metrics.quotes(tiny)
    rows = said.select(
        "quote_id", "speaker", "country", "date", "date_precision", "sources", "evidence_text"
    ).rows()
    assert rows == [
        ("q3", "Donald Trump", "United States", D(2025, 2, 1), "month", ONE, None),
        ("q1", "Claudia Sheinbaum", "Mexico", D(2025, 3, 5), "day", ONE, "Sheinbaum said"),
        # Undated: placed on the day it was reported.
        ("q2", "Donald Trump", "United States", D(2025, 8, 13), "unknown", TWO, None),
    ]
    # One "When" column: the period in words and the source's own words, or the day reported.
    assert said["when"].to_list()[2] == "not stated; reported 13 August 2025"


@pytest.mark.parametrize(
    ("start", "end", "countries", "expected"),
    [
        (D(2025, 2, 15), D(2025, 3, 31), None, ["q3", "q1"]),  # q3 said in February
        (D(2025, 8, 1), D(2025, 8, 31), None, ["q2"]),  # undated, reported in August
        (D(2025, 3, 6), None, None, ["q2"]),
        (None, D(2025, 2, 28), None, ["q3"]),
        (None, None, ["Mexico"], ["q1"]),
        (None, None, ["us"], ["q3", "q2"]),
    ],
)
def test_quotes_in_range_and_country(
    tiny: Ledger,
    start: dt.date | None,
    end: dt.date | None,
    countries: list[str] | None,
    expected: list[str],
) -> None:
    said = metrics.quotes(tiny, start=start, end=end, countries=countries)
    assert ids(said, "quote_id") == expected


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"Dated events": 6, "Transfers": 3, "Trade moves": 2, "Quotes": 3}),
        (
            {"start": D(2025, 2, 15), "end": D(2025, 3, 31)},
            {"Dated events": 3, "Transfers": 1, "Trade moves": 1, "Quotes": 2},
        ),
        (
            {"countries": ["Mexico"]},
            {"Dated events": 3, "Transfers": 3, "Trade moves": 0, "Quotes": 1},
        ),
        (
            {"start": D(2025, 8, 1), "countries": ["us"]},
            {"Dated events": 0, "Transfers": 0, "Trade moves": 0, "Quotes": 1},
        ),
    ],
)
def test_policy_figures(tiny: Ledger, kwargs: dict[str, Any], expected: dict[str, int]) -> None:
    figures = metrics.policy_figures(tiny, **kwargs)
    assert figures == expected
    assert list(figures) == ["Dated events", "Transfers", "Trade moves", "Quotes"]


def test_policy_figures_of_an_empty_ledger() -> None:
    empty = tiny_ledger(
        events=frame("events"), quotes=frame("quotes"), event_actors=frame("event_actors")
    )
    assert metrics.policy_figures(empty) == {
        "Dated events": 0,
        "Transfers": 0,
        "Trade moves": 0,
        "Quotes": 0,
    }


def test_policy_summary() -> None:
    figures = {"Dated events": 6, "Transfers": 3, "Trade moves": 2, "Quotes": 3}
    assert metrics.policy_summary(figures) == (
        "3 transfers and 2 trade moves among 6 dated events; 3 quotes"
    )


def _with_parties(tiny: Ledger) -> Ledger:
    """The tiny ledger where the tariff pause (deal) has two parties: the United States, and
    Mexico through its organisation fgr."""
    parties = frame(
        "event_actors",
        {"role_id": "p1", "event_id": "deal", "actor_id": "us", "role": "party"},
        {"role_id": "p2", "event_id": "deal", "actor_id": "fgr", "role": "party"},
    )
    return dataclasses.replace(tiny, event_actors=pl.concat([tiny.event_actors, parties]))


def test_acting_country_of_an_event_with_parties_is_every_party(tiny: Ledger) -> None:
    acting = metrics.acting_country(_with_parties(tiny))
    rows = {r["event_id"]: r for r in acting.iter_rows(named=True)}
    assert rows["deal"]["countries"] == ["Mexico", "United States"]
    assert rows["deal"]["country_ids"] == ["mx", "us"]
    assert rows["deal"]["country"] == "Mexico and United States"
    assert rows["deal"]["country_id"] == "mx, us"
    assert (rows["t1"]["countries"], rows["t1"]["country"]) == (["Mexico"], "Mexico")
    assert (rows["c1"]["countries"], rows["c1"]["country"]) == ([], "Not attributed")
    assert acting.height == tiny.events.height, "one row per event"


@pytest.mark.parametrize(
    ("countries", "trade_moves", "dated"),
    [(["Mexico"], 1, 4), (["us"], 2, 2), (["Mexico", "United States"], 2, 5), (None, 2, 6)],
)
def test_an_event_with_parties_counts_once_for_any_of_its_countries(
    tiny: Ledger, countries: list[str] | None, trade_moves: int, dated: int
) -> None:
    ledger = _with_parties(tiny)
    assert "deal" in ids(metrics.policy_events(ledger, countries=countries))
    figures = metrics.policy_figures(ledger, countries=countries)
    assert (figures["Trade moves"], figures["Dated events"]) == (trade_moves, dated)


def test_policy_lanes_draw_an_event_with_parties_once_in_its_own_category(tiny: Ledger) -> None:
    lanes = metrics.policy_lanes(_with_parties(tiny))
    deal = lanes.filter(pl.col("titles") == "Tariff pause")
    assert deal.select("country", "events", "date_start", "date_end", "span").rows() == [
        ("Mexico and United States", 1, D(2025, 6, 1), D(2025, 6, 30), True)
    ]
    assert lanes["events"].sum() == 6


def test_country_label() -> None:
    names = pl.DataFrame(
        {"n": [[], ["Mexico"], ["Mexico", "United States"], ["Canada", "Mexico", "United States"]]},
        schema={"n": pl.List(pl.String)},
    )
    assert names.select(metrics.country_label(pl.col("n")).alias("label"))["label"].to_list() == [
        "Not attributed",
        "Mexico",
        "Mexico and United States",
        "Canada, Mexico and United States",
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2025, 3, 5), D(2025, 3, 5), ["stmt"]),  # reported on 5 March 2025
        (None, D(2025, 3, 4), []),
        (D(2025, 3, 6), None, []),
        (D(2025, 1, 1), D(2025, 12, 31), ["stmt"]),
    ],
)
def test_undated_policy_events_by_the_day_reported(
    tiny: Ledger, start: dt.date | None, end: dt.date | None, expected: list[str]
) -> None:
    assert ids(metrics.undated_policy_events(tiny, start=start, end=end)) == expected


# -- sources -------------------------------------------------------------------------------------


def test_fact_evidence(tiny: Ledger) -> None:
    facts = metrics.fact_evidence(tiny)
    assert facts.height == 15  # one row per evidence row
    assert facts.select("fact_type", "fact_id", "source_id", "sentence").head(4).rows() == [
        ("event", "t1", "s1", 2),  # same place as r4: by kind, then id
        ("role", "r4", "s1", 2),
        ("actor", "caro", "s1", 2),
        ("event", "tariff", "s1", 3),
    ]
    labels = dict(facts.select("fact_id", "fact").unique().iter_rows())
    assert labels["q1"] == "Claudia Sheinbaum quoted: “We will not accept interference”"
    # Names and titles, never ids; the source's words where they differ from the charge.
    assert labels["a1"] == (
        "Alleged against Rafael Caro Quintero: drug trafficking (“narcotics trafficking”)"
    )
    assert labels["r4"] == "Rafael Caro Quintero: suspect in “29 sent in February”"
    assert facts["source_name"].to_list()[0] == ONE
    assert labels["caro"] == "Rafael Caro Quintero"
    assert labels["t1"] == "29 sent in February"
    assert facts.filter(pl.col("fact_id") == "t3")["sentence_text"].to_list() == ["s3 1"]


#: How readers know the tiny ledger's first two sources (by outlet, title and day).
ONE = "Outlet: “One”, published 28 February 2025"
TWO = "Outlet: “Two”, published 13 August 2025"


def test_source_label() -> None:
    assert metrics.source_label(None, None, D(2025, 8, 12)) == (
        "unknown outlet, published 12 August 2025"
    )
    assert metrics.source_label("Wire", None, D(2025, 8, 12)) == "Wire, published 12 August 2025"
    assert metrics.source_label(None, "T", None) == "“T” (unknown outlet), date unknown"


def test_source_names_tell_apart_two_that_read_the_same(tiny: Ledger) -> None:
    names = metrics.source_names(tiny)
    assert names.rows()[:2] == [("s1", ONE), ("s2", TWO)]
    twins = tiny.sources.with_columns(title=pl.lit("Same"), published=pl.lit(D(2025, 1, 1)))
    same = metrics.source_names(dataclasses.replace(tiny, sources=twins))
    assert same["source_name"].to_list()[:2] == [
        "Outlet: “Same”, published 1 January 2025 (s1)",
        "Outlet: “Same”, published 1 January 2025 (s2)",
    ]


def test_with_source_name(tiny: Ledger) -> None:
    frame = pl.DataFrame({"source_id": ["s2", "nope"]})
    assert metrics.with_source_name(tiny, frame).rows() == [("s2", TWO), ("nope", None)]


def test_when_words() -> None:
    frame = pl.DataFrame(
        {
            "date": [D(2025, 2, 1), D(2025, 8, 12), None, None],
            "date_precision": ["month", "day", "unknown", "unknown"],
            "date_as_written": ["In February", None, "months", None],
        }
    )
    assert frame.select(metrics.when_words().alias("when"))["when"].to_list() == [
        "February 2025 (“In February”)",
        "12 August 2025",
        "“months” (no date given)",
        "not stated",
    ]


def test_sentence_coverage(tiny: Ledger) -> None:
    coverage = metrics.sentence_coverage(tiny)
    assert coverage.rows() == [
        # s1: sentences 2, 3 and 4 (q1's words run from 3 to 4); 1 is not cited.
        (ONE, "s1", 4, 3, 0.75),
        (TWO, "s2", 2, 2, 1.0),
        ("Outlet: “Three”, published 21 January 2026", "s3", 4, 3, 0.75),
        ("Outlet: “Four”, published 1 February 2026", "s4", 1, 0, 0.0),
    ]


def test_facts_per_sentence(tiny: Ledger) -> None:
    per = metrics.facts_per_sentence(tiny).select("source_id", "sentence", "facts")
    assert per.rows() == [
        ("s1", 1, 0),
        ("s1", 2, 3),  # t1, caro, r4
        ("s1", 3, 3),  # tariff, stmt, q1 (twice, counted once)
        ("s1", 4, 1),  # q3 (q1 starts at 3)
        ("s2", 1, 2),
        ("s2", 2, 2),
        ("s3", 1, 1),
        ("s3", 2, 1),
        ("s3", 3, 1),
        ("s3", 4, 0),
        ("s4", 1, 0),
    ]


def test_single_source_facts(tiny: Ledger) -> None:
    single = metrics.single_source_facts(tiny)
    assert single.select("fact_type", "fact_id", "source_id", "status").rows() == [
        ("allegation", "a1", "s2", "reviewed"),
        ("event", "c1", "s3", "reviewed"),
        ("event", "dec", "s3", "reviewed"),
        ("event", "stmt", "s1", "reviewed"),
        # t1 has two sources and is not here.
        ("event", "t2", "s2", "candidate"),
        ("event", "t3", "s3", "reviewed"),
        ("event", "tariff", "s1", "reviewed"),
        ("quote", "q1", "s1", "reviewed"),  # two rows, one source
        ("quote", "q2", "s2", "reviewed"),
        ("quote", "q3", "s1", "reviewed"),
    ]


def test_sources_figures(tiny: Ledger) -> None:
    figures = metrics.sources_figures(tiny)
    assert figures == {
        "Sources": 4,
        "Facts": 13,
        "Evidence quotations": 15,
        "Facts with one source": 10,
    }
    assert list(figures) == ["Sources", "Facts", "Evidence quotations", "Facts with one source"]


def test_sources_figures_of_an_empty_ledger() -> None:
    empty = tiny_ledger(evidence=frame("evidence"))
    assert metrics.sources_figures(empty) == {
        "Sources": 4,
        "Facts": 0,
        "Evidence quotations": 0,
        "Facts with one source": 0,
    }


@pytest.mark.parametrize(
    ("figures", "line"),
    [
        (
            {"Sources": 4, "Facts": 13, "Evidence quotations": 15},
            "13 facts from 4 sources, resting on 15 quotations",
        ),
        (
            {"Sources": 1, "Facts": 2, "Evidence quotations": 3},
            "2 facts from 1 source, resting on 3 quotations",
        ),
        (
            {"Sources": 0, "Facts": 0, "Evidence quotations": 0},
            "0 facts from 0 sources, resting on 0 quotations",
        ),
    ],
)
def test_sources_summary(figures: dict[str, int], line: str) -> None:
    assert metrics.sources_summary(figures) == line


# -- stated totals and disputes (two sources: tests/fixtures/second_source) ----------------------


def test_stated_totals(two_sources: Path) -> None:
    ledger = analysis.load(two_sources)
    rows = {r["claim_id"]: r for r in metrics.stated_totals(ledger).iter_rows(named=True)}
    assert rows["total-two-transfers-2025"]["verdict"] == "agrees"
    assert rows["total-since-january-2025"]["verdict"] == "disagrees: the ledger has 55"
    assert rows["total-since-january-2025"]["claim"] == (
        "People transferred since January 2025, as of 13 August 2025"
    )
    assert rows["third-transfer"]["source_says"] == "Tuesday's handover was the third transfer"
    assert rows["third-transfer"]["evidence_sentence"] == 4


def test_claim_warnings(two_sources: Path, ledger: Ledger) -> None:
    warnings = metrics.claim_warnings(analysis.load(two_sources))
    assert len(warnings) == 2
    assert any("states 92" in w and "the ledger has 55" in w for w in warnings)
    assert metrics.claim_warnings(ledger) == []


def test_source_disputes(two_sources: Path, ledger: Ledger) -> None:
    rows = metrics.source_disputes(analysis.load(two_sources)).to_dicts()
    assert [(r["source_id"], r["value"], r["shown"]) for r in rows] == [
        ("000_a622ddb6cab2c3b2", "2025-02", False),
        ("001_test_second_account", "2025-02-28", True),
    ]
    assert rows[1]["evidence_sentence"] == 1
    assert {r["difference"] for r in rows} == {"in precision only"}
    assert metrics.source_disputes(ledger).is_empty()

"""Score :func:`analysis.extract` against the hand-curated ledger of the first source.

The curated facts of source ``000_a622ddb6cab2c3b2`` (read with :func:`analysis.load`) are the
gold standard. For each kind of fact this prints how many the ledger holds, how many the
extractor found, how many match, and precision and recall; the target is recall >= 0.9 and
precision >= 0.8 for every kind. It exits with status 1 when a target is missed.

How items are compared:

- people: an extracted person matches a curated one with the same name or alias;
- titles: a person whose extracted title equals the curated one (reported, not a target);
- quotes: by part (the text between one pair of quotation marks) with its speaker, since
  curators may keep two parts as one quote or two;
- counts: distinct (value, unit): the people of a transfer, the days of a duration;
- dates: distinct (as written, date, precision) of events and quotes with a known date;
- charges: the same charge whose words lie inside the curated allegation's evidence.

It then prints how long extraction takes on 10 KB, 100 KB and 1 MB of text, and the ratio of
each time to the one before (linear growth: about 10x a step).

Run: ``python benchmarks/extraction.py``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import polars as pl

import analysis
from analysis.ledger.text import normalise

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

SOURCE_ID = "000_a622ddb6cab2c3b2"
TARGET_RECALL = 0.9
TARGET_PRECISION = 0.8


def norm(text: str | None) -> str:
    """Case, quotation marks and spaces normalised."""
    return normalise(text or "").casefold().strip()


def match(gold: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool]) -> int:
    """Pairs matched one to one, greedily in order."""
    free = list(gold)
    hits = 0
    for item in found:
        for candidate in free:
            if same(candidate, item):
                free.remove(candidate)
                hits += 1
                break
    return hits


def score(ledger: analysis.Ledger) -> pl.DataFrame:
    """One row per kind: gold, found, matched, precision, recall, met."""
    source = ledger.sources.filter(source_id=SOURCE_ID).row(0, named=True)
    text = (ledger.seeds_dir / source["text_path"]).read_text(encoding="utf-8")
    found = analysis.extract(text, published=source["published"])
    evidence = ledger.evidence.filter(source_id=SOURCE_ID)
    rows = []

    def add(kind: str, gold: Sequence[Any], got: Sequence[Any], same: Callable[[Any, Any], bool],
            *, target: bool = True) -> None:  # fmt: skip
        hits = match(gold, got, same)
        precision = hits / len(got) if got else 0.0
        recall = hits / len(gold) if gold else 0.0
        met = precision >= TARGET_PRECISION and recall >= TARGET_RECALL
        rows.append(
            {"kind": kind, "gold": len(gold), "found": len(got), "matched": hits,
             "precision": round(precision, 3), "recall": round(recall, 3),
             "target met": ("yes" if met else "NO") if target else "(not a target)"}
        )  # fmt: skip

    # People.
    people = ledger.actors.filter(kind="person")
    gold_people = [
        {norm(r["name"]), *(norm(a) for a in r["aliases"])} for r in people.iter_rows(named=True)
    ]
    got_people = [norm(n) for n in found.actors.filter(kind="person")["name"]]
    add("people", gold_people, got_people, lambda g, x: x in g)
    gold_titles = [(norm(r["name"]), norm(r["title"])) for r in people.iter_rows(named=True)]
    got_titles = [
        (norm(r["name"]), norm(r["title"]))
        for r in found.actors.filter(kind="person").iter_rows(named=True)
    ]
    add("titles", gold_titles, got_titles, lambda g, x: g == x, target=False)

    # Quotes, by part, with the speaker.
    names = dict(zip(ledger.actors["actor_id"], ledger.actors["name"], strict=True))
    speakers = dict(zip(ledger.quotes["quote_id"], ledger.quotes["speaker_id"], strict=True))
    gold_parts = [
        (norm(names[speakers[r["fact_id"]]]), norm(r["text"]))
        for r in evidence.filter(fact_type="quote", is_quote_text=True).iter_rows(named=True)
    ]
    got_parts = [
        (norm(r["speaker"]), norm(part))
        for r in found.quotes.iter_rows(named=True)
        for part in r["parts"]
    ]
    add("quotes", gold_parts, got_parts, lambda g, x: g == x)

    # Counts: the people of transfers and the durations of agreements.
    gold_counts = sorted(
        {(int(v), "people") for v in ledger.events["people"].drop_nulls()}
        | {(int(v), "days") for v in ledger.events["duration_days"].drop_nulls()}
    )
    got_counts = sorted({(r["value"], r["unit"]) for r in found.counts.iter_rows(named=True)})
    add("counts", gold_counts, got_counts, lambda g, x: g == x)

    # Dates of events and quotes, with what was written.
    dated = pl.concat(
        [
            ledger.events.select(
                written="date_as_written", date="date", precision="date_precision"
            ),
            ledger.quotes.select(
                written="said_on_as_written", date="said_on", precision="said_on_precision"
            ),
        ]
    ).filter(pl.col("date").is_not_null())
    gold_dates = sorted({(norm(r["written"]), r["date"], r["precision"])
                         for r in dated.iter_rows(named=True)})  # fmt: skip
    got_dates = sorted(
        {
            (norm(r["as_written"]), r["date"], r["precision"])
            for r in found.dates.iter_rows(named=True)
        }
    )

    def same_date(g: tuple[str, Any, str], x: tuple[str, Any, str]) -> bool:
        return g[1:] == x[1:] and g[0].removeprefix("in ") == x[0].removeprefix("in ")

    add("dates", gold_dates, got_dates, same_date)

    # Charges: the same charge inside the allegation's evidence.
    spans = evidence.filter(fact_type="allegation").select("fact_id", "char_start", "char_end")
    charges = dict(zip(ledger.allegations["allegation_id"], ledger.allegations["charge"],
                       strict=True))  # fmt: skip
    gold_charges = [
        (charges[r["fact_id"]], r["char_start"], r["char_end"]) for r in spans.iter_rows(named=True)
    ]
    got_charges = [
        (r["charge"], r["char_start"], r["char_end"]) for r in found.charges.iter_rows(named=True)
    ]
    add("charges", gold_charges, got_charges,
        lambda g, x: g[0] == x[0] and g[1] <= x[1] and x[2] <= g[2])  # fmt: skip
    return pl.DataFrame(rows)


#: Text sizes timed by :func:`timings`: extraction is linear, so each takes ~10x the one before.
SIZES = (10_000, 100_000, 1_000_000)
SENTENCE = "Mexico has sent 5 suspects to the United States. "


def timings() -> list[tuple[int, float]]:
    """Seconds :func:`analysis.extract` takes on texts of :data:`SIZES` characters (one
    sentence repeated, on one line: the worst case of the sentence splitter)."""
    import datetime as dt  # noqa: PLC0415
    import time  # noqa: PLC0415

    out = []
    for size in SIZES:
        text = SENTENCE * (size // len(SENTENCE))
        start = time.perf_counter()
        analysis.extract(text, published=dt.date(2025, 8, 12))
        out.append((size, time.perf_counter() - start))
    return out


def main() -> int:
    """Print the table and the timings; return 1 when a target is missed."""
    table = score(analysis.load())
    with pl.Config(tbl_rows=-1, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True,
                   tbl_width_chars=120):  # fmt: skip
        print(f"Extractor vs the curated ledger of {SOURCE_ID}")
        print(f"(target: recall >= {TARGET_RECALL}, precision >= {TARGET_PRECISION})")
        print(table)
    previous = None
    for size, seconds in timings():
        ratio = f" ({seconds / previous:.1f}x the previous size)" if previous else ""
        print(f"extraction of {size // 1000:,} KB: {seconds:.2f} s{ratio}")
        previous = seconds
    return 0 if (table["target met"] != "NO").all() else 1


if __name__ == "__main__":
    sys.exit(main())

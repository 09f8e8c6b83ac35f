"""Transfers and extraditions: a sentence outside quotation marks with a transfer verb and a
count of people, with its date, origin, destination and the suspects it names."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, TypeVar

from analysis.ingest.extraction._common import COUNTRIES, SP, Spans, alternation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from analysis.ingest.extraction._common import DateSpan, Mention
    from analysis.ledger.text import Sentence

__all__ = ["find_events"]

T = TypeVar("T")

_VICTIM = re.compile(
    r"\b(?:killing|murder|death|kidnapping|abduction|assassination)s?\s+of(?:\s+[\w.\u2019'-]+){0,6}"
    r"\s*$"
)
_TRANSFER_VERBS = re.compile(
    r"\b(?:extradit(?:ed|es|e|ing)|transferr(?:ed|ing)|transfers?|sent|sends|sending|"
    r"handed|hands|handing|expelled|expels|deported|deports|delivered|surrendered|shipped)\b"
)


def _by_sentence(
    begins: list[int], sentences: list[Sentence], items: Iterable[T], at: Callable[[T], int]
) -> dict[int, list[T]]:
    """The items by the index of the sentence holding their start, in their order."""
    found: dict[int, list[T]] = {}
    for item in items:
        start = at(item)
        index = bisect.bisect_right(begins, start) - 1
        if index >= 0 and start < sentences[index].end:
            found.setdefault(index, []).append(item)
    return found


def find_events(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    dates: list[DateSpan],
    counts: list[dict[str, object]],
    quoted: list[tuple[int, int]],
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    in_quotes = Spans(quoted)
    begins = [s.start for s in sentences]
    counts_in = _by_sentence(begins, sentences, counts, lambda c: int(str(c["char_start"])))
    dates_in = _by_sentence(begins, sentences, dates, lambda d: d.start)
    mentions_in = _by_sentence(begins, sentences, mentions, lambda m: m.start)
    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.start, sentence.end
        verbs = [
            v for v in _TRANSFER_VERBS.finditer(sentence.text)
            if not in_quotes.covers(s_start + v.start())
        ]  # fmt: skip
        if not verbs:
            continue  # a quotation is not the report of an event
        verb = verbs[0]
        people = [
            c for c in counts_in.get(index, [])
            if c["unit"] == "people" and not in_quotes.covers(int(str(c["char_start"])))
        ]  # fmt: skip
        if not people:
            continue
        count = people[0]
        verb_at = s_start + verb.start()
        extradition = re.search(r"\bextradit\w*", sentence.text)
        mechanism = (extradition or verb).group(0)
        in_sentence = [d for d in dates_in.get(index, []) if d.end <= s_end]
        date = min(in_sentence, key=lambda d: abs(d.start - verb_at), default=None)
        in_mentions = mentions_in.get(index, [])
        countries = [m for m in in_mentions if m.kind == "country"]
        origin = next((m.name for m in reversed(countries) if m.end <= verb_at), None)
        destination = None
        to_country = re.search(
            rf"\bto{SP}(?:the{SP})?(?:{alternation(tuple(COUNTRIES))})(?![\w-])",
            sentence.text,
        )
        if to_country is not None:
            at = s_start + to_country.start()
            destination = next(
                (m.name for m in countries if at <= m.start <= at + len(to_country.group(0))),
                None,
            )
        suspects = [
            m.name for m in in_mentions
            if m.kind == "person" and m.full
            and not _VICTIM.search(text[s_start : m.start])
        ]  # fmt: skip
        rows.append(
            {
                "kind": "transfer",
                "date": date.date if date else None,
                "date_precision": date.precision if date else "unknown",
                "date_as_written": text[date.start : date.end] if date else None,
                "people": count["value"],
                "what": count["what"],
                "mechanism": mechanism,
                "origin": origin,
                "destination": destination,
                "suspects": list(dict.fromkeys(suspects)),
                "evidence": sentence.text,
                "char_start": s_start,
                "char_end": s_end,
            }
        )
    # One row per transfer: the same count on the same (or an unstated) date is one event.
    merged: list[dict[str, object]] = []
    by_people: dict[object, list[dict[str, object]]] = {}
    for row in rows:
        twin = next(
            (
                r for r in by_people.get(row["people"], [])
                if r["date"] is None or row["date"] is None or r["date"] == row["date"]
            ),
            None,
        )  # fmt: skip
        if twin is None:
            merged.append(row)
            by_people.setdefault(row["people"], []).append(row)
        elif twin["date"] is None and row["date"] is not None:
            for key in ("date", "date_precision", "date_as_written"):
                twin[key] = row[key]
    return merged

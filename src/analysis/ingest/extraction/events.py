"""Transfers and extraditions: a sentence outside quotation marks with a transfer verb and a
count of people, with its date, origin, destination and the suspects it names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.ingest.extraction._common import COUNTRIES, SP, alternation

if TYPE_CHECKING:
    from analysis.ingest.extraction._common import DateSpan, Mention
    from analysis.ledger.text import Sentence

__all__ = ["find_events"]

_VICTIM = re.compile(
    r"\b(?:killing|murder|death|kidnapping|abduction|assassination)s?\s+of(?:\s+[\w.\u2019'-]+){0,6}"
    r"\s*$"
)
_TRANSFER_VERBS = re.compile(
    r"\b(?:extradit(?:ed|es|e|ing)|transferr(?:ed|ing)|transfers?|sent|sends|sending|"
    r"handed|hands|handing|expelled|expels|deported|deports|delivered|surrendered|shipped)\b"
)


def find_events(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    dates: list[DateSpan],
    counts: list[dict[str, object]],
    quoted: list[tuple[int, int]],
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for sentence in sentences:
        s_start, s_end = sentence.start, sentence.end
        verbs = [
            v for v in _TRANSFER_VERBS.finditer(sentence.text)
            if not any(a <= s_start + v.start() < b for a, b in quoted)
        ]  # fmt: skip
        if not verbs:
            continue  # a quotation is not the report of an event
        verb = verbs[0]
        people = [
            c for c in counts
            if c["unit"] == "people" and s_start <= int(str(c["char_start"])) < s_end
            and not any(a <= int(str(c["char_start"])) < b for a, b in quoted)
        ]  # fmt: skip
        if not people:
            continue
        count = people[0]
        verb_at = s_start + verb.start()
        extradition = re.search(r"\bextradit\w*", sentence.text)
        mechanism = (extradition or verb).group(0)
        in_sentence = [d for d in dates if s_start <= d.start and d.end <= s_end]
        date = min(in_sentence, key=lambda d: abs(d.start - verb_at), default=None)
        countries = [m for m in mentions if m.kind == "country" and s_start <= m.start < s_end]
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
            m.name for m in mentions
            if m.kind == "person" and s_start <= m.start < s_end and m.full
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
    for row in rows:
        twin = next(
            (
                r for r in merged
                if r["people"] == row["people"]
                and (r["date"] is None or row["date"] is None or r["date"] == row["date"])
            ),
            None,
        )  # fmt: skip
        if twin is None:
            merged.append(row)
        elif twin["date"] is None and row["date"] is not None:
            for key in ("date", "date_precision", "date_as_written"):
                twin[key] = row[key]
    return merged

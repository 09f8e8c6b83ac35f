"""Linking what the extractor found to the reviewed facts already in the seeds.

Each function returns the known fact a new one is the same as, or None; what a reviewer should
check (a link made by surname, a date that differs in precision, a near match left apart) is
appended to ``notes``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.dates import ledger_date, period
from analysis.ingest.names import first_names_compatible, norm, short_forms, surname_forms

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["link_actor", "note_near_events", "twin_allegation", "twin_event", "twin_quote"]

Known = dict[str, Any]


def _by_surname(
    name: str, tokens: list[str], same_kind: list[Known], notes: list[str]
) -> str | None:
    """A person not known under this name, linked by surname when that is unambiguous."""
    forms = {norm(f) for f in surname_forms(name)}
    by_surname = [a for a in same_kind if forms & short_forms(a["name"], a["aliases"])]
    if len(tokens) == 1 and len(by_surname) == 1:
        return str(by_surname[0]["actor_id"])
    matches = [a for a in by_surname if len(tokens) > 1 and first_names_compatible(name, a["name"])]
    if len(matches) == 1:
        target = matches[0]
        notes.append(
            f"{name!r} linked to the known {target['actor_id']} ({target['name']}) by "
            "surname and a compatible first name: check it is the same person"
        )
        return str(target["actor_id"])
    if by_surname:
        ids = ", ".join(a["actor_id"] for a in by_surname)
        notes.append(
            f"{name!r} shares a surname with {ids} but could not be linked with confidence: "
            "left as a new candidate actor; merge it by hand if it is the same person"
        )
    return None


def link_actor(name: str, kind: str, known: Sequence[Known], notes: list[str]) -> str | None:
    """The id of the known actor ``name`` is: by name or alias, else (people) by surname."""
    key = norm(name)
    same_kind = [a for a in known if (a["kind"] == "person") == (kind == "person")]
    exact = [a for a in same_kind if key in {norm(a["name"]), *(norm(x) for x in a["aliases"])}]
    if len(exact) == 1:
        return str(exact[0]["actor_id"])
    if len(exact) > 1:
        ids = ", ".join(a["actor_id"] for a in exact)
        notes.append(f"{name!r} matches several known actors ({ids}): left as new")
        return None
    if kind != "person":
        return None
    return _by_surname(name, name.split(), same_kind, notes)


def twin_event(row: Known, known: Sequence[Known], notes: list[str]) -> Known | None:
    """The known transfer of as many people on the same date, or in a period containing it."""
    date, precision, people = row["date"], row["date_precision"], row["people"]
    for event in known:
        if event["people"] != people or event["date"] is None or date is None:
            continue
        if (event["date"], event["date_precision"]) == (date, precision):
            return event
        k_lo, k_hi = period(event["date"], event["date_precision"])
        n_lo, n_hi = period(date, precision)
        if (k_lo <= n_lo and n_hi <= k_hi) or (n_lo <= k_lo and k_hi <= n_hi):
            notes.append(
                f"the transfer of {people} dated {ledger_date(date, precision)} here is "
                f"linked to {event['event_id']} (dated "
                f"{ledger_date(event['date'], event['date_precision'])}): check the date"
            )
            return event
    return None


def note_near_events(row: Known, known: Sequence[Known], notes: list[str]) -> None:
    """Note the known transfers with the same count or the same date as a new one."""
    date, precision, people = row["date"], row["date_precision"], row["people"]
    for event in known:
        if event["people"] == people or (date is not None and event["date"] == date):
            notes.append(
                f"a transfer of {people} ({ledger_date(date, precision) or 'undated'}) "
                f"resembles {event['event_id']} ({event['people']} people, "
                f"{ledger_date(event['date'], event['date_precision']) or 'undated'}) "
                "but the date or count differs: left as a new candidate event"
            )


def twin_quote(speaker: str, parts: list[str], known: Sequence[Known]) -> Known | None:
    """The known quote of the same speaker with the same words."""
    joined = norm(" ".join(parts))
    return next(
        (q for q in known if q["speaker_id"] == speaker and norm(q["text"]) == joined),
        None,
    )


def twin_allegation(key: tuple[str, str, str | None], known: Sequence[Known]) -> Known | None:
    """The known allegation of the same charge against the same person in the same event."""
    return next(
        (a for a in known if (a["event_id"], a["charge"], a["accused_id"]) == key),
        None,
    )

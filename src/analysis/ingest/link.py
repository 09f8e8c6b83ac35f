"""Linking what the extractor found to the facts already in the seeds, reviewed or candidate.

Every fact of every ledger file counts, whatever its status: a person, organisation, transfer,
quote or allegation an earlier draft holds as a candidate is linked to, not drafted again (so
three drafts in a row give one ``lisa-monroe``, not ``lisa-monroe-2`` and ``-3``). Where two
known facts could be meant, a reviewed one is preferred to a candidate, and candidates of the
same name are taken as one (the earliest file's) with a note naming the others.

Each function returns a :class:`Link`: the known fact, or None, and a note for the reviewer
(why a link is uncertain, or what an unlinked fact might be). :func:`place_charge` attaches an
allegation to the transfer of its own sentence or paragraph, and to no other.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.dates import ledger_date, period
from analysis.ingest.names import (
    first_names_compatible,
    norm,
    same_organisation,
    short_forms,
    surname_forms,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "Link",
    "Mention",
    "describe",
    "link_actor",
    "paragraphs",
    "place_charge",
    "twin_allegation",
    "twin_event",
    "twin_quote",
]

Known = dict[str, Any]

#: How far apart two dates of one transfer may be, beyond the precision of either.
DAY_TOLERANCE = dt.timedelta(days=1)


@dataclass(frozen=True)
class Link:
    """What a new fact is the same as.

    Attributes
    ----------
    target
        The known fact (a row of the ledger's frame), or None: the fact is new.
    note
        For the reviewer: why the link should be checked, or, when there is no target, what
        the new fact might be. None when there is nothing to say.
    new_form
        The name as this source writes it, when the target does not list that form: an alias
        to add to the target when the link is accepted.
    """

    target: Known | None = None
    note: str | None = None
    new_form: str | None = None


def describe(fact: Known, key: str) -> str:
    """``id (name, where)`` for a note: which fact, and whether a reviewer has seen it."""
    label = fact.get("name") or fact.get("title") or fact.get("charge") or ""
    where = f"{fact.get('status', 'reviewed')} in {fact.get('ledger_file', '?')}"
    return f"{fact[key]} ({label}; {where})" if label else f"{fact[key]} ({where})"


def _rank(fact: Known, key: str) -> tuple[bool, str, str]:
    """Reviewed facts first, then the earliest file's."""
    return (fact.get("status") != "reviewed", str(fact.get("ledger_file")), str(fact[key]))


def _forms(actor: Known) -> list[str]:
    return [actor["name"], *(actor.get("aliases") or [])]


def _collapse(actors: Iterable[Known]) -> tuple[list[Known], list[Known]]:
    """The actors with candidates of one name taken as one: (the distinct ones, best first;
    the duplicates set aside)."""
    kept: list[Known] = []
    dupes: list[Known] = []
    for actor in sorted(actors, key=lambda a: _rank(a, "actor_id")):
        same = next((k for k in kept if norm(k["name"]) == norm(actor["name"])), None)
        if same is not None and actor.get("status") != "reviewed":
            dupes.append(actor)
        else:
            kept.append(actor)
    return kept, dupes


def _dupes_note(name: str, target: Known, dupes: Sequence[Known]) -> str | None:
    if not dupes:
        return None
    ids = ", ".join(describe(d, "actor_id") for d in dupes)
    return (
        f"{name!r} is linked to {target['actor_id']}; the candidates {ids} have the same "
        "name: probably duplicates of it, merge them when reviewing those drafts"
    )


def _one_of(name: str, matches: list[Known], how: str) -> Link:
    """A link to the one actor of ``matches`` (reviewed first, candidates of one name as
    one), or no link with a note naming them all."""
    distinct, dupes = _collapse(matches)
    reviewed = [a for a in distinct if a.get("status") == "reviewed"]
    if len(distinct) == 1 or len(reviewed) == 1:
        target = reviewed[0] if reviewed else distinct[0]
        others = [a for a in distinct if a is not target]
        note = _dupes_note(name, target, [*dupes, *others])
        return Link(target, note)
    ids = ", ".join(describe(a, "actor_id") for a in distinct)
    return Link(
        None, f"{name!r} {how} several known actors ({ids}): left as new; it may be one of them"
    )


def _by_surname(name: str, tokens: list[str], same_kind: list[Known]) -> Link:
    """A person not known under this name, linked by surname when that is unambiguous."""
    forms = {norm(f) for f in surname_forms(name)}
    by_surname, _ = _collapse(a for a in same_kind if forms & short_forms(a["name"], a["aliases"]))
    if len(tokens) == 1 and len(by_surname) == 1:
        return Link(by_surname[0])
    matches = [a for a in by_surname if len(tokens) > 1 and first_names_compatible(name, a["name"])]
    if len(matches) == 1:
        target = matches[0]
        note = (
            f"{name!r} linked to the known {describe(target, 'actor_id')} by surname and a "
            f"compatible first name: check it is the same person (if it is, add {name!r} to its "
            "aliases)"
        )
        return Link(target, note, new_form=name)
    if by_surname:
        ids = ", ".join(describe(a, "actor_id") for a in by_surname)
        note = (
            f"{name!r} shares a surname with {ids} but could not be linked with confidence: "
            "left as a new candidate actor; merge it by hand if it is the same person"
        )
        return Link(None, note)
    return Link()


def link_actor(name: str, kind: str, known: Sequence[Known]) -> Link:
    """The known actor ``name`` is: by name or alias; an organisation also by another order of
    its name or its acronym ("Justice Department", "DOJ" for the U.S. Department of Justice);
    a person also by surname."""
    key = norm(name)
    same_kind = [a for a in known if (a["kind"] == "person") == (kind == "person")]
    exact = [a for a in same_kind if key in {norm(f) for f in _forms(a)}]
    if exact:
        return _one_of(name, exact, "matches")
    if kind == "organisation":
        orgs = [
            a
            for a in same_kind
            if a["kind"] == "organisation" and any(same_organisation(name, f) for f in _forms(a))
        ]
        if not orgs:
            return Link()
        found = _one_of(name, orgs, "may name")
        if found.target is None:
            return found
        target = found.target
        note = (
            f"{name!r} is another name of {describe(target, 'actor_id')}: linked to it; add "
            f"{name!r} to its aliases when you accept the link"
        )
        if found.note:
            note += f". {found.note}"
        return Link(target, note, new_form=name)
    if kind != "person":
        return Link()
    return _by_surname(name, name.split(), same_kind)


# -- transfers ----------------------------------------------------------------------------------


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> dt.timedelta:
    """The time between two periods (first and last day each); zero when they overlap."""
    zero = dt.timedelta(0)
    return max(zero, b[0] - a[1], a[0] - b[1])


def twin_event(
    row: Known,
    origin: str | None,
    destination: str | None,
    known: Sequence[Known],
    dates: dict[str, list[tuple[dt.date, str]]],
) -> Link:
    """The known transfer a new one is: as many people, the same countries where both say,
    and a date that falls within the precision of either date or within one day of it.

    ``dates`` gives, by event id, every date a source gives the event (its own record's and
    those of ``supports:`` entries); a transfer matched by any of them is the same transfer.
    Two or more equally near matches are left apart, with a note naming them.
    """
    date, precision, people = row["date"], row["date_precision"], row["people"]
    here = ledger_date(date, precision) or "undated"
    near: list[tuple[dt.timedelta, Known]] = []
    for event in known:
        if event["people"] != people:
            continue
        if origin and event.get("origin_id") and origin != event["origin_id"]:
            continue
        if destination and event.get("destination_id") and destination != event["destination_id"]:
            continue
        given = dates.get(event["event_id"]) or (
            [(event["date"], event["date_precision"])] if event["date"] is not None else []
        )
        if date is None or not given:
            continue
        mine = period(date, precision)
        gap = min(_gap(mine, period(d, p)) for d, p in given)
        if gap <= DAY_TOLERANCE:
            near.append((gap, event))
    if not near:
        return Link(None, _near_note(row, here, known))
    near.sort(key=lambda ge: (ge[0], _rank(ge[1], "event_id")))
    best_gap = near[0][0]
    best = [e for g, e in near if g == best_gap]
    if len(best) > 1:
        ids = ", ".join(describe(e, "event_id") for e in best)
        return Link(
            None,
            f"the transfer of {people} dated {here} may be any of {ids}: left as a new "
            "candidate event; delete it and add a `supports:` entry for the right one",
        )
    target = best[0]
    others = [e for _, e in near[1:]]
    note = None
    if others:
        ids = ", ".join(describe(e, "event_id") for e in others)
        note = f"the transfer of {people} dated {here} is linked to the nearest, not to {ids}"
    return Link(target, note)


def _near_note(row: Known, here: str, known: Sequence[Known]) -> str | None:
    """What a transfer left new might be: the known ones with its count or its date."""
    date, people = row["date"], row["people"]
    alike = [
        e
        for e in known
        if e["people"] == people
        or (date is not None and e["date"] is not None and e["date"] == date)
    ]
    if not alike:
        return None
    said = "; ".join(
        f"{describe(e, 'event_id')}: {e['people']} people, "
        f"{ledger_date(e['date'], e['date_precision']) or 'undated'}"
        for e in alike
    )
    return (
        f"a transfer of {people} ({here}) resembles {said}, but the date or count differs: "
        "left as a new candidate event; it might be the same transfer"
    )


# -- quotes and allegations ---------------------------------------------------------------------


def twin_quote(speaker: str, parts: list[str], known: Sequence[Known]) -> Known | None:
    """The known quote of the same speaker with the same words."""
    joined = norm(" ".join(parts))
    found = [q for q in known if q["speaker_id"] == speaker and norm(q["text"]) == joined]
    return min(found, key=lambda q: _rank(q, "quote_id"), default=None)


def twin_allegation(key: tuple[str, str, str | None], known: Sequence[Known]) -> Known | None:
    """The known allegation of the same charge against the same person in the same event."""
    found = [a for a in known if (a["event_id"], a["charge"], a["accused_id"]) == key]
    return min(found, key=lambda a: _rank(a, "allegation_id"), default=None)


@dataclass(frozen=True)
class Mention:
    """Words of the text that name a transfer: its own sentence, or a count of its people."""

    start: int
    end: int
    event_id: str


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The paragraphs of ``text`` as (start, end): separated by blank lines where the text has
    any, else one a line."""
    splitter = r"\n[ \t]*\n\s*" if re.search(r"\n[ \t]*\n", text) else r"\n+"
    spans = []
    at = 0
    for m in re.finditer(splitter, text):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


#: The start of a sentence that speaks of people named before it ("The group", "They").
_BACK = re.compile(
    r"\s*(?:the\s+(?:group|suspects|men|detainees|fugitives|prisoners|defendants|accused|"
    r"extradited|transferred|deportees)|they|those|these|all\s+of\s+them|some\s+of\s+them|"
    r"most\s+of\s+them|among\s+(?:them|those))\b",
    re.IGNORECASE,
)


def place_charge(
    start: int,
    accused: str | None,
    text: str,
    sentence: tuple[int, int],
    mentions: Sequence[Mention],
    suspects: dict[str, set[str]],
) -> Link:
    """The transfer a charge at ``text[start:]`` belongs to, as ``{"event_id": ...}``.

    In order: the one transfer whose suspects include the accused; the transfer named in the
    charge's own sentence (the nearest before it when there are several); the transfer named
    in its paragraph (likewise); the transfer of the paragraph just before, when the charge's
    paragraph names none and speaks back to it ("The group ...", "They ..."). Never another
    transfer only because it is the only one the text reports: the charge is then left out,
    with a note naming what it might concern.
    """
    events = list(dict.fromkeys(m.event_id for m in mentions))
    if accused is not None:
        theirs = [e for e in events if accused in suspects.get(e, set())]
        if len(theirs) == 1:
            return Link({"event_id": theirs[0]})

    def nearest(lo: int, hi: int) -> str | None:
        inside = [m for m in mentions if lo <= m.start < hi or m.start <= lo < m.end]
        if not inside:
            return None
        before = [m for m in inside if m.start <= start]
        pick = max(before, key=lambda m: m.start) if before else min(inside, key=lambda m: m.start)
        return pick.event_id

    found = nearest(*sentence)
    if found is not None:
        return Link({"event_id": found})
    paras = paragraphs(text)
    at = next((i for i, (a, b) in enumerate(paras) if a <= start < b), None)
    if at is not None:
        found = nearest(*paras[at])
        if found is not None:
            in_para = {m.event_id for m in mentions if paras[at][0] <= m.start < paras[at][1]}
            note = None
            if len(in_para) > 1:
                note = (
                    f"attached to {found}, the transfer named last before it in its paragraph, "
                    f"which also names {', '.join(sorted(in_para - {found}))}: check"
                )
            return Link({"event_id": found}, note)
        lo = paras[at][0]
        speaks_back = _BACK.match(text, lo) or _BACK.match(text, sentence[0])
        if speaks_back and at > 0:
            before = {
                m.event_id for m in mentions if paras[at - 1][0] <= m.start < paras[at - 1][1]
            }
            if len(before) == 1:
                event = before.pop()
                words = " ".join(speaks_back.group(0).split())
                return Link(
                    {"event_id": event},
                    f"attached to {event}, the transfer of the paragraph before, which "
                    f"“{words} …” refers back to: check",
                )
    might = f"it may concern {', '.join(events)}" if events else "the text reports no transfer"
    return Link(None, f"no transfer is named in its sentence or paragraph; {might}: left out")

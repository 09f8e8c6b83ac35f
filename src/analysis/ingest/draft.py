"""The draft ledger of one new source: :class:`Draft` turns what the extractor found into
candidate records, or into ``supports:`` entries citing the new source for facts the seeds
already hold, reviewed or candidate (linked by :mod:`~analysis.ingest.link`).

A record may carry notes for the reviewer under the key :data:`NOTE` (a list of lines): the
draft's writer turns them into YAML comments inside the record, never into a field, since
records forbid fields they do not declare.
"""

from __future__ import annotations

import bisect
import re
import textwrap
import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from analysis.dates import ledger_date, overlaps, parse_ledger_date, period
from analysis.ingest import link
from analysis.ingest.extraction._common import sentences_of
from analysis.ingest.names import norm, same_organisation
from analysis.ledger.numbers import stated_numbers

if TYPE_CHECKING:
    import datetime as dt

    from analysis.ingest.extraction import Extraction
    from analysis.ledger import Ledger
    from analysis.ledger.text import Sentence

__all__ = ["NOTE", "Draft"]

#: The key of a record's notes for the reviewer: written as comments, never as a field.
NOTE: Final = "#"


def _slug(text: str) -> str:
    """``text`` as a part of an id: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return slug or "item"


def _not_certain(written: str | None, readings: list[str]) -> str:
    return f"the year of {written!r} is not certain: {' or '.join(readings)}"


def _year_not_certain(written: str | None, readings: list[str]) -> str | None:
    """The note of a date whose year the text does not settle: the record is left undated."""
    if not readings:
        return None
    return f"{_not_certain(written, readings)}; left undated (add `date:` once the year is known)"


def _noted(record: dict[str, Any], note: str | None) -> None:
    if note:
        record.setdefault(NOTE, []).append(note)


class Draft:
    """Builds the draft ledger of one new source against the facts already in the seeds."""

    def __init__(self, text: str, found: Extraction, known: Ledger) -> None:
        self.text = text
        self.found = found
        self.sentences: list[Sentence] = sentences_of(text)
        self.starts = [s.start for s in self.sentences]
        # Every fact of every ledger file, reviewed or candidate: a fact an earlier draft holds
        # is linked to, not drafted twice.
        self.known_actors: list[dict[str, Any]] = known.actors.to_dicts()
        self.known_events = known.events.filter(kind="transfer").to_dicts()
        self.known_quotes = known.quotes.to_dicts()
        self.known_allegations = known.allegations.to_dicts()
        self.event_dates: dict[str, list[tuple[dt.date, str]]] = {}
        self.own_dates: dict[str, str] = {}
        for value in known.event_values.filter(field="date").iter_rows(named=True):
            if value["date"] is not None:
                self.event_dates.setdefault(value["event_id"], []).append(
                    (value["date"], value["date_precision"])
                )
            if value["recorded_in"] == "event":
                self.own_dates[value["event_id"]] = value["value"]
        self.known_suspects: dict[str, set[str]] = {}
        for role in known.event_actors.filter(role="suspect").iter_rows(named=True):
            self.known_suspects.setdefault(role["event_id"], set()).add(role["actor_id"])
        self.used_ids: set[str] = {
            *known.actors["actor_id"],
            *known.events["event_id"],
            *known.quotes["quote_id"],
            *known.allegations["allegation_id"],
            *known.claims["claim_id"],
        }
        self.sections: dict[str, list[dict[str, Any]]] = {
            "actors": [],
            "events": [],
            "quotes": [],
            "allegations": [],
            "supports": [],
            "claims": [],
        }
        self.notes: list[str] = []
        self.actor_ids: dict[str, str] = {}
        #: The ids of the organisations among them.
        self.org_ids: set[str] = set()

    # -- helpers --------------------------------------------------------------------------------

    def note(self, text: str | None, record: dict[str, Any] | None = None) -> None:
        """A note for the reviewer: at the top of the draft, and in ``record`` if given."""
        if text:
            self.notes.append(text)
            if record is not None:
                _noted(record, text)

    def new_id(self, base: str) -> str:
        candidate = base
        n = 2
        while candidate in self.used_ids:
            candidate = f"{base}-{n}"
            n += 1
        self.used_ids.add(candidate)
        return candidate

    def cite(self, start: int, end: int) -> str | None:
        """The shortest words around ``text[start:end]`` that occur exactly once in the text."""
        text = self.text
        at = bisect.bisect_right(self.starts, start) - 1
        sentence = self.sentences[at] if at >= 0 and start < self.sentences[at].end else None
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        lo, hi = min(lo, start), max(hi, end)
        a, b = start, end
        while True:
            words = text[a:b]
            if words.strip() and text.count(words) == 1:
                return words
            if b < hi:
                nxt = re.search(r"\S+", text[b:hi])
                b = b + nxt.end() if nxt else hi
            elif a > lo:
                prev = re.search(r"\S+\s*$", text[lo:a])
                a = lo + prev.start() if prev else lo
            else:
                return None

    def sentence_of(self, start: int) -> tuple[int, int]:
        at = bisect.bisect_right(self.starts, start) - 1
        if at >= 0 and start < self.sentences[at].end:
            return self.sentences[at].start, self.sentences[at].end
        return start, start + 1

    def support(self, fact: str, start: int, end: int) -> dict[str, Any] | None:
        """The ``supports:`` entry citing this source for ``fact`` (made or extended), or None
        when the words cannot be cited."""
        words = self.cite(start, end)
        if words is None:
            self.note(f"no unique words to cite for {fact}; not linked")
            return None
        for entry in self.sections["supports"]:
            if entry["fact"] == fact:
                if words not in entry["evidence"]:
                    entry["evidence"].append(words)
                return entry
        entry = {"fact": fact, "evidence": [words]}
        self.sections["supports"].append(entry)
        return entry

    # -- actors ---------------------------------------------------------------------------------

    def own_organisation(self, name: str) -> dict[str, Any] | None:
        """The organisation this draft already adds under another name ("DOJ" after "Justice
        Department" in the same text)."""
        for record in self.sections["actors"]:
            if record["kind"] == "organisation" and any(
                same_organisation(name, form)
                for form in [record["name"], *record.get("aliases", [])]
            ):
                return record
        return None

    def actors(self) -> None:
        for row in self.found.actors.iter_rows(named=True):
            name, kind = row["name"], row["kind"]
            own = self.own_organisation(name) if kind == "organisation" else None
            if own is not None:
                forms = {norm(f) for f in [own["name"], *own.get("aliases", [])]}
                if norm(name) not in forms:
                    own.setdefault("aliases", []).append(name)
                    own["evidence"] = own.pop("evidence")  # evidence stays last
                self.actor_ids[name] = own["id"]
                self.org_ids.add(own["id"])
                continue
            found = link.link_actor(name, kind, self.known_actors)
            if found.target is not None:
                target = str(found.target["actor_id"])
                entry = self.support(target, row["char_start"], row["char_end"])
                if entry is not None:
                    self.actor_ids[name] = target
                    if kind == "organisation":
                        self.org_ids.add(target)
                    self.note(found.note, entry)
                continue
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                self.note(f"no unique words to cite for {name!r}; left out")
                continue
            record: dict[str, Any] = {
                "id": self.new_id(_slug(name)),
                "kind": kind,
                "name": name,
            }
            if row["title"]:
                record["title"] = row["title"]
            aliases = [a for a in row["aliases"] if norm(a) != norm(name)]
            if aliases:
                record["aliases"] = aliases
            record["evidence"] = [words]
            self.note(found.note, record)
            self.sections["actors"].append(record)
            self.actor_ids[name] = record["id"]
            if kind == "organisation":
                self.org_ids.add(record["id"])

    # -- events ---------------------------------------------------------------------------------

    def events(self) -> list[tuple[dict[str, Any], str]]:
        """Add or link the transfers; return each extracted row with its event id."""
        placed: list[tuple[dict[str, Any], str]] = []
        self.event_of_row: dict[int, str] = {}
        for index, row in enumerate(self.found.events.iter_rows(named=True)):
            origin = self.actor_ids.get(row["origin"] or "")
            destination = self.actor_ids.get(row["destination"] or "")
            found = link.twin_event(row, origin, destination, self.known_events, self.event_dates)
            if found.target is None:
                found = self.by_suspect(row, found)
            if found.target is not None:
                event_id = str(found.target["event_id"])
                entry = self.support(event_id, row["char_start"], row["char_end"])
                if entry is not None:
                    self.note(found.note, entry)
                    self.dispute(entry, row, found.target)
                    placed.append((row, event_id))
                    self.event_of_row[index] = event_id
                    continue
            record = self.new_event(row)
            if record is not None:
                self.note(found.note, record)
                self.sections["events"].append(record)
                placed.append((row, record["id"]))
                self.event_of_row[index] = record["id"]
        return placed

    # -- stated totals --------------------------------------------------------------------------

    def claims(self) -> None:
        """The totals the text states, as claims the ledger checks against what it computes.
        A transfer's place is a claim about that transfer's record, so it is drafted only
        when the transfer is (new or linked)."""
        for row in self.found.totals.iter_rows(named=True):
            event_id = None
            if row["about"] == "transfer number":
                event_id = self.event_of_row.get(row["event_index"])
                if event_id is None:
                    continue
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                self.note(f"no unique words to cite for the stated total of {row['value']}")
                continue
            if Decimal(row["value"]) not in stated_numbers(words):
                continue  # the ledger's check must find the number in the words
            since = ledger_date(row["since"], row["since_precision"])
            base = f"total-{row['about'].replace(' ', '-')}-{row['value']}"
            record: dict[str, Any] = {"id": self.new_id(base), "about": row["about"]}
            record["value"] = row["value"]
            if event_id is not None:
                record["event"] = event_id
            if since is not None:
                record["since"] = since
                record["when"] = row["when"]
            for end in ("origin", "destination"):  # a total of one direction only
                if row[end] and self.actor_ids.get(row[end]):
                    record[end] = self.actor_ids[row[end]]
            record["evidence"] = [words]
            self.sections["claims"].append(record)

    def by_suspect(self, row: dict[str, Any], found: link.Link) -> link.Link:
        """A transfer told by the people it names ("Caro Quintero was extradited in
        February"), fewer than a known transfer that already holds them as suspects at a
        compatible date, is that transfer: linked, not counted again."""
        ids = {self.actor_ids.get(name) for name in row["suspects"]} - {None}
        if not ids or row["people"] > len(row["suspects"]):
            return found
        for event in self.known_events:
            held = self.known_suspects.get(event["event_id"], set())
            if not ids <= held or (event["people"] or 0) < row["people"]:
                continue
            dates = self.event_dates.get(event["event_id"], [])
            if (
                row["date"] is None
                or not dates
                or any(
                    overlaps(row["date"], row["date_precision"], *period(d, p)) for d, p in dates
                )
            ):
                return link.Link(event, None)
        return found

    def dispute(self, entry: dict[str, Any], row: dict[str, Any], event: dict[str, Any]) -> None:
        """Give the date in ``entry`` when this source dates the transfer otherwise than the
        event's own record: the ledger then keeps one event and lists the dispute."""
        mine = ledger_date(row["date"], row["date_precision"])
        own = self.own_dates.get(event["event_id"])
        if mine is None or own is None or mine == own or "date" in entry:
            return
        own_day, own_precision = parse_ledger_date(own)
        if own_day is None:
            return
        evidence = entry.pop("evidence")
        entry["when"] = row["date_as_written"] or mine
        entry["date"] = mine
        entry["evidence"] = evidence
        own_period = period(own_day, own_precision)
        my_period = period(row["date"], row["date_precision"])
        nested = (my_period[0] <= own_period[0] and own_period[1] <= my_period[1]) or (
            own_period[0] <= my_period[0] and my_period[1] <= own_period[1]
        )
        how = "in precision only" if nested else "by a day"
        _noted(
            entry,
            f"this source dates {event['event_id']} {mine} ({entry['when']!r}); its own record "
            f"says {own}. The dates differ {how}: linked as the same transfer, and the ledger "
            "lists the dispute. Add `accept: [date]` here to show this source's date instead",
        )
        self.notes.append(
            f"the transfer of {row['people']} dated {mine} here is linked to "
            f"{event['event_id']} (dated {own}): the sources differ on its date {how}"
        )

    def new_event(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """A candidate record for a transfer the seeds do not hold; None when it cannot be cited."""
        people = row["people"]
        words = self.cite(row["char_start"], row["char_end"])
        if words is None:
            self.note(f"no unique words to cite for the transfer of {people}")
            return None
        date_value = ledger_date(row["date"], row["date_precision"])
        origin = self.actor_ids.get(row["origin"] or "")
        destination = self.actor_ids.get(row["destination"] or "")
        title = f"{row['origin'] or 'Unknown'} {row['mechanism']} {people} {row['what']}"
        if row["destination"]:
            title += f" to {row['destination']}"
        record: dict[str, Any] = {
            "id": self.new_id(f"transfer-{date_value or 'undated'}"),
            "kind": "transfer",
            "title": title,
            "when": row["date_as_written"],
            "date": date_value,
            "people": people,
            "mechanism": row["mechanism"],
        }
        if origin:
            record["origin"] = origin
        if destination:
            record["destination"] = destination
        roles = self.suspect_roles(row)
        if roles:
            record["actors"] = roles
        _noted(record, _year_not_certain(row["date_as_written"], row["date_readings"]))
        if Decimal(people) not in stated_numbers(words):
            if not row["suspects"] or len(row["suspects"]) != people:
                self.note(f"the transfer of {people} ({words[:60]!r}): its words do not state "
                          "the number; left out")  # fmt: skip
                return None
            named = ", ".join(row["suspects"])
            record["derived"] = {"people": f"the people the source names as transferred: {named}"}
        record["evidence"] = [words]
        return record

    def suspect_roles(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """The suspects a transfer names that are actors of the draft, each with its words."""
        roles = []
        for suspect in row["suspects"]:
            # named in the transfer's sentence, or after it ("Among those sent was ...")
            at = self.text.find(suspect, row["char_start"], row["char_end"])
            at = at if at >= 0 else self.text.find(suspect, row["char_start"])
            actor_id = self.actor_ids.get(suspect)
            cited = self.cite(at, at + len(suspect)) if at >= 0 else None
            if actor_id and cited:
                roles.append({"actor": actor_id, "role": "suspect", "evidence": [cited]})
        return roles

    # -- quotes ---------------------------------------------------------------------------------

    def quotes(self) -> None:
        for row in self.found.quotes.iter_rows(named=True):
            parts: list[str] = row["parts"]
            speaker = self.actor_ids.get(row["speaker"] or "")
            first_words = " ".join(parts[0].split()[:6])
            note = None
            if speaker is None:
                speaker, note = self.spoken_for(row)
            if speaker is None:
                self.note(f"quote “{first_words}…”: speaker unknown; left out")
                continue
            if any(self.text.count(p) != 1 for p in parts):
                self.note(f"quote “{first_words}…”: its words recur in the text; left out")
                continue
            twin = link.twin_quote(speaker, parts, self.known_quotes)
            start = row["attribution_start"]
            end = row["attribution_end"]
            if start is None:
                start, end = row["part_starts"][0], row["part_ends"][0]
            if twin is not None:
                self.support(twin["quote_id"], start, end)
                continue
            words = self.cite(start, end)
            if words is None:
                self.note(f"quote “{first_words}…”: no unique words to cite; left out")
                continue
            base = f"{speaker.split('-')[-1]}-{_slug(' '.join(parts[0].split()[:4]))}"
            record = {
                "id": self.new_id(base),
                "speaker": speaker,
                "when": row["said_on_as_written"],
                "date": ledger_date(row["said_on"], row["said_on_precision"]),
                "text": parts,
                "evidence": [words],
            }
            self.note(note, record)
            _noted(record, _year_not_certain(row["said_on_as_written"], row["said_on_readings"]))
            self.sections["quotes"].append(record)

    def spoken_for(self, row: dict[str, Any]) -> tuple[str | None, str | None]:
        """For a speaker named by role ("A spokesman for the U.S. Embassy"), the organisation
        the attribution names, which the quote is drafted to, with a note; else (None, None)."""
        said = row["speaker_as_written"] or ""
        if row["speaker"] is None or not said:
            return None, None
        orgs = [
            name for name, actor_id in self.actor_ids.items()
            if actor_id in self.org_ids and name in said
        ]  # fmt: skip
        if len(set(map(self.actor_ids.get, orgs))) != 1:
            return None, None
        return self.actor_ids[orgs[0]], (
            f"said by {said!r} ({row['speaker']}): drafted to the organisation it speaks for; "
            "give the speaker an actor of its own if the source names one"
        )

    # -- allegations ----------------------------------------------------------------------------

    def mentions(self, placed: list[tuple[dict[str, Any], str]]) -> list[link.Mention]:
        """Where the text names each transfer: its sentence, and each count of as many people
        as it has when no other transfer has that count ("The 12 suspects sent on Monday")."""
        found = [link.Mention(row["char_start"], row["char_end"], eid) for row, eid in placed]
        by_count: dict[int, set[str]] = {}
        for row, eid in placed:
            by_count.setdefault(row["people"], set()).add(eid)
        for count in self.found.counts.filter(unit="people").iter_rows(named=True):
            events = by_count.get(count["value"], set())
            if len(events) == 1:
                found.append(
                    link.Mention(count["char_start"], count["char_end"], next(iter(events)))
                )
        return sorted(found, key=lambda m: (m.start, m.end))

    def suspects(self, placed: list[tuple[dict[str, Any], str]]) -> dict[str, set[str]]:
        """The suspects of each transfer of the text: the ledger's and the draft's."""
        found = {eid: set(self.known_suspects.get(eid, set())) for _, eid in placed}
        for record in self.sections["events"]:
            for role in record.get("actors", []):
                if role["role"] == "suspect":
                    found.setdefault(record["id"], set()).add(role["actor"])
        for row, eid in placed:
            found[eid] |= {self.actor_ids[s] for s in row["suspects"] if s in self.actor_ids}
        return found

    def allegations(self, placed: list[tuple[dict[str, Any], str]]) -> None:
        seen: set[tuple[str, str, str | None]] = set()
        mentions = self.mentions(placed)
        suspects = self.suspects(placed)
        for row in self.found.charges.iter_rows(named=True):
            what = f"charge {row['charge']!r} ({row['as_written']!r})"
            if not placed:
                self.note(f"{what}: no transfer in the text to attach it to; left out")
                continue
            accused = self.actor_ids.get(row["accused"] or "")
            where = link.place_charge(
                row["char_start"],
                accused,
                self.text,
                self.sentence_of(row["char_start"]),
                mentions,
                suspects,
            )
            if where.target is None:
                self.note(f"{what}: {where.note}")
                continue
            event = str(where.target["event_id"])
            self.add_suspects(event, row)
            key = (event, row["charge"], accused)
            if key in seen:
                continue
            seen.add(key)
            twin = link.twin_allegation(key, self.known_allegations)
            if twin is not None:
                entry = self.support(twin["allegation_id"], row["char_start"], row["char_end"])
                if entry is not None:
                    self.note(where.note and f"{what}: {where.note}", entry)
                continue
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                continue
            owner = accused or event
            record: dict[str, Any] = {
                "id": self.new_id(f"{owner}/{_slug(row['charge'])}"),
                "event": event,
            }
            if accused:
                record["accused"] = accused
            record |= {"charge": row["charge"], "as_written": row["as_written"]}
            record["evidence"] = [words]
            self.note(where.note and f"{what}: {where.note}", record)
            self.sections["allegations"].append(record)

    def add_suspects(self, event_id: str, row: dict[str, Any]) -> None:
        """The people a charge names as facing it, as suspects of the transfer of this draft
        the charge is attached to, each with the words that name them."""
        record = next((e for e in self.sections["events"] if e["id"] == event_id), None)
        if record is None:
            return  # an event of the ledger: its roles are its own source's to give
        roles = list(record.get("actors", []))
        held = {r["actor"] for r in roles if r["role"] == "suspect"}
        start, _ = self.sentence_of(row["char_start"])
        for name in row["defendants"] or []:
            actor_id = self.actor_ids.get(name)
            # Named in the charge's sentence, or before it ("He is charged with ...").
            at = self.text.find(name, start, row["char_start"])
            at = at if at >= 0 else self.text.rfind(name, 0, row["char_start"])
            if actor_id is None or actor_id in held or at < 0:
                continue
            cited = self.cite(at, at + len(name))
            if cited is not None:
                roles.append({"actor": actor_id, "role": "suspect", "evidence": [cited]})
                held.add(actor_id)
        if roles and roles != record.get("actors"):
            tail: dict[str, Any] = {
                k: record.pop(k) for k in ("derived", "evidence") if k in record
            }
            record["actors"] = roles
            record.update(tail)  # the derivation and the evidence stay last

    def build(self) -> dict[str, list[dict[str, Any]]]:
        """The sections of the draft in the ledger's order, the empty ones left out."""
        self.actors()
        placed = self.events()
        self.claims()
        self.quotes()
        self.allegations(placed)
        self.unsettled_years()
        return {k: v for k, v in self.sections.items() if v}

    def unsettled_years(self) -> None:
        """A note for each date whose year the text does not settle, with its sentence: the
        reviewer decides, where a record is dated by it and where none is."""
        for row in self.found.dates.iter_rows(named=True):
            if row["readings"]:
                lo, hi = self.sentence_of(row["char_start"])
                words = textwrap.shorten(self.text[lo:hi], 160, placeholder=" …")
                self.notes.append(f"{_not_certain(row['as_written'], row['readings'])} (“{words}”)")

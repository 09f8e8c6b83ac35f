"""The draft ledger of one new source: :class:`Draft` turns what the extractor found into
candidate records, or into ``supports:`` entries citing the new source for facts the seeds
already hold (linked by :mod:`~analysis.ingest.link`)."""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from analysis.dates import ledger_date
from analysis.ingest import link
from analysis.ingest.extraction._common import sentences_of
from analysis.ingest.names import norm

if TYPE_CHECKING:
    from analysis.ingest.extraction import Extraction
    from analysis.ledger import Ledger
    from analysis.ledger.text import Sentence

__all__ = ["Draft"]


def _slug(text: str) -> str:
    """``text`` as a part of an id: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return slug or "item"


class Draft:
    """Builds the draft ledger of one new source against the facts already in the seeds."""

    def __init__(self, text: str, found: Extraction, known: Ledger) -> None:
        self.text = text
        self.found = found
        self.sentences: list[Sentence] = sentences_of(text)
        self.starts = [s.start for s in self.sentences]
        reviewed = known.actors.filter(status="reviewed")
        self.known_actors: list[dict[str, Any]] = reviewed.to_dicts()
        self.known_events = known.events.filter(status="reviewed", kind="transfer").to_dicts()
        self.known_quotes = known.quotes.filter(status="reviewed").to_dicts()
        self.known_allegations = known.allegations.filter(status="reviewed").to_dicts()
        self.used_ids: set[str] = {
            *known.actors["actor_id"],
            *known.events["event_id"],
            *known.quotes["quote_id"],
            *known.allegations["allegation_id"],
        }
        self.sections: dict[str, list[dict[str, Any]]] = {
            "actors": [],
            "events": [],
            "quotes": [],
            "allegations": [],
            "supports": [],
        }
        self.notes: list[str] = []
        self.actor_ids: dict[str, str] = {}

    # -- helpers --------------------------------------------------------------------------------

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

    def support(self, fact: str, start: int, end: int) -> bool:
        words = self.cite(start, end)
        if words is None:
            self.notes.append(f"no unique words to cite for {fact}; not linked")
            return False
        for entry in self.sections["supports"]:
            if entry["fact"] == fact:
                if words not in entry["evidence"]:
                    entry["evidence"].append(words)
                return True
        self.sections["supports"].append({"fact": fact, "evidence": [words]})
        return True

    # -- actors ---------------------------------------------------------------------------------

    def actors(self) -> None:
        for row in self.found.actors.iter_rows(named=True):
            name, kind = row["name"], row["kind"]
            linked = link.link_actor(name, kind, self.known_actors, self.notes)
            if linked is not None:
                if self.support(linked, row["char_start"], row["char_end"]):
                    self.actor_ids[name] = linked
                continue
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                self.notes.append(f"no unique words to cite for {name!r}; left out")
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
            self.sections["actors"].append(record)
            self.actor_ids[name] = record["id"]

    # -- events ---------------------------------------------------------------------------------

    def events(self) -> list[tuple[int, str]]:
        """Add or link the transfers; return (char_start, event id) of each."""
        placed: list[tuple[int, str]] = []
        for row in self.found.events.iter_rows(named=True):
            twin = link.twin_event(row, self.known_events, self.notes)
            if twin is not None and self.support(
                twin["event_id"], row["char_start"], row["char_end"]
            ):
                placed.append((row["char_start"], twin["event_id"]))
                continue
            link.note_near_events(row, self.known_events, self.notes)
            record = self.new_event(row)
            if record is not None:
                self.sections["events"].append(record)
                placed.append((row["char_start"], record["id"]))
        return placed

    def new_event(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """A candidate record for a transfer the seeds do not hold; None when it cannot be cited."""
        people = row["people"]
        words = self.cite(row["char_start"], row["char_end"])
        if words is None:
            self.notes.append(f"no unique words to cite for the transfer of {people}")
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
        record["evidence"] = [words]
        return record

    def suspect_roles(self, row: dict[str, Any]) -> list[dict[str, Any]]:
        """The suspects a transfer names that are actors of the draft, each with its words."""
        roles = []
        for suspect in row["suspects"]:
            at = self.text.find(suspect, row["char_start"], row["char_end"])
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
            if speaker is None:
                self.notes.append(f"quote “{first_words}…”: speaker unknown; left out")
                continue
            if any(self.text.count(p) != 1 for p in parts):
                self.notes.append(f"quote “{first_words}…”: its words recur in the text; left out")
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
                self.notes.append(f"quote “{first_words}…”: no unique words to cite; left out")
                continue
            base = f"{speaker.split('-')[-1]}-{_slug(' '.join(parts[0].split()[:4]))}"
            self.sections["quotes"].append(
                {
                    "id": self.new_id(base),
                    "speaker": speaker,
                    "when": row["said_on_as_written"],
                    "date": ledger_date(row["said_on"], row["said_on_precision"]),
                    "text": parts,
                    "evidence": [words],
                }
            )

    # -- allegations ----------------------------------------------------------------------------

    def allegations(self, placed: list[tuple[int, str]]) -> None:
        seen: set[tuple[str, str, str | None]] = set()
        for row in self.found.charges.iter_rows(named=True):
            if not placed:
                self.notes.append(
                    f"charge {row['charge']!r} ({row['as_written']!r}): no transfer in the text "
                    "to attach it to; left out"
                )
                continue
            before = [eid for at, eid in placed if at <= row["char_start"]]
            event = before[-1] if before else placed[0][1]
            accused = self.actor_ids.get(row["accused"] or "")
            key = (event, row["charge"], accused)
            if key in seen:
                continue
            seen.add(key)
            twin = link.twin_allegation(key, self.known_allegations)
            if twin is not None:
                self.support(twin["allegation_id"], row["char_start"], row["char_end"])
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
            self.sections["allegations"].append(record)

    def build(self) -> dict[str, list[dict[str, Any]]]:
        """The sections of the draft in the ledger's order, the empty ones left out."""
        self.actors()
        placed = self.events()
        self.quotes()
        self.allegations(placed)
        return {k: v for k, v in self.sections.items() if v}

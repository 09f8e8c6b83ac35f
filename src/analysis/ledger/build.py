"""Parse and validate the seeds into the frames' rows: what :func:`analysis.load` rests on.

Reads every source and ledger file, checks what spans records (ids, references, evidence
found in its source) and builds the frames with their declared schemas. Raises
:class:`~analysis.errors.LedgerError` listing every problem at once.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl

from analysis import schema
from analysis.dates import ledger_date, parse_ledger_date
from analysis.errors import LedgerError, NotFound, Problem
from analysis.files import sha256_bytes
from analysis.ledger.numbers import describe, stated_numbers
from analysis.ledger.reading import read_ledger, read_source_meta, read_text
from analysis.ledger.records import (
    ActorRecord,
    AllegationRecord,
    ClaimRecord,
    EventRecord,
    EvidenceRef,
    LedgerRecords,
    Located,
    QuoteRecord,
    SourceRecord,
    SupportRecord,
)
from analysis.ledger.text import QUOTE_JOIN, Sentence, locate, split_sentences

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

#: The fact type a ``supports:`` entry adds evidence to, by the record it points at.
_FACT_TYPES: dict[type, str] = {
    ActorRecord: "actor",
    EventRecord: "event",
    QuoteRecord: "quote",
    AllegationRecord: "allegation",
    ClaimRecord: "claim",
}

#: A year written in digits in a record's ``when`` ("1985"): the ``date`` must be in it.
_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d{2})(?!\d)")


def build_frames(root: Path) -> dict[str, pl.DataFrame]:
    """The frames of the seeds in ``root``, candidates included, before reporting columns."""
    problems: list[Problem] = []
    texts, metas, unreadable = _read_sources(root, problems)
    records = LedgerRecords()
    ledger_files = sorted((root / "ledger").glob("*.yaml"))
    if not ledger_files:
        problems.append(Problem(str(root / "ledger"), "holds no *.yaml fact ledger"))
    for path in ledger_files:
        read_ledger(path, records, problems)
    frames = _Builder(root, texts, metas, problems, unreadable).build(records)
    if problems:
        raise LedgerError(problems)
    return frames


def _read_sources(
    root: Path, problems: list[Problem]
) -> tuple[dict[str, str], dict[str, SourceRecord], set[str]]:
    """The texts and metadata of the sources, and the ids of those that could not be read."""
    texts: dict[str, str] = {}
    metas: dict[str, SourceRecord] = {}
    unreadable: set[str] = set()
    folder = root / "sources"
    meta_files = sorted(folder.glob("*.yaml"))
    if not meta_files:
        problems.append(Problem(str(folder), "holds no source: expected <id>.yaml with <id>.txt"))
    for meta_path in meta_files:
        meta = read_source_meta(meta_path, problems)
        if meta is None:
            unreadable.add(meta_path.stem)
            continue
        text_path = meta_path.with_suffix(".txt")
        if not text_path.exists():
            problems.append(
                Problem(str(meta_path), f"its text {text_path.name} is missing", record=meta.id)
            )
            unreadable.add(meta.id)  # reported once here, not again at each citation
            continue
        text = read_text(text_path, problems)
        if text is None:
            unreadable.add(meta.id)
            continue
        if not text.strip():
            problems.append(Problem(str(text_path), "is empty: a source needs its text"))
            unreadable.add(meta.id)
            continue
        texts[meta.id] = text
        metas[meta.id] = meta
    for text_path in sorted(folder.glob("*.txt")):
        if not text_path.with_suffix(".yaml").exists():
            problems.append(
                Problem(str(text_path), f"has no metadata file {text_path.stem}.yaml beside it")
            )
            unreadable.add(text_path.stem)
    return texts, metas, unreadable


class _Builder:
    """Checks what spans records (ids, references, evidence) while building the rows."""

    def __init__(
        self,
        root: Path,
        texts: dict[str, str],
        metas: dict[str, SourceRecord],
        problems: list[Problem],
        unreadable: set[str] | None = None,
    ) -> None:
        self.root = root
        #: Sources already reported as unreadable: evidence citing them is not reported again.
        self.unreadable = unreadable or set()
        self.texts = texts
        self.metas = metas
        self.problems = problems
        self.sentences: dict[str, list[Sentence]] = {
            k: split_sentences(v) for k, v in texts.items()
        }
        self.evidence_rows: list[dict[str, Any]] = []
        #: Records that failed validation: reported once, not again at each reference.
        self.invalid: set[str] = set()
        self.actors: dict[str, Located[Any]] = {}
        self.events: dict[str, Located[Any]] = {}
        #: Each source's value of each disputable field of each event (see ``event_values``).
        self.value_rows: list[dict[str, Any]] = []
        #: Ledger files whose header names no valid source: their own evidence is unchecked.
        self.unchecked: set[str] = set()

    def relative(self, file: str) -> str:
        """A ledger file's path inside the seeds folder, so frames don't depend on the checkout."""
        return Path(file).relative_to(self.root).as_posix()

    def problem(
        self, loc: Located[Any], message: str, field: str | None = None, record: str | None = None
    ) -> None:
        rec = record if record is not None else getattr(loc.record, "id", None)
        if rec is None and isinstance(loc.record, SupportRecord):
            rec = f"supports {loc.record.fact}"
        self.problems.append(Problem(loc.file, message, loc.line, rec, field))

    # -- evidence ---------------------------------------------------------------------------

    def evidence(
        self,
        loc: Located[Any],
        fact_type: str,
        fact_id: str,
        refs: Iterable[EvidenceRef],
        *,
        field: str = "evidence",
        is_quote_text: bool = False,
    ) -> None:
        for index, ref in enumerate(refs or ()):
            source = ref.source or loc.source
            where = f"{field}[{index}]"
            if not source or (
                source == loc.source and source not in self.texts and source not in self.unreadable
            ):
                # The file's header is invalid or names an unknown source, which is reported
                # once for the file, not again at each piece of its evidence.
                self.unchecked.add(loc.file)
                continue
            if source not in self.texts and source in self.unreadable:
                continue
            if source not in self.texts:
                self.problem(
                    loc,
                    f"names source {source!r}, which is not in seeds/sources/ "
                    "(or could not be read)",
                    where,
                )
                continue
            try:
                found = locate(self.texts[source], ref.text, self.sentences[source])
            except NotFound as exc:
                self.problem(loc, f"{exc} (source {source})", where)
                continue
            if loc.broken:
                continue
            self.evidence_rows.append(
                {
                    "fact_type": fact_type,
                    "fact_id": fact_id,
                    "source_id": source,
                    "sentence": found.sentence,
                    "sentence_end": found.sentence_end,
                    "char_start": found.start,
                    "char_end": found.end,
                    "text": ref.text,
                    "is_quote_text": is_quote_text,
                    "status": loc.status,
                    "ledger_file": self.relative(loc.file),
                }
            )

    # -- numbers ------------------------------------------------------------------------------

    def language(self, source: str) -> str:
        meta = self.metas.get(source)
        return meta.language if meta is not None else "en"

    def numbers(
        self,
        loc: Located[Any],
        values: dict[str, int | None],
        refs: Iterable[EvidenceRef] | None,
        derived: dict[str, str] | None = None,
    ) -> None:
        """Each number in ``values`` must be stated by the evidence ``refs`` (in digits or in
        words), unless ``derived`` says how the ledger works it out."""
        derived = derived or {}
        for name in sorted(set(derived) - {k for k, v in values.items() if v is not None}):
            self.problem(
                loc, f"marks {name!r} as derived, but the record gives no {name}", "derived"
            )
        if refs is None:  # the evidence is invalid, and reported
            for name, value in values.items():
                if value is not None and name not in derived:
                    self.problem(
                        loc,
                        f"is {value}, not checked against the evidence: the record's evidence "
                        "is invalid (see its problem)",
                        name,
                    )
            return
        stated: set[Decimal] = set()
        for ref in refs:
            stated |= stated_numbers(ref.text, self.language(ref.source or loc.source))
        for name, value in values.items():
            if value is None or name in derived or Decimal(value) in stated:
                continue
            self.problem(
                loc,
                f"is {value}, but its evidence states {describe(stated)}: record the number "
                f"the evidence states, or, if {value} is worked out from other figures, say how "
                f"under `derived: {{{name}: ...}}`",
                name,
            )

    def year_of_when(
        self, loc: Located[Any], when: str | None, date: object, refs: Iterable[EvidenceRef] | None
    ) -> None:
        """A year the source writes in ``when`` ("1985") is the year of ``date``, and is stated
        by the evidence."""
        if not when or date is None:
            return
        years = {int(y) for y in _YEAR.findall(when)}
        if not years:
            return
        try:
            first, _ = parse_ledger_date(date)
        except ValueError:  # reported by the record's validation
            return
        if first is not None and first.year not in years:
            self.problem(
                loc,
                f"is in {first.year}, but `when` says {when!r}",
                "date",
            )
        self.numbers(loc, {"when": min(years)}, refs)

    # -- references ---------------------------------------------------------------------------

    def expect(
        self,
        loc: Located[Any],
        field: str,
        value: str | None,
        table: dict[str, Located[Any]],
        what: str,
        kinds: tuple[str, ...] | None = None,
    ) -> None:
        if value is None:
            return
        target = table.get(value)
        if target is None and value in self.invalid:
            return
        if target is None:
            self.problem(loc, f"expected the id of a known {what}, found {value!r}", field)
        elif kinds is not None and target.record.kind not in kinds:
            self.problem(
                loc,
                f"expected {what} of kind {' or '.join(kinds)}, "
                f"found {value!r} of kind {target.record.kind!r}",
                field,
            )

    def build(self, records: LedgerRecords) -> dict[str, pl.DataFrame]:
        """Check every record against the others and the sources; the frames' rows."""
        self.invalid = records.invalid
        ids = self._ids(records)
        self._check_sources(records)
        # The first record of an id is the one references reach, as in ``ids``: a duplicate is
        # reported once, not again as a wrong kind at every reference.
        actor_locs, event_locs = {id(x) for x in records.actors}, {id(x) for x in records.events}
        self.actors = {rid: loc for rid, loc in ids.items() if id(loc) in actor_locs}
        self.events = {rid: loc for rid, loc in ids.items() if id(loc) in event_locs}
        event_rows, role_rows = self._event_rows(records)
        frames = {
            "actors": pl.DataFrame(self._actor_rows(records), schema=schema.ACTORS),
            "events": pl.DataFrame(event_rows, schema=schema.EVENTS),
            "event_actors": pl.DataFrame(role_rows, schema=schema.EVENT_ACTORS),
            "quotes": pl.DataFrame(self._quote_rows(records), schema=schema.QUOTES),
            "allegations": pl.DataFrame(self._allegation_rows(records), schema=schema.ALLEGATIONS),
            "claims": pl.DataFrame(self._claim_rows(records), schema=schema.CLAIMS),
        }
        self._supports(records, ids)
        for file in sorted(self.unchecked):
            self.problems.append(
                Problem(
                    file,
                    "its evidence that names no source of its own is not checked: the file's "
                    "`source` is invalid (see its problem)",
                    field="source",
                )
            )
        return {
            "sources": self._sources_frame(),
            "sentences": self._sentences_frame(),
            **frames,
            "event_values": pl.DataFrame(self.value_rows, schema=schema.EVENT_VALUES),
            "evidence": pl.DataFrame(self.evidence_rows, schema=schema.EVIDENCE),
        }

    def _ids(self, records: LedgerRecords) -> dict[str, Located[Any]]:
        """Every fact by id; a duplicate id is a problem at its second use."""
        ids: dict[str, Located[Any]] = {}
        for section in ("actors", "events", "quotes", "allegations", "claims"):
            for loc in getattr(records, section):
                if loc.broken:  # reported; its id is among ``records.invalid``
                    continue
                rid = loc.record.id
                if rid in ids:
                    first = ids[rid]
                    self.problem(
                        loc,
                        f"duplicate id: already used at {first.file}:{first.line}",
                        "id",
                    )
                    continue
                ids[rid] = loc
        return ids

    def _check_sources(self, records: LedgerRecords) -> None:
        """Each ledger file's header names a source that exists."""
        headers = {
            (loc.file, loc.source)
            for section in ("actors", "events", "quotes", "allegations", "supports", "claims")
            for loc in getattr(records, section)
        }
        for file, source in sorted(headers):
            if source and source not in self.metas and source not in self.unreadable:
                self.problems.append(
                    Problem(
                        file,
                        f"expected the id of a source in seeds/sources/, found {source!r}",
                        field="source",
                    )
                )

    def _actor_rows(self, records: LedgerRecords) -> list[dict[str, Any]]:
        actor_rows = []
        for loc in records.actors:
            actor = loc.record
            self.expect(
                loc,
                "organisation",
                actor.organisation,
                self.actors,
                "actor",
                ("organisation",),
            )
            self.expect(loc, "country", actor.country, self.actors, "actor", ("country",))
            self.evidence(loc, "actor", actor.id, actor.evidence)
            if loc.broken:
                continue
            actor_rows.append(
                {
                    "actor_id": actor.id,
                    "kind": actor.kind,
                    "name": actor.name,
                    "title": actor.title,
                    "organisation_id": actor.organisation,
                    "country_id": actor.country,
                    "aliases": list(actor.aliases),
                    "status": loc.status,
                    "ledger_file": self.relative(loc.file),
                }
            )

        return actor_rows

    def _event_rows(
        self, records: LedgerRecords
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        event_rows = []
        role_rows = []
        for loc in records.events:
            event = loc.record
            self.expect(loc, "origin", event.origin, self.actors, "actor", ("country",))
            self.expect(loc, "destination", event.destination, self.actors, "actor", ("country",))
            self.expect(loc, "related_event", event.related_event, self.events, "event")
            if event.kind == "transfer" and event.people is None and not loc.broken:
                self.problem(loc, "a transfer needs the number of people transferred", "people")
            self.evidence(loc, "event", event.id, event.evidence)
            self.numbers(
                loc,
                {"people": event.people, "duration_days": event.duration_days},
                event.evidence,
                event.derived,
            )
            self.year_of_when(loc, event.when, event.date, event.evidence)
            for index, role in enumerate(event.actors or ()):
                field = f"actors[{index}].actor"
                self.expect(loc, field, role.actor, self.actors, "actor")
                role_id = f"{event.id}/{role.actor}/{role.role}"
                self.evidence(
                    loc, "role", role_id, role.evidence, field=f"actors[{index}].evidence"
                )
                if loc.broken:
                    continue
                role_rows.append(
                    {
                        "role_id": role_id,
                        "event_id": event.id,
                        "actor_id": role.actor,
                        "role": role.role,
                        "status": loc.status,
                    }
                )
            if loc.broken:
                continue
            date, precision = parse_ledger_date(event.date)
            self._recorded_values(loc, event)
            derived = dict(sorted(event.derived.items()))
            event_rows.append(
                {
                    "event_id": event.id,
                    "kind": event.kind,
                    "lane": schema.EVENT_LANES[event.kind],
                    "title": event.title,
                    "date": date,
                    "date_precision": precision,
                    "date_as_written": event.when,
                    "people": event.people,
                    "duration_days": event.duration_days,
                    "derived_fields": list(derived),
                    "derivation": list(derived.values()),
                    "disputed_fields": [],
                    "mechanism": event.mechanism,
                    "origin_id": event.origin,
                    "destination_id": event.destination,
                    "description": event.description,
                    "related_event_id": event.related_event,
                    "status": loc.status,
                    "ledger_file": self.relative(loc.file),
                }
            )

        return event_rows, role_rows

    def _quote_rows(self, records: LedgerRecords) -> list[dict[str, Any]]:
        quote_rows = []
        for loc in records.quotes:
            quote = loc.record
            self.expect(
                loc, "speaker", quote.speaker, self.actors, "speaker", ("person", "organisation")
            )
            self.expect(loc, "event", quote.event, self.events, "event")
            self.evidence(
                loc,
                "quote",
                quote.id,
                [EvidenceRef(text=p, source=loc.source) for p in quote.text or ()],
                field="text",
                is_quote_text=True,
            )
            self.evidence(loc, "quote", quote.id, quote.evidence)
            if loc.broken:
                continue
            said_on, precision = parse_ledger_date(quote.date)
            quote_rows.append(
                {
                    "quote_id": quote.id,
                    "speaker_id": quote.speaker,
                    "event_id": quote.event,
                    # Each part verbatim; the join is visible, never re-punctuated.
                    "text": QUOTE_JOIN.join(quote.text),
                    "parts": list(quote.text),
                    "n_parts": len(quote.text),
                    "said_on": said_on,
                    "said_on_precision": precision,
                    "said_on_as_written": quote.when,
                    "status": loc.status,
                    "ledger_file": self.relative(loc.file),
                }
            )

        return quote_rows

    def _allegation_rows(self, records: LedgerRecords) -> list[dict[str, Any]]:
        allegation_rows = []
        for loc in records.allegations:
            alleg = loc.record
            self.expect(loc, "event", alleg.event, self.events, "event")
            self.expect(
                loc, "accused", alleg.accused, self.actors, "actor", ("person", "organisation")
            )
            self.expect(loc, "crime", alleg.crime, self.events, "event", ("crime",))
            self.evidence(loc, "allegation", alleg.id, alleg.evidence)
            if loc.broken:
                continue
            allegation_rows.append(
                {
                    "allegation_id": alleg.id,
                    "event_id": alleg.event,
                    "accused_id": alleg.accused,
                    "charge": alleg.charge,
                    "as_written": alleg.as_written,
                    "crime_event_id": alleg.crime,
                    "status": loc.status,
                    "ledger_file": self.relative(loc.file),
                }
            )

        return allegation_rows

    def _claim_rows(self, records: LedgerRecords) -> list[dict[str, Any]]:
        """Totals the sources state; what the ledger computes for each is filled in by
        :func:`analysis.ledger.consistency.check_claims` once the frames are assembled."""
        rows = []
        for loc in records.claims:
            claim = loc.record
            self.expect(loc, "event", claim.event, self.events, "event", ("transfer",))
            self.expect(loc, "origin", claim.origin, self.actors, "actor", ("country",))
            self.expect(loc, "destination", claim.destination, self.actors, "actor", ("country",))
            if claim.about == "transfer number" and claim.event is None and not loc.broken:
                self.problem(loc, "a `transfer number` claim names the transfer it places", "event")
            self.evidence(loc, "claim", claim.id, claim.evidence)
            self.numbers(loc, {"value": claim.value}, claim.evidence)
            if loc.broken:
                continue
            since, since_precision = parse_ledger_date(claim.since)
            as_of, as_of_precision = parse_ledger_date(claim.as_of)
            meta = self.metas.get(loc.source)
            if as_of is None and meta is not None:  # the day the source states it
                as_of, as_of_precision = parse_ledger_date(meta.published)
            rows.append(
                {
                    "claim_id": claim.id,
                    "about": claim.about,
                    "value": claim.value,
                    "since": since,
                    "since_precision": since_precision,
                    "as_of": as_of,
                    "as_of_precision": as_of_precision,
                    "period_as_written": claim.when,
                    "event_id": claim.event,
                    "origin_id": claim.origin,
                    "destination_id": claim.destination,
                    "source_id": loc.source,
                    "ledger_value": None,
                    "agrees": None,
                    "status": loc.status,
                    "ledger_file": self.relative(loc.file),
                }
            )
        return rows

    def _value_row(
        self, loc: Located[Any], event_id: str, name: str, value: object, when: str | None
    ) -> dict[str, Any]:
        date, precision = parse_ledger_date(value) if name == "date" else (None, None)
        return {
            "event_id": event_id,
            "field": name,
            "value": ledger_date(date, precision or "unknown") if name == "date" else str(value),
            "date": date,
            "date_precision": precision,
            "as_written": when,
            "source_id": loc.source,
            "recorded_in": "event" if isinstance(loc.record, EventRecord) else "support",
            "accepted": name in getattr(loc.record, "accept", ()),
            "status": loc.status,
            "ledger_file": self.relative(loc.file),
            "line": loc.line,
        }

    def _recorded_values(self, loc: Located[Any], event: EventRecord) -> None:
        """The event record's own values of its disputable fields, as its source gives them."""
        for name in schema.DISPUTABLE_FIELDS:
            value = getattr(event, name)
            if value is not None:
                when = event.when if name == "date" else None
                self.value_rows.append(self._value_row(loc, event.id, name, value, when))

    def _supports(self, records: LedgerRecords, ids: dict[str, Located[Any]]) -> None:
        """Evidence that a ``supports:`` entry adds to a fact recorded elsewhere, and the values
        of that event's fields as this entry's source gives them."""
        accepted: dict[tuple[str, str], Located[Any]] = {}
        for loc in records.supports:
            support = loc.record
            target = ids.get(support.fact)
            if target is None and support.fact in self.invalid:
                continue
            label = f"supports {support.fact}"
            if target is None:
                self.problem(
                    loc,
                    f"expected the id of a fact recorded in a ledger, found {support.fact!r}",
                    "fact",
                    record=label,
                )
                continue
            fact_type = _FACT_TYPES[type(target.record)]
            self.evidence(loc, fact_type, support.fact, support.evidence)
            given = {
                name: getattr(support, name)
                for name in schema.DISPUTABLE_FIELDS
                if getattr(support, name) is not None
            }
            if (given or support.when) and fact_type != "event":
                self.problem(
                    loc,
                    f"gives {', '.join(given) or 'when'} for a {fact_type}; only an event's "
                    f"{', '.join(schema.DISPUTABLE_FIELDS)} can be given by a support",
                    next(iter(given), "when"),
                    record=label,
                )
                continue
            if support.when and "date" not in given:
                self.problem(
                    loc, "gives `when` but no `date` to resolve it to", "date", record=label
                )
            self.numbers(
                loc,
                {k: v for k, v in given.items() if k != "date"},
                support.evidence,
            )
            for name in support.accept or ():
                if name not in given:
                    self.problem(
                        loc, f"accepts {name!r} but gives no {name}", "accept", record=label
                    )
                    continue
                first = accepted.setdefault((support.fact, name), loc)
                if first is not loc:
                    self.problem(
                        loc,
                        f"accepts {name!r} of {support.fact!r}, which {first.file}:{first.line} "
                        "accepts already: a reviewer accepts one value",
                        "accept",
                        record=label,
                    )
            if loc.broken:
                continue
            for name, value in given.items():
                when = support.when if name == "date" else None
                self.value_rows.append(self._value_row(loc, support.fact, name, value, when))

    def _sources_frame(self) -> pl.DataFrame:
        rows = []
        for sid, meta in sorted(self.metas.items()):
            text = self.texts[sid]
            published: dt.date | None = parse_ledger_date(meta.published)[0]
            rows.append(
                {
                    "source_id": sid,
                    "published": published,
                    "language": meta.language,
                    "kind": meta.kind,
                    "outlet": meta.outlet,
                    "url": meta.url,
                    "title": meta.title,
                    "text_path": f"sources/{sid}.txt",
                    "sha256": sha256_bytes(text.encode("utf-8")),
                    "n_chars": len(text),
                    "n_sentences": len(self.sentences[sid]),
                }
            )
        return pl.DataFrame(rows, schema=schema.SOURCES)

    def _sentences_frame(self) -> pl.DataFrame:
        rows = [
            {
                "source_id": sid,
                "sentence": s.number,
                "char_start": s.start,
                "char_end": s.end,
                "text": s.text,
            }
            for sid in sorted(self.sentences)
            for s in self.sentences[sid]
        ]
        return pl.DataFrame(rows, schema=schema.SENTENCES)

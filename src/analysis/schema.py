"""The frames' schemas and the ledger's controlled vocabularies, declared once.

Every frame that :func:`analysis.load` returns has exactly the columns and dtypes declared here;
the README's data dictionary describes each column.
"""

from __future__ import annotations

from typing import Final

import polars as pl

#: Kinds of actor.
ACTOR_KINDS: Final = ("person", "organisation", "country")

#: Kinds of event, each drawn in one lane of the policy timeline.
EVENT_LANES: Final[dict[str, str]] = {
    "transfer": "security cooperation",
    "court appearance": "security cooperation",
    "decision": "security cooperation",
    "tariff threat": "trade pressure",
    "tariff agreement": "trade pressure",
    "statement": "statements and diplomacy",
    "tension": "statements and diplomacy",
    "crime": "past crimes",
}
EVENT_KINDS: Final = tuple(EVENT_LANES)
LANES: Final = tuple(dict.fromkeys(EVENT_LANES.values()))

#: What an actor does in an event.
ROLES: Final = (
    "suspect",
    "victim",
    "speaker",
    "announcer",
    "decision maker",
    "partner",
    "party",
    "initiator",
    "target",
    "court",
)

#: Charges, normalised. ``as_written`` keeps the source's words.
CHARGES: Final = (
    "drug trafficking",
    "weapons trafficking",
    "human smuggling",
    "kidnapping",
    "money laundering",
    "murder",
    "extortion",
    "organised crime",
    "terrorism",
    "other",
)

#: How precisely a date is known: the form of the ledger's ``date`` says it.
PRECISIONS: Final = ("day", "month", "year", "unknown")

#: Review state of a record: curated facts are reviewed; drafts from ``analysis ingest`` are
#: candidates until a person accepts them.
STATUSES: Final = ("reviewed", "candidate")

#: What kind of record an evidence row supports.
FACT_TYPES: Final = ("actor", "event", "role", "quote", "allegation")

ActorKind = pl.Enum(ACTOR_KINDS)
EventKind = pl.Enum(EVENT_KINDS)
Lane = pl.Enum(LANES)
Role = pl.Enum(ROLES)
Charge = pl.Enum(CHARGES)
Precision = pl.Enum(PRECISIONS)
Status = pl.Enum(STATUSES)
FactType = pl.Enum(FACT_TYPES)

SOURCES: Final = pl.Schema(
    {
        "source_id": pl.String(),
        "published": pl.Date(),
        "language": pl.String(),
        "kind": pl.String(),
        "outlet": pl.String(),
        "url": pl.String(),
        "title": pl.String(),
        "text_path": pl.String(),
        "sha256": pl.String(),
        "n_chars": pl.Int64(),
        "n_sentences": pl.Int64(),
    }
)

SENTENCES: Final = pl.Schema(
    {
        "source_id": pl.String(),
        "sentence": pl.Int64(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
        "text": pl.String(),
    }
)

ACTORS: Final = pl.Schema(
    {
        "actor_id": pl.String(),
        "kind": ActorKind,
        "name": pl.String(),
        "title": pl.String(),
        "organisation_id": pl.String(),
        "country_id": pl.String(),
        "aliases": pl.List(pl.String()),
        "status": Status,
        "ledger_file": pl.String(),
    }
)

EVENTS: Final = pl.Schema(
    {
        "event_id": pl.String(),
        "kind": EventKind,
        "lane": Lane,
        "title": pl.String(),
        "date": pl.Date(),
        "date_precision": Precision,
        "date_as_written": pl.String(),
        "reported_on": pl.Date(),
        "people": pl.Int64(),
        "duration_days": pl.Int64(),
        "mechanism": pl.String(),
        "origin_id": pl.String(),
        "destination_id": pl.String(),
        "description": pl.String(),
        "related_event_id": pl.String(),
        "n_sources": pl.Int64(),
        "status": Status,
        "ledger_file": pl.String(),
    }
)

EVENT_ACTORS: Final = pl.Schema(
    {
        "role_id": pl.String(),
        "event_id": pl.String(),
        "actor_id": pl.String(),
        "role": Role,
        "status": Status,
    }
)

QUOTES: Final = pl.Schema(
    {
        "quote_id": pl.String(),
        "speaker_id": pl.String(),
        "event_id": pl.String(),
        "text": pl.String(),
        "n_parts": pl.Int64(),
        "said_on": pl.Date(),
        "said_on_precision": Precision,
        "said_on_as_written": pl.String(),
        "reported_on": pl.Date(),
        "status": Status,
        "ledger_file": pl.String(),
    }
)

ALLEGATIONS: Final = pl.Schema(
    {
        "allegation_id": pl.String(),
        "event_id": pl.String(),
        "accused_id": pl.String(),
        "charge": Charge,
        "as_written": pl.String(),
        "crime_event_id": pl.String(),
        "status": Status,
        "ledger_file": pl.String(),
    }
)

EVIDENCE: Final = pl.Schema(
    {
        "fact_type": FactType,
        "fact_id": pl.String(),
        "source_id": pl.String(),
        "sentence": pl.Int64(),
        "sentence_end": pl.Int64(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
        "text": pl.String(),
        "is_quote_text": pl.Boolean(),
        "status": Status,
        "ledger_file": pl.String(),
    }
)

#: Every frame of the bundle, by name, in the order the README documents them.
FRAMES: Final[dict[str, pl.Schema]] = {
    "sources": SOURCES,
    "sentences": SENTENCES,
    "actors": ACTORS,
    "events": EVENTS,
    "event_actors": EVENT_ACTORS,
    "quotes": QUOTES,
    "allegations": ALLEGATIONS,
    "evidence": EVIDENCE,
}

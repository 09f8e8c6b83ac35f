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
FACT_TYPES: Final = ("actor", "event", "role", "quote", "allegation", "claim")

#: Numeric fields of an event: each must be stated by the event's evidence, unless the
#: ledger marks it ``derived``.
NUMERIC_FIELDS: Final = ("people", "duration_days")

#: Fields of an event that another source may give differently (see ``disputes``).
DISPUTABLE_FIELDS: Final = ("date", "people", "duration_days")

#: What a stated total is about, and how the ledger computes the same figure:
#: ``people transferred`` sums the people of the transfers in the claim's period,
#: ``transfers`` counts them, ``transfer number`` is the place of ``event`` among them.
CLAIM_KINDS: Final = ("people transferred", "transfers", "transfer number")

ActorKind = pl.Enum(ACTOR_KINDS)
EventKind = pl.Enum(EVENT_KINDS)
Lane = pl.Enum(LANES)
Role = pl.Enum(ROLES)
Charge = pl.Enum(CHARGES)
Precision = pl.Enum(PRECISIONS)
Status = pl.Enum(STATUSES)
FactType = pl.Enum(FACT_TYPES)
ClaimKind = pl.Enum(CLAIM_KINDS)

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
        "derived_fields": pl.List(pl.String()),
        "derivation": pl.List(pl.String()),
        "disputed_fields": pl.List(pl.String()),
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
        "parts": pl.List(pl.String()),
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

CLAIMS: Final = pl.Schema(
    {
        "claim_id": pl.String(),
        "about": ClaimKind,
        "value": pl.Int64(),
        "since": pl.Date(),
        "since_precision": Precision,
        "as_of": pl.Date(),
        "as_of_precision": Precision,
        "period_as_written": pl.String(),
        "event_id": pl.String(),
        "origin_id": pl.String(),
        "destination_id": pl.String(),
        "source_id": pl.String(),
        "ledger_value": pl.Int64(),
        "agrees": pl.Boolean(),
        "status": Status,
        "ledger_file": pl.String(),
    }
)

EVENT_VALUES: Final = pl.Schema(
    {
        "event_id": pl.String(),
        "field": pl.String(),
        "value": pl.String(),
        "date": pl.Date(),
        "date_precision": Precision,
        "as_written": pl.String(),
        "source_id": pl.String(),
        "recorded_in": pl.Enum(("event", "support")),
        "accepted": pl.Boolean(),
        "status": Status,
        "ledger_file": pl.String(),
        "line": pl.Int64(),
    }
)

#: How the value an event shows is chosen when its sources differ (see ``disputes``).
DISPUTE_RULES: Final = ("accepted by a reviewer", "most precise", "recorded first")

DISPUTES: Final = pl.Schema(
    {
        "event_id": pl.String(),
        "field": pl.String(),
        "values": pl.List(pl.String()),
        "source_ids": pl.List(pl.String()),
        "shown_value": pl.String(),
        "shown_source_id": pl.String(),
        "rule": pl.Enum(DISPUTE_RULES),
        "compatible": pl.Boolean(),
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
    "claims": CLAIMS,
    "event_values": EVENT_VALUES,
    "disputes": DISPUTES,
    "evidence": EVIDENCE,
}

#: Frames computed by :func:`analysis.load` from the others (after candidates are left out
#: or kept), rather than read from the seeds.
COMPUTED_FRAMES: Final = ("disputes",)

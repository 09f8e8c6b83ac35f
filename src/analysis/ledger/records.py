"""The records of the seeds' YAML files: one pydantic model per kind of record.

This module knows the ledger's *format*; :mod:`analysis.ledger.reading` reads files into these
records (with the line each starts on) and :mod:`analysis.ledger.build` turns them into frames
and checks what needs more than one record (ids, references, evidence in the source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from analysis.dates import parse_ledger_date
from analysis.schema import ACTOR_KINDS, CHARGES, EVENT_KINDS, ROLES, STATUSES


def _check_date(value: object) -> object:
    parse_ledger_date(value)
    return value


LedgerDate = Annotated[str | int | None, BeforeValidator(_check_date)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._/-]*$", max_length=200)]
Text = Annotated[str, Field(min_length=1)]
Status = Literal[STATUSES]  # type: ignore[valid-type]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class EvidenceRef(_Record):
    """Words of a source; ``source`` defaults to the ledger file's ``source``."""

    text: Text
    source: Slug | None = None


def _evidence_item(value: object) -> object:
    # A bare string is the common case: words of the file's own source.
    return {"text": value} if isinstance(value, str) else value


Evidence = Annotated[
    list[Annotated[EvidenceRef, BeforeValidator(_evidence_item)]], Field(min_length=1)
]


class ActorRecord(_Record):
    id: Slug
    kind: Literal[ACTOR_KINDS]  # type: ignore[valid-type]
    name: Text
    title: Text | None = None
    organisation: Slug | None = None
    country: Slug | None = None
    aliases: list[Text] = []
    status: Status | None = None
    evidence: Evidence


class RoleRecord(_Record):
    actor: Slug
    role: Literal[ROLES]  # type: ignore[valid-type]
    evidence: Evidence


class EventRecord(_Record):
    id: Slug
    kind: Literal[EVENT_KINDS]  # type: ignore[valid-type]
    title: Text
    when: Text | None
    date: LedgerDate
    people: Annotated[int, Field(ge=0)] | None = None
    duration_days: Annotated[int, Field(ge=0)] | None = None
    mechanism: Text | None = None
    origin: Slug | None = None
    destination: Slug | None = None
    description: Text | None = None
    related_event: Slug | None = None
    actors: list[RoleRecord] = []
    status: Status | None = None
    evidence: Evidence


class QuoteRecord(_Record):
    id: Slug
    speaker: Slug
    event: Slug | None = None
    when: Text | None
    date: LedgerDate
    text: Annotated[list[Text], Field(min_length=1)]
    status: Status | None = None
    evidence: Evidence


class AllegationRecord(_Record):
    id: Slug
    event: Slug
    accused: Slug | None = None
    charge: Literal[CHARGES]  # type: ignore[valid-type]
    as_written: Text
    crime: Slug | None = None
    status: Status | None = None
    evidence: Evidence


class SupportRecord(_Record):
    """Evidence from this file's source for a fact recorded elsewhere (often in another file)."""

    fact: Slug
    evidence: Evidence


class LedgerHeader(_Record):
    source: Slug
    status: Status = "reviewed"


class SourceRecord(_Record):
    id: Slug
    published: LedgerDate
    language: Text
    kind: Text
    outlet: Text | None
    url: Text | None
    title: Text | None


SECTIONS: dict[str, type[_Record]] = {
    "actors": ActorRecord,
    "events": EventRecord,
    "quotes": QuoteRecord,
    "allegations": AllegationRecord,
    "supports": SupportRecord,
}


R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Located(Generic[R]):
    """A validated record with where it was written."""

    record: R
    file: str
    line: int
    #: The file's default source for evidence and its default review status.
    source: str
    status: str


@dataclass(slots=True)
class LedgerRecords:
    actors: list[Located[ActorRecord]] = field(default_factory=list)
    events: list[Located[EventRecord]] = field(default_factory=list)
    quotes: list[Located[QuoteRecord]] = field(default_factory=list)
    allegations: list[Located[AllegationRecord]] = field(default_factory=list)
    supports: list[Located[SupportRecord]] = field(default_factory=list)
    #: Ids of records that failed validation (already reported): references to them are not.
    invalid: set[str] = field(default_factory=set)

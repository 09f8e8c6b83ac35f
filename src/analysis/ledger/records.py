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
from analysis.schema import (
    ACTOR_KINDS,
    CHARGES,
    CLAIM_KINDS,
    DISPUTABLE_FIELDS,
    EVENT_KINDS,
    NUMERIC_FIELDS,
    ROLES,
    STATUSES,
)


def _check_date(value: object) -> object:
    parse_ledger_date(value)
    return value


LedgerDate = Annotated[str | int | None, BeforeValidator(_check_date)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._/-]*$", max_length=200)]
Text = Annotated[str, Field(min_length=1)]
Status = Literal[STATUSES]  # type: ignore[valid-type]
Count = Annotated[int, Field(ge=0)]
#: A numeric field of an event, as ``derived`` names it.
NumericField = Literal[NUMERIC_FIELDS]  # type: ignore[valid-type]
#: A field whose value sources may give differently (see ``supports``).
DisputableField = Literal[DISPUTABLE_FIELDS]  # type: ignore[valid-type]


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
    people: Count | None = None
    duration_days: Count | None = None
    #: Numbers the ledger works out rather than reads (a sum, a difference), each with how:
    #: they are not looked for in the evidence, and pages mark them as derived.
    derived: dict[NumericField, Text] = {}
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
    """Evidence from this file's source for a fact recorded elsewhere (often in another file).

    When this source gives a field of that event differently (another date, another count),
    the entry says so with the field and its value: the ledger keeps one event, with each
    source's value, and lists the difference in the ``disputes`` frame. ``accept`` names the
    fields whose value from this source a reviewer accepts over the others.
    """

    fact: Slug
    when: Text | None = None
    date: LedgerDate = None
    people: Count | None = None
    duration_days: Count | None = None
    accept: list[DisputableField] = []
    evidence: Evidence


class ClaimRecord(_Record):
    """A total a source states ("92 people have been sent in total", "the third transfer"),
    checked against what the ledger computes for the same thing at that date."""

    id: Slug
    about: Literal[CLAIM_KINDS]  # type: ignore[valid-type]
    value: Count
    #: The period the total covers; ``as_of`` defaults to the source's publication date.
    since: LedgerDate = None
    as_of: LedgerDate = None
    #: For ``transfer number``: the transfer whose place in the sequence is stated.
    event: Slug | None = None
    #: Count only transfers from / to these countries (both when unset).
    origin: Slug | None = None
    destination: Slug | None = None
    #: The source's words for the period ("so far this year"), as written.
    when: Text | None = None
    status: Status | None = None
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
    "claims": ClaimRecord,
}


R = TypeVar("R", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Located(Generic[R]):
    """A validated record with where it was written."""

    record: R
    file: str
    line: int
    #: The file's default source for evidence ("" when the file's header is invalid) and its
    #: default review status.
    source: str
    status: str
    #: The record failed validation: only the fields that passed are set (the others are
    #: None), its checks still run, and it gives no row.
    broken: bool = False


@dataclass(slots=True)
class LedgerRecords:
    actors: list[Located[ActorRecord]] = field(default_factory=list)
    events: list[Located[EventRecord]] = field(default_factory=list)
    quotes: list[Located[QuoteRecord]] = field(default_factory=list)
    allegations: list[Located[AllegationRecord]] = field(default_factory=list)
    supports: list[Located[SupportRecord]] = field(default_factory=list)
    claims: list[Located[ClaimRecord]] = field(default_factory=list)
    #: Ids of records that failed validation (already reported): references to them are not.
    invalid: set[str] = field(default_factory=set)

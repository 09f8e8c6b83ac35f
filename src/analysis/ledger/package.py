"""The frames as a Frictionless Data Package: ``datapackage.json`` and one CSV per frame.

The descriptor gives each CSV a Table Schema read from :data:`analysis.schema.FRAMES`:
strings, integers, booleans and dates as such; a list column as ``array`` (its CSV cells are
JSON arrays, see :func:`analysis.ledger.export.flatten_lists`); an enum as a ``string`` whose
``constraints.enum`` lists the vocabulary; the primary key of each frame that has one and the
foreign keys between them (the references the loader checks). Each resource carries its
size and sha256, so a reader can check what it downloaded.

The bytes depend only on the frames: the same seeds give the same package.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import polars as pl

from analysis import schema
from analysis._version import __version__
from analysis.files import atomic_write, sha256_bytes
from analysis.ledger.export import flatten_lists

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

DESCRIPTOR = "datapackage.json"
NAME = "us-mexico-security-cooperation"
TITLE = "US-Mexico security cooperation: sourced facts"
DESCRIPTION = (
    "Extraditions and transfers of alleged cartel members from Mexico to the United States, "
    "and the trade and policy moves around them, each fact with the exact words of its source. "
    "One CSV per frame of analysis.load(); list cells are JSON arrays."
)

#: What one row of each frame is (the README's data dictionary says more).
DESCRIPTIONS: dict[str, str] = {
    "sources": "One row per source document.",
    "sentences": "One row per sentence of each source.",
    "actors": "People, organisations and countries.",
    "events": "Transfers, decisions, tariff moves, statements, past crimes.",
    "event_actors": "Who did what in an event.",
    "quotes": "Who said what, when.",
    "allegations": "Charges alleged against the people of a transfer.",
    "claims": "Totals a source states, against what the ledger computes.",
    "event_values": "Each source's value of an event's date, people and duration_days.",
    "disputes": "One row per event and field that the sources give differently.",
    "evidence": "One row per quotation of a source backing a fact.",
}

#: Each frame's primary key (frames without one are left out).
PRIMARY_KEYS: dict[str, list[str]] = {
    "sources": ["source_id"],
    "sentences": ["source_id", "sentence"],
    "actors": ["actor_id"],
    "events": ["event_id"],
    "event_actors": ["role_id"],
    "quotes": ["quote_id"],
    "allegations": ["allegation_id"],
    "claims": ["claim_id"],
    # One record per line of a ledger file, one value per field of a record.
    "event_values": ["ledger_file", "line", "field"],
    "disputes": ["event_id", "field"],
}

#: ``frame: [(fields, referenced frame, referenced fields)]``: the references the loader
#: checks, so that every non-null value names a row of the frame it points at.
FOREIGN_KEYS: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "sentences": [(["source_id"], "sources", ["source_id"])],
    "actors": [
        (["organisation_id"], "actors", ["actor_id"]),
        (["country_id"], "actors", ["actor_id"]),
    ],
    "events": [
        (["origin_id"], "actors", ["actor_id"]),
        (["destination_id"], "actors", ["actor_id"]),
        (["related_event_id"], "events", ["event_id"]),
    ],
    "event_actors": [
        (["event_id"], "events", ["event_id"]),
        (["actor_id"], "actors", ["actor_id"]),
    ],
    "quotes": [
        (["speaker_id"], "actors", ["actor_id"]),
        (["event_id"], "events", ["event_id"]),
    ],
    "allegations": [
        (["event_id"], "events", ["event_id"]),
        (["accused_id"], "actors", ["actor_id"]),
        (["crime_event_id"], "events", ["event_id"]),
    ],
    "claims": [
        (["event_id"], "events", ["event_id"]),
        (["origin_id"], "actors", ["actor_id"]),
        (["destination_id"], "actors", ["actor_id"]),
        (["source_id"], "sources", ["source_id"]),
    ],
    "event_values": [
        (["event_id"], "events", ["event_id"]),
        (["source_id"], "sources", ["source_id"]),
    ],
    "disputes": [
        (["event_id"], "events", ["event_id"]),
        (["shown_source_id"], "sources", ["source_id"]),
    ],
    "evidence": [
        (["source_id"], "sources", ["source_id"]),
        (["source_id", "sentence"], "sentences", ["source_id", "sentence"]),
    ],
}


def field_descriptor(name: str, dtype: pl.DataType) -> dict[str, Any]:
    """The Table Schema field of a column of dtype ``dtype``.

    >>> field_descriptor("kind", pl.Enum(["a", "b"]))
    {'name': 'kind', 'type': 'string', 'constraints': {'enum': ['a', 'b']}}
    >>> field_descriptor("aliases", pl.List(pl.String()))
    {'name': 'aliases', 'type': 'array'}
    """
    if isinstance(dtype, pl.Enum):
        return {"name": name, "type": "string", "constraints": {"enum": dtype.categories.to_list()}}
    if isinstance(dtype, pl.List):
        return {"name": name, "type": "array"}
    if dtype == pl.String:
        kind = "string"
    elif dtype.is_integer():
        kind = "integer"
    elif dtype == pl.Boolean:
        kind = "boolean"
    elif dtype == pl.Date:
        kind = "date"
    elif dtype.is_float():
        kind = "number"
    else:  # a dtype the schema does not use yet: say so rather than guess
        msg = f"column {name!r}: no Table Schema type for the Polars dtype {dtype}"
        raise TypeError(msg)
    return {"name": name, "type": kind}


def table_schema(frame_name: str, frame_schema: pl.Schema) -> dict[str, Any]:
    """The Table Schema of one frame: its fields, primary key and foreign keys."""
    described: dict[str, Any] = {
        "fields": [field_descriptor(n, t) for n, t in frame_schema.items()],
        "missingValues": [""],
    }
    if frame_name in PRIMARY_KEYS:
        described["primaryKey"] = PRIMARY_KEYS[frame_name]
    references = FOREIGN_KEYS.get(frame_name, [])
    if references:
        described["foreignKeys"] = [
            {
                "fields": fields,
                # An empty resource name is the frame itself (Table Schema).
                "reference": {"resource": "" if to == frame_name else to, "fields": to_fields},
            }
            for fields, to, to_fields in references
        ]
    return described


def _csv(frame: pl.DataFrame) -> bytes:
    return flatten_lists(frame).write_csv().encode("utf-8")


def package_files(
    frames: Mapping[str, pl.DataFrame], *, extra: Mapping[str, Any] | None = None
) -> dict[str, bytes]:
    """Every file of the package, by name: one CSV per frame of :data:`schema.FRAMES` and
    ``datapackage.json`` (last). ``extra`` adds properties to the descriptor (the renderer
    records there what the package was made from)."""
    files: dict[str, bytes] = {}
    resources = []
    for name, declared in schema.FRAMES.items():
        data = _csv(frames[name])
        path = f"{name}.csv"
        files[path] = data
        resources.append(
            {
                "name": name,
                "path": path,
                "profile": "tabular-data-resource",
                "title": name.replace("_", " "),
                "description": DESCRIPTIONS.get(name, ""),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(data),
                "hash": f"sha256:{sha256_bytes(data)}",
                "schema": table_schema(name, declared),
            }
        )
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": TITLE,
        "description": DESCRIPTION,
        "analysis_version": __version__,
        "resources": resources,
    }
    descriptor.update(extra or {})
    files[DESCRIPTOR] = (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode()
    return files


def write_package(
    frames: Mapping[str, pl.DataFrame],
    out_dir: Path,
    *,
    extra: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Write the package into ``out_dir`` (each file atomically, the descriptor last) and
    return the paths written."""
    written = []
    for name, data in package_files(frames, extra=extra).items():
        atomic_write(out_dir / name, data)
        written.append(out_dir / name)
    return written

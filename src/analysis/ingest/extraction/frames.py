"""The frames :func:`~analysis.ingest.extraction.extract` returns: their schemas and
:class:`Extraction`, which holds one of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

import polars as pl

from analysis.schema import ActorKind, Charge, EventKind, Precision

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "ACTORS_SCHEMA",
    "CHARGES_SCHEMA",
    "COUNTS_SCHEMA",
    "DATES_SCHEMA",
    "EVENTS_SCHEMA",
    "QUOTES_SCHEMA",
    "TOTALS_SCHEMA",
    "Extraction",
]


#: People, organisations and countries: one row per actor, its first mention as evidence.
ACTORS_SCHEMA: Final = pl.Schema(
    {
        "name": pl.String(),
        "kind": ActorKind,
        "title": pl.String(),
        "aliases": pl.List(pl.String()),
        "n_mentions": pl.Int64(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Quotes: the words inside the quotation marks, in parts, and who said them.
QUOTES_SCHEMA: Final = pl.Schema(
    {
        "speaker": pl.String(),
        "speaker_as_written": pl.String(),
        "text": pl.String(),
        "parts": pl.List(pl.String()),
        "part_starts": pl.List(pl.Int64()),
        "part_ends": pl.List(pl.Int64()),
        "n_parts": pl.Int64(),
        "form": pl.String(),
        "closed": pl.Boolean(),
        "said_on": pl.Date(),
        "said_on_precision": Precision,
        "said_on_readings": pl.List(pl.String()),
        "said_on_as_written": pl.String(),
        "attribution": pl.String(),
        "attribution_start": pl.Int64(),
        "attribution_end": pl.Int64(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Counts of people and other figures, with what they count.
COUNTS_SCHEMA: Final = pl.Schema(
    {
        "value": pl.Int64(),
        "unit": pl.String(),
        "what": pl.String(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Dates as written, resolved against the publication date, with their precision. A month or
#: day without a year whose year the text does not settle (the tense says one year, the
#: calendar another: "in January", told in November) has no ``date``; ``readings`` then lists
#: what it may be, as the ledger writes dates ("2026-01", "2027-01"), for a reviewer to choose.
DATES_SCHEMA: Final = pl.Schema(
    {
        "as_written": pl.String(),
        "date": pl.Date(),
        "precision": Precision,
        "relative": pl.Boolean(),
        "readings": pl.List(pl.String()),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Charges, normalised to :data:`analysis.schema.CHARGES`; ``as_written`` keeps the words.
#: ``accused`` is the one person the text ties the charge to; ``defendants`` every person it
#: names as facing it (the accused alone, or several named jointly: "Ruiz and Vega are
#: charged with ..."), who are the suspects of the transfer the charge belongs to.
CHARGES_SCHEMA: Final = pl.Schema(
    {
        "charge": Charge,
        "as_written": pl.String(),
        "accused": pl.String(),
        "defendants": pl.List(pl.String()),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Transfers and extraditions the text reports.
EVENTS_SCHEMA: Final = pl.Schema(
    {
        "kind": EventKind,
        "date": pl.Date(),
        "date_precision": Precision,
        "date_readings": pl.List(pl.String()),
        "date_as_written": pl.String(),
        "people": pl.Int64(),
        "what": pl.String(),
        "mechanism": pl.String(),
        "origin": pl.String(),
        "destination": pl.String(),
        "suspects": pl.List(pl.String()),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)


#: Totals the text states: people transferred over a period, a number of transfers, or the
#: place of one of ``events`` in the sequence (``event_index``, its row there).
TOTALS_SCHEMA: Final = pl.Schema(
    {
        "about": pl.String(),
        "value": pl.Int64(),
        "since": pl.Date(),
        "since_precision": Precision,
        "since_readings": pl.List(pl.String()),
        "when": pl.String(),
        "event_index": pl.Int64(),
        "origin": pl.String(),
        "destination": pl.String(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` found in one text; each frame has the schema of the same name.

    Attributes
    ----------
    text
        The text the offsets point into.
    published
        The publication date relative dates were resolved against.
    actors, quotes, counts, dates, charges, events, totals
        The frames, with the schemas :data:`ACTORS_SCHEMA`, :data:`QUOTES_SCHEMA`,
        :data:`COUNTS_SCHEMA`, :data:`DATES_SCHEMA`, :data:`CHARGES_SCHEMA`,
        :data:`EVENTS_SCHEMA` and :data:`TOTALS_SCHEMA`.
    """

    text: str
    published: dt.date
    actors: pl.DataFrame
    quotes: pl.DataFrame
    counts: pl.DataFrame
    dates: pl.DataFrame
    charges: pl.DataFrame
    events: pl.DataFrame
    totals: pl.DataFrame

    def tables(self) -> dict[str, pl.DataFrame]:
        """The frames by name."""
        return {
            "actors": self.actors,
            "quotes": self.quotes,
            "counts": self.counts,
            "dates": self.dates,
            "charges": self.charges,
            "events": self.events,
            "totals": self.totals,
        }

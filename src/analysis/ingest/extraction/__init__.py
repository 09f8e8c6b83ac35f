"""Rule-based extraction of candidate facts from English news text: :func:`extract`."""

from __future__ import annotations

from analysis.ingest.extraction.actors import (
    ACTORS_SCHEMA,
    CHARGES_SCHEMA,
    COUNTS_SCHEMA,
    DATES_SCHEMA,
    EVENTS_SCHEMA,
    QUOTES_SCHEMA,
    Extraction,
    extract,
)

__all__ = [
    "ACTORS_SCHEMA",
    "CHARGES_SCHEMA",
    "COUNTS_SCHEMA",
    "DATES_SCHEMA",
    "EVENTS_SCHEMA",
    "QUOTES_SCHEMA",
    "Extraction",
    "extract",
]

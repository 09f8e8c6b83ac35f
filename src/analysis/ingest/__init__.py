"""Ingest: a new source text -> a draft ledger of candidate facts for a person to review.

:mod:`~analysis.ingest.extraction` drafts facts from the text (offline rules, deterministic);
:mod:`~analysis.ingest.main` links them to the facts already in the seeds and writes the source
and its draft as one unit.
"""

from __future__ import annotations

from analysis.ingest.extraction import Extraction, extract
from analysis.ingest.main import MAX_BYTES, IngestResult, ingest_file

__all__ = ["MAX_BYTES", "Extraction", "IngestResult", "extract", "ingest_file"]

"""Ingest: a new source text -> a draft ledger of candidate facts for a person to review.

:mod:`~analysis.ingest.extraction` drafts facts from the text (offline rules, deterministic);
:mod:`~analysis.ingest.inputs` checks the file and its fields; :mod:`~analysis.ingest.draft`
turns the facts into a draft ledger, linked (:mod:`~analysis.ingest.link`) to the facts already
in the seeds; :mod:`~analysis.ingest.main` writes the source and its draft as one unit.
:mod:`~analysis.ingest.names` is how the extractor and the linker compare names.
"""

from __future__ import annotations

from analysis.ingest.extraction import Extraction, extract
from analysis.ingest.main import MAX_BYTES, IngestResult, ingest_file

__all__ = ["MAX_BYTES", "Extraction", "IngestResult", "extract", "ingest_file"]

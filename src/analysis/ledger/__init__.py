"""The ledger: seeds (source texts and YAML fact files) read, validated and assembled into
typed Polars frames.

Its stages, in the data's order: :mod:`~analysis.ledger.text` (sentences, evidence located in
a source), :mod:`~analysis.ledger.records` (the record models), :mod:`~analysis.ledger.reading`
(YAML with lines), :mod:`~analysis.ledger.build` (checks across records, frames),
:mod:`~analysis.ledger.bundle` (:func:`load` and :class:`Ledger`), :mod:`~analysis.ledger.cache`
(frames kept for one render) and :mod:`~analysis.ledger.export` (CSV, Parquet).
"""

from __future__ import annotations

from analysis.ledger.bundle import Ledger, load

__all__ = ["Ledger", "load"]

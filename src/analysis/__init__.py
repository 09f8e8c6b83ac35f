"""Sourced Polars data and reproducible reports on US-Mexico security cooperation.

>>> import analysis
>>> ledger = analysis.load()                      # doctest: +SKIP
>>> analysis.charts.transfers_timeline(ledger)    # doctest: +SKIP

The package follows the data's way, one subpackage a stage: :mod:`analysis.ledger` (seeds ->
validated frames), :mod:`analysis.metrics` (figures), :mod:`analysis.charts` (Altair charts),
:mod:`analysis.report` (page blocks for notebooks), :mod:`analysis.render` (notebooks ->
pages) and :mod:`analysis.ingest` (a new source -> draft facts). Importing the package reads
no file and imports neither Polars nor a plotting library: each loads on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from analysis._version import __version__
from analysis.errors import (
    AnalysisError,
    IngestError,
    LedgerError,
    ParameterError,
    Problem,
    RenderError,
)

if TYPE_CHECKING:
    from analysis import charts, dates, ingest, ledger, metrics, render, report, schema
    from analysis.ingest.extraction import extract
    from analysis.ledger import Ledger, load


#: Names that load their module on first use, and where they live.
_LAZY = {
    "load": "analysis.ledger",
    "Ledger": "analysis.ledger",
    "extract": "analysis.ingest.extraction",
}
_SUBPACKAGES = ("charts", "dates", "ingest", "ledger", "metrics", "render", "report", "schema")

__all__ = [
    "AnalysisError",
    "IngestError",
    "Ledger",
    "LedgerError",
    "ParameterError",
    "Problem",
    "RenderError",
    "__version__",
    "charts",
    "dates",
    "extract",
    "ingest",
    "ledger",
    "load",
    "metrics",
    "render",
    "report",
    "schema",
]


def __getattr__(name: str) -> Any:
    # Polars and pydantic load on first use, so `analysis render` with nothing to do is fast.
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    if name in _SUBPACKAGES:
        return importlib.import_module(f"analysis.{name}")
    msg = f"module 'analysis' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    """The public names (what tab completion offers), not the module's own machinery."""
    return sorted(__all__)

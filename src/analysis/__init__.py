"""Sourced Polars data and reproducible reports on US-Mexico security cooperation.

>>> import analysis
>>> ledger = analysis.load()                      # doctest: +SKIP
>>> analysis.charts.transfers_timeline(ledger)    # doctest: +SKIP

Importing the package reads no file and imports no plotting library: submodules load on
first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from analysis.errors import AnalysisError, LedgerError, ParameterError, Problem, RenderError

if TYPE_CHECKING:
    from analysis import charts, report
    from analysis.extraction import extract as extract
    from analysis.frames import Ledger, load

__version__ = "0.1.0"

__all__ = [
    "AnalysisError",
    "Ledger",
    "LedgerError",
    "ParameterError",
    "Problem",
    "RenderError",
    "__version__",
    "charts",
    "load",
    "report",
]

_LAZY = {"charts", "report", "render"}


def __getattr__(name: str) -> Any:
    # Polars and pydantic load on first use, so `analysis render` with nothing to do is fast.
    if name in ("load", "Ledger"):
        return getattr(importlib.import_module("analysis.frames"), name)
    if name == "extract":  # the function; its module is analysis.extraction
        return importlib.import_module("analysis.extraction").extract
    if name in _LAZY:
        return importlib.import_module(f"analysis.{name}")
    msg = f"module 'analysis' has no attribute {name!r}"
    raise AttributeError(msg)

"""Render: report notebooks -> executed notebooks -> one offline HTML page each, and the index.

The stages, in the order a run meets them: :mod:`~analysis.render.params` (a notebook's
parameters, checked), :mod:`~analysis.render.catalog` (which notebooks are reports),
:mod:`~analysis.render.plan` (reports x parameter sets), :mod:`~analysis.render.keys` (what a
page depends on), :mod:`~analysis.render.run` (lock, skip, parallel run),
:mod:`~analysis.render.kernels` (kernels started ahead), :mod:`~analysis.render.execute`
(papermill), :mod:`~analysis.render.export` (nbconvert), :mod:`~analysis.render.assets`
(bundle, CSS, versions), :mod:`~analysis.render.page` (one report, start to end),
:mod:`~analysis.render.manifest` and :mod:`~analysis.render.index`.

Submodules are named for their stage, so the package exports classes and `render_suite`
only (no function shares a submodule's name). Nothing here imports Polars: the kernels do the data work. Submodules load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.render.catalog import ReportSpec
    from analysis.render.plan import Job
    from analysis.render.run import Outcome, RunResult, render_suite

_NAMES = {
    "ReportSpec": "catalog",
    "Job": "plan",
    "Outcome": "run",
    "RunResult": "run",
    "render_suite": "run",
}
__all__ = ["Job", "Outcome", "ReportSpec", "RunResult", "render_suite"]


def __getattr__(name: str) -> Any:
    if name in _NAMES:
        return getattr(importlib.import_module(f"analysis.render.{_NAMES[name]}"), name)
    msg = f"module 'analysis.render' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*globals(), *_NAMES])

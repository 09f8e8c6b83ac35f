"""Page blocks for report notebooks, and the notebook <-> renderer protocol.

:class:`Report` (in :mod:`analysis.report.blocks`) builds the blocks a report page shows;
:mod:`analysis.report.protocol` is what the renderer reads back, with no Polars. ``Report`` is
loaded on first use, so that importing the protocol does not load the data stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from analysis.report.protocol import SUMMARY_MIMETYPE, script_json

if TYPE_CHECKING:
    from analysis.report.blocks import Html, Report

__all__ = ["SUMMARY_MIMETYPE", "Html", "Report", "script_json"]


def __getattr__(name: str) -> Any:
    if name in ("Report", "Html"):
        from analysis.report import blocks  # noqa: PLC0415

        return getattr(blocks, name)
    msg = f"module 'analysis.report' has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted([*globals(), "Html", "Report"])

"""Write the frames to files: CSV (list columns joined) or Parquet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

import polars as pl

if TYPE_CHECKING:
    from collections.abc import Mapping

ExportFormat = Literal["csv", "parquet"]
#: How a list column (actor aliases) is written in one CSV cell.
LIST_SEPARATOR = "; "


def flatten_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with each list column joined into text, as CSV needs."""
    return frame.with_columns(
        pl.col(c).list.join(LIST_SEPARATOR)
        for c, t in frame.schema.items()
        if isinstance(t, pl.List)
    )


def export(
    frames: Mapping[str, pl.DataFrame], out_dir: str | Path, fmt: ExportFormat = "csv"
) -> list[Path]:
    """Write each frame to ``out_dir/<name>.<fmt>`` and return the paths written."""
    if fmt not in ("csv", "parquet"):  # callers from untyped code
        msg = f"unknown export format {fmt!r}; expected 'csv' or 'parquet'"
        raise ValueError(msg)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in frames.items():
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            frame.write_parquet(path)
        else:
            flatten_lists(frame).write_csv(path)
        written.append(path)
    return written

"""Write the frames to files: CSV (list columns as JSON arrays) or Parquet."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import polars as pl

if TYPE_CHECKING:
    from collections.abc import Mapping

ExportFormat = Literal["csv", "parquet"]


def _json_list(values: pl.Series) -> str:
    return json.dumps(values.to_list(), ensure_ascii=False)


def flatten_lists(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` with each list column (actor aliases, a quote's parts) written as a JSON
    array of strings in its cell, as CSV needs: ``["first part,", "second part"]``. A
    separator could occur inside a value; a JSON array reads back exactly."""
    return frame.with_columns(
        pl.col(c).map_elements(_json_list, return_dtype=pl.String, skip_nulls=True)
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

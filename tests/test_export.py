"""Ledger.export writes one file per frame, which reads back with the same rows."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from analysis.schema import FRAMES

if TYPE_CHECKING:
    from pathlib import Path

    import analysis


def test_export_parquet_writes_one_file_per_frame(ledger: analysis.Ledger, tmp_path: Path) -> None:
    written = ledger.export(tmp_path / "out", "parquet")
    assert written == [tmp_path / "out" / f"{name}.parquet" for name in FRAMES]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{name}.parquet" for name in FRAMES
    )


@pytest.mark.parametrize("name", list(FRAMES))
def test_export_parquet_reads_back_with_the_same_rows_and_types(
    ledger: analysis.Ledger, tmp_path: Path, name: str
) -> None:
    ledger.export(tmp_path, "parquet")
    back = pl.read_parquet(tmp_path / f"{name}.parquet")
    assert_frame_equal(back, getattr(ledger, name))
    assert back.height > 0


def test_export_csv_writes_one_file_per_frame(ledger: analysis.Ledger, tmp_path: Path) -> None:
    written = ledger.export(tmp_path, "csv")
    assert written == [tmp_path / f"{name}.csv" for name in FRAMES]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.csv" for name in FRAMES)


@pytest.mark.parametrize("name", list(FRAMES))
def test_export_csv_reads_back_with_the_same_rows(
    ledger: analysis.Ledger, tmp_path: Path, name: str
) -> None:
    ledger.export(tmp_path, "csv")
    back = pl.read_csv(tmp_path / f"{name}.csv", infer_schema=False)
    frame = getattr(ledger, name)
    # CSV holds text: compare as text, with list columns joined by "; ".
    as_text = frame.with_columns(
        pl.col(c).list.join("; ") for c, t in frame.schema.items() if isinstance(t, pl.List)
    ).cast(pl.String)
    assert back.columns == list(FRAMES[name])
    assert_frame_equal(back, as_text)


def test_export_csv_keeps_dates_enums_and_joined_aliases_readable(
    ledger: analysis.Ledger, tmp_path: Path
) -> None:
    ledger.export(tmp_path, "csv")
    actors = pl.read_csv(tmp_path / "actors.csv", infer_schema=False)
    row = actors.filter(pl.col("actor_id") == "pam-bondi").to_dicts()[0]
    assert (row["kind"], row["aliases"], row["organisation_id"]) == ("person", "Bondi", "us-doj")
    events = pl.read_csv(tmp_path / "events.csv", infer_schema=False)
    row = events.filter(pl.col("event_id") == "transfer-2025-02").to_dicts()[0]
    assert (row["date"], row["date_precision"], row["people"]) == ("2025-02-01", "month", "29")


def test_export_of_an_unknown_format_is_refused(ledger: analysis.Ledger, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        ledger.export(tmp_path, "xlsx")  # type: ignore[arg-type]

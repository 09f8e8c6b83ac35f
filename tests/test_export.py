"""Ledger.export writes one file per frame: Parquet reads back with the same rows; CSV holds the
seeds' values, typed here by hand from seeds/ledger/*.yaml."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl
import pytest
from polars.testing import assert_frame_equal

import analysis
from analysis.schema import FRAMES

if TYPE_CHECKING:
    from pathlib import Path


def test_export_parquet_writes_one_file_per_frame(ledger: analysis.Ledger, tmp_path: Path) -> None:
    written = ledger.export(tmp_path / "out", "parquet")
    assert written == [tmp_path / "out" / f"{name}.parquet" for name in FRAMES]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        f"{name}.parquet" for name in FRAMES
    )


@pytest.mark.parametrize("name", list(FRAMES))
def test_export_parquet_reads_back_with_the_same_rows_and_types(
    two_sources: Path, tmp_path: Path, name: str
) -> None:
    # Two sources, so that stated totals and disputes have rows too.
    ledger = analysis.load(two_sources)
    ledger.export(tmp_path / "out", "parquet")
    back = pl.read_parquet(tmp_path / "out" / f"{name}.parquet")
    assert_frame_equal(back, getattr(ledger, name))
    assert back.height > 0


def test_export_csv_writes_one_file_per_frame(ledger: analysis.Ledger, tmp_path: Path) -> None:
    written = ledger.export(tmp_path, "csv")
    assert written == [tmp_path / f"{name}.csv" for name in FRAMES]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{name}.csv" for name in FRAMES)


LEDGER_FILE = "ledger/000_a622ddb6cab2c3b2.yaml"


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_export_csv_actors_are_the_seeds_actors(ledger: analysis.Ledger, tmp_path: Path) -> None:
    """Typed from seeds/ledger/000_a622ddb6cab2c3b2.yaml: 7 countries and organisations, 8
    people; a missing title or organisation is an empty cell, an actor's aliases a JSON array
    (``[]`` when it has none), CSV-quoted when it holds quotation marks."""
    ledger.export(tmp_path, "csv")
    lines = _lines(tmp_path / "actors.csv")
    assert lines[0] == (
        "actor_id,kind,name,title,organisation_id,country_id,aliases,status,ledger_file"
    )
    assert len(lines) == 1 + 15
    rows = {line.split(",", 1)[0]: line for line in lines[1:]}
    assert rows["pam-bondi"] == (
        f'pam-bondi,person,Pam Bondi,Attorney General,us-doj,us,"[""Bondi""]",reviewed,{LEDGER_FILE}'
    )
    assert rows["mx"] == f"mx,country,Mexico,,,,[],reviewed,{LEDGER_FILE}"
    assert rows["us"] == f'us,country,United States,,,,"[""U.S.""]",reviewed,{LEDGER_FILE}'
    assert rows["juan-escalante"] == (
        "juan-escalante,person,Juan Escalante,Los Angeles Sheriff’s Deputy,,us,[],"
        f"reviewed,{LEDGER_FILE}"
    )
    assert rows["dea"] == f'dea,organisation,DEA,,,us,"[""U.S. DEA""]",reviewed,{LEDGER_FILE}'


def test_export_csv_writes_several_aliases_as_one_json_array(
    seeds_copy: Path, tmp_path: Path
) -> None:
    ledger_yaml = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = ledger_yaml.read_text(encoding="utf-8")
    assert "    aliases: [U.S. DEA]\n" in text
    ledger_yaml.write_text(
        text.replace(
            "    aliases: [U.S. DEA]\n",
            "    aliases: [U.S. DEA, Drug Enforcement Administration, the agency]\n",
        ),
        encoding="utf-8",
    )
    analysis.load(seeds_copy).export(tmp_path, "csv")
    rows = {line.split(",", 1)[0]: line for line in _lines(tmp_path / "actors.csv")}
    assert rows["dea"] == (
        'dea,organisation,DEA,,,us,"[""U.S. DEA"", ""Drug Enforcement Administration"", '
        f'""the agency""]",reviewed,{LEDGER_FILE}'
    )


def test_export_csv_events_have_dates_precision_and_numbers_as_written(
    ledger: analysis.Ledger, tmp_path: Path
) -> None:
    """Typed from the seeds: `date: 2025-02` is the month's first day at month precision; the
    source was published 2025-08-12; a title with a comma is quoted."""
    ledger.export(tmp_path, "csv")
    lines = _lines(tmp_path / "events.csv")
    assert lines[0] == (
        "event_id,kind,lane,title,date,date_precision,date_as_written,reported_on,people,"
        "duration_days,derived_fields,derivation,disputed_fields,mechanism,origin_id,"
        "destination_id,description,related_event_id,n_sources,status,ledger_file"
    )
    assert len(lines) == 1 + 10
    rows = {line.split(",", 1)[0]: line for line in lines[1:]}
    assert rows["transfer-2025-02"] == (
        "transfer-2025-02,transfer,security cooperation,"
        '"Mexico extradites 29 cartel suspects, including Rafael Caro Quintero",'
        "2025-02-01,month,In February,2025-08-12,29,,[],[],[],extradited,mx,us,,,1,"
        f"reviewed,{LEDGER_FILE}"
    )
    assert rows["tariff-exemption-extended-2025-07"] == (
        "tariff-exemption-extended-2025-07,tariff agreement,trade pressure,"
        "Agreement extends a 90-day tariff exemption for USMCA goods,"
        "2025-07-01,month,In July,2025-08-12,,90,[],[],[],,us,mx,,,1,"
        f"reviewed,{LEDGER_FILE}"
    )


def test_export_of_an_unknown_format_is_refused(ledger: analysis.Ledger, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format 'xlsx'"):
        ledger.export(tmp_path, "xlsx")  # type: ignore[arg-type]

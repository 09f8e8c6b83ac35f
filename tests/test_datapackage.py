"""The data as a Frictionless Data Package: ``analysis export --format datapackage`` and the
``data/`` folder every render writes, checked by the ``frictionless`` validator itself
(types, enum constraints, primary and foreign keys, each file's size and sha256)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SEEDS, run_cli
from frictionless import validate

import analysis
from analysis.ledger.package import package_files, write_package
from analysis.render import data
from analysis.schema import FRAMES


def _errors(descriptor: Path) -> list[str]:
    report = validate(str(descriptor))
    return [f"{kind}: {note}" for kind, note in report.flatten(["type", "note"])]


def _descriptor(folder: Path) -> dict[str, Any]:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _resource(descriptor: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in descriptor["resources"] if r["name"] == name)


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _field(resource: dict[str, Any], name: str) -> dict[str, Any]:
    return next(f for f in resource["schema"]["fields"] if f["name"] == name)


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package of the project's seeds, as the command writes it."""
    out = tmp_path_factory.mktemp("shipped")
    write_package(analysis.load(SEEDS).tables(), out)
    return out


@pytest.mark.slow
def test_export_writes_a_descriptor_and_one_csv_per_frame(tmp_path: Path) -> None:
    result = run_cli("export", "--format", "datapackage", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == str(tmp_path / "datapackage.json")
    shipped = tmp_path
    assert _errors(shipped / "datapackage.json") == []
    assert sorted(p.name for p in shipped.iterdir()) == sorted(
        ["datapackage.json", *(f"{name}.csv" for name in FRAMES)]
    )
    descriptor = _descriptor(shipped)
    assert descriptor["profile"] == "tabular-data-package"
    assert [r["name"] for r in descriptor["resources"]] == list(FRAMES)
    assert [r["path"] for r in descriptor["resources"]] == [f"{n}.csv" for n in FRAMES]


def test_the_package_of_the_shipped_seeds_is_valid(shipped: Path) -> None:
    assert _errors(shipped / "datapackage.json") == []


@pytest.mark.slow
def test_the_frictionless_command_says_it_is_valid(shipped: Path) -> None:
    command = Path(sys.executable).with_name("frictionless")
    done = subprocess.run(
        [str(command), "validate", str(shipped / "datapackage.json")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "VALID" in done.stdout.upper()


@pytest.mark.slow
def test_the_package_of_two_sources_fills_more_frames_and_is_valid(
    two_sources: Path, tmp_path: Path
) -> None:
    result = run_cli("--seeds", two_sources, "export", "--format", "datapackage", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert _errors(tmp_path / "datapackage.json") == []
    rows = {name: len(list(_rows(tmp_path / f"{name}.csv"))) for name in FRAMES}
    assert rows["sources"] == 2
    assert rows["claims"] == 3, "the second source's stated totals"
    assert rows["disputes"] == 1, "its date of the February transfer"


@pytest.mark.slow
def test_drafts_exported_with_their_candidates_make_a_valid_package(
    seeds_copy: Path, tmp_path: Path
) -> None:
    article = Path(__file__).parent / "fixtures" / "articles" / "feb_2025_transfer.txt"
    ingest = run_cli("--seeds", seeds_copy, "ingest", article, "--published", "2025-02-28")
    assert ingest.returncode == 0, ingest.stderr
    out = tmp_path / "out"
    result = run_cli(
        "--seeds", seeds_copy, "export", "--format", "datapackage", "--include-candidates",
        "--out", out,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert _errors(out / "datapackage.json") == []
    statuses = {row["status"] for row in _rows(out / "evidence.csv")}
    assert statuses == {"reviewed", "candidate"}, "the draft's evidence is in"


def test_columns_are_typed_from_the_frames_schemas(shipped: Path) -> None:
    descriptor = _descriptor(shipped)
    events = _resource(descriptor, "events")
    assert _field(events, "event_id") == {"name": "event_id", "type": "string"}
    assert _field(events, "date") == {"name": "date", "type": "date"}
    assert _field(events, "people") == {"name": "people", "type": "integer"}
    assert _field(events, "derived_fields") == {"name": "derived_fields", "type": "array"}
    kind = _field(events, "kind")
    assert kind["type"] == "string"
    assert kind["constraints"]["enum"][:2] == ["transfer", "court appearance"]
    assert _field(_resource(descriptor, "evidence"), "is_quote_text")["type"] == "boolean"
    for resource in descriptor["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"]]
        assert names == list(FRAMES[resource["name"]]), resource["name"]


def test_keys_say_how_the_tables_join(shipped: Path) -> None:
    descriptor = _descriptor(shipped)
    assert _resource(descriptor, "sources")["schema"]["primaryKey"] == ["source_id"]
    assert _resource(descriptor, "sentences")["schema"]["primaryKey"] == ["source_id", "sentence"]
    assert _resource(descriptor, "events")["schema"]["primaryKey"] == ["event_id"]
    roles = _resource(descriptor, "event_actors")["schema"]["foreignKeys"]
    assert {
        "fields": ["actor_id"],
        "reference": {"resource": "actors", "fields": ["actor_id"]},
    } in (roles)
    evidence = _resource(descriptor, "evidence")["schema"]["foreignKeys"]
    assert {
        "fields": ["source_id", "sentence"],
        "reference": {"resource": "sentences", "fields": ["source_id", "sentence"]},
    } in evidence


def test_list_cells_are_json_arrays(shipped: Path) -> None:
    rows = {r["actor_id"]: r for r in _rows(shipped / "actors.csv")}
    assert json.loads(rows["us"]["aliases"]) == ["U.S."]
    assert json.loads(rows["mx"]["aliases"]) == []


@pytest.mark.parametrize(
    ("file", "old", "new", "error"),
    [
        ("actors.csv", ",person,", ",persn,", "constraint-error"),  # not in the enum
        ("event_actors.csv", ",pam-bondi,", ",nobody,", "foreign-key"),  # names no actor
        ("events.csv", "transfer-2025-02,", "transfer-2025-08-12,", "primary-key"),  # twice
        ("actors.csv", '"[""Bondi""]"', "Bondi", "type-error"),  # not a JSON array
    ],
)
def test_the_validator_catches_a_broken_cell(
    shipped: Path, tmp_path: Path, file: str, old: str, new: str, error: str
) -> None:
    """The checks above are real: a cell of the wrong value fails them."""
    folder = tmp_path / "package"
    shutil.copytree(shipped, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    descriptor = _descriptor(folder)
    resource = next(r for r in descriptor["resources"] if r["path"] == file)
    del resource["hash"], resource["bytes"]  # the cell, not the checksum, is under test
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    assert any(e.startswith(f"{error}:") for e in _errors(folder / "datapackage.json"))


def test_a_changed_file_fails_its_checksum(shipped: Path, tmp_path: Path) -> None:
    folder = tmp_path / "package"
    shutil.copytree(shipped, folder)
    (folder / "sources.csv").write_bytes((folder / "sources.csv").read_bytes() + b"\n")
    assert any(e.startswith("hash-count") for e in _errors(folder / "datapackage.json"))


def test_the_same_seeds_give_the_same_bytes(tmp_path: Path) -> None:
    first = write_package(analysis.load(SEEDS).tables(), tmp_path / "a")
    second = write_package(analysis.load(SEEDS).tables(), tmp_path / "b")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


# -- the folder a render publishes ----------------------------------------------------------------


def _files() -> dict[str, bytes]:
    return package_files(analysis.load(SEEDS).tables(), extra={data.KEY_PROPERTY: "k1"})


def test_a_published_package_is_current_until_a_file_changes(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    data.publish_folder(folder, _files())
    assert data.is_current(folder, "k1")
    assert not data.is_current(folder, "another key")
    (folder / "events.csv").write_text("event_id\n")
    assert not data.is_current(folder, "k1")
    (folder / "events.csv").unlink()
    assert not data.is_current(folder, "k1")


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "two-renames"])
def test_publishing_replaces_the_folder_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    if not exchange:
        monkeypatch.setattr(data, "_exchange", lambda *_: False)
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "stale.csv").write_text("from an older release")
    files = _files()
    data.publish_folder(folder, files)
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
    assert (folder / "datapackage.json").read_bytes() == files["datapackage.json"]
    assert [p.name for p in tmp_path.iterdir()] == ["data"], "no temporary folder is left"


def test_a_failed_write_leaves_the_old_package_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    data.publish_folder(folder, _files())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    class Full(dict[str, bytes]):
        def items(self):  # type: ignore[override]
            yield "events.csv", b"event_id\n"
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        data.publish_folder(folder, Full())
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


@pytest.mark.slow
def test_a_symlinked_data_folder_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.csv").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "data").symlink_to(outside)
    result = run_cli("render", "sources", "--out", out)
    assert result.returncode == 2, result.stderr
    assert "data: is a symbolic link" in result.stderr
    assert [p.name for p in outside.iterdir()] == ["keep.csv"]
    assert (outside / "keep.csv").read_text() == "keep me"

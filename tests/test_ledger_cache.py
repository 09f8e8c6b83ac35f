"""The frames `analysis render` validates once per run and hands to its report kernels."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import analysis
from analysis import paths, schema
from analysis.ledger import cache as frames

if TYPE_CHECKING:
    from pathlib import Path


def test_cached_frames_equal_parsed_frames(
    tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed = analysis.load(seeds_copy)
    frames.write_cache(tmp_path / "cache", seeds_copy)
    monkeypatch.setenv(paths.LEDGER_CACHE_ENV, str(tmp_path / "cache"))

    def parse_again(root: Path) -> None:
        pytest.fail(f"load() parsed {root} again instead of reading the cache")

    monkeypatch.setattr("analysis.ledger.build.build_frames", parse_again)
    cached = analysis.load(seeds_copy)
    for name, declared in schema.FRAMES.items():
        assert getattr(cached, name).schema == declared
        assert getattr(cached, name).equals(getattr(parsed, name)), name


def test_a_changed_seed_is_parsed_again_not_read_from_the_cache(
    tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames.write_cache(tmp_path / "cache", seeds_copy)
    monkeypatch.setenv(paths.LEDGER_CACHE_ENV, str(tmp_path / "cache"))
    ledger_file = seeds_copy / "ledger" / "000_a622ddb6cab2c3b2.yaml"
    text = ledger_file.read_text(encoding="utf-8")
    edited = text.replace("    mechanism: extradited\n", "    mechanism: handed over\n")
    ledger_file.write_text(edited, encoding="utf-8")
    mechanism = analysis.load(seeds_copy).events.filter(event_id="transfer-2025-02")["mechanism"]
    assert mechanism.to_list() == ["handed over"]


def test_the_cache_of_other_seeds_is_not_used(
    tmp_path: Path, seeds_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames.write_cache(tmp_path / "cache", seeds_copy)
    monkeypatch.setenv(paths.LEDGER_CACHE_ENV, str(tmp_path / "cache"))
    other = tmp_path / "other"
    other.mkdir()
    (other / "sources").mkdir()
    (other / "ledger").mkdir()
    with pytest.raises(analysis.LedgerError, match="holds no source"):
        analysis.load(other)

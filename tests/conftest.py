"""Shared fixtures. Keep this file small: put helpers used by one module in that module."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import analysis

#: The project's own seeds, read by the tests and never written.
SEEDS = Path(__file__).resolve().parents[1] / "seeds"

#: The one source of the foundation, and its fact ledger.
SOURCE_ID = "000_a622ddb6cab2c3b2"


@pytest.fixture(scope="session")
def ledger() -> analysis.Ledger:
    """The project's seeds, loaded once (reviewed facts only)."""
    return analysis.load(SEEDS)


@pytest.fixture(scope="session")
def article() -> str:
    """The source article's text, read directly (not through the code under test)."""
    return (SEEDS / "sources" / f"{SOURCE_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the project's seeds, for tests that change or add files."""
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy

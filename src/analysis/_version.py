"""The installed version of this package, read from its metadata (pyproject.toml says it once)."""

from __future__ import annotations

import importlib.metadata


def _version() -> str:
    try:
        return importlib.metadata.version("analysis")
    except importlib.metadata.PackageNotFoundError:  # run from a source tree, not installed
        return "0+unknown"


__version__ = _version()

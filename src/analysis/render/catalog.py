"""The report notebooks: which notebooks are reports, their titles and their parameters."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import paths
from analysis.errors import ParameterError
from analysis.files import atomic_write, sha256_bytes, sha256_file
from analysis.render.params import Parameter, inspect, vocabularies

PARAMS_CACHE = "parameters.json"


def _cached_parameters(value: object) -> dict[str, Parameter] | None:
    """Parameters from the cache, or None when the entry is missing or of the wrong shape
    (then the notebook is inspected again: deleting or breaking the cache only costs time)."""
    if not isinstance(value, list):
        return None
    fields = {"name", "type", "default", "help"}
    if not all(isinstance(v, dict) and set(v) == fields for v in value):
        return None
    try:
        return {v["name"]: Parameter(**v) for v in value}
    except TypeError:
        return None


@dataclass(frozen=True)
class ReportSpec:
    """A report notebook and what the index says about it."""

    name: str
    notebook: Path
    title: str
    about: str
    parameters: dict[str, Parameter]
    #: The notebook's sha256, as read when it was discovered.
    sha256: str
    #: The parameters whose values must name something of the ledger: parameter ->
    #: vocabulary (:data:`analysis.render.params.VOCABULARIES`).
    vocabularies: dict[str, str] = field(default_factory=dict)


def discover(notebooks: Path | None = None, cache: Path | None = None) -> dict[str, ReportSpec]:
    """The report notebooks (those whose metadata says ``analysis.report``), by name.

    ``cache`` is a JSON file of parameters already inspected, by checksum of the notebook and
    of the code that inspects it: reading them with papermill costs a quarter of a second of
    imports, which a run should not pay before its kernels can start.
    """
    folder = notebooks or paths.notebooks_dir()
    if not folder.is_dir():
        msg = f"{folder}: is not a folder of notebooks"
        raise ParameterError(msg)
    known: dict[str, Any] = {}
    if cache is not None and cache.is_file():
        with contextlib.suppress(OSError, ValueError):
            read = json.loads(cache.read_text(encoding="utf-8"))
            known = read if isinstance(read, dict) else {}
    inspector = sha256_file(Path(inspect.__code__.co_filename))[:16]
    found = {}
    fresh: dict[str, Any] = {}
    for path in sorted(folder.glob("*.ipynb")):
        raw = path.read_bytes()
        try:
            meta = json.loads(raw).get("metadata", {})
        except ValueError:
            msg = f"{path}: is not a notebook (invalid JSON)"
            raise ParameterError(msg) from None
        if not meta.get("analysis", {}).get("report"):
            continue
        sha256 = sha256_bytes(raw)
        digest = f"{sha256}-{inspector}"
        cached = _cached_parameters(known.get(digest))
        if cached is not None:  # in the notebook's order
            params = cached
        else:
            params = inspect(path)
            fresh[digest] = [vars(v) for v in params.values()]
        found[path.stem] = ReportSpec(
            path.stem,
            path,
            str(meta.get("title", path.stem)),
            str(meta["analysis"].get("about", "")),
            params,
            sha256,
            vocabularies(path, params, meta["analysis"].get("vocabularies")),
        )
    if cache is not None and fresh:
        with contextlib.suppress(OSError):  # a read-only cache only costs time
            atomic_write(cache, json.dumps({**known, **fresh}, sort_keys=True, indent=1).encode())
    if not found:
        msg = f"{folder}: holds no report notebook (one whose metadata says analysis.report)"
        raise ParameterError(msg)
    return found

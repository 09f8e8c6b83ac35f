"""The frames of a validated seeds folder, kept for the report kernels of one render.

``analysis render`` validates the seeds once, writes their frames here (Arrow IPC) and tells
each report kernel where they are (:data:`analysis.paths.LEDGER_CACHE_ENV`, passed in the
kernel's environment); :func:`analysis.load` in the kernel reads them instead of parsing the
seeds again, while the seeds' files are unchanged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import polars as pl

from analysis import paths, schema


def write_cache(folder: Path, seeds: Path, inputs: dict[str, str] | None = None) -> None:
    """Validate ``seeds`` once and keep its frames (candidates included) in ``folder``.

    :func:`load` reads them back, in any process, while the seeds' files are unchanged.
    ``inputs`` is :func:`analysis.paths.input_files` of ``seeds`` when the caller has it.
    """
    from analysis.ledger.build import build_frames  # noqa: PLC0415

    # Checksums first: a seed edited while it is parsed then fails to match, never the reverse.
    key = {"seeds": str(seeds.resolve()), "inputs": inputs or paths.input_files(seeds)}
    frames = build_frames(seeds)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.write_ipc(folder / f"{name}.arrow")
    (folder / "inputs.json").write_text(json.dumps(key, sort_keys=True), encoding="utf-8")


def read_cache(root: Path, inputs: dict[str, str]) -> dict[str, pl.DataFrame] | None:
    """The frames :func:`write_cache` kept for ``root``, if they are of its current files."""
    folder = os.environ.get(paths.LEDGER_CACHE_ENV)
    if not folder:
        return None
    try:
        key = json.loads((Path(folder) / "inputs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if key != {"seeds": str(root.resolve()), "inputs": inputs}:
        return None  # other seeds, or they changed since: parse and validate them
    return {
        name: pl.read_ipc(Path(folder) / f"{name}.arrow")
        for name in schema.FRAMES
        if name not in schema.COMPUTED_FRAMES
    }

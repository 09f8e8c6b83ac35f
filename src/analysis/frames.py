"""Seeds -> validated, typed Polars frames: :func:`load` and the :class:`Ledger` bundle."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import polars as pl

from analysis import paths, schema
from analysis.errors import LedgerError, Problem

ExportFormat = Literal["csv", "parquet"]


@dataclass(frozen=True)
class Ledger:
    """Every frame of the dataset; each has the schema of the same name in :mod:`analysis.schema`.

    >>> ledger = load()  # doctest: +SKIP
    >>> ledger.events.filter(pl.col("kind") == "transfer").select("date", "people")  # doctest: +SKIP
    """

    sources: pl.DataFrame
    sentences: pl.DataFrame
    actors: pl.DataFrame
    events: pl.DataFrame
    event_actors: pl.DataFrame
    quotes: pl.DataFrame
    allegations: pl.DataFrame
    evidence: pl.DataFrame
    #: The seeds folder the frames were read from.
    seeds_dir: Path
    #: Every file read, relative to ``seeds_dir``, with its sha256.
    input_files: dict[str, str]

    def tables(self) -> dict[str, pl.DataFrame]:
        """The frames by name, in the documented order."""
        return {name: getattr(self, name) for name in schema.FRAMES}

    def export(self, out_dir: str | Path, fmt: ExportFormat = "csv") -> list[Path]:
        """Write every frame to ``out_dir/<name>.<fmt>`` and return the paths written.

        CSV cannot hold lists, so list columns (actor aliases) are joined with ``"; "``.
        """
        if fmt not in ("csv", "parquet"):  # callers from untyped code
            msg = f"unknown export format {fmt!r}; expected 'csv' or 'parquet'"
            raise ValueError(msg)
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in self.tables().items():
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.write_parquet(path)
            else:
                flat = frame.with_columns(
                    pl.col(c).list.join("; ")
                    for c, t in frame.schema.items()
                    if isinstance(t, pl.List)
                )
                flat.write_csv(path)
            written.append(path)
        return written


def load(seeds: str | Path | None = None, *, include_candidates: bool = False) -> Ledger:
    """Read, validate and structure the seeds into a :class:`Ledger` of Polars frames.

    Parameters
    ----------
    seeds
        The seeds folder (with ``sources/`` and ``ledger/``); the project's own by default.
    include_candidates
        Keep facts still marked ``status: candidate`` (drafts from ``analysis ingest``).
        Reports leave them out unless asked.

    Raises
    ------
    LedgerError
        Listing every problem found, each with its file, line, record and field.
    """
    root = Path(seeds) if seeds is not None else paths.seeds_dir()
    if not root.is_dir():
        raise LedgerError([Problem(str(root), "is not a folder of seeds")])
    inputs = paths.input_files(root)
    frames = _read_cache(root, inputs)
    if frames is None:
        from analysis.build import build_frames  # noqa: PLC0415 - parsing needs pydantic, pysbd

        frames = build_frames(root)
    if not include_candidates:
        frames = _reviewed_only(frames)
    # Computed after the filter, so that a candidate's source never counts as a reporter.
    for name, key in (("events", "event_id"), ("quotes", "quote_id")):
        frames[name] = _with_reporting(frames[name], key, frames["evidence"], frames["sources"])
    return Ledger(**frames, seeds_dir=root, input_files=inputs)


def _with_reporting(
    frame: pl.DataFrame, key: str, evidence: pl.DataFrame, sources: pl.DataFrame
) -> pl.DataFrame:
    """Fill ``reported_on`` (the earliest source citing the fact) and, for events, ``n_sources``."""
    reporting = (
        evidence.select(pl.col("fact_id").alias(key), "source_id")
        .unique()
        .join(sources.select("source_id", "published"), on="source_id")
        .group_by(key)
        .agg(
            pl.col("published").min().alias("_reported_on"),
            pl.col("source_id").n_unique().cast(pl.Int64).alias("_n_sources"),
        )
    )
    out = frame.join(reporting, on=key, how="left", maintain_order="left")
    out = out.with_columns(pl.col("_reported_on").alias("reported_on"))
    if "n_sources" in frame.columns:
        out = out.with_columns(pl.col("_n_sources").fill_null(0).alias("n_sources"))
    return out.select(frame.columns).cast(frame.schema)


def _reviewed_only(frames: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """Drop candidate facts, and whatever refers to a fact that was dropped."""
    reviewed = pl.col("status") == "reviewed"
    actors = frames["actors"].filter(reviewed)
    events = frames["events"].filter(reviewed)
    actor_ids = actors["actor_id"].implode()
    event_ids = events["event_id"].implode()
    roles = frames["event_actors"].filter(
        reviewed, pl.col("event_id").is_in(event_ids), pl.col("actor_id").is_in(actor_ids)
    )
    quotes = frames["quotes"].filter(
        reviewed,
        pl.col("speaker_id").is_in(actor_ids),
        pl.col("event_id").is_null() | pl.col("event_id").is_in(event_ids),
    )
    allegations = frames["allegations"].filter(reviewed, pl.col("event_id").is_in(event_ids))
    kept = pl.concat(
        [
            actors["actor_id"],
            events["event_id"],
            roles["role_id"],
            quotes["quote_id"],
            allegations["allegation_id"],
        ]
    ).implode()
    evidence = frames["evidence"].filter(reviewed, pl.col("fact_id").is_in(kept))
    # A source that only candidate facts cite (a fresh `analysis ingest`) is not shown yet;
    # a source no fact cites at all stays, so that nothing stored is hidden.
    cited_before = frames["evidence"]["source_id"].unique().implode()
    cited_now = evidence["source_id"].unique().implode()
    keep_source = pl.col("source_id").is_in(cited_now) | ~pl.col("source_id").is_in(cited_before)
    return {
        **frames,
        "sources": frames["sources"].filter(keep_source),
        "sentences": frames["sentences"].filter(keep_source),
        "actors": actors,
        "events": events,
        "event_actors": roles,
        "quotes": quotes,
        "allegations": allegations,
        "evidence": evidence,
    }


#: Set by ``analysis render`` for its report kernels: a folder holding the frames it has just
#: validated, so that each report reads them instead of parsing the seeds again.
CACHE_ENV = "ANALYSIS_LEDGER_CACHE"


def write_cache(folder: Path, seeds: Path, inputs: dict[str, str] | None = None) -> None:
    """Validate ``seeds`` once and keep its frames (candidates included) in ``folder``.

    :func:`load` reads them back, in any process, while the seeds' files are unchanged.
    ``inputs`` is :func:`analysis.paths.input_files` of ``seeds`` when the caller has it.
    """
    from analysis.build import build_frames  # noqa: PLC0415

    # Checksums first: a seed edited while it is parsed then fails to match, never the reverse.
    key = {"seeds": str(seeds.resolve()), "inputs": inputs or paths.input_files(seeds)}
    frames = build_frames(seeds)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.write_ipc(folder / f"{name}.arrow")
    (folder / "inputs.json").write_text(json.dumps(key, sort_keys=True), encoding="utf-8")


def _read_cache(root: Path, inputs: dict[str, str]) -> dict[str, pl.DataFrame] | None:
    folder = os.environ.get(CACHE_ENV)
    if not folder:
        return None
    try:
        key = json.loads((Path(folder) / "inputs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if key != {"seeds": str(root.resolve()), "inputs": inputs}:
        return None  # other seeds, or they changed since: parse and validate them
    return {name: pl.read_ipc(Path(folder) / f"{name}.arrow") for name in schema.FRAMES}

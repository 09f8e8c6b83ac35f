"""Seeds -> validated, typed Polars frames: :func:`load` and the :class:`Ledger` bundle."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from analysis import paths, schema
from analysis.errors import LedgerError, Problem
from analysis.ledger.cache import read_cache

if TYPE_CHECKING:
    from analysis.ledger.export import ExportFormat


@dataclass(frozen=True, repr=False)
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
    claims: pl.DataFrame
    event_values: pl.DataFrame
    disputes: pl.DataFrame
    evidence: pl.DataFrame
    #: The seeds folder the frames were read from.
    seeds_dir: Path
    #: Every file read, relative to ``seeds_dir``, with its sha256.
    input_files: dict[str, str]

    def tables(self) -> dict[str, pl.DataFrame]:
        """The frames by name, in the documented order."""
        return {name: getattr(self, name) for name in schema.FRAMES}

    def __repr__(self) -> str:
        """One line: the folder, the sources, and each frame's rows (the frames print on
        their own: ``ledger.events``)."""
        rows = ", ".join(f"{name}={frame.height}" for name, frame in self.tables().items())
        return f"<Ledger of {str(self.seeds_dir)!r}: {rows}>"

    def _repr_html_(self) -> str:
        """What JupyterLab shows for a ledger: its frames with rows and columns, its sources,
        and where the columns are explained."""
        esc = html.escape
        frames = "".join(
            f"<tr><td><code>ledger.{esc(name)}</code></td><td>{frame.height}</td>"
            f"<td>{esc(', '.join(frame.columns))}</td></tr>"
            for name, frame in self.tables().items()
        )
        sources = "".join(
            f"<li><code>{esc(str(row['source_id']))}</code>, published {esc(str(row['published']))}"
            + (f": {esc(str(row['title']))}" if row.get("title") else "")
            + "</li>"
            for row in self.sources.iter_rows(named=True)
        )
        root = paths.project_root()
        guide = (
            f'<a href="{esc((root / "README.md").as_uri())}#data-dictionary">the data dictionary</a>'
            if root is not None and (root / "README.md").is_file()
            else "the data dictionary in the project's README"
        )
        return (
            f"<div><strong>Ledger</strong> of <code>{esc(str(self.seeds_dir))}</code>"
            f"<table><thead><tr><th>frame</th><th>rows</th><th>columns</th></tr></thead>"
            f"<tbody>{frames}</tbody></table>"
            f"<p>{self.sources.height} source{'s' if self.sources.height != 1 else ''}:</p>"
            f"<ul>{sources}</ul><p>Each column is explained in {guide}.</p></div>"
        )

    def export(self, out_dir: str | Path, fmt: ExportFormat = "csv") -> list[Path]:
        """Write every frame to ``out_dir/<name>.<fmt>`` and return the paths written.

        CSV cannot hold lists, so a list column (actor aliases, quote parts) is written as a
        JSON array of strings in its cell.
        """
        from analysis.ledger.export import export  # noqa: PLC0415

        return export(self.tables(), out_dir, fmt)


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
    frames = read_cache(root, inputs)
    if frames is None:
        from analysis.ledger.build import build_frames  # noqa: PLC0415 - needs pydantic, pysbd

        frames = build_frames(root)
    if not include_candidates:
        frames = _reviewed_only(frames)
    from analysis.ledger.consistency import check_claims, resolve_disputes  # noqa: PLC0415

    frames["events"], frames["disputes"] = resolve_disputes(
        frames["events"], frames["event_values"], frames["sources"]
    )
    frames["claims"] = check_claims(frames["claims"], frames["events"])
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
    claims = frames["claims"].filter(
        reviewed, pl.col("event_id").is_null() | pl.col("event_id").is_in(event_ids)
    )
    values = frames["event_values"].filter(reviewed, pl.col("event_id").is_in(event_ids))
    kept = pl.concat(
        [
            actors["actor_id"],
            events["event_id"],
            roles["role_id"],
            quotes["quote_id"],
            allegations["allegation_id"],
            claims["claim_id"],
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
        "claims": claims,
        "event_values": values,
        "evidence": evidence,
    }

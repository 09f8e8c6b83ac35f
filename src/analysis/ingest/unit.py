"""A source written as one unit: its text, metadata and draft ledger, or none of them.

Before the first file of a source is written, :func:`write_unit` puts a journal in the seeds
folder (:data:`JOURNAL`, written atomically) naming the source; it removes the journal once the
three files are in place, and removes what it wrote when a write fails. A run killed between
its writes (SIGKILL, a power cut) leaves the journal behind: :func:`recover`, which every
ingest runs under the lock before it looks at the seeds, then completes the unit when all its
files are there and otherwise rolls it back, and says so in one line.

Runs from before the journal could leave a text alone, without its metadata (``check`` refuses
such seeds); :func:`recover` removes such a text too, but only when it is one ingest wrote: its
name is ``<number>_<first 16 hex digits of its sha256>.txt`` and its bytes have that sha256.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import TYPE_CHECKING, Final

from analysis.errors import IngestError, ParameterError
from analysis.files import atomic_write, refuse_symlink, sha256_file, sync_folder

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["JOURNAL", "LOCK", "lock_path", "recover", "unit_files", "write_unit"]

#: The journal of the unit being written, in the seeds folder (hidden: ``load`` never reads it).
JOURNAL: Final = ".ingest-journal.json"
#: The lock every ingest into a seeds folder holds, in that folder.
LOCK: Final = ".ingest.lock"

_ID = re.compile(r"\d{3,}_[0-9a-f]{16}")


def lock_path(root: Path) -> Path:
    """The lock file of the seeds folder ``root``; refused when it is a symbolic link."""
    path = root / LOCK
    try:
        refuse_symlink(path)
    except ParameterError as exc:  # the same words, as an ingest error
        raise IngestError(str(exc)) from None
    return path


def unit_files(root: Path, source_id: str) -> tuple[Path, Path, Path]:
    """The text, metadata and draft ledger of ``source_id``, in the order they are written."""
    return (
        root / "sources" / f"{source_id}.txt",
        root / "sources" / f"{source_id}.yaml",
        root / "ledger" / f"{source_id}.yaml",
    )


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def write_unit(root: Path, source_id: str, files: dict[Path, bytes]) -> None:
    """Write ``files`` (the unit of ``source_id``) so that a retry finds all or can undo them."""
    journal = root / JOURNAL
    refuse_symlink(journal)
    atomic_write(journal, json.dumps({"source": source_id}).encode("utf-8"))
    done: list[Path] = []
    try:
        for target, data in files.items():
            atomic_write(target, data)
            done.append(target)
    except BaseException:
        for target in done:
            _remove(target)
        _remove(journal)
        raise
    for folder in {p.parent for p in files}:
        sync_folder(folder)
    _remove(journal)
    sync_folder(root)


def _from_journal(root: Path) -> str | None:
    journal = root / JOURNAL
    if journal.is_symlink() or not journal.is_file():
        return None
    try:
        source_id = json.loads(journal.read_text(encoding="utf-8"))["source"]
    except (OSError, ValueError, KeyError, TypeError):
        source_id = None
    message = None
    if isinstance(source_id, str) and _ID.fullmatch(source_id):
        files = unit_files(root, source_id)
        present = [p for p in files if p.exists()]
        if len(present) == len(files):
            message = f"completed source {source_id}, which an interrupted ingest had written"
        elif present:
            for path in present:
                _remove(path)
            names = ", ".join(str(p.relative_to(root)) for p in present)
            message = (
                f"rolled back source {source_id}, left incomplete by an interrupted ingest "
                f"(removed {names})"
            )
    _remove(journal)
    return message


def _lone_texts(root: Path) -> list[str]:
    """Texts an ingest wrote without their metadata (a run killed before the journal existed)."""
    removed = []
    for text in sorted((root / "sources").glob("*.txt")):
        sid = text.stem
        if not _ID.fullmatch(sid) or text.is_symlink() or text.with_suffix(".yaml").exists():
            continue
        if (root / "ledger" / f"{sid}.yaml").exists() or sha256_file(text)[:16] != sid[-16:]:
            continue
        _remove(text)
        removed.append(sid)
    return removed


def recover(root: Path) -> str | None:
    """Complete or roll back what an interrupted ingest left in ``root``; one line saying what
    was done, or None when there was nothing to do. Call it holding the lock."""
    done = [m for m in [_from_journal(root)] if m]
    done += [
        f"rolled back source {sid}, left incomplete by an interrupted ingest "
        f"(removed sources/{sid}.txt, which had no metadata)"
        for sid in _lone_texts(root)
    ]
    return "; ".join(done) or None

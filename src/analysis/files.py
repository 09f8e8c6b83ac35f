"""File helpers every stage shares: atomic writes and checksums.

Writes go through :func:`atomic_write`, so a reader (a browser, the next run, another tool)
sees the old file or the new one, never a part of either.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).chmod(0o644)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(tmp).unlink()
        raise


def sha256_bytes(data: bytes) -> str:
    """The hex sha256 of ``data``.

    >>> sha256_bytes(b"")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """The hex sha256 of the file at ``path``."""
    return sha256_bytes(path.read_bytes())


def sha256_files(files: Iterable[Path], base: Path) -> str:
    """One checksum of several files: their paths relative to ``base`` and their contents."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(base).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def not_utf8(exc: UnicodeDecodeError) -> str:
    """What to tell a user whose file is not UTF-8: the byte, its offset and what to do."""
    return (
        f"is not UTF-8 text: byte 0x{exc.object[exc.start]:02x} at offset {exc.start} "
        "cannot be decoded; save the file as UTF-8"
    )

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


def sync_folder(folder: Path) -> None:
    """Make the names created or removed in ``folder`` durable (best effort: a file system
    that cannot sync a folder is left as it is)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def output_folder(path: Path, what: str = "output folder") -> Path:
    """``path``, created if need be, once it is sure to be a folder this process can write.

    Raises
    ------
    ParameterError
        Naming the path and why it cannot be used: it is a file, lies under a file, is
        read-only, or cannot be created (``/proc``, ``/sys``).
    """
    from analysis.errors import ParameterError  # noqa: PLC0415

    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = "it is a file" if path.is_file() else (exc.strerror or str(exc))
        msg = f"{path}: cannot be used as the {what}: {reason}"
        raise ParameterError(msg) from None
    if not path.is_dir():
        msg = f"{path}: cannot be used as the {what}: it is not a folder"
        raise ParameterError(msg)
    if not os.access(path, os.W_OK | os.X_OK):
        msg = f"{path}: cannot be used as the {what}: it is not writable"
        raise ParameterError(msg)
    return path


def refuse_symlink(path: Path) -> None:
    """Refuse to write or delete through ``path`` when it is a symbolic link: what it points
    at lies outside the folder this command owns.

    Raises
    ------
    ParameterError
        Naming the link and its target.
    """
    from analysis.errors import ParameterError  # noqa: PLC0415

    if path.is_symlink():
        msg = (
            f"{path}: is a symbolic link (to {path.readlink()}); refusing to write or delete "
            "through it. Remove it and run again"
        )
        raise ParameterError(msg)


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

"""The input of :func:`~analysis.ingest.ingest_file` checked before anything is read from the
seeds: the text file (a regular file inside the working folder or the seeds' folder; UTF-8, not
empty, not binary, at most :data:`MAX_BYTES`), the fields
outlet, URL and title (one line each, not too long), and the publication date."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from analysis.dates import parse_day
from analysis.errors import IngestError
from analysis.files import not_utf8

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["MAX_BYTES", "MAX_FIELD", "check_field", "check_published", "read_input"]

#: The largest file :func:`~analysis.ingest.ingest_file` accepts: 2 MB, far more than any news article.
MAX_BYTES: Final = 2_000_000
#: The longest outlet, title and URL accepted, in characters.
MAX_FIELD: Final[dict[str, int]] = {"outlet": 200, "title": 500, "url": 2000}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FIELD_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


#: Pseudo-file systems: their "files" are the state of the machine, never a news text.
_SYSTEM: Final = (Path("/proc"), Path("/sys"), Path("/dev"))


def _inside(path: Path, folders: Sequence[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def _where(path: Path, allowed: Sequence[Path]) -> Path:
    """The resolved location of ``path`` once it is sure to lie in one of the ``allowed`` folders
    (symbolic links followed); raise :class:`IngestError` naming the file and why otherwise."""
    if not path.exists() and not path.is_symlink():
        msg = f"{path}: no such file"
        raise IngestError(msg)
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        msg = f"{path}: is a symbolic link to {path.readlink()}, which does not exist"
        raise IngestError(msg) from None
    via = f" (a symbolic link to {real})" if real != path.absolute() else ""
    if _inside(real, _SYSTEM):
        msg = f"{path}{via}: is a file of the system, not a text: refusing to ingest it"
        raise IngestError(msg)
    if not _inside(real, [a.resolve() for a in allowed]):
        places = " or ".join(dict.fromkeys(str(a) for a in allowed))
        msg = (
            f"{path}{via}: lies outside the working folder ({places}): refusing to ingest it; "
            "copy the text into the project first"
        )
        raise IngestError(msg)
    return real


def _read_regular(path: Path, real: Path) -> bytes:
    """The bytes of ``real``, opened without following a link and without blocking, when it is
    a regular file (``fstat`` of the opened file: not a FIFO, device, socket or folder)."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        reason = "is not a regular file" if exc.errno == errno.ELOOP else "cannot be read"
        msg = f"{path}: {reason}: {exc.strerror}"
        raise IngestError(msg) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        msg = f"{path}: is not a regular file (a folder, FIFO, device or socket): not a text"
        raise IngestError(msg)
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > MAX_BYTES:
            msg = (
                f"{path}: is {info.st_size:,} bytes, larger than the limit of {MAX_BYTES:,} "
                "bytes (2 MB); a news article is far smaller: is this the right file?"
            )
            raise IngestError(msg)
        try:
            data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            msg = f"{path}: cannot be read: {exc.strerror}"
            raise IngestError(msg) from None
    if len(data) > MAX_BYTES:  # the file grew while we looked at it
        msg = f"{path}: is larger than the limit of {MAX_BYTES:,} bytes (2 MB)"
        raise IngestError(msg)
    return data


def read_input(path: Path, allowed: Sequence[Path]) -> tuple[bytes, str]:
    """The bytes of the file and its text; raise :class:`IngestError` saying what is wrong.

    Only a regular file is read, and only one whose resolved location (symbolic links
    followed) lies inside one of the ``allowed`` folders: the working folder and the folder
    holding the seeds. Anything else (``/etc/passwd``, a link out of the project, a file of
    ``/proc``, ``/sys`` or ``/dev``, a FIFO, a device, a folder) is refused before it is read.
    """
    data = _read_regular(path, _where(path, allowed))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{path}: {not_utf8(exc)}"
        raise IngestError(msg) from None
    if not text.strip():
        msg = f"{path}: is empty: there is no text to ingest"
        raise IngestError(msg)
    bad = _CONTROL.search(text)
    if bad is not None:
        offset = len(text[: bad.start()].encode("utf-8"))
        msg = (
            f"{path}: is not plain text: control character U+{ord(bad.group()):04X} at byte "
            f"offset {offset} (a binary file?)"
        )
        raise IngestError(msg)
    return data, text


def check_field(name: str, value: str | None) -> str | None:
    """``value`` stripped, or None when not given; raise when it cannot be written as is."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        msg = f"--{name}: is empty; leave it out when it is not known"
        raise IngestError(msg)
    if len(value) > MAX_FIELD[name]:
        msg = f"--{name}: is {len(value)} characters long, more than {MAX_FIELD[name]}"
        raise IngestError(msg)
    if _FIELD_CONTROL.search(value):
        msg = f"--{name}: must be one line of text without control characters"
        raise IngestError(msg)
    if name == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            msg = f"--url: expected an http:// or https:// address, found {value!r}"
            raise IngestError(msg)
    return value


def check_published(published: dt.date | str) -> dt.date:
    """The publication date, from a date or ``YYYY-MM-DD``."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        day = parse_day(published)
    except ValueError:
        day = None
    if day is None:
        msg = f"--published: expected a date as YYYY-MM-DD, found {published!r}"
        raise IngestError(msg)
    return day

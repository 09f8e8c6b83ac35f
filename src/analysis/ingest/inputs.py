"""The input of :func:`~analysis.ingest.ingest_file` checked before anything is read from the
seeds: the text file (UTF-8, not empty, not binary, at most :data:`MAX_BYTES`), the fields
outlet, URL and title (one line each, not too long), and the publication date."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from analysis.dates import parse_day
from analysis.errors import IngestError
from analysis.files import not_utf8

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["MAX_BYTES", "MAX_FIELD", "check_field", "check_published", "read_input"]

#: The largest file :func:`~analysis.ingest.ingest_file` accepts: 2 MB, far more than any news article.
MAX_BYTES: Final = 2_000_000
#: The longest outlet, title and URL accepted, in characters.
MAX_FIELD: Final[dict[str, int]] = {"outlet": 200, "title": 500, "url": 2000}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FIELD_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def read_input(path: Path) -> tuple[bytes, str]:
    """The bytes of the file and its text; raise :class:`IngestError` saying what is wrong."""
    if not path.exists():
        msg = f"{path}: no such file"
        raise IngestError(msg)
    if not path.is_file():
        msg = f"{path}: is not a regular file"
        raise IngestError(msg)
    size = path.stat().st_size
    if size > MAX_BYTES:
        msg = (
            f"{path}: is {size:,} bytes, larger than the limit of {MAX_BYTES:,} bytes "
            "(2 MB); a news article is far smaller: is this the right file?"
        )
        raise IngestError(msg)
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot be read: {exc.strerror}"
        raise IngestError(msg) from None
    if len(data) > MAX_BYTES:  # the file grew while we looked at it
        msg = f"{path}: is larger than the limit of {MAX_BYTES:,} bytes (2 MB)"
        raise IngestError(msg)
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

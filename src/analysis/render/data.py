"""The data behind the reports, downloadable whole: ``OUT/data/``, a Frictionless Data Package.

Every ``analysis render`` writes it from the seeds it rendered (reviewed facts only, as the
reports show by default): ``datapackage.json`` and one CSV per frame
(:mod:`analysis.ledger.package`). Its descriptor records the key it was made from (the
seeds' checksums, the package's code and the environment), so that a run whose key is
unchanged and whose files still match their checksums leaves it as it is, without loading
the ledger (nor Polars).

The folder is published whole: written beside as a temporary folder, then swapped with the
old one in one ``rename`` (``RENAME_EXCHANGE`` on Linux; elsewhere two renames, a moment
apart), so a reader sees the old package or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import secrets
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.files import sha256_bytes, sha256_file, sync_folder

if TYPE_CHECKING:
    from collections.abc import Mapping

log = logging.getLogger("analysis")

DATA = "data"
DESCRIPTOR = "datapackage.json"
#: The descriptor's property that holds the key the package was made from.
KEY_PROPERTY = "analysis_key"


def package_key(inputs: Mapping[str, str], code: str, env: str) -> str:
    """What the package depends on: the seeds' files, the package's code, the environment."""
    payload = {"inputs": dict(sorted(inputs.items())), "code": code, "environment": env}
    return sha256_bytes(json.dumps(payload, sort_keys=True).encode())


def read_descriptor(folder: Path) -> dict[str, Any] | None:
    """The descriptor of the package in ``folder``; None when there is none that reads."""
    try:
        value = json.loads((folder / DESCRIPTOR).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def is_current(folder: Path, key: str) -> bool:
    """Whether ``folder`` holds the package of ``key`` whole: its descriptor says that key and
    every resource it lists matches its size and checksum."""
    descriptor = read_descriptor(folder)
    if descriptor is None or descriptor.get(KEY_PROPERTY) != key:
        return False
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return False
    for resource in resources:
        if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
            return False
        path = folder / resource["path"]
        if path.parent != folder or path.is_symlink() or not path.is_file():
            return False
        try:
            if f"sha256:{sha256_file(path)}" != resource.get("hash"):
                return False
        except OSError:
            return False
    return True


def write(out_dir: Path, seeds: Path, key: str) -> Path:
    """Load the seeds (reviewed facts) and publish their package as ``out_dir/data``."""
    from analysis.ledger import load  # noqa: PLC0415 - Polars, only when the package changes
    from analysis.ledger.package import package_files  # noqa: PLC0415

    frames = load(seeds).tables()
    folder = out_dir / DATA
    publish_folder(folder, package_files(frames, extra={KEY_PROPERTY: key}))
    return folder


def publish_folder(folder: Path, files: Mapping[str, bytes]) -> None:
    """Replace ``folder`` by one holding ``files``, whole: see the module docstring."""
    temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        for name, data in files.items():
            with (temp / name).open("xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            (temp / name).chmod(0o644)
        temp.chmod(0o755)
        sync_folder(temp)
        if folder.exists() or folder.is_symlink():
            if not _exchange(temp, folder):
                # Two renames: the old folder aside, the new one in its place.
                aside = folder.parent / f".{folder.name}.{secrets.token_hex(6)}.old.tmp"
                folder.rename(aside)
                try:
                    temp.rename(folder)
                except BaseException:
                    aside.rename(folder)
                    raise
                temp = aside  # the old folder, removed below
        else:
            temp.rename(folder)
        sync_folder(folder.parent)
    finally:
        remove_tree(temp)


def remove_tree(path: Path) -> None:
    """Remove ``path`` (a folder this module made, or the old package it swapped out)."""
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def remove_leftovers(out_dir: Path) -> None:
    """Temporary package folders a killed run left (under the run's lock)."""
    for stale in out_dir.glob(f".{DATA}.*.tmp"):
        with contextlib.suppress(OSError):
            remove_tree(stale)


#: ``renameat2``'s flag that swaps two paths in one step (Linux 3.15+).
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap ``a`` and ``b`` in one step; False where the system cannot (then nothing moved)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # noqa: PLC0415
    import ctypes.util  # noqa: PLC0415

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.restype = ctypes.c_int
    done = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if done == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # no such call, or not here
        return False
    raise OSError(code, os.strerror(code), str(b))

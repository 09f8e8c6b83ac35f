"""The key of a render: everything a page depends on, hashed. Same key, same bytes.

A page depends on its notebook, its parameters, every seed file, this package's code,
templates and CSS, and the installed environment (``uv.lock`` and every distribution).
"""

from __future__ import annotations

import importlib.metadata
import json
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import paths
from analysis.files import sha256_bytes, sha256_file, sha256_files

if TYPE_CHECKING:
    from collections.abc import Mapping

    from analysis.render.plan import Job


def code_key() -> str:
    """Hash of the package's own files (code, templates, CSS)."""
    package = Path(__file__).parents[1]
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sha256_files(files, package)


def environment_key() -> str:
    """Hash of the installed environment: every distribution and its version."""
    root = paths.project_root()
    if root is not None and (root / "uv.lock").is_file():
        lock = sha256_file(root / "uv.lock")
    else:
        lock = ""
    names = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    return sha256_bytes("\n".join([lock, *names]).encode())


def job_key(job: Job, inputs: Mapping[str, str], code: str, env: str) -> str:
    """The key of one page: :func:`code_key` and :func:`environment_key` are computed once
    per run and passed in."""
    payload = {
        "notebook": job.report.sha256,
        "parameters": job.parameters,
        "inputs": dict(sorted(inputs.items())),
        "code": code,
        "environment": env,
    }
    return sha256_bytes(json.dumps(payload, sort_keys=True, default=str).encode())

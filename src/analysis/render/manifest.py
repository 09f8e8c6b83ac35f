"""What a render leaves beside the pages: the manifest and the per-page summaries.

The manifest (``.manifest.json``) records, for each published page, the key it was rendered
from, its checksum and its headline figures; the next run uses it to skip unchanged pages and
to say what changed. ``<page>.summary.json`` is the same summary for other tools and for
``analysis diff``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from analysis.files import atomic_write

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from analysis.render.plan import Job

MANIFEST = ".manifest.json"


def read_manifest(out_dir: Path) -> dict[str, Any]:
    """The manifest of ``out_dir``; empty when there is none or it cannot be read.

    An entry of the wrong shape (hand-edited, or from another release) is dropped: its page
    renders again, which only costs time.
    """
    path = out_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or unreadable: everything renders again
    if not isinstance(data, dict):
        return {}
    return {stem: entry for stem, entry in data.items() if _valid_entry(entry)}


def _valid_entry(entry: object) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("key"), str)
        and isinstance(entry.get("html_sha256"), str)
        and isinstance(entry.get("report"), str)
        and isinstance(entry.get("parameters", {}), dict)
        and isinstance(entry.get("summary", {}), dict)
        and isinstance(entry.get("summary", {}).get("figures", {}), dict)
        and isinstance(entry.get("changes", []), list)
    )


def _dump(value: object) -> bytes:
    return (
        json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    ).encode()


def write_manifest(out_dir: Path, manifest: Mapping[str, Any]) -> None:
    """Write the manifest of ``out_dir`` atomically."""
    atomic_write(out_dir / MANIFEST, _dump(manifest))


def write_summary(out_dir: Path, job: Job, summary: Mapping[str, Any]) -> Path:
    """Write ``<page>.summary.json`` beside the page of ``job``."""
    path = out_dir / f"{job.stem}.summary.json"
    atomic_write(
        path,
        _dump(
            {
                "report": job.report.name,
                "page": f"{job.stem}.html",
                "parameters": job.parameters,
                "summary": summary.get("summary", ""),
                "figures": summary.get("figures", {}),
            }
        ),
    )
    return path


def figure_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """Lines saying which headline figures differ between two summaries.

    >>> figure_changes({"figures": {"Transfers": 2}}, {"figures": {"Transfers": 3}})
    ['Transfers: 2 -> 3']
    """
    before, after = old.get("figures", {}), new.get("figures", {})
    if not before:
        return []
    lines = []
    for name in sorted(set(before) | set(after)):
        a, b = before.get(name, "absent"), after.get(name, "absent")
        if a != b:
            lines.append(f"{name}: {a} -> {b}")
    return lines


def _load_summaries(folder: Path) -> dict[str, dict[str, Any]]:
    return {
        p.name.removesuffix(".summary.json"): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(folder.glob("*.summary.json"))
    }


def diff(old: Path, new: Path) -> list[str]:
    """Which headline figures changed between two summaries, or two output folders."""
    if old.is_file() and new.is_file():  # two single files: compare them whatever their names
        return figure_changes(
            json.loads(old.read_text(encoding="utf-8")), json.loads(new.read_text(encoding="utf-8"))
        )
    before, after = _load_summaries(old), _load_summaries(new)
    lines = []
    for page in sorted(set(before) | set(after)):
        if page not in before:
            lines.append(f"{page}: new page")
        elif page not in after:
            lines.append(f"{page}: no longer rendered")
        else:
            lines += [f"{page}: {change}" for change in figure_changes(before[page], after[page])]
    return lines

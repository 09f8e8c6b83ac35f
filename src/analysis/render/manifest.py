"""What a render leaves beside the pages: the manifest, the per-page summaries and the
failure records.

The manifest (``.manifest.json``) records, for each published page, the key it was rendered
from, its checksum and its headline figures; the next run uses it to skip unchanged pages and
to say what changed. It also keeps what the index and the feed show of the page, as the run
that rendered it last knew it (so that any later run, whatever it renders, rebuilds both
whole): its title, its report's description and order, the parameters that differ from the
defaults, when it was rendered, whether that was its first render, the latest failure to
render it again (``status`` ``failed``, ``failed_at``, ``error``) and the history of its
renders that changed a headline figure (newest first, at most :data:`HISTORY` of them).

A report that failed without ever publishing a page has no manifest entry: its failure is
recorded in ``_failed/<page>.failure.json``, beside its executed notebook, until the page
is published. ``<page>.summary.json`` is the page's summary for other tools and for
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
#: A failure record's name in ``_failed/``: ``<page>`` + this.
FAILURE_SUFFIX = ".failure.json"
#: Renders that changed a headline figure, kept per page for the feed (newest first).
HISTORY = 50


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
    return {stem: _clean(entry) for stem, entry in data.items() if _valid_entry(entry)}


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


#: The index's and the feed's fields of an entry, each with the type it must have; one of
#: another type (hand-edited, or from another release) is dropped and its default used.
_OPTIONAL: dict[str, type | tuple[type, ...]] = {
    "title": str,
    "about": str,
    "changed_parameters": dict,
    "order": (int, float),
    "rendered_at": str,
    "first": bool,
    "status": str,
    "failed_at": str,
    "error": str,
    "history": list,
}


def _typed(value: object, kind: type | tuple[type, ...]) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    return isinstance(value, kind) and not isinstance(value, bool)  # True is no order


def _clean(entry: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in entry.items() if k not in _OPTIONAL or _typed(v, _OPTIONAL[k])}
    if "history" in kept:
        kept["history"] = [h for h in kept["history"] if _valid_event(h)][:HISTORY]
    return kept


def _valid_event(event: object) -> bool:
    return (
        isinstance(event, dict)
        and isinstance(event.get("rendered_at"), str)
        and isinstance(event.get("changes", []), list)
        and all(isinstance(c, str) for c in event.get("changes", []))
        and isinstance(event.get("figures", {}), dict)
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


# -- failure records of pages never published -------------------------------------------------


def write_failure(failed_dir: Path, stem: str, record: Mapping[str, Any]) -> None:
    """Record in ``failed_dir`` that the page ``stem``, never published, failed to render."""
    atomic_write(failed_dir / f"{stem}{FAILURE_SUFFIX}", _dump(record))


def clear_failure(failed_dir: Path, stem: str) -> None:
    """Forget the failure of ``stem``: its page is published."""
    (failed_dir / f"{stem}{FAILURE_SUFFIX}").unlink(missing_ok=True)


def read_failures(failed_dir: Path) -> dict[str, dict[str, Any]]:
    """The failure records of ``failed_dir``, by page; one that cannot be read is left out."""
    found: dict[str, dict[str, Any]] = {}
    if not failed_dir.is_dir() or failed_dir.is_symlink():
        return found
    for path in sorted(failed_dir.glob(f"*{FAILURE_SUFFIX}")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if (
            isinstance(record, dict)
            and isinstance(record.get("report"), str)
            and isinstance(record.get("error", ""), str)
            and isinstance(record.get("failed_at", ""), str)
        ):
            found[path.name.removesuffix(FAILURE_SUFFIX)] = _clean(record)
    return found

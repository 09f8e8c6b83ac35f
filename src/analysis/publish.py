"""What a render leaves beside the pages: the manifest, per-page summaries and the index page.

The manifest (``.manifest.json``) records, for each published page, the key it was rendered
from, its checksum and its headline figures; the next run uses it to skip unchanged pages and
to say what changed. ``<page>.summary.json`` is the same summary for other tools and for
``analysis diff``.
"""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from analysis import __version__
from analysis.render import atomic_write, page_css

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from analysis.suite import Job, ReportSpec

MANIFEST = ".manifest.json"


def read_manifest(out_dir: Path) -> dict[str, Any]:
    path = out_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or unreadable: everything renders again
    return data if isinstance(data, dict) else {}


def _dump(value: object) -> bytes:
    return (
        json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    ).encode()


def write_manifest(out_dir: Path, manifest: Mapping[str, Any]) -> None:
    atomic_write(out_dir / MANIFEST, _dump(manifest))


def write_summary(out_dir: Path, job: Job, summary: Mapping[str, Any]) -> Path:
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


def _params_text(parameters: Mapping[str, Any], spec: ReportSpec) -> str:
    changed = {
        k: v
        for k, v in parameters.items()
        if spec.parameters.get(k) and v != spec.parameters[k].default
    }
    if not changed:
        return "defaults"
    return "; ".join(
        f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(changed.items())
    )


def write_index(
    out_dir: Path, manifest: Mapping[str, Any], specs: Mapping[str, ReportSpec]
) -> Path:
    """The index page: every published report with its parameters, summary and changes."""
    rows = []
    for stem, entry in sorted(manifest.items()):
        page = out_dir / f"{stem}.html"
        if not page.is_file():
            continue
        report = entry.get("report", stem)
        spec = specs.get(report)
        summary = entry.get("summary", {})
        title = summary.get("title") or (spec.title if spec else report)
        about = spec.about if spec else ""
        params = _params_text(entry.get("parameters", {}), spec) if spec else ""
        changes = entry.get("changes") or []
        change_text = (
            '<ul class="changes">'
            + "".join(f"<li>{html.escape(c)}</li>" for c in changes)
            + "</ul>"
            if changes
            else '<span class="na">no change in headline figures</span>'
        )
        rows.append(
            "<tr>"
            f'<td><a href="{html.escape(page.name)}">{html.escape(title)}</a>'
            f'<div class="about">{html.escape(about)}</div></td>'
            f"<td>{html.escape(params)}</td>"
            f"<td>{html.escape(summary.get('summary', ''))}</td>"
            f"<td>{change_text}</td>"
            "</tr>"
        )
    body = "".join(rows) or '<tr><td colspan="4">No report has been rendered yet.</td></tr>'
    page_html = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Reports: US-Mexico security cooperation</title>
<style>
{page_css()}
</style>
</head>
<body class="report">
<main>
<h1>Reports: US-Mexico security cooperation</h1>
<p class="lead">Extraditions and transfers of alleged cartel members to the United States, and
the trade and policy moves around them, from sourced facts. Each report is one self-contained
HTML file: it opens offline and can be shared as it is.</p>
<div class="table-wrap"><table>
<caption>Published reports</caption>
<thead><tr><th scope="col">Report</th><th scope="col">Parameters</th>
<th scope="col">Summary</th><th scope="col">Changed since the previous render</th></tr></thead>
<tbody>{body}</tbody>
</table></div>
<footer class="report-footer"><p>Made with the <code>analysis</code> package {html.escape(__version__)}.</p></footer>
</main>
</body>
</html>
"""
    path = out_dir / "index.html"
    atomic_write(path, page_html.encode("utf-8"))
    return path

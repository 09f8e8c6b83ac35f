"""The index page: every published report with its parameters, summary and changes."""

from __future__ import annotations

import html
import json
from typing import TYPE_CHECKING, Any

from analysis import __version__
from analysis.files import atomic_write
from analysis.render.assets import page_css
from analysis.render.params import changed

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from analysis.render.catalog import ReportSpec


def _params_text(parameters: Mapping[str, Any], spec: ReportSpec) -> str:
    differ = changed(parameters, spec.parameters)
    if not differ:
        return "defaults"
    return "; ".join(
        f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(differ.items())
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

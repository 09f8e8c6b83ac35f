"""The index page: every published report with its parameters, summary and changes."""

from __future__ import annotations

import json
from functools import cache
from typing import TYPE_CHECKING, Any

from analysis._version import __version__
from analysis.files import atomic_write
from analysis.render.assets import TEMPLATES, page_css
from analysis.render.params import changed

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    import jinja2

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
    """The index page: every published report with its parameters, summary and changes.

    Rows are plain data; ``templates/index.html.j2`` lays them out, escaping every value.
    """
    rows = []
    for stem, entry in sorted(manifest.items()):
        page = out_dir / f"{stem}.html"
        if not page.is_file():
            continue
        report = entry.get("report", stem)
        spec = specs.get(report)
        summary = entry.get("summary", {})
        rows.append(
            {
                "page": page.name,
                "title": summary.get("title") or (spec.title if spec else report),
                "about": spec.about if spec else "",
                "params": _params_text(entry.get("parameters", {}), spec) if spec else "",
                "summary": summary.get("summary", ""),
                "changes": list(entry.get("changes") or []),
            }
        )
    page_html = _template().render(rows=rows, css=page_css(), version=__version__)
    path = out_dir / "index.html"
    atomic_write(path, (page_html + "\n").encode("utf-8"))
    return path


@cache
def _template() -> jinja2.Template:
    import jinja2  # noqa: PLC0415 - a dependency of nbconvert; only when an index is written

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        keep_trailing_newline=False,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("index.html.j2")

"""The index page: every report with its parameters, summary and changes, the feed and the data.

Rows come from the manifest (each published page, as the run that rendered it last knew it)
and from the failure records of pages never published, so that any run lists them all,
whatever it rendered. A page whose last render failed is listed with its last good page, the
time of the failure and the error; one that never rendered, without a link.

Rows are ordered by each report's ``order`` (the notebook's ``metadata.analysis.order``, a
number; reports without one come after those with), then by report name, then by page. The
index shows no clock time of a published page, only of failures: two renders of the same
inputs write the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from analysis._version import __version__
from analysis.errors import cut
from analysis.files import atomic_write
from analysis.render.assets import TEMPLATES, page_css
from analysis.render.data import DATA, read_descriptor
from analysis.render.feed import FEED
from analysis.render.manifest import read_failures
from analysis.render.params import changed

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    import jinja2

    from analysis.render.catalog import ReportSpec

#: Where a run keeps failed reports (:data:`analysis.render.run.FAILED`).
FAILED = "_failed"
#: How much of an error the index shows.
ERROR_CHARS = 300
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def report_order(spec: ReportSpec) -> int | float | None:
    """The report's ``order`` (``metadata.analysis.order`` of its notebook), or None."""
    return _order(spec.notebook, spec.sha256)


@cache
def _order(notebook: Path, sha256: str) -> int | float | None:
    del sha256  # part of the cache's key: an edited notebook is read again
    try:
        meta = json.loads(notebook.read_bytes()).get("metadata", {}).get("analysis", {})
    except (OSError, ValueError, AttributeError):
        return None
    value = meta.get("order") if isinstance(meta, dict) else None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def one_line(error: str, out_dir: Path | None = None) -> str:
    """An error as one line: terminal colours dropped, whitespace runs made one space, paths
    under ``out_dir`` made relative to it (the index is read where the folder is served), cut.

    >>> one_line("RuntimeError:\\n  \\x1b[0;31mboom\\x1b[0m")
    'RuntimeError: boom'
    """
    if out_dir is not None:
        error = error.replace(f"{out_dir}{os.sep}", "")
    return cut(" ".join(_ANSI.sub("", error).split()), ERROR_CHARS)


def when(stamp: str) -> str:
    """``2025-09-01T06:00:00Z`` as a reader reads it: ``2025-09-01 06:00 UTC``."""
    try:
        moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return stamp
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def params_text(changed_parameters: Mapping[str, Any]) -> str:
    if not changed_parameters:
        return "defaults"
    return "; ".join(
        f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in sorted(changed_parameters.items())
    )


def _changed_parameters(entry: Mapping[str, Any], spec: ReportSpec | None) -> dict[str, Any]:
    if "changed_parameters" in entry:
        return dict(entry["changed_parameters"])
    parameters = entry.get("parameters", {})  # an entry of an earlier release
    return changed(parameters, spec.parameters) if spec else dict(parameters)


def _row(
    stem: str,
    entry: Mapping[str, Any],
    spec: ReportSpec | None,
    *,
    published: bool,
    out_dir: Path,
) -> dict[str, Any]:
    report = str(entry.get("report", stem))
    summary = entry.get("summary", {}) if published else {}
    order = report_order(spec) if spec else entry.get("order")
    failed = entry.get("status") == "failed" or not published
    return {
        "sort": (order is None, order or 0, report, stem),
        "page": f"{stem}.html" if published else "",
        "title": entry.get("title") or summary.get("title") or (spec.title if spec else report),
        "about": entry.get("about", spec.about if spec else ""),
        "params": params_text(_changed_parameters(entry, spec)),
        "summary": summary.get("summary", ""),
        "changes": list(entry.get("changes") or []) if published else [],
        "first": bool(entry.get("first")) if published else False,
        "failed": failed,
        "failed_at": entry.get("failed_at", "") if failed else "",
        "failed_when": when(entry.get("failed_at", "")) if failed else "",
        "error": one_line(entry.get("error", ""), out_dir) if failed else "",
        "rendered_at": entry.get("rendered_at", "") if failed and published else "",
        "rendered_when": when(entry.get("rendered_at", "")) if failed and published else "",
    }


def rows(
    out_dir: Path, manifest: Mapping[str, Any], specs: Mapping[str, ReportSpec]
) -> list[dict[str, Any]]:
    """The index's rows, in order: plain data, escaped by the template."""
    found: dict[str, dict[str, Any]] = {}
    for stem, entry in manifest.items():
        if (out_dir / f"{stem}.html").is_file():
            spec = specs.get(entry.get("report", stem))
            found[stem] = _row(stem, entry, spec, published=True, out_dir=out_dir)
    for stem, record in read_failures(out_dir / FAILED).items():
        if stem not in found:
            spec = specs.get(record["report"])
            found[stem] = _row(stem, record, spec, published=False, out_dir=out_dir)
    listed = sorted(found.values(), key=lambda row: row["sort"])
    for row in listed:
        del row["sort"]
    return listed


def _data_links(out_dir: Path) -> list[dict[str, str]]:
    """The CSVs of the data package in ``out_dir/data``, if there is one."""
    descriptor = read_descriptor(out_dir / DATA)
    if descriptor is None:
        return []
    links = []
    for resource in descriptor.get("resources") or []:
        if isinstance(resource, dict) and isinstance(resource.get("path"), str):
            links.append({"href": f"{DATA}/{resource['path']}", "name": resource["path"]})
    return links


def write_index(
    out_dir: Path, manifest: Mapping[str, Any], specs: Mapping[str, ReportSpec]
) -> Path:
    """The index page: every report with its parameters, summary and changes; links to the
    feed and to the data package.

    Rows are plain data; ``templates/index.html.j2`` lays them out, escaping every value.
    """
    data = _data_links(out_dir)
    page_html = _template().render(
        rows=rows(out_dir, manifest, specs),
        css=page_css(),
        version=__version__,
        feed=FEED,
        datapackage=f"{DATA}/datapackage.json" if data else "",
        data=data,
    )
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

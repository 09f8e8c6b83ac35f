"""What every page carries besides its notebook: the Vega bundle, the page CSS, the versions.

The bundle (Vega, Vega-Lite and vega-embed, about 900 KB) comes from ``vl-convert-python`` and
is kept in :func:`analysis.paths.cache_dir`, one file per vl-convert and Altair release.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
from functools import cache
from pathlib import Path

from analysis import __version__, paths
from analysis.files import atomic_write

TEMPLATES = Path(__file__).parent / "templates"


TEMPLATE = "analysis_report"


PAGE_CSS = TEMPLATES / "page.css"


#: Packages whose versions each page records.
KEY_PACKAGES = (
    "polars",
    "altair",
    "papermill",
    "nbconvert",
    "nbclient",
    "ipykernel",
    "vl-convert-python",
)


@cache
def vega_bundle() -> str:
    """The Vega, Vega-Lite and vega-embed bundle (about 900 KB).

    Building it takes about 2 s, so it is built once per installed vl-convert and Altair
    release and kept in :func:`analysis.paths.cache_dir`; it is the same bytes every time for
    the same pair.
    """
    release = "-".join(
        f"{name}{importlib.metadata.version(name)}" for name in ("vl-convert-python", "altair")
    )
    cached = paths.cache_dir() / f"vega-bundle-{release}.js"
    if cached.is_file():
        return cached.read_text(encoding="utf-8")
    bundle = _build_bundle()
    with contextlib.suppress(OSError):  # a read-only home only costs the 2 s next time
        atomic_write(cached, bundle.encode("utf-8"))
    return bundle


def _build_bundle() -> str:
    import altair as alt  # noqa: PLC0415
    import vl_convert  # noqa: PLC0415

    # The Vega-Lite release Altair writes specs for, as vl-convert names it: "v6.4.1" -> "6.4".
    major_minor = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    # The stub types `snippet` as str; None (the default) means the bundle of globals.
    bundle: str = vl_convert.javascript_bundle(None, vl_version=major_minor)  # type: ignore[arg-type]
    if "</script" in bundle.lower():  # it would end the inline <script> early
        bundle = bundle.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")
    return bundle


@cache
def versions() -> dict[str, str]:
    """Versions of this package and of the libraries that shape a report's output."""
    found = {"analysis": __version__}
    for name in KEY_PACKAGES:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


@cache
def page_css() -> str:
    return PAGE_CSS.read_text(encoding="utf-8")

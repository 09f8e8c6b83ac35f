"""What every page carries besides its notebook: the Vega bundle, the page CSS, the versions.

The bundle (Vega, Vega-Lite and vega-embed, about 900 KB) comes from ``vl-convert-python`` and
is kept in :func:`analysis.paths.cache_dir`, one file per vl-convert and Altair release.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import logging
from functools import cache
from pathlib import Path

from analysis import paths
from analysis._version import __version__
from analysis.files import atomic_write, sha256_bytes

log = logging.getLogger("analysis")

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
    # The cache is checked on read against the checksum written beside it: a truncated,
    # emptied or overwritten bundle would publish pages that draw no chart.
    digest = cached.with_name(cached.name + ".sha256")
    with contextlib.suppress(OSError, UnicodeDecodeError):
        data = cached.read_bytes()
        if sha256_bytes(data) == digest.read_text(encoding="ascii").strip():
            return data.decode("utf-8")
        log.warning("the cached Vega bundle %s is damaged; building it again", cached)
    bundle = _build_bundle()
    with contextlib.suppress(OSError):  # a read-only home only costs the 2 s next time
        data = bundle.encode("utf-8")
        atomic_write(cached, data)
        atomic_write(digest, sha256_bytes(data).encode("ascii"))
    return bundle


def vega_bundle_sha256() -> str:
    """The checksum of :func:`vega_bundle`: part of every page's render key."""
    return sha256_bytes(vega_bundle().encode("utf-8"))


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

"""What every page carries besides its notebook: the Vega bundle (:mod:`analysis.vega`), the
page CSS, the versions.
"""

from __future__ import annotations

import importlib.metadata
import logging
from functools import cache
from pathlib import Path

from analysis._version import __version__
from analysis.vega import vega_bundle, vega_bundle_sha256

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


__all__ = [
    "KEY_PACKAGES",
    "PAGE_CSS",
    "TEMPLATE",
    "TEMPLATES",
    "page_css",
    "vega_bundle",
    "vega_bundle_sha256",
    "versions",
]

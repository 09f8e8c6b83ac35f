"""The report pages as files: every notebook runs, pages are byte-reproducible, self-contained,
carry their provenance and escape source text. (What a browser sees is in test_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import nbformat
import pytest
from nbclient import NotebookClient

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ("transfers", "policy", "sources")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_renders(
    rendered: Path,
    render_reports: Callable[[Path, Path | None], Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path]:
    """The session's render (conftest) and a second one, made in another process."""
    return rendered, render_reports(tmp_path_factory.mktemp("second"), None)


@pytest.mark.parametrize("name", ["transfers", "policy", "sources", "explore"])
def test_notebook_runs_top_to_bottom_with_its_defaults(name: str) -> None:
    """As JupyterLab's Run All would: no papermill, no injected parameters."""
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    ).execute()
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    shown = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") != "stream"]
    assert shown, "the notebook displays something"


@pytest.mark.parametrize("name", ["transfers", "policy", "sources", "explore"])
def test_committed_notebook_has_no_outputs_and_one_parameters_cell_first(name: str) -> None:
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    if name == "explore":
        assert tagged == []
    else:
        assert len(tagged) == 1
        assert tagged[0] is code[0]
        assert "def " not in "".join(c.source for c in code), "no helpers defined in notebooks"


def test_two_renders_are_byte_identical(two_renders: tuple[Path, Path]) -> None:
    first, second = two_renders
    for name in (*REPORTS, "index"):
        a, b = (first / f"{name}.html").read_bytes(), (second / f"{name}.html").read_bytes()
        assert a == b, f"{name}.html differs between two renders"


def test_page_loads_nothing_from_the_network_and_carries_one_bundle(
    two_renders: tuple[Path, Path],
) -> None:
    for name in REPORTS:
        page = (two_renders[0] / f"{name}.html").read_text(encoding="utf-8")
        markup = re.sub(r"(<script[^>]*>).*?</script>", r"\1</script>", page, flags=re.DOTALL)
        assert re.findall(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", markup) == []
        assert "cdnjs" not in page
        assert "require.js" not in page
        assert "MathJax" not in page
        assert page.count("window.vegaEmbed=") == 1, "the Vega bundle is included once per page"


def test_page_hides_code_and_prompts(two_renders: tuple[Path, Path]) -> None:
    page = (two_renders[0] / "transfers.html").read_text(encoding="utf-8")
    assert "import analysis" not in page
    assert "jp-InputPrompt" not in page
    assert "RendererRegistry" not in page
    assert "Warning" not in page


def test_page_embeds_its_provenance(two_renders: tuple[Path, Path]) -> None:
    page = (two_renders[0] / "policy.html").read_text(encoding="utf-8")
    match = re.search(r'<script id="provenance" type="application/json">(.*?)</script>', page)
    assert match is not None
    provenance = json.loads(match.group(1))
    assert provenance["report"] == "policy"
    assert provenance["parameters"]["countries"] == []
    text = ROOT / "seeds" / "sources" / "000_a622ddb6cab2c3b2.txt"
    assert (
        provenance["inputs"]["sources/000_a622ddb6cab2c3b2.txt"]
        == hashlib.sha256(text.read_bytes()).hexdigest()
    )
    assert set(provenance["versions"]) >= {"analysis", "polars", "altair", "papermill", "nbconvert"}


def test_headline_numbers_link_to_their_evidence_sentences(two_renders: tuple[Path, Path]) -> None:
    page = (two_renders[0] / "transfers.html").read_text(encoding="utf-8")
    assert 'data-headline="People transferred">55<' in page
    assert 'data-headline="Largest transfer">29<' in page
    assert 'data-headline="Latest transfer">26<' in page
    # Sentence 1 states the 26, sentence 8 the 29: each headline links to them, and the
    # evidence section holds those sentences as the links' targets.
    assert 'href="#s-000_a622ddb6cab2c3b2-1"' in page
    assert 'href="#s-000_a622ddb6cab2c3b2-8"' in page
    assert re.search(
        r'<li id="s-000_a622ddb6cab2c3b2-8">.*?In February, Mexico extradited 29 cartel suspects',
        page,
        re.DOTALL,
    )


def test_chart_data_is_downloadable_as_csv(two_renders: tuple[Path, Path]) -> None:
    page = (two_renders[0] / "transfers.html").read_text(encoding="utf-8")
    links = re.findall(
        r'download="transfers\.csv" href="data:text/csv;charset=utf-8;base64,([^"]+)"', page
    )
    assert len(links) == 1
    csv = base64.b64decode(links[0]).decode("utf-8").splitlines()
    assert csv[0].startswith("date,")
    assert any(",26," in row for row in csv[1:])
    assert any(",29," in row for row in csv[1:])


def test_index_lists_every_report_with_parameters_and_summary(
    two_renders: tuple[Path, Path],
) -> None:
    index = (two_renders[0] / "index.html").read_text(encoding="utf-8")
    for name in REPORTS:
        assert f'href="{name}.html"' in index
    assert "55 people in 2 transfers from Mexico to the United States" in index
    assert index.count("<td>defaults</td>") == 3


def test_source_text_with_markup_is_escaped_in_the_page(
    tmp_path: Path, seeds_copy: Path, render_reports: Callable[[Path, Path | None], Path]
) -> None:
    hostile = "<script>window.__pwned = 1</script>"
    source = seeds_copy / "sources" / "001_hostile.txt"
    source.write_text(
        f"Officials said {hostile} in a statement on Monday. Mexico sent 3 people.\n",
        encoding="utf-8",
    )
    (seeds_copy / "sources" / "001_hostile.yaml").write_text(
        "id: 001_hostile\npublished: 2025-09-01\nlanguage: en\nkind: news article\n"
        "outlet: null\nurl: null\ntitle: null\n",
        encoding="utf-8",
    )
    (seeds_copy / "ledger" / "001_hostile.yaml").write_text(
        "source: 001_hostile\n"
        "events:\n"
        "  - id: hostile-transfer\n"
        "    kind: transfer\n"
        f"    title: 'Transfer {hostile}'\n"
        "    when: Monday\n"
        "    date: 2025-09-01\n"
        "    people: 3\n"
        "    mechanism: sent\n"
        "    origin: mx\n"
        "    destination: us\n"
        f"    evidence: ['Officials said {hostile} in a statement on Monday.', "
        "'Mexico sent 3 people.']\n",
        encoding="utf-8",
    )
    out = render_reports(tmp_path / "out", seeds_copy)
    for name in ("transfers", "sources", "policy"):
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        assert hostile not in page, f"{name}.html carries the source's markup unescaped"
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in (out / "sources.html").read_text(
        encoding="utf-8"
    )

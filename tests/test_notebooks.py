"""The committed notebooks are their own source: no outputs, fixed cell ids, one parameters cell
first, report metadata, and no functions or classes (notebooks orchestrate, the library computes).

The checker is a plain function; each of its rules is shown to reject a bad notebook.
"""

from __future__ import annotations

import ast
import copy
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
#: The report notebooks `analysis render` publishes.
REPORTS = ("transfers", "policy", "sources")
#: Definitions a notebook must not hold.
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)


def _is_report(nb: dict[str, Any]) -> bool:
    return nb.get("metadata", {}).get("analysis", {}).get("report") is True


def _definitions(source: str) -> list[str]:
    """Names of the functions and classes a cell defines; a cell that is not Python is one."""
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return [f"(not plain Python: {exc.msg})"]
    return [
        getattr(node, "name", "lambda") for node in ast.walk(tree) if isinstance(node, DEFINITIONS)
    ]


def _id_problems(cells: list[dict[str, Any]], stem: str) -> list[str]:
    problems = []
    seen: set[str] = set()
    for index, cell in enumerate(cells):
        cell_id = cell.get("id")
        if not isinstance(cell_id, str) or not cell_id:
            problems.append(f"cell {index} has no id")
            continue
        if cell_id in seen:
            problems.append(f"cell {index} repeats the id {cell_id!r}")
        seen.add(cell_id)
        if not re.fullmatch(rf"{re.escape(stem)}-\d{{2}}", cell_id):
            problems.append(f"cell {index} has id {cell_id!r}, not a fixed {stem}-NN")
    return problems


def _parameters_problems(cells: list[dict[str, Any]]) -> list[str]:
    code = [c for c in cells if c.get("cell_type") == "code"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(tagged) != 1:
        return [f"{len(tagged)} cells are tagged parameters, not exactly one"]
    if not code or code[0] is not tagged[0]:
        return ["the cell tagged parameters is not the first code cell"]
    return []


def _metadata_problems(metadata: dict[str, Any]) -> list[str]:
    problems = []
    if not str(metadata.get("analysis", {}).get("about", "")).strip():
        problems.append("metadata analysis.about is missing")
    if not str(metadata.get("title", "")).strip():
        problems.append("metadata title is missing")
    return problems


def notebook_problems(path: Path) -> list[str]:
    """What is wrong with the committed notebook at ``path`` (empty when nothing is)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells: list[dict[str, Any]] = nb.get("cells", [])
    problems = _id_problems(cells, path.stem)
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            problems.append(f"cell {index} has outputs")
        if cell.get("execution_count") is not None:
            problems.append(f"cell {index} has an execution count")
        source = "".join(cell.get("source", ""))
        problems.extend(f"cell {index} defines {name}" for name in _definitions(source))
    if _is_report(nb):
        problems += _parameters_problems(cells)
        problems += _metadata_problems(nb.get("metadata", {}))
    return problems


def test_every_report_is_checked() -> None:
    names = {
        p.stem for p in NOTEBOOKS.glob("*.ipynb") if _is_report(json.loads(p.read_text("utf-8")))
    }
    assert names == set(REPORTS)


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_committed_notebook_is_clean(path: Path) -> None:
    assert notebook_problems(path) == []


# -- each rule rejects a bad notebook ------------------------------------------------------------


def _good() -> dict[str, Any]:
    nb: dict[str, Any] = json.loads((NOTEBOOKS / "transfers.ipynb").read_text(encoding="utf-8"))
    return nb


def _code(nb: dict[str, Any], index: int, source: str = "x = 1") -> None:
    nb["cells"].insert(
        index,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": f"transfers-{90 + index:02d}",
            "metadata": {},
            "outputs": [],
            "source": source,
        },
    )


def _outputs(nb: dict[str, Any]) -> None:
    nb["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "1\n"}]


def _count(nb: dict[str, Any]) -> None:
    nb["cells"][2]["execution_count"] = 3


def _no_id(nb: dict[str, Any]) -> None:
    del nb["cells"][2]["id"]


def _duplicate_id(nb: dict[str, Any]) -> None:
    nb["cells"][3]["id"] = nb["cells"][2]["id"]


def _random_id(nb: dict[str, Any]) -> None:
    nb["cells"][2]["id"] = "9f1c2a7e-43b1-4c2e-a3d4-0d1f6e2b8c55"


def _untagged(nb: dict[str, Any]) -> None:
    nb["cells"][0]["metadata"] = {}


def _two_tagged(nb: dict[str, Any]) -> None:
    nb["cells"][2]["metadata"] = {"tags": ["parameters"]}


def _code_first(nb: dict[str, Any]) -> None:
    _code(nb, 0)


def _markdown_first(nb: dict[str, Any]) -> None:
    nb["cells"].insert(
        0, {"cell_type": "markdown", "id": "transfers-99", "metadata": {}, "source": "# Title"}
    )


def _function(nb: dict[str, Any]) -> None:
    _code(nb, 3, "def share(a, b):\n    return a / b")


def _nested_function(nb: dict[str, Any]) -> None:
    _code(nb, 3, "if True:\n    async def fetch():\n        pass")


def _class(nb: dict[str, Any]) -> None:
    _code(nb, 3, "class Figures:\n    pass")


def _lambda(nb: dict[str, Any]) -> None:
    _code(nb, 3, "key = lambda row: row['date']")


def _magic(nb: dict[str, Any]) -> None:
    _code(nb, 3, "%timeit x = 1")


def _no_about(nb: dict[str, Any]) -> None:
    del nb["metadata"]["analysis"]["about"]


def _no_title(nb: dict[str, Any]) -> None:
    nb["metadata"]["title"] = ""


BAD: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "outputs": (_outputs, "cell 2 has outputs"),
    "execution count": (_count, "cell 2 has an execution count"),
    "no id": (_no_id, "cell 2 has no id"),
    "duplicate id": (_duplicate_id, "cell 3 repeats the id 'transfers-02'"),
    "random id": (_random_id, "not a fixed transfers-NN"),
    "no parameters cell": (_untagged, "0 cells are tagged parameters"),
    "two parameters cells": (_two_tagged, "2 cells are tagged parameters"),
    "code before parameters": (_code_first, "is not the first code cell"),
    "function": (_function, "cell 3 defines share"),
    "nested async function": (_nested_function, "cell 3 defines fetch"),
    "class": (_class, "cell 3 defines Figures"),
    "lambda": (_lambda, "cell 3 defines lambda"),
    "magic": (_magic, "not plain Python"),
    "no about": (_no_about, "analysis.about is missing"),
    "no title": (_no_title, "title is missing"),
}


def _write(tmp_path: Path, nb: dict[str, Any]) -> Path:
    path = tmp_path / "transfers.ipynb"
    path.write_text(json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False) + "\n", "utf-8")
    return path


def test_checker_accepts_the_good_notebook_copied(tmp_path: Path) -> None:
    assert notebook_problems(_write(tmp_path, _good())) == []


def test_checker_accepts_markdown_before_parameters(tmp_path: Path) -> None:
    nb = _good()
    _markdown_first(nb)
    assert notebook_problems(_write(tmp_path, nb)) == []


@pytest.mark.parametrize("bad", BAD, ids=str)
def test_checker_rejects(tmp_path: Path, bad: str) -> None:
    spoil, expected = BAD[bad]
    nb = copy.deepcopy(_good())
    spoil(nb)
    problems = notebook_problems(_write(tmp_path, nb))
    assert any(expected in p for p in problems), problems


def test_checker_leaves_non_reports_their_own_parameters(tmp_path: Path) -> None:
    nb = _good()
    del nb["metadata"]["analysis"]
    _untagged(nb)
    assert notebook_problems(_write(tmp_path, nb)) == []

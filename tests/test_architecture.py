"""Imports go one way, down the data's way (README, "Architecture").

Every import of every module is read with ``ast``: at the top, inside functions and under
``TYPE_CHECKING`` alike, since an import that runs late is still a dependency. Each module is
given its layer; an import of a higher layer, or between the two siblings ``render`` and
``ingest``, is an error, and so is a base module importing anything but the base, or the base
modules importing one another in a cycle.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"

#: Modules every layer may import; they import only each other.
BASE = frozenset(
    {
        "analysis._version",
        "analysis.errors",
        "analysis.paths",
        "analysis.dates",
        "analysis.files",
        "analysis.schema",
        "analysis.markup",
        "analysis.vega",
    }
)
#: The stages, by rank: a module may import its own stage and those of lower rank.
RANKS = {
    "analysis.ledger": 1,
    "analysis.metrics": 2,
    "analysis.charts": 3,
    "analysis.report": 4,
    "analysis.render": 5,
    "analysis.ingest": 5,  # render's sibling: neither imports the other
}
#: The command and the package's public names, which may import everything.
TOP = frozenset({"analysis", "analysis.cli", "analysis.__main__"})
TOP_RANK = 6


def module_name(path: Path, root: Path) -> str:
    """``analysis/render/run.py`` -> ``analysis.render.run``; a package is its ``__init__``."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules(root: Path) -> dict[str, Path]:
    """Every module of the ``analysis`` package under ``root``, by name."""
    return {module_name(p, root): p for p in sorted((root / "analysis").rglob("*.py"))}


def _resolve_from(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    package = importer.split(".") if is_package else importer.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports(path: Path, name: str, known: set[str]) -> list[tuple[int, str]]:
    """``(line, module)`` for each import anywhere in the module at ``path``.

    ``from a import b`` imports ``a.b`` when that is a module of the tree, else ``a``; a call
    ``importlib.import_module("a.b")`` with a constant name counts too.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve_from(node, name, is_package)
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.append((node.lineno, sub if sub in known else target))
        elif (
            isinstance(node, ast.Call)
            and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (isinstance(node.func, ast.Name) and node.func.id == "import_module")
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            found.append((node.lineno, node.args[0].value))
    return found


def layer(name: str) -> tuple[str, int] | None:
    """The layer of an ``analysis`` module and its rank (base 0, top 6); None if unmapped."""
    if name in BASE:
        return name, 0
    if name in TOP:
        return "top", TOP_RANK
    for package, rank in RANKS.items():
        if name == package or name.startswith(package + "."):
            return package, rank
    return None


def _own(name: str) -> bool:
    return name == "analysis" or name.startswith("analysis.")


def _base_cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The cycles among base modules (each once, as the path that closes it)."""
    cycles: list[list[str]] = []
    seen: set[frozenset[str]] = set()

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(edges.get(node, ())):
            if nxt in path:
                cycle = path[path.index(nxt) :]
                if frozenset(cycle) not in seen:
                    seen.add(frozenset(cycle))
                    cycles.append([*cycle, nxt])
            else:
                visit(nxt, [*path, nxt])

    for start in sorted(edges):
        visit(start, [start])
    return cycles


def check(root: Path) -> list[str]:
    """Every import of the ``analysis`` tree under ``root`` that goes against the layers."""
    tree = modules(root)
    known = set(tree)
    problems: list[str] = []
    base_edges: dict[str, set[str]] = {}
    for name, path in tree.items():
        where = path.relative_to(root).as_posix()
        mine = layer(name)
        if mine is None:
            problems.append(f"{where}: module {name} is in no layer; add it to the table")
            continue
        for line, target in imports(path, name, known):
            if not _own(target):
                continue
            theirs = layer(target)
            if theirs is None:
                problems.append(f"{where}:{line}: imports {target}, which is in no layer")
                continue
            (my_layer, my_rank), (their_layer, their_rank) = mine, theirs
            if my_rank == 0:
                if their_rank != 0:
                    problems.append(f"{where}:{line}: base module imports {target} ({their_layer})")
                elif target != name:
                    base_edges.setdefault(name, set()).add(target)
            elif my_layer == their_layer:
                continue
            elif their_rank > my_rank or (their_rank == my_rank and my_rank != TOP_RANK):
                problems.append(
                    f"{where}:{line}: {my_layer} (rank {my_rank}) imports {target} "
                    f"({their_layer}, rank {their_rank}): against the direction"
                )
    problems += [
        f"base modules import each other in a cycle: {' -> '.join(c)}"
        for c in _base_cycles(base_edges)
    ]
    return problems


#: Known edges against the direction, reported and not yet fixed in src. Each must still be
#: there (remove it from this set once fixed); nothing else may be.
KNOWN: set[str] = set()


def _known(problem: str) -> bool:
    return any(problem.startswith(k) for k in KNOWN)


def test_every_import_of_the_package_goes_down_the_layers() -> None:
    problems = check(SRC)
    assert [p for p in problems if not _known(p)] == []
    assert sorted(k for k in KNOWN if not any(p.startswith(k) for p in problems)) == [], (
        "fixed: remove it from KNOWN"
    )


def test_no_module_below_the_top_imports_the_package_itself() -> None:
    assert check(SRC) == []


def test_every_module_is_read() -> None:
    """The checker sees the whole package (no layer left out, no module skipped)."""
    found = modules(SRC)
    assert {"analysis.errors", "analysis.cli", "analysis.__main__", "analysis"} <= set(found)
    assert {layer(name)[0] for name in found if layer(name)} == {  # type: ignore[index]
        *BASE,
        *RANKS,
        "top",
    }
    # Late imports are read: the command imports render and ingest inside its functions only.
    cli = {target for _, target in imports(found["analysis.cli"], "analysis.cli", set(found))}
    assert {"analysis.render.run", "analysis.ingest", "analysis.ledger"} <= cli


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


CLEAN = {
    "analysis/__init__.py": "from analysis import errors\nfrom analysis.ledger import load\n",
    "analysis/__main__.py": "from analysis.cli import main\n",
    "analysis/cli.py": "def main():\n    from analysis.render import run\n    from analysis.ingest import x\n",
    "analysis/errors.py": "import json\n",
    "analysis/paths.py": "from analysis.errors import E\n",
    "analysis/files.py": "from analysis import errors, paths\n",
    "analysis/dates.py": "from analysis.errors import E\n",
    "analysis/schema.py": "import polars as pl\n",
    "analysis/ledger/__init__.py": "from .bundle import load\n",
    "analysis/ledger/bundle.py": "from analysis import paths, schema\nfrom . import cache\n",
    "analysis/ledger/cache.py": "import polars\n",
    "analysis/metrics/__init__.py": "from analysis.ledger import load\n",
    "analysis/charts/__init__.py": "from analysis import metrics\n",
    "analysis/report/__init__.py": "from analysis.report.protocol import X\n",
    "analysis/report/protocol.py": "import json\n",
    "analysis/render/__init__.py": "from analysis.report import protocol\nfrom ..ledger import cache\n",
    "analysis/ingest/__init__.py": "from analysis.ledger.bundle import load\n",
}


def test_the_checker_passes_a_tree_whose_imports_go_down(tmp_path: Path) -> None:
    _write(tmp_path, CLEAN)
    assert check(tmp_path) == []


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (  # inside a function
            "analysis/ledger/bundle.py",
            "def f():\n    from analysis.metrics import m\n",
            "analysis/ledger/bundle.py:2: analysis.ledger (rank 1) imports analysis.metrics",
        ),
        (  # under TYPE_CHECKING
            "analysis/metrics/__init__.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from analysis import charts\n",
            "analysis/metrics/__init__.py:3: analysis.metrics (rank 2) imports analysis.charts",
        ),
        (  # relative
            "analysis/ledger/cache.py",
            "from ..report import protocol\n",
            "analysis/ledger/cache.py:1: analysis.ledger (rank 1) imports analysis.report.protocol",
        ),
        (  # siblings
            "analysis/ingest/__init__.py",
            "import analysis.render\n",
            (
                "analysis/ingest/__init__.py:1: analysis.ingest (rank 5) imports analysis.render "
                "(analysis.render, rank 5)"
            ),
        ),
        (
            "analysis/render/__init__.py",
            "import importlib\nimportlib.import_module('analysis.ingest')\n",
            "analysis/render/__init__.py:2: analysis.render (rank 5) imports analysis.ingest",
        ),
        (  # the package's public names are the top
            "analysis/charts/__init__.py",
            "from analysis import __version__\n",
            "analysis/charts/__init__.py:1: analysis.charts (rank 3) imports analysis (top",
        ),
        (
            "analysis/errors.py",
            "def f():\n    import analysis.ledger.cache\n",
            "analysis/errors.py:2: base module imports analysis.ledger.cache (analysis.ledger)",
        ),
        (
            "analysis/files.py",
            "from analysis import paths\n",
            "base modules import each other in a cycle: analysis.files -> analysis.paths",
        ),
        (
            "analysis/plots.py",
            "import json\n",
            "analysis/plots.py: module analysis.plots is in no layer",
        ),
    ],
)
def test_the_checker_reports_an_import_against_the_direction(
    tmp_path: Path, rel: str, text: str, expected: str
) -> None:
    files = {**CLEAN, rel: text}
    if "cycle" in expected:
        files["analysis/paths.py"] = "from analysis.files import atomic_write\n"
    _write(tmp_path, files)
    problems = check(tmp_path)
    assert len(problems) == 1, problems
    assert problems[0].startswith(expected), problems


def test_the_renderers_protocol_imports_no_polars() -> None:
    path = SRC / "analysis" / "report" / "protocol.py"
    targets = {t for _, t in imports(path, "analysis.report.protocol", set())}
    assert not {t.split(".")[0] for t in targets} & {"polars", "pandas", "altair", "numpy"}
    assert not {t for t in targets if _own(t) and t not in BASE}, "the protocol stands alone"


HEAVY = ("polars", "altair", "pydantic", "pandas", "numpy")
PROBE = (
    "import json, sys\n"
    "{code}\n"
    "print(json.dumps({{'rc': rc, 'loaded': sorted(m for m in sys.modules"
    " if m.split('.')[0] in {heavy!r})}}))\n"
)


def _probe(code: str, cwd: Path) -> tuple[list[str], dict[str, object]]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=cwd,
    )
    assert result.returncode == 0, result.stderr
    *before, last = result.stdout.splitlines()
    return before, json.loads(last)


def test_the_diff_command_runs_without_polars(tmp_path: Path) -> None:
    old, new = tmp_path / "old.summary.json", tmp_path / "new.summary.json"
    old.write_text(json.dumps({"figures": {"Transfers": 2, "People": 55}}), encoding="utf-8")
    new.write_text(json.dumps({"figures": {"Transfers": 3, "People": 55}}), encoding="utf-8")
    printed, found = _probe(
        f"import analysis.cli\nrc = analysis.cli.main(['diff', {str(old)!r}, {str(new)!r}])",
        tmp_path,
    )
    assert printed == ["Transfers: 2 -> 3"], "the command did run"
    assert found == {"rc": 0, "loaded": []}


RENDER = sorted(n for n in modules(SRC) if n.startswith("analysis.render."))


@pytest.mark.parametrize(
    "code",
    [
        "import analysis",
        "import analysis.report.protocol",
        "import " + ", ".join(RENDER),  # README: render has no Polars at import
    ],
    ids=["analysis", "protocol", "render"],
)
def test_importing_the_package_or_the_protocol_loads_no_polars(code: str, tmp_path: Path) -> None:
    printed, found = _probe(code + "\nrc = 0", tmp_path)
    assert printed == []
    assert found == {"rc": 0, "loaded": []}

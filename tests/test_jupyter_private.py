"""jupyter_client's private names, used in analysis/render/_jupyter.py only, still exist."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from analysis.render._jupyter import PRIVATE_NAMES

SRC = Path(__file__).resolve().parents[1] / "src"
HOME = Path("analysis/render/_jupyter.py")
#: The private names the module's docstring lists, by the class that has them.
USED = {"_async_start_kernel", "_handle_kernel_info_reply", "_async_is_alive"}


def _class(dotted: str) -> type:
    module, _, name = dotted.rpartition(".")
    found = getattr(importlib.import_module(module), name)
    assert isinstance(found, type), f"{dotted} is not a class"
    return found


def test_the_list_names_every_private_name_the_module_uses() -> None:
    assert {name for names in PRIVATE_NAMES.values() for name in names} == USED
    assert all(name.startswith("_") for name in USED)


@pytest.mark.parametrize(
    ("dotted", "attribute"),
    [(dotted, attr) for dotted, names in PRIVATE_NAMES.items() for attr in names],
)
def test_every_listed_class_has_every_listed_private_attribute(dotted: str, attribute: str) -> None:
    cls = _class(dotted)
    assert hasattr(cls, attribute), f"{dotted} has no {attribute} in this jupyter_client"
    assert callable(getattr(cls, attribute))


def _uses(path: Path) -> set[str]:
    """The names of ``USED`` the module at ``path`` mentions: as attributes, as names, or in
    strings (``getattr(x, "_async_is_alive")``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.update(n for n in USED if n in node.value)
    return found & USED


def test_the_private_names_are_used_in_the_one_module_that_lists_them() -> None:
    users = {
        path.relative_to(SRC).as_posix(): names
        for path in sorted((SRC / "analysis").rglob("*.py"))
        if (names := _uses(path))
    }
    # The listing module mentions them in strings too, so look at its code apart.
    assert set(users) == {HOME.as_posix()}, users
    assert users[HOME.as_posix()] == USED


def test_the_module_itself_calls_each_private_name() -> None:
    """Not only listed: called, as attributes, so that the list is what the code needs."""
    tree = ast.parse((SRC / HOME).read_text(encoding="utf-8"))
    called = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert called >= USED

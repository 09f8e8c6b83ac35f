"""Report parameters: read from a notebook's ``parameters`` cell, checked before any kernel starts.

papermill accepts a misspelled parameter silently and runs the report with its default; here
an unknown name, a value of the wrong type, an invalid date or a range that ends before it
starts is an error that names the parameter, what was given and what is allowed.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.errors import ParameterError

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

_TYPES: dict[str, type] = {"str": str, "int": int, "float": float, "bool": bool, "list": list}
_DATE_HINT = "YYYY-MM-DD"
#: The names of a date range's bounds: a report that declares both as dates gets the rule
#: that the first day is not after the last.
RANGE = ("start", "end")


@dataclass(frozen=True)
class Parameter:
    """One parameter of a report, as its notebook declares it."""

    name: str
    type: str
    default: Any
    help: str

    @property
    def is_date(self) -> bool:
        """A ``str`` parameter whose help says ``YYYY-MM-DD`` holds a date (or ``""``)."""
        return self.type == "str" and _DATE_HINT in self.help


def inspect(notebook: Path) -> dict[str, Parameter]:
    """The parameters declared in ``notebook``'s cell tagged ``parameters``, in order.

    Raises
    ------
    ParameterError
        When the notebook has no such cell, or a parameter has no type annotation.
    """
    import papermill  # noqa: PLC0415 - papermill's import is slow; only when asked

    found = papermill.inspect_notebook(str(notebook))
    if not found:
        msg = f"{notebook}: no cell tagged 'parameters' declaring typed parameters"
        raise ParameterError(msg)
    params = {}
    for name, info in found.items():
        kind = info["inferred_type_name"]
        if kind not in _TYPES:
            msg = (
                f"{notebook}: parameter {name!r} is declared as {kind!r}; "
                f"expected one of {', '.join(_TYPES)} (write e.g. `{name}: str = ...`)"
            )
            raise ParameterError(msg)
        try:
            default = ast.literal_eval(info["default"])
        except (ValueError, SyntaxError):
            msg = (
                f"{notebook}: the default of parameter {name!r} is not a literal: {info['default']}"
            )
            raise ParameterError(msg) from None
        params[name] = Parameter(name, kind, default, info.get("help") or "")
    return params


def _check_date(param: Parameter, value: str, report: str) -> None:
    if value == "":
        return
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        msg = (
            f"report {report!r}: parameter {param.name!r} must be a date as YYYY-MM-DD "
            f"(or empty), got {value!r}"
        )
        raise ParameterError(msg)
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        msg = (
            f"report {report!r}: parameter {param.name!r} is not a calendar date: {value!r} ({exc})"
        )
        raise ParameterError(msg) from None


def coerce(param: Parameter, value: Any, report: str) -> Any:
    """Check ``value`` against ``param``'s type (converting text from the command line)."""
    expected = _TYPES[param.type]
    if isinstance(value, str) and param.type != "str":
        value = _from_text(param, value, report)
    if param.type == "float" and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    ok = isinstance(value, expected) and not (
        param.type in ("int", "float") and isinstance(value, bool)
    )
    if param.type == "list" and ok:
        ok = all(isinstance(v, str | int | float) for v in value)
    if not ok:
        msg = (
            f"report {report!r}: parameter {param.name!r} expects {param.type}, "
            f"got {value!r} ({type(value).__name__})"
        )
        raise ParameterError(msg)
    if param.is_date:
        _check_date(param, value, report)
    return value


def _from_text(param: Parameter, text: str, report: str) -> Any:
    if param.type == "bool":
        lowered = text.strip().lower()
        if lowered in ("true", "yes", "1"):
            return True
        if lowered in ("false", "no", "0"):
            return False
    elif param.type == "list":
        stripped = text.strip()
        if stripped.startswith("["):
            # A YAML flow list, as a params file writes it: [Mexico, United States] or
            # ["Mexico", "us"].
            import yaml  # noqa: PLC0415

            try:
                parsed = yaml.safe_load(stripped)
            except yaml.YAMLError:
                parsed = None
            if isinstance(parsed, list):
                return parsed
        else:  # a comma-separated list: -p countries=Mexico,us
            return [part.strip() for part in stripped.split(",") if part.strip()]
    else:
        try:
            return _TYPES[param.type](text)
        except ValueError:
            pass
    allowed = {
        "bool": "true or false",
        "list": 'a comma-separated list or a list like [a, b] or ["a", "b"]',
        "int": "a whole number",
        "float": "a number",
    }[param.type]
    msg = f"report {report!r}: parameter {param.name!r} expects {allowed}, got {text!r}"
    raise ParameterError(msg)


def resolve(
    report: str, declared: Mapping[str, Parameter], given: Mapping[str, Any]
) -> dict[str, Any]:
    """The full, typed parameters of one render: the defaults overridden by ``given``.

    Raises
    ------
    ParameterError
        For an unknown name (with the known ones) or a value of the wrong type.
    """
    unknown = sorted(set(given) - set(declared))
    if unknown:
        hints = "; ".join(
            f"{name!r}"
            + (f" (did you mean {close!r}?)" if (close := _closest(name, declared)) else "")
            for name in unknown
        )
        msg = (
            f"report {report!r}: unknown parameter {hints}; "
            f"its parameters are: {', '.join(declared)}"
        )
        raise ParameterError(msg)
    values = {name: p.default for name, p in declared.items()}
    for name, value in given.items():
        values[name] = coerce(declared[name], value, report)
    _check_range(report, declared, values)
    return values


def _check_range(report: str, declared: Mapping[str, Parameter], values: Mapping[str, Any]) -> None:
    """A report with ``start`` and ``end`` dates: the first day may not come after the last
    (either may be empty, for an open range; both the same day is a range of one day)."""
    first, last = RANGE
    if not all(name in declared and declared[name].is_date for name in RANGE):
        return
    start, end = values[first], values[last]
    if start and end and start > end:  # YYYY-MM-DD text sorts as the dates do
        msg = (
            f"report {report!r}: {first} {start!r} is after {last} {end!r}, so the range holds "
            f"no day; give a {first} on or before the {last} (or leave one empty for an open range)"
        )
        raise ParameterError(msg)


def _closest(name: str, declared: Mapping[str, Parameter]) -> str | None:
    """The declared parameter ``name`` was most likely meant to be, if any is close."""
    import difflib  # noqa: PLC0415

    lowered = {k.lower(): k for k in declared}
    found = difflib.get_close_matches(name.lower(), lowered, n=1, cutoff=0.75)
    return lowered[found[0]] if found else None


def parse_assignments(pairs: list[str]) -> dict[str, str]:
    """``["start=2025-01-01", ...]`` from ``-p`` options into a mapping (values still text)."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            msg = f"-p expects NAME=VALUE, got {pair!r}"
            raise ParameterError(msg)
        out[name.strip()] = value
    return out


def changed(values: Mapping[str, Any], declared: Mapping[str, Parameter]) -> dict[str, Any]:
    """The parameters of ``values`` that differ from their declared defaults (a name the
    notebook does not declare counts as changed).

    >>> changed({"start": "2025-06-01", "end": ""}, {"start": Parameter("start", "str", "", ""),
    ...                                               "end": Parameter("end", "str", "", "")})
    {'start': '2025-06-01'}
    """
    return {
        name: value
        for name, value in values.items()
        if name not in declared or value != declared[name].default
    }


def output_stem(report: str, values: Mapping[str, Any], declared: Mapping[str, Parameter]) -> str:
    """The file name of a render: the report's name, plus the parameters that differ from
    the defaults, so each parameter set gets its own file.

    >>> output_stem("policy", {"countries": ["Mexico"]}, {})
    'policy--countries-mexico'
    """
    parts = []
    for name, value in sorted(changed(values, declared).items()):
        text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        parts.append(f"{name}-{text}")
    if not parts:
        return report
    slug = re.sub(r"[^a-z0-9.,-]+", "-", "_".join(parts).lower()).strip("-.")
    slug = slug.replace(",", "+")[:80].strip("-.")
    return f"{report}--{slug}"

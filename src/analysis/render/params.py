"""Report parameters: read from a notebook's ``parameters`` cell, checked before any kernel starts.

papermill accepts a misspelled parameter silently and runs the report with its default; here
an unknown name, a value of the wrong type, an invalid date or a range that ends before it
starts is an error that names the parameter, what was given and what is allowed.

A parameter may also take its values from a **vocabulary**, computed from the ledger the
render would use (no kernel needed): ``countries`` names the countries of the ledger, and a
value that names none of them (``-p countries=Mexcio``) would select nothing, so it is an
error too, with the allowed values and the closest one. Which parameter takes which
vocabulary is declared in :data:`DEFAULT_VOCABULARIES` (by the parameter's name), unless the
notebook's metadata says otherwise: ``"analysis": {"vocabularies": {"countries":
"countries"}}`` maps a parameter to one of :data:`VOCABULARIES` (``null`` for none).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.errors import ParameterError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping
    from pathlib import Path

    from analysis.ledger import Ledger

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


# -- vocabularies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One thing a parameter with a vocabulary may name: its spellings (the first is the one
    shown; all are matched without regard to case or surrounding spaces), and whether only
    unreviewed drafts of ``analysis ingest`` hold it."""

    names: tuple[str, ...]
    candidate: bool = False

    @property
    def label(self) -> str:
        """``Mexico (mx)``."""
        first, *others = self.names
        others = [o for o in others if o.strip().lower() != first.strip().lower()]
        return first + (f" ({', '.join(others)})" if others else "")


def _countries(ledger: Ledger) -> list[Term]:
    """The actors of kind ``country``, by name or id: what the policy report's filter
    (``analysis.metrics.policy``) matches a country against."""
    rows = ledger.actors.sort("name", "actor_id").iter_rows(named=True)
    return [
        Term(
            tuple(n for n in (r["name"], r["actor_id"]) if n),
            candidate=r["status"] == "candidate",
        )
        for r in rows
        if r["kind"] == "country" and (r["name"] or r["actor_id"])
    ]


#: Every vocabulary a parameter may take its values from, by name: what it is called in a
#: message, and a function of the ledger (loaded with its candidates) giving its terms.
VOCABULARIES: dict[str, tuple[str, Callable[[Ledger], list[Term]]]] = {
    "countries": ("the countries of the ledger, by name or id in any case", _countries),
}
#: The vocabulary of a parameter by the parameter's name, for a report notebook whose
#: metadata declares no ``analysis.vocabularies``: every report's ``countries`` names countries.
DEFAULT_VOCABULARIES: dict[str, str] = {"countries": "countries"}


def vocabularies(
    notebook: Path, declared: Mapping[str, Parameter], metadata: object = None
) -> dict[str, str]:
    """Which of ``declared`` take which vocabulary (parameter -> vocabulary name).

    ``metadata`` is the notebook's ``metadata.analysis.vocabularies``: a mapping of parameter
    names to vocabulary names, or to null for none; it overrides
    :data:`DEFAULT_VOCABULARIES`, which apply to the parameters the notebook declares.

    Raises
    ------
    ParameterError
        Naming the notebook, when the metadata is not such a mapping, names a parameter the
        notebook does not declare or one that is not ``str`` or ``list``, or an unknown
        vocabulary.
    """
    found = {
        name: vocab
        for name, vocab in DEFAULT_VOCABULARIES.items()
        if name in declared and declared[name].type in ("str", "list")
    }
    if metadata is None:
        return found
    where = f"{notebook}: metadata analysis.vocabularies"
    if not isinstance(metadata, dict):
        msg = f"{where} must map parameter names to vocabulary names, found {metadata!r}"
        raise ParameterError(msg)
    for name, vocab in metadata.items():
        if name not in declared:
            msg = (
                f"{where} names {name!r}, which is not a parameter of the notebook; "
                f"its parameters are: {', '.join(declared)}"
            )
            raise ParameterError(msg)
        if vocab is None:
            found.pop(name, None)
            continue
        if vocab not in VOCABULARIES:
            msg = (
                f"{where}: parameter {name!r} names the unknown vocabulary {vocab!r}; "
                f"the vocabularies are: {', '.join(VOCABULARIES)} (or null for none)"
            )
            raise ParameterError(msg)
        if declared[name].type not in ("str", "list"):
            msg = (
                f"{where}: parameter {name!r} is {declared[name].type}; only a str or a list "
                "parameter can take its values from a vocabulary"
            )
            raise ParameterError(msg)
        found[name] = vocab
    return found


def check_vocabulary(
    report: str,
    name: str,
    value: Any,
    vocabulary: str,
    terms: Iterable[Term],
    *,
    include_candidates: bool = False,
) -> None:
    """Refuse a ``value`` of parameter ``name`` (a str, or each item of a list) that names
    no term of ``vocabulary``: it would select nothing. An empty value selects everything
    and is allowed. A term only unreviewed drafts hold is allowed when the report's
    ``include_candidates`` is true, as it is then in the ledger the report reads.

    Raises
    ------
    ParameterError
        Naming the report, the parameter, each unknown value with the closest allowed
        spelling, and the allowed values.
    """
    what = VOCABULARIES[vocabulary][0]
    terms = list(terms)
    allowed = [t for t in terms if include_candidates or not t.candidate]
    spelling = {n.strip().lower(): t for t in allowed for n in t.names}
    drafts = {n.strip().lower(): t for t in terms if t.candidate for n in t.names}
    values = value if isinstance(value, list) else [value] if value != "" else []
    unknown, drafted = [], []
    for item in values:
        key = str(item).strip().lower()
        if key in spelling:
            continue
        if key in drafts:
            drafted.append(item)
        else:
            unknown.append(item)
    if not unknown and not drafted:
        return
    parts = [
        f"unknown value {item!r}"
        + (f" (did you mean {close!r}?)" if (close := _closest_term(item, allowed)) else "")
        for item in unknown
    ]
    parts += [
        f"{item!r} is only in unreviewed drafts (set include_candidates=true to show it)"
        for item in drafted
    ]
    listed = ", ".join(t.label + (" (unreviewed)" if t.candidate else "") for t in allowed)
    msg = (
        f"report {report!r}: parameter {name!r}: {'; '.join(parts)}, which would select "
        f"nothing; the allowed values are {what}: {listed or '(none)'}"
    )
    raise ParameterError(msg)


def _closest_term(value: object, terms: Iterable[Term]) -> str | None:
    """The spelling of ``terms`` that ``value`` was most likely meant to be, if any is close."""
    import difflib  # noqa: PLC0415

    lowered = {n.strip().lower(): n for t in terms for n in t.names}
    found = difflib.get_close_matches(str(value).strip().lower(), lowered, n=1, cutoff=0.6)
    return lowered[found[0]] if found else None

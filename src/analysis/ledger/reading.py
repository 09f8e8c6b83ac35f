"""Read the seeds' YAML files into validated records, with the line each record starts on.

Records are validated with pydantic (:mod:`analysis.ledger.records`): it reports every field
of every record that is wrong, with what was expected and what was found, and the reader adds
the file, line and record id.
"""

from __future__ import annotations

import reprlib
from typing import TYPE_CHECKING, Any, get_args

import yaml
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from analysis.errors import Problem
from analysis.files import not_utf8
from analysis.ledger.records import (
    SECTIONS,
    LedgerHeader,
    LedgerRecords,
    Located,
    SourceRecord,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path


#: Limits of the YAML reader, so that a small hostile file cannot take unbounded time or
#: memory: a ledger is hand-written text, far below each of them.
MAX_YAML_BYTES = 5_000_000
MAX_YAML_DEPTH = 40
MAX_YAML_ALIASES = 100


class _TooComplex(yaml.YAMLError):
    def __init__(self, problem: str, mark: yaml.Mark | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.problem_mark = mark


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that remembers the line of every mapping and keeps dates as text.

    Dates stay strings so that ``2025-02`` and ``2025-02-01`` keep their different precisions.
    A key written twice in one mapping is kept in ``duplicates`` (YAML would silently keep
    the last value); nesting deeper than :data:`MAX_YAML_DEPTH` or more than
    :data:`MAX_YAML_ALIASES` aliases stop the reader with an error.
    """

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.lines: dict[int, int] = {}
        self.key_lines: dict[int, dict[str, int]] = {}
        #: (line, key, line of the first use) of every key written twice in a mapping.
        self.duplicates: list[tuple[int, str, int]] = []
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                msg = f"uses more than {MAX_YAML_ALIASES} aliases (*name); write the values out"
                raise _TooComplex(msg, mark)
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                msg = f"nests deeper than {MAX_YAML_DEPTH} levels"
                raise _TooComplex(msg, mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_located_map(self, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
        # Register the dict that ends up in the data: SafeLoader's own map constructor fills a
        # fresh dict from construct_mapping's result, so that result's id() would not last.
        data: dict[Any, Any] = {}
        self.lines[id(data)] = node.start_mark.line + 1
        seen: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1
            if str(key.value) in seen:
                self.duplicates.append((line, str(key.value), seen[str(key.value)]))
            else:
                seen[str(key.value)] = line
        self.key_lines[id(data)] = seen
        yield data
        data.update(self.construct_mapping(node))


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_located_map)


def _not_utf8(path: Path, exc: UnicodeDecodeError) -> Problem:
    line = exc.object[: exc.start].count(b"\n") + 1
    return Problem(str(path), not_utf8(exc), line=line)


def read_text(path: Path, problems: list[Problem]) -> str | None:
    """Read a UTF-8 text file, or record why it cannot be read and return None."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(str(path), f"cannot be read: {exc.strerror}"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(_not_utf8(path, exc))
        return None


def _read_yaml(path: Path, problems: list[Problem]) -> tuple[Any, _LineLoader] | None:
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(Problem(str(path), "is empty: expected a YAML mapping"))
        return None
    if len(text) > MAX_YAML_BYTES:
        problems.append(
            Problem(str(path), f"is {len(text):,} characters; the limit is {MAX_YAML_BYTES:,}")
        )
        return None
    loader = _LineLoader(text)
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(str(path), f"is not valid YAML: {reason}", line=line))
        return None
    finally:
        loader.dispose()
    for line, key, first in loader.duplicates:
        problems.append(
            Problem(
                str(path),
                f"the key {key!r} is written twice in one mapping (first on line {first}); "
                "YAML would keep only the last value",
                line=line,
                field=key,
            )
        )
    if data is None:  # only comments
        problems.append(Problem(str(path), "is empty: expected a YAML mapping"))
        return None
    if not isinstance(data, dict):
        problems.append(
            Problem(str(path), f"expected a YAML mapping at the top, found {type(data).__name__}")
        )
        return None
    return data, loader


def _describe(value: object) -> str:
    # reprlib bounds the work as well as the text: repr() of a value built from aliases can
    # be exponentially long.
    text = _SHORT.repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return f"{text} ({type(value).__name__})"


_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxother = 3, 80, 80
_SHORT.maxlist = _SHORT.maxdict = 6


def _model_at(model: type[BaseModel], path: list[str | int]) -> type[BaseModel]:
    """The record model that holds the field at ``path`` (an event's ``actors`` are roles)."""
    for part in path:
        info = model.model_fields.get(part) if isinstance(part, str) else None
        if info is None:
            continue
        nested = _find_model(info.annotation)
        if nested is not None:
            model = nested
    return model


def _find_model(tp: object) -> type[BaseModel] | None:
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in get_args(tp):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def _line_of(path: list[str | int], raw: dict[str, Any], loader: _LineLoader) -> int | None:
    """The line of the deepest mapping or key on ``path`` that the file has."""
    line = loader.lines.get(id(raw))
    node: object = raw
    for part in path:
        if isinstance(node, dict):
            key_line = loader.key_lines.get(id(node), {}).get(str(part))
            if key_line is None:  # a missing field: the mapping's own line
                break
            line, node = key_line, node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            if isinstance(node, dict):
                line = loader.lines.get(id(node), line)
        else:
            break
    return line


def _field_name(path: list[str | int]) -> str | None:
    """``actors[4].role``: the form the cross-record checks use too."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name or None


def _validation_problems(
    exc: ValidationError,
    path: Path,
    raw: dict[str, Any],
    loader: _LineLoader,
    record: str,
    model: type[BaseModel],
) -> list[Problem]:
    problems = []
    for err in exc.errors():
        # pydantic adds validator and type steps to some locations; keep the field path.
        loc: list[str | int] = [
            p
            for p in err["loc"]
            if isinstance(p, int)
            or not (p.startswith("function-") or p in {"str", "int", "none", "list[str]"})
        ]
        kind = err["type"]
        if kind == "missing":
            message = "is required but missing"
        elif kind == "extra_forbidden":
            known = _model_at(model, loc[:-1]).model_fields
            message = f"is not a known field (known fields: {', '.join(known)})"
        elif kind == "value_error" and "error" in err.get("ctx", {}):
            message = str(err["ctx"]["error"])  # our own validators say what they found
        else:
            message = f"{err['msg'].rstrip('.')}; found {_describe(err.get('input'))}"
        problems.append(
            Problem(
                str(path),
                message,
                line=_line_of(loc, raw, loader),
                record=record,
                field=_field_name(loc),
            )
        )
    return problems


def read_ledger(path: Path, records: LedgerRecords, problems: list[Problem]) -> None:
    """Validate one ledger file and append its records; append any problems."""
    loaded = _read_yaml(path, problems)
    if loaded is None:
        return
    data, loader = loaded
    unknown = sorted(set(data) - {"source", "status", *SECTIONS})
    for key in unknown:
        problems.append(
            Problem(
                str(path),
                f"is not a known top-level key (expected source, status, {', '.join(SECTIONS)})",
                line=loader.key_lines.get(id(data), {}).get(str(key)),
                field=str(key),
            )
        )
    try:
        header = LedgerHeader.model_validate(
            {k: v for k, v in data.items() if k in ("source", "status")}
        )
    except ValidationError as exc:
        problems.extend(
            _validation_problems(exc, path, data, loader, "(file header)", LedgerHeader)
        )
        # Its records are still read and checked; evidence that relies on the file's source
        # is reported once as not checked (see the builder).
        header = LedgerHeader.model_construct(source="", status="reviewed")
    for section, model in SECTIONS.items():
        items = data.get(section) or []
        if not isinstance(items, list):
            problems.append(
                Problem(
                    str(path),
                    f"expected a list of records, found {type(items).__name__}",
                    line=loader.key_lines.get(id(data), {}).get(section),
                    field=section,
                )
            )
            continue
        for index, raw in enumerate(items):
            label = f"{section}[{index}]"
            if not isinstance(raw, dict):
                problems.append(
                    Problem(str(path), f"expected a mapping, found {_describe(raw)}", record=label)
                )
                continue
            if isinstance(raw.get("id"), str):
                label = raw["id"]
            elif section == "supports" and isinstance(raw.get("fact"), str):
                label = f"supports {raw['fact']}"
            broken = False
            record: BaseModel
            try:
                record = model.model_validate(raw)
            except ValidationError as exc:
                problems.extend(_validation_problems(exc, path, raw, loader, label, model))
                if isinstance(raw.get("id"), str):
                    records.invalid.add(raw["id"])
                # Keep what did validate, so the checks of the other fields still run.
                record, broken = _partial(model, raw, exc), True
            status = getattr(record, "status", None) or header.status
            getattr(records, section).append(
                Located(
                    record,
                    str(path),
                    loader.lines.get(id(raw), 0),
                    header.source,
                    status,
                    broken=broken,
                )
            )


def _partial(model: type[BaseModel], raw: dict[str, Any], exc: ValidationError) -> BaseModel:
    """A record of ``model`` with each field of ``raw`` that validates on its own (or its
    default when absent); every other field (wrong, missing, or holding a wrong nested
    record) is None."""
    bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
    values: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        values[name] = None
        if name not in raw and not info.is_required():
            values[name] = info.get_default(call_default_factory=True)
        if name in bad or name not in raw:
            continue
        try:
            adapter = TypeAdapter(info.rebuild_annotation(), config=_STRICT)
            values[name] = adapter.validate_python(raw[name])
        except ValidationError:  # pragma: no cover - reported among the record's errors
            continue
    return model.model_construct(**values)


_STRICT = ConfigDict(strict=True)


def read_source_meta(path: Path, problems: list[Problem]) -> SourceRecord | None:
    """Validate one source's metadata file."""
    loaded = _read_yaml(path, problems)
    if loaded is None:
        return None
    data, loader = loaded
    try:
        meta = SourceRecord.model_validate(data)
    except ValidationError as exc:
        label = data.get("id") if isinstance(data.get("id"), str) else path.stem
        problems.extend(_validation_problems(exc, path, data, loader, str(label), SourceRecord))
        return None
    if meta.published is None:
        problems.append(
            Problem(
                str(path), "a source needs its publication date", record=meta.id, field="published"
            )
        )
        return None
    if meta.id != path.stem:
        problems.append(
            Problem(
                str(path),
                f"expected the id to match the file name {path.stem!r}, found {meta.id!r}",
                line=loader.key_lines.get(id(data), {}).get("id"),
                record=meta.id,
                field="id",
            )
        )
        return None
    return meta

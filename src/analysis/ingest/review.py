"""Reviewing a draft ledger: a page to read it by, and accepting or rejecting its records.

:func:`review_page` writes one self-contained HTML page (:mod:`~analysis.ingest.review_page`)
showing the source with the evidence of every record of the draft highlighted, what each links
to, and the notes. :func:`review_draft` edits the draft in place:

- **accept** marks a record reviewed: it gets ``status: reviewed`` (or loses its own
  ``status: candidate``). When everything left in the file is accepted, the file's own
  ``status: candidate`` line goes instead, and with it the records' ``status:`` lines, now the
  file's default. A ``supports:`` entry has no status of its own (it takes its file's), so it
  is accepted with the rest of the file only: accepting one alone while other records stay
  candidates is refused.
- **reject** deletes a record, with the comments inside it. A record another record depends on
  (an allegation's event, a quote's speaker, a role's actor, a ``supports:`` entry of a later
  draft) is not deleted under it: the rejection is refused, naming every dependent, unless the
  same command rejects them too.

Records are named by id; a ``supports:`` entry by ``support:<fact>``. The edit touches only
the lines of the records it accepts or rejects (and the file's status line): every other byte
of the file, comments included, stays as it was. The file is read with ruamel.yaml's
round-trip composer, which gives each record's place in the file; the edited text is read
again, checked to hold what was asked, and validated with the rest of the seeds
(:func:`analysis.load` on a copy) before it is written, atomically. An id the draft does not
hold, or anything refused, exits 2 and writes nothing. Reviews and ingests of one seeds folder
take turns on the same lock (``seeds/.ingest.lock``).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from filelock import FileLock
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from analysis.errors import IngestError, LedgerError, cut
from analysis.files import atomic_write, output_folder
from analysis.ingest.unit import lock_path, recover
from analysis.ledger import load
from analysis.ledger.records import SECTIONS
from analysis.paths import reports_dir
from analysis.paths import seeds_dir as default_seeds_dir

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from analysis.ledger import Ledger

__all__ = [
    "SUPPORT",
    "Decision",
    "DraftFile",
    "Entry",
    "ReviewError",
    "draft_path",
    "read_draft",
    "review_draft",
    "review_page",
]

#: How a ``supports:`` entry is named on the command line: ``support:<fact>``.
SUPPORT: Final = "support:"


class ReviewError(IngestError):
    """A review that cannot be done as asked (an unknown id, a refused rejection); nothing was
    written. Exit code 2."""


# -- reading a draft ----------------------------------------------------------------------------


@dataclass
class Entry:
    """One record of a draft, or one ``supports:`` entry, and where it is written.

    Lines are 0-based indexes into :attr:`DraftFile.lines`; ``first`` is the line of its ``-``,
    ``content_last`` the last line of its values and ``last`` the last of the comments that
    follow them inside it.
    """

    key: str
    section: str
    data: dict[str, Any]
    first: int
    content_last: int
    last: int
    indent: int
    status_line: int | None
    status: str | None
    notes: list[str]
    #: The record is written in flow style (``{...}``): its lines can go, but no line can be
    #: added to it; ``inline``: its whole section is (``[...]``), so not even that.
    flow: bool
    inline: bool = False


@dataclass
class DraftFile:
    """A ledger file as the review sees it: its lines, its status and its records."""

    path: Path
    lines: list[str]
    source: str
    status: str
    status_line: int | None
    header_notes: list[str]
    entries: list[Entry]
    section_lines: dict[str, int] = field(default_factory=dict)

    def status_of(self, entry: Entry) -> str:
        return entry.status or self.status

    def entry(self, key: str) -> Entry:
        return next(e for e in self.entries if e.key == key)


def _plain(node: Node) -> Any:
    """A node's value as plain data; dates stay text, as the ledger reads them."""
    if isinstance(node, ScalarNode):
        tag = str(node.tag)
        if tag.endswith(":null"):
            return None
        if tag.endswith(":int"):
            try:
                return int(node.value)
            except ValueError:
                return node.value
        if tag.endswith(":bool"):
            return node.value.casefold() in ("true", "yes", "on")
        return node.value
    if isinstance(node, SequenceNode):
        return [_plain(x) for x in node.value]
    if isinstance(node, MappingNode):
        return {str(_plain(k)): _plain(v) for k, v in node.value}
    return None


def _end_line(node: Node) -> int:
    """The last line holding a character of ``node``."""
    if isinstance(node, MappingNode) and not node.flow_style and node.value:
        return _end_line(node.value[-1][1])
    if isinstance(node, SequenceNode) and not node.flow_style and node.value:
        return _end_line(node.value[-1])
    end = node.end_mark
    return int(end.line if end.column > 0 else end.line - 1)


def _block_scalar_lines(node: Node) -> set[int]:
    """Lines inside block scalars (``|``, ``>``): a ``#`` there is text, not a comment."""
    if isinstance(node, ScalarNode):
        if node.style in ("|", ">"):
            return set(range(node.start_mark.line + 1, _end_line(node) + 1))
        return set()
    children: Iterable[Node] = (
        [v for kv in node.value for v in kv] if isinstance(node, MappingNode) else node.value
    )
    return set().union(*(_block_scalar_lines(c) for c in children))


def _comment(line: str) -> str | None:
    stripped = line.strip()
    return stripped[1:] if stripped.startswith("#") else None


def _notes(lines: Sequence[str]) -> list[str]:
    """Comment lines as notes: a line indented two spaces more than ``# `` continues the note
    before it (as ``analysis ingest`` wraps them)."""
    notes: list[str] = []
    for line in lines:
        text = _comment(line)
        if text is None:
            continue
        body = text.removeprefix(" ")
        if body.startswith("  ") and notes:
            notes[-1] += " " + body.strip()
        elif body.strip():
            notes.append(body.strip())
    return notes


def _header_notes(lines: Sequence[str]) -> list[str]:
    """The notes ``analysis ingest`` lists at the top of a draft, one ``#   - `` line each."""
    notes: list[str] = []
    inside = False
    for line in lines:
        text = _comment(line)
        if text is None:
            continue
        if text.strip().startswith("Notes for the reviewer"):
            inside = True
        elif inside and (m := re.match(r"\s+- (.*)", text)):
            notes.append(m[1].strip())
        elif inside and notes and text.strip():
            notes[-1] += " " + text.strip()
    return notes


def _entry(
    section: str, item: Node, lines: list[str], *, flow: bool, inline: bool, where: str
) -> Entry:
    data = _plain(item)
    line = item.start_mark.line
    if not isinstance(item, MappingNode) or not isinstance(data, dict):
        msg = f"{where}:{line + 1}: an item of {section!r} is not a record; fix it by hand"
        raise ReviewError(msg)
    key = f"{SUPPORT}{data.get('fact')}" if section == "supports" else str(data.get("id"))
    first = line
    if not inline:
        while first > 0 and not lines[first].lstrip().startswith("-"):
            first -= 1
    content_last = _end_line(item)
    last = content_last
    indent = item.start_mark.column
    while last + 1 < len(lines):
        nxt = lines[last + 1]
        if _comment(nxt) is None or len(nxt) - len(nxt.lstrip()) < indent:
            break
        last += 1
    status_line, status = None, None
    for k, v in item.value:
        if isinstance(k, ScalarNode) and k.value == "status":
            status_line, status = k.start_mark.line, str(_plain(v))
    inside = set(range(first, last + 1)) - _block_scalar_lines(item)
    notes = [] if inline else _notes([lines[i] for i in sorted(inside)])
    return Entry(
        key, section, data, first, content_last, last, indent, status_line, status, notes, flow,
        inline,
    )  # fmt: skip


def read_draft(path: Path, text: str | None = None) -> DraftFile:
    """The draft at ``path`` (or ``text`` as if it were there), its records and their lines.

    Raises
    ------
    ReviewError
        The file is not a ledger file of records (not YAML, not a mapping of sections).
    """
    if text is None:
        text = path.read_bytes().decode("utf-8")  # line endings as they are, \r\n too
    odd = re.search(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]|\r(?!\n)", text)
    if odd:
        line = text.count("\n", 0, odd.start()) + 1
        msg = (
            f"{path}:{line}: holds a line break or page break other than \\n or \\r\\n "
            f"(U+{ord(odd.group(0)):04X}), which YAML counts as a line: edit it by hand"
        )
        raise ReviewError(msg)
    lines = text.splitlines(keepends=True)
    try:
        root = YAML(typ="rt", pure=True).compose(text)
    except YAMLError as exc:
        msg = f"{path}: is not valid YAML: {cut(str(exc))}"
        raise ReviewError(msg) from None
    if not isinstance(root, MappingNode):
        msg = f"{path}: is not a ledger file (a mapping with source:, status: and sections)"
        raise ReviewError(msg)
    draft = DraftFile(path, lines, "", "reviewed", None, [], [])
    for key, value in root.value:
        name = _plain(key)
        if name == "status":
            draft.status, draft.status_line = str(_plain(value)), key.start_mark.line
            if _end_line(value) != key.start_mark.line:
                msg = f"{path}:{key.start_mark.line + 1}: `status:` runs over several lines"
                raise ReviewError(msg)
        elif name == "source":
            draft.source = str(_plain(value))
        elif name in SECTIONS and isinstance(value, SequenceNode):
            draft.section_lines[name] = key.start_mark.line
            for item in value.value:
                inline = bool(value.flow_style)
                flow = inline or bool(getattr(item, "flow_style", False))
                draft.entries.append(
                    _entry(name, item, lines, flow=flow, inline=inline, where=str(path))
                )
    draft.header_notes = _header_notes(lines[: root.start_mark.line])
    return draft


# -- deciding -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dependent:
    """A record that refers to another: in ``file``, ``key`` (an id or ``support:<fact>``),
    through ``field``."""

    file: str
    key: str
    field: str

    def __str__(self) -> str:
        return f"{self.key} ({self.field}, {self.file})"


def dependents(ledger: Ledger) -> dict[str, list[Dependent]]:
    """For each fact id, the records of any ledger file that refer to it."""
    found: dict[str, list[Dependent]] = {}

    def add(target: str | None, file: str, key: str, via: str) -> None:
        if target:
            found.setdefault(target, []).append(Dependent(file, key, via))

    files: dict[str, str] = {}
    for frame, key in (
        (ledger.actors, "actor_id"),
        (ledger.events, "event_id"),
        (ledger.quotes, "quote_id"),
        (ledger.allegations, "allegation_id"),
        (ledger.claims, "claim_id"),
    ):
        files |= dict(zip(frame[key], frame["ledger_file"], strict=True))
    references = (
        (ledger.actors, "actor_id", ("organisation_id", "country_id")),
        (ledger.events, "event_id", ("origin_id", "destination_id", "related_event_id")),
        (ledger.quotes, "quote_id", ("speaker_id", "event_id")),
        (ledger.allegations, "allegation_id", ("event_id", "accused_id", "crime_event_id")),
        (ledger.claims, "claim_id", ("event_id", "origin_id", "destination_id")),
    )
    for frame, key, columns in references:
        for row in frame.iter_rows(named=True):
            for column in columns:
                add(row[column], row["ledger_file"], row[key], column.removesuffix("_id"))
    for role in ledger.event_actors.iter_rows(named=True):
        event = role["event_id"]
        add(role["actor_id"], files.get(event, "?"), event, f"actors: {role['role']}")
    cited = ledger.evidence.select("fact_id", "ledger_file").unique().sort("ledger_file")
    for row in cited.iter_rows(named=True):
        fact, file = row["fact_id"], row["ledger_file"]
        if fact in files and files[fact] != file:
            add(fact, file, f"{SUPPORT}{fact}", "supports")
    return found


@dataclass(frozen=True)
class Decision:
    """What :func:`decide` did to a draft, and the text it gives."""

    text: str
    accepted: tuple[str, ...]
    already: tuple[str, ...]
    rejected: tuple[str, ...]
    file_accepted: bool
    remaining: tuple[str, ...]


def _listing(keys: Iterable[str], limit: int = 40) -> str:
    keys = list(keys)
    shown = ", ".join(keys[:limit])
    return shown + (f" and {len(keys) - limit} more" if len(keys) > limit else "")


def _check_request(draft: DraftFile, accept: Sequence[str], reject: Sequence[str]) -> None:
    keys = [e.key for e in draft.entries]
    unknown = list(dict.fromkeys(k for k in [*accept, *reject] if k not in keys))
    if unknown:
        names = ", ".join(repr(k) for k in unknown)
        msg = (
            f"{draft.path}: no record {names} in this draft; nothing was written. Its records: "
            f"{_listing(keys) or 'none'}"
        )
        raise ReviewError(msg)
    both = sorted(set(accept) & set(reject))
    if both:
        msg = f"{', '.join(both)}: both accepted and rejected; nothing was written"
        raise ReviewError(msg)


def _check_dependents(
    reject: Sequence[str], depends: dict[str, list[Dependent]], file: str
) -> None:
    rejected = set(reject)
    blocking = [
        f"{key} is needed by {d}"
        for key in dict.fromkeys(reject)
        for d in depends.get(key, [])
        if not (d.file == file and d.key in rejected)
    ]
    if blocking:
        msg = (
            f"refusing to reject what other records depend on; nothing was written: "
            f"{'; '.join(blocking)}. Reject those too (in this command, or in their own draft "
            "first), or edit them by hand"
        )
        raise ReviewError(msg)


def _refuse_flow(entries: Iterable[Entry], *, deleting: bool = False) -> None:
    flow = [e.key for e in entries if (e.inline if deleting else e.flow)]
    if flow:
        msg = (
            f"{', '.join(flow)}: written in flow style ({{...}} or [...]): edit it by hand; "
            "nothing was written"
        )
        raise ReviewError(msg)


class _Edits:
    """Line edits of a file: lines deleted, replaced, and inserted after a line."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.deleted: set[int] = set()
        self.replaced: dict[int, str] = {}
        self.inserted: dict[int, list[str]] = {}

    def delete(self, entries: Sequence[Entry]) -> None:
        for entry in entries:
            self.deleted |= set(range(entry.first, entry.last + 1))
        # A record deleted between two blank lines leaves one of them, not both.
        lines = self.lines
        for entry in entries:
            before, after = entry.first - 1, entry.last + 1
            while before >= 0 and before in self.deleted:
                before -= 1
            while after < len(lines) and after in self.deleted:
                after += 1
            blank = before >= 0 and after < len(lines) and not lines[before].strip()
            if blank and not lines[after].strip():
                self.deleted.add(after)

    def mark_reviewed(self, entry: Entry, file_status: str) -> None:
        """Give ``entry`` the status reviewed, in a file of ``file_status``."""
        if entry.status_line is not None:
            if file_status == "candidate":
                line = self.lines[entry.status_line]
                self.replaced[entry.status_line] = re.sub(
                    r"(status:\s*)candidate", r"\1reviewed", line, count=1
                )
            else:
                self.deleted.add(entry.status_line)
            return
        end = entry.content_last
        newline = "\r\n" if self.lines[end].endswith("\r\n") else "\n"
        if not self.lines[end].endswith("\n"):
            self.replaced[end] = self.lines[end] + newline
        self.inserted.setdefault(end, []).append(f"{' ' * entry.indent}status: reviewed{newline}")

    def text(self) -> str:
        out: list[str] = []
        for i, line in enumerate(self.lines):
            if i not in self.deleted:
                out.append(self.replaced.get(i, line))
            out.extend(self.inserted.get(i, []))
        return "".join(out)


def decide(
    draft: DraftFile,
    accept: Sequence[str] = (),
    reject: Sequence[str] = (),
    *,
    accept_all: bool = False,
    depends: dict[str, list[Dependent]] | None = None,
    file: str = "",
) -> Decision:
    """The text of ``draft`` with the records of ``accept`` accepted and those of ``reject``
    deleted (everything not rejected accepted with ``accept_all``); see the module's rules.

    ``depends`` (from :func:`dependents`) and ``file`` (the draft's path inside the seeds, as
    the frames give it) let a rejection be refused when another record depends on it.

    Raises
    ------
    ReviewError
        An id the draft does not hold, one both accepted and rejected, a rejection others
        depend on, a lone ``supports:`` entry accepted, a record written in flow style.
    """
    _check_request(draft, accept, reject)
    _check_dependents(reject, depends or {}, file)
    rejected, asked = set(reject), set(accept)
    touched = [e for e in draft.entries if e.key in rejected]
    remaining = [e for e in draft.entries if e.key not in rejected]

    def accepted(entry: Entry) -> bool:
        return accept_all or entry.key in asked or draft.status_of(entry) == "reviewed"

    whole = all(accepted(e) for e in remaining)
    pending = [e.key for e in remaining if not accepted(e)]
    lone = [k for k in dict.fromkeys(accept) if k.startswith(SUPPORT)]
    if draft.status == "candidate" and pending and lone:
        msg = (
            f"{', '.join(lone)}: a supports: entry takes the status of its file, which stays "
            f"a candidate while {_listing(pending)} are not accepted; accept them in the same "
            "command (or use --accept-all); nothing was written"
        )
        raise ReviewError(msg)
    newly = [e for e in remaining if accepted(e) and draft.status_of(e) != "reviewed"]
    if not accept_all:
        newly = [e for e in newly if e.key in asked]
    edits = _Edits(list(draft.lines))
    _refuse_flow(touched, deleting=True)
    edits.delete(touched)
    for section, key_line in draft.section_lines.items():
        if not any(e.section == section for e in remaining):
            edits.deleted.add(key_line)
    if whole:
        if draft.status_line is not None and draft.status == "candidate":
            edits.deleted.add(draft.status_line)
        statused = [e for e in remaining if e.status in ("candidate", "reviewed")]
        _refuse_flow(statused)
        edits.deleted |= {e.status_line for e in statused if e.status_line is not None}
    else:
        _refuse_flow(newly)
        for entry in newly:
            edits.mark_reviewed(entry, draft.status)
    decision = Decision(
        text=edits.text(),
        accepted=tuple(e.key for e in newly),
        already=tuple(k for k in dict.fromkeys(accept) if k not in {e.key for e in newly}),
        rejected=tuple(dict.fromkeys(reject)),
        file_accepted=whole,
        remaining=tuple(pending),
    )
    _check_result(draft, decision, tuple(e.key for e in remaining))
    return decision


def _check_result(draft: DraftFile, decision: Decision, kept: tuple[str, ...]) -> None:
    """Read the edited text again: it holds the records kept, each with the status asked."""
    again = read_draft(draft.path, decision.text)
    problems = []
    if tuple(e.key for e in again.entries) != kept:
        problems.append("the records kept are not the ones expected")
    for entry in again.entries:
        want = "candidate" if entry.key in decision.remaining else "reviewed"
        if again.status_of(entry) != want:
            problems.append(f"{entry.key} is {again.status_of(entry)}, not {want}")
    if problems:  # pragma: no cover - a bug of this module, never the reviewer's
        msg = f"{draft.path}: the edit went wrong ({'; '.join(problems)}); nothing was written"
        raise ReviewError(msg)


# -- entry points -------------------------------------------------------------------------------


def draft_path(root: Path, source: str) -> Path:
    """The ledger file of ``source``: its id, its number (``001``), or the path of its text,
    metadata or draft.

    Raises
    ------
    ReviewError
        No ledger file, or several, match.
    """
    ledger_dir = root / "ledger"
    stem = Path(source).stem if source.endswith((".txt", ".yaml", ".yml")) else source
    files = sorted(ledger_dir.glob("*.yaml")) if ledger_dir.is_dir() else []
    exact = [p for p in files if p.stem == stem]
    if exact:
        return exact[0]
    prefixed = [p for p in files if re.match(rf"{re.escape(stem)}(?:_|$)", p.stem)]
    if len(prefixed) == 1:
        return prefixed[0]
    drafts = [p.stem for p in files]
    how = "several match" if prefixed else "none matches"
    msg = (
        f"{source}: no ledger file of that source in {ledger_dir} ({how}); the ledger files: "
        f"{_listing(drafts) or 'none'}"
    )
    raise ReviewError(msg)


def _seeds(seeds: str | Path | None) -> Path:
    root = Path(seeds) if seeds is not None else default_seeds_dir()
    if not (root / "sources").is_dir() or not (root / "ledger").is_dir():
        msg = f"{root}: is not a seeds folder (expected sources/ and ledger/ in it)"
        raise ReviewError(msg)
    return root


def _load(root: Path) -> Ledger:
    try:
        return load(root, include_candidates=True)
    except LedgerError as exc:
        msg = f"{root}: the seeds do not load, fix them before reviewing:\n{exc}"
        raise ReviewError(msg) from None


def _validate(root: Path, path: Path, text: str) -> None:
    """Load a copy of the seeds with ``text`` as ``path``, candidates and reviewed alone."""
    with tempfile.TemporaryDirectory(prefix="analysis-review-") as tmp:
        copy = Path(tmp) / "seeds"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".*"))
        (copy / path.relative_to(root)).write_bytes(text.encode("utf-8"))
        try:
            load(copy, include_candidates=True)
            load(copy)
        except LedgerError as exc:
            said = str(exc).replace(str(copy), str(root))
            msg = f"{path}: the edited draft would not validate; nothing was written:\n{said}"
            raise ReviewError(msg) from None


@dataclass(frozen=True)
class ReviewResult:
    """What :func:`review_draft` or :func:`review_page` did, and one message saying so."""

    path: Path
    message: str
    decision: Decision | None = None


def _open_draft(root: Path, source: str) -> tuple[str | None, Path, Ledger, DraftFile]:
    """Under the seeds lock: finish or undo an interrupted ingest, then the draft of
    ``source``, the seeds' facts and the draft as read."""
    recovered = recover(root)
    path = draft_path(root, source)
    return recovered, path, _load(root), read_draft(path)


def review_draft(
    source: str,
    *,
    accept: Sequence[str] = (),
    reject: Sequence[str] = (),
    accept_all: bool = False,
    seeds: str | Path | None = None,
) -> ReviewResult:
    """Accept or reject records of the draft of ``source`` in place (see the module).

    Raises
    ------
    ReviewError
        Anything refused (an unknown id first); nothing is written then.
    """
    root = _seeds(seeds)
    with FileLock(lock_path(root)):
        recovered, path, ledger, draft = _open_draft(root, source)
        decision = decide(
            draft,
            accept,
            reject,
            accept_all=accept_all,
            depends=dependents(ledger),
            file=path.relative_to(root).as_posix(),
        )
        changed = decision.text != "".join(draft.lines)
        if changed:
            _validate(root, path, decision.text)
            atomic_write(path, decision.text.encode("utf-8"))
    said = []
    if decision.accepted:
        said.append(f"accepted {len(decision.accepted)} ({_listing(decision.accepted, 10)})")
    if decision.already:
        said.append(f"{len(decision.already)} already accepted")
    if decision.rejected:
        said.append(f"rejected {len(decision.rejected)} ({_listing(decision.rejected, 10)})")
    state = (
        "every record is accepted: the file is reviewed"
        if decision.file_accepted
        else f"{len(decision.remaining)} candidates remain"
    )
    message = f"{path}: {', '.join(said) or 'nothing to do'}; {state}"
    if not changed:
        message += " (the file is unchanged)"
    if recovered:
        message = f"{recovered}. {message}"
    return ReviewResult(path, message, decision)


def review_page(
    source: str, *, out: str | Path | None = None, seeds: str | Path | None = None
) -> ReviewResult:
    """Write the review page of the draft of ``source``: to ``out`` (a file, or a folder to
    put ``<source>.html`` in), by default ``reports/review/<source>.html``.

    Raises
    ------
    ReviewError
        The source has no draft, or the seeds do not load.
    ParameterError
        ``out`` cannot be written.
    """
    from analysis.ingest.review_page import render  # noqa: PLC0415 - only for the page

    root = _seeds(seeds)
    with FileLock(lock_path(root)):
        recovered, path, ledger, draft = _open_draft(root, source)
        page = render(draft, ledger, root, path.relative_to(root).as_posix())
    target = Path(out) if out is not None else reports_dir() / "review"
    if out is None or target.is_dir() or target.suffix.casefold() not in (".html", ".htm"):
        target = target / f"{path.stem}.html"
    output_folder(target.parent, "review page's folder")
    atomic_write(target, page.encode("utf-8"))
    n = sum(draft.status_of(e) == "candidate" for e in draft.entries)
    message = f"{target}: the review page of {path.name} ({n} candidates of {len(draft.entries)})"
    if recovered:
        message = f"{recovered}. {message}"
    return ReviewResult(target, message)

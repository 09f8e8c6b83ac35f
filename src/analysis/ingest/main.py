"""Add a source to the seeds with a draft ledger of candidate facts: :func:`ingest_file`.

The text is stored byte for byte as ``seeds/sources/<id>.txt`` beside its metadata
``<id>.yaml``; :func:`analysis.extract` reads it and the facts it finds are written to
``seeds/ledger/<id>.yaml``, every one marked ``status: candidate`` until a person reviews it.
Facts the seeds already hold, in any ledger file, reviewed or candidate, are not repeated: the
draft cites the new source for them in ``supports:`` (people known under another form of the
name, an organisation under another order of its name or its acronym, a transfer of as many
people dated within a day or the precision of either date, its date then given as a dispute,
the same quote or allegation; :mod:`~analysis.ingest.link`). What cannot be linked with
confidence becomes a new candidate record, with a note at the top of the draft and, as a comment,
inside the record. ``analysis review`` (:mod:`~analysis.ingest.review`) then accepts or rejects
the records.

Nothing is written unless everything succeeds: the input is checked (UTF-8 text, not empty, at
most :data:`MAX_BYTES`), the draft is validated with :func:`analysis.load` against a copy of the
seeds, and the three files are then written atomically, as one unit
(:mod:`~analysis.ingest.unit`): a run killed between its writes is completed or rolled back by
the next ingest, which says so. Ingests into one seeds folder take turns: they hold the lock
``seeds/.ingest.lock`` (never one in the temporary folder).
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import textwrap
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from filelock import FileLock

from analysis.errors import IngestError, LedgerError
from analysis.files import sha256_bytes, sha256_file
from analysis.ingest.draft import NOTE, Draft
from analysis.ingest.inputs import MAX_BYTES, check_field, check_published, read_input
from analysis.ingest.unit import LOCK, lock_path, recover, unit_files, write_unit
from analysis.ledger import load
from analysis.paths import seeds_dir as default_seeds_dir

if TYPE_CHECKING:
    import datetime as dt

    from analysis.ingest.extraction import Extraction

__all__ = ["LOCK", "MAX_BYTES", "IngestResult", "ingest_file"]


@dataclass(frozen=True)
class IngestResult:
    """What :func:`ingest_file` did.

    Attributes
    ----------
    source_id
        The source's id (the existing one when the text was already ingested).
    created
        False when the same text was already in the seeds and nothing was written.
    message
        One sentence for the user saying what happened.
    text_path, meta_path, ledger_path
        The files of the source; ``ledger_path`` is None when nothing was written.
    n_new, n_supports
        New candidate records in the draft, and ``supports:`` entries linking to known facts.
    notes
        What the reviewer should look at (links made by surname, near matches left apart).
    """

    source_id: str
    created: bool
    message: str
    text_path: Path
    meta_path: Path
    ledger_path: Path | None
    n_new: int = 0
    n_supports: int = 0
    notes: tuple[str, ...] = ()
    extraction: Extraction | None = None


# -- writing ------------------------------------------------------------------------------------


def _meta_yaml(source_id: str, published: dt.date, fields: dict[str, str | None]) -> str:
    def value(v: str | None) -> str:
        # A JSON string is a YAML double-quoted scalar: nothing in it can escape the value.
        return "null" if v is None else json.dumps(v, ensure_ascii=False)

    return (
        "# Metadata of one source document, written by `analysis ingest`. The text sits beside\n"
        f"# this file, unchanged, as {source_id}.txt. What is not known is null, never invented.\n"
        f"id: {source_id}\n"
        f"published: {published.isoformat()}\n"
        "language: en\n"
        "kind: news article\n"
        f"outlet: {value(fields['outlet'])}\n"
        f"url: {value(fields['url'])}\n"
        f"title: {value(fields['title'])}\n"
    )


_REVIEW_HELP = """\
# DRAFT fact ledger of source {source_id}, written by `analysis ingest`.
#
# Every record below is a CANDIDATE found by the rule-based extractor: reports leave it out
# until a person has reviewed it. To review:
#   1. `analysis review {source_id}` writes a page (reports/review/{source_id}.html) showing
#      the source with each record's evidence highlighted, what each links to, and the notes.
#      Or read the source (seeds/sources/{source_id}.txt) beside this file.
#   2. Check each record: fix its fields, add what is missing (country, organisation, event
#      of a quote, roles), or delete the record. `supports:` entries cite this source for
#      facts already in the ledger: delete any that link to the wrong fact. A comment inside
#      a record is a note about it.
#   3. `analysis review {source_id} --accept ID ... --reject ID ...` (or `--accept-all`)
#      accepts or deletes records and keeps the rest of this file as it is. By hand: accept
#      the file by deleting the `status: candidate` line below, or accept single records by
#      adding `status: reviewed` to them.
#   4. Run `analysis check` (or analysis.load()) to validate.
"""


def _dump(value: object) -> str:
    return yaml.safe_dump(
        value, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


def _comment(note: str, indent: str) -> str:
    """``note`` as YAML comment lines at ``indent``, wrapped to the file's width; the lines
    after the first are indented two more spaces, so that a reader tells one note from the next
    (:func:`analysis.ingest.review.read_draft`)."""
    first, *rest = textwrap.wrap(" ".join(note.split()), width=94 - len(indent)) or [""]
    return f"{indent}# {first}\n" + "".join(f"{indent}#   {line}\n" for line in rest)


def _item(record: dict[str, Any]) -> str:
    """One record of a section, as a block sequence item, its notes (:data:`NOTE`) as
    comments inside it, after its first line: a record's comments are those within it."""
    notes = record.get(NOTE, [])
    text = _dump([{k: v for k, v in record.items() if k != NOTE}])
    if not notes:
        return text
    first, rest = text.split("\n", 1)
    return first + "\n" + "".join(_comment(n, "  ") for n in notes) + rest


def _ledger_yaml(source_id: str, sections: dict[str, Any], notes: list[str]) -> str:
    head = _REVIEW_HELP.format(source_id=source_id)
    if notes:
        head += "#\n# Notes for the reviewer (one about a record is also a comment inside it):\n"
        for note in notes:
            head += f"#   - {' '.join(note.split())}\n"
    body = _dump({"source": source_id, "status": "candidate"})
    for name, records in sections.items():
        body += f"{name}:\n" + "".join(_item(r) for r in records)
    return head + body


# -- entry point --------------------------------------------------------------------------------


def _existing(sources: Path) -> dict[str, str]:
    """Sha256 of each stored source text, by id."""
    return {p.stem: sha256_file(p) for p in sorted(sources.glob("*.txt"))}


def _next_number(root: Path) -> int:
    numbers = [
        int(m[1])
        for p in [*(root / "sources").iterdir(), *(root / "ledger").iterdir()]
        if (m := re.match(r"(\d+)_", p.name))
    ]
    return max(numbers, default=-1) + 1


def _validate(root: Path, files: dict[Path, bytes]) -> None:
    """Load a copy of the seeds with the new files; raise if the draft does not validate."""
    with tempfile.TemporaryDirectory(prefix="analysis-ingest-") as tmp:
        copy = Path(tmp) / "seeds"
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns(".*"))
        for target, data in files.items():
            (copy / target.relative_to(root)).write_bytes(data)
        try:
            load(copy, include_candidates=True)
        except LedgerError as exc:
            msg = (
                "the draft ledger does not validate; nothing was written. This is a bug in "
                f"the extractor, please report it:\n{exc}"
            )
            raise IngestError(msg) from None


def ingest_file(
    path: str | Path,
    *,
    published: dt.date | str,
    outlet: str | None = None,
    url: str | None = None,
    title: str | None = None,
    seeds: str | Path | None = None,
) -> IngestResult:
    """Store a news text as a new source and write a draft ledger of its candidate facts.

    Parameters
    ----------
    path
        The text file: UTF-8, not empty, at most :data:`MAX_BYTES` bytes; a regular file inside
        the current working folder or the folder that holds ``seeds`` (a symbolic link is
        followed only to a file there).
    published
        Its publication date (a date or ``YYYY-MM-DD``); relative dates resolve against it.
    outlet, url, title
        What is known about the source; ``None`` when not known. They are only ever written as
        YAML values, never used in a path; a URL must be ``http(s)://``.
    seeds
        The seeds folder; :func:`analysis.paths.seeds_dir` by default.

    Returns
    -------
    IngestResult
        With ``created=False`` when the same text is already a source (nothing is written).

    Raises
    ------
    IngestError
        The file is not a regular file (a FIFO, device, folder, a file of ``/proc``, ``/sys`` or
        ``/dev``), lies outside the working folder and the seeds' folder (itself or the target
        of its symbolic link), is not UTF-8 text, is empty or too large, a field is invalid, the
        seeds do not load, a different text already has this id, or the draft does not
        validate. Nothing is written then.
    """
    source = Path(path)
    fields = {
        "outlet": check_field("outlet", outlet),
        "url": check_field("url", url),
        "title": check_field("title", title),
    }
    day = check_published(published)
    root = Path(seeds) if seeds is not None else default_seeds_dir()
    data, text = read_input(source, [Path.cwd(), root.absolute().parent])
    sources_dir, ledger_dir = root / "sources", root / "ledger"
    if not sources_dir.is_dir() or not ledger_dir.is_dir():
        msg = f"{root}: is not a seeds folder (expected sources/ and ledger/ in it)"
        raise IngestError(msg)
    digest = sha256_bytes(data)
    with FileLock(lock_path(root)):
        recovered = recover(root)
        try:
            result = _ingest_locked(source, root, data, text, day, fields, digest)
        except IngestError as exc:
            if recovered:
                msg = f"{recovered}. {exc}"
                raise IngestError(msg) from None
            raise
    if recovered:
        result = replace(result, message=f"{recovered}. {result.message}")
    return result


def _ingest_locked(
    source: Path,
    root: Path,
    data: bytes,
    text: str,
    day: dt.date,
    fields: dict[str, str | None],
    digest: str,
) -> IngestResult:
    """:func:`ingest_file` once its inputs are checked, holding the lock of ``root``."""
    sources_dir, ledger_dir = root / "sources", root / "ledger"
    existing = _existing(sources_dir)
    for sid, sha in existing.items():
        if sha == digest:
            return IngestResult(
                source_id=sid,
                created=False,
                message=(
                    f"{source}: this text is already in the seeds as source {sid}; "
                    "nothing was written"
                ),
                text_path=sources_dir / f"{sid}.txt",
                meta_path=sources_dir / f"{sid}.yaml",
                ledger_path=None,
            )
    clash = sorted(
        p.stem
        for p in [*sources_dir.iterdir(), *ledger_dir.iterdir()]
        if p.stem.endswith(f"_{digest[:16]}")
    )
    if clash:
        msg = (
            f"{source}: the id for this text ({digest[:16]}) is already used by {clash[0]}, "
            "whose text is different; refusing to overwrite it"
        )
        raise IngestError(msg)
    source_id = f"{_next_number(root):03d}_{digest[:16]}"
    text_path, meta_path, ledger_path = unit_files(root, source_id)
    try:
        known = load(root, include_candidates=True)
    except LedgerError as exc:
        msg = f"{root}: the seeds do not load, fix them before ingesting:\n{exc}"
        raise IngestError(msg) from None

    from analysis.ingest.extraction import extract  # noqa: PLC0415 - loaded on first use

    found = extract(text, published=day)
    draft = Draft(text, found, known)
    sections = draft.build()
    files = {
        text_path: data,
        meta_path: _meta_yaml(source_id, day, fields).encode("utf-8"),
        ledger_path: _ledger_yaml(source_id, sections, draft.notes).encode("utf-8"),
    }
    _validate(root, files)
    write_unit(root, source_id, files)
    n_supports = len(sections.get("supports", []))
    n_new = sum(len(v) for k, v in sections.items() if k != "supports")
    return IngestResult(
        source_id=source_id,
        created=True,
        message=(
            f"{source}: stored as source {source_id} with a draft ledger of {n_new} candidate "
            f"records and {n_supports} links to known facts in {ledger_path}; review it"
        ),
        text_path=text_path,
        meta_path=meta_path,
        ledger_path=ledger_path,
        n_new=n_new,
        n_supports=n_supports,
        notes=tuple(draft.notes),
        extraction=found,
    )

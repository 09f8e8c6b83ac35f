"""Add a source to the seeds with a draft ledger of candidate facts: :func:`ingest_file`.

The text is stored byte for byte as ``seeds/sources/<id>.txt`` beside its metadata
``<id>.yaml``; :func:`analysis.extract` reads it and the facts it finds are written to
``seeds/ledger/<id>.yaml``, every one marked ``status: candidate`` until a person reviews it.
Facts the seeds already hold are not repeated: the draft cites the new source for them in
``supports:`` (people known under another form of the name, a transfer with the same date and
number of people, the same quote or allegation). What cannot be linked with confidence becomes a
new candidate record, with a note at the top of the draft for the reviewer.

Nothing is written unless everything succeeds: the input is checked (UTF-8 text, not empty, at
most :data:`MAX_BYTES`), the draft is validated with :func:`analysis.load` against a copy of the
seeds, and the three files are then written atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit

import yaml
from filelock import FileLock

from analysis.dates import ledger_date, period
from analysis.errors import IngestError, LedgerError
from analysis.files import atomic_write, not_utf8, sha256_bytes, sha256_file
from analysis.ledger import load
from analysis.ledger.text import normalise, split_sentences
from analysis.paths import seeds_dir as default_seeds_dir

if TYPE_CHECKING:
    from analysis.ingest.extraction import Extraction
    from analysis.ledger import Ledger
    from analysis.ledger.text import Sentence

__all__ = ["MAX_BYTES", "IngestResult", "ingest_file"]

#: The largest file :func:`ingest_file` accepts: 2 MB, far more than any news article.
MAX_BYTES: Final = 2_000_000
#: The longest outlet, title and URL accepted, in characters.
MAX_FIELD: Final[dict[str, int]] = {"outlet": 200, "title": 500, "url": 2000}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FIELD_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


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


# -- input checks -------------------------------------------------------------------------------


def _read_input(path: Path) -> tuple[bytes, str]:
    if not path.exists():
        msg = f"{path}: no such file"
        raise IngestError(msg)
    if not path.is_file():
        msg = f"{path}: is not a regular file"
        raise IngestError(msg)
    size = path.stat().st_size
    if size > MAX_BYTES:
        msg = (
            f"{path}: is {size:,} bytes, larger than the limit of {MAX_BYTES:,} bytes "
            "(2 MB); a news article is far smaller: is this the right file?"
        )
        raise IngestError(msg)
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot be read: {exc.strerror}"
        raise IngestError(msg) from None
    if len(data) > MAX_BYTES:  # the file grew while we looked at it
        msg = f"{path}: is larger than the limit of {MAX_BYTES:,} bytes (2 MB)"
        raise IngestError(msg)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        msg = f"{path}: {not_utf8(exc)}"
        raise IngestError(msg) from None
    if not text.strip():
        msg = f"{path}: is empty: there is no text to ingest"
        raise IngestError(msg)
    bad = _CONTROL.search(text)
    if bad is not None:
        offset = len(text[: bad.start()].encode("utf-8"))
        msg = (
            f"{path}: is not plain text: control character U+{ord(bad.group()):04X} at byte "
            f"offset {offset} (a binary file?)"
        )
        raise IngestError(msg)
    return data, text


def _check_field(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        msg = f"--{name}: is empty; leave it out when it is not known"
        raise IngestError(msg)
    if len(value) > MAX_FIELD[name]:
        msg = f"--{name}: is {len(value)} characters long, more than {MAX_FIELD[name]}"
        raise IngestError(msg)
    if _FIELD_CONTROL.search(value):
        msg = f"--{name}: must be one line of text without control characters"
        raise IngestError(msg)
    if name == "url":
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
            msg = f"--url: expected an http:// or https:// address, found {value!r}"
            raise IngestError(msg)
    return value


def _check_published(published: dt.date | str) -> dt.date:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published.strip()):
        try:
            return dt.date.fromisoformat(published.strip())
        except ValueError:
            pass
    msg = f"--published: expected a date as YYYY-MM-DD, found {published!r}"
    raise IngestError(msg)


# -- writing ------------------------------------------------------------------------------------


def _write_atomically(files: dict[Path, bytes]) -> None:
    """Write every file or none: each one atomically, and the ones written are removed again
    when a later one fails (they are new files: :func:`ingest` refuses to overwrite)."""
    done: list[Path] = []
    try:
        for target, data in files.items():
            atomic_write(target, data)
            done.append(target)
    except BaseException:
        for target in done:
            with contextlib.suppress(OSError):
                target.unlink()
        raise


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


# -- linking ------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return normalise(text).casefold().strip()


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return slug or "item"


class _Draft:
    """Builds the draft ledger of one new source against the facts already in the seeds."""

    def __init__(self, text: str, found: Extraction, known: Ledger) -> None:
        self.text = text
        self.found = found
        self.sentences: list[Sentence] = split_sentences(text)
        reviewed = known.actors.filter(status="reviewed")
        self.known_actors: list[dict[str, Any]] = reviewed.to_dicts()
        self.known_events = known.events.filter(status="reviewed", kind="transfer").to_dicts()
        self.known_quotes = known.quotes.filter(status="reviewed").to_dicts()
        self.known_allegations = known.allegations.filter(status="reviewed").to_dicts()
        self.used_ids: set[str] = {
            *known.actors["actor_id"],
            *known.events["event_id"],
            *known.quotes["quote_id"],
            *known.allegations["allegation_id"],
        }
        self.sections: dict[str, list[dict[str, Any]]] = {
            "actors": [],
            "events": [],
            "quotes": [],
            "allegations": [],
            "supports": [],
        }
        self.notes: list[str] = []
        self.actor_ids: dict[str, str] = {}

    # -- helpers --------------------------------------------------------------------------------

    def new_id(self, base: str) -> str:
        candidate = base
        n = 2
        while candidate in self.used_ids:
            candidate = f"{base}-{n}"
            n += 1
        self.used_ids.add(candidate)
        return candidate

    def cite(self, start: int, end: int) -> str | None:
        """The shortest words around ``text[start:end]`` that occur exactly once in the text."""
        text = self.text
        sentence = next(
            (s for s in self.sentences if s.start <= start < s.end),
            None,
        )
        lo, hi = (sentence.start, sentence.end) if sentence else (0, len(text))
        lo, hi = min(lo, start), max(hi, end)
        a, b = start, end
        while True:
            words = text[a:b]
            if words.strip() and text.count(words) == 1:
                return words
            if b < hi:
                nxt = re.search(r"\S+", text[b:hi])
                b = b + nxt.end() if nxt else hi
            elif a > lo:
                prev = re.search(r"\S+\s*$", text[lo:a])
                a = lo + prev.start() if prev else lo
            else:
                return None

    def support(self, fact: str, start: int, end: int) -> bool:
        words = self.cite(start, end)
        if words is None:
            self.notes.append(f"no unique words to cite for {fact}; not linked")
            return False
        for entry in self.sections["supports"]:
            if entry["fact"] == fact:
                if words not in entry["evidence"]:
                    entry["evidence"].append(words)
                return True
        self.sections["supports"].append({"fact": fact, "evidence": [words]})
        return True

    # -- actors ---------------------------------------------------------------------------------

    def link_actor(self, name: str, kind: str) -> str | None:
        key = _norm(name)
        same_kind = [
            a for a in self.known_actors
            if (a["kind"] == "person") == (kind == "person")
        ]  # fmt: skip
        exact = [
            a for a in same_kind
            if key in {_norm(a["name"]), *(_norm(x) for x in a["aliases"])}
        ]  # fmt: skip
        if len(exact) == 1:
            return str(exact[0]["actor_id"])
        if len(exact) > 1:
            ids = ", ".join(a["actor_id"] for a in exact)
            self.notes.append(f"{name!r} matches several known actors ({ids}): left as new")
            return None
        if kind != "person":
            return None
        tokens = name.split()

        def surnames(actor: dict[str, Any]) -> set[str]:
            forms = {_norm(actor["name"].split()[-1])}
            forms |= {_norm(x) for x in actor["aliases"] if len(x.split()) <= 2}
            return forms

        def compatible(a: str, b: str) -> bool:
            x, y = _norm(a.split(maxsplit=1)[0]), _norm(b.split(maxsplit=1)[0])
            return x.startswith(y) or y.startswith(x)

        by_surname = [
            a for a in same_kind
            if _norm(tokens[-1]) in surnames(a)
            or (len(tokens) >= 3 and _norm(" ".join(tokens[-2:])) in surnames(a))
        ]  # fmt: skip
        if len(tokens) == 1 and len(by_surname) == 1:
            return str(by_surname[0]["actor_id"])
        matches = [a for a in by_surname if len(tokens) > 1 and compatible(name, a["name"])]
        if len(matches) == 1:
            target = matches[0]
            self.notes.append(
                f"{name!r} linked to the known {target['actor_id']} ({target['name']}) by "
                "surname and a compatible first name: check it is the same person"
            )
            return str(target["actor_id"])
        if by_surname:
            ids = ", ".join(a["actor_id"] for a in by_surname)
            self.notes.append(
                f"{name!r} shares a surname with {ids} but could not be linked with confidence: "
                "left as a new candidate actor; merge it by hand if it is the same person"
            )
        return None

    def actors(self) -> None:
        for row in self.found.actors.iter_rows(named=True):
            name, kind = row["name"], row["kind"]
            linked = self.link_actor(name, kind)
            if linked is not None:
                if self.support(linked, row["char_start"], row["char_end"]):
                    self.actor_ids[name] = linked
                continue
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                self.notes.append(f"no unique words to cite for {name!r}; left out")
                continue
            record: dict[str, Any] = {
                "id": self.new_id(_slug(name)),
                "kind": kind,
                "name": name,
            }
            if row["title"]:
                record["title"] = row["title"]
            aliases = [a for a in row["aliases"] if _norm(a) != _norm(name)]
            if aliases:
                record["aliases"] = aliases
            record["evidence"] = [words]
            self.sections["actors"].append(record)
            self.actor_ids[name] = record["id"]

    # -- events ---------------------------------------------------------------------------------

    def events(self) -> list[tuple[int, str]]:
        """Add or link the transfers; return (char_start, event id) of each."""
        placed: list[tuple[int, str]] = []
        for row in self.found.events.iter_rows(named=True):
            date, precision = row["date"], row["date_precision"]
            people = row["people"]
            twin = None
            for known in self.known_events:
                if known["people"] != people or known["date"] is None or date is None:
                    continue
                if (known["date"], known["date_precision"]) == (date, precision):
                    twin = known
                    break
                k_lo, k_hi = period(known["date"], known["date_precision"])
                n_lo, n_hi = period(date, precision)
                if (k_lo <= n_lo and n_hi <= k_hi) or (n_lo <= k_lo and k_hi <= n_hi):
                    twin = known
                    self.notes.append(
                        f"the transfer of {people} dated {ledger_date(date, precision)} here is "
                        f"linked to {known['event_id']} (dated "
                        f"{ledger_date(known['date'], known['date_precision'])}): check the date"
                    )
                    break
            if twin is not None and self.support(
                twin["event_id"], row["char_start"], row["char_end"]
            ):
                placed.append((row["char_start"], twin["event_id"]))
                continue
            for known in self.known_events:
                if known["people"] == people or (date is not None and known["date"] == date):
                    self.notes.append(
                        f"a transfer of {people} ({ledger_date(date, precision) or 'undated'}) "
                        f"resembles {known['event_id']} ({known['people']} people, "
                        f"{ledger_date(known['date'], known['date_precision']) or 'undated'}) "
                        "but the date or count differs: left as a new candidate event"
                    )
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                self.notes.append(f"no unique words to cite for the transfer of {people}")
                continue
            date_value = ledger_date(date, precision)
            origin = self.actor_ids.get(row["origin"] or "")
            destination = self.actor_ids.get(row["destination"] or "")
            title = f"{row['origin'] or 'Unknown'} {row['mechanism']} {people} {row['what']}"
            if row["destination"]:
                title += f" to {row['destination']}"
            record: dict[str, Any] = {
                "id": self.new_id(f"transfer-{date_value or 'undated'}"),
                "kind": "transfer",
                "title": title,
                "when": row["date_as_written"],
                "date": date_value,
                "people": people,
                "mechanism": row["mechanism"],
            }
            if origin:
                record["origin"] = origin
            if destination:
                record["destination"] = destination
            roles = []
            for suspect in row["suspects"]:
                at = self.text.find(suspect, row["char_start"], row["char_end"])
                actor_id = self.actor_ids.get(suspect)
                cited = self.cite(at, at + len(suspect)) if at >= 0 else None
                if actor_id and cited:
                    roles.append({"actor": actor_id, "role": "suspect", "evidence": [cited]})
            if roles:
                record["actors"] = roles
            record["evidence"] = [words]
            self.sections["events"].append(record)
            placed.append((row["char_start"], record["id"]))
        return placed

    # -- quotes ---------------------------------------------------------------------------------

    def quotes(self) -> None:
        for row in self.found.quotes.iter_rows(named=True):
            parts: list[str] = row["parts"]
            speaker = self.actor_ids.get(row["speaker"] or "")
            first_words = " ".join(parts[0].split()[:6])
            if speaker is None:
                self.notes.append(f"quote “{first_words}…”: speaker unknown; left out")
                continue
            if any(self.text.count(p) != 1 for p in parts):
                self.notes.append(f"quote “{first_words}…”: its words recur in the text; left out")
                continue
            joined = _norm(" ".join(parts))
            twin = next(
                (
                    q for q in self.known_quotes
                    if q["speaker_id"] == speaker and _norm(q["text"]) == joined
                ),
                None,
            )  # fmt: skip
            start = row["attribution_start"]
            end = row["attribution_end"]
            if start is None:
                start, end = row["part_starts"][0], row["part_ends"][0]
            if twin is not None:
                self.support(twin["quote_id"], start, end)
                continue
            words = self.cite(start, end)
            if words is None:
                self.notes.append(f"quote “{first_words}…”: no unique words to cite; left out")
                continue
            base = f"{speaker.split('-')[-1]}-{_slug(' '.join(parts[0].split()[:4]))}"
            self.sections["quotes"].append(
                {
                    "id": self.new_id(base),
                    "speaker": speaker,
                    "when": row["said_on_as_written"],
                    "date": ledger_date(row["said_on"], row["said_on_precision"]),
                    "text": parts,
                    "evidence": [words],
                }
            )

    # -- allegations ----------------------------------------------------------------------------

    def allegations(self, placed: list[tuple[int, str]]) -> None:
        seen: set[tuple[str, str, str | None]] = set()
        for row in self.found.charges.iter_rows(named=True):
            if not placed:
                self.notes.append(
                    f"charge {row['charge']!r} ({row['as_written']!r}): no transfer in the text "
                    "to attach it to; left out"
                )
                continue
            before = [eid for at, eid in placed if at <= row["char_start"]]
            event = before[-1] if before else placed[0][1]
            accused = self.actor_ids.get(row["accused"] or "")
            key = (event, row["charge"], accused)
            if key in seen:
                continue
            seen.add(key)
            twin = next(
                (
                    a for a in self.known_allegations
                    if (a["event_id"], a["charge"], a["accused_id"]) == key
                ),
                None,
            )  # fmt: skip
            if twin is not None:
                self.support(twin["allegation_id"], row["char_start"], row["char_end"])
                continue
            words = self.cite(row["char_start"], row["char_end"])
            if words is None:
                continue
            owner = accused or event
            record: dict[str, Any] = {
                "id": self.new_id(f"{owner}/{_slug(row['charge'])}"),
                "event": event,
            }
            if accused:
                record["accused"] = accused
            record |= {"charge": row["charge"], "as_written": row["as_written"]}
            record["evidence"] = [words]
            self.sections["allegations"].append(record)

    def build(self) -> dict[str, list[dict[str, Any]]]:
        self.actors()
        placed = self.events()
        self.quotes()
        self.allegations(placed)
        return {k: v for k, v in self.sections.items() if v}


_REVIEW_HELP = """\
# DRAFT fact ledger of source {source_id}, written by `analysis ingest`.
#
# Every record below is a CANDIDATE found by the rule-based extractor: reports leave it out
# until a person has reviewed it. To review:
#   1. Read the source (seeds/sources/{source_id}.txt) beside this file.
#   2. Check each record: fix its fields, add what is missing (country, organisation, event
#      of a quote, roles), or delete the record. `supports:` entries cite this source for
#      facts already in the ledger: delete any that link to the wrong fact.
#   3. Accept the file by deleting the `status: candidate` line below, or accept single records
#      by adding `status: reviewed` to them.
#   4. Run `analysis check` (or analysis.load()) to validate.
"""


def _ledger_yaml(source_id: str, sections: dict[str, Any], notes: list[str]) -> str:
    head = _REVIEW_HELP.format(source_id=source_id)
    if notes:
        head += "#\n# Notes for the reviewer:\n"
        for note in notes:
            head += f"#   - {' '.join(note.split())}\n"
    body = yaml.safe_dump(
        {"source": source_id, "status": "candidate", **sections},
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
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
        The text file: UTF-8, not empty, at most :data:`MAX_BYTES` bytes.
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
        The file is not UTF-8 text, is empty or too large, a field is invalid, the seeds do not
        load, a different text already has this id, or the draft does not validate. Nothing is
        written then.
    """
    source = Path(path)
    fields = {
        "outlet": _check_field("outlet", outlet),
        "url": _check_field("url", url),
        "title": _check_field("title", title),
    }
    day = _check_published(published)
    data, text = _read_input(source)
    root = Path(seeds) if seeds is not None else default_seeds_dir()
    sources_dir, ledger_dir = root / "sources", root / "ledger"
    if not sources_dir.is_dir() or not ledger_dir.is_dir():
        msg = f"{root}: is not a seeds folder (expected sources/ and ledger/ in it)"
        raise IngestError(msg)
    digest = sha256_bytes(data)
    lock_name = sha256_bytes(str(root.resolve()).encode())[:16]
    with FileLock(Path(tempfile.gettempdir()) / f"analysis-ingest-{lock_name}.lock"):
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
        text_path = sources_dir / f"{source_id}.txt"
        meta_path = sources_dir / f"{source_id}.yaml"
        ledger_path = ledger_dir / f"{source_id}.yaml"
        try:
            known = load(root, include_candidates=True)
        except LedgerError as exc:
            msg = f"{root}: the seeds do not load, fix them before ingesting:\n{exc}"
            raise IngestError(msg) from None

        from analysis.ingest.extraction import extract  # noqa: PLC0415 - loaded on first use

        found = extract(text, published=day)
        draft = _Draft(text, found, known)
        sections = draft.build()
        files = {
            text_path: data,
            meta_path: _meta_yaml(source_id, day, fields).encode("utf-8"),
            ledger_path: _ledger_yaml(source_id, sections, draft.notes).encode("utf-8"),
        }
        _validate(root, files)
        _write_atomically(files)
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

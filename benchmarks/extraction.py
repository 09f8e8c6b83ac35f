"""Score :func:`analysis.extract` against hand-made gold annotations: the seed, a development
set and a held-out test set.

Run: ``python benchmarks/extraction.py [--set seed|dev|retired|test|all] [--articles GLOB] [--details]
[--no-timings]``.

**The seed** (``--set seed``). First, as before, the hand-curated ledger of source
``000_a622ddb6cab2c3b2`` (read with :func:`analysis.load`) is the gold standard: for each kind
of fact this prints how many the ledger holds, how many the extractor found, how many match,
and precision and recall; the target is recall >= 0.9 and precision >= 0.8 for every kind,
and the script exits with status 1 when one is missed. Items are compared as follows:

- people: an extracted person matches a curated one with the same name or alias;
- titles: a person whose extracted title equals the curated one (reported, not a target);
- quotes: by part (the text between one pair of quotation marks) with its speaker, since
  curators may keep two parts as one quote or two;
- counts: distinct (value, unit): the people of a transfer, the days of a duration;
- dates: distinct (as written, date, precision) of events and quotes with a known date;
- charges: the same charge whose words lie inside the curated allegation's evidence.

Then the seed is scored again against its gold file (``benchmarks/articles/seed/``), by the
rules below, like the other sets. The extractor's rules were written with this article in
view, so its scores are an upper bound.

**The development and test sets** (``benchmarks/articles/dev/``, ``benchmarks/articles/test/``):
invented articles, each with a gold file written under ``benchmarks/ANNOTATION.md``. The test
set is scored only at the end and never read while changing rules (``--details`` does not
show it). For each set this prints, summed over its articles (micro-averaged):

- precision and recall per kind: people, organisations, quotes, counts, dates, charges;
- how many drafted dates are in the wrong year (paired with a gold date, see edits, whose
  year differs);
- the edits a reviewer would make to turn each draft into its gold: fields changed, records
  deleted, records added, per kind and in all.

Matching, one to one, greedily in the draft's order:

- names are compared case- and quote-insensitively (curly and straight marks alike; double
  quotation marks dropped, so ``Luis "El Flaco" Romero`` equals ``Luis “El Flaco” Romero``
  and ``Luis El Flaco Romero``), with runs of spaces as one and a leading "the" ignored;
- people: a drafted person (``kind`` person) matches a gold one when any of its forms (name
  and aliases) is one of the gold person's forms: name, aliases, the name without a quoted
  nickname (``Luis Romero``) and without middle initials (``John Public``);
- organisations: the same, over the drafted ``organisation`` actors (countries are not
  scored);
- quotes: by speaker and first words: the drafted speaker (a leading "a", "an" or "the"
  ignored) is one of the forms of the gold speaker (a person's or organisation's forms, or the
  role noun), and the first six words of the first part equal the gold ``first_words``
  (compared case-, quote- and punctuation-insensitively);
- counts: by value and unit (the gold ``unit``; the extractor's ``unit`` with plurals and
  ``%`` normalised);
- dates: by resolved value and precision (``2025``, ``2025-02``, ``2025-02-28``); drafted
  dates the extractor could not resolve (no date), or whose year it leaves to the reviewer
  (no date, two ``readings``), are left out: a gold date so drafted counts as missed;
- charges: by normalised charge; a draft's repeats of one (charge, accused) count once.

Edits: after matching, what is left is paired by a looser key: a quote by its first words
alone, a count, date or charge whose drafted words overlap the gold ``as_written`` in the text
(people and organisations only by name, as above). In every pair, each field that differs is
one edit: people: name (the exact form), title, role (suspect, victim or speaker: the draft's
role is "suspect" for the people the draft ledger makes suspects of a transfer, those it
names and those a charge attached to it names, and "speaker" for a quote's speaker); organisations: name, aliases (one edit when a gold alias is missing);
quotes: speaker, number of parts; counts: value, unit; dates: the date (value or precision); charges: charge,
accused. A drafted record left unpaired is deleted; a gold record left unpaired is added.

Targets, printed with the test set and never turned into an exit status: precision and
recall >= 0.85 for people, quotes, counts, dates and charges.

Exit status: 0; 1 when the seed's curated-ledger target above is missed (``--set seed`` or
``all``); 2 when a gold file is malformed (each problem is printed naming the file, entry and
line), before anything is scored.

It then prints how long extraction takes on 10 KB, 100 KB and 1 MB of text, and the ratio of
each time to the one before (linear growth: about 10x a step); ``--no-timings`` skips this.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import polars as pl
import yaml

import analysis
from analysis import schema
from analysis.ingest.draft import Draft
from analysis.ledger.bundle import Ledger
from analysis.ledger.text import normalise
from analysis.schema import CHARGES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

SOURCE_ID = "000_a622ddb6cab2c3b2"
TARGET_RECALL = 0.9
TARGET_PRECISION = 0.8


def norm(text: str | None) -> str:
    """Case, quotation marks and spaces normalised."""
    return normalise(text or "").casefold().strip()


def match(gold: Sequence[Any], found: Sequence[Any], same: Callable[[Any, Any], bool]) -> int:
    """Pairs matched one to one, greedily in order."""
    free = list(gold)
    hits = 0
    for item in found:
        for candidate in free:
            if same(candidate, item):
                free.remove(candidate)
                hits += 1
                break
    return hits


def score(ledger: analysis.Ledger) -> pl.DataFrame:
    """One row per kind: gold, found, matched, precision, recall, met."""
    source = ledger.sources.filter(source_id=SOURCE_ID).row(0, named=True)
    text = (ledger.seeds_dir / source["text_path"]).read_text(encoding="utf-8")
    found = analysis.extract(text, published=source["published"])
    evidence = ledger.evidence.filter(source_id=SOURCE_ID)
    rows = []

    def add(kind: str, gold: Sequence[Any], got: Sequence[Any], same: Callable[[Any, Any], bool],
            *, target: bool = True) -> None:  # fmt: skip
        hits = match(gold, got, same)
        precision = hits / len(got) if got else 0.0
        recall = hits / len(gold) if gold else 0.0
        met = precision >= TARGET_PRECISION and recall >= TARGET_RECALL
        rows.append(
            {"kind": kind, "gold": len(gold), "found": len(got), "matched": hits,
             "precision": round(precision, 3), "recall": round(recall, 3),
             "target met": ("yes" if met else "NO") if target else "(not a target)"}
        )  # fmt: skip

    # People.
    people = ledger.actors.filter(kind="person")
    gold_people = [
        {norm(r["name"]), *(norm(a) for a in r["aliases"])} for r in people.iter_rows(named=True)
    ]
    got_people = [norm(n) for n in found.actors.filter(kind="person")["name"]]
    add("people", gold_people, got_people, lambda g, x: x in g)
    gold_titles = [(norm(r["name"]), norm(r["title"])) for r in people.iter_rows(named=True)]
    got_titles = [
        (norm(r["name"]), norm(r["title"]))
        for r in found.actors.filter(kind="person").iter_rows(named=True)
    ]
    add("titles", gold_titles, got_titles, lambda g, x: g == x, target=False)

    # Quotes, by part, with the speaker.
    names = dict(zip(ledger.actors["actor_id"], ledger.actors["name"], strict=True))
    speakers = dict(zip(ledger.quotes["quote_id"], ledger.quotes["speaker_id"], strict=True))
    gold_parts = [
        (norm(names[speakers[r["fact_id"]]]), norm(r["text"]))
        for r in evidence.filter(fact_type="quote", is_quote_text=True).iter_rows(named=True)
    ]
    got_parts = [
        (norm(r["speaker"]), norm(part))
        for r in found.quotes.iter_rows(named=True)
        for part in r["parts"]
    ]
    add("quotes", gold_parts, got_parts, lambda g, x: g == x)

    # Counts: the people of transfers and the durations of agreements.
    gold_counts = sorted(
        {(int(v), "people") for v in ledger.events["people"].drop_nulls()}
        | {(int(v), "days") for v in ledger.events["duration_days"].drop_nulls()}
    )
    got_counts = sorted({(r["value"], r["unit"]) for r in found.counts.iter_rows(named=True)})
    add("counts", gold_counts, got_counts, lambda g, x: g == x)

    # Dates of events and quotes, with what was written.
    dated = pl.concat(
        [
            ledger.events.select(
                written="date_as_written", date="date", precision="date_precision"
            ),
            ledger.quotes.select(
                written="said_on_as_written", date="said_on", precision="said_on_precision"
            ),
        ]
    ).filter(pl.col("date").is_not_null())
    gold_dates = sorted({(norm(r["written"]), r["date"], r["precision"])
                         for r in dated.iter_rows(named=True)})  # fmt: skip
    got_dates = sorted(
        {
            (norm(r["as_written"]), r["date"], r["precision"])
            for r in found.dates.iter_rows(named=True)
        }
    )

    def same_date(g: tuple[str, Any, str], x: tuple[str, Any, str]) -> bool:
        return g[1:] == x[1:] and g[0].removeprefix("in ") == x[0].removeprefix("in ")

    add("dates", gold_dates, got_dates, same_date)

    # Charges: the same charge inside the allegation's evidence.
    spans = evidence.filter(fact_type="allegation").select("fact_id", "char_start", "char_end")
    charges = dict(zip(ledger.allegations["allegation_id"], ledger.allegations["charge"],
                       strict=True))  # fmt: skip
    gold_charges = [
        (charges[r["fact_id"]], r["char_start"], r["char_end"]) for r in spans.iter_rows(named=True)
    ]
    got_charges = [
        (r["charge"], r["char_start"], r["char_end"]) for r in found.charges.iter_rows(named=True)
    ]
    add("charges", gold_charges, got_charges,
        lambda g, x: g[0] == x[0] and g[1] <= x[1] and x[2] <= g[2])  # fmt: skip
    return pl.DataFrame(rows)


#: Text sizes timed by :func:`timings`: extraction is linear, so each takes ~10x the one before.
SIZES = (10_000, 100_000, 1_000_000)
SENTENCE = "Mexico has sent 5 suspects to the United States. "


def timings() -> list[tuple[int, float]]:
    """Seconds :func:`analysis.extract` takes on texts of :data:`SIZES` characters (one
    sentence repeated, on one line: the worst case of the sentence splitter)."""
    import datetime as dt  # noqa: PLC0415
    import time  # noqa: PLC0415

    out = []
    for size in SIZES:
        text = SENTENCE * (size // len(SENTENCE))
        start = time.perf_counter()
        analysis.extract(text, published=dt.date(2025, 8, 12))
        out.append((size, time.perf_counter() - start))
    return out


# --- Gold files --------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "benchmarks" / "articles"
SETS = ("seed", "dev", "retired", "test")

#: People's roles a gold file may give; only those the ledger records for an event are
#: compared when counting edits.
ROLES = ("suspect", "victim", "speaker", "official", "other")
EVENT_ROLES = ("suspect", "victim", "speaker")
#: What a gold count counts.
UNITS = ("people", "days", "weeks", "months", "years", "percent", "transfers", "transfer number")
PRECISIONS = ("year", "month", "day")
#: Targets on the test set, per kind (printed, never an exit status).
TARGET = 0.85
TARGET_KINDS = ("people", "quotes", "counts", "dates", "charges")
KINDS = ("people", "organisations", "quotes", "counts", "dates", "charges")

#: Keys of each section's entries: required, then optional.
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "people": (("name", "role", "country", "title"), ("aliases", "note")),
    "organisations": (("name",), ("aliases", "note")),
    "quotes": (("speaker", "first_words", "n_parts"), ("note",)),
    "counts": (("value", "unit", "what", "as_written"), ("note",)),
    "dates": (("as_written", "value", "precision"), ("note",)),
    "charges": (("charge", "as_written", "accused"), ("note",)),
}
#: The key that names an entry in messages.
LABELS = {"people": "name", "organisations": "name", "quotes": "first_words",
          "counts": "as_written", "dates": "as_written", "charges": "as_written"}  # fmt: skip
TOP_REQUIRED = ("article", *KINDS)
TOP_OPTIONAL = ("source", "reference_date")
_DATE_FORM = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


class GoldError(Exception):
    """A malformed gold file: the file, the entry and what is wrong. ``problems`` holds every
    problem of the file (this one first)."""

    def __init__(self, path: Path, entry: str, message: str) -> None:
        super().__init__(f"{_shown(path)}: {entry}: {message}")
        self.path = path
        self.entry = entry
        self.problems: list[GoldError] = [self]


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that knows its line."""

    line = 0


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML with dates kept as text, a key written twice refused, lines remembered."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _mapping(loader: _StrictLoader, node: yaml.MappingNode) -> _Map:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)  # type: ignore[no-untyped-call]
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key {key!r} written twice in one mapping", key_node.start_mark
            )
        seen.add(key)
    out = _Map(loader.construct_mapping(node, deep=True))
    out.line = node.start_mark.line + 1
    return out


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def read_yaml(path: Path) -> Any:
    """A YAML file read strictly; :class:`GoldError` when it cannot be."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(path, "file", f"cannot be read: {exc}") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "file"
        raise GoldError(path, where, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None


def fold(text: str | None) -> str:
    """A name as compared: quotation marks straight and double ones dropped, case folded,
    spaces collapsed, a leading "the" and trailing punctuation dropped."""
    out = normalise(text or "").replace('"', " ").casefold()
    out = re.sub(r"\s+", " ", out).strip(" ,;:")
    return out.removeprefix("the ").strip()


def words(text: str | None) -> list[str]:
    """The words of ``text``, case folded, without quotation marks or punctuation at their
    ends."""
    strip = string.punctuation + "“”‘’«»…—–"
    out = (w.strip(strip) for w in normalise(text or "").casefold().split())
    return [w for w in out if w]


def person_forms(name: str, aliases: Iterable[str]) -> set[str]:
    """The forms a gold person is found by: name, aliases, the name without a quoted nickname
    and without middle initials."""
    plain = normalise(name)
    bare = re.sub(r'\s*"[^"]*"\s*', " ", plain)
    no_initials = re.sub(r"(?<=\s)[A-Z]\.\s+", "", bare)
    return {fold(f) for f in (name, *aliases, bare, no_initials) if fold(f)}


def occurs(needle: str, text: str, *, loose: bool) -> bool:
    if loose:
        return fold(needle) in fold(text) if fold(needle) else False
    return bool(needle) and needle in text


@dataclass
class Article:
    """One article and its gold annotation."""

    id: str
    set: str
    gold_path: Path
    text: str
    published: dt.date
    reference: dt.date
    people: list[dict[str, Any]] = field(default_factory=list)
    organisations: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    counts: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    charges: list[dict[str, Any]] = field(default_factory=list)


def _iso(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


class _Checker:
    """Checks one gold file, collecting every problem."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.problems: list[GoldError] = []

    def fail(self, entry: str, message: str) -> None:
        self.problems.append(GoldError(self.path, entry, message))

    def entries(self, raw: _Map, section: str) -> list[tuple[str, _Map]]:
        items = raw.get(section)
        if not isinstance(items, list):
            self.fail(section, f"expected a list (may be empty), found {type(items).__name__}")
            return []
        required, optional = FIELDS[section]
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.fail(f"{section}[{i}]", f"expected a mapping, found {item!r}")
                continue
            label = item.get(LABELS[section], "")
            where = f"{section}[{i}] ({label!r}), line {getattr(item, 'line', '?')}"
            missing = [k for k in required if k not in item]
            unknown = sorted(set(item) - set(required) - set(optional), key=str)
            if missing:
                self.fail(where, f"missing key(s) {', '.join(missing)}")
            if unknown:
                self.fail(where, f"unknown key(s) {', '.join(map(str, unknown))}")
            if not missing and not unknown:
                out.append((where, item))
        return out

    def string(self, where: str, item: _Map, key: str, *, null: bool = False) -> str | None:
        value = item.get(key)
        if value is None and null:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"{key!r}: expected {'text or null' if null else 'text'}, "
                      f"found {value!r}")  # fmt: skip
            return None
        return value

    def written(self, where: str, item: _Map, key: str, *, loose: bool = False) -> str | None:
        value = self.string(where, item, key)
        if value is not None and not occurs(value, self.text, loose=loose):
            self.fail(where, f"{key!r}: {value!r} does not occur in the article")
            return None
        return value

    def choice(self, where: str, item: _Map, key: str, allowed: Sequence[str]) -> str | None:
        value = item.get(key)
        if value not in allowed:
            self.fail(where, f"{key!r}: expected one of {', '.join(allowed)}; found {value!r}")
            return None
        return str(value)

    def names(self, where: str, item: _Map) -> list[str]:
        aliases = item.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.fail(where, f"'aliases': expected a list of text, found {aliases!r}")
            return []
        for alias in aliases:
            if not occurs(alias, self.text, loose=True):
                self.fail(where, f"alias {alias!r} does not occur in the article")
        return list(aliases)


def _check_people(c: _Checker, raw: _Map) -> list[dict[str, Any]]:
    out = []
    for where, item in c.entries(raw, "people"):
        name = c.written(where, item, "name", loose=True)
        aliases = c.names(where, item)
        role = c.choice(where, item, "role", ROLES)
        country = c.string(where, item, "country", null=True)
        title = c.string(where, item, "title", null=True)
        if name and role:
            out.append({"name": name, "aliases": aliases, "role": role, "country": country,
                        "title": title, "forms": person_forms(name, aliases)})  # fmt: skip
    return out


def _check_organisations(c: _Checker, raw: _Map) -> list[dict[str, Any]]:
    out = []
    for where, item in c.entries(raw, "organisations"):
        name = c.written(where, item, "name", loose=True)
        aliases = c.names(where, item)
        if name:
            forms = {fold(f) for f in (name, *aliases)}
            out.append({"name": name, "aliases": aliases, "forms": forms})
    return out


def _check_quotes(c: _Checker, raw: _Map, actors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for where, item in c.entries(raw, "quotes"):
        speaker = c.string(where, item, "speaker")
        first = c.written(where, item, "first_words")
        n_parts = item.get("n_parts")
        if not isinstance(n_parts, int) or isinstance(n_parts, bool) or n_parts < 1:
            c.fail(where, f"'n_parts': expected a whole number >= 1, found {n_parts!r}")
            continue
        if first is not None and not 1 <= len(first.split()) <= 6:
            c.fail(where, f"'first_words': expected one to six words, found {first!r}")
            continue
        if speaker is None or first is None:
            continue
        actor = next((a for a in actors if fold(a["name"]) == fold(speaker)), None)
        if actor is None and not occurs(speaker, c.text, loose=True):
            c.fail(where, f"'speaker': {speaker!r} is neither a person or organisation of this "
                   "file nor a role noun that occurs in the article")  # fmt: skip
            continue
        forms = actor["forms"] if actor else {fold(speaker)}
        out.append({"speaker": speaker, "forms": forms, "first_words": words(first)[:6],
                    "n_parts": n_parts})  # fmt: skip
    return out


def _check_counts(c: _Checker, raw: _Map) -> list[dict[str, Any]]:
    out = []
    for where, item in c.entries(raw, "counts"):
        value = item.get("value")
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            c.fail(where, f"'value': expected a whole number, found {value!r}")
            continue
        unit = c.choice(where, item, "unit", UNITS)
        what = c.string(where, item, "what")
        written = c.written(where, item, "as_written")
        if unit and what and written:
            out.append({"value": value, "unit": unit, "what": what, "as_written": written})
    return out


def _check_dates(c: _Checker, raw: _Map) -> list[dict[str, Any]]:
    out = []
    for where, item in c.entries(raw, "dates"):
        written = c.written(where, item, "as_written")
        precision = c.choice(where, item, "precision", PRECISIONS)
        value = str(item.get("value"))
        if not _DATE_FORM.fullmatch(value) or _iso((value + "-01-01")[:10]) is None:
            c.fail(where, f"'value': expected YYYY, YYYY-MM or YYYY-MM-DD, found {value!r}")
            continue
        form = {4: "year", 7: "month", 10: "day"}[len(value)]
        if precision and precision != form:
            c.fail(where, f"'precision': is {precision!r}, but the value {value!r} is a {form}")
            continue
        if written and precision:
            out.append({"as_written": written, "value": value, "precision": precision})
    return out


def _check_charges(c: _Checker, raw: _Map, people: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for where, item in c.entries(raw, "charges"):
        charge = c.choice(where, item, "charge", CHARGES)
        written = c.written(where, item, "as_written")
        accused = c.string(where, item, "accused", null=True)
        if accused is not None and not any(fold(p["name"]) == fold(accused) for p in people):
            c.fail(where, f"'accused': {accused!r} is not a person of this file")
            continue
        if charge and written:
            out.append({"charge": charge, "as_written": written, "accused": accused})
    return out


def _article_files(path: Path, raw: _Map) -> tuple[Path, Path]:
    source = raw.get("source")
    if source is not None:
        if not isinstance(source, str):
            raise GoldError(path, "source", f"expected a path, found {source!r}")
        base = ROOT / source
        return base.with_name(base.name + ".txt"), base.with_name(base.name + ".yaml")
    stem = path.name.removesuffix(".gold.yaml")
    return path.with_name(f"{stem}.txt"), path.with_name(f"{stem}.yaml")


def _check_top(path: Path, raw: Any) -> tuple[str, Path, Path]:
    if not isinstance(raw, dict):
        raise GoldError(path, "file", "expected a mapping at the top")
    missing = [k for k in TOP_REQUIRED if k not in raw]
    unknown = sorted(set(raw) - set(TOP_REQUIRED) - set(TOP_OPTIONAL), key=str)
    if missing or unknown:
        parts = [f"missing key(s) {', '.join(missing)}"] if missing else []
        parts += [f"unknown key(s) {', '.join(map(str, unknown))}"] if unknown else []
        raise GoldError(path, "top level", "; ".join(parts))
    article = raw["article"]
    if not isinstance(article, str) or path.name != f"{article}.gold.yaml":
        raise GoldError(path, "article", f"{article!r} is not the file's name without .gold.yaml")
    text_path, meta_path = _article_files(path, raw)
    for p in (text_path, meta_path):
        if not p.is_file():
            raise GoldError(path, "article", f"{_shown(p)} is missing")
    return article, text_path, meta_path


def load_gold(path: Path, set_name: str) -> Article:
    """One gold file, checked; :class:`GoldError` (the first problem; every problem in
    ``.problems``) when it is malformed."""
    raw = read_yaml(path)
    article, text_path, meta_path = _check_top(path, raw)
    text = text_path.read_text(encoding="utf-8")
    meta = read_yaml(meta_path)
    if not isinstance(meta, dict) or meta.get("id") != article:
        raise GoldError(meta_path, "id", f"expected {article!r}, found {meta!r:.80}")
    published = _iso(meta.get("published"))
    if published is None:
        raise GoldError(meta_path, "published", f"expected YYYY-MM-DD, found "
                        f"{meta.get('published')!r}")  # fmt: skip
    reference = published
    if "reference_date" in raw:
        reference = _iso(raw["reference_date"])  # type: ignore[assignment]
        if reference is None:
            raise GoldError(path, "reference_date", f"expected YYYY-MM-DD, found "
                            f"{raw['reference_date']!r}")  # fmt: skip
    c = _Checker(path, text)
    people = _check_people(c, raw)
    organisations = _check_organisations(c, raw)
    found = Article(
        id=article, set=set_name, gold_path=path, text=text, published=published,
        reference=reference, people=people, organisations=organisations,
        quotes=_check_quotes(c, raw, people + organisations), counts=_check_counts(c, raw),
        dates=_check_dates(c, raw), charges=_check_charges(c, raw, people),
    )  # fmt: skip
    if c.problems:
        first = c.problems[0]
        first.problems = c.problems
        raise first
    return found


def gold_files(set_name: str, root: Path | None = None) -> list[Path]:
    """The gold files of one set (under ``root``, default :data:`ARTICLES`), sorted by name."""
    return sorted(((root or ARTICLES) / set_name).glob("*.gold.yaml"))


def load_set(set_name: str, root: Path | None = None) -> tuple[list[Article], list[GoldError]]:
    """Every article of one set, and every problem of its malformed gold files."""
    articles, problems = [], []
    for path in gold_files(set_name, root):
        try:
            articles.append(load_gold(path, set_name))
        except GoldError as exc:
            problems.extend(exc.problems)
    return articles, problems


# --- Drafts ------------------------------------------------------------------------------

_UNITS = {"%": "percent", "per cent": "percent", "person": "people", "persons": "people",
          "day": "days", "week": "weeks", "month": "months", "year": "years",
          "transfer": "transfers"}  # fmt: skip


def _ledger_date(value: dt.date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return {"year": f"{value.year:04d}", "month": f"{value.year:04d}-{value.month:02d}",
            "day": value.isoformat()}.get(precision or "")  # fmt: skip


#: A ledger that holds nothing: each article is drafted as the first source of new seeds.
_NOTHING_KNOWN = Ledger(
    **{name: pl.DataFrame(schema=frame) for name, frame in schema.FRAMES.items()},
    seeds_dir=Path(),
    input_files={},
)


def draft_suspects(found: analysis.Extraction) -> set[str]:
    """The names (folded) of the people the draft ledger of the article makes suspects of a
    transfer: those a transfer names, and those a charge attached to it names."""
    sections = Draft(found.text, found, _NOTHING_KNOWN).build()
    names = {a["id"]: a["name"] for a in sections.get("actors", [])}
    return {
        fold(names[role["actor"]])
        for event in sections.get("events", [])
        for role in event.get("actors", [])
        if role["role"] == "suspect" and role["actor"] in names
    }


def draft_of(found: analysis.Extraction) -> dict[str, list[dict[str, Any]]]:
    """The extractor's records per kind, in the shape the gold records have."""
    suspects = draft_suspects(found)
    speakers = {fold(s) for s in found.quotes["speaker"] if s}
    people, organisations = [], []
    for row in found.actors.iter_rows(named=True):
        forms = {fold(f) for f in (row["name"], *(row["aliases"] or []))}
        if row["kind"] == "person":
            roles = {"suspect"} if forms & suspects else set()
            roles |= {"speaker"} if forms & speakers else set()
            people.append({"name": row["name"], "forms": forms, "title": row["title"],
                           "roles": roles})  # fmt: skip
        elif row["kind"] == "organisation":
            organisations.append({"name": row["name"], "forms": forms})
    quotes = [
        {"speaker": r["speaker"], "first_words": words((r["parts"] or [""])[0])[:6],
         "n_parts": r["n_parts"]}
        for r in found.quotes.iter_rows(named=True)
    ]  # fmt: skip
    counts = [
        {"value": r["value"], "unit": _UNITS.get(fold(r["unit"]), fold(r["unit"])),
         "span": (r["char_start"], r["char_end"])}
        for r in found.counts.iter_rows(named=True)
    ]  # fmt: skip
    dates = [
        {"value": _ledger_date(r["date"], r["precision"]), "precision": r["precision"],
         "as_written": r["as_written"], "span": (r["char_start"], r["char_end"])}
        for r in found.dates.iter_rows(named=True)
        if _ledger_date(r["date"], r["precision"]) is not None
    ]  # fmt: skip
    charges: list[dict[str, Any]] = []
    for r in found.charges.iter_rows(named=True):
        if not any(c["charge"] == r["charge"] and fold(c["accused"]) == fold(r["accused"])
                   for c in charges):  # fmt: skip
            charges.append({"charge": r["charge"], "accused": r["accused"],
                            "span": (r["char_start"], r["char_end"])})  # fmt: skip
    return {"people": people, "organisations": organisations, "quotes": quotes,
            "counts": counts, "dates": dates, "charges": charges}  # fmt: skip


# --- Scoring -----------------------------------------------------------------------------


def spans(words_: str, text: str) -> list[tuple[int, int]]:
    """Every place ``words_`` occurs in ``text``."""
    return [(m.start(), m.end()) for m in re.finditer(re.escape(words_), text)]


def _overlap(a: tuple[int, int], spans_: list[tuple[int, int]]) -> bool:
    return any(a[0] < end and start < a[1] for start, end in spans_)


def _speaker_is(gold: dict[str, Any], draft: dict[str, Any]) -> bool:
    name = fold(re.sub(r"^(?:an?|the)\s+", "", draft["speaker"] or "", flags=re.IGNORECASE))
    return bool(name) and name in gold["forms"]


#: Per kind: the strict match (precision and recall), the looser pairing for edits (None:
#: only the strict one), and the fields compared in a pair (each difference one edit).
def _strict(kind: str, g: dict[str, Any], d: dict[str, Any]) -> bool:
    if kind in ("people", "organisations"):
        return bool(g["forms"] & d["forms"])
    if kind == "quotes":
        return _speaker_is(g, d) and g["first_words"] == d["first_words"]
    if kind == "counts":
        return (g["value"], g["unit"]) == (d["value"], d["unit"])
    if kind == "dates":
        return (g["value"], g["precision"]) == (d["value"], d["precision"])
    return bool(g["charge"] == d["charge"])


def _loose(kind: str, g: dict[str, Any], d: dict[str, Any]) -> bool:
    if kind == "quotes":
        return bool(g["first_words"] == d["first_words"])
    if kind in ("counts", "dates", "charges"):
        return _overlap(d["span"], g["spans"])
    return False


def _field_edits(kind: str, g: dict[str, Any], d: dict[str, Any]) -> int:
    if kind == "people":
        role = g["role"] in EVENT_ROLES and g["role"] not in d["roles"]
        return (fold(g["name"]) != fold(d["name"])) + (fold(g["title"]) != fold(d["title"])) + role
    if kind == "organisations":
        missing = any(fold(a) not in d["forms"] for a in g["aliases"])
        return (fold(g["name"]) != fold(d["name"])) + missing
    if kind == "quotes":
        return (not _speaker_is(g, d)) + (g["n_parts"] != d["n_parts"])
    if kind == "counts":
        return (g["value"] != d["value"]) + (g["unit"] != d["unit"])
    if kind == "dates":
        return int((g["value"], g["precision"]) != (d["value"], d["precision"]))
    accused = fold(g["accused"]) != fold(d["accused"]) and not (
        g["accused"] and d["accused"] and fold(d["accused"]) in g["accused_forms"]
    )
    return (g["charge"] != d["charge"]) + accused


def pair(gold: Sequence[Any], draft: Sequence[Any], same: Callable[[Any, Any], bool],
         taken_g: set[int], taken_d: set[int]) -> list[tuple[int, int]]:  # fmt: skip
    """Pairs (gold index, draft index) one to one, greedily in the draft's order, among the
    indices not yet taken (which it takes)."""
    out = []
    for j, d in enumerate(draft):
        if j in taken_d:
            continue
        for i, g in enumerate(gold):
            if i not in taken_g and same(g, d):
                taken_g.add(i)
                taken_d.add(j)
                out.append((i, j))
                break
    return out


@dataclass
class Tally:
    """One kind's figures, summed over articles."""

    gold: int = 0
    found: int = 0
    matched: int = 0
    fields: int = 0
    deleted: int = 0
    added: int = 0
    wrong_year: int = 0
    paired: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("gold", "found", "matched", "fields", "deleted", "added", "wrong_year",
                     "paired"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses


def _describe(kind: str, rec: dict[str, Any]) -> str:
    keys = {
        "people": ("name", "title", "role", "roles"),
        "organisations": ("name", "aliases"),
        "quotes": ("speaker", "first_words", "n_parts"),
        "counts": ("value", "unit"),
        "dates": ("value", "precision", "as_written"),
        "charges": ("charge", "accused"),
    }
    return ", ".join(f"{k}={rec[k]!r}" for k in keys[kind] if k in rec)  # fmt: skip


def score_kind(kind: str, gold: list[dict[str, Any]], draft: list[dict[str, Any]]) -> Tally:
    """Matches, edits and wrong years of one kind in one article."""
    taken_g: set[int] = set()
    taken_d: set[int] = set()
    strict = pair(gold, draft, lambda g, d: _strict(kind, g, d), taken_g, taken_d)
    loose = pair(gold, draft, lambda g, d: _loose(kind, g, d), taken_g, taken_d)
    t = Tally(gold=len(gold), found=len(draft), matched=len(strict))
    t.fields = sum(_field_edits(kind, gold[i], draft[j]) for i, j in strict + loose)
    t.deleted = len(draft) - len(taken_d)
    t.added = len(gold) - len(taken_g)
    if kind == "dates":
        t.paired = len(strict) + len(loose)
        t.wrong_year = sum(gold[i]["value"][:4] != draft[j]["value"][:4] for i, j in loose)
    t.misses = [
        f"  {how:<8}{kind}: {_describe(kind, gold[i])}  <-  draft {_describe(kind, draft[j])}"
        for how, pairs in (("edit", strict), ("wrong", loose))
        for i, j in pairs
        if how == "wrong" or _field_edits(kind, gold[i], draft[j])
    ]
    t.misses += [f"  missed  {kind}: {_describe(kind, g)}" for i, g in enumerate(gold)
                 if i not in taken_g]  # fmt: skip
    t.misses += [f"  extra   {kind}: {_describe(kind, d)}" for j, d in enumerate(draft)
                 if j not in taken_d]  # fmt: skip
    return t


def score_article(article: Article) -> dict[str, Tally]:
    """Every kind of one article, against the extractor's draft of it."""
    draft = draft_of(analysis.extract(article.text, published=article.published))
    people_forms = {fold(p["name"]): p["forms"] for p in article.people}
    gold: dict[str, list[dict[str, Any]]] = {
        "people": article.people,
        "organisations": article.organisations,
        "quotes": article.quotes,
        "counts": [{**c, "spans": spans(c["as_written"], article.text)} for c in article.counts],
        "dates": [{**d, "spans": spans(d["as_written"], article.text)} for d in article.dates],
        "charges": [
            {**c, "spans": spans(c["as_written"], article.text),
             "accused_forms": people_forms.get(fold(c["accused"]), set())}
            for c in article.charges
        ],
    }  # fmt: skip
    return {kind: score_kind(kind, gold[kind], draft[kind]) for kind in KINDS}


def score_set(articles: list[Article]) -> tuple[dict[str, Tally], dict[str, dict[str, Tally]]]:
    """The set's figures per kind, and each article's."""
    total = {kind: Tally() for kind in KINDS}
    per_article = {}
    for article in articles:
        tallies = score_article(article)
        per_article[article.id] = tallies
        for kind in KINDS:
            total[kind].add(tallies[kind])
    return total, per_article


def _ratio(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


def set_tables(total: dict[str, Tally], *, targets: bool) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The precision/recall table and the edits table of one set."""
    rows = []
    for kind in KINDS:
        t = total[kind]
        row: dict[str, Any] = {"kind": kind, "gold": t.gold, "found": t.found,
                               "matched": t.matched, "precision": _ratio(t.matched, t.found),
                               "recall": _ratio(t.matched, t.gold)}  # fmt: skip
        if targets:
            met = row["precision"] >= TARGET and row["recall"] >= TARGET
            row["target 0.85"] = ("met" if met else "MISSED") if kind in TARGET_KINDS else "-"
        rows.append(row)
    edits = [
        {"kind": kind, "fields changed": total[kind].fields,
         "records deleted": total[kind].deleted, "records added": total[kind].added,
         "edits": total[kind].fields + total[kind].deleted + total[kind].added}
        for kind in KINDS
    ]  # fmt: skip
    frame = pl.DataFrame(edits)
    frame = pl.concat([frame, frame.drop("kind").sum().with_columns(kind=pl.lit("all"))
                       .select(frame.columns)])  # fmt: skip
    return pl.DataFrame(rows), frame


SET_TITLES = {
    "seed": "the seed's gold file (benchmarks/articles/seed/; the rules were written on it)",
    "dev": "the development set (benchmarks/articles/dev/)",
    "retired": "the retired test articles (benchmarks/articles/retired/: earlier test batches, "
    "each scored, then read and used for development: an upper bound)",
    "test": "the TEST set (benchmarks/articles/test/: scored only at the end; never read "
    "while changing rules)",
}


def print_set(name: str, articles: list[Article], *, details: bool) -> None:
    """Score one set and print its tables."""
    total, per_article = score_set(articles)
    scores, edits = set_tables(total, targets=name == "test")
    print(f"\n== {SET_TITLES[name]}: {len(articles)} article(s)")
    if name == "test":
        print(f"(targets: precision and recall >= {TARGET} for {', '.join(TARGET_KINDS)}; "
              "a missed target does not change the exit status)")  # fmt: skip
    print(scores)
    dates = total["dates"]
    print(f"dates in the wrong year: {dates.wrong_year} (of {dates.paired} drafted dates paired "
          f"with a gold date; {dates.found} drafted with a resolved date)")  # fmt: skip
    print("edits to turn the drafts into the gold:")
    print(edits)
    if details and name == "test":
        print("(--details is not shown for the test set)")
    elif details:
        for article_id, tallies in per_article.items():
            print(f"-- {article_id}")
            for kind in KINDS:
                for line in tallies[kind].misses:
                    print(line)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables and the timings; the exit status is in the module's docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--set", choices=(*SETS, "all"), default="all",
                        help="which articles to score (default: all)")  # fmt: skip
    parser.add_argument("--details", action="store_true",
                        help="list, per article of the seed and dev sets, each gold record "
                        "matched with edits (edit), paired but not matched (wrong), not "
                        "found (missed), and each drafted record no gold pairs with (extra)")  # fmt: skip
    parser.add_argument("--no-timings", action="store_true", help="skip the timings")
    parser.add_argument("--articles", metavar="GLOB", default="*",
                        help="score only the articles whose id matches GLOB, or one of "
                        "several separated by commas (for instance 't0[7-9]*,t1[0-2]*' for "
                        "the second batch of the test set)")  # fmt: skip
    args = parser.parse_args(argv)
    chosen = SETS if args.set == "all" else (args.set,)

    loaded, problems = {}, []
    for name in chosen:
        loaded[name], found = load_set(name)
        globs = args.articles.split(",")
        loaded[name] = [a for a in loaded[name] if any(fnmatch.fnmatch(a.id, g) for g in globs)]
        problems += found
    if problems:
        for problem in problems:
            print(f"extraction.py: malformed gold file: {problem}", file=sys.stderr)
        return 2

    status = 0
    with pl.Config(tbl_rows=-1, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True,
                   tbl_width_chars=120):  # fmt: skip
        if "seed" in chosen:
            table = score(analysis.load())
            print(f"Extractor vs the curated ledger of {SOURCE_ID}")
            print(f"(target: recall >= {TARGET_RECALL}, precision >= {TARGET_PRECISION})")
            print(table)
            status = 0 if (table["target met"] != "NO").all() else 1
        for name in chosen:
            print_set(name, loaded[name], details=args.details)
    if not args.no_timings and "seed" in chosen:
        print()
        previous = None
        for size, seconds in timings():
            ratio = f" ({seconds / previous:.1f}x the previous size)" if previous else ""
            print(f"extraction of {size // 1000:,} KB: {seconds:.2f} s{ratio}")
            previous = seconds
    return status


if __name__ == "__main__":
    sys.exit(main())

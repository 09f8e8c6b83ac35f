"""The review page of a draft: one offline HTML file to review it by.

It shows the source text with the evidence of every record of the draft highlighted by kind
(people, organisations, countries, events, quotes, charges, counts and dates), each highlight
linked to its record; then each record with its fields, its status, what it links to (the fact
a ``supports:`` entry cites, with the dispute it records; the records it refers to and those
that refer to it) and its notes; and the commands that accept or reject it.

The page is its own small template: one file, its style inline, no script, no image, font or
link to anything outside it (a Content-Security-Policy forbids loading any), every text
escaped (a source containing ``<script>`` shows it as text). Its links are fragments of the
page itself.
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from analysis.ingest.review import dependents

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from analysis.ingest.review import DraftFile, Entry
    from analysis.ledger import Ledger

__all__ = ["KINDS", "render"]

#: The kinds of highlight, with their legend.
KINDS: Final[dict[str, str]] = {
    "person": "person",
    "organisation": "organisation",
    "country": "country",
    "event": "event",
    "quote": "quote",
    "charge": "charge",
    "count": "count",
    "date": "date",
}
#: Kinds drawn as a background (the span of a fact), the others as an underline (a name, a
#: number): a segment shows the innermost of each.
_BACKGROUND: Final = ("event", "quote", "charge")

_CSS: Final = """
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem;
  color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1rem; }
code { font-size: .9em; background: #f3f3f3; padding: 0 .2em; }
.source { white-space: pre-wrap; border: 1px solid #ccc; padding: 1rem; background: #fcfcfc; }
.source a { color: inherit; text-decoration: none; }
.hl-event { background: #fff0b3; } .hl-quote { background: #d7ebff; }
.hl-charge { background: #ffd9d9; }
.hl-person { border-bottom: 3px solid #1f5fbf; } .hl-organisation { border-bottom: 3px solid #1e7b45; }
.hl-country { border-bottom: 3px dotted #6b3fb5; }
.hl-count, .hl-date { outline: 2px solid #b35900; outline-offset: 1px; }
.legend span { display: inline-block; margin-right: 1rem; padding: 0 .3em; }
.card { border: 1px solid #ccc; border-left: 6px solid #999; padding: .5rem 1rem; margin: 1rem 0; }
.card.candidate { border-left-color: #d98c00; } .card.reviewed { border-left-color: #2e8540; }
.badge { font-size: .8rem; padding: 0 .4em; border-radius: .3em; background: #eee; }
.badge.candidate { background: #ffe2a8; } .badge.reviewed { background: #cdebd3; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: .5rem 0; }
dt { font-weight: 600; } dd { margin: 0; }
.notes li { background: #fff8e1; } .disputed { color: #8a4b00; font-weight: 600; }
.muted { color: #555; }
"""


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    entry: int  # index of the entry in the draft


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
_UNITS += "fifteen sixteen seventeen eighteen nineteen"
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _number_words(n: int) -> list[str]:
    """How a count may be written: digits (``1,000`` too) and, below 100, English words."""
    forms = [f"{n:,}", str(n)]
    units = _UNITS.split()
    if 0 <= n < 20:
        forms.append(units[n])
    elif 20 <= n < 100:
        tens = _TENS[n // 10 - 2]
        forms.append(tens if n % 10 == 0 else f"{tens}-{units[n % 10]}")
    return list(dict.fromkeys(forms))


def _find(text: str, words: str, lo: int, hi: int) -> tuple[int, int] | None:
    m = re.search(rf"(?<![\w-]){re.escape(words)}(?![\w-])", text[lo:hi], re.IGNORECASE)
    return (lo + m.start(), lo + m.end()) if m else None


class _Facts:
    """The ledger's facts by id, to say what a record links to."""

    def __init__(self, ledger: Ledger) -> None:
        self.rows: dict[str, tuple[str, dict[str, Any]]] = {}
        for kind, frame, key in (
            ("actor", ledger.actors, "actor_id"),
            ("event", ledger.events, "event_id"),
            ("quote", ledger.quotes, "quote_id"),
            ("allegation", ledger.allegations, "allegation_id"),
            ("claim", ledger.claims, "claim_id"),
        ):
            for row in frame.iter_rows(named=True):
                self.rows[row[key]] = (kind, row)

    def kind(self, fact: str) -> str | None:
        found = self.rows.get(fact)
        return found[0] if found else None

    def describe(self, fact: str, here: str) -> str:
        """One line of HTML: the fact, what it is, and where (this draft, or which file)."""
        found = self.rows.get(fact)
        if found is None:
            return f"<code>{_e(fact)}</code> <span class='muted'>(not in the ledger)</span>"
        kind, row = found
        if kind == "actor":
            what = f"{row['kind']} {row['name']}" + (f", {row['title']}" if row["title"] else "")
            if row["aliases"]:
                what += f" (also: {'; '.join(row['aliases'])})"
        elif kind == "event":
            date = _date(row["date"], row["date_precision"])
            people = f", {row['people']} people" if row["people"] is not None else ""
            what = f"{row['kind']}: {row['title']} ({date}{people})"
        elif kind == "quote":
            what = f"quote of {row['speaker_id']}: “{_short(row['text'])}”"
        elif kind == "allegation":
            what = f"allegation: {row['charge']} in {row['event_id']}"
        else:
            what = f"claim: {row['about']} = {row['value']}"
        where = "this draft" if row["ledger_file"] == here else row["ledger_file"]
        status = row["status"]
        return (
            f"<code>{_e(fact)}</code> — {_e(what)} "
            f"<span class='badge {_e(status)}'>{_e(status)}</span> "
            f"<span class='muted'>({_e(where)})</span>"
        )


def _date(day: dt.date | None, precision: str) -> str:
    if day is None:
        return "undated"
    return {"year": f"{day:%Y}", "month": f"{day:%Y-%m}"}.get(precision, day.isoformat())


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _entry_kind(entry: Entry, facts: _Facts) -> str:
    section = entry.section
    if section == "actors":
        return str(entry.data.get("kind") or "person")
    if section == "supports":
        fact = str(entry.data.get("fact"))
        kind = facts.kind(fact)
        if kind == "actor":
            return str(facts.rows[fact][1]["kind"])
        return {"event": "event", "quote": "quote", "allegation": "charge"}.get(kind or "", "count")
    return {"events": "event", "quotes": "quote", "allegations": "charge"}.get(section, "count")


def _spans(draft: DraftFile, ledger: Ledger, text: str, here: str, facts: _Facts) -> list[_Span]:
    """The highlights: each evidence of the draft's records, by kind, and the counts and dates
    their events and quotes give, found inside that evidence."""
    index: dict[str, int] = {}
    for i, entry in enumerate(draft.entries):
        fact = entry.data.get("fact") if entry.section == "supports" else entry.data.get("id")
        index.setdefault(str(fact), i)
    roles = {r["role_id"]: r for r in ledger.event_actors.iter_rows(named=True)}
    evidence = ledger.evidence.filter(ledger_file=here, source_id=draft.source)
    spans: list[_Span] = []
    own: dict[int, list[tuple[int, int]]] = {}
    for row in evidence.iter_rows(named=True):
        fact = row["fact_id"]
        role = roles.get(fact) if row["fact_type"] == "role" else None
        at = index.get(role["event_id"] if role else fact)
        if at is None:
            continue
        if role is not None:
            actor = facts.rows.get(role["actor_id"])
            kind = str(actor[1]["kind"]) if actor else "person"
        else:
            kind = _entry_kind(draft.entries[at], facts)
            own.setdefault(at, []).append((row["char_start"], row["char_end"]))
        spans.append(_Span(row["char_start"], row["char_end"], kind, at))
    for at, places in own.items():
        data = draft.entries[at].data
        people = data.get("people")
        if people is None and draft.entries[at].section == "supports":
            target = facts.rows.get(str(data.get("fact")))
            people = target[1].get("people") if target and target[0] == "event" else None
        for lo, hi in places:
            if isinstance(data.get("when"), str):
                found = _find(text, data["when"], lo, hi)
                if found:
                    spans.append(_Span(*found, "date", at))
            if isinstance(people, int):
                for words in _number_words(people):
                    found = _find(text, words, lo, hi)
                    if found:
                        spans.append(_Span(*found, "count", at))
                        break
    return spans


def _highlighted(text: str, spans: list[_Span], draft: DraftFile) -> str:
    """``text`` as HTML, each stretch covered by highlights drawn in the innermost of each
    layer and linked to the innermost record's card."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for lo, hi in itertools.pairwise(cuts):
        piece = _e(text[lo:hi])
        over = [s for s in spans if s.start <= lo and hi <= s.end]
        if not over:
            out.append(piece)
            continue
        classes = []
        for layer in (
            [s for s in over if s.kind in _BACKGROUND],
            [s for s in over if s.kind not in _BACKGROUND],
        ):
            if layer:
                classes.append(f"hl-{min(layer, key=lambda s: s.end - s.start).kind}")
        inner = min(over, key=lambda s: s.end - s.start)
        title = "; ".join(dict.fromkeys(f"{s.kind}: {draft.entries[s.entry].key}" for s in over))
        out.append(
            f"<a class='{' '.join(classes)}' href='#e-{inner.entry}' title='{_e(title)}'>{piece}</a>"
        )
    return "".join(out)


_REFERENCES: Final = (
    ("organisation", "organisation"),
    ("country", "country"),
    ("origin", "origin"),
    ("destination", "destination"),
    ("related_event", "related event"),
    ("speaker", "speaker"),
    ("event", "event"),
    ("accused", "accused"),
    ("crime", "crime"),
)


def _links(
    entry: Entry, ledger: Ledger, facts: _Facts, here: str, cited: dict[str, list[Any]]
) -> list[str]:
    """What the record links to, and what links to it, each as one line of HTML."""
    data = entry.data
    lines = []
    if entry.section == "supports":
        fact = str(data.get("fact"))
        lines.append(f"cites this source for {facts.describe(fact, here)}")
        given = [f for f in ("date", "people", "duration_days") if data.get(f) is not None]
        if given:
            said = ", ".join(f"{f} {data[f]}" for f in given)
            if data.get("when"):
                said += f" (“{data['when']}”)"
            lines.append(f"this source gives {_e(said)}")
        for dispute in ledger.disputes.filter(event_id=fact).iter_rows(named=True):
            values = "; ".join(
                f"{v} ({s})" for v, s in zip(dispute["values"], dispute["source_ids"], strict=True)
            )
            lines.append(
                f"<span class='disputed'>sources differ on its {_e(dispute['field'])}</span>: "
                f"{_e(values)}; the ledger shows {_e(dispute['shown_value'])} "
                f"({_e(dispute['rule'])})"
            )
        return lines
    for key, label in _REFERENCES:
        value = data.get(key)
        if isinstance(value, str):
            lines.append(f"{_e(label)}: {facts.describe(value, here)}")
    for role in data.get("actors") or []:
        if isinstance(role, dict) and isinstance(role.get("actor"), str):
            lines.append(f"{_e(role.get('role'))}: {facts.describe(role['actor'], here)}")
    for dependent in cited.get(str(data.get("id")), []):
        where = "this draft" if dependent.file == here else dependent.file
        lines.append(
            f"referred to by <code>{_e(dependent.key)}</code> "
            f"<span class='muted'>({_e(dependent.field)}, {_e(where)})</span>"
        )
    return lines


_SHOWN_FIELDS: Final = (
    "kind", "name", "title", "aliases", "when", "date", "people", "duration_days", "mechanism",
    "description", "charge", "as_written", "about", "value", "since", "as_of", "accept",
)  # fmt: skip


def _card(
    i: int, entry: Entry, draft: DraftFile, ledger: Ledger, facts: _Facts, here: str,
    cited: dict[str, list[Any]], kind: str,
) -> str:  # fmt: skip
    status = draft.status_of(entry)
    data = entry.data
    rows = [
        f"<dt>{_e(f)}</dt><dd>{_e('; '.join(map(str, v)) if isinstance(v, list) else v)}</dd>"
        for f in _SHOWN_FIELDS
        if (v := data.get(f)) is not None and v != []
    ]
    if entry.section == "quotes" and isinstance(data.get("text"), list):
        parts = " […] ".join(map(str, data["text"]))
        rows.append(f"<dt>text</dt><dd>“{_e(parts)}”</dd>")
    evidence = data.get("evidence") or []
    quoted = "".join(
        f"<li>“{_e(w if isinstance(w, str) else (w or {}).get('text'))}”</li>" for w in evidence
    )
    links = "".join(f"<li>{line}</li>" for line in _links(entry, ledger, facts, here, cited))
    notes = "".join(f"<li>{_e(n)}</li>" for n in entry.notes)
    action = "accepted" if status == "reviewed" else "a candidate"
    return (
        f"<section class='card {_e(status)}' id='e-{i}'>"
        f"<h3><code>{_e(entry.key)}</code> <span class='badge {_e(status)}'>{_e(status)}</span> "
        f"<span class='muted'>{_e(kind)}, line {entry.first + 1}</span></h3>"
        + (f"<dl>{''.join(rows)}</dl>" if rows else "")
        + (f"<p>Links:</p><ul>{links}</ul>" if links else "")
        + (f"<p>Notes:</p><ul class='notes'>{notes}</ul>" if notes else "")
        + (f"<p>Evidence:</p><ul>{quoted}</ul>" if quoted else "")
        + f"<p class='muted'>It is {action}. "
        f"<code>--accept {_e(entry.key)}</code> or <code>--reject {_e(entry.key)}</code></p>"
        "</section>"
    )


def render(draft: DraftFile, ledger: Ledger, root: Path, here: str) -> str:
    """The page of ``draft`` (the ledger file ``here``, inside ``root``), as HTML text."""
    source = draft.source
    text_path = root / "sources" / f"{source}.txt"
    text = text_path.read_text(encoding="utf-8") if text_path.is_file() else ""
    facts = _Facts(ledger)
    cited = dependents(ledger)
    spans = _spans(draft, ledger, text, here, facts) if text else []
    meta = ledger.sources.filter(source_id=source).to_dicts()
    info = meta[0] if meta else {}
    described = "".join(
        f"<dt>{_e(label)}</dt><dd>{_e(info.get(key))}</dd>"
        for key, label in (
            ("published", "published"),
            ("outlet", "outlet"),
            ("title", "title"),
            ("url", "address"),  # as text: the page links to nothing outside it
        )
        if info.get(key) is not None
    )
    n_candidates = sum(draft.status_of(e) == "candidate" for e in draft.entries)
    header_notes = "".join(f"<li>{_e(n)}</li>" for n in draft.header_notes)
    legend = "".join(f"<span class='hl-{k}'>{_e(v)}</span>" for k, v in KINDS.items())
    cards = []
    for section in ("actors", "events", "quotes", "allegations", "claims", "supports"):
        items = [(i, e) for i, e in enumerate(draft.entries) if e.section == section]
        if not items:
            continue
        cards.append(f"<h2>{_e(section)} ({len(items)})</h2>")
        cards += [
            _card(i, e, draft, ledger, facts, here, cited, _entry_kind(e, facts)) for i, e in items
        ]
    status = (
        f"{n_candidates} of {len(draft.entries)} records are candidates"
        if n_candidates
        else f"all {len(draft.entries)} records are accepted"
    )
    command = f"analysis review {source}"
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<meta http-equiv='Content-Security-Policy' "
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>Review of {_e(here)}</title><style>{_CSS}</style></head><body>"
        f"<h1>Review of <code>{_e(here)}</code></h1>"
        f"<p>Source <code>{_e(source)}</code>; {_e(status)}.</p>"
        + (f"<dl>{described}</dl>" if described else "")
        + (
            f"<h2>Notes for the reviewer</h2><ul class='notes'>{header_notes}</ul>"
            if header_notes
            else ""
        )
        + f"<h2>The source</h2><p class='legend'>{legend}</p>"
        f"<div class='source'>{_highlighted(text, spans, draft)}</div>"
        + "".join(cards)
        + "<h2>Accepting and rejecting</h2>"
        f"<p><code>{_e(command)} --accept ID … --reject ID …</code> accepts or deletes records "
        f"in place; <code>{_e(command)} --accept-all</code> accepts everything left. A record "
        "others depend on is rejected only with them. Then <code>analysis check</code> and "
        "<code>analysis render</code>.</p>"
        "</body></html>\n"
    )

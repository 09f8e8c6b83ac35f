"""Transfers and extraditions, and the totals a text states.

A **transfer** is a clause outside quotation marks in which a transfer verb ("sent",
"extradited", "handed over", "flown", "the sending of") governs a count of people: the count
follows the verb ("Mexico sent 23 alleged cartel figures", "the transfer of 26") or is its
subject in the passive ("30 defendants who were expelled", "26 were flown out"). A clause that
says the transfer did not (yet) happen is no transfer: suspended, planned, requested, in the
future or conditional ("suspended the transfer of two of them", "will be extradited", "asked
for 40 names"). Its date is the date written nearest the verb in the same sentence, not the
dateline's when the sentence gives another.

A **stated total** is a count of people transferred over a period ("a total of 55 people
handed over this year", "so far 73 people have been sent", "55 people in two transfers"), a
number of transfers ("twice this year", "three transfers") or a transfer's place in the
sequence ("the third such transfer") said of a transfer the text reports: the ledger records it
as a claim, checked against what it computes, never as a transfer.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import TYPE_CHECKING, Final, TypeVar

from analysis.dates import overlaps, period
from analysis.ingest.extraction._common import COUNTRIES, SP, Spans, alternation

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from analysis.ingest.extraction._common import DateSpan, Mention
    from analysis.ledger.text import Sentence

__all__ = ["find_events"]

T = TypeVar("T")

_VICTIM: Final = re.compile(
    r"\b(?:killing|murder|death|kidnapping|abduction|assassination)s?\s+of(?:\s+[\w.\u2019'-]+){0,6}"
    r"\s*$"
)
_TRANSFER_VERBS: Final = re.compile(
    r"\b(?:extradit(?:ed|es|e|ing|ion)|transferr(?:ed|ing)|transfers?|sent|sends|sending|send|"
    r"handed|hands|handing|expelled|expels|expulsion|deported|deports|delivered|surrendered|"
    r"shipped|flown|flew|airlifted)\b",
    re.IGNORECASE,
)
#: Words that may stand between a verb and the count it governs ("handed over 29", "sent a
#: total of 55", "the sending of 18").
_BETWEEN_VERB_AND_COUNT: Final = re.compile(
    r"(?:\s+(?:over|out|back|up|off|north|the|a|an|another|of|group|groups|batch|total|at|"
    r"least|more|than|about|nearly|almost|around|roughly|some|other|additional|further|"
    r"new|its|these|those))*\s+",
    re.IGNORECASE,
)
#: Words that may stand between a count and the passive verb it is the subject of ("30
#: defendants who were expelled", "73 people have been sent", "26 followed, flown out").
_BETWEEN_COUNT_AND_VERB: Final = re.compile(
    r"(?:\s*,?\s+(?:who|that|which|were|was|have|has|had|been|being|are|is|later|then|also|"
    r"already|all|subsequently|eventually|formally|finally|followed|reportedly|each|"
    r"Mexico|Washington|the\s+United\s+States|the\s+government|authorities|officials|it|they|"
    r"Mexican\s+authorities))*\s*,?\s+",
    re.IGNORECASE,
)
#: The group a count of people belongs to, between the count and its verb: "Eleven alleged
#: members of the Cártel del Noreste (CDN) who were expelled".
_OF_GROUP: Final = re.compile(
    r"\s+of\s+(?:the\s+)?(?:(?:[A-Z][\w\u2019'.-]*|del|de|la|los|las)\s+){0,5}"
    r"(?:[A-Z][\w\u2019'.-]*|[Cc]artel)(?:\s+\([A-Z]{2,8}\))?"
)
#: People put on a plane: "put 14 alleged members of the Gulf Cartel on a U.S. government
#: plane" (the count between the verb and the plane).
_PUT: Final = re.compile(r"\b(?:put|puts|putting|placed|loaded|boarded)\b", re.IGNORECASE)
_ONTO_A_PLANE: Final = re.compile(
    r"\b(?:on|onto|aboard)\s+(?:a|an|the|two|three|several)?\s*(?:[\w.-]+\s+){0,3}?"
    r"(?:planes?|flights?|aircraft|jets?)\b",
    re.IGNORECASE,
)
#: A group told by its size that "followed" an earlier one: "a second group of 19 followed".
_GROUP_FOLLOWED: Final = re.compile(r"(?:followed|came)\b", re.IGNORECASE)
#: A count over a period told in the perfect tense: "76 people have been handed over this
#: year", "Mexico has now sent 92 ... this year".
_PERFECT: Final = re.compile(
    r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+)?(?:been\b|sent|handed|"
    r"extradited|transferred|expelled|flown|delivered|deported)",
    re.IGNORECASE,
)
_PERIOD: Final = re.compile(
    r"\b(?:this\s+year|this\s+administration|since|so\s+far|to\s+date|in\s+all)\b",
    re.IGNORECASE,
)
#: One or a few named people transferred: "he was flown to San Diego two days later",
#: "Ochoa was extradited on Friday", "the extradition to the United States of A and B".
_NAMED_PASSIVE: Final = re.compile(
    r"\b(?:was|had\s+been|has\s+been)\s+(?:also\s+|then\s+|finally\s+)?"
    r"(?P<verb>extradited|flown|sent|handed\s+over|transferred|expelled|deported|delivered|"
    r"surrendered)\b",
    re.IGNORECASE,
)
_NAMED_NOUN: Final = re.compile(
    r"\bthe\s+(?P<verb>extradition|transfer|expulsion|deportation)\s+"
    r"(?:to\s+the\s+United\s+States\s+|to\s+Mexico\s+)?of\s+",
    re.IGNORECASE,
)
#: Mexico as the subject of a transfer of people it names next: "Mexico on Sunday extradited
#: to the United States Anselmo Vidaurri Quintana, ...".
_NAMED_ACTIVE: Final = re.compile(
    r"\b(?:Mexico|Mexican\s+authorities|the\s+Mexican\s+government)\s+"
    r"(?:(?:on|last|this)\s+[A-Z]\w+\s+|\w+ly\s+)?"
    r"(?P<verb>extradited|expelled|deported|handed\s+over|transferred)\s+"
    r"(?:to\s+(?:the\s+)?(?:United\s+States|U\.S\.)\s+)?"
)
#: A clause that says the transfer did not (or not yet) happen.
_NOT_DONE: Final = re.compile(
    r"\b(?:suspend\w*|halt\w*|block\w*|stop\w*|delay\w*|postpon\w*|cancel\w*|plan\w*|"
    r"prepar\w*|request\w*|ask\w*|seek\w*|sought|want\w*|would|will|could|may|might|should|"
    r"expect\w*|due\s+to|set\s+to|to\s+be|if|pending|await\w*|not|never|refus\w*|reject\w*|"
    r"oppos\w*|consider\w*|propos\w*|possible|list|demand\w*|call\w*\s+for|approv\w*|"
    r"authori[sz]\w*|grant\w*|fought|fight\w*|challeng\w*|appeal\w*)\b",
    re.IGNORECASE,
)
#: A count over a period or over several transfers: a total, not a transfer.
_TOTAL: Final = re.compile(
    r"\b(?:total(?:s|ing|led|ling)?|in\s+all|altogether|so\s+far|to\s+date|combined|"
    r"bringing|brings|overall|cumulative|all\s+told|since|"
    r"in\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+"
    r"(?:(?:mass|separate|such|large|major)\s+)?"
    r"(?:transfers|operations|groups|rounds|flights|shipments|batches))\b",
    re.IGNORECASE,
)
#: A sentence that opens by saying it counts a total: "So far, 95 prisoners have been ...".
_LEADING_TOTAL: Final = re.compile(
    r"\s*(?:So\s+far(?:\s+this\s+year|\s+in\s+[\w\s]{1,25})?|In\s+all|Altogether|In\s+total|"
    r"To\s+date|Overall|All\s+told|"
    r"Since\s+[^,.;]{1,40}),",
    re.IGNORECASE,
)
#: Verbs of handing over: a transfer only when a country receives ("delivered to agents of
#: the U.S. Marshals Service"), not an authority at home ("handed over to the specialized
#: authority").
_HAND_OVER: Final = re.compile(r"handed|hands|handing|delivered|surrendered", re.IGNORECASE)
#: How far (characters) a clause may reach either side of a count to look for its verb.
_REACH: Final = 60


def _by_sentence(
    begins: list[int], sentences: list[Sentence], items: Iterable[T], at: Callable[[T], int]
) -> dict[int, list[T]]:
    """The items by the index of the sentence holding their start, in their order."""
    found: dict[int, list[T]] = {}
    for item in items:
        start = at(item)
        index = bisect.bisect_right(begins, start) - 1
        if index >= 0 and start < sentences[index].end:
            found.setdefault(index, []).append(item)
    return found


def _clause_start(text: str, lower: int, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last comma, semicolon, colon or dash
    before it (not before ``lower``)."""
    cut = max(text.rfind(mark, lower, at) for mark in (",", ";", ":", " - ", "\u2014"))
    return lower if cut < 0 else cut + 1


def _governing_verb(
    text: str, sentence: Sentence, count: dict[str, object], in_quotes: Spans
) -> re.Match[str] | None:
    """The transfer verb that governs ``count`` in its sentence, or None."""
    c_start, c_end = int(str(count["char_start"])), int(str(count["char_end"]))
    lo = max(sentence.start, c_start - _REACH)
    hi = min(sentence.end, c_end + _REACH)
    followed = _GROUP_FOLLOWED.match(text, c_end + 1) if text[c_end : c_end + 1] == " " else None
    if followed and re.search(
        r"\b(?:group|batch|contingent|wave)\s+of\s+$", text[max(lo, c_start - 20) : c_start]
    ):
        return followed
    boarded = _ONTO_A_PLANE.search(text, c_end, sentence.end)
    if boarded is not None:  # "Mexico put 14 alleged members ... on a U.S. government plane"
        put = _PUT.search(text, lo, c_start)
        if put is not None and _BETWEEN_VERB_AND_COUNT.fullmatch(text, put.end(), c_start):
            return put
    for verb in _TRANSFER_VERBS.finditer(text, lo, hi):
        if in_quotes.covers(verb.start()):
            continue
        if verb.end() <= c_start:
            if _BETWEEN_VERB_AND_COUNT.fullmatch(text, verb.end(), c_start):
                return verb
        elif verb.start() >= c_end and (
            _BETWEEN_COUNT_AND_VERB.fullmatch(text, c_end, verb.start())
            or ((of := _OF_GROUP.match(text, c_end)) is not None
                and _BETWEEN_COUNT_AND_VERB.fullmatch(text, of.end(), verb.start()))
        ):  # fmt: skip
            return verb
    return None


def _verbs_of(
    text: str, sentence: Sentence, people: list[dict[str, object]], in_quotes: Spans
) -> list[re.Match[str] | None]:
    """The verb governing each count of people; counts joined by "and" or a comma share the
    verb of the last ("in which 29 and 26 people were sent")."""
    verbs = [_governing_verb(text, sentence, c, in_quotes) for c in people]
    for i in range(len(people) - 2, -1, -1):
        if verbs[i] is None and verbs[i + 1] is not None:
            gap = text[int(str(people[i]["char_end"])) : int(str(people[i + 1]["char_start"]))]
            bare = re.fullmatch(r"[\d,]+|[a-z-]+", str(people[i]["evidence"]))
            if bare and re.fullmatch(r"\s*,?\s+(?:and|or)\s+|\s*,\s*", gap):
                verbs[i] = verbs[i + 1]
    return verbs


def _respectively(
    sentence: Sentence,
    people: list[dict[str, object]],
    verbs: list[re.Match[str] | None],
    dates: list[DateSpan],
) -> dict[int, DateSpan]:
    """Dates paired with counts in order when the sentence says "respectively" ("those of
    February and August, in which 29 and 26 people were sent, respectively")."""
    if not re.search(r"\brespectively\b", sentence.text, re.IGNORECASE):
        return {}
    governed = [c for c, v in zip(people, verbs, strict=True) if v is not None]
    first = min((int(str(c["char_start"])) for c in governed), default=0)
    before = [d for d in dates if d.end <= first]
    if len(governed) < 2 or len(before) < len(governed):
        return {}
    return {id(c): d for c, d in zip(governed, before[-len(governed) :], strict=True)}


def _done(text: str, sentence: Sentence, count_start: int, verb: re.Match[str]) -> bool:
    """Whether the clause reports the transfer as done (not suspended, planned, future)."""
    first = min(count_start, verb.start())
    start = _clause_start(text, max(sentence.start, first - _REACH), first)
    return _NOT_DONE.search(text, start, max(count_start, verb.start())) is None


def find_events(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    dates: list[DateSpan],
    counts: list[dict[str, object]],
    quoted: list[tuple[int, int]],
    dateline: tuple[int, int] | None = None,
) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The transfers the text reports and the totals it states (see the module's docstring)."""
    rows: list[dict[str, object]] = []
    totals: list[dict[str, object]] = []
    in_quotes = Spans(quoted)
    begins = [s.start for s in sentences]
    counts_in = _by_sentence(begins, sentences, counts, lambda c: int(str(c["char_start"])))
    dates_in = _by_sentence(begins, sentences, dates, lambda d: d.start)
    mentions_in = _by_sentence(begins, sentences, mentions, lambda m: m.start)
    ordinals: list[tuple[int, dict[str, object]]] = []
    persons = [m for m in mentions if m.kind == "person" and not in_quotes.covers(m.start)]
    for index, sentence in enumerate(sentences):
        s_start, s_end = sentence.start, sentence.end
        in_sentence = [
            d for d in dates_in.get(index, [])
            if d.end <= s_end and (dateline is None or (d.start, d.end) != dateline)
            and not _a_period(text, d, s_start)
        ]  # fmt: skip
        if not in_sentence:  # the dateline's day only when the sentence gives no other
            in_sentence = [d for d in dates_in.get(index, []) if d.end <= s_end]
        people: list[dict[str, object]] = []
        for count in counts_in.get(index, []):
            if in_quotes.covers(int(str(count["char_start"]))):
                continue
            if count["unit"] in ("transfers", "transfer number"):
                ordinals.append((index, count))
            elif count["unit"] == "people":
                people.append(count)
        verbs = _verbs_of(text, sentence, people, in_quotes)
        paired = _respectively(sentence, people, verbs, in_sentence)
        for count, verb in zip(people, verbs, strict=True):
            c_start, c_end = int(str(count["char_start"])), int(str(count["char_end"]))
            if verb is None or not _done(text, sentence, c_start, verb):
                continue
            verb_at = verb.start()
            clause = text[_clause_start(text, s_start, min(c_start, verb_at)) : s_end]
            # the date of the verb's own clause first ("..., after Mexico sent 31 prisoners
            # ... in March"), else the nearest in the sentence
            own_from = _clause_start(text, s_start, min(c_start, verb_at))
            own_to = min(
                [
                    i
                    for i in (text.find(",", verb.end(), s_end), text.find(";", verb.end(), s_end))
                    if i >= 0
                ]
                or [s_end]
            )
            own = [d for d in in_sentence if own_from <= d.start < own_to]
            date = paired.get(id(count)) or min(
                own or in_sentence, key=lambda d: abs(d.start - verb_at), default=None
            )
            reach = _clause_start(text, s_start, min(c_start, verb_at))
            last = max(c_end, verb.end())
            breaks = [
                i for i in (text.find(",", last, s_end), text.find(";", last, s_end)) if i >= 0
            ]
            upto = min(breaks) if breaks else s_end
            total = _TOTAL.search(text, reach, upto) or _LEADING_TOTAL.match(text, s_start)
            perfect = _PERFECT.search(text, reach, last + 5)
            countries = [m for m in mentions_in.get(index, []) if m.kind == "country"]
            if total is not None or (
                perfect is not None and _PERIOD.search(text, s_start, upto) is not None
            ):
                since = _since(
                    text, [d for d in dates_in.get(index, []) if d.end <= s_end], c_start
                )
                totals.append(
                    {
                        "about": "people transferred",
                        "value": count["value"],
                        "since": since.date if since else None,
                        "since_precision": since.known_precision if since else "unknown",
                        "since_readings": since.reading_forms if since else [],
                        "when": text[since.start : since.end] if since else None,
                        "event_index": None,
                        "origin": _origin(text, s_start, verb_at, countries),
                        "destination": _destination(sentence, countries),
                        "evidence": sentence.text,
                        "char_start": s_start,
                        "char_end": s_end,
                    }
                )
                continue
            if _HAND_OVER.fullmatch(verb.group(0)) and not re.search(
                r"\b(?:United\s+States|U\.S\.|Mexico|American|Washington)(?!\w)", clause
            ):
                continue
            extradition = re.search(  # not "sent north outside the extradition treaty"
                r"\bextradit\w*+(?!\s+(?:treaty|treaties|process|law|system|agreement|procedures?))",
                clause,
                re.IGNORECASE,
            )
            mechanism = (extradition or verb).group(0).lower()
            in_mentions = mentions_in.get(index, [])
            countries = [m for m in in_mentions if m.kind == "country"]
            origin = _origin(text, s_start, verb_at, countries)
            destination = _destination(sentence, countries)
            suspects = [
                m.name for m in in_mentions
                if m.kind == "person" and m.full
                and not _VICTIM.search(text[s_start : m.start])
                and not re.search(r"\b(?:said|says|told|added|according)\b", text[m.end : s_end][:40])
            ]  # fmt: skip
            rows.append(
                {
                    "kind": "transfer",
                    "date": date.date if date else None,
                    "date_precision": date.known_precision if date else "unknown",
                    "date_readings": date.reading_forms if date else [],
                    "date_as_written": text[date.start : date.end] if date else None,
                    "people": count["value"],
                    "what": count["what"],
                    "mechanism": mechanism,
                    "origin": origin,
                    "destination": destination,
                    "suspects": list(dict.fromkeys(suspects)),
                    "evidence": sentence.text,
                    "char_start": s_start,
                    "char_end": s_end,
                    "count_at": c_start,
                }
            )
        starts = (sentences[max(0, index - 3)].start, sentences[max(0, index - 1)].start)
        rows.extend(_named_transfers(text, sentence, persons, in_sentence, in_quotes, starts))
    named = {m.name for m in mentions if m.kind == "country"}
    for row in rows:
        _pair(row, named)
    merged = _merge(rows)
    _among_them(text, persons, merged)
    _one_direction(text, merged, named)
    totals.extend(_ordinal_totals(text, sentences, ordinals, merged, dates_in))
    for row in merged:
        row.pop("count_at", None)
    return merged, _distinct(totals)


#: People named as among those a transfer told just before carried: "Among those sent was
#: Norberto Quezada Olmos", "Also aboard were A and B", "The group included A, B and C".
_AMONG_THEM: Final = re.compile(
    r"(?:\b(?:Among|Also\s+among)\s+(?:them|those|the\s+(?:prisoners|detainees|people|men|"
    r"group|suspects|defendants|inmates))(?:\s+(?:sent|transferred|extradited|expelled|flown|"
    r"handed\s+over|delivered|aboard|on\s+board))?\s*,?\s+(?:was|were)|\bAlso\s+(?:aboard|on\s+"
    r"board|sent|transferred|expelled)\s+(?:was|were)|\b(?:The|That)\s+(?:group|flight|transfer)\s+"
    r"(?:also\s+)?included|\b(?:Those|The\s+prisoners)\s+(?:sent|transferred|flown|expelled)\s+"
    r"(?:also\s+)?included)\s+"
)


#: What stands between two names of a list: a nickname or an age after the first, then a
#: comma, "and" or a semicolon.
_BETWEEN_LISTED: Final = re.compile(
    r"(?:,\s*(?:alias\s+|known\s+as\s+)?[\u201c\"][^\u201d\"]{1,30}[\u201d\"])?"
    r"(?:,\s*\d{1,3})?(?:,\s*|\s+and\s+|,\s*and\s+|;\s*(?:and\s+)?)"
)


def _listed_from(text: str, persons: list[Mention], i: int) -> list[str]:
    """The names of the people listed from ``persons[i]`` on, one after the other."""
    names = [persons[i].name]
    for prev, cur in zip(persons[i : i + 11], persons[i + 1 : i + 12], strict=False):
        if not _BETWEEN_LISTED.fullmatch(text, prev.end, cur.start):
            break
        names.append(cur.name)
    return names


def _among_them(text: str, persons: list[Mention], events: list[dict[str, object]]) -> None:
    """The people a sentence names as among those carried (see :data:`_AMONG_THEM`) are
    suspects of the transfer told last before it, at most three paragraphs before."""
    starts = [p.start for p in persons]
    for m in _AMONG_THEM.finditer(text):
        before = [e for e in events if int(str(e["char_start"])) < m.start()]
        if not before:
            continue
        home = max(before, key=lambda e: int(str(e["char_start"])))
        if len(re.findall(r"\n\s*\n", text[int(str(home["char_end"])) : m.start()])) > 3:
            continue  # a transfer told far before: not "those" of this sentence
        i = bisect.bisect_left(starts, m.end())
        if i >= len(persons) or persons[i].start != m.end():
            continue
        names = _listed_from(text, persons, i)
        home["suspects"] = list(dict.fromkeys([*home["suspects"], *names]))  # type: ignore[misc]


def _a_period(text: str, date: DateSpan, lower: int) -> bool:
    """A date that bounds a period, not the day of an event: "since 2019", "this year" after
    "the second such transfer"."""
    before = text[max(lower, date.start - 40) : date.start]
    return bool(
        re.search(r"\b(?:since|from)\s+$", before, re.IGNORECASE)
        or (
            date.precision == "year"
            and re.search(r"\b(?:such|of\s+its\s+kind|transfers?)\s+$", before, re.IGNORECASE)
        )
    )


def _dated_as(events: list[dict[str, object]], dates: list[DateSpan]) -> int | None:
    """The one transfer dated to the day by a date of the sentence, or None."""
    days = {d.date for d in dates if d.precision == "day"}
    hits = [
        i for i, e in enumerate(events) if e["date_precision"] == "day" and e["date"] in days
    ]  # fmt: skip
    return hits[0] if len(hits) == 1 else None


def _since(text: str, dates: list[DateSpan], at: int) -> DateSpan | None:
    """The start of the period a total counts: the year or month written nearest it in its
    sentence ("this year", "since March"), or a day after "since"; None when none is."""
    fit = [
        d for d in dates
        if d.precision in ("year", "month")
        or re.search(r"\b(?:since|from)\s+$", text[max(0, d.start - 7) : d.start], re.IGNORECASE)
    ]  # fmt: skip
    return min(fit, key=lambda d: abs(d.start - at), default=None)


def _distinct(totals: list[dict[str, object]]) -> list[dict[str, object]]:
    """Each stated total once: the same thing, value and period stated again is one claim."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for row in totals:
        key = (row["about"], row["value"], row["since"], row["event_index"])
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def _origin(text: str, s_start: int, verb_at: int, countries: list[Mention]) -> str | None:
    """The country the people left: "from Mexico" anywhere in the sentence, else the last
    country named before the verb (its subject: "Mexico sent ...")."""
    for m in countries:
        if re.search(rf"\bfrom{SP}(?:the{SP})?$", text[max(s_start, m.start - 10) : m.start]):
            return m.name
    return next((m.name for m in reversed(countries) if m.end <= verb_at), None)


def _destination(sentence: Sentence, countries: list[Mention]) -> str | None:
    """The country named after "to" in the sentence."""
    to_country = re.search(
        rf"\bto{SP}(?:the{SP})?(?:{alternation(tuple(COUNTRIES))})(?![\w-])", sentence.text
    )
    if to_country is None:
        return None
    at = sentence.start + to_country.start()
    return next((m.name for m in countries if at <= m.start <= at + len(to_country.group(0))), None)


#: The two countries of this story: a transfer to one of them that a text tells without its
#: other end is from the other, when the text names it ("the sending of 18 persons ... to the
#: United States" in a statement of Mexico's authorities).
_PAIR: Final = ("Mexico", "United States")


def _pair(row: dict[str, object], named: set[str]) -> None:
    for end, other in (("origin", "destination"), ("destination", "origin")):
        if row[end] is None and row[other] in _PAIR:
            counterpart = _PAIR[1 - _PAIR.index(str(row[other]))]
            if counterpart in named:
                row[end] = counterpart


#: What a named transfer must say: the country that receives, or an extradition.
_RECEIVED: Final = re.compile(
    r"\bto\s+(?:the\s+)?(?:United\s+States|U\.S\.(?!\s+(?:prison|jail|court|custody)))|"
    r"\bextradit\w*",
    re.IGNORECASE,
)
#: After the verb, in its clause: the transfer was not done ("was requested", "approved").
_NOT_DONE_AFTER: Final = re.compile(
    r"^[^,;.]*?\b(?:requested|sought|approved|authori[sz]ed|blocked|suspended|denied|"
    r"rejected|pending|planned|proposed)\b",
    re.IGNORECASE,
)


def _named_transfers(
    text: str,
    sentence: Sentence,
    persons: list[Mention],
    dates: list[DateSpan],
    in_quotes: Spans,
    earlier_starts: tuple[int, int],
) -> list[dict[str, object]]:
    """Transfers of people the sentence names, with no count: one person ("he was flown to
    San Diego two days later", "Ledesma was extradited") or the people named after "the
    extradition of". The clause must name the receiving country or say "extradited"; one
    not done ("was requested", "approved the extradition of"), a victim ("the murder of X
    was sent to court") or a sentence to prison is not one."""
    found = []
    earlier, previous = earlier_starts
    ends = [p.end for p in persons]
    for m in _NAMED_PASSIVE.finditer(text, sentence.start, sentence.end):
        if in_quotes.covers(m.start()) or not _done(text, sentence, m.start(), m):
            continue
        rest = text[m.start() : sentence.end]
        if _NOT_DONE_AFTER.match(rest[len(m[0]) :]) or re.match(
            r"[^,;.]*?\bto\s+(?:a\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:prison|jail|hospital|court|family)\b",
            rest[len(m[0]) :],
        ):
            continue
        # the clause, or the sentence before, names the receiving country or an extradition
        if (
            _RECEIVED.search(rest.split(",")[0]) is None
            and _RECEIVED.search(text, previous, sentence.start) is None
        ):
            continue
        before = text[max(sentence.start, m.start() - 40) : m.start()]
        i = bisect.bisect_right(ends, m.start())
        near = persons[max(0, i - 3) : i]
        who = next((p for p in reversed(near)
                    if re.fullmatch(r"[\s,]*(?:\d{1,3},\s*)?", text[p.end : m.start()])), None)  # fmt: skip
        if who is None:
            if not re.search(r"(?:^|[.;]\s+|\band\s+)(?:he|she)\s+$", before, re.IGNORECASE):
                continue
            # "he was flown ...": the person named last, in this or the three sentences before
            who = next((p for p in reversed(persons[:i]) if p.start >= earlier), None)
        if who is None or _VICTIM.search(text[sentence.start : who.start]):
            continue
        found.append(_named_row(text, sentence, m, [who.name], 1, dates))
    nouns = _NAMED_NOUN.finditer(text, sentence.start, sentence.end)
    for m in (*nouns, *_NAMED_ACTIVE.finditer(text, sentence.start, sentence.end)):
        if in_quotes.covers(m.start()) or not _done(text, sentence, m.start(), m):
            continue
        if _NOT_DONE_AFTER.match(text[m.end() : sentence.end]) and not re.search(
            r"\bthe\s+(?:extradition|transfer)\s+to\b", m[0], re.IGNORECASE
        ):
            continue
        listed = re.match(r"[^.;:()]{0,200}", text[m.end() : sentence.end]).group(0)  # type: ignore[union-attr]
        i = bisect.bisect_left([p.start for p in persons], m.end())
        names = [p.name for p in persons[i : i + 6] if p.start < m.end() + len(listed)]
        if not names or persons[i].start != m.end():
            continue
        if m.re is _NAMED_ACTIVE:  # only the people listed right after the verb
            names = _listed_from(text, persons, i)
        if re.search(r"\b(?:was|were)\s+(?:requested|sought|approved|denied)\b", listed):
            continue
        found.append(_named_row(text, sentence, m, list(dict.fromkeys(names)), None, dates))
    return found


def _named_row(
    text: str,
    sentence: Sentence,
    verb: re.Match[str],
    names: list[str],
    people: int | None,
    dates: list[DateSpan],
) -> dict[str, object]:
    date = min(dates, key=lambda d: abs(d.start - verb.start()), default=None)
    countries = re.search(r"\bto\s+(?:the\s+)?(United\s+States|U\.S\.|Mexico)\b", sentence.text)
    destination = None
    if countries is not None:
        destination = "Mexico" if countries[1] == "Mexico" else "United States"
    return {
        "kind": "transfer",
        "date": date.date if date else None,
        "date_precision": date.known_precision if date else "unknown",
        "date_readings": date.reading_forms if date else [],
        "date_as_written": text[date.start : date.end] if date else None,
        "people": people or len(names),
        "what": "person" if (people or len(names)) == 1 else "people",
        "mechanism": re.sub(r"\s+", " ", verb["verb"].lower()),
        "origin": None,
        "destination": destination,
        "suspects": names,
        "evidence": sentence.text,
        "char_start": sentence.start,
        "char_end": sentence.end,
        "count_at": verb.start(),
        "named": True,
    }


def _one_direction(text: str, rows: list[dict[str, object]], named: set[str]) -> None:
    """A transfer told with neither end, in a text whose other transfers (or words) go one
    way, goes that way: the explainer's "when 31 prisoners were flown to six U.S. cities"."""
    ways = {(r["origin"], r["destination"]) for r in rows if r["origin"] and r["destination"]}
    if len(ways) > 1:
        return
    if ways:
        origin, destination = next(iter(ways))
    elif set(_PAIR) <= named and re.search(r"\bto\s+(?:the\s+)?(?:United\s+States|U\.S\.)", text):
        origin, destination = _PAIR
    else:
        return
    for row in rows:
        if row["origin"] is None and row["destination"] is None:
            row["origin"], row["destination"] = origin, destination


def _compatible(a: dict[str, object], b: dict[str, object]) -> bool:
    """Dates that may be one: one unstated, or their periods overlap (equal days, a day within
    the other's month or year)."""
    da, db = a["date"], b["date"]
    if not isinstance(da, dt.date) or not isinstance(db, dt.date):
        return True
    return overlaps(da, str(a["date_precision"]), *period(db, str(b["date_precision"])))


def _merge(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    """One row per transfer: the same count on the same (or an unstated) date is one event;
    the first mention keeps its words, a later one fills in what it lacks. In one text, a
    smaller count on the same day is part of the larger ("Fourteen ... sent on Saturday" and
    "among 26 prisoners Mexico transferred on Saturday"), and people named as transferred
    are among the text's transfer of a compatible date."""
    counted = [r for r in rows if not r.get("named")]
    for row in [r for r in rows if r.get("named")]:
        homes = [
            r for r in counted
            if not r.get("named") and _compatible(r, row)
            and row["destination"] in (None, r["destination"])
        ]  # fmt: skip
        home = min(
            homes,
            key=lambda r: abs(int(str(r["char_start"])) - int(str(row["char_start"]))),
            default=None,
        )
        if home is None:
            counted.append(row)
        else:
            if home["date"] is None and row["date"] is not None:
                for key in ("date", "date_precision", "date_readings", "date_as_written"):
                    home[key] = row[key]
            home["suspects"] = list(dict.fromkeys([*home["suspects"], *row["suspects"]]))  # type: ignore[misc]

    def day(r: dict[str, object]) -> tuple[object, ...]:
        return (r["date"], r["origin"], r["destination"])

    by_day: dict[tuple[object, ...], dict[str, object]] = {}
    for row in sorted(counted, key=lambda r: -int(str(r["people"]))):
        if row["date_precision"] == "day" and not row.get("named"):
            by_day.setdefault(day(row), row)
    rows = [
        r for r in sorted(counted, key=lambda r: int(str(r["char_start"])))
        if r["date_precision"] != "day" or r.get("named") or by_day[day(r)] is r
    ]  # fmt: skip
    merged: list[dict[str, object]] = []
    by_people: dict[object, list[dict[str, object]]] = {}
    for row in rows:
        twin = next(
            (
                r for r in by_people.get(row["people"], [])
                if r["date"] is None or row["date"] is None or r["date"] == row["date"]
            ),
            None,
        )  # fmt: skip
        if twin is None:
            merged.append(row)
            by_people.setdefault(row["people"], []).append(row)
            continue
        if twin["date"] is None and row["date"] is not None:
            for key in ("date", "date_precision", "date_readings", "date_as_written"):
                twin[key] = row[key]
        for key in ("origin", "destination"):
            twin[key] = twin[key] or row[key]
        twin["suspects"] = list(dict.fromkeys([*twin["suspects"], *row["suspects"]]))  # type: ignore[misc]
    for row in merged:
        row.pop("named", None)
    return merged


def _ordinal_totals(
    text: str,
    sentences: list[Sentence],
    ordinals: list[tuple[int, dict[str, object]]],
    events: list[dict[str, object]],
    dates_in: dict[int, list[DateSpan]],
) -> list[dict[str, object]]:
    """Stated numbers of transfers and a transfer's place ("the third such transfer"), of
    transfers that happened. A place is said of the text's first transfer when the sentence
    says "this is" or "it was", else of the transfer of its sentence, or of the text's only
    transfer; one in a clause about the future or a plan is left out. Its period is a year or
    month written just after it ("the second such operation this year")."""
    found: list[dict[str, object]] = []
    for index, count in ordinals:
        sentence = sentences[index]
        c_start = int(str(count["char_start"]))
        start = _clause_start(text, sentence.start, c_start)
        after = text[c_start : sentence.end]
        if _NOT_DONE.search(text, start, c_start) or re.match(
            r"[^,;.]*?\b(?:is|are)\s+being\b|[^,;.]*?\bwould\b", after
        ):
            continue
        event_index = None
        if count["unit"] == "transfer number":
            own = [
                i for i, e in enumerate(events)
                if sentence.start <= int(str(e["char_start"])) < sentence.end
            ]  # fmt: skip
            this = re.search(
                r"\b(?:this|it)\s+(?:is|was|marks|marked|becomes|became)\s+$",
                text[max(sentence.start, c_start - 20) : c_start],
                re.IGNORECASE,
            )
            told = _TRANSFER_VERBS.search(sentence.text) or re.search(
                r"\b(?:transfers?|extraditions?|expulsions?|handovers?|shipments?|such|"
                r"of\s+its\s+kind)\b",
                str(count["evidence"]),
                re.IGNORECASE,
            )
            earlier = [
                i for i, e in enumerate(events) if int(str(e["char_start"])) < sentence.start
            ]
            dated = _dated_as(events, dates_in.get(index, []))
            if not (told or own or dated is not None):
                continue  # "A second group of protesters", "The first was detained"
            if this and events:
                # "It was the third transfer": the transfer told last before it
                event_index = earlier[-1] if earlier else 0
            elif own:  # the transfer whose count is nearest the place
                event_index = min(own, key=lambda i: abs(int(str(events[i]["count_at"])) - c_start))
            elif not own and len(events) == 1:
                event_index = 0
            elif not own and dated is not None:
                event_index = dated  # "The third, on Dec. 9, was ...": the transfer of that day
            else:
                continue  # no transfer to place
        # a period written just after the place ("this year", "since February"), not the
        # date of the transfer itself ("the first such transfer, in March")
        here = [
            d for d in dates_in.get(index, [])
            if c_start < d.start < c_start + 40
            and (d.precision == "year" or re.search(r"\bsince\s+$", text[d.start - 7 : d.start]))
        ]  # fmt: skip
        since = _since(text, here, c_start)
        found.append(
            {
                "about": "transfer number" if count["unit"] == "transfer number" else "transfers",
                "value": count["value"],
                "since": since.date if since else None,
                "since_precision": since.known_precision if since else "unknown",
                "since_readings": since.reading_forms if since else [],
                "when": text[since.start : since.end] if since else None,
                "event_index": event_index,
                "origin": None,
                "destination": None,
                "evidence": sentence.text,
                "char_start": sentence.start,
                "char_end": sentence.end,
            }
        )
    return found

"""Rule-based extraction of candidate facts from English news text.

:func:`extract` finds people (with the title the text gives them, middle initials, nicknames
and withheld surnames), organisations and countries, quotes and who said them (a person, an
organisation or a speaker named by role), counts of people and other figures (partial counts,
numbers in words), dates (absolute, relative ones resolved against the dateline's day or the
publication date, anaphoric ones against the day named before), charges normalised to
:data:`analysis.schema.CHARGES`, transfer or extradition events, and the totals the text
states (people transferred over a period, numbers of transfers, a transfer's place). It uses regular
expressions, the standard library, ``text2num`` for number words and the project's sentence
splitter only: it runs offline and always gives the same answer. The decisions follow
``benchmarks/ANNOTATION.md``.

Every extracted row carries its evidence: ``evidence`` is the exact substring
``text[char_start:char_end]``. An actor's evidence is its first mention whose words the text
holds once, widened by the words before it when the text repeats them ("the FBI"). The frames
are candidates for a reviewer, never facts.

One module per kind of fact: :mod:`~analysis.ingest.extraction.actors`,
:mod:`~analysis.ingest.extraction.dates`, :mod:`~analysis.ingest.extraction.counts`,
:mod:`~analysis.ingest.extraction.quotes`, :mod:`~analysis.ingest.extraction.charges` and
:mod:`~analysis.ingest.extraction.events`; :mod:`~analysis.ingest.extraction.frames` holds the
schemas of the frames.

>>> import datetime as dt
>>> found = extract("Attorney General Pam Bondi said Friday.", published=dt.date(2025, 8, 12))
>>> found.actors.select("name", "title").row(0)
('Pam Bondi', 'Attorney General')
>>> found.dates.select("as_written", "date").row(0)
('Friday', datetime.date(2025, 8, 8))
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import polars as pl

from analysis.ingest.extraction._common import sentences_of
from analysis.ingest.extraction.actors import find_actors
from analysis.ingest.extraction.charges import find_charges
from analysis.ingest.extraction.counts import find_counts
from analysis.ingest.extraction.dates import find_dates, reference_day
from analysis.ingest.extraction.events import find_events
from analysis.ingest.extraction.frames import (
    ACTORS_SCHEMA,
    CHARGES_SCHEMA,
    COUNTS_SCHEMA,
    DATES_SCHEMA,
    EVENTS_SCHEMA,
    QUOTES_SCHEMA,
    TOTALS_SCHEMA,
    Extraction,
)
from analysis.ingest.extraction.quotes import find_quotes

if TYPE_CHECKING:
    import datetime as dt

__all__ = [
    "ACTORS_SCHEMA",
    "CHARGES_SCHEMA",
    "COUNTS_SCHEMA",
    "DATES_SCHEMA",
    "EVENTS_SCHEMA",
    "QUOTES_SCHEMA",
    "TOTALS_SCHEMA",
    "Extraction",
    "extract",
]


#: Actors beyond this many keep their first mention as evidence, unique or not: finding
#: unique words costs a pass over the text per actor.
_MAX_UNIQUE_SEARCHES = 200
#: Words an actor's evidence may take on either side of its mention to be unique.
_MAX_CONTEXT_WORDS = 4


def _unique_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of ``text[start:end]`` widened, a whole word at a time and leftwards first
    ("the FBI", "of the FBI"), until the text holds its words once; never across a line or
    with punctuation at its ends. The mention itself when it is unique or nothing is."""

    def unique(a: int, b: int) -> bool:
        words = text[a:b]
        first = text.find(words)
        return text.find(words, first + 1) < 0

    if unique(start, end):
        return start, end
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    a = start
    for _ in range(_MAX_CONTEXT_WORDS):
        prev = re.search(r"(?:^|(?<=\s))[\w\u2019'.-]+\s+$", text[line_start:a])
        if prev is None:
            break
        a = line_start + prev.start()
        if unique(a, end):
            return a, end
    b = end
    for _ in range(_MAX_CONTEXT_WORDS):
        nxt = re.match(r"[^\S\n]*[^\s,;:.!?()\u201c\u201d\"]+", text[b:line_end])
        if nxt is None:
            break
        b += nxt.end()
        if unique(a, b):
            return a, b
    return start, end


def extract(text: str, *, published: dt.date) -> Extraction:
    """Find candidate facts in an English news text.

    Parameters
    ----------
    text
        The article, as published (curly or straight quotation marks, one paragraph a line or
        paragraphs separated by blank lines).
    published
        The publication date: relative dates ("Tuesday", "last month", "In July") resolve
        against it, or against the dateline's day when the text opens with one. A weekday is
        the most recent such day on or before that day, unless the clause says the future; a
        month or day without a year takes that day's year (see
        :mod:`~analysis.ingest.extraction.dates`).

    Returns
    -------
    Extraction
        Frames of actors, quotes, counts, dates, charges, transfer events and stated totals, each row with its
        evidence (``evidence`` equals ``text[char_start:char_end]``).

    Examples
    --------
    >>> import datetime as dt
    >>> found = extract("In July, Mexico sent 26 suspects to the U.S.", published=dt.date(2025, 8, 12))
    >>> found.events.select("date", "people", "origin", "destination").row(0)
    (datetime.date(2025, 7, 1), 26, 'Mexico', 'United States')
    """
    actors, mentions = find_actors(text)
    dates = find_dates(text, published)
    counts = find_counts(text, dates)
    quotes = find_quotes(text, mentions, dates)
    quoted = [
        (start, end)
        for q in quotes
        for start, end in zip(q["part_starts"], q["part_ends"], strict=True)  # type: ignore[call-overload]
    ]
    sentences = sentences_of(text)
    charges = find_charges(text, sentences, mentions, quoted)
    _, dateline = reference_day(text, published)
    events, totals = find_events(text, sentences, mentions, dates, counts, quoted, dateline)
    ordered = sorted(actors, key=lambda a: a.first.start)
    cited = [
        _unique_words(text, a.first.start, a.first.end)
        if len(ordered) <= _MAX_UNIQUE_SEARCHES
        else (a.first.start, a.first.end)
        for a in ordered
    ]
    actor_rows = [
        {
            "name": a.name,
            "kind": a.kind,
            "title": a.title,
            "aliases": sorted({f for f in a.forms if f != a.name}),
            "n_mentions": a.n_mentions,
            "evidence": text[start:end],
            "char_start": start,
            "char_end": end,
        }
        for a, (start, end) in zip(ordered, cited, strict=True)
    ]
    date_rows = [
        {
            "as_written": text[d.start : d.end],
            "date": d.date,
            "precision": d.precision,
            "relative": d.relative,
            "readings": d.reading_forms,
            "evidence": text[d.start : d.end],
            "char_start": d.start,
            "char_end": d.end,
        }
        for d in dates
    ]
    return Extraction(
        text=text,
        published=published,
        actors=pl.DataFrame(actor_rows, schema=ACTORS_SCHEMA),
        quotes=pl.DataFrame(quotes, schema=QUOTES_SCHEMA),
        counts=pl.DataFrame(counts, schema=COUNTS_SCHEMA),
        dates=pl.DataFrame(date_rows, schema=DATES_SCHEMA),
        charges=pl.DataFrame(charges, schema=CHARGES_SCHEMA),
        events=pl.DataFrame(events, schema=EVENTS_SCHEMA),
        totals=pl.DataFrame(totals, schema=TOTALS_SCHEMA),
    )

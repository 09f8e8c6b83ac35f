"""Write the report notebooks from the cell sources below (run once; the notebooks are committed).

Kept so that a change to the notebooks is a reviewable diff of plain Python, and so that cell
ids stay fixed (random ids would change every rendered page).
"""

from __future__ import annotations

from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1] / "notebooks"


def nb(name: str, cells: list[tuple[str, str]], title: str, about: str = "") -> None:
    book = nbformat.v4.new_notebook()
    book.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        "title": title,
    }
    if about:  # a report: `analysis render` publishes it and the index lists it
        book.metadata["analysis"] = {"report": True, "about": about}
    for index, (kind, text) in enumerate(cells):
        source = text.strip("\n")
        if kind == "md":
            cell = nbformat.v4.new_markdown_cell(source)
        else:
            cell = nbformat.v4.new_code_cell(source)
            if kind == "params":
                cell.metadata["tags"] = ["parameters"]
        cell.id = f"{name}-{index:02d}"
        book.cells.append(cell)
    nbformat.validate(book)
    nbformat.write(book, ROOT / f"{name}.ipynb")


COMMON_SETUP = """
import analysis
from analysis import charts, metrics
from analysis.report import Report

ledger = analysis.load(include_candidates=include_candidates)
first, last = metrics.parse_day(start), metrics.parse_day(end)
"""

nb(
    "transfers",
    [
        (
            "params",
            """
start: str = ""  # first day to include, YYYY-MM-DD; empty for the earliest
end: str = ""  # last day to include, YYYY-MM-DD; empty for the latest
title: str = "Extraditions and transfers to the United States"  # the page's title
include_candidates: bool = False  # also show facts drafted by `analysis ingest`, not yet reviewed
""",
        ),
        (
            "code",
            COMMON_SETUP
            + """
params = {"start": start, "end": end, "title": title, "include_candidates": include_candidates}
rep = Report(ledger, title=title, parameters=params)
heads = metrics.transfer_headlines(ledger, start=first, end=last)
figures = {h.label: h.value for h in heads}
line = (
    f"{figures['People transferred']} people in {figures['Transfers']} transfers "
    "from Mexico to the United States"
)
rep.summary(line, figures)
""",
        ),
        ("code", "rep.header(summary=line)"),
        ("code", "rep.headlines(heads)"),
        (
            "md",
            """
## Transfers over time

Each transfer as the sources report it: when it happened, as precisely as they say, and how
many people were handed over.
""",
        ),
        (
            "code",
            'rep.figure(charts.transfers_timeline(ledger, start=first, end=last), "transfers")',
        ),
        (
            "code",
            'rep.figure(charts.cumulative_transferred(ledger, start=first, end=last), "cumulative")',
        ),
        (
            "code",
            """
rep.table(
    metrics.transfers(ledger, start=first, end=last),
    {
        "title": "Transfer",
        "date": "Date",
        "date_precision": "Known to the",
        "date_as_written": "Source says",
        "people": "People",
        "mechanism": "Described as",
        "description": "Described by authorities as",
        "n_sources": "Sources",
    },
    caption="Transfers in range",
    name="transfers-table",
    cite=("count_source_id", "count_sentence"),
)
""",
        ),
        (
            "md",
            """
## What they are accused of

The charges the sources allege against the people of each transfer, in a fixed vocabulary;
the source's own words are kept beside each.
""",
        ),
        (
            "code",
            'rep.figure(charts.charges_by_transfer(ledger, start=first, end=last), "charges")',
        ),
        (
            "md",
            """
## Named suspects and the older cases tied to them

Some of those transferred are tied by the sources to crimes committed decades earlier.
""",
        ),
        ("code", 'rep.figure(charts.years_to_transfer(ledger), "years-to-transfer")'),
        (
            "code",
            """
suspects = metrics.with_first_evidence(
    ledger, metrics.suspects_with_past_crimes(ledger), "allegation_id"
)
rep.table(
    suspects,
    {
        "suspect": "Suspect",
        "crime": "Tied to",
        "crime_year": "Year",
        "as_written": "Source says",
        "transfer_date": "Transferred",
        "years_to_transfer": "Years between",
    },
    caption="Named suspects tied to older crimes",
    name="suspects",
    cite=("evidence_source_id", "evidence_sentence"),
)
""",
        ),
        (
            "md",
            """
## The US position on the death penalty
""",
        ),
        (
            "code",
            """
decisions = metrics.related_decisions(ledger, start=first, end=last)
rep.table(
    decisions,
    {"title": "Decision", "reported_on": "Reported on", "evidence_text": "Source says"},
    caption="Decisions about the people transferred",
    name="decisions",
    cite=("evidence_source_id", "evidence_sentence"),
)
""",
        ),
        ("code", "rep.evidence()"),
    ],
    "Extraditions and transfers",
    "People Mexico handed to the United States: how many, when, accused of what, and the older "
    "cases tied to them.",
)

nb(
    "policy",
    [
        (
            "params",
            """
start: str = ""  # first day to include, YYYY-MM-DD; empty for the earliest
end: str = ""  # last day to include, YYYY-MM-DD; empty for the latest
countries: list = []  # countries to show, by name or id (e.g. ["Mexico", "us"]); empty for all
title: str = "Security cooperation, trade pressure and what was said"  # the page's title
include_candidates: bool = False  # also show facts drafted by `analysis ingest`, not yet reviewed
""",
        ),
        (
            "code",
            COMMON_SETUP
            + """
params = {
    "start": start,
    "end": end,
    "countries": countries,
    "title": title,
    "include_candidates": include_candidates,
}
rep = Report(ledger, title=title, parameters=params)
events = metrics.policy_events(ledger, start=first, end=last, countries=countries)
said = metrics.quotes(ledger, start=first, end=last, countries=countries)
figures = {
    "Dated events": events.height,
    "Transfers": events.filter(events["kind"] == "transfer").height,
    "Trade moves": events.filter(events["lane"] == "trade pressure").height,
    "Quotes": said.height,
}
line = (
    f"{figures['Transfers']} transfers and {figures['Trade moves']} trade moves "
    f"among {figures['Dated events']} dated events; {figures['Quotes']} quotes"
)
rep.summary(line, figures)
""",
        ),
        ("code", "rep.header(summary=line)"),
        (
            "md",
            """
## How transfers and trade moves sit in time

Security cooperation, trade pressure and public statements, each in its lane, coloured by the
country that acted. A date known only to the month or year is drawn at its first day; its
shape says how precise it is.
""",
        ),
        (
            "code",
            """
rep.figure(
    charts.policy_timeline(ledger, start=first, end=last, countries=countries),
    "policy-timeline",
)
""",
        ),
        (
            "code",
            """
rep.table(
    metrics.with_first_evidence(ledger, events, "event_id"),
    {
        "date": "Date",
        "date_precision": "Known to the",
        "date_as_written": "Source says",
        "lane": "Lane",
        "country": "Country",
        "title": "Event",
    },
    caption="Dated events in range",
    name="policy-events",
    cite=("evidence_source_id", "evidence_sentence"),
)
""",
        ),
        (
            "code",
            """
undated = metrics.with_first_evidence(
    ledger, metrics.undated_policy_events(ledger, countries), "event_id"
)
rep.table(
    undated,
    {"title": "Event", "date_as_written": "Source says", "reported_on": "Reported on"},
    caption="Events the sources give no date for (not drawn above)",
    name="undated-events",
    cite=("evidence_source_id", "evidence_sentence"),
)
""",
        ),
        (
            "md",
            """
## Who said what, when

Quotes by speaker, with the day they were said when the source gives it (otherwise the day
the source reported it) and the source that carries them.
""",
        ),
        (
            "code",
            'rep.figure(charts.quotes_by_speaker(ledger, start=first, end=last, countries=countries), "quotes-by-speaker")',
        ),
        (
            "code",
            """
rep.table(
    said,
    {
        "speaker": "Speaker",
        "speaker_title": "Title",
        "country": "Country",
        "date": "Date",
        "date_precision": "Known to the",
        "said_on_as_written": "Source says",
        "text": "Quote",
        "sources": "Sources",
    },
    caption="Quotes",
    name="quotes",
    cite=("evidence_source_id", "evidence_sentence"),
)
""",
        ),
        ("code", "rep.evidence()"),
    ],
    "Policy and diplomacy",
    "Security cooperation, tariff threats and exemptions, and public statements, side by side "
    "in time; who said what, when.",
)

nb(
    "sources",
    [
        (
            "params",
            """
title: str = "Sources and evidence"  # the page's title
include_candidates: bool = False  # also show facts drafted by `analysis ingest`, not yet reviewed
""",
        ),
        (
            "code",
            """
import analysis
from analysis import charts, metrics
from analysis.report import Report

ledger = analysis.load(include_candidates=include_candidates)
params = {"title": title, "include_candidates": include_candidates}
rep = Report(ledger, title=title, parameters=params)
facts = metrics.fact_evidence(ledger)
coverage = metrics.sentence_coverage(ledger)
single = metrics.single_source_facts(ledger)
figures = {
    "Sources": ledger.sources.height,
    "Facts": facts["fact_id"].n_unique(),
    "Evidence quotations": facts.height,
    "Facts with one source": single.height,
}
line = (
    f"{figures['Facts']} facts from {figures['Sources']} "
    f"source{'s' if figures['Sources'] != 1 else ''}, "
    f"resting on {figures['Evidence quotations']} quotations"
)
rep.summary(line, figures)
""",
        ),
        ("code", "rep.header(summary=line)"),
        (
            "md",
            """
## How much of each source the ledger uses
""",
        ),
        ("code", 'rep.figure(charts.sentence_coverage(ledger), "coverage")'),
        ("code", 'rep.figure(charts.facts_per_sentence(ledger), "facts-per-sentence")'),
        (
            "md",
            """
## Facts that rest on one source only

Each of these has not yet been confirmed by a second source.
""",
        ),
        (
            "code",
            """
rep.table(
    single,
    {"fact_type": "Kind", "fact_id": "Id", "fact": "Fact", "source_id": "Only source"},
    caption="Facts supported by one source",
    name="single-source-facts",
)
""",
        ),
        (
            "md",
            """
## Every fact and the sentence it came from
""",
        ),
        (
            "code",
            """
rep.table(
    facts,
    {
        "fact_type": "Kind",
        "fact_id": "Id",
        "fact": "Fact",
        "text": "Words of the source",
        "source_id": "Source",
        "sentence": "Sentence",
    },
    caption="Facts with their evidence",
    name="facts",
    cite=("source_id", "sentence"),
)
""",
        ),
        ("code", "rep.evidence()"),
    ],
    "Sources and evidence",
    "Every fact with the sentence it came from, how much of each source the ledger uses, and "
    "the facts that rest on one source only.",
)

nb(
    "explore",
    [
        (
            "md",
            """
# Exploring the ledger in JupyterLab

The library in three steps: load the typed frames, look at them with Polars, draw the
report charts with one call each. Nothing here is published; run it top to bottom.
""",
        ),
        (
            "code",
            """
import altair as alt
import polars as pl

import analysis
from analysis import charts, metrics

alt.theme.enable(charts.THEME)  # the reports' house style
ledger = analysis.load()
{name: frame.shape for name, frame in ledger.tables().items()}
""",
        ),
        (
            "md",
            "Every frame has a declared schema; the README's data dictionary explains each column.",
        ),
        ("code", "ledger.events.select('event_id', 'kind', 'date', 'date_precision', 'people')"),
        ("md", "Transfers, with the sentence of the source that states each count:"),
        ("code", "metrics.transfers(ledger).select('title', 'date', 'people', 'count_sentence')"),
        ("md", "Quotes and who said them:"),
        ("code", "metrics.quotes(ledger).select('speaker', 'date', 'text')"),
        ("md", "Evidence: the exact words and their place in the source."),
        (
            "code",
            (
                "ledger.evidence.filter(pl.col('fact_id') == 'transfer-2025-02')"
                ".select('source_id', 'sentence', 'char_start', 'char_end', 'text')"
            ),
        ),
        ("md", "The report charts, one call each:"),
        ("code", "charts.transfers_timeline(ledger)"),
        ("code", "charts.policy_timeline(ledger, countries=['Mexico', 'United States'])"),
        ("code", "charts.years_to_transfer(ledger)"),
    ],
    "Exploring the ledger",
)

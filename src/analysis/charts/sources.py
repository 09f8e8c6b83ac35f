"""Charts of the sources report: how much of each source the ledger uses, and where."""

from __future__ import annotations

from typing import TYPE_CHECKING

import altair as alt

from analysis import metrics
from analysis.charts.theme import ACCENT, finish, rows_height
from analysis.markup import plural

if TYPE_CHECKING:
    from analysis.ledger import Ledger


def sentence_coverage(ledger: Ledger) -> alt.Chart:
    """Share of each source's sentences that at least one fact cites.

    With many sources, a histogram: how many sources fall in each tenth of coverage.
    """
    data = metrics.sentence_coverage(ledger)
    if data.height > metrics.MAX_BARS:
        bins = metrics.coverage_histogram(data)
        chart = (
            alt.Chart(bins)
            .mark_bar(color=ACCENT)
            .encode(
                x=alt.X(
                    "share:N", title="Share of sentences cited", sort=alt.EncodingSortField("bin")
                ),
                y=alt.Y("sources:Q", title="Sources"),
                tooltip=[
                    alt.Tooltip("share:N", title="Share cited"),
                    alt.Tooltip("sources:Q", title="Sources"),
                ],
            )
        )
        return finish(
            chart,
            "How much of each source the ledger uses",
            f"{data.height} sources, counted by the share of their sentences cited as evidence",
            f"Histogram of {data.height} sources by the share of their sentences cited.",
        )
    chart = (
        alt.Chart(data)
        .mark_bar(color=ACCENT)
        .encode(
            y=alt.Y("source:N", title=None),
            x=alt.X(
                "share_used:Q",
                title="Share of sentences cited",
                scale=alt.Scale(domain=[0, 1]),
                axis=alt.Axis(format="%"),
            ),
            tooltip=[
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("sentences_used:Q", title="Sentences cited"),
                alt.Tooltip("sentences:Q", title="Sentences"),
                alt.Tooltip("share_used:Q", title="Share", format=".0%"),
            ],
        )
        .properties(height=rows_height(data.height, 30))
    )
    return finish(
        chart,
        "How much of each source the ledger uses",
        "Share of a source's sentences cited as evidence by at least one fact",
        f"Bars of the share of sentences cited, for {plural(data.height, 'source')}.",
    )


#: Above this many sources, facts per sentence are summed over sources instead of faceted.
MAX_FACETS = 6


def facts_per_sentence(ledger: Ledger) -> alt.Chart:
    """How many facts cite each sentence, per source: where the reporting is dense.

    With more than a few sources, facts are summed over sources by sentence number.
    """
    data = metrics.facts_per_sentence(ledger)
    n_sources = data["source_id"].n_unique()
    if n_sources > MAX_FACETS:
        summed = metrics.facts_by_position(data)
        chart = (
            alt.Chart(summed)
            .mark_bar(color=ACCENT)
            .encode(
                x=alt.X("sentence:O", title="Sentence number"),
                y=alt.Y("facts:Q", title="Facts citing it, all sources"),
                tooltip=[
                    alt.Tooltip("sentence:O", title="Sentence"),
                    alt.Tooltip("facts:Q", title="Facts"),
                    alt.Tooltip("sources:Q", title="Sources that long"),
                ],
            )
            .properties(height=160)
        )
        return finish(
            chart,
            "Facts per sentence",
            f"Facts citing the n-th sentence, summed over {n_sources} sources",
            f"Bars of facts citing each sentence position, summed over {plural(n_sources, 'source')}.",
        )
    # One view (a grid of sources by sentence), not a facet per source: a facet cannot take
    # the width of its container, and would be cut off on a phone.
    chart = (
        alt.Chart(data)
        .mark_rect(stroke="#ffffff", strokeWidth=1)
        .encode(
            x=alt.X("sentence:O", title="Sentence", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("source:N", title=None),
            color=alt.Color(
                "facts:Q",
                title="Facts citing it",
                scale=alt.Scale(scheme="oranges", domainMin=0),
                legend=alt.Legend(format="d", tickMinStep=1, direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("source:N", title="Source"),
                alt.Tooltip("sentence:O", title="Sentence"),
                alt.Tooltip("facts:Q", title="Facts"),
                alt.Tooltip("excerpt:N", title="Begins"),
            ],
        )
        .properties(height=rows_height(n_sources, 34))
    )
    return finish(
        chart,
        "Facts per sentence",
        "How many ledger facts cite each sentence of a source",
        f"Bars of facts citing each sentence, for {plural(n_sources, 'source')}.",
    )

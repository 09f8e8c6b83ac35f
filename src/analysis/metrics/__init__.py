"""Figures and tables the reports show, computed from a :class:`~analysis.ledger.Ledger`.

Plain functions of frames: no I/O, no plotting. The charts and the notebooks both call them,
so a number in a chart and the same number in a report's text cannot disagree. One module
per report, what they share in :mod:`._common`, and the bounds that keep charts small in
:mod:`.bounds`.
"""

from __future__ import annotations

from analysis.metrics._common import (
    Headline,
    count_evidence,
    format_date,
    in_range,
    parse_day,
    period_end,
    with_first_evidence,
)
from analysis.metrics.bounds import (
    MAX_BARS,
    MAX_COLUMNS,
    MAX_DAYS,
    PERIODS,
    bucket,
    coverage_histogram,
    facts_by_position,
    top,
)
from analysis.metrics.policy import (
    ACTING_ROLES,
    POLICY_LANES,
    acting_country,
    policy_events,
    policy_figures,
    policy_lanes,
    policy_summary,
    quotes,
    undated_policy_events,
)
from analysis.metrics.sources import (
    claim_warnings,
    fact_evidence,
    facts_per_sentence,
    sentence_coverage,
    single_source_facts,
    source_disputes,
    sources_figures,
    sources_summary,
    stated_totals,
)
from analysis.metrics.transfers import (
    charges_by_transfer,
    charges_grid,
    related_decisions,
    suspects_with_past_crimes,
    transfer_headlines,
    transfers,
    transfers_by_date,
    transfers_summary,
)

__all__ = [
    "ACTING_ROLES",
    "MAX_BARS",
    "MAX_COLUMNS",
    "MAX_DAYS",
    "PERIODS",
    "POLICY_LANES",
    "Headline",
    "acting_country",
    "bucket",
    "charges_by_transfer",
    "charges_grid",
    "claim_warnings",
    "count_evidence",
    "coverage_histogram",
    "fact_evidence",
    "facts_by_position",
    "facts_per_sentence",
    "format_date",
    "in_range",
    "parse_day",
    "period_end",
    "policy_events",
    "policy_figures",
    "policy_lanes",
    "policy_summary",
    "quotes",
    "related_decisions",
    "sentence_coverage",
    "single_source_facts",
    "source_disputes",
    "sources_figures",
    "sources_summary",
    "stated_totals",
    "suspects_with_past_crimes",
    "top",
    "transfer_headlines",
    "transfers",
    "transfers_by_date",
    "transfers_summary",
    "undated_policy_events",
    "with_first_evidence",
]

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
    date_label,
    format_date,
    in_range,
    parse_day,
    period_end,
    span_label,
    with_first_evidence,
)
from analysis.metrics.bounds import (
    MAX_BARS,
    MAX_COLUMNS,
    MAX_DAYS,
    PERIODS,
    bucket,
    bucket_span,
    coverage_histogram,
    facts_by_position,
    top,
)
from analysis.metrics.policy import (
    ACTING_ROLES,
    POLICY_LANES,
    acting_country,
    country_label,
    policy_events,
    policy_figures,
    policy_lanes,
    policy_summary,
    quotes,
    undated_policy_events,
)
from analysis.metrics.sources import (
    fact_evidence,
    facts_per_sentence,
    sentence_coverage,
    single_source_facts,
    sources_figures,
    sources_summary,
)
from analysis.metrics.transfers import (
    charges_by_transfer,
    charges_grid,
    related_decisions,
    running_total,
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
    "bucket_span",
    "charges_by_transfer",
    "charges_grid",
    "count_evidence",
    "country_label",
    "coverage_histogram",
    "date_label",
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
    "running_total",
    "sentence_coverage",
    "single_source_facts",
    "sources_figures",
    "sources_summary",
    "span_label",
    "suspects_with_past_crimes",
    "top",
    "transfer_headlines",
    "transfers",
    "transfers_by_date",
    "transfers_summary",
    "undated_policy_events",
    "with_first_evidence",
]

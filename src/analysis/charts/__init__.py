"""Chart builders: each takes a :class:`~analysis.ledger.Ledger` and returns an Altair chart.

Builders aggregate in Polars first (:mod:`analysis.metrics`), so a chart's data grows with
what it shows (dates, lanes, suspects), never with the raw ledger, and Altair's row limit is
never reached. Every chart has a title and a ``description`` that screen readers read, and
tooltips for details. One module per report, and the house style in :mod:`.theme`.

>>> import analysis
>>> chart = analysis.charts.transfers_timeline(analysis.load())  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from analysis.charts import offline
from analysis.charts.policy import policy_timeline, quotes_by_speaker
from analysis.charts.sources import MAX_FACETS, facts_per_sentence, sentence_coverage
from analysis.charts.theme import (
    ACCENT,
    COUNTRY_COLOURS,
    JOINT_COLOURS,
    MAX_TIMELINE_DAYS,
    OTHER_COUNTRY,
    THEME,
    WIDTH,
    house_theme,
)
from analysis.charts.transfers import (
    charges_by_transfer,
    cumulative_transferred,
    transfers_timeline,
    years_to_transfer,
)

offline.register()  # charts shown in a notebook draw with no network (analysis.charts.offline)

#: Every chart builder by name.
BUILDERS: dict[str, Any] = {
    "transfers_timeline": transfers_timeline,
    "cumulative_transferred": cumulative_transferred,
    "charges_by_transfer": charges_by_transfer,
    "years_to_transfer": years_to_transfer,
    "policy_timeline": policy_timeline,
    "quotes_by_speaker": quotes_by_speaker,
    "sentence_coverage": sentence_coverage,
    "facts_per_sentence": facts_per_sentence,
}

__all__ = [
    "ACCENT",
    "BUILDERS",
    "COUNTRY_COLOURS",
    "JOINT_COLOURS",
    "MAX_FACETS",
    "MAX_TIMELINE_DAYS",
    "OTHER_COUNTRY",
    "THEME",
    "WIDTH",
    "charges_by_transfer",
    "cumulative_transferred",
    "facts_per_sentence",
    "house_theme",
    "policy_timeline",
    "quotes_by_speaker",
    "sentence_coverage",
    "transfers_timeline",
    "years_to_transfer",
]

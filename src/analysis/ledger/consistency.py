"""What the sources say against each other and against the ledger: disputes and stated totals.

Run by :func:`analysis.load` once candidates are kept or left out, so that an unreviewed draft
never changes what a reviewed event shows.

Disputes
    When sources give an event's ``date``, ``people`` or ``duration_days`` differently (its own
    record says "In February", a second source's ``supports`` entry says 28 February), the
    event stays one event, each source's value is a row of ``event_values``, the difference is
    a row of ``disputes``, and the event shows one value, chosen by this rule:

    1. the value a reviewer accepts (``accept: [date]`` on a ``supports`` entry);
    2. for a date, the most precise (a day over a month over a year); among equally precise
       different days, the one the event's own record gives, else the earliest source's;
    3. for a count, the one the event's own record gives (recorded first).

Stated totals
    Each row of ``claims`` gets ``ledger_value``, what the ledger computes for the same thing
    over the same period, and ``agrees``. A transfer is in the period when its own period
    (a month-precision transfer is the whole month) overlaps it
    (:func:`analysis.dates.in_range_expr`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl

from analysis import dates, schema

if TYPE_CHECKING:
    from analysis.ledger.bundle import Ledger

_RANK = {"day": 0, "month": 1, "year": 2, "unknown": 3}


def resolve_disputes(
    events: pl.DataFrame, values: pl.DataFrame, sources: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """``events`` showing the value the rule chooses for each disputed field, and the
    ``disputes`` frame (one row per event and field whose sources differ)."""
    published = dict(zip(sources["source_id"], sources["published"], strict=True))
    known = set(events["event_id"])
    rows: list[dict[str, Any]] = []
    shown: dict[str, dict[str, dict[str, Any]]] = {}
    groups = values.filter(pl.col("event_id").is_in(list(known))).sort(
        "event_id", "field", "recorded_in", "ledger_file", "line"
    )
    for (event_id, field), group in groups.group_by("event_id", "field", maintain_order=True):
        claims = group.to_dicts()
        choice, rule = _choose(str(field), claims, published)
        if choice["recorded_in"] == "support":  # a source fills in or corrects the record
            shown.setdefault(str(event_id), {})[str(field)] = choice
        if len({c["value"] for c in claims}) < 2:
            continue
        rows.append(
            {
                "event_id": event_id,
                "field": field,
                "values": [c["value"] for c in claims],
                "source_ids": [c["source_id"] for c in claims],
                "shown_value": choice["value"],
                "shown_source_id": choice["source_id"],
                "rule": rule,
                "compatible": _compatible(str(field), claims, choice),
            }
        )
    disputes = pl.DataFrame(rows, schema=schema.DISPUTES)
    if not shown and not rows:
        return events, disputes
    disputed: dict[str, list[str]] = {}
    for row in rows:
        disputed.setdefault(row["event_id"], []).append(row["field"])
    out = []
    for event in events.iter_rows(named=True):
        for field, choice in shown.get(event["event_id"], {}).items():
            if field == "date":
                event["date"] = choice["date"]
                event["date_precision"] = choice["date_precision"]
                event["date_as_written"] = choice["as_written"] or choice["value"]
            else:
                event[field] = int(choice["value"])
        event["disputed_fields"] = sorted(disputed.get(event["event_id"], []))
        out.append(event)
    return pl.DataFrame(out, schema=events.schema), disputes


def _choose(
    field: str, claims: list[dict[str, Any]], published: dict[str, Any]
) -> tuple[dict[str, Any], str]:
    accepted = [c for c in claims if c["accepted"]]
    if accepted:
        return accepted[0], "accepted by a reviewer"
    recorded = [c for c in claims if c["recorded_in"] == "event"]
    if field == "date":
        best = min(_RANK[c["date_precision"]] for c in claims)
        precise = [c for c in claims if _RANK[c["date_precision"]] == best]
        own = [c for c in precise if c["recorded_in"] == "event"]
        if own:
            return own[0], "most precise"
        earliest = min(precise, key=lambda c: (published.get(c["source_id"]), c["source_id"]))
        return earliest, "most precise"
    if recorded:
        return recorded[0], "recorded first"
    earliest = min(claims, key=lambda c: (published.get(c["source_id"]), c["source_id"]))
    return earliest, "recorded first"


def _compatible(field: str, claims: list[dict[str, Any]], choice: dict[str, Any]) -> bool:
    """Whether every value is the chosen one said less precisely (February and 28 February):
    the sources then differ in precision only, not in fact."""
    if field != "date":
        return False
    day = choice["date"]
    for claim in claims:
        first, last = dates.period(claim["date"], claim["date_precision"])
        chosen_first, chosen_last = dates.period(day, choice["date_precision"])
        if not (first <= chosen_first and chosen_last <= last):
            return False
    return True


def check_claims(claims: pl.DataFrame, events: pl.DataFrame) -> pl.DataFrame:
    """``claims`` with ``ledger_value`` (the ledger's figure for the same thing over the same
    period) and ``agrees``."""
    if claims.is_empty():
        return claims
    transfers = events.filter(pl.col("kind") == "transfer")
    figures = []
    for claim in claims.iter_rows(named=True):
        first = claim["since"]
        last = (
            dates.period(claim["as_of"], claim["as_of_precision"])[1]
            if claim["as_of"] is not None
            else None
        )
        chosen = transfers.filter(dates.in_range_expr(first, last))
        for column in ("origin_id", "destination_id"):
            if claim[column] is not None:
                chosen = chosen.filter(pl.col(column) == claim[column])
        if claim["about"] == "people transferred":
            figure: int | None = int(chosen["people"].sum())
        elif claim["about"] == "transfers":
            figure = chosen.height
        else:  # transfer number: the transfer's place in the sequence, oldest first
            order = chosen.sort("date", "event_id")["event_id"].to_list()
            figure = order.index(claim["event_id"]) + 1 if claim["event_id"] in order else None
        figures.append(figure)
    return claims.with_columns(
        ledger_value=pl.Series(figures, dtype=pl.Int64),
    ).with_columns(agrees=pl.col("ledger_value") == pl.col("value"))


def warnings(ledger: Ledger) -> list[str]:
    """What ``analysis check`` warns about: stated totals the ledger disagrees with, and
    events whose sources differ (each naming the files and records involved)."""
    out = []
    for claim in ledger.claims.filter(~pl.col("agrees").fill_null(value=False)).iter_rows(
        named=True
    ):
        figure = claim["ledger_value"]
        computed = "cannot place that transfer" if figure is None else f"computes {figure}"
        out.append(
            f"{claim['ledger_file']}, record {claim['claim_id']!r}, field 'value': source "
            f"{claim['source_id']} states {claim['about']} = {claim['value']}"
            f"{_period(claim)}; the ledger {computed}"
        )
    files = ledger.event_values.select("event_id", "source_id", "ledger_file", "line")
    for dispute in ledger.disputes.iter_rows(named=True):
        where = files.filter(pl.col("event_id") == dispute["event_id"])
        places = ", ".join(
            sorted({f"{r['ledger_file']}:{r['line']}" for r in where.iter_rows(named=True)})
        )
        said = "; ".join(
            f"{source} says {value}"
            for value, source in zip(dispute["values"], dispute["source_ids"], strict=True)
        )
        kind = "precision only" if dispute["compatible"] else "they conflict"
        out.append(
            f"record {dispute['event_id']!r}, field {dispute['field']!r}: sources differ "
            f"({kind}): {said}; shown: {dispute['shown_value']} ({dispute['rule']}) [{places}]"
        )
    return out


def _period(claim: dict[str, Any]) -> str:
    since = dates.ledger_date(claim["since"], claim["since_precision"])
    as_of = dates.ledger_date(claim["as_of"], claim["as_of_precision"])
    return (f" since {since}" if since else "") + (f" as of {as_of}" if as_of else "")

"""An event with several parties is shown with all of them; a date known only to the month or
the year is drawn over that period in every timeline. Read from the seeds and from the charts'
Vega-Lite specs (data included), as a browser would draw them.

From ``seeds/ledger/000_a622ddb6cab2c3b2.yaml``: the July 2025 tariff agreement has the United
States and Mexico as parties ("both countries reached an agreement"); "In February" Mexico
extradited 29 (``transfer-2025-02``, date ``2025-02``); on Tuesday 12 August 2025, 26.
"""

from __future__ import annotations

from typing import Any

import pytest

import analysis
from analysis import charts, metrics
from analysis.charts.theme import COUNTRY_COLOURS, JOINT_COLOURS

JULY = "tariff-exemption-extended-2025-07"
BOTH = "Mexico and United States"
FEBRUARY_TITLE = "Mexico extradites 29 cartel suspects, including Rafael Caro Quintero"
AUGUST_TITLE = "Mexico extradites 26 alleged cartel members to the United States"

# -- parties -------------------------------------------------------------------------------------


@pytest.mark.parametrize("countries", [["Mexico"], ["United States"], ["mx"], ["us"]])
def test_the_july_agreement_is_shown_for_either_country(
    ledger: analysis.Ledger, countries: list[str]
) -> None:
    events = metrics.policy_events(ledger, countries=countries)
    july = events.filter(event_id=JULY)
    assert july.height == 1
    assert july["countries"].to_list() == [["Mexico", "United States"]]
    assert july["country"].to_list() == [BOTH]


@pytest.mark.parametrize(
    ("countries", "trade_moves"),
    [
        (["Mexico"], 1),  # the agreement (was 0: it was the United States' only)
        (["United States"], 2),  # the tariff threat and the agreement
        (["Mexico", "United States"], 2),  # the agreement once, not once per party
        (None, 2),
    ],
)
def test_trade_moves_count_the_agreement_once(
    ledger: analysis.Ledger, countries: list[str] | None, trade_moves: int
) -> None:
    figures = metrics.policy_figures(ledger, countries=countries)
    assert figures["Trade moves"] == trade_moves
    events = metrics.policy_events(ledger, countries=countries)
    assert events["event_id"].is_unique().all(), "one row per event, never one per party"
    assert figures["Dated events"] == events.height


def test_the_unfiltered_view_counts_each_event_once(ledger: analysis.Ledger) -> None:
    assert metrics.policy_figures(ledger) == {
        "Dated events": 5,
        "Transfers": 2,
        "Trade moves": 2,
        "Quotes": 5,
    }
    lanes = metrics.policy_lanes(ledger)
    assert int(lanes["events"].sum()) == 5
    assert lanes.filter(country=BOTH)["events"].to_list() == [1]


def _scale(spec: dict[str, Any]) -> dict[str, str]:
    """The colour scale of a layered chart: value -> colour."""
    for layer in spec["layer"]:
        colour = layer.get("encoding", {}).get("color")
        if colour:
            return dict(zip(colour["scale"]["domain"], colour["scale"]["range"], strict=True))
    msg = "no colour encoding"
    raise AssertionError(msg)


@pytest.mark.parametrize("countries", [None, ["Mexico"], ["United States"]])
def test_the_timeline_colours_the_agreement_of_both_in_a_colour_of_its_own(
    ledger: analysis.Ledger, countries: list[str] | None
) -> None:
    spec = charts.policy_timeline(ledger, countries=countries).to_dict()
    rows = _rows(spec)
    assert [r["country"] for r in rows if r["titles"].startswith("Agreement extends")] == [BOTH]
    colours = _scale(spec)
    assert colours[BOTH] == JOINT_COLOURS[BOTH]
    assert colours[BOTH] not in COUNTRY_COLOURS.values()


def test_the_events_table_names_every_party_in_words(ledger: analysis.Ledger) -> None:
    table = metrics.with_first_evidence(ledger, metrics.policy_events(ledger), "event_id")
    assert dict(table.select("event_id", "country").iter_rows())[JULY] == BOTH


def test_an_event_without_parties_keeps_its_origin_or_acting_actor(
    ledger: analysis.Ledger,
) -> None:
    acting = dict(metrics.acting_country(ledger).select("event_id", "country").iter_rows())
    assert acting["transfer-2025-02"] == "Mexico"  # origin
    assert acting["tariff-threat-2025"] == "United States"  # origin (and Trump, initiator)
    assert acting["military-intervention-ruled-out"] == "Mexico"  # Sheinbaum, speaker
    assert acting["no-death-penalty-2025-08"] == "United States"  # the DOJ, decision maker
    assert acting["tension-over-trafficking-and-migration"] == "Not attributed"


# -- spans ---------------------------------------------------------------------------------------


def _rows(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of a spec's first dataset (the one its CSV download offers)."""
    return next(iter(spec["datasets"].values()))


def _drawn(spec: dict[str, Any]) -> list[tuple[str, dict[str, Any], list[dict[str, Any]]]]:
    """``(mark, encoding, rows it draws)`` of every layer, its ``span`` filters applied."""
    top = spec.get("data", {}).get("name")
    out = []
    for layer in spec["layer"]:
        mark = layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]
        rows = spec["datasets"][layer.get("data", {}).get("name", top)]
        for step in layer.get("transform", []):
            test = step["filter"]
            rows = [r for r in rows if r[test["field"]] == test["equal"]]
        out.append((mark, layer["encoding"], rows))
    return out


def _row(rows: list[dict[str, Any]], title: str) -> dict[str, Any]:
    found = [r for r in rows if r.get("title", r.get("titles")) == title]
    assert len(found) == 1, f"{title!r}: {len(found)} rows"
    return found[0]


#: Every chart with a date axis.
TIMELINES = {
    "transfers_timeline": charts.transfers_timeline,
    "cumulative_transferred": charts.cumulative_transferred,
    "policy_timeline": charts.policy_timeline,
}


@pytest.mark.parametrize("name", sorted(TIMELINES))
def test_the_february_transfer_is_drawn_over_february(ledger: analysis.Ledger, name: str) -> None:
    spec = TIMELINES[name](ledger).to_dict()
    spans = [
        (enc, rows) for mark, enc, rows in _drawn(spec) if "x2" in enc and mark in ("rect", "bar")
    ]
    assert spans, f"{name}: no mark spans a period"
    for encoding, rows in spans:
        assert (encoding["x"]["field"], encoding["x2"]["field"]) == ("date_start", "date_end")
        february = _row(rows, FEBRUARY_TITLE)
        assert (february["date_start"], february["date_end"]) == (
            "2025-02-01T00:00:00",
            "2025-02-28T00:00:00",
        )
        tooltip = {t["field"]: t["title"] for t in encoding["tooltip"]}
        assert tooltip["date_label"] == "Date"
        assert february["date_label"] == "February 2025 (known to the month)"


@pytest.mark.parametrize("name", sorted(TIMELINES))
def test_no_point_puts_the_february_transfer_on_the_first(
    ledger: analysis.Ledger, name: str
) -> None:
    """No point (circle, line corner) of the February transfer sits on 1 February at 29."""
    for mark, encoding, rows in _drawn(TIMELINES[name](ledger).to_dict()):
        if "x2" in encoding or mark == "text":  # a span, or the label of one
            continue
        x = encoding["x"]["field"]
        y = encoding.get("y", {}).get("field")
        for row in rows:
            at_first = row[x] == "2025-02-01T00:00:00"
            if mark == "line":
                assert not (at_first and row[y] > 0), f"{name}: the line steps up on 1 February"
            else:
                assert not at_first, f"{name}: a {mark} on 1 February: {row}"


@pytest.mark.parametrize("name", sorted(TIMELINES))
def test_a_transfer_known_to_the_day_is_a_point_not_a_span(
    ledger: analysis.Ledger, name: str
) -> None:
    drawn = _drawn(TIMELINES[name](ledger).to_dict())
    for mark, encoding, rows in drawn:
        titles = {r.get("title", r.get("titles")) for r in rows}
        if "x2" in encoding:
            assert AUGUST_TITLE not in titles, f"{name}: the {mark} span draws 12 August"
    points = [
        (encoding, rows)
        for mark, encoding, rows in drawn
        if mark in ("circle", "point") and "x2" not in encoding
    ]
    assert points
    for encoding, rows in points:
        august = _row(rows, AUGUST_TITLE)
        assert august["date_start"] == august["date_end"] == "2025-08-12T00:00:00"
        assert august["span"] is False
        assert august["date_label"] == "12 August 2025 (known to the day)"
        assert august[encoding["x"]["field"]] == "2025-08-12T00:00:00"


def test_the_running_total_rises_across_february_and_steps_on_12_august(
    ledger: analysis.Ledger,
) -> None:
    drawn = _drawn(charts.cumulative_transferred(ledger).to_dict())
    (line,) = [rows for mark, _, rows in drawn if mark == "line"]
    corners = [(r["date"], r["total"]) for r in sorted(line, key=lambda r: r["order"])]
    assert corners == [
        ("2025-02-01T00:00:00", 0.0),
        ("2025-02-28T00:00:00", 29.0),
        ("2025-08-12T00:00:00", 29.0),
        ("2025-08-12T00:00:00", 55.0),
    ]


def test_buckets_of_dates_are_spans_too(
    ledger: analysis.Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_year = metrics.transfers_by_date(ledger, max_days=1)
    assert by_year.select("date_start", "date_end", "span", "people", "date_label").rows() == [
        (
            metrics.parse_day("2025-01-01"),
            metrics.parse_day("2025-12-31"),
            True,
            55,
            "2025 (grouped by year)",
        )
    ]
    monkeypatch.setattr(charts.policy, "MAX_TIMELINE_DAYS", 1)
    rows = _rows(charts.policy_timeline(ledger).to_dict())
    assert {(r["date_start"], r["date_end"], r["span"]) for r in rows} == {
        ("2025-01-01T00:00:00", "2025-12-31T00:00:00", True)
    }
    assert sum(r["events"] for r in rows) == 5


def test_years_to_transfer_says_when_in_words(ledger: analysis.Ledger) -> None:
    rows = _rows(charts.years_to_transfer(ledger).to_dict())
    transferred = {r["suspect"]: r["transferred"] for r in rows}
    assert transferred == {
        "Rafael Caro Quintero": "February 2025 (known to the month)",
        "Roberto Salazar": "12 August 2025 (known to the day)",
    }


def _temporal_x(view: Any) -> bool:
    if isinstance(view, dict):
        x = view.get("encoding", {}).get("x", {})
        if isinstance(x, dict) and x.get("type") == "temporal":
            return True
        return any(_temporal_x(v) for k, v in view.items() if k != "datasets")
    if isinstance(view, list):
        return any(_temporal_x(v) for v in view)
    return False


@pytest.mark.parametrize("name", sorted(charts.BUILDERS))
def test_every_chart_with_a_date_axis_is_checked_here(ledger: analysis.Ledger, name: str) -> None:
    if _temporal_x(charts.BUILDERS[name](ledger).to_dict()):
        assert name in TIMELINES, f"{name} has a date axis: add it to TIMELINES"

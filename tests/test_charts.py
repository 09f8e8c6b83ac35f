"""Chart builders: valid Vega-Lite, titled and described, and bounded however big the ledger."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import altair as alt
import polars as pl
import pytest

import analysis
from analysis import charts
from analysis.charts.theme import country_scale
from analysis.report import Report

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("name", sorted(charts.BUILDERS))
def test_builder_returns_a_valid_chart_with_title_and_description(
    name: str, ledger: analysis.Ledger
) -> None:
    chart = charts.BUILDERS[name](ledger)
    spec = chart.to_dict()  # validates against the Vega-Lite schema
    assert spec["description"]
    assert spec["title"]["text"]


def _marks(view: dict[str, Any], inherited: dict[str, Any], data: str | None) -> list[Any]:
    """``(mark type, encoding, data name)`` of every view with a mark in a Vega-Lite spec, each
    with the encoding and data it inherits from the layers, facets and concatenations above."""
    encoding = {**inherited, **view.get("encoding", {})}
    data = view.get("data", {}).get("name", data)
    found = []
    if "mark" in view:
        mark = view["mark"]
        found.append((mark["type"] if isinstance(mark, dict) else mark, encoding, data))
    for key in ("layer", "concat", "hconcat", "vconcat"):
        for child in view.get(key, []):
            found += _marks(child, encoding, data)
    if "spec" in view:  # a facet
        found += _marks(view["spec"], encoding, data)
    return found


def _made_by_transforms(view: Any) -> set[str]:
    """The fields a spec's transforms create (``as``), anywhere in it."""
    found: set[str] = set()
    if isinstance(view, dict):
        for key, value in view.items():
            if key == "transform":
                for step in value:
                    made = step.get("as", [])
                    found.update([made] if isinstance(made, str) else made)
                    for part in step.get("aggregate", []) + step.get("window", []):
                        found.add(part.get("as", ""))
            else:
                found |= _made_by_transforms(value)
    elif isinstance(view, list):
        for item in view:
            found |= _made_by_transforms(item)
    return found


@pytest.mark.parametrize("name", sorted(charts.BUILDERS))
def test_every_mark_has_a_tooltip_of_named_fields_of_its_data(
    name: str, ledger: analysis.Ledger
) -> None:
    spec = charts.BUILDERS[name](ledger).to_dict()
    marks = _marks(spec, {}, None)
    assert marks, f"{name}: no mark found"
    made = _made_by_transforms(spec)
    for mark, encoding, data in marks:
        tooltip = encoding.get("tooltip")
        assert isinstance(tooltip, list), f"{name}: {mark} mark has no tooltip list: {tooltip!r}"
        assert len(tooltip) >= 2, f"{name}: {mark} mark's tooltip says too little: {tooltip}"
        rows = spec["datasets"][data]
        assert rows, f"{name}: the seeds give the chart rows"
        columns = set(rows[0]) | made
        for channel in tooltip:
            assert isinstance(channel.get("field"), str), f"{name}: {channel} names no field"
            assert channel["field"] in columns, f"{name}: {channel['field']} is not in its data"
            assert channel.get("title"), f"{name}: tooltip of {channel['field']} has no title"
            assert channel.get("type") in ("nominal", "ordinal", "quantitative", "temporal")


def test_timeline_data_has_one_row_per_transfer_with_its_people(ledger: analysis.Ledger) -> None:
    data = charts.transfers_timeline(ledger).data
    assert isinstance(data, pl.DataFrame)
    assert sorted(zip(data["date"], data["people"], strict=True)) == [
        (dt.date(2025, 2, 1), 29),
        (dt.date(2025, 8, 12), 26),
    ]


def test_figures_draw_in_the_house_theme_without_changing_the_kernels(
    ledger: analysis.Ledger,
) -> None:
    before = alt.theme.active
    html = Report(ledger, title="t", parameters={}).figure(charts.policy_timeline(ledger), "p").html
    assert "system-ui" in html, "the house font is in the figure's spec"
    assert alt.theme.active == before


def test_countries_other_than_mexico_and_the_us_are_grey_not_theirs() -> None:
    scale = country_scale(pl.Series(["Mexico", "Not attributed", "Canada", None]))
    colours = dict(zip(scale.domain, scale.range, strict=True))
    assert colours == {
        "Mexico": "#1b7f5b",
        "United States": "#2c5ea8",
        "Canada": "#8c8c8c",
        "Not attributed": "#8c8c8c",
    }


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory: pytest.TempPathFactory) -> analysis.Ledger:
    """600 transfers on 600 days, 4 charges each, 60 sources: far beyond what a chart shows."""
    seeds = tmp_path_factory.mktemp("big") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    first = dt.date(2020, 1, 1)
    per_source = 10
    for s in range(60):
        sid = f"{s + 1:03d}_synthetic"
        lines, events, allegations = [], [], []
        for k in range(per_source):
            n = s * per_source + k
            day = first + dt.timedelta(days=3 * n)
            sentence = f"On {day.isoformat()} Mexico sent {n % 40 + 1} suspects in batch {n}."
            lines.append(sentence)
            events.append(
                f"  - id: t{n}\n    kind: transfer\n    title: Batch {n}\n    when: null\n"
                f"    date: {day.isoformat()}\n    people: {n % 40 + 1}\n    origin: mx\n"
                f"    destination: us\n    evidence: ['{sentence}']\n"
            )
            for charge in ("drug trafficking", "kidnapping", "murder", "extortion"):
                allegations.append(
                    f"  - id: t{n}/{charge.replace(' ', '-')}\n    event: t{n}\n"
                    f"    charge: {charge}\n    as_written: {charge}\n    evidence: ['batch {n}.']\n"
                )
        (seeds / "sources" / f"{sid}.txt").write_text(" ".join(lines) + "\n", encoding="utf-8")
        (seeds / "sources" / f"{sid}.yaml").write_text(
            f"id: {sid}\npublished: 2026-01-01\nlanguage: en\nkind: news article\n"
            "outlet: null\nurl: null\ntitle: null\n",
            encoding="utf-8",
        )
        (seeds / "ledger" / f"{sid}.yaml").write_text(
            f"source: {sid}\nevents:\n{''.join(events)}allegations:\n{''.join(allegations)}",
            encoding="utf-8",
        )
    return analysis.load(seeds)


@pytest.mark.parametrize("name", sorted(charts.BUILDERS))
def test_chart_data_stays_bounded_on_a_big_ledger(name: str, big_ledger: analysis.Ledger) -> None:
    assert big_ledger.events.filter(kind="transfer").height == 602
    chart = charts.BUILDERS[name](big_ledger)
    spec = chart.to_dict()  # no MaxRowsError
    rows = sum(len(v) for v in spec.get("datasets", {}).values())
    assert rows <= 500, f"{name} embeds {rows} rows"


def test_big_charges_grid_counts_transfers_per_year(big_ledger: analysis.Ledger) -> None:
    data = charts.charges_by_transfer(big_ledger).data
    assert isinstance(data, pl.DataFrame)
    # 600 synthetic transfers every third day from 2020-01-01 (through 2024), plus the article's
    # own transfer of August 2025; 61 months is more columns than fit, so they are years.
    kidnapping = data.filter(charge="kidnapping").sort("date")
    assert kidnapping["transfer"].to_list() == [
        f"transfers of {year}" for year in (2020, 2021, 2022, 2023, 2024, 2025)
    ]
    assert kidnapping["transfers"].sum() == 601, "every transfer counted once"
    assert kidnapping["transfers"].to_list()[0] == 122  # 366 days of 2020, one every third day

"""Every parameter of a report applies to every section of its page.

The reports are rendered once (one ``analysis render`` of a params file: the defaults and,
per report, each filtering parameter set to a value that leaves some facts out). Each page is
cut into its sections: the summary line, the headline figures, every chart (its Vega-Lite
spec, data included, and its CSV download), every table (its cells and its CSV download) and
the evidence list (the cited sentences). Then, for each (report, parameter set, section), no
fact outside the range or the countries may appear in that section: one test each, so that a
section that ignores a parameter fails a test of its own.

A new section fails too: ``test_the_sections_checked_are_the_pages_sections`` compares the
sections found on each page (charts and tables counted, each by its download's name) with
the list this module knows, so a section added to a notebook needs its entry here, and so
its checks.

The facts left out, and the words that betray them, are read from the seeds by hand
(``seeds/ledger/000_a622ddb6cab2c3b2.yaml``): the February transfer (29 people, Rafael Caro
Quintero, 1985), the 12 August transfer (26, Roberto Salazar, 2008), Sheinbaum's statement
and quotes of 8 August, the July tariff agreement, the US-only tariff threat and the quotes of
Bondi, Johnson and Trump, and the undated events reported on 12 August.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]

#: The sections of each report's page, in page order: ``chart:NAME`` and ``table:NAME`` by
#: the name of their CSV download.
SECTIONS = {
    "transfers": (
        "summary",
        "headlines",
        "chart:transfers",
        "chart:cumulative",
        "table:transfers-table",
        "chart:charges",
        "chart:years-to-transfer",
        "table:suspects",
        "table:decisions",
        "evidence",
    ),
    "policy": (
        "summary",
        "chart:policy-timeline",
        "table:policy-events",
        "table:undated-events",
        "chart:quotes-by-speaker",
        "table:quotes",
        "evidence",
    ),
}


@dataclass(frozen=True)
class Case:
    """A report rendered with one filtering parameter, and what must then be absent."""

    report: str
    label: str
    parameters: dict[str, Any]
    #: Words that only the facts left out carry (substrings, case-sensitive).
    phrases: tuple[str, ...]
    #: Numbers that only the facts left out carry (whole tokens: ``29`` but not ``2029``).
    numbers: tuple[int, ...] = ()
    #: The headline figures the page must show (from its summary), to be sure it is filtered.
    figures: dict[str, int] = field(default_factory=dict)

    @property
    def page(self) -> str:
        slug = "-".join(
            f"{k}-{'-'.join(v) if isinstance(v, list) else v}" for k, v in self.parameters.items()
        )
        return f"{self.report}--{slug.lower().replace(' ', '-')}"


FEBRUARY_TRANSFER = ("transfer-2025-02", "Caro Quintero", "Camarena", "1985", "29 cartel")
AUGUST_TRANSFER = ("transfer-2025-08-12", "Salazar", "Escalante", "2008", "26 alleged")
SHEINBAUM = ("Sheinbaum", "military intervention", "invasion", "military-intervention")
JULY_AGREEMENT = ("tariff-exemption", "tariff exemption", "USMCA", "In July", "July 2025")
US_ONLY = (
    "tariff-threat",
    "threatened tariffs",
    "Trump threatens",
    "Donald Trump",
    "extraordinary threat",
    "Bondi",
    "Johnson",
    "Ambassador",
    "federal courts",
    "death penalty",
    "court-appearances",
    "no-death-penalty",
)
UNDATED_IN_AUGUST = (
    "federal courts",
    "death penalty",
    "months of tension",
    "court-appearances",
    "no-death-penalty",
    "tension-over",
)

CASES = (
    Case(
        "transfers",
        "start",
        {"start": "2025-06-01"},
        (*FEBRUARY_TRANSFER, "February", "2025-02-"),
        (29, 55),
        {"People transferred": 26, "Transfers": 1},
    ),
    Case(
        "transfers",
        "end",
        {"end": "2025-06-30"},
        (
            *AUGUST_TRANSFER,
            "August",
            "2025-08-12T",
            "high-ranking",
            "death penalty",
            "kidnapping",
            "human smuggling",
            "weapons trafficking",
        ),
        (26, 55),
        {"People transferred": 29, "Transfers": 1},
    ),
    Case(
        "policy",
        "start",
        {"start": "2025-08-10"},
        (*FEBRUARY_TRANSFER, "February", *JULY_AGREEMENT, *SHEINBAUM),
        (),
        {"Dated events": 2, "Transfers": 1, "Trade moves": 1, "Quotes": 3},
    ),
    Case(
        "policy",
        "end",
        {"end": "2025-07-31"},
        (
            *AUGUST_TRANSFER,
            "Mexico extradites 26",
            "August 2025",
            *SHEINBAUM,
            "Bondi",
            "Johnson",
            *UNDATED_IN_AUGUST,
        ),
        (),
        {"Dated events": 3, "Transfers": 1, "Trade moves": 2, "Quotes": 1},
    ),
    Case(
        "policy",
        "countries=United States",
        {"countries": ["United States"]},
        (
            *SHEINBAUM,
            "transfer-2025-02",
            "Mexico extradites",
            "Caro Quintero",
            "cartel suspects",
            "26 alleged",
            "months of tension",
        ),
        (),
        {"Dated events": 2, "Transfers": 0, "Trade moves": 2, "Quotes": 3},
    ),
    Case(
        "policy",
        "countries=Mexico",
        {"countries": ["Mexico"]},
        (*US_ONLY, "months of tension"),
        (),
        {"Dated events": 4, "Transfers": 2, "Trade moves": 1, "Quotes": 2},
    ),
)

#: Sections in which the facts a case leaves out never appear even unfiltered, so that its
#: check there cannot fail: kept exact (a test says each one is still so) to show what the
#: checks cover.
VACUOUS = {
    # The only decision is about the August transfer, which start=2025-06-01 keeps.
    ("transfers", "start", "table:decisions"),
    # Every undated event was reported on 12 August, which start=2025-08-10 keeps.
    ("policy", "start", "table:undated-events"),
    # The policy summary is figures only; test_the_headline_figures_are_filtered checks them.
    *(("policy", case.label, "summary") for case in CASES if case.report == "policy"),
}


# -- the pages -----------------------------------------------------------------------------------


@dataclass
class Section:
    name: str
    #: Every value the section shows or offers: cells, chart data, titles, CSV cells.
    texts: list[str]


def _leaves(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in _leaves(v)]
    return [] if value is None else [str(value)]


def _strip(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


def _name(block: str) -> str:
    match = re.search(r'data-name="([^"]+)"', block)
    assert match is not None, f"a section without its name in {block[:200]!r}"
    return match.group(1)


def _csv(block: str) -> list[str]:
    """All the cells of a block's CSV download (header included); none when the block has
    nothing to download (an empty chart or table says so instead)."""
    match = re.search(
        r'download="[^"]+\.csv" href="data:text/csv;charset=utf-8;base64,([^"]*)"', block
    )
    if match is None:
        assert "Nothing" in block, f"no CSV download in {block[:200]!r}"
        return []
    text = base64.b64decode(match.group(1)).decode("utf-8")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def _spec(block: str) -> dict[str, Any]:
    if "vegaEmbed(el, " not in block:  # nothing to draw: no spec
        return {}
    start = block.index("vegaEmbed(el, ") + len("vegaEmbed(el, ")
    spec, _ = json.JSONDecoder().raw_decode(block, start)
    assert isinstance(spec, dict)
    return spec


def sections(page: str) -> list[Section]:
    """The page's sections, in order (what follows ``<main``: the Vega bundle is in the head)."""
    body = page[page.index("<main") :]
    found: list[tuple[int, Section]] = []
    lead = re.search(r'<p[^>]*class="lead"[^>]*>(.*?)</p>', body, re.DOTALL)
    if lead:
        found.append((lead.start(), Section("summary", [_strip(lead.group(1))])))
    heads = re.search(r'<section[^>]*class="headlines"[^>]*>.*?</section>', body, re.DOTALL)
    if heads:
        values = re.findall(r'data-headline="[^"]*">([^<]*)<', heads.group(0))
        found.append((heads.start(), Section("headlines", [_strip(heads.group(0)), *values])))
    for match in re.finditer(
        r'<figure[^>]*class="chart-figure[^"]*"[^>]*>.*?</figure>', body, re.DOTALL
    ):
        block = match.group(0)
        name, cells = _name(block), _csv(block)
        spec = _spec(block)
        title = spec.get("title", {})
        texts = [
            *_leaves(spec.get("datasets", {})),
            *_leaves(title),
            str(spec.get("description", "")),
            _strip(block[block.index("<figcaption") :]),
            *cells,
        ]
        found.append((match.start(), Section(f"chart:{name}", texts)))
    for match in re.finditer(r'<div[^>]*class="table-wrap"[^>]*>.*?</div>', body, re.DOTALL):
        block = match.group(0)
        name, cells = _name(block), _csv(block)
        shown = [_strip(c) for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", block, re.DOTALL)]
        found.append((match.start(), Section(f"table:{name}", [*shown, *cells])))
    evidence = re.search(r'<section[^>]*class="evidence"[^>]*>.*?</section>', body, re.DOTALL)
    if evidence:
        quoted = re.findall(r"<blockquote[^>]*>(.*?)</blockquote>", evidence.group(0), re.DOTALL)
        found.append((evidence.start(), Section("evidence", [html.unescape(q) for q in quoted])))
    return [section for _, section in sorted(found, key=lambda pair: pair[0])]


@pytest.fixture(scope="module")
def rendered_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every case's page and each report's default page, from one ``analysis render``."""
    out = tmp_path_factory.mktemp("filters")
    params = out / "params.json"  # JSON is YAML
    sets: dict[str, list[dict[str, Any]]] = {name: [{}] for name in SECTIONS}
    for case in CASES:
        sets[case.report].append(case.parameters)
    params.write_text(json.dumps(sets), encoding="utf-8")
    command = [sys.executable, "-m", "analysis", "render", "--params-file", str(params)]
    command += ["--out", str(out / "reports"), "--force"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-4000:]
    return out / "reports"


def _page(rendered_pages: Path, stem: str) -> str:
    path = rendered_pages / f"{stem}.html"
    assert path.is_file(), (
        f"no {path.name} among {sorted(p.name for p in rendered_pages.iterdir())}"
    )
    return path.read_text(encoding="utf-8")


def _section(page: str, name: str) -> Section:
    found = [s for s in sections(page) if s.name == name]
    assert len(found) == 1, f"{name}: found {len(found)} on the page"
    return found[0]


def _betrayals(case: Case, section: Section) -> list[str]:
    """What in ``section`` belongs to a fact ``case`` leaves out."""
    found = []
    for shown in section.texts:
        # A source is named by the day it was published: that day is no fact's date.
        text = re.sub(r"published \d{1,2} [A-Z][a-z]+ \d{4}", "published (day)", shown)
        found += [f"{p!r} in {text[:160]!r}" for p in case.phrases if p in text]
        tokens = set(re.findall(r"\d+", text))
        found += [f"{n} in {text[:160]!r}" for n in case.numbers if str(n) in tokens]
    return found


# -- the tests -----------------------------------------------------------------------------------

CHECKS = [
    pytest.param(case, section, id=f"{case.report}-{case.label}-{section}")
    for case in CASES
    for section in SECTIONS[case.report]
]


@pytest.mark.parametrize(("case", "section"), CHECKS)
def test_no_fact_outside_the_parameters_in_any_section(
    rendered_pages: Path, case: Case, section: str
) -> None:
    found = _betrayals(case, _section(_page(rendered_pages, case.page), section))
    assert found == [], f"{case.page}, {section} shows facts its parameters leave out"


@pytest.mark.parametrize(("case", "section"), CHECKS)
def test_the_same_section_unfiltered_shows_what_the_check_looks_for(
    rendered_pages: Path, case: Case, section: str
) -> None:
    """The check of a section could fail: unfiltered, the section shows the facts left out
    (except where it never does, listed in :data:`VACUOUS`, which this keeps exact)."""
    found = _betrayals(case, _section(_page(rendered_pages, case.report), section))
    if (case.report, case.label, section) in VACUOUS:
        assert found == [], "no longer vacuous: remove it from VACUOUS"
    else:
        assert found, f"{case.report}, {section}: unfiltered, nothing of what the check seeks"


@pytest.mark.parametrize(
    "stem", sorted({c.page for c in CASES} | set(SECTIONS)), ids=lambda stem: stem
)
def test_the_sections_checked_are_the_pages_sections(rendered_pages: Path, stem: str) -> None:
    page = _page(rendered_pages, stem)
    report = stem.split("--", maxsplit=1)[0]
    assert tuple(s.name for s in sections(page)) == SECTIONS[report]
    body = page[page.index("<main") :]
    known = SECTIONS[report]
    charts = [s for s in known if s.startswith("chart:")]
    tables = [s for s in known if s.startswith("table:")]
    assert body.count('class="chart-figure') == len(charts), "a chart without a test"
    assert len(re.findall(r"<table[ >]", body)) - body.count('<table class="params">') == len(
        tables
    ), "a table without a test"
    # A chart or table with nothing in range offers no download; every other one does.
    empty = body.count("chart-figure chart-empty") + len(
        re.findall(r'<td colspan="\d+">Nothing in this range\.</td>', body)
    )
    assert body.count("data:text/csv") == len(charts) + len(tables) - empty, (
        "a download without a test"
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.report}-{c.label}")
def test_the_headline_figures_are_filtered(rendered_pages: Path, case: Case) -> None:
    summary = json.loads((rendered_pages / f"{case.page}.summary.json").read_text("utf-8"))
    assert {k: summary["figures"][k] for k in case.figures} == case.figures


@pytest.mark.parametrize("label", ["countries=Mexico", "countries=United States"])
def test_the_agreement_of_both_countries_is_on_either_countrys_page(
    rendered_pages: Path, label: str
) -> None:
    (case,) = [c for c in CASES if c.label == label]
    page = _page(rendered_pages, case.page)
    table = _section(page, "table:policy-events").texts
    assert "Agreement extends a 90-day tariff exemption for USMCA goods" in table
    assert "Mexico and United States" in table, "the table names both parties"
    timeline = _section(page, "chart:policy-timeline").texts
    assert "Mexico and United States" in timeline

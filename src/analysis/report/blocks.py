"""Building blocks of a report page, used by the report notebooks.

A :class:`Report` collects what a report cites, so its closing evidence section lists every
sentence a number or chart on the page rests on. Each block is an object with
``_repr_html_``: the notebook displays it, nbconvert keeps it, and all source text in it is
escaped. Charts are embedded as Vega-Lite specs drawn by the Vega bundle that the header
carries (:mod:`analysis.vega`: so the notebook draws in JupyterLab offline and as a plain
nbconvert page; ``analysis render`` moves the bundle to the page head), with ids numbered in
order, so two renders are byte-identical.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import polars as pl

from analysis import dates
from analysis.ledger.export import flatten_lists
from analysis.markup import plural
from analysis.report.protocol import SUMMARY_MIMETYPE
from analysis.vega import bundle_html, embed_html

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    import altair as alt

    from analysis import metrics
    from analysis.ledger import Ledger

#: Rows shown in a table before the rest is left to the CSV download.
MAX_TABLE_ROWS = 200
#: Evidence links shown under one headline figure, and sources listed in a page's header;
#: beyond them the page says how many more, so it does not grow with the ledger.
MAX_HEADLINE_CITES = 8
MAX_HEADER_SOURCES = 20


def sentence_anchor(source_id: str, sentence: int) -> str:
    """The element id of a cited sentence in a report's evidence section."""
    return f"s-{source_id}-{sentence}"


@dataclass
class Html:
    """A block of HTML, already escaped where it holds data."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


@dataclass
class _Summary:
    data: dict[str, Any]

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict[str, Any]:
        del include, exclude
        return {SUMMARY_MIMETYPE: self.data, "text/plain": ""}


def _is_web(url: object) -> bool:
    """A source's URL that a page may link to (http or https, nothing a script could run)."""
    return isinstance(url, str) and url.lower().startswith(("https://", "http://"))


def _csv_link(frame: pl.DataFrame, filename: str) -> str:
    payload = base64.b64encode(flatten_lists(frame).write_csv().encode("utf-8")).decode("ascii")
    return (
        f'<a class="download" download="{html.escape(filename)}" '
        f'href="data:text/csv;charset=utf-8;base64,{payload}">'
        f"Download the data ({html.escape(filename)}, {plural(frame.height, 'row')})</a>"
    )


def _cell(value: object) -> str:
    if value is None:
        return '<span class="na">not stated</span>'
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.0%}" if 0 <= value <= 1 else f"{value:,.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return html.escape("; ".join(str(v) for v in value))
    return html.escape(str(value))


#: The columns that show each field sources may dispute or the ledger may derive.
_FIELD_COLUMNS = {
    "date": ("when", "date", "date_as_written"),
    "people": ("people",),
    "duration_days": ("duration_days",),
}


#: A column whose longest value is longer than this is given a readable width.
LONG_TEXT = 60


def _is_long(frame: pl.DataFrame, column: str) -> bool:
    values = frame.get_column(column)
    if values.dtype != pl.String or values.is_empty():
        return False
    return int(values.str.len_chars().max() or 0) > LONG_TEXT  # type: ignore[arg-type]


def _long(long: bool) -> str:
    return ' class="long"' if long else ""


def _shown(row: Mapping[str, Any], column: str) -> str:
    """A cell: a date known only to the month or year is said as that period ("February
    2025"), never as its first day."""
    value = row[column]
    precision = row.get(f"{column}_precision")
    if isinstance(value, dt.date) and precision in ("month", "year"):
        return html.escape(dates.describe(value, precision))
    return _cell(value)


def _marks(row: Mapping[str, Any], column: str) -> str:
    """What a reader must know about a value: that the ledger works it out rather than reads
    it (``derived``), or that the sources give it differently (``disputed``)."""
    out = ""
    for name, how in zip(
        row.get("derived_fields") or (), row.get("derivation") or (), strict=False
    ):
        if column in _FIELD_COLUMNS.get(name, (name,)):
            out += f' <span class="derived">derived: {html.escape(str(how))}</span>'
    for name in row.get("disputed_fields") or ():
        shown = [c for c in _FIELD_COLUMNS.get(name, (name,)) if c in row]
        if shown and column == shown[0]:
            out += (
                ' <span class="disputed" title="The sources give this differently; the Sources '
                'report lists each value and source">sources differ</span>'
            )
    return out


def _plain(value: object) -> str:
    """A parameter's value as text (not yet escaped)."""
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _param(value: object) -> str:
    if value in ("", []):
        return '<span class="na">all (not set)</span>'
    return _cell(value)


def _chart_data(chart: alt.TopLevelMixin) -> pl.DataFrame | None:
    data = getattr(chart, "data", None)
    if isinstance(data, pl.DataFrame):
        return data
    for part in getattr(chart, "layer", None) or []:
        found = _chart_data(part)
        if found is not None:
            return found
    return None


@dataclass
class Report:
    """One report page: its title, parameters, and everything it cites.

    >>> rep = Report(ledger, title="Extraditions", parameters={"start": ""})  # doctest: +SKIP
    >>> rep.header()                                                           # doctest: +SKIP
    """

    ledger: Ledger
    title: str
    parameters: Mapping[str, Any]
    _cited: set[tuple[str, int]] = field(default_factory=set)
    _charts: int = 0
    _names: dict[str, str] | None = None

    # -- citing --------------------------------------------------------------------------------

    def cite(self, refs: Iterable[tuple[str, int]]) -> str:
        """Links to the evidence sentences ``refs``; remembers them for :meth:`evidence`."""
        links = []
        for source_id, sentence in refs:
            self._cited.add((source_id, int(sentence)))
            links.append(
                f'<a class="cite" href="#{sentence_anchor(source_id, int(sentence))}" '
                f'title="{html.escape(self._source_name(source_id))}, sentence {int(sentence)}">'
                f"[sentence {int(sentence)}]</a>"
            )
        return " ".join(links)

    def _source_name(self, source_id: str) -> str:
        """The name a reader knows a source by (its outlet and title, or "unknown outlet,
        published 12 August 2025"), never its file id."""
        if self._names is None:
            from analysis.metrics import source_names  # noqa: PLC0415 - the data stack

            names = source_names(self.ledger)
            self._names = dict(zip(names["source_id"], names["source_name"], strict=True))
        return self._names.get(source_id, source_id)

    # -- blocks ---------------------------------------------------------------------------------

    def header(self, summary: str = "") -> Html:
        """Title, one-line summary, the parameters and the sources the report draws on."""
        params = "".join(
            f'<tr><th scope="row">{html.escape(k)}</th><td>{_param(v)}</td></tr>'
            for k, v in self.parameters.items()
        )
        sources = "".join(
            "<li>"
            f"<strong>{html.escape(self._source_name(r['source_id']))}</strong>: "
            f"{html.escape(r['kind'])}"
            + (
                f', <a href="{html.escape(r["url"])}">{html.escape(r["url"])}</a>'
                if _is_web(r["url"])
                else ""
            )
            + f"; {r['n_sentences']} sentences; file <code>{html.escape(r['source_id'])}</code>, "
            f"sha256 <code>{r['sha256'][:16]}…</code>"
            "</li>"
            for r in self.ledger.sources.head(MAX_HEADER_SOURCES).iter_rows(named=True)
        )
        if self.ledger.sources.height > MAX_HEADER_SOURCES:
            sources += (
                f"<li>and {self.ledger.sources.height - MAX_HEADER_SOURCES} more "
                "(every input file is listed with its checksum in the page's provenance)</li>"
            )
        lead = f'<p class="lead">{html.escape(summary)}</p>' if summary else ""
        lead += self._candidates_banner()
        return Html(
            f'<header class="report-header"><h1>{html.escape(self.title)}</h1>{lead}'
            '<details class="meta"><summary>Parameters and sources</summary>'
            f'<table class="params"><caption>Parameters of this render</caption>{params}</table>'
            f"<p>Sources this report draws on:</p><ul>{sources}</ul></details></header>"
            # The charts' library, so that the notebook draws anywhere (JupyterLab offline,
            # plain nbconvert); `analysis render` moves it to the page's head.
            + bundle_html()
        )

    def _candidates_banner(self) -> str:
        """Said at the top when the ledger holds unreviewed drafts of ``analysis ingest``
        (only there when it was loaded with ``include_candidates``): candidate facts, marked
        wherever they appear, and candidate evidence added to reviewed facts."""
        facts = pl.concat(
            frame.filter(pl.col("status") == "candidate").select(pl.col(key).alias("fact_id"))
            for frame, key in (
                (self.ledger.actors, "actor_id"),
                (self.ledger.events, "event_id"),
                (self.ledger.quotes, "quote_id"),
                (self.ledger.allegations, "allegation_id"),
            )
        )["fact_id"]
        evidence = self.ledger.evidence.filter(
            (pl.col("status") == "candidate") & ~pl.col("fact_id").is_in(facts.implode())
        ).height
        parts = [
            *([f"{facts.len()} unreviewed candidate facts"] if facts.len() else []),
            *([f"{evidence} unreviewed pieces of evidence for reviewed facts"] if evidence else []),
        ]
        if not parts:
            return ""
        return (
            '<p class="unreviewed" role="note">This render includes '
            f"{' and '.join(parts)}, drafted by <code>analysis ingest</code>; "
            "rows that rest on candidate facts are marked “unreviewed”.</p>"
        )

    def headlines(self, items: Iterable[metrics.Headline]) -> Html:
        """Headline figures, each linked to the sentences it comes from."""
        cards = []
        for item in items:
            note = f'<span class="note">{html.escape(item.note)}</span>' if item.note else ""
            if item.unreviewed:
                note += f'<span class="unreviewed">includes {item.unreviewed} unreviewed</span>'
            cite = self.cite(item.evidence[:MAX_HEADLINE_CITES])
            if len(item.evidence) > MAX_HEADLINE_CITES:
                cite += f" and {len(item.evidence) - MAX_HEADLINE_CITES} more"
            cards.append(
                '<div class="headline">'
                f'<span class="label">{html.escape(item.label)}</span>'
                f'<span class="value" data-headline="{html.escape(item.label)}">{item.value}</span>'
                f'{note}<span class="cites">{cite}</span></div>'
            )
        return Html(
            f'<section class="headlines" aria-label="Headline figures">{"".join(cards)}</section>'
        )

    def figure(self, chart: alt.TopLevelMixin, name: str) -> Html:
        """A chart, drawn offline by the page's Vega bundle, with its data as a CSV download.

        A chart whose data has no rows would draw empty axes: the figure says in words that
        there is nothing to draw, and why (the page's parameters), with no script and no
        download of an empty file.
        """
        self._charts += 1
        div = f"chart-{self._charts}"
        import altair as alt  # noqa: PLC0415 - only pages with charts need it

        from analysis.charts import THEME  # noqa: PLC0415 - registers the house theme

        with alt.theme.enable(THEME):  # for this spec only; the kernel's choice is untouched
            spec = chart.to_dict()
        description = str(spec.get("description", ""))
        data = _chart_data(chart)
        if data is not None and data.height == 0:
            # The chart's title says what would be drawn; its description (of marks) does not apply.
            title = spec.get("title")
            text = title.get("text", "") if isinstance(title, dict) else title or ""
            heading = " ".join(text) if isinstance(text, list) else str(text)
            return Html(
                f'<figure class="chart-figure chart-empty" data-name="{html.escape(name)}">'
                f'<p class="nothing">{html.escape(self._nothing_to_draw())}</p>'
                f"<figcaption>{html.escape(heading)}</figcaption></figure>"
            )
        download = _csv_link(data, f"{name}.csv") if data is not None else ""
        return Html(
            f'<figure class="chart-figure" data-name="{html.escape(name)}">'
            f"{embed_html(spec, div)}"
            f"<figcaption>{html.escape(description)} {download}</figcaption></figure>"
        )

    def _nothing_to_draw(self) -> str:
        """Why a chart has nothing to draw: the parameters of the page that select facts
        (every one set, but its title and its switches)."""
        limits = [
            f"{name} {_plain(value)}"
            for name, value in self.parameters.items()
            if name != "title" and not isinstance(value, bool) and value not in ("", [], None)
        ]
        if not limits:
            return "Nothing to draw: the ledger holds no facts for this chart."
        return f"Nothing to draw: no facts match the parameters of this page ({', '.join(limits)})."

    def table(
        self,
        frame: pl.DataFrame,
        columns: Mapping[str, str],
        *,
        caption: str,
        name: str,
        cite: tuple[str, str] | None = None,
        empty: str = "Nothing in this range.",
    ) -> Html:
        """An escaped HTML table of ``columns`` (name -> heading), with a CSV download.

        ``cite`` names the (source id, sentence number) columns that link each row to its
        evidence sentence; ``empty`` is said instead of rows when there are none.
        """
        shown = frame.head(MAX_TABLE_ROWS)
        long = {c for c in columns if _is_long(shown, c)}
        heads = "".join(
            f'<th scope="col"{_long(c in long)}>{html.escape(h)}</th>' for c, h in columns.items()
        )
        if cite:
            heads += '<th scope="col">Evidence</th>'
        # Each cell carries its heading, shown above its value where rows become cards (phones).
        opens = {
            c: f'<td data-label="{html.escape(h)}"{_long(c in long)}>' for c, h in columns.items()
        }
        rows = []
        for row in shown.iter_rows(named=True):
            cells = "".join(f"{opens[c]}{_shown(row, c)}{_marks(row, c)}</td>" for c in columns)
            if row.get("status") == "candidate":
                first = opens[next(iter(columns))]
                cells = cells.replace(
                    first, first + '<span class="unreviewed">unreviewed</span> ', 1
                )
            if cite:
                src, sent = row[cite[0]], row[cite[1]]
                link = self.cite([(src, sent)]) if src is not None else ""
                cells += f'<td data-label="Evidence">{link}</td>'
            rows.append(f"<tr>{cells}</tr>")
        more = ""
        if frame.height > shown.height:
            # The page stays bounded: the rest is a command away, not inlined.
            more = (
                f'<p class="more">Showing {shown.height} of {frame.height} rows; '
                "<code>analysis export</code> writes them all.</p>"
            )
        if not rows:  # and no download of an empty file, as for a figure
            body = f'<tr><td colspan="{len(columns) + bool(cite)}">{html.escape(empty)}</td></tr>'
            download = ""
        else:
            body = "".join(rows)
            download = f'<p class="download-line">{_csv_link(shown, f"{name}.csv")}</p>'
        return Html(
            f'<div class="table-wrap" data-name="{html.escape(name)}">'
            f"<table><caption>{html.escape(caption)}</caption>"
            f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>{more}{download}</div>"
        )

    def evidence(self) -> Html:
        """Every sentence this report cited, in source order, as the links' targets."""
        sentences = self.ledger.sentences
        sources = {r["source_id"]: r for r in self.ledger.sources.iter_rows(named=True)}
        items = []
        for source_id, sentence in sorted(self._cited):
            row = sentences.filter(
                (pl.col("source_id") == source_id) & (pl.col("sentence") == sentence)
            )
            text = row["text"][0] if row.height else "(sentence not found)"
            url = str(sources.get(source_id, {}).get("url") or "")
            link = f' <a href="{html.escape(url)}">{html.escape(url)}</a>' if _is_web(url) else ""
            items.append(
                f'<li id="{sentence_anchor(source_id, sentence)}">'
                f'<span class="where">{html.escape(self._source_name(source_id))}, '
                f"sentence {sentence}{link}</span>"
                f"<blockquote>{html.escape(text)}</blockquote></li>"
            )
        return Html(
            '<section class="evidence"><h2>Evidence</h2>'
            "<p>The sentences of the sources that the figures, tables and charts above rest on.</p>"
            f'<ol class="evidence-list">{"".join(items)}</ol></section>'
        )

    def warnings(self, lines: Iterable[str], *, heading: str = "Warnings") -> Html:
        """Things a reader must not miss (a total a source states that the ledger does not
        reach): a visible note, or nothing when there are none."""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        if not items:
            return Html("")
        return Html(
            f'<section class="warnings" role="note" aria-label="{html.escape(heading)}">'
            f"<h2>{html.escape(heading)}</h2><ul>{items}</ul></section>"
        )

    def summary(self, line: str, figures: Mapping[str, int | float | str]) -> _Summary:
        """The report's one-line summary and headline figures, for the index and ``diff``."""
        return _Summary({"summary": line, "figures": dict(figures), "title": self.title})

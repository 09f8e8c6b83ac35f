"""Figures of the sources report: every fact with its evidence, coverage, single sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from analysis.ledger.text import ELLIPSIS, shorten
from analysis.metrics._common import (
    format_date,
    source_names,
    with_first_evidence,
    with_source_name,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from analysis.ledger import Ledger

#: Characters of a quote in a fact's label, and of a sentence in a chart's tooltip.
QUOTE_LABEL_CHARS = 80
EXCERPT_CHARS = 60


def quoted(text: str, limit: int) -> str:
    """A quote in quotation marks, shortened at a word boundary: the cut words stay verbatim
    inside the marks, and the ellipsis that says they were cut stands outside them.

    >>> quoted("We cooperate, we collaborate, but there is not going to be an invasion.", 30)
    '“We cooperate, we collaborate” …'
    """
    head, cut = shorten(text, limit)
    return f"“{head}” {ELLIPSIS}" if cut else f"“{text}”"


def excerpt(text: str, limit: int) -> str:
    """The start of a sentence, cut at a word boundary, with an ellipsis when cut; a quotation
    the cut falls in is closed first, so the ellipsis stands outside its marks.

    >>> excerpt("“Today is the latest example,” she said.", 20)
    '“Today is the latest” …'
    """
    head, cut = shorten(text, limit)
    if not cut:
        return text
    if head.count("“") > head.count("”"):
        head += "”"
    return f"{head} {ELLIPSIS}"


def fact_evidence(ledger: Ledger) -> pl.DataFrame:
    """Every fact with each sentence of a source that it rests on (one row per evidence)."""
    labels = pl.concat(
        [
            ledger.actors.select(pl.col("actor_id").alias("fact_id"), pl.col("name").alias("fact")),
            ledger.events.select(
                pl.col("event_id").alias("fact_id"), pl.col("title").alias("fact")
            ),
            ledger.quotes.join(
                ledger.actors.select(pl.col("actor_id").alias("speaker_id"), "name"),
                on="speaker_id",
            ).select(
                pl.col("quote_id").alias("fact_id"),
                pl.struct("name", "text")
                .map_elements(
                    lambda r: f"{r['name']} quoted: {quoted(r['text'], QUOTE_LABEL_CHARS)}",
                    return_dtype=pl.String,
                )
                .alias("fact"),
            ),
            ledger.allegations.join(
                ledger.actors.select(pl.col("actor_id").alias("accused_id"), "name"),
                on="accused_id",
                how="left",
            ).select(
                pl.col("allegation_id").alias("fact_id"),
                # "Alleged against Roberto Salazar: murder (“wanted in connection with …”)";
                # the source's words only where they differ from the charge's name.
                pl.format(
                    "Alleged{}: {}{}",
                    pl.when(pl.col("name").is_not_null())
                    .then(pl.format(" against {}", "name"))
                    .otherwise(pl.lit("")),
                    pl.col("charge").cast(pl.String),
                    pl.when(pl.col("as_written") != pl.col("charge").cast(pl.String))
                    .then(pl.format(" (“{}”)", "as_written"))
                    .otherwise(pl.lit("")),
                ).alias("fact"),
            ),
            ledger.claims.select(
                pl.col("claim_id").alias("fact_id"),
                pl.format(
                    "A total the source states: {}, {}", pl.col("about").cast(pl.String), "value"
                ).alias("fact"),
            ),
            ledger.event_actors.join(ledger.actors.select("actor_id", "name"), on="actor_id")
            .join(ledger.events.select("event_id", pl.col("title").alias("event")), on="event_id")
            .select(
                pl.col("role_id").alias("fact_id"),
                pl.format("{}: {} in “{}”", "name", pl.col("role").cast(pl.String), "event").alias(
                    "fact"
                ),
            ),
        ]
    )
    sentences = ledger.sentences.select(
        "source_id", "sentence", pl.col("text").alias("sentence_text")
    )
    return (
        ledger.evidence.join(labels, on="fact_id", how="left")
        .join(sentences, on=["source_id", "sentence"], how="left")
        .with_columns(pl.col("fact_type").cast(pl.String))
        .join(source_names(ledger), on="source_id", how="left")
        .select(
            "fact_type",
            "fact_id",
            "fact",
            "source_id",
            "source_name",
            "sentence",
            "char_start",
            "char_end",
            "text",
            "sentence_text",
            pl.col("status").cast(pl.String),
        )
        .sort("source_id", "sentence", "char_start", "fact_type", "fact_id")
    )


def sentence_coverage(ledger: Ledger) -> pl.DataFrame:
    """For each source, how many of its sentences the ledger cites, and the share."""
    used = (
        ledger.evidence.select(
            "source_id", pl.int_ranges("sentence", pl.col("sentence_end") + 1).alias("sentence")
        )
        .explode("sentence")
        .unique()
        .group_by("source_id")
        .agg(sentences_used=pl.len().cast(pl.Int64))
    )
    return (
        ledger.sources.select(
            "source_id", pl.col("n_sentences").alias("sentences"), "published", "title"
        )
        .join(source_names(ledger), on="source_id")
        .join(used, on="source_id", how="left")
        .with_columns(
            pl.col("sentences_used").fill_null(0),
            source=pl.col("source_name"),
        )
        .with_columns(share_used=pl.col("sentences_used") / pl.col("sentences"))
        .select("source", "source_id", "sentences", "sentences_used", "share_used")
        .sort("source_id")
    )


def facts_per_sentence(ledger: Ledger) -> pl.DataFrame:
    """Number of distinct facts citing each sentence, per source (uncited sentences are 0)."""
    cited = (
        ledger.evidence.select("source_id", "sentence", "fact_id")
        .unique()
        .group_by("source_id", "sentence")
        .agg(facts=pl.len().cast(pl.Int64))
    )
    return (
        ledger.sentences.join(cited, on=["source_id", "sentence"], how="left")
        .join(source_names(ledger), on="source_id", how="left")
        .select(
            pl.col("source_name").alias("source"),
            "source_id",
            "sentence",
            pl.col("facts").fill_null(0),
            excerpt=pl.col("text").map_elements(
                lambda t: excerpt(t, EXCERPT_CHARS), return_dtype=pl.String
            ),
        )
        .sort("source_id", "sentence")
    )


def single_source_facts(ledger: Ledger) -> pl.DataFrame:
    """Events, quotes and allegations that only one source supports."""
    per_fact = (
        ledger.evidence.filter(
            pl.col("fact_type").cast(pl.String).is_in(["event", "quote", "allegation"])
        )
        .group_by("fact_type", "fact_id")
        .agg(
            n_sources=pl.col("source_id").n_unique().cast(pl.Int64),
            source_id=pl.col("source_id").first(),
            status=pl.when((pl.col("status") == "candidate").all())
            .then(pl.lit("candidate"))
            .otherwise(pl.lit("reviewed")),
        )
        .filter(pl.col("n_sources") == 1)
    )
    labels = fact_evidence(ledger).select("fact_id", "fact").unique("fact_id")
    return (
        per_fact.join(labels, on="fact_id", how="left")
        .with_columns(pl.col("fact_type").cast(pl.String))
        .join(source_names(ledger), on="source_id", how="left")
        .select("fact_type", "fact_id", "fact", "source_id", "source_name", "status")
        .sort("fact_type", "fact_id")
    )


def sources_figures(ledger: Ledger) -> dict[str, int]:
    """The sources report's headline figures: sources, facts, evidence quotations, and facts
    that rest on one source only."""
    facts = fact_evidence(ledger)
    return {
        "Sources": ledger.sources.height,
        "Facts": facts["fact_id"].n_unique(),
        "Evidence quotations": facts.height,
        "Facts with one source": single_source_facts(ledger).height,
    }


def sources_summary(figures: Mapping[str, int]) -> str:
    """The sources report's one-line summary, from :func:`sources_figures`."""
    sources = figures["Sources"]
    return (
        f"{figures['Facts']} facts from {sources} source{'s' if sources != 1 else ''}, "
        f"resting on {figures['Evidence quotations']} quotations"
    )


def _claim_period(row: dict[str, object]) -> str:
    since = row["since"]
    as_of = row["as_of"]
    out = f" since {format_date(since, row['since_precision'])}" if since is not None else ""  # type: ignore[arg-type]
    if as_of is not None:
        out += f", as of {format_date(as_of, row['as_of_precision'])}"  # type: ignore[arg-type]
    return out


def stated_totals(ledger: Ledger) -> pl.DataFrame:
    """Each total a source states, beside what the ledger computes for the same thing over
    the same period (:mod:`analysis.ledger.consistency`), and whether they agree."""
    claims = ledger.claims
    titles = dict(zip(ledger.events["event_id"], ledger.events["title"], strict=True))
    rows = []
    for row in claims.iter_rows(named=True):
        about = str(row["about"])
        if about == "transfer number":
            about = f"place of ‘{titles.get(row['event_id'], row['event_id'])}’ among the transfers"
        figure = row["ledger_value"]
        if row["agrees"]:
            verdict = "agrees"
        elif figure is None:
            verdict = "the ledger cannot place that transfer"
        else:
            verdict = f"disagrees: the ledger has {figure}"
        rows.append(
            {
                "claim_id": row["claim_id"],
                "claim": about[0].upper() + about[1:] + _claim_period(row),
                "stated": row["value"],
                "ledger_value": figure,
                "verdict": verdict,
                "agrees": row["agrees"],
                "source_id": row["source_id"],
                "status": str(row["status"]),
            }
        )
    schema = {
        "claim_id": pl.String,
        "claim": pl.String,
        "stated": pl.Int64,
        "ledger_value": pl.Int64,
        "verdict": pl.String,
        "agrees": pl.Boolean,
        "source_id": pl.String,
        "status": pl.String,
    }
    frame = with_first_evidence(ledger, pl.DataFrame(rows, schema=schema), "claim_id")
    frame = with_source_name(ledger, frame)
    return frame.rename({"evidence_text": "source_says"}).sort("agrees", "claim_id")


def claim_warnings(ledger: Ledger) -> list[str]:
    """A sentence for each stated total the ledger does not reach, as the page warns of it."""
    return [
        f"{row['source_name']} states {row['stated']} for “{row['claim']}”; "
        f"{row['verdict'].replace('disagrees: ', '')}. Neither figure is corrected: a reviewer "
        "decides whether a transfer is missing from the ledger or the source counts otherwise."
        for row in stated_totals(ledger)
        .filter(~pl.col("agrees").fill_null(value=False))
        .iter_rows(named=True)
    ]


def source_disputes(ledger: Ledger) -> pl.DataFrame:
    """One row for each source's value of each field the sources give differently, with the
    sentence it comes from, and the value the event shows (by the rule of
    :mod:`analysis.ledger.consistency`)."""
    disputes = ledger.disputes.explode("values", "source_ids").rename(
        {"values": "value", "source_ids": "source_id"}
    )
    sentence = (
        ledger.evidence.filter(pl.col("fact_type") == "event")
        .sort("fact_id", "source_id", "char_start")
        .group_by("fact_id", "source_id", maintain_order=True)
        .first()
        .select(
            pl.col("fact_id").alias("event_id"),
            "source_id",
            pl.col("sentence").alias("evidence_sentence"),
            pl.col("text").alias("source_says"),
        )
    )
    return (
        disputes.join(ledger.events.select("event_id", "title"), on="event_id", how="left")
        .join(sentence, on=["event_id", "source_id"], how="left")
        .with_columns(
            shown=pl.col("value") == pl.col("shown_value"),
            evidence_source_id=pl.col("source_id"),
            rule=pl.col("rule").cast(pl.String),
            difference=pl.when(pl.col("compatible"))
            .then(pl.lit("in precision only"))
            .otherwise(pl.lit("in fact")),
        )
        .join(source_names(ledger), on="source_id", how="left")
        .select(
            "event_id",
            "title",
            "field",
            "source_id",
            "source_name",
            "value",
            "source_says",
            "shown",
            "shown_value",
            "rule",
            "difference",
            "evidence_source_id",
            "evidence_sentence",
        )
        .sort("event_id", "field", "source_id")
    )

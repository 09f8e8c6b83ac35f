"""Figures of the sources report: every fact with its evidence, coverage, single sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

if TYPE_CHECKING:
    from collections.abc import Mapping

    from analysis.ledger import Ledger


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
                pl.format("{} quoted: “{}”", "name", pl.col("text").str.slice(0, 80)).alias("fact"),
            ),
            ledger.allegations.select(
                pl.col("allegation_id").alias("fact_id"),
                pl.format("Alleged: {} ({})", pl.col("charge").cast(pl.String), "as_written").alias(
                    "fact"
                ),
            ),
            ledger.event_actors.select(
                pl.col("role_id").alias("fact_id"),
                pl.format(
                    "{} is {} in {}", "actor_id", pl.col("role").cast(pl.String), "event_id"
                ).alias("fact"),
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
        .select(
            "fact_type",
            "fact_id",
            "fact",
            "source_id",
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
        .join(used, on="source_id", how="left")
        .with_columns(
            pl.col("sentences_used").fill_null(0),
            source=pl.format("{} ({})", "source_id", pl.col("published").dt.strftime("%Y-%m-%d")),
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
        .select(
            pl.col("source_id").alias("source"),
            "sentence",
            pl.col("facts").fill_null(0),
            excerpt=pl.col("text").str.slice(0, 60),
        )
        .sort("source", "sentence")
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
        .select("fact_type", "fact_id", "fact", "source_id", "status")
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

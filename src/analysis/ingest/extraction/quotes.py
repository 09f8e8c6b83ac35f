"""Quotes: the words inside quotation marks, chained into quotations across paragraphs, and
who said them ("…," said X; X said: "…"; what he called "…")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import NAME, SP, SPEECH_VERBS, Spans

if TYPE_CHECKING:
    from analysis.ingest.extraction._common import DateSpan, Mention

__all__ = ["find_quotes"]


@dataclass(slots=True)
class _Segment:
    start: int  # first character inside the quotation marks
    end: int  # one past the last character inside
    open_at: int  # the opening mark
    close_at: int | None  # the closing mark, None when it is missing
    paragraph: int
    at_paragraph_start: bool
    attribution: _Attribution | None = None


@dataclass(slots=True)
class _Attribution:
    form: str
    who_start: int
    who_end: int
    start: int
    end: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: blocks between blank lines when there are any, else lines."""
    splitter = r"\n[ \t]*\n" if re.search(r"\n[ \t]*\n", text) else r"\n"
    spans = []
    pos = 0
    for m in [*re.finditer(splitter, text), None]:
        end = m.start() if m is not None else len(text)
        block = text[pos:end]
        stripped = block.strip()
        if stripped:
            start = pos + block.index(stripped)
            spans.append((start, start + len(stripped)))
        if m is not None:
            pos = m.end()
    return spans


_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[\w\u2019'-]+)"
_WHO = rf"(?:{_TOKEN}(?:{SP}{_TOKEN}){{0,7}}?)"


def _segments(text: str, paragraphs: list[tuple[int, int]]) -> list[_Segment]:
    segments: list[_Segment] = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            open_at = -1
            for j in range(i, p_end):
                ch = text[j]
                after_word = j > p_start and (text[j - 1].isalnum() or text[j - 1] in ",.;:!?")
                if ch == "\u201c" or (ch == '"' and not after_word):
                    open_at = j
                    break
            if open_at < 0:
                break
            start = open_at + 1
            close_at = None
            next_open = p_end
            for j in range(start, p_end):
                if text[j] in '”"':
                    close_at = j
                    break
                if text[j] == "“":
                    next_open = j
                    break
            end = close_at if close_at is not None else next_open
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                segments.append(_Segment(start, end, open_at, close_at, index, open_at == p_start))
            i = (close_at + 1) if close_at is not None else next_open
    return segments


def _attribute(text: str, seg: _Segment, prev_end: int, next_open: int) -> _Attribution | None:
    verbs = SPEECH_VERBS
    if seg.close_at is not None:
        after_start = seg.close_at + 1
        after = text[after_start:next_open]
        m = re.match(rf"{SP}*,?{SP}*(?P<who>{_WHO}){SP}+(?:{verbs})\b(?P<rest>[^.!?;“”\"\n]*)",
                     after)  # fmt: skip
        if m is not None:
            return _Attribution(
                "after", after_start + m.start("who"), after_start + m.end("who"),
                after_start + m.start("who"), after_start + m.end(),
            )  # fmt: skip
        m = re.match(rf"{SP}*,?{SP}*(?:{verbs}){SP}+(?P<who>{_WHO})(?=[.,;!?\n]|$)", after)
        if m is None:  # "said U.S. Ambassador Ronald Johnson." ends with a dot of its own
            m = re.match(rf"{SP}*,?{SP}*(?:{verbs}){SP}+(?P<who>{_WHO})\.?", after)
        if m is not None:
            return _Attribution(
                "inverted", after_start + m.start("who"), after_start + m.end("who"),
                after_start + m.start() + len(m.group(0)) - len(m.group(0).lstrip(" ,")),
                after_start + m.end("who"),
            )  # fmt: skip
    before = text[prev_end : seg.open_at]
    m = re.search(rf"(?P<who>{_WHO}){SP}+(?:{verbs})\b(?P<rest>(?:{SP}+[\w\u2019'.-]+){{0,4}}?)"
                  rf"{SP}*[:,]{SP}*$", before)  # fmt: skip
    if m is not None:
        return _Attribution(
            "before", prev_end + m.start("who"), prev_end + m.end("who"),
            prev_end + m.start(), prev_end + m.end("rest"),
        )  # fmt: skip
    m = re.search(rf"(?:\bwhat{SP}+)?\b(?P<who>he|she|they|{NAME}){SP}+(?:called|described{SP}as|"
                  rf"dubbed|termed){SP}*,?{SP}*$", before)  # fmt: skip
    if m is not None:
        return _Attribution(
            "called", prev_end + m.start("who"), prev_end + m.end("who"),
            prev_end + m.start(), prev_end + len(before.rstrip()),
        )  # fmt: skip
    return None


_PRONOUNS: Final = frozenset({"he", "she", "they", "i", "we"})


def _resolve_speaker(
    text: str, attribution: _Attribution, mentions: list[Mention], quoted: Spans
) -> str | None:
    inside = [
        m for m in mentions
        if m.start >= attribution.who_start and m.end <= attribution.who_end
        and m.kind in ("person", "organisation")
    ]  # fmt: skip
    if inside:
        people = [m for m in inside if m.kind == "person"]
        return (people or inside)[-1].name
    who = text[attribution.who_start : attribution.who_end].split()
    if who and who[-1].casefold() in _PRONOUNS:
        earlier = [
            m for m in mentions
            if m.kind == "person" and m.end <= attribution.who_start
            and not quoted.covers(m.start)
        ]  # fmt: skip
        return earlier[-1].name if earlier else None
    return None


def find_quotes(
    text: str, mentions: list[Mention], dates: list[DateSpan]
) -> list[dict[str, object]]:
    paragraphs = _paragraphs(text)
    segments = _segments(text, paragraphs)
    for k, seg in enumerate(segments):
        prev_end = paragraphs[seg.paragraph][0]
        if k > 0 and segments[k - 1].paragraph == seg.paragraph:
            prev = segments[k - 1]
            prev_end = (prev.close_at + 1) if prev.close_at is not None else prev.end
        next_open = paragraphs[seg.paragraph][1]
        if k + 1 < len(segments) and segments[k + 1].paragraph == seg.paragraph:
            next_open = segments[k + 1].open_at
        seg.attribution = _attribute(text, seg, prev_end, next_open)
    # Chain the segments into quotes.
    chains: list[list[_Segment]] = []
    for seg in segments:
        if chains:
            last = chains[-1][-1]
            chain_attributed = any(s.attribution is not None for s in chains[-1])
            runs_on = (
                last.close_at is None
                and seg.paragraph == last.paragraph + 1
                and seg.at_paragraph_start
            )
            same_paragraph = seg.paragraph == last.paragraph
            if runs_on or (same_paragraph and not (chain_attributed and seg.attribution)):
                chains[-1].append(seg)
                continue
        chains.append([seg])
    quoted = Spans((s.start, s.end) for s in segments)
    rows: list[dict[str, object]] = []
    for chain in chains:
        attribution = next((s.attribution for s in chain if s.attribution is not None), None)
        n_words = sum(len(text[s.start : s.end].split()) for s in chain)
        if attribution is None and n_words < 4:
            continue  # a scare quote or a nickname, not a quotation
        speaker = _resolve_speaker(text, attribution, mentions, quoted) if attribution else None
        said: DateSpan | None = None
        if attribution is not None:
            said = next(
                (d for d in dates if attribution.start <= d.start and d.end <= attribution.end),
                None,
            )
        parts = [text[s.start : s.end] for s in chain]
        start = chain[0].open_at
        end = max(
            (chain[-1].close_at + 1) if chain[-1].close_at is not None else chain[-1].end,
            attribution.end if attribution else 0,
        )
        rows.append(
            {
                "speaker": speaker,
                "speaker_as_written": (
                    text[attribution.who_start : attribution.who_end] if attribution else None
                ),
                "text": " ".join(parts),
                "parts": parts,
                "part_starts": [s.start for s in chain],
                "part_ends": [s.end for s in chain],
                "n_parts": len(parts),
                "form": attribution.form if attribution else "unattributed",
                "closed": all(s.close_at is not None for s in chain),
                "said_on": said.date if said else None,
                "said_on_precision": said.precision if said else "unknown",
                "said_on_as_written": text[said.start : said.end] if said else None,
                "attribution": (text[attribution.start : attribution.end] if attribution else None),
                "attribution_start": attribution.start if attribution else None,
                "attribution_end": attribution.end if attribution else None,
                "evidence": text[start:end],
                "char_start": start,
                "char_end": end,
            }
        )
    return rows

"""Source texts: sentences, and finding the exact words a fact cites."""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from analysis.errors import NotFound

if TYPE_CHECKING:
    import pysbd

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    number: int  # 1-based
    start: int
    end: int
    text: str


@cache
def _segmenter() -> pysbd.Segmenter:
    with warnings.catch_warnings():
        # pysbd 0.3.4 has invalid escape sequences ("\s"): compiling it warns, which
        # `-W error` (as in pytest's filterwarnings) turns into a SyntaxError on first import.
        warnings.filterwarnings("ignore", "invalid escape sequence", DeprecationWarning)
        warnings.filterwarnings("ignore", "invalid escape sequence", SyntaxWarning)
        import pysbd  # noqa: PLC0415 - compiled rules are built on first use, not at import

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(text: str) -> list[Sentence]:
    """Split a text into sentences with character offsets into the text.

    Offsets are found by walking the text, so repeated sentences get their own positions.

    >>> [s.text for s in split_sentences("Mr. Ruiz left. He said so.")]
    ['Mr. Ruiz left.', 'He said so.']
    """
    sentences: list[Sentence] = []
    cursor = 0
    for piece in _segmenter().segment(text):
        body = piece.strip()
        if not body:
            continue
        start = text.find(body, cursor)
        if start < 0:
            # pysbd does not rewrite text with clean=False; should a release ever do, the
            # sentence still gets its number (later numbers are evidence anchors) and its
            # span is the source's own text where the piece should be.
            start = len(text) - len(text[cursor:].lstrip())
            body = text[start : start + len(body)].rstrip()
        end = start + len(body)
        sentences.append(Sentence(len(sentences) + 1, start, end, body))
        cursor = end
    return sentences


@dataclass(frozen=True, slots=True)
class Located:
    start: int
    end: int
    sentence: int
    sentence_end: int


def locate(text: str, words: str, sentences: list[Sentence]) -> Located:
    """Find ``words`` exactly once in ``text``; raise :class:`NotFound` with a reason otherwise."""
    starts = [m.start() for m in re.finditer(re.escape(words), text)]
    if len(starts) > 1:
        msg = (
            f"the words {words!r} occur {len(starts)} times in the source; "
            "quote more of the sentence so they point to one place"
        )
        raise NotFound(msg)
    if not starts:
        msg = f"the words {words!r} are not in the source"
        if normalise(words) in normalise(text):
            msg += (
                " verbatim; they match once quotation marks, apostrophes and spaces are "
                "normalised: copy them from the source as printed (e.g. ’ rather than ')"
            )
        raise NotFound(msg)
    start = starts[0]
    end = start + len(words)
    begins = [s.start for s in sentences]
    first = max(bisect.bisect_right(begins, start) - 1, 0)
    last = max(bisect.bisect_right(begins, max(end - 1, start)) - 1, 0)
    return Located(start, end, sentences[first].number, sentences[last].number)


def normalise(text: str) -> str:
    """``text`` with curly quotation marks straight, no-break spaces plain and every run of
    white space one space: how evidence is compared with its source."""
    return _SPACE.sub(" ", text.translate(_QUOTES))


#: How the parts of a quote broken by its attribution are joined for display: visibly, with
#: each part exactly as the source prints it (never re-punctuated).
QUOTE_JOIN = " […] "
#: An ellipsis added where a page shortens a text.
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> tuple[str, bool]:
    """``text`` cut to at most ``limit`` characters at a word boundary, and whether it was cut.

    The cut never falls inside a word; trailing punctuation and a dangling join are dropped,
    so the caller can add an ellipsis (outside any quotation marks of its own).

    >>> shorten("historic efforts to dismantle cartels", 25)
    ('historic efforts to', True)
    >>> shorten("short", 25)
    ('short', False)
    """
    if len(text) <= limit:
        return text, False
    head = text[: limit + 1]
    cut = head.rfind(" ")
    head = head[:cut] if cut > 0 else ""
    if not head:  # one word longer than the limit: keep it whole rather than split it
        head = text.split(" ", 1)[0]
    head = head.removesuffix(QUOTE_JOIN.strip()).rstrip(" ,;:-–—[")
    return head, True

"""Counts: people ("26 suspects"), durations ("40 years"), percentages and sums of dollars,
each with what it counts."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import SP, Spans

if TYPE_CHECKING:
    from analysis.ingest.extraction._common import DateSpan

__all__ = ["find_counts"]

_WORD_NUMBERS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|hundred)"
)
_PEOPLE_NOUNS = (
    r"members|suspects|men|women|people|persons|fugitives|prisoners|inmates|detainees|"
    r"defendants|operatives|leaders|agents|officers|soldiers|troops|migrants|individuals|"
    r"criminals|capos|bosses|traffickers|figures|deputies|children|victims|citizens|"
    r"nationals|officials|gunmen|hitmen|kingpins|convicts|accused"
)


def _number(word: str) -> int:
    word = word.casefold().replace(",", "")
    if word.isdigit():
        return int(word)
    if "-" in word:
        tens, ones = word.split("-", 1)
        return _WORD_NUMBERS[tens] + _WORD_NUMBERS[ones]
    return _WORD_NUMBERS[word]


_STOP_AFTER: Final = frozenset(
    [
        "for",
        "of",
        "to",
        "under",
        "on",
        "in",
        "at",
        "with",
        "by",
        "from",
        "and",
        "or",
        "as",
        "that",
        "which",
        "who",
        "the",
        "a",
        "an",
    ]
)


def find_counts(text: str, dates: list[DateSpan]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    claimed = Spans((d.start, d.end) for d in dates)

    def add(start: int, end: int, value: int, unit: str, what: str) -> None:
        if claimed.overlaps(start, end):
            return
        claimed.add(start, end)
        rows.append(
            {"value": value, "unit": unit, "what": what, "evidence": text[start:end],
             "char_start": start, "char_end": end}
        )  # fmt: skip

    people = (
        rf"(?<![\w$.,])(?P<num>{_NUM})(?![\w%]){SP}(?P<what>(?:[a-z][\w\u2019'-]*{SP}){{0,3}}?"
        rf"(?:{_PEOPLE_NOUNS}))\b"
    )
    for m in re.finditer(people, text, re.IGNORECASE):
        value = _number(m["num"])
        if value < 2 or m["what"].split()[0].casefold() in _STOP_AFTER:
            continue
        add(m.start(), m.end(), value, "people", m["what"])
    duration = rf"(?<![\w$.,])(?P<num>{_NUM})(?:-|{SP})(?P<unit>day|week|month|year)s?\b"
    for m in re.finditer(duration, text, re.IGNORECASE):
        words = re.match(rf"(?:{SP}[a-z][\w-]*){{1,3}}", text[m.end() :])
        counted: list[str] = []
        for w in words.group(0).split() if words else []:
            if w in _STOP_AFTER:
                break
            counted.append(w)
        end = m.end() + (len(" ".join(counted)) + 1 if counted else 0)
        unit = m["unit"].casefold() + "s"
        add(m.start(), end, _number(m["num"]), unit, " ".join(counted) or unit)
    percent = (
        rf"(?<![\w$.,])(?P<num>\d+)(?P<sign>%|{SP}percent|{SP}per{SP}cent)"
        rf"(?:{SP}(?P<what>[a-z]+))?"
    )
    for m in re.finditer(percent, text):
        if m["what"] and m["what"] not in _STOP_AFTER:
            add(m.start(), m.end(), int(m["num"]), "percent", m["what"])
        else:
            add(m.start(), m.end("sign"), int(m["num"]), "percent", "percent")
    money = rf"\$(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?:{SP}(?P<scale>thousand|million|billion))?"
    for m in re.finditer(money, text):
        scale = {"thousand": 10**3, "million": 10**6, "billion": 10**9}.get(m["scale"] or "", 1)
        value = round(float(m["num"].replace(",", "")) * scale)
        add(m.start(), m.end(), value, "usd", "dollars")
    rows.sort(key=lambda r: int(str(r["char_start"])))
    return rows

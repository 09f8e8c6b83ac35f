"""Charges, normalised to :data:`analysis.schema.CHARGES`, in sentences that accuse someone,
with the person last named before them as the accused."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import SP, alternation, overlaps

if TYPE_CHECKING:
    from analysis.ingest.extraction._common import Mention
    from analysis.ledger.text import Sentence

__all__ = ["find_charges"]

#: (pattern, charge) pairs, tried in order; the first pattern that claims words wins.
_TRAFFIC_MODS: Final[dict[str, str]] = {
    "drug": "drug trafficking", "drugs": "drug trafficking", "narcotics": "drug trafficking",
    "fentanyl": "drug trafficking", "cocaine": "drug trafficking", "heroin": "drug trafficking",
    "methamphetamine": "drug trafficking", "meth": "drug trafficking",
    "weapons": "weapons trafficking", "weapon": "weapons trafficking",
    "arms": "weapons trafficking", "gun": "weapons trafficking", "guns": "weapons trafficking",
    "firearms": "weapons trafficking", "human": "human smuggling", "people": "human smuggling",
    "migrant": "human smuggling", "migrants": "human smuggling",
}  # fmt: skip
_CHARGE_WORDS: Final = (
    (r"kidnapp(?:ing|ings|ed)|abductions?", "kidnapping"),
    (r"money[ -]laundering|laundering", "money laundering"),
    (r"murders?|murdered|killings?|killed|homicides?|assassinations?|assassinated", "murder"),
    (r"extortion", "extortion"),
    (r"organi[sz]ed crime|racketeering|criminal enterprise", "organised crime"),
    (r"terrorism|terrorist", "terrorism"),
    (r"human trafficking|sex trafficking", "other"),
)
_CHARGE_CUES = re.compile(
    r"\b(?:accus\w*|charg\w*|indict\w*|convict\w*|wanted|suspected of|tied to|ties? \w+(?: \w+)* to|"
    r"linked to|in connection with|for (?:his|her|their) role|sought|faces?|facing|sentenced|"
    r"crimes|alleged|allegedly|guilty|prosecut\w*|responsible for)\b",
    re.IGNORECASE,
)


def find_charges(
    text: str, sentences: list[Sentence], mentions: list[Mention]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    mods = alternation(tuple(_TRAFFIC_MODS))
    for sentence in sentences:
        s = sentence.text
        cue = _CHARGE_CUES.search(s)
        if cue is None:
            continue
        claimed: list[tuple[int, int]] = []
        found: list[tuple[int, int, str, str]] = []
        coordinated = (
            rf"\b(?P<mods>(?:{mods})(?:{SP}*,{SP}*(?:{mods}))*,?{SP}(?:and|or){SP}(?:{mods}))"
            rf"[ -](?P<head>trafficking|smuggling)\b"
        )
        for m in re.finditer(coordinated, s, re.IGNORECASE):
            for mod in re.findall(mods, m["mods"], re.IGNORECASE):
                found.append((m.start(), m.end(), _traffic_charge(mod, m["head"]), m.group(0)))
            claimed.append((m.start(), m.end()))
        for m in re.finditer(rf"\b(?P<mod>{mods})[ -](?P<head>trafficking|smuggling)\b", s,
                             re.IGNORECASE):  # fmt: skip
            if any(overlaps(m.start(), m.end(), a, b) for a, b in claimed):
                continue
            found.append((m.start(), m.end(), _traffic_charge(m["mod"], m["head"]), m.group(0)))
            claimed.append((m.start(), m.end()))
        for pattern, charge in _CHARGE_WORDS:
            for m in re.finditer(rf"\b(?:{pattern})\b", s, re.IGNORECASE):
                if any(overlaps(m.start(), m.end(), a, b) for a, b in claimed):
                    continue
                found.append((m.start(), m.end(), charge, m.group(0)))
                claimed.append((m.start(), m.end()))
        seen: set[tuple[int, str]] = set()
        for start, end, charge, as_written in sorted(found, key=lambda f: f[0]):
            if (start, charge) in seen:
                continue
            seen.add((start, charge))
            a, b = sentence.start + start, sentence.start + end
            accused = [
                m.name for m in mentions
                if m.kind == "person" and sentence.start <= m.start and m.end <= a
            ]  # fmt: skip
            rows.append(
                {"charge": charge, "as_written": as_written,
                 "accused": accused[-1] if accused else None,
                 "evidence": text[a:b], "char_start": a, "char_end": b}
            )  # fmt: skip
    return rows


def _traffic_charge(mod: str, head: str) -> str:
    charge = _TRAFFIC_MODS[mod.casefold()]
    if charge == "human smuggling" and head.casefold() == "trafficking":
        return "other"  # human trafficking is not smuggling; the reviewer decides
    return charge

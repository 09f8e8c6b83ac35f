"""Charges, normalised to :data:`analysis.schema.CHARGES`, in sentences that accuse someone,
with the person named last before them as the accused.

The mapping follows ``benchmarks/ANNOTATION.md`` ("Charges"): racketeering and criminal
association are ``organised crime``; torture, fuel theft, corruption, bribery and obstruction
are ``other``; "crimes against health" (Mexico's *delitos contra la salud*) and "conspiracy to
import fentanyl" are ``drug trafficking``. Words inside quotation marks are an official's
rhetoric, not the article's reporting, and are never charges; nor is policy talk ("the fight
against drug trafficking").
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import SP, SPEECH_VERBS, Spans, alternation, overlaps

if TYPE_CHECKING:
    from analysis.ingest.extraction._common import Mention
    from analysis.ledger.text import Sentence

__all__ = ["find_charges"]

_TRAFFIC_MODS: Final[dict[str, str]] = {
    "drug": "drug trafficking", "drugs": "drug trafficking", "narcotics": "drug trafficking",
    "fentanyl": "drug trafficking", "cocaine": "drug trafficking", "heroin": "drug trafficking",
    "methamphetamine": "drug trafficking", "meth": "drug trafficking",
    "marijuana": "drug trafficking",
    "weapons": "weapons trafficking", "weapon": "weapons trafficking",
    "arms": "weapons trafficking", "gun": "weapons trafficking", "guns": "weapons trafficking",
    "firearms": "weapons trafficking", "firearm": "weapons trafficking",
    "human": "human smuggling", "people": "human smuggling", "migrant": "human smuggling",
    "migrants": "human smuggling", "sex": "human smuggling",
}  # fmt: skip
_DRUGS = (
    r"(?:fentanyl|cocaine|heroin|methamphetamine|meth|marijuana|drugs|narcotics|"
    r"controlled{SP}substances|synthetic{SP}drugs)"
).replace("{SP}", SP)
_GUNS = r"(?:weapons|firearms|guns|arms|rifles|ammunition)"
#: (pattern, charge), tried in order; the first pattern to claim words wins.
_CHARGE_WORDS: Final = (
    (
        (
            rf"(?:conspiracy|conspiring|conspired){SP}to{SP}(?!launder)"
            rf"(?:[a-z0-9]+(?:,|{SP}and|{SP}or)?{SP}){{1,7}}?{_DRUGS}"
        ),
        "drug trafficking",
    ),
    (
        (
            rf"(?:running|operating|ran|operated){SP}(?:[a-z]+{SP})?(?:{_DRUGS}|drug){SP}"
            r"(?:labs?|laboratories|laboratory)"
        ),
        "drug trafficking",
    ),
    (
        (
            r"(?:producers?|production|producing|manufacturers?|manufacturing|manufacture|"
            r"smuggling|trafficking|sale|selling|"
            r"suppliers?|supplying|distributors?|distributing|distribution|traffickers?|"
            rf"smugglers?|shipping|importing|importation){SP}of{SP}(?:[a-z]+{SP}){{0,2}}?{_DRUGS}"
        ),
        "drug trafficking",
    ),
    (
        (
            rf"(?:protect|guard|mov|smuggl|wav|escort|ship|run|ran{SP}|send|sell|oversaw|"
            rf"manag|coordinat)\w*{SP}(?:(?:the|his|her|their|its|an?){SP})?"
            rf"(?:[\w\u2019'-]+{SP})?"
            rf"(?:drug|{_DRUGS}){SP}(?:shipments|loads|routes)"
        ),
        "drug trafficking",
    ),
    (rf"(?:drug|{_DRUGS}){SP}(?:brokers?|smugglers?|suppliers?|distributors?)", "drug trafficking"),
    (
        (
            rf"(?:ran|runs|running|run|operated|operating|led|leading){SP}(?:an?|the|his|her){SP}"
            rf"(?:[a-z]+{SP})?(?:drug|{_DRUGS}){SP}(?:network|ring|operation|cell|organi[sz]ation)"
        ),
        "drug trafficking",
    ),
    (rf"crimes?{SP}against{SP}(?:public{SP})?health", "drug trafficking"),
    (rf"(?:drug|narcotics){SP}(?:charges|counts|offen[cs]es|crimes)", "drug trafficking"),
    (rf"{_DRUGS}{SP}(?:charges|counts)", "drug trafficking"),  # not "penalties for fentanyl crimes"
    # "accuse him of trafficking methamphetamine": the verb before the drug
    (rf"(?:trafficking|smuggling){SP}(?:[a-z]+{SP})?{_DRUGS}", "drug trafficking"),
    (rf"(?:smuggling|trafficking){SP}(?:of|in){SP}{_GUNS}", "weapons trafficking"),
    (
        (
            rf"(?:conspir\w*{SP}to{SP})?(?:smuggle|smuggling|smuggled|traffic|trafficking|trafficked|"
            rf"export|exporting|exported|illegally{SP}export\w*|moving|moved)"
            rf"{SP}(?:[a-z0-9,]+{SP}){{0,3}}?{_GUNS}"
        ),
        "weapons trafficking",
    ),
    (rf"(?:smuggling|trafficking){SP}(?:of{SP})?(?:migrants|people|humans)", "human smuggling"),
    (rf"(?:moving|moved|transporting|transported|ferrying){SP}migrants", "human smuggling"),
    (
        (
            rf"(?:conspir\w*{SP}to{SP})?(?:smuggle|smuggled|traffic|trafficked){SP}(?:[a-z]+{SP})?"
            r"(?:migrants|people|humans)"
        ),
        "human smuggling",
    ),
    (r"kidnapp(?:ing|ings|ed)|abductions?|abduct(?:ed|ing)|hostage[ -]taking", "kidnapping"),
    (
        (
            rf"(?:conspiracy|conspiring){SP}to{SP}launder(?:{SP}(?:money|monetary{SP}instruments|"
            rf"proceeds|funds|cash))?|"
            rf"money[ -]laundering|money{SP}launderers?|launder{SP}(?:money|proceeds|funds|cash)|"
            rf"laundering|"
            rf"laundered{SP}(?:[a-z]+{SP}){{0,2}}?(?:money|"
            rf"proceeds|funds|profits|cash)|laundered{SP}(?:more{SP}than{SP})?\$[\d.,]+"
            rf"(?:{SP}(?:million|billion))?|operations{SP}with{SP}resources{SP}of{SP}illicit"
            rf"{SP}origin"
        ),
        "money laundering",
    ),
    (r"murders?|murdered|killings?|killed|homicides?|assassinations?|assassinated", "murder"),
    (rf"extortion|extort(?:ing|ed|s)?\b|protection{SP}rackets?", "extortion"),
    (
        (
            rf"organi[sz]ed{SP}crime|racketeering|criminal{SP}enterprise|criminal{SP}association|"
            r"\bRICO\b"
        ),
        "organised crime",
    ),
    (rf"narco-?terrorism|terrorism|material{SP}support{SP}(?:to|for)", "terrorism"),
    (
        (
            rf"torture|fuel{SP}theft|(?:the{SP})?(?:theft|stealing|siphoning|robbery){SP}(?:of{SP})?"
            rf"(?:fuel|gasoline|oil|hydrocarbons)|stole{SP}fuel|"
            rf"(?:illegal|illicit){SP}sale{SP}of{SP}hydrocarbons|"
            rf"hydrocarbon{SP}theft|corruption|bribery|obstruction(?:{SP}of{SP}justice)?|"
            rf"(?:taking|took|accepting|accepted|paying|paid|receiving|received){SP}bribes|"
            rf"(?:paying|paid|bribing|bribed){SP}(?:(?:Mexican|U\.S\.|immigration|customs|prison|"
            rf"police|local|state|federal|municipal|border){SP}){{0,2}}(?:agents|officials|officers|"
            rf"police|policemen|judges|guards|soldiers|inspectors){SP}to|"
            rf"(?:illegal{SP})?(?:carrying|possession){SP}of{SP}(?:an?{SP})?(?:firearms?|"
            rf"weapons?|guns?)"
        ),
        "other",
    ),
)
_COMPILED: Final = tuple((re.compile(rf"\b(?:{p})\b", re.IGNORECASE), c) for p, c in _CHARGE_WORDS)
#: A deed the text accuses someone of, told in its own words, that moves or makes drugs:
#: "accuse her of running pill presses that turned out counterfeit fentanyl tablets",
#: "accused of letting the cartel use city trucks to carry cocaine".
_DEED = re.compile(
    rf"\b(?:accus\w*|suspected|convicted)\b(?:{SP}[\w\u2019'.-]+){{0,4}}?{SP}of{SP}"
    rf"(?P<deed>(?:running|operating|moving|smuggling|shipping|carrying|transporting|selling|"
    rf"distributing|producing|making|manufacturing|pressing|cooking|supplying|importing|"
    rf"exporting|letting|using|protecting|guarding|hiding|storing)\b"
    rf"(?:{SP}[\w\u2019'.-]+){{0,10}}?{SP}(?:counterfeit{SP})?{_DRUGS})\b",
    re.IGNORECASE,
)
#: Words of a legal proceeding: a deed someone accuses another of is a charge only in a
#: sentence that has one ("Trump accused Sheinbaum of letting cartels move fentanyl" is
#: politics); "accused of" with no accuser named is the article's own reporting.
_LEGAL = re.compile(
    r"\b(?:prosecut\w*|indict\w*|charg\w*|extradit\w*|courts?|judges?|complaint|warrants?|"
    r"arrest\w*|convict\w*|sentenc\w*|FGR|attorneys?)\b",
    re.IGNORECASE,
)
#: Precursors bought or moved for drugs, a charge only where a proceeding is told (not "new
#: rules make it harder to import precursor chemicals").
_PRECURSOR = re.compile(
    rf"\b(?:buy|buying|bought|import\w*|smuggl\w*|traffick\w*|suppl\w*|ship\w*|sell\w*|"
    rf"sold|obtain\w*|acquir\w*){SP}(?:[a-z]+{SP}){{0,2}}?precursor(?:{SP}chemicals)?"
    rf"(?:{SP}for{SP}(?:{_DRUGS}|drug){SP}production)?",
    re.IGNORECASE,
)
#: A defendant of a case named after its charge, before the charge: "a fourth defendant in
#: the money laundering case".
_DEFENDANT_IN = re.compile(
    rf"\b(?:defendant|co-defendant|suspect|accused)s?{SP}in{SP}(?:the|a){SP}$"
)
#: A case named after its charge, with the person in apposition after it: "a fourth
#: defendant in the money laundering case, Rubén Ocampo Díaz,".
_CASE_OF = re.compile(rf"{SP}(?:case|investigation|probe|indictment),{SP}")
_CHARGE_CUES = re.compile(
    r"\b(?:accus\w*|defendants?\s+in\s+(?:the|a)\s|charg\w*|indict\w*|warrants?|convict\w*|"
    r"wanted|suspected of|tied to|ties? \w+(?: \w+)* to|"
    r"linked to|in connection with|for (?:his|her|their) (?:\w+ )?(?:role|participation)|"
    r"participation in|sought|faces?|facing|sentenced|crimes|alleged|allegedly|guilty|"
    r"prosecut\w*|responsible for|identified (?:\w+ ){0,4}?as|described (?:\w+ ){0,4}?as|"
    r"(?:authorities|officials|investigators) (?:say|said|allege|alleged)|"
    r"according to (?:the )?(?:indictments?|complaint|court records|court documents|"
    r"charging documents))\b",
    re.IGNORECASE,
)
#: Words before a charge that make it policy talk, not an accusation.
_POLICY = re.compile(
    r"\b(?:against|fight(?:ing)?|combat(?:t?ing)?|tackl(?:e|ing)|curb(?:ing)?|war on|"
    r"crackdown on|action on|cooperation on)\s+(?:\w+\s+){0,1}$",
    re.IGNORECASE,
)
_SPEAKER_AFTER = re.compile(rf",?{SP}+(?:{SPEECH_VERBS})\b")
_SPEAKER_BEFORE = re.compile(rf"\b(?:{SPEECH_VERBS}){SP}+(?:[\w.\u2019'-]+{SP}+){{0,4}}$")
#: What joins names listed together, an age after each allowed: "Barrientos, 33, and Peña".
_LIST_JOIN = re.compile(rf"^(?:,{SP}*\d{{1,3}})?(?:,{SP}*|{SP}+and{SP}+|,{SP}*and{SP}+)$")


def _masked(sentence: Sentence, quoted: list[tuple[int, int]], ends: list[int]) -> str:
    """The sentence with the words inside quotation marks (``quoted``, sorted, and their
    ``ends``) blanked, keeping its length."""
    s, base = sentence.text, sentence.start
    i = bisect.bisect_right(ends, base)
    while i < len(quoted) and quoted[i][0] < sentence.end:
        a, b = max(quoted[i][0], base) - base, min(quoted[i][1], sentence.end) - base
        if a < b:
            s = s[:a] + " " * (b - a) + s[b:]
        i += 1
    return s


class _People:
    """The person mentions of a text, sorted by where they start, to look up by place."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text = text
        self.persons = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
        self.starts = [m.start for m in self.persons]

    def _not_speaking(self, m: Mention, lo: int) -> bool:
        text = self.text
        return not _SPEAKER_AFTER.match(text, m.end) and not _SPEAKER_BEFORE.search(
            text[max(lo, m.start - 60) : m.start]
        )

    def named_after_case(self, start: int, end: int) -> str | None:
        """The person in apposition to a defendant of the case the charge at ``start:end``
        names ("a third defendant in the money laundering case, Iker Sandoval,"), or None."""
        m = _CASE_OF.match(self.text, end)
        if m is None or not _DEFENDANT_IN.search(self.text[max(0, start - 40) : start]):
            return None
        i = bisect.bisect_left(self.starts, m.end())
        if i < len(self.persons) and self.persons[i].start == m.end():
            return self.persons[i].name
        return None

    def accused(self, sentence: Sentence, at: int) -> str | None:
        """The person the text ties the charge at ``at`` to: the last named before it in the
        sentence, who is not the speaker reporting it; None for several named jointly; for
        "He is charged with ...", the person named last before the sentence."""
        against = _AGAINST.match(self.text, at, sentence.end)
        if against is not None:  # "refused to dismiss kidnapping charges against Rosendo Galaviz"
            i = bisect.bisect_left(self.starts, against.end())
            if i < len(self.persons) and self.persons[i].start == against.end():
                return self.persons[i].name
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, at)
        before = [
            m for m in self.persons[lo:hi] if m.end <= at and self._not_speaking(m, sentence.start)
        ]
        if not before:
            opening = self.text[sentence.start : at]
            if _PRONOUN.search(opening) is None:
                first = not re.search(r"[.!?][\"\u201d]?\s", self.text[: sentence.start])
                described = _ONE_DESCRIBED.match(opening)
                if first and described and not _SEVERAL.search(opening):
                    head = " ".join(opening[described.end() :].split()[:2])
                    # "A federal judge refused to dismiss charges against a former commander"
                    # tells of the one against whom, not of the judge
                    if not _INSTITUTION.search(head) or re.search(
                        r"\bagainst\s+(?:a|an)\s", opening
                    ):
                        return self.named_next(sentence)  # "A Michoacán man ... pleaded"
                return None
            for m in reversed(self.persons[max(0, lo - 20) : lo]):
                if m.end <= sentence.start and not _SPEAKER_AFTER.match(self.text, m.end):
                    return m.name
            return None
        last = before[-1]
        if len(before) >= 2 and before[-2].name != last.name:
            between = self.text[before[-2].end : last.start]
            if _LIST_JOIN.match(between):
                return None  # "Ruiz, Vega and Soto are charged with ...": jointly
        return last.name

    def named_next(self, sentence: Sentence) -> str | None:
        """The first person named after ``sentence``, in the next 400 characters, who is not
        speaking: the one a story whose first sentence describes its subject goes on to name
        ("A former state police commander ... pleaded not guilty ... / Celestino Alvarado,
        52, ...")."""
        i = bisect.bisect_left(self.starts, sentence.end)
        for m in self.persons[i:]:
            if m.start > sentence.end + 400:
                return None
            if self._not_speaking(m, sentence.end):
                return m.name
        return None

    def jointly(self, sentence: Sentence, at: int) -> list[str]:
        """The people named together before the charge at ``at`` in the sentence, who face it
        jointly ("Ruiz, Vega and Soto are charged with ..."); empty when fewer than two."""
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, at)
        before = [
            m for m in self.persons[lo:hi] if m.end <= at and self._not_speaking(m, sentence.start)
        ]
        names: list[str] = []
        for prev, cur in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
            if not _LIST_JOIN.match(self.text[prev.end : cur.start]):
                break
            names = names or [cur.name]
            names.insert(0, prev.name)
        return list(dict.fromkeys(names)) if len(set(names)) >= 2 else []


#: The first sentence of a text, after its dateline, opening on one person described, not
#: named: "A Michoacán man accused of ...", "CHICAGO - A former police commander ...".
_ONE_DESCRIBED: Final = re.compile(
    r"\s*(?:[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .,'’]+(?:,\s+[A-Z][\w.]*(?:\s+\d{1,2})?)?\s*(?:\([^)\n]{1,40}\)\s*)?"
    r"[-\u2013\u2014]\s*)?(?:A|An)\s"
)
#: Words that make the subject of such a sentence a group: "A group of 19 defendants".
_SEVERAL: Final = re.compile(
    r"\b(?:group|groups|members|defendants|men|women|people|suspects|prisoners|fugitives)\b|"
    r"\band\s+(?:a|an|his|her|two|three|four|five)\s"
)
#: The charges' words, then the one they are against: "kidnapping and murder charges against ".
_AGAINST: Final = re.compile(
    r"[\w -]{0,60}?\bcharges?\s+(?:(?:filed|brought|pending)\s+)?against\s+(?:the\s+\w+\s+)?"
)
#: A description that names a body, not a person: "A federal grand jury indicted him".
_INSTITUTION: Final = re.compile(
    r"\b(?:jury|judge|court|statement|spokes\w*|official|report|indictment|complaint|filing|"
    r"government|office|department|ministry|agency|prosecutors?)\b",
    re.IGNORECASE,
)
#: A pronoun for the person told of before: "He is charged with", "accuses him of".
_PRONOUN: Final = re.compile(r"^\s*(?:He|She)\b|\b(?:him|her)\b")


def find_charges(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    quoted: list[tuple[int, int]] | None = None,
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    spans = sorted(quoted or ())
    ends = [end for _, end in spans]
    in_quotes = Spans(spans)
    people = _People(text, mentions)
    mods = alternation(tuple(_TRAFFIC_MODS))
    coordinated = re.compile(
        rf"\b(?P<mods>(?:{mods})(?:{SP}*,{SP}*(?:{mods}))*,?{SP}(?:and|or){SP}(?:{mods}))"
        rf"[ -](?P<head>trafficking|smuggling)\b",
        re.IGNORECASE,
    )
    single = re.compile(rf"\b(?P<mod>{mods})[ -](?P<head>trafficking|smuggling)\b", re.IGNORECASE)
    for sentence in sentences:
        s = sentence.text
        if in_quotes.overlaps(sentence.start, sentence.end):
            s = _masked(sentence, spans, ends)
        if _CHARGE_CUES.search(s) is None:
            continue
        claimed: list[tuple[int, int]] = []
        found: list[tuple[int, int, str, str]] = []
        for m in coordinated.finditer(s):
            for mod in re.findall(mods, m["mods"], re.IGNORECASE):
                found.append((m.start(), m.end(), _traffic_charge(mod), m.group(0)))
            claimed.append((m.start(), m.end()))
        for m in single.finditer(s):
            if any(overlaps(m.start(), m.end(), a, b) for a, b in claimed):
                continue
            found.append((m.start(), m.end(), _traffic_charge(m["mod"]), m.group(0)))
            claimed.append((m.start(), m.end()))
        for pattern, charge in _COMPILED:
            for m in pattern.finditer(s):
                if any(overlaps(m.start(), m.end(), a, b) for a, b in claimed):
                    continue
                found.append((m.start(), m.end(), charge, m.group(0)))
                claimed.append((m.start(), m.end()))
        for a, b, deed in _deeds(s):
            if not any(overlaps(a, b, c, d) for c, d in claimed):
                found.append((a, b, "drug trafficking", deed))
                claimed.append((a, b))
        seen: set[tuple[int, str]] = set()
        for start, end, charge, as_written in sorted(found, key=lambda f: f[0]):
            if (start, charge) in seen or _POLICY.search(s[max(0, start - 40) : start]):
                continue
            seen.add((start, charge))
            a, b = sentence.start + start, sentence.start + end
            accused = people.named_after_case(a, b) or people.accused(sentence, a)
            rows.append(
                {"charge": charge, "as_written": as_written, "accused": accused,
                 "defendants": [accused] if accused else people.jointly(sentence, a),
                 "evidence": text[a:b], "char_start": a, "char_end": b}
            )  # fmt: skip
    return rows


def _deeds(s: str) -> list[tuple[int, int, str]]:
    """Deeds that move or make drugs the sentence ``s`` accuses someone of (see
    :data:`_DEED`), and precursors bought where a proceeding is told, with their spans."""
    legal = _LEGAL.search(s) is not None
    found = []
    for m in _DEED.finditer(s):
        if re.match(rf"\w+{SP}of\b", m.group(0)) is None and not legal:
            continue  # "Trump accused Sheinbaum of ...": one accusing another, no case
        found.append((m.start("deed"), m.end(), m["deed"]))
    if legal:
        found += [(m.start(), m.end(), m.group(0)) for m in _PRECURSOR.finditer(s)]
    return found


def _traffic_charge(mod: str) -> str:
    return _TRAFFIC_MODS[mod.casefold()]

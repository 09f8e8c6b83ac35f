"""Counts: people ("26 suspects", "Four of the 30 defendants", "The 23 are charged"),
durations ("40 years"), percentages, numbers of transfers ("three transfers", "twice") and a
transfer's place ("the third such transfer"), each with what it counts.

Numbers are digits or words; words are read by ``text2num`` (cardinals with ``text2num``,
ordinals with ``alpha2digit``), the package the ledger's number checks use. Not counts (see
``benchmarks/ANNOTATION.md``): years and days of dates (the dates' spans are claimed first),
ages, sums of money, "one" picking out a person, numerals that only identify ("the two
countries"), counts of things other than people, durations, percentages and transfers.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from text_to_num import alpha2digit, text2num

from analysis.ingest.extraction._common import SP, UP, Spans

if TYPE_CHECKING:
    from analysis.ingest.extraction._common import DateSpan

__all__ = ["find_counts"]

_UNITS_WORDS: Final = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand",
)  # fmt: skip
_W = "(?:" + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + ")"
_WORDS = rf"{_W}(?:(?:-|{SP}){_W}|(?:(?<=hundred)|(?<=thousand)){SP}and{SP}{_W})*"
#: "two dozen", "a dozen": twelve times the number (text2num does not read "dozen").
_DOZEN = rf"(?:{_W}|a|half{SP}a){SP}dozen"
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{_DOZEN}|{_WORDS})"
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"\d{1,2}(?:st|nd|rd|th))"
)
_PEOPLE_NOUNS = (
    r"members|suspects|men|women|people|persons|fugitives|prisoners|inmates|detainees|"
    r"defendants|operatives|leaders|agents|officers|soldiers|troops|migrants|individuals|"
    r"criminals|capos|bosses|traffickers|figures|deputies|children|victims|citizens|"
    r"nationals|officials|gunmen|hitmen|kingpins|convicts|accused|names|others|hostages|"
    r"captives|relatives|journalists|students|policemen|guards|lawmakers|extraditables|"
    r"Mexicans|Americans|minors|teenagers|adults|youths|civilians|farmers|workers|"
    r"employees|passengers|residents|inmates|fighters|recruits|merchants|vendors|"
    r"shopkeepers|businessmen|tourists|drivers|farmworkers|miners|teachers|priests|"
    r"commanders|marines|sailors|guardsmen|lieutenants|lawyers|judges|prosecutors|witnesses|"
    r"brothers|sons|associates|accomplices|couriers|pilots|mayors|informants|assassins|"
    r"managers|bodyguards|enforcers|accountants|smugglers|henchmen|lookouts|gunmen|"
    r"financiers|chemists|co-?defendants"
)
_TRANSFER_NOUNS = (
    r"transfers?|shipments?|operations?|groups?|batch(?:es)?|expulsions?|extraditions?|"
    r"deliver(?:y|ies)|handovers?|flights?|waves?|rounds?|contingents?|consignments?|"
    r"sendings?(?=\s+of\s+(?:this|that|its|such|persons|people|prisoners|detainees|inmates)\b)"
)  # "the third sending of this type", as Mexico's statements put it in translation
#: Words a count's number may be followed by when it stands alone ("The 23 are charged").
_FOLLOW: Final = frozenset({
    "are", "were", "is", "was", "will", "would", "have", "had", "has", "face", "faced", "facing",
    "remain", "remained", "transferred", "sent", "extradited", "expelled", "deported", "handed",
    "arrested", "detained", "charged", "accused", "wanted", "who", "whom", "that", "which",
    "after", "to", "from", "in", "on", "at", "for", "with", "by", "before", "and", "or", "but",
    "of", "into", "aboard", "back", "could", "can", "may", "might", "must", "should",
    "left", "came", "went", "flew",
})  # fmt: skip
#: Irregular pasts that may follow a number standing for people counted before ("five of the
#: seven held posts"), not a group's size ("the Group of 20 held talks").
_FOLLOW_ALONE: Final = frozenset({"held", "led", "ran", "fled", "made", "took", "paid", "kept"})
_STOP_AFTER: Final = frozenset({
    "for", "of", "to", "under", "on", "in", "at", "with", "by", "from", "and", "or", "as", "that",
    "which", "who", "the", "a", "an", "are", "were", "is", "was", "be", "been", "have", "has",
    "had", "will", "would", "can", "could", "may", "might", "must", "should", "do", "did",
    "this", "last", "next", "since", "over", "than", "after", "before", "year", "month",
})  # fmt: skip
#: A modifier between a number and the noun it counts: "26 alleged cartel members", "two
#: U.S. citizens", "12 other defendants".
_MOD = (
    r"(?!(?:of|the|a|an|and|or|to|in|on|at|for|with|by|from|as|that|which|who|are|were|is|"
    rf"was|be|been|have|has|had|{_W})\b)(?:U\.S\.|[A-Za-z][\w\u2019'-]*)"
)


def _value(words: str) -> int | None:
    """The number written as digits or words; None when text2num cannot read it."""
    plain = words.replace(",", "")
    if plain.isdigit():
        return int(plain)
    dozen = re.fullmatch(rf"(?P<n>.+?){SP}dozen", words, _I)
    if dozen is not None:
        n = dozen["n"].casefold()
        if n in ("a", "half a"):
            return 12 if n == "a" else 6
        times = _value(dozen["n"])
        return None if times is None else 12 * times
    try:
        return int(text2num(words.casefold().replace("-", " "), "en"))
    except ValueError:
        return None


def _ordinal(word: str) -> int | None:
    digits = re.match(r"\d+", alpha2digit(word.casefold(), "en", threshold=0))
    return int(digits.group(0)) if digits else None


def _bare(text: str, end: int, also: frozenset[str] = frozenset()) -> bool:
    """The number ending at ``end`` stands alone: no noun follows it (a word of ``also`` may)."""
    after = re.match(rf"{SP}*(?P<p>[.,;:!?\u201d\"\u2019)\n]|$)?(?P<w>[A-Za-z]+)?", text[end:])
    if after is None:  # pragma: no cover - the pattern matches the empty string
        return True
    if after["p"] is not None:
        return True
    word = (after["w"] or "").casefold()
    return not word or word in _FOLLOW or word in also or word.endswith("ed")


_FREE = r"(?<![\w$.,\u20ac\u00a3-])"
_MONEY = re.compile(rf"{SP}(?:million|billion|thousand|pesos|dollars|euros)\b")
_I = re.IGNORECASE
#: Coordinated numbers of one noun: "29 and 26 people".
_COORDINATED = re.compile(
    rf"{_FREE}(?P<nums>{_NUM}(?:{SP}*,{SP}*{_NUM})*,?{SP}(?:and|or){SP}{_NUM})(?![\w%])"
    rf"{SP}(?P<what>(?:{_MOD}{SP}){{0,3}}?(?:{_PEOPLE_NOUNS}))\b",
    _I,
)
#: People: "26 alleged cartel members", "two U.S. citizens", "41 current and former Mexican
#: officials", "two former Guerrero state police commanders".
_PEOPLE = re.compile(
    rf"{_FREE}(?P<num>{_NUM})(?![\w%]){SP}(?P<what>(?:current{SP}and{SP}former{SP})?"
    rf"(?:{_MOD}{SP}){{0,4}}?(?:{_PEOPLE_NOUNS}))\b",
    _I,
)
#: Partitives: "Four of the 30 defendants", "two of them": the part is a count too.
_PARTITIVE = re.compile(
    rf"{_FREE}(?P<num>{_NUM})(?![\w%]){SP}of{SP}(?P<whole>them|those|these|us|whom|"
    rf"the(?:{SP}{_NUM})?{SP}(?:{_MOD}{SP}){{0,3}}?(?:{_PEOPLE_NOUNS})\b|the{SP}{_NUM}\b|"
    rf"the{SP}(?:other|remaining){SP}{_NUM}\b|"
    rf"(?:[{UP}][\w-]+(?:\u2019|')s|his|her|their|its){SP}(?:{_MOD}{SP}){{0,2}}?(?:{_PEOPLE_NOUNS})\b)",
    _I,
)
#: A transfer's place: "the third such transfer", "A second group".
_PLACE = re.compile(
    rf"\b(?:the|a|an|its|this|their|that|no){SP}(?P<ord>{_ORDINAL}),?{SP}"
    rf"(?:and{SP}(?:latest|last|largest|biggest|smallest|final|most{SP}recent){SP})?"
    rf"(?:(?:such|mass|large|major|joint|new|smaller|larger|bigger|final|last|big|small),?{SP})*"
    rf"(?P<what>{_TRANSFER_NOUNS}|of{SP}its{SP}kind)\b",
    _I,
)
#: A transfer's place with its noun left out, where transfers are told: "The first came on
#: Feb. 27", "The third, on Dec. 9, was made up of 24 people", "a fourth is being prepared".
_PLACE_ALONE = re.compile(
    rf"\b(?:[Tt]he|[Aa]){SP}(?P<ord>{_ORDINAL})(?=(?:{SP}and{SP}(?:last|final|latest|largest|"
    rf"biggest|smallest))?,|"
    rf"{SP}of{SP}\d+(?:[,.;]|{SP}(?:on|in|followed|"
    rf"came|left|arrived|landed)\b)|(?:{SP}and{SP}(?:largest|biggest|smallest|"
    rf"last|final|latest))?{SP}(?:came|was|is|took|followed|happened|"
    r"occurred|involved|included|arrived|left|would|will|could|may|might|reportedly|"
    r"landed|departed)\b)"
)
#: A second place of the same transfer, its noun left out: "the first mass transfer of 2026
#: and the fifth since the practice began".
_PLACE_COORDINATED = re.compile(
    rf"[^.;:!?\n]{{0,40}}?{SP}and{SP}(?P<place>(?:the|a|its){SP}(?P<ord>{_ORDINAL}))"
    rf"(?={SP}(?:since|in|overall|ever|so{SP}far|this|under)\b|[,.;])",
    _I,
)
#: Numbers of transfers: "three transfers", "twice" or "three times" where transfers are told.
_TRANSFERS = re.compile(
    rf"{_FREE}(?P<num>{_NUM})(?:{SP}[-\u2013\u2014:])?{SP}(?:(?:such|mass|separate|other|"
    r"earlier|previous|prior|later|recent|past|large|major|joint)\s+){0,2}"
    r"(?P<what>transfers|extraditions|expulsions|handovers|shipments)\b",
    _I,
)
#: Counted where transfers are told: "twice", "three times", "in three operations".
_TIMES = re.compile(
    rf"\b(?:(?P<twice>twice)(?!{SP}as{SP}(?:many|much|often|large|likely|high|big|fast)\b)|(?P<num>{_NUM}){SP}(?:(?:separate|such){SP})?"
    r"(?P<what>times|operations|flights))\b",
    _I,
)
_TRANSFER_TOLD = re.compile(
    r"\b(?:transfer|extradit|expel|deport|sent|send|hand(?:ed)?\s+over)", _I
)
#: Durations: "a 90-day exemption", "40 years in prison".
_DURATION = re.compile(
    rf"{_FREE}(?P<num>{_NUM})(?:-|{SP})(?:(?:working|business|calendar){SP})?"
    rf"(?P<unit>day|week|month|year)s?\b",
    _I,
)  # "within the 15 working days the law allows"
_NOT_COUNTED = ("later", "earlier", "ago", "before", "after", "old")
#: A market's move measured over a span, after it: "the steepest one-day drop".
_MARKET_MOVE = (
    rf"{SP}(?:drop|fall|decline|gain|rise|jump|slide|loss|rally|surge|plunge|high|low|"
    r"swing|selloff|sell-off)s?\b"
)
#: Percentages: "a 30% tariff", "25 percent", "twenty percent".
_PERCENT = re.compile(
    rf"{_FREE}(?P<num>\d+(?:\.\d+)?|{_WORDS})(?P<sign>%|{SP}percent|{SP}per{SP}cent)"
    rf"(?:{SP}(?P<what>[a-z]+))?",
    _I,
)
#: Groups told by their size: "a second group of 26 followed", "bringing the total to
#: more than 80", "put the number of fugitives sent north at “more than 130”".
_GROUP = re.compile(
    rf"\b(?:(?:groups?|batch(?:es)?|contingents?|total|list|waves?|rounds?),?{SP}of|{_ORDINAL},?{SP}of|total{SP}to|"
    rf"total(?:{SP}(?:for|of|in){SP}[\w-]+)?(?:{SP}(?:would|will|could|may|might|has|had|now))?"
    rf"{SP}(?:reach(?:ed|es)?|pass(?:ed|es)?|top(?:ped|s)?|exceed(?:ed|s)?|surpass(?:ed|es)?|"
    rf"hit|hits)|"
    rf"(?:stands|stood|rises|rose|risen|climbs|climbed|reaches|reached|brings|brought|"
    rf"bringing)(?:{SP}the{SP}(?:total|number|tally)(?:{SP}(?:of{SP}(?:[a-z-]+{SP}){{0,2}}?"
    rf"(?:{_PEOPLE_NOUNS})|sent|handed|transferred|extradited|expelled|delivered|deported)"
    rf"(?:{SP}[a-z]+){{0,4}}?)?)?{SP}(?:at|to)|"
    rf"put(?:s|ting)?{SP}the{SP}(?:number|total|tally|figure|count|toll){SP}of{SP}"
    rf"(?:[a-z-]+{SP}){{0,2}}?(?:{_PEOPLE_NOUNS})\b[^.;\n\u201c\"]{{0,100}}?{SP}at){SP}[\u201c\"]?"
    rf"(?:(?:about|around|some|nearly|almost|at{SP}least|more{SP}than|over|up{SP}to){SP})?"
    rf"(?P<num>{_NUM})(?![\w%])",
    _I,
)
#: What follows a number that a total was brought to, told inverted: "bringing to 153 the
#: number of alleged cartel members sent", "bringing to 148 the number sent north".
_INVERTED_TOTAL = re.compile(
    rf"{SP}the{SP}(?:number|total|tally){SP}(?:of|sent|handed|transferred|extradited|expelled|"
    rf"delivered|flown|deported)\b",
    _I,
)
#: Numbers standing alone for people: "The 23 are charged", "agreed to send 23".
_ALONE = re.compile(
    rf"(?P<before>\b(?:the|The|of{SP}the|[Tt]he{SP}(?:other|remaining)|send|sent|sending|"
    rf"transfer|transferred|extradite|extradited|expel|expelled|deport|deported|deliver|"
    rf"delivered|hand{SP}over|handed{SP}over|took|carried|flew)){SP}(?P<num>{_NUM})(?![\w%])"
)
#: A number as the subject of a verb: "five were being prosecuted", "and at least five are
#: accused", ": of the 92, only 11 had".
_SUBJECT = re.compile(
    rf"(?:^|(?<=[,;:]{SP})|(?<=\n)|(?<=[.!?]{SP})|\b(?<=and{SP})|\b(?<=while{SP})|"
    rf"\b(?<=that{SP})|\b(?<=when{SP}))"
    rf"(?:(?:at{SP}least|at{SP}most|more{SP}than|about|nearly|almost|only|some|just|the|all)"
    rf"{SP})?(?P<num>{_NUM})(?={SP}(?:were|are|was|is|have|had|face|faced|remain|remained|will)\b)",
    _I | re.MULTILINE,
)
#: A line of a list of figures: "31 - people sent on Feb. 27", "82 — people sent in all".
_LIST_LINE = re.compile(
    rf"^(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+){SP}*[-\u2013\u2014:]{SP}*"
    rf"(?P<what>(?:{_MOD}{SP}){{0,2}}?(?:{_PEOPLE_NOUNS}))\b",
    _I | re.MULTILINE,
)
#: A line of a tally that ends in its figure: "People sent in 2026: 83", "Transfers in
#: 2026: four".
_TALLY_LINE = re.compile(
    rf"^(?P<what>(?P<noun>People|Prisoners|Suspects|Detainees|Defendants|Fugitives|Inmates|"
    rf"Transfers|Flights|Extraditions|Expulsions)\b[^:\n]{{0,80}}):{SP}*(?:(?:about|nearly|"
    rf"more{SP}than|at{SP}least|over){SP})?(?P<num>{_NUM})[ \t]*$",
    re.MULTILINE,
)
#: The end of a sentence: not the stop of "U.S." or of an initial, nor one a number follows
#: ("Jan. 20").
_STOP = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Z])[.!?][\"”’']?\s+(?=[^\s\d])")
#: A running total: "lifting the number of prisoners sent north without an extradition to 104",
#: "That puts the total since March 2025 at 173".
_RAISED_TO = re.compile(
    rf"\b(?:lift|lifts|lifting|lifted|bring|brings|bringing|brought|raise|raises|raising|raised|"
    rf"take|takes|taking|took|push|pushes|pushing|pushed|put|puts|putting)"
    rf"{SP}the{SP}(?:number|total|tally|count)\b(?!{SP}of{SP}(?!(?:people|prisoners|detainees|"
    rf"inmates|suspects|fugitives|those|alleged|cartel)\b))(?:{SP}of{SP}(?:people|prisoners|detainees|"
    rf"inmates|suspects|fugitives|those|alleged|cartel)\b)?[^.;:!?\n]{{0,90}}?{SP}(?:to|at){SP}"
    rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\w%.,]\d|{SP}(?:percent|per{SP}cent|%))\b",
    _I,
)
#: A part named after its whole: "Of the 22, 15 will be arraigned in Texas".
_OF_THE_FIRST = re.compile(
    rf"\b[Oo]f{SP}(?:the|those|these){SP}(?P<whole>\d{{1,3}}(?:,\d{{3}})+|\d+),{SP}"
    rf"(?P<part>\d{{1,3}}|{_WORDS})\b(?!{SP}(?:percent|%))"
)
#: A group that followed: "on Sept. 9 of that year, when 34 followed".
_FOLLOWED = re.compile(
    rf"\b(?:when|and|then|before|after){SP}(?P<num>\d{{1,3}}){SP}(?:more{SP})?followed\b"
)
#: A count of more of the same people: "29 prisoners in late February and 26 more in May".
_MORE = re.compile(
    rf"{_FREE}(?P<num>{_NUM}){SP}more\b(?!{SP}(?:than|days?|weeks?|months?|years?)\b)", _I
)
#: The same count again after "and": "five for homicide and two for kidnapping".
_ELLIPSIS = re.compile(
    rf"(?:,|\band)(?:{SP}then)?{SP}(?P<num>{_NUM}){SP}(?:for|in|on|with|since)\b", _I
)
#: More of the same people, told before the number: "a further 33 on June 4", "another 19
#: were flown to Texas".
_FURTHER = re.compile(
    rf"\b(?:a{SP}further|another){SP}(?P<num>{_NUM})(?=[,.;]|{SP}(?:on|in|were|are|was|followed|"
    rf"left|arrived|went|came)\b)",
    _I,
)
#: A line of a running tally: "Feb. 3: 18 sent (18 in all)"; and a total "in all": "making 154
#: in all".
_TALLY_SENT = re.compile(
    rf"^[^:\n]{{3,24}}:{SP}*(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+){SP}+(?:people{SP}+)?(?:sent|"
    rf"transferred|flown|expelled|extradited|handed{SP}over)\b",
    re.MULTILINE,
)
_IN_ALL = re.compile(
    rf"(?:\(|\b(?:making|for|to|of){SP}+)(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+){SP}+(?:in{SP}+all|"
    rf"in{SP}+total|all{SP}+told|altogether)\b"
)
#: A group's size after a phrase of time: "The first group this year, of 22, was flown".
_GROUP_LATE = re.compile(
    rf"\b(?:group|transfer|flight|contingent){SP}+(?:this|last){SP}+year,{SP}+of{SP}+"
    rf"(?P<num>\d{{1,3}}|{_WORDS})\b"
)
#: The people a country sent, told after the number: "the 87 it sent in 2025".
_IT_SENT = re.compile(
    rf"\b[Tt]he{SP}(?P<num>{_NUM}){SP}(?:it|they|Mexico|the{SP}government){SP}(?:had{SP})?"
    rf"(?:sent|transferred|handed{SP}over|extradited|expelled|delivered)\b"
)
#: A count compared with one before it: "63 people in 2025, up from 48 the year before".
_COMPARED = re.compile(rf"\b(?:up|down)\s+from{SP}(?P<num>{_NUM})(?![\w%])", _I)
#: What follows a number a transfer took or carried: "took 28.", "carried 40 people north".
_CARRIED = re.compile(rf"[,.;:]|{SP}(?:people|prisoners|north|aboard|including|among|with)\b", _I)
#: A period after a number compared: "up from 48 the year before", "down from 30 in 2024".
_PERIOD_AFTER = re.compile(rf"{SP}(?:(?:the|a|last){SP}(?:year|month)|in{SP}\d{{4}})\b", _I)
#: A line of a list of figures that names a group: "41 - the largest single group, on March 6".
_LIST_GROUP = re.compile(
    rf"^(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+){SP}*[-\u2013\u2014:]{SP}*the{SP}(?:largest|smallest|"
    rf"biggest|first|last|latest|second|third|fourth|fifth)(?:{SP}single)?{SP}(?:group|transfer|flight)\b"
    rf"(?!{SP}of\b)",
    _I | re.MULTILINE,
)
#: A line of a list of figures that says what was done to them: "34 - sent on Jan. 20, 2026",
#: "148 - transferred since February 2025".
_LIST_SENT = re.compile(
    rf"^(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+){SP}*[-\u2013\u2014:]{SP}*(?:people{SP})?(?:sent|"
    rf"transferred|expelled|extradited|handed{SP}over|flown|deported|returned)"
    rf"(?:{SP}(?:out|north|back))?{SP}(?:on|in|since|"
    rf"to|from|between|by|during|last|this|so)\b[^\n]*$|"
    rf"^(?P<total>\d{{1,3}}(?:,\d{{3}})+|\d+){SP}*[-\u2013\u2014:]{SP}*(?:in{SP}all|in{SP}total|"
    rf"all{SP}told|total|altogether)[ \t]*$",
    _I | re.MULTILINE,
)


class _Counts:
    """The counts found so far; a rule's words are its own, never claimed twice."""

    def __init__(self, text: str, dates: list[DateSpan]) -> None:
        self.text = text
        self.rows: list[dict[str, object]] = []
        self.claimed = Spans((d.start, d.end) for d in dates)

    def people_before(self, at: int) -> bool:
        """The count found last before ``at``, in its sentence or line, is of people."""
        opens = max((m.end() for m in _STOP.finditer(self.text, 0, at)), default=0)
        opens = max(opens, self.text.rfind("\n", 0, at) + 1)
        before = [r for r in self.rows if opens <= int(str(r["char_start"])) < at]
        last = max(before, key=lambda r: int(str(r["char_start"])), default=None)
        return last is not None and last["unit"] == "people"

    def add(
        self, start: int, end: int, value: int | None, unit: str, what: str,
        *, claim: tuple[int, int] | None = None, least: int = 0,
    ) -> None:  # fmt: skip
        """A count at ``text[start:end]`` (claiming ``claim`` only, when given), unless its
        value is unknown or under ``least``."""
        if value is None or value < least:
            return
        a, b = claim or (start, end)
        if self.claimed.overlaps(a, b):
            return
        self.claimed.add(a, b)
        self.rows.append(
            {"value": value, "unit": unit, "what": what, "evidence": self.text[start:end],
             "char_start": start, "char_end": end}
        )  # fmt: skip

    def last_unit(self, before: int) -> str | None:
        """The unit of the count found last before ``before``."""
        earlier = [r for r in self.rows if int(str(r["char_end"])) <= before]
        return str(max(earlier, key=lambda r: int(str(r["char_end"])))["unit"]) if earlier else None

    def first_unit(self, before: int) -> str | None:
        """The unit of the first count of the sentence that ``before`` lies in."""
        breaks = list(re.finditer(rf"{_STOP.pattern}|\n", self.text[:before]))
        start = breaks[-1].end() if breaks else 0
        inside = [r for r in self.rows if start <= int(str(r["char_start"])) < before]
        return str(min(inside, key=lambda r: int(str(r["char_start"])))["unit"]) if inside else None

    def people(self) -> None:
        text = self.text
        for m in _COORDINATED.finditer(text):
            for n in re.finditer(_NUM, m["nums"], _I):
                at = m.start("nums") + n.start()
                end = m.end() if n.end() == len(m["nums"]) else at + len(n.group(0))
                self.add(at, end, _value(n.group(0)), "people", m["what"], least=2)
        for m in _PEOPLE.finditer(text):
            what = re.sub(rf"^current{SP}and{SP}former{SP}", "", m["what"], flags=_I)
            if not any(w.casefold() in _STOP_AFTER for w in what.split()):
                self.add(m.start(), m.end(), _value(m["num"]), "people", m["what"], least=2)
        for m in _LIST_LINE.finditer(text):
            self.add(m.start(), m.end(), _value(m["num"]), "people", m["what"], least=2)
        for m in _TALLY_LINE.finditer(text):
            if m["noun"] not in ("Transfers", "Flights", "Extraditions", "Expulsions"):
                self.add(m.start(), m.end(), _value(m["num"]), "people", m["what"], least=2,
                         claim=m.span("num"))  # fmt: skip
        for m in [*_LIST_GROUP.finditer(text), *_LIST_SENT.finditer(text)]:
            num = "num" if m["num"] is not None else "total"
            self.add(m.start(), m.end(), _value(m[num]), "people", "group", least=2,
                     claim=m.span(num))  # fmt: skip
        for m in _RAISED_TO.finditer(text):
            self.add(m.start("num"), m.end("num"), _value(m["num"]), "people", "total", least=2)
        for m in _OF_THE_FIRST.finditer(text):
            self.add(m.start("whole"), m.end("whole"), _value(m["whole"]), "people", "whole",
                     least=2)  # fmt: skip
            self.add(m.start("part"), m.end("part"), _value(m["part"]), "people", "part", least=2)
        for m in _FOLLOWED.finditer(text):
            self.add(m.start("num"), m.end(), _value(m["num"]), "people", "followed", least=2,
                     claim=m.span("num"))  # fmt: skip
        for m in _PARTITIVE.finditer(text):
            words = m["whole"].split()
            if any(w.casefold() in _STOP_AFTER for w in words[1:]):
                words = words[:2]  # "Five of the 14 are accused": the whole is "the 14"
            end = m.start("whole") + len(" ".join(words))
            self.add(m.start(), end, _value(m["num"]), "people", f"of {' '.join(words)}",
                     claim=m.span("num"), least=2)  # fmt: skip

    def transfers(self) -> None:
        text = self.text
        for m in _PLACE.finditer(text):
            if m["ord"].casefold() == "first" and re.match(rf"{SP}since\b", text[m.end() :]):
                continue  # "the first such operation since Jan. 20": others came before
            self.add(m.start(), m.end(), _ordinal(m["ord"]), "transfer number", m["what"])
            after = _PLACE_COORDINATED.match(text, m.end())
            if after is not None:
                self.add(after.start("place"), after.end("place"), _ordinal(after["ord"]),
                         "transfer number", m["what"])  # fmt: skip
        for m in _PLACE_ALONE.finditer(text):
            told = text[max(0, m.start() - 400) : m.start()]
            if re.search(rf"\b(?:{_TRANSFER_NOUNS})\b", told, _I):
                self.add(m.start(), m.end(), _ordinal(m["ord"]), "transfer number", "transfer")
        for m in _TRANSFERS.finditer(text):
            self.add(m.start(), m.end(), _value(m["num"]), "transfers", m["what"])
        for m in _TALLY_LINE.finditer(text):
            if m["noun"] in ("Transfers", "Flights", "Extraditions", "Expulsions"):
                self.add(m.start(), m.end(), _value(m["num"]), "transfers", m["what"],
                         claim=m.span("num"))  # fmt: skip
        for m in _TIMES.finditer(text):
            window = text[max(0, m.start() - 300) : m.end() + 300]
            at = m.start() - max(0, m.start() - 300)
            parts = (
                re.split(r"[.!?]\s|\n", window[:at])[-1] + re.split(r"[.!?]\s|\n", window[at:])[0]
            )
            if _TRANSFER_TOLD.search(parts):
                value = 2 if m["twice"] else _value(m["num"])
                self.add(m.start(), m.end(), value, "transfers", m["what"] or "times")

    def durations_and_percentages(self) -> None:
        text = self.text
        for m in _DURATION.finditer(text):
            if re.match(rf"(?:-|{SP})old\b", text[m.end() : m.end() + 5]):
                continue  # an age: "a 30-year-old man"
            if m["num"].casefold() == "one" and re.search(
                r"\b(?:will|would|could|may|might|should|must|can|to)\s+$",
                text[max(0, m.start() - 12) : m.start()],
                _I,
            ):
                continue  # "would one day answer": some day, not a duration
            if re.match(_MARKET_MOVE, text[m.end() : m.end() + 20], _I):
                continue  # "its steepest one-day drop": a measure of a market's move
            words_after = re.match(rf"(?:{SP}[a-z][\w-]*){{1,3}}", text[m.end() : m.end() + 80])
            counted: list[str] = []
            for w in words_after.group(0).split() if words_after else []:
                if w in _STOP_AFTER or w in _NOT_COUNTED:
                    break
                counted.append(w)
            end = m.end() + (len(" ".join(counted)) + 1 if counted else 0)
            unit = m["unit"].casefold() + "s"
            self.add(m.start(), end, _value(m["num"]), unit, " ".join(counted) or unit)
        for m in _PERCENT.finditer(text):
            value = _value(m["num"].split(".")[0])
            if m["what"] and m["what"] not in _STOP_AFTER:
                self.add(m.start(), m.end(), value, "percent", m["what"])
            else:
                self.add(m.start(), m.end("sign"), value, "percent", "percent")

    def standing_alone(self) -> None:
        """Numbers that count people without a noun: a group's size, a number for people
        counted before, the subject of a verb, the same count again after "and"."""
        text = self.text
        for m in _GROUP.finditer(text):
            if _bare(text, m.end(), frozenset({"since"})) or _INVERTED_TOTAL.match(text, m.end()):
                self.add(m.start("num"), m.end(), _value(m["num"]), "people", "people", least=2)
        known = {int(str(r["value"])) for r in self.rows if r["unit"] == "people"}
        for m in _ALONE.finditer(text):
            value = _value(m["num"])
            if not _bare(text, m.end(), _FOLLOW_ALONE) or _MONEY.match(text, m.end()):
                continue
            if m["before"].casefold() in ("took", "carried", "flew") and not _CARRIED.match(
                text, m.end()
            ):
                continue  # "The trip took 3 to 4 hours"
            if value in known or m["before"].casefold() not in ("the", "of the"):
                self.add(m.start("num"), m.end(), value, "people", "people", least=2)
        for m in _MORE.finditer(text):
            if _bare(text, m.end()) or re.match(rf"{SP}in\b", text[m.end() :]):
                self.add(m.start(), m.end(), _value(m["num"]), "people", "more", least=2)
        for m in _SUBJECT.finditer(text):
            self.add(m.start("num"), m.end(), _value(m["num"]), "people", "people", least=2)
        for m in [*_TALLY_SENT.finditer(text), *_GROUP_LATE.finditer(text)]:
            self.add(m.start("num"), m.end("num"), _value(m["num"]), "people", "total", least=2)

    def ellipses(self) -> None:
        """Numbers of people with their noun left out, after a count of people in the same
        sentence: "five for homicide and two for kidnapping", "63 people in 2025, up from 48
        the year before", "22 sent (40 in all)", "21 on Feb. 18, a further 33 on June 4"; and
        "the 87 it sent"."""
        text = self.text
        for m in _IN_ALL.finditer(text):
            if self.people_before(m.start()):  # "22 sent (40 in all)", not "8 companies, 40 in all"
                self.add(m.start("num"), m.end("num"), _value(m["num"]), "people", "total", least=2)
        for m in _IT_SENT.finditer(text):
            self.add(m.start("num"), m.end("num"), _value(m["num"]), "people", "more", least=2)
        for m in _FURTHER.finditer(text):
            if self.people_before(m.start()):  # "21 on Feb. 18, a further 33", not "30 days ..."
                self.add(m.start("num"), m.end("num"), _value(m["num"]), "people", "more", least=2)
        people_at = sorted(int(str(r["char_start"])) for r in self.rows if r["unit"] == "people")
        for m in [*_ELLIPSIS.finditer(text), *_COMPARED.finditer(text)]:
            if m.re is _COMPARED and not (
                (_bare(text, m.end()) or _PERIOD_AFTER.match(text, m.end()))
                and "people" in (self.last_unit(m.start()), self.first_unit(m.start()))
            ):
                # "up from 25" compares with the count before it, of its unit, or with the
                # sentence's head figure: "sent 93 people in three transfers, up from 55"
                continue
            i = bisect.bisect_left(people_at, m.start())
            if not i:
                continue  # no count of people before it: "12 tons of fentanyl, 5 since June"
            last = people_at[i - 1]
            if last > m.start() - 150 and not _STOP.search(text, last, m.start()):
                self.add(m.start("num"), m.end("num"), _value(m["num"]), "people", "people",
                         least=2)  # fmt: skip


def find_counts(text: str, dates: list[DateSpan]) -> list[dict[str, object]]:
    """Every count in ``text``, in order; a date's words are never a count."""
    counts = _Counts(text, dates)
    counts.people()
    counts.transfers()
    counts.durations_and_percentages()
    counts.standing_alone()
    counts.ellipses()
    return sorted(counts.rows, key=lambda r: int(str(r["char_start"])))

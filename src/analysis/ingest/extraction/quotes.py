"""Quotes: the words inside quotation marks, chained into quotations across paragraphs, and
who said them ("…," said X; X said: "…"; X said the plan "…"; what he called "…").

A speaker is a person, an organisation that issues a statement, or an unnamed speaker named by
role: the role noun phrase without its determiner and what follows the head noun ("a spokesman
for the ministry said" -> "spokesman"), at its fullest mention ("the press secretary", after
"The White House press secretary said", -> "White House press secretary"). Quotation marks
around a nickname or a name (`"El Flaco"`, `Baltazar "N"`) are not quotes.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import SP, SPEECH_VERBS, UP, Spans

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


_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)*|[\w\u2019'-]+)"
_WHO = rf"(?:{_TOKEN}(?:{SP}{_TOKEN}){{0,14}}?)"
_VERB = rf"(?:{SPEECH_VERBS})"
#: Words that end a speaker's words before the verb but are not part of them ("the FBI has").
_AUXILIARIES: Final = frozenset({
    "has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "later", "then",
    "again", "previously",
})  # fmt: skip
_PRONOUNS: Final = frozenset({"he", "she", "they", "i", "we"})
#: Head nouns of an unnamed speaker named by role.
_ROLE_HEADS: Final = (
    "officials", "official", "spokesman", "spokeswoman", "spokesperson", "press secretary",
    "secretary", "minister", "ambassador", "president", "prosecutor", "judge", "source",
    "sources", "diplomat", "officer", "agent", "lawyer", "attorney", "analyst", "expert",
    "director", "chief", "commander", "aide", "adviser", "advisor", "representative", "envoy",
    "governor", "mayor", "senator", "lawmaker", "negotiator", "administrator", "commissioner",
    "investigator", "witness", "resident", "family", "relatives", "special agent in charge",
    "agent in charge", "prosecutors", "investigators", "lawyers", "attorneys", "analysts",
    "experts", "diplomats", "agents", "attorney general", "attorneys general",
    "solicitor general",
)  # fmt: skip
_ROLE_HEAD = "|".join(sorted(_ROLE_HEADS, key=len, reverse=True))
_PLURAL_ROLES: Final = frozenset(h for h in _ROLE_HEADS if h.endswith("s") and " " not in h)
_ROLE_WORD = rf"(?:U\.S\.|[{UP}][\w\u2019'-]*|[a-z][a-z-]*)"
#: Words that never modify a role noun ("said", "the", "of").
_NOT_ROLE_WORDS: Final = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "of", "to",
    "for", "at", "in", "on", "by", "with", "from", "and", "or", "but", "who", "whom", "which",
    "what", "when", "where", "while", "as", "than", "said", "says", "told", "added", "according",
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can",
    "could", "also", "then", "after", "before", "during",
})  # fmt: skip
_DETERMINER = r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)"
#: Kinds of body a speaker may be named by after its name was given ("the ministry said").
_BODY = (
    r"(?:embassy|ministry|department|office|agency|commission|secretariat|bureau|consulate|"
    r"cabinet)"
)
#: A sentence ends: not after a single capital ("U.S.", "John Q.").
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b(?:Gen|Sen|Rep|Gov|Col|Sgt|Adm|Mrs|Cpl))(?<!\bCapt)"
    r"[.!?][\u201d\"]?\s+(?=[\u201c\"A-Z])"
)  # not after "U.S.", "Mr.", "Gen." or "Capt."


def _nickname_shaped(words: str) -> bool:
    """Capitalised words only, at most four, no sentence inside: a name or a nickname."""
    tokens = words.strip(" ,.;").split()
    if not tokens or len(tokens) > 4 or len(words) > 40 or re.search(r"[!?]", words):
        return False
    small = {"de", "del", "la", "las", "los", "el", "y"}
    return all(t[0].isupper() or t in small for t in tokens)


def _segments(text: str, paragraphs: list[tuple[int, int]], names: Spans) -> list[_Segment]:
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
                opens = text[j] == "“" or (
                    text[j] == '"' and text[j - 1].isspace() and text[j + 1 : j + 2].isalnum()
                )
                if opens:  # a straight mark after a space opens the next quotation
                    next_open = j
                    break
                if text[j] in '”"':
                    close_at = j
                    break
            end = close_at if close_at is not None else next_open
            while end > start and text[end - 1].isspace():
                end -= 1
            inside_name = names.overlaps(start, end) and _nickname_shaped(text[start:end])
            if end > start and not inside_name:
                segments.append(_Segment(start, end, open_at, close_at, index, open_at == p_start))
            i = (close_at + 1) if close_at is not None else next_open
    return segments


def _sentence_start(text: str, lo: int, at: int) -> int:
    """Where the sentence holding ``at`` starts, at ``lo`` at the earliest."""
    found = lo
    for m in _SENTENCE_END.finditer(text, lo, at + 1):
        if m.end() <= at:
            found = m.end()
    return found


class _Speakers:
    """Who the words before or after a quotation name, from the mentions of the text."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text = text
        self.named = [m for m in mentions if m.kind in ("person", "organisation")]
        self.starts = [m.start for m in self.named]
        self.persons = [m for m in self.named if m.kind == "person"]
        self.person_ends = [m.end for m in self.persons]
        #: Where the last quote's speaker was named, and who it is.
        self.last_speaker: tuple[int, str] | None = None

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that start or end inside ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start - 200)
        hi = bisect.bisect_left(self.starts, end)
        return [m for m in self.named[lo:hi] if m.start < end and m.end > start]

    def persons_in(self, start: int, end: int) -> list[Mention]:
        """Person mentions inside ``[start, end)``."""
        return [m for m in self.overlapping(start, end) if m.kind == "person"]

    def ending_at(self, lo: int, at: int) -> tuple[int, int] | None:
        """A mention that ends just before ``at`` (perhaps with an appositive between:
        "Ruelas, the economy secretary, said", or an acronym: "the association (AMIA) said");
        its span."""
        between = (
            r"(?:,?{SP}*|,{SP}[^,.;\u201c\u201d\"]{1,60},?{SP}*|{SP}*\([A-Z][\w.&-]{0,14}\),?{SP}*)"
        ).replace("{SP}", SP)
        for m in reversed(self.overlapping(lo, at)):
            if m.start >= lo and m.end <= at and re.fullmatch(between, self.text[m.end : at]):
                return self._heading(lo, m, at) or (m.start, m.end)
        return self._clause_between(lo, at)

    def _clause_between(self, lo: int, at: int) -> tuple[int, int] | None:
        """A person, then a relative or participial clause between commas, then the verb:
        "President Amalia Ríos, who met Wendell at the White House on Jan. 6, said", "President
        Beatriz Montemayor, asked at her news conference whether ..., said"."""
        if not re.match(rf"{SP}*,", self.text[at:]):
            return None
        for p in reversed(self.persons):
            if p.start < lo or p.end > at:
                continue
            gap = self.text[p.end : at]
            if re.fullmatch(
                rf",{SP}(?:who|whose|asked|speaking|responding|answering|interviewed|writing)\b"
                rf"[^;\u201c\u201d\"]{{1,200}}",
                gap,
            ):
                return p.start, p.end
        return None

    def _heading(self, lo: int, m: Mention, at: int) -> tuple[int, int] | None:
        """The person whose appositive or relative clause, between commas, holds the mention
        ``m`` found before the verb at ``at``: "Senator Itzel Barajas, of the opposition in the
        Senate, said", "Rebeca Tinajero, who is due in Washington for talks with Strickland,
        said"; None when there is none."""
        if not re.match(rf"{SP}*,", self.text[at:]):
            return None  # the appositive must close before the verb: "X, of the Senate, said"
        for p in reversed(self.persons):
            if p.end > m.start or p.start < lo:
                continue
            gap = self.text[p.end : at]
            if not re.fullmatch(rf",{SP}[^.;\u201c\u201d\"]{{1,160}}?", gap):
                return None
            opener = re.match(rf",{SP}(?:who|whose|which|of|a|an|the)\b", gap)
            if m.kind == "organisation" or (
                opener is not None and opener.group().endswith(("who", "whose", "which"))
            ):
                return p.start, p.end
            return None
        return None

    def member_of(self, lo: int, start: int, end: int) -> tuple[int, int]:
        """The person an organisation's mention at ``start`` follows as its member ("Special
        Agent in Charge Delia Marrow of the FBI's El Paso Field Office said"), else the
        organisation; spans no earlier than ``lo``."""
        i = bisect.bisect_right(self.person_ends, start)
        person = self.persons[i - 1] if i else None
        if person is None or person.start < lo:
            return start, end
        # the person heads the subject: only a title before it in its clause ("A lawyer for
        # Ovidio Guzmán of the ...", "Vega, who worked with Agent Idowu at the FBI" are not)
        head = self.text[lo : person.start].rsplit(",", 1)[-1]
        if re.fullmatch(r"\s*(?:(?:U\.S\.|[A-Z][\w.\u2019'-]*)\s+)*", head) and re.fullmatch(
            rf"{SP}+(?:of|at|for|from|with){SP}+(?:the{SP}+)?(?:(?:[\w.]+{SP}+){{0,4}}?[\w.]+(?:\u2019|')s{SP}+)?",
            self.text[person.end : start],
        ):
            return person.start, person.end
        return start, end

    def resolve(self, who_start: int, who_end: int, quoted: Spans) -> str | None:
        """The speaker the words ``text[who_start:who_end]`` name."""
        inside = self.overlapping(who_start, who_end)
        people = [m for m in inside if m.kind == "person"]
        if people:
            return people[-1].name
        who = self.text[who_start:who_end]
        role = _role(who)
        org = next((m for m in inside if m.kind == "organisation"), None)
        head_at = who_start + who.find(role) + len(role) - 1 if role is not None else -1
        if role is not None and org is not None and org.start <= head_at < org.end:
            return org.name  # "The Mexican Attorney General's Office said": not an attorney
        if role is not None:
            definite = re.match(r"[Tt]he\b", who.strip()) is not None
            complement = re.match(r"\s+(?:of|for|at|from)\b", who[who.find(role) + len(role) :])
            if definite and not complement and (titled := self.titled(role, who_start)):
                # not "the special agent in charge of the DEA office": perhaps another one
                return titled  # "the president said", after "President Ximena Robledo Cruz"
            return self.fullest(role, who_start) if definite else role
        if inside:
            return inside[-1].name
        words = who.split()
        if words and words[-1].casefold() in _PRONOUNS:
            last = self.last_speaker
            if (
                last is not None
                and re.match(r"\s+(?:added|continued|went\s+on)\b", self.text[who_end:])
                and "\n\n" not in self.text[last[0] : who_start]
            ):
                return last[1]  # “…,” she added: the speaker of the quote before
            return self.antecedent(who_start, quoted)
        body = re.fullmatch(rf"\s*[Tt]he\s+({_BODY})\s*", who)
        if body is not None:  # "the embassy said": the organisation of that name named last
            named = [
                m for m in self.named
                if m.kind == "organisation" and m.end <= who_start
                and body[1] in m.name.casefold().split()
            ]  # fmt: skip
            if named:
                return named[-1].name
        if words and words[-1].casefold() == "it":  # "what it called": the body named last
            orgs = [m for m in self.named if m.kind == "organisation" and m.end <= who_start]
            return orgs[-1].name if orgs else None
        return None

    def titled(self, role: str, before: int) -> str | None:
        """The person named last before ``before`` whose title ends with ``role``."""
        words = role.casefold().split()
        for m in reversed(self.persons):
            if m.start >= before or not m.title:
                continue
            if m.title.casefold().split()[-len(words) :] == words:
                # not when an unnamed one was introduced since ("A senior official ... the
                # official said")
                since = self.text[m.end : before]
                unnamed = (
                    rf"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){{0,4}}?{re.escape(role)}\b"
                )
                return None if re.search(unnamed, since, re.IGNORECASE) else m.name
        return None

    def antecedent(self, at: int, quoted: Spans) -> str | None:
        """Who a pronoun at ``at`` stands for: whoever was named last before it, of the
        person named outside quotes, the speaker of the quote before and a speaker named by
        role with a verb of speech ("A senior official said ... She said")."""
        i = bisect.bisect_right(self.person_ends, at)
        named = [
            m for m in reversed(self.persons[:i]) if m.end <= at and not quoted.covers(m.start)
        ]
        person = named[0] if named else None
        if person is not None and len(named) >= 2:
            # "Lucero Rentería has attended every hearing since Galaviz arrived. “…,” she
            # said": the subject of the sentence, not a person its subordinate clause names
            opens = _sentence_start(self.text, max(0, person.start - 400), person.start)
            first = next((m for m in reversed(named) if m.start >= opens), None)
            if (
                first is not None
                and first is not person
                and first.start - opens <= 60
                and re.search(
                    r"\b(?:since|after|before|when|while|until|because|as|with|against|for|"
                    r"to|from|by|of|than)\s+(?:[\w.\u2019'-]+\s+){0,2}$",
                    self.text[max(opens, person.start - 30) : person.start],
                )
            ):
                person = first
        if person is not None and re.match(
            r"(?:\u2019|')s\b", self.text[person.end : person.end + 2]
        ):
            # "Brooks thanked Montemayor's government for what he called": the subject of the
            # pronoun's sentence, not the owner, when the sentence names one
            opens = _sentence_start(self.text, max(0, at - 400), at)
            subject = next((m for m in named[1:] if m.start >= opens), None)
            person = subject or person
        found: list[tuple[int, str]] = []
        if self.last_speaker is not None:
            found.append(self.last_speaker)
        lo = max(at - 600, 0)
        for r in re.finditer(
            rf"\b{_DETERMINER}{SP}+(?:{_ROLE_WORD}{SP}+){{0,4}}?(?:{_ROLE_HEAD})\b"
            rf"[^.!?\u201c\u201d\"]{{0,80}}?\b{_VERB}\b",
            self.text[lo:at],
            re.IGNORECASE,
        ):
            role = _role(r.group(0))
            if role is None:
                continue
            if person is not None and re.fullmatch(r",\s*", self.text[person.end : lo + r.start()]):
                continue  # "Gen. Ramón Tirado, the army commander, said": his appositive
            if person is not None and lo + r.start() < person.start:
                if not re.search(r"[.!?]\s", self.text[lo + r.end() : person.start]):
                    person = None  # "A spokeswoman said the rifles Ortega is accused of ...
                    # She said": Ortega is told of in her words, the pronoun is hers
                elif lo + r.start() < person.end:
                    continue
            found.append((lo + r.start(), role))
        if person is not None:
            found.append((person.start, person.name))
        return max(found)[1] if found else None

    def fullest(self, role: str, before: int) -> str:
        """The longest mention of the role before ``before`` ("White House press secretary"
        for "press secretary")."""
        best = role
        pattern = rf"\b{_DETERMINER}{SP}(?P<role>(?:{_ROLE_WORD}{SP}){{1,4}}?{re.escape(role)})\b"
        for m in re.finditer(pattern, self.text[:before], re.IGNORECASE):
            words = m["role"].split()[: -len(role.split())]
            if any(w.casefold() in _NOT_ROLE_WORDS for w in words):
                continue
            if len(m["role"]) > len(best):
                best = m["role"]
        return best


def _role(who: str) -> str | None:
    """The role noun phrase of an unnamed speaker: "a spokesman for the ministry" ->
    "spokesman", "the White House press secretary" -> "White House press secretary"."""
    m = re.match(
        rf"\s*(?:{_DETERMINER}{SP}+)?(?P<role>(?:{_ROLE_WORD}{SP}+){{0,4}}?(?P<head>{_ROLE_HEAD}))\b",
        who,
        re.IGNORECASE,
    )
    if m is None:
        return None
    words = m["role"].split()
    modifiers = m["role"][: m.start("head") - m.start("role")].split()  # "agent in charge": a head
    if any(w.casefold() in _NOT_ROLE_WORDS for w in modifiers) or (
        words[0][0].isupper()
        and len(words) == 1
        and words[0] not in ("President",)
        and words[0].casefold() not in _PLURAL_ROLES  # "Prosecutors wrote in a filing"
    ):
        return None
    return m["role"]


_WHO_START: Final = frozenset({
    "the", "a", "an", "one", "another", "he", "she", "they", "we", "i", "his", "her", "their",
    "its", "our", "my",
})  # fmt: skip


def _who_shaped(who: str) -> bool:
    """Words that can name a speaker: they start with a capital, a determiner or a pronoun,
    or hold a role noun ("officials said"); not "but warned"."""
    first = who.split(maxsplit=1)[0]
    return first[0].isupper() or first.casefold() in _WHO_START or _role(who) is not None


def _trim_who(text: str, start: int, end: int) -> int:
    """The end of the speaker's words without auxiliaries after them ("the FBI has")."""
    while True:
        m = re.search(r"\s+(\w+)$", text[start:end])
        if m is None or m[1].casefold() not in _AUXILIARIES:
            return end
        end = start + m.start()


def _attribute(
    text: str, seg: _Segment, prev_end: int, next_open: int, speakers: _Speakers
) -> _Attribution | None:
    """The words that name the speaker of ``seg``: after it, before it in its sentence, as
    reported speech earlier in the sentence, or at the end of the sentence it sits inside."""
    if seg.close_at is not None:
        found = _after_quote(text, seg.close_at + 1, seg, next_open, speakers)
        if found is not None:
            return found
    lo = _sentence_start(text, prev_end, seg.open_at)
    return (
        _before_quote(text, lo, seg.open_at, speakers)
        or _reported(text, lo, seg.open_at, speakers)
        or _at_sentence_end(text, seg, next_open, speakers)
    )


def _after_quote(
    text: str, after_start: int, seg: _Segment, next_open: int, speakers: _Speakers
) -> _Attribution | None:
    """“…,” Lemus said; “…,” according to X; “…,” said X."""
    after = text[after_start:next_open]
    # "Lemus, 68, said", "Ulloa, a spokesman for the cabinet, told", "his lawyer, Celia
    # Montaño, said": an age or an appositive between the speaker and the verb
    m = re.match(
        rf"{SP}*,?{SP}*(?P<who>{_WHO})(?:,{SP}(?P<appos>[^,.;:!?\u201c\u201d\"\n]{{1,80}}),)?"
        rf"{SP}+{_VERB}\b(?P<rest>[^.!?;“”\"\n]*)",
        after,
    )
    ended = re.search(r"[.]\W*$", text[seg.start : seg.end]) is not None
    if (
        m is not None
        and _who_shaped(m["who"])
        and not (ended and len(m["rest"].split()) > 3)
        and not (ended and m["appos"])  # “….” President X, asked …, said: a new sentence
    ):
        who_start = after_start + m.start("who")
        who_end = _trim_who(text, who_start, after_start + m.end("who"))
        if m["appos"] and not speakers.persons_in(who_start, who_end):
            a, b = after_start + m.start("appos"), after_start + m.end("appos")
            named = [p for p in speakers.persons_in(a, b) if p.start == a and p.end == b]
            if named:  # "his lawyer, Celia Montaño, said": the appositive is the name, whole
                who_start, who_end = a, b
        # the attribution starts where its words do, before an appositive taken as the name
        start = after_start + m.start("who")
        return _Attribution("after", who_start, who_end, start, after_start + m.end())
    m = re.match(
        rf"{SP}*,?{SP}*according{SP}to{SP}(?:an?|the){SP}(?:[\w-]+{SP}){{0,2}}?(?:statement|"
        rf"release|communiqu\u00e9|communique|letter){SP}(?:from|by|issued{SP}by){SP}"
        rf"(?P<who>{_WHO})(?:{SP}\([A-Z]{{2,6}}\))?(?=[.,;!?\n]|$)",
        after,
    )  # "according to a statement from Mexico's Attorney General's Office (FGR)"
    if m is None:
        m = re.match(rf"{SP}*,?{SP}*according{SP}to{SP}(?P<who>{_WHO})(?=[.,;!?\n]|$)", after)
    if m is not None and not _DOCUMENT.match(m["who"]):  # not "according to a transcript"
        who_start, who_end = after_start + m.start("who"), after_start + m.end("who")
        return _Attribution("after", who_start, who_end, after_start + m.start(), who_end)
    return _inverted(text, after_start, next_open, speakers)


#: What a quote is read from, not who said it: "according to a transcript of her news
#: conference" (the speaker is named in the sentence, or not at all).
_DOCUMENT: Final = re.compile(
    r"(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:transcript|document|documents|"
    r"records?|filing|filings|indictment|complaint|video|recording|court\s+papers|minutes)\b",
    re.IGNORECASE,
)


def _inverted(
    text: str, after_start: int, next_open: int, speakers: _Speakers
) -> _Attribution | None:
    """“…,” said U.S. Ambassador Ronald Johnson; “…,” said his attorney, Felipe Arreola."""
    after = text[after_start:next_open]
    stop = rf"(?=[.,;:!?(\n]|{SP}+(?:of|for|from|at|in|on|with|who|during|after)\b|$)"
    m = re.match(rf"{SP}*,?{SP}*{_VERB}{SP}+(?P<who>{_WHO}){stop}", after)
    if m is None:  # "said U.S. Ambassador Ronald Johnson." ends with a dot of its own
        m = re.match(rf"{SP}*,?{SP}*{_VERB}{SP}+(?P<who>{_WHO})\.?", after)
    if m is None:
        return None
    who_start, who_end = after_start + m.start("who"), after_start + m.end("who")
    appos = re.match(rf",{SP}+(?P<name>{_WHO})(?=[.,;]|$)", text[who_end:next_open])
    if appos is not None and not speakers.persons_in(who_start, who_end):
        a, b = who_end + appos.start("name"), who_end + appos.end("name")
        if speakers.persons_in(a, b):  # "said his attorney, Felipe Arreola."
            who_start, who_end = a, b
    return _Attribution(
        "inverted", who_start, who_end,
        after_start + m.start() + len(m.group(0)) - len(m.group(0).lstrip(" ,")),
        who_end,
    )  # fmt: skip


def _before_quote(text: str, lo: int, open_at: int, speakers: _Speakers) -> _Attribution | None:
    """According to X, … “…”; X said: “…”; X put it plainly: “…”."""
    before = text[lo:open_at]
    m = re.match(rf"\s*According{SP}+to{SP}+(?P<who>{_WHO}),", before)
    if m is not None:  # "According to Security Secretary Omar García Harfuch, the prisoners “…”"
        who_start, who_end = lo + m.start("who"), lo + m.end("who")
        if speakers.resolve(who_start, who_end, Spans()) is not None:
            return _Attribution("before", who_start, who_end, lo + m.start(), who_end)
    m = re.search(rf"(?P<who>{_WHO}){SP}+{_VERB}\b(?P<rest>(?:{SP}+[\w\u2019'.-]+){{0,4}}?)"
                  rf"{SP}*[:,]{SP}*$", before)  # fmt: skip
    if m is not None:
        found = _subject(text, speakers, lo, lo + m.start("who"), lo + m.end("who"))
        if found is not None:
            return _Attribution("before", *found, found[0], lo + m.end("rest"))
    # A person opening the sentence and a colon: "DEA Administrator Leonard Cho put it
    # plainly: “…”".
    if re.search(rf":{SP}*$", before):
        opening = speakers.persons_in(lo, open_at)
        if (
            opening
            and not text[lo : opening[0].start].strip()
            and len(text[opening[0].end : open_at].split()) <= 6
        ):
            return _Attribution("before", opening[0].start, opening[0].end, opening[0].start,
                                open_at)  # fmt: skip
    return None


#: Verbs of reported speech: "X said the decision “…”", "X called the transfer “…”".
_REPORTING: Final = (
    rf"(?:{SPEECH_VERBS}|called|described|dubbed|termed|hailed|praised|denounced|thanked|"
    r"welcomed|celebrated|criticized|criticised|condemned|urged|asked|vowed|pledged|promised|"
    r"recognized|recognised|applauded|commended|lauded|highlighted|"
    rf"put(?={SP}+(?:the|its|his|her|their){SP}+(?:number|total|figure|count|toll|tally)\b))"
)  # "put the number of fugitives sent north at “more than 130”"


def _reported(text: str, lo: int, open_at: int, speakers: _Speakers) -> _Attribution | None:
    """Reported speech: "X said the decision “…”", "what he called “…”": a speaker and a verb
    earlier in the sentence."""
    before = text[lo:open_at]
    for v in reversed(list(re.finditer(rf"\b{_REPORTING}\b", before))):
        if re.search(r"[\u201c\u201d\"]", before[v.end() :]):
            break  # another quotation stands between the verb and this one
        if v.group(0) == "asked" and not re.search(rf"\bto{SP}*$", before):
            continue  # "asked whether the term “terrorist” applied": no words of the asker
        found = _subject(text, speakers, lo, lo, lo + v.start())
        if found is not None:
            form = "reported" if re.fullmatch(SPEECH_VERBS, v.group(0)) else "called"
            return _Attribution(form, *found, found[0], lo + v.end())
    return _participle(text, lo, open_at, speakers)


#: A participle of speech that hangs on its sentence's subject: "Ortúzar has denied any link,
#: telling reporters last month that Mexico “does not trade prisoners for tariffs.”"
_PARTICIPLE: Final = re.compile(
    rf",{SP}+(?:telling|saying|adding|warning|noting|arguing|insisting|declaring|writing|"
    rf"calling)\b|\b(?:response|statement|filing|letter|motion|post|message|brief){SP}+"
    rf"(?:calling|saying|describing)\b"
)
#: A role that heads a sentence, after a lead phrase: "The following day, prosecutors filed",
#: "A spokesperson for the U.S. Attorney's Office declined to comment".
_ROLE_HEADS_SENTENCE: Final = re.compile(
    rf"\s*(?:[A-Z][^,.;\u201c\u201d\"]{{0,40}},{SP}+)?(?P<role>(?:{_DETERMINER}{SP}+)?"
    rf"(?:{_ROLE_WORD}{SP}+){{0,4}}?(?:{_ROLE_HEAD}))\b",
    re.IGNORECASE,
)


def _participle(text: str, lo: int, open_at: int, speakers: _Speakers) -> _Attribution | None:
    """The person who heads the sentence, when a participle of speech reports the quote."""
    before = text[lo:open_at]
    p = next(iter(reversed(list(_PARTICIPLE.finditer(before)))), None)
    if p is None or re.search(r"[\u201c\u201d\"]", before[p.end() :]):
        return None
    people = speakers.persons_in(lo, lo + p.start())
    if not people or people[0].start < lo:
        role = _ROLE_HEADS_SENTENCE.match(text, lo, lo + p.start())
        if people or role is None or _role(role["role"]) is None:
            return None
        if not re.fullmatch(r"(?:[Tt]he|[Aa]n?)\s.*|[a-z].*", role["role"]):
            return None  # a capitalised word that opens the sentence is no role
        return _Attribution("reported", role.start("role"), role.end("role"), lo, lo + p.end())
    head = text[lo : people[0].start]
    if not re.fullmatch(rf"\s*(?:(?:[A-Z][\w.\u2019'-]*|of|the){SP}+)*", head):
        return None  # the person heads the sentence, with nothing but a title before
    first = people[0]
    return _Attribution("reported", first.start, first.end, first.start, lo + p.end())


def _at_sentence_end(
    text: str, seg: _Segment, next_open: int, speakers: _Speakers
) -> _Attribution | None:
    """The attribution that ends the sentence the quote sits inside: "unless Mexico shows
    “measurable progress” against fentanyl smuggling, Commerce Secretary Lionel Ashcombe said
    on Monday"."""
    if seg.close_at is None or re.search(r"[.!?]\W*$", text[seg.start : seg.end]):
        return None
    words = text[seg.start : seg.end].split()
    if all(w[0].isupper() for w in words):
        return None  # “Operation Northern Shield”: a name, not words said
    lo = _sentence_start(text, max(0, seg.open_at - 400), seg.open_at)
    if re.search(rf"\b{_REPORTING}\b", text[lo : seg.open_at]):
        return None  # "what Trump called “an invasion”": another's words
    after_start = seg.close_at + 1
    m = re.match(
        rf"[^.!?;\u201c\u201d\"\n]*?,{SP}+(?P<who>{_WHO}){SP}+{_VERB}\b"
        rf"[^.!?;,\u201c\u201d\"\n]{{0,40}}[.!?](?=\s|$)",
        text[after_start:next_open],
    )
    if m is None or not _who_shaped(m["who"]):
        return None
    who_start = after_start + m.start("who")
    who_end = _trim_who(text, who_start, after_start + m.end("who"))
    if speakers.resolve(who_start, who_end, Spans()) is None:
        return None
    return _Attribution("after", who_start, who_end, who_start, after_start + m.end())


#: An unnamed speaker named by role before the organisation it speaks for: "a spokesperson
#: for the U.S. Attorney's Office" (the speaker is the role, benchmarks/ANNOTATION.md).
_ROLE_OF: Final = re.compile(
    rf"\b{_DETERMINER}{SP}+(?:{_ROLE_WORD}{SP}+){{0,4}}?(?:{_ROLE_HEAD}){SP}+"
    rf"(?:for|of|at|from|with|in){SP}+(?:the{SP}+)?",
    re.IGNORECASE,
)


def _subject(
    text: str, speakers: _Speakers, lo: int, start: int, end: int
) -> tuple[int, int] | None:
    """The speaker's words just before ``end`` (the verb), no earlier than ``lo``: a
    mention, a pronoun or a role noun phrase; their span."""
    with_comma = _trim_who(text, start, len(text[:end].rstrip(" \u00a0")))
    end = len(text[:with_comma].rstrip(" ,\u00a0"))
    mention = speakers.ending_at(lo, end)
    if mention is not None:
        start, stop = speakers.member_of(lo, *mention)
        role = _ROLE_OF.search(text, lo, start)
        if (
            role is not None
            and not speakers.persons_in(role.start(), end)
            and not re.search(r"[,;:]", text[role.end() : start])
        ):
            return role.start(), end  # "A spokeswoman for the U.S. Consulate said": the role
        return start, stop
    m = re.search(r"\b(?:he|she|they|I|we|He|She|They|We)$", text[lo:end])
    if m is not None:
        return lo + m.start(), end
    m = re.search(rf"\b[Tt]he{SP}+{_BODY}$", text[lo:end])
    if m is not None:  # "The ministry said the extradition ...": the ministry named last
        return lo + m.start(), end
    role = re.search(
        rf"(?:\b{_DETERMINER}{SP}+|\A\s*(?={'|'.join(sorted(_PLURAL_ROLES))})|(?<=\u2019s{SP})|"
        rf"(?<='s{SP}))(?:{_ROLE_WORD}{SP}+){{0,4}}?"
        rf"(?:{_ROLE_HEAD})\b"
        rf"(?:{SP}+(?:for|of|at|from|in|with|familiar{SP}with)(?:{SP}+[\w\u2019'.()-]+){{1,12}})?"
        rf"(?:,[^.;\u201c\u201d\"]{{1,120}},)?$",
        text[lo:with_comma],
        re.IGNORECASE,
    )
    if role is not None and _role(role.group(0)) is not None:
        return lo + role.start(), end
    return None


def find_quotes(
    text: str, mentions: list[Mention], dates: list[DateSpan]
) -> list[dict[str, object]]:
    paragraphs = _paragraphs(text)
    names = Spans((m.start, m.end) for m in mentions if m.kind == "person")
    segments = _segments(text, paragraphs, names)
    speakers = _Speakers(text, mentions)
    for k, seg in enumerate(segments):
        prev_end = paragraphs[seg.paragraph][0]
        if k > 0 and segments[k - 1].paragraph == seg.paragraph:
            prev = segments[k - 1]
            prev_end = (prev.close_at + 1) if prev.close_at is not None else prev.end
        next_open = paragraphs[seg.paragraph][1]
        if k + 1 < len(segments) and segments[k + 1].paragraph == seg.paragraph:
            next_open = segments[k + 1].open_at
        seg.attribution = _attribute(text, seg, prev_end, next_open, speakers)
    segments = [
        s for s in segments
        if not (_nickname_shaped(text[s.start : s.end])
                and (s.attribution is None or s.attribution.form in ("reported", "called")))
    ]  # fmt: skip
    chains = _chains(text, segments, names)
    quoted = Spans((s.start, s.end) for s in segments)
    rows: list[dict[str, object]] = []
    for chain in chains:
        attribution = next((s.attribution for s in chain if s.attribution is not None), None)
        n_words = sum(len(text[s.start : s.end].split()) for s in chain)
        if attribution is None and n_words < 4:
            continue  # a scare quote or a nickname, not a quotation
        speaker = (
            speakers.resolve(attribution.who_start, attribution.who_end, quoted)
            if attribution
            else None
        )
        if attribution is not None and speaker is not None:
            speakers.last_speaker = (attribution.who_start, speaker)
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
                "said_on_precision": said.known_precision if said else "unknown",
                "said_on_readings": said.reading_forms if said else [],
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


def _narrative_between(text: str, last: _Segment, seg: _Segment) -> bool:
    """A sentence of narrative, not only the attribution, stands between two segments."""
    a = (last.close_at + 1) if last.close_at is not None else last.end
    between = text[a : seg.open_at]
    if last.attribution is not None and a <= last.attribution.start < seg.open_at:
        cut_a = last.attribution.start - a
        cut_b = min(last.attribution.end, seg.open_at) - a
        between = between[:cut_a] + between[cut_b:]
    ended = re.search(r"[.!?]\s*$", text[last.start : last.end]) is not None
    ends = list(re.finditer(r"[.!?](?=\s|$)", between))
    if not ended and not ends:
        return False  # one sentence: fragments woven into reported speech
    if between[ends[-1].end() if ends else 0 :].strip():
        return True  # the next part sits in a sentence of its own, after narrative
    sentences = re.findall(r"[^.!?]*[A-Za-z][^.!?]*[.!?]", between)
    return bool(sentences) and (ended or len(sentences) > 1)


def _same_speaker(
    text: str, names: Spans, last: _Segment, seg: _Segment, chain_said: _Attribution
) -> bool:
    """``seg``'s own attribution names the chain's speaker: the same words between two parts
    (“A,” Roel said, “and B.”), or a pronoun in the same sentence with no other person named
    between (called the transfer “A” and thanked Mexico for what he described as “B”; not
    “A,” and Sheinbaum dismissed what she called “B”)."""
    said = seg.attribution
    if said is None:
        return False
    if said.who_start == chain_said.who_start:
        return True
    if said.form in ("reported", "called") and re.fullmatch(
        rf"(?:,{SP}+[^,.;!?\u201c\u201d\"]{{1,60}})?,{SP}+who{SP}+(?:also{SP}+|later{SP}+)?"
        rf"{_REPORTING}\b[^.!?;\u201c\u201d\"]*",
        text[chain_said.end : seg.open_at],
    ):
        return True  # “A,” said his lawyer, Ana Gil, who called the case “B”: hers too
    after_last = (last.close_at + 1) if last.close_at is not None else last.end
    return (
        said.form in ("reported", "called")
        and not names.overlaps(after_last, said.who_start)
        and text[said.who_start : said.who_end].strip().casefold() in _PRONOUNS
    )


def _chains(text: str, segments: list[_Segment], names: Spans) -> list[list[_Segment]]:
    """Segments chained into quotes: a quote running over paragraphs, or interrupted by its
    attribution, is one quote; another attributed one, or one after a sentence of narrative,
    starts a new quote."""
    chains: list[list[_Segment]] = []
    for seg in segments:
        if chains:
            last = chains[-1][-1]
            chain_said = next((s.attribution for s in chains[-1] if s.attribution), None)
            chain_attributed = chain_said is not None and not _same_speaker(
                text, names, last, seg, chain_said
            )
            runs_on = (
                last.close_at is None
                and seg.paragraph == last.paragraph + 1
                and seg.at_paragraph_start
            )
            same_paragraph = seg.paragraph == last.paragraph
            joins = (
                same_paragraph
                and not (chain_attributed and seg.attribution)
                and not _narrative_between(text, last, seg)
            )
            if runs_on or joins:
                chains[-1].append(seg)
                continue
        chains.append([seg])
    return chains

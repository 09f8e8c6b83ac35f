"""Dates: absolute ones as written, relative ones ("Tuesday", "last month", "In July")
resolved against the reference day, anaphoric ones ("that day", "the following Tuesday")
against the day the text named last, each with its precision.

The **reference day** is the dateline's ("MEXICO CITY, June 28 (Wire) -") when the text opens
with one, else the publication date. A weekday is the most recent such day on or before it,
unless the clause says the future ("is due in court on Monday", "next Monday"). A month or day
written without a year takes the reference day's year, also when it falls after the reference
day ("from July 9" in a story of June 28), unless the text makes another year plain: a month
just past in a new year's story ("in December", published in January), a date of the next year
announced at the end of a year ("from Jan. 1", in November), a year given earlier for the
same sequence ("on Feb. 27, 2025 ... A second group followed on Aug. 12", in January 2026), a
year the sentence names for what it tells ("Last year, Mexico sent 29 people in February"), or
a plain future of a day this year has passed ("The pause will end on March 1", in August), an
event in the present tense that this year has passed ("exporters face the expiry on Jan. 15",
in November), what follows a day still ahead ("expires on Dec. 31, and a review would follow in
June"), a postponement to a month before the plan's ("set for September but postponed to
June"), the future of a statement of last year ("said last year that it would hand him over in
October"), or a past tense for a month well after the reference day ("In September, a court
ordered ...", in January). The tense is the date's clause's (a clause with no verb of its own,
after "and", shares the one before it), or, for a date opening its sentence ("In January,
Mexico will host the talks"), that of the clause after it. "The day before the hearing" counts
from the last day named in a sentence about the hearing, else from the day named last.

**A year the text does not settle is not guessed.** When the rules' year for a month or day
written without one goes against the calendar (another reading lies within 120 days of the
reference day and every other at least 240 days away: "in January", told in November) and the
verb the date belongs to does not say so (a past for a date behind, words that look ahead for
one ahead; a present in its clause, "officials say they want more before December", or an
infinitive after the past, "came as officials weigh whether to extend, past April 1", is no
past), or when the date lies more than 30 days ahead while the verb just before it, or its
sentence, tells of the past ("those sent in December"), the date has no ``date`` and offers its ``readings`` (the same month
or day in both years) for a reviewer to choose; a year the text names for it (the same day
before, a year of the sentence or of a list, a recap's year, a deadline named by its day, the
first date of a pair) settles it. What is counted from such a date ("two days later", "that
Monday") is no more certain: it is counted from each reading in turn. "That Monday" is the
first Monday after the day named last (that day itself when it is a Monday), unless that lies
ahead of a story told in the past; "that August" the August of the year last written or named
alone in its paragraph (not after a verb that makes "that" a conjunction: "warned that August
exports"); and
the second date of a pair or range ("on Oct. 28 and Oct. 29", "from Dec. 29 to Jan. 2") has
the first one's year, or, for a range, the next when its month comes earlier ("on Dec. 3 and
Nov. 28" is a list, and each date is read alone); the second day of a pair written with one
month ("on Dec. 17 and 18", "Oct. 28-29") is that month's; a month or day followed by "this
year", "last year" or "next year" ("in May last year", "March 9 next year") is one mention of
that year. "The day before the flight" counts
from the day the text calls the flight's ("With Tuesday's flight, ...") when it does.

Every rule proposes spans; the rules run in order and the first to claim words keeps them, so
"July 4, 2025" is one day and never also a month and a year. The spans are then resolved in
the order of the text, so that an anaphoric date can lean on the one before it.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from analysis.ingest.extraction._common import (
    MONTHS,
    SP,
    SPEECH_VERBS,
    UP,
    WEEKDAYS,
    DateSpan,
    Spans,
    alternation,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

__all__ = ["find_dates", "reference_day"]

_FULL_MONTHS: Final = tuple(m for m in MONTHS if len(m) > 4 or m in ("May", "June", "July"))
_ANY_MONTH: Final = alternation(tuple(MONTHS))
_FULL_MONTH: Final = alternation(_FULL_MONTHS)
_WEEKDAY: Final = "|".join(WEEKDAYS)

#: A past form after the noun "deadline": "the deadline that Voss set in November".
_SET_AFTER: Final = re.compile(
    r"\b(?-i:set|gave|made|imposed|announced|issued|[a-z]{3,}ed)\b(?!\s+(?:for|to|until|by)\b)"
)
#: "pending a detention hearing on", not across "since" ("held pending trial since his arrest
#: on Jan. 8"); "set a status conference for", "scheduled a hearing on the transfers for".
_PENDING: Final = r"\bpending\b(?:(?!\b(?:since|after|before)\b)[^.;!?\n]){0,40}?\b(?:on|for)"
_SET_FOR: Final = r"\b(?:set|scheduled|slated|fixed)\b(?:\s+(?!for\b)[\w\u2019'-]+){0,5}\s+for"
#: What is awaited: "pending a hearing on", "set a status conference for".
_AWAITED: Final = re.compile(rf"(?:{_PENDING}|{_SET_FOR})\s*$", re.IGNORECASE)
#: A verb of the future (not the noun "deadline"): "would follow", "is to rise".
_FUTURE_VERB: Final = re.compile(
    r"\b(?:will|would|shall|could|might)\b|\w(?:\u2019|')ll\b|\b(?:is|are)\s+(?:to|due|set|expected)\b",
    re.IGNORECASE,
)
#: Not after "first", "originally": "a hearing first planned for Dec. 10" tells the old plan.
_ORIGINAL: Final = (
    r"(?<!\bfirst\s)(?<!\boriginally\s)(?<!\binitially\s)(?<!\bpreviously\s)(?<!\bonce\s)"
)
#: Words before a date, in its clause, that put it in the future.
_FUTURE: Final = re.compile(
    r"\b(?:will|shall|won\u2019t|won't|would|could|might)\b(?!\s+(?:not\s+)?have\b)|"
    r"\w(?:\u2019|')ll\b|"
    r"\b(?:is|are|was|were)(?:\s+not|n['\u2019]t)?\s+(?:due|scheduled|set|expected|slated|planned|to)\b|"
    r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?(?:possible|likely|probable|imminent)"
    r"(?:\s+(?:in|on|by|before|as\s+(?:soon|early)\s+as)(?:\s+the\s+(?:end|middle|start|"
    r"beginning)\s+of)?)?\s*$|"
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\bThe\s)(?<!\bA\s)\b(?:plans?|planning)\s+(?:to|an?|the)\b|"
    r"\b(?:is|are)\s+up\s+for\b|\b(?:the|a|its|his|her|their)\s+next\s+"
    r"(?!(?:day|week|month|year)\b)[a-z]+\b|\b(?:meet|resume|return|reconvene)s?\s+again\b|"
    r"\bintends?\s+to\b|\bgoing\s+to\b|\bupcoming\b|\bcoming\b|"
    r"\b(?:takes?|taking)\s+effect\b|\b(?:expires?|resumes?|begins?|starts?|kicks?\s+in|"
    rf"lapses?|ends)\b|{_ORIGINAL}\b(?:set|scheduled|planned|slated|moved|postponed|rescheduled|"
    r"adjourned|pushed\s+back|deferred|delayed)\b(?:\s+(?:it|the|a|his|her|their|its|to|for|until|"
    r"hearing|trial|vote|sentencing|case|talks|meeting|early|late|mid-?))*\s*$|"
    r"\bdeadline\b|\bdue\b(?!\s+to\b)|\bexpects?\b|"
    rf"(?<!\bhad\s)(?<!\bthe\s)(?<!\ba\s){_ORIGINAL}\b(?:expected|planned|intended|hoped|aimed|agreed|"
    r"promised|pledged|vowed|threatened)\b[^,;.]{0,60}?"
    r"\bto\s+(?:be\s+)?(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b)[a-z]+\b|"
    r"\buntil\b[^,;]*\b(?:hearing|trial|sentencing|arraignment)\s+(?:on|at)?\s*$|"
    r"\b(?:has|have)\s+(?:asked|invited|summoned|called\s+on|urged)\b[^,;.]{1,40}?\bto\s+[a-z]+\b|"
    # "consultations, to be held in January"
    r"(?:^|,)\s*to\s+be\s+(?:held|heard|tried|sentenced|signed|decided|completed|reviewed|opened|"
    r"published|released|extradited|sent|transferred|delivered|renewed)\b",
    re.IGNORECASE,
)
#: The plain future, not a future in the past ("would", "could"): a day or month without a
#: year that this year's calendar has already passed is then next year's ("The pause will
#: end on March 1", told in August).
_PLAIN_FUTURE: Final = re.compile(
    r"\b(?:will|shall|won\u2019t|won't)\b|\w(?:\u2019|')ll\b|\b(?:is|are)\s+(?:due|scheduled|set|"
    r"expected|slated|to)\b|\b(?:takes?)\s+effect\b|\b(?:expires|begins|starts|ends|resumes|"
    r"lapses|kicks\s+in)\b|\b(?:new|next|current)\s+deadline\b|\bdeadline\s+(?:is|of|for)\b|"
    r"\bmust\b|\b(?:has|have|needs?)\s+to\b|"
    rf"(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\s)(?<!\bbeen\s){_ORIGINAL}\b(?:planned|scheduled|slated)"
    r"\s+for\s*$",
    re.IGNORECASE,
)
#: A past-tense verb in the date's sentence: a day or month written without a year that
#: would fall after the reference day is then the previous year's ("Mexico sent 29 people
#: on Oct. 3", published in March).
_PAST: Final = re.compile(
    rf"(?<!\bbe\s)\b(?!(?:{SPEECH_VERBS}|announced|reported|confirmed|informed|detailed|explained|"
    r"stressed|insisted|acknowledged|indicated|revealed|disclosed|cancell?ed|called|asked|"
    r"expected|scheduled|planned|proposed|threatened|warned|vowed|pledged|promised|agreed|"
    r"decided|ordered|approved|delayed|postponed|moved|set)\b)"
    r"(?:was|were|had|did|sent|took|came|flew|met|made|began|led|left|held|gave|went|"
    r"brought|caught|fled|fought|paid|sought|won|lost|handed\s+over|extradited|transferred|"
    r"expelled|deported|arrested|captured|detained|killed|murdered|signed|imposed|raided|"
    r"seized|landed|arrived|occurred|happened|started|ended|delivered|released|charged|"
    r"indicted|convicted|sentenced|crossed|attacked|flown|moved|launched|carried\s+out|"
    r"followed|took\s+place|(?:would|could|might)\s+(?:not\s+)?have|stood|rose|fell|grew|"
    r"saw|hit|became|got|ran|spent|struck|kept|built|sold|broke|found|heard|knew|meant|"
    r"stayed|(?!(?:alleged|accused|suspected|armed|organi[sz]ed|united|based|"
    r"related|wanted|named|so-called|limited|supposed|required|advanced|skilled|coordinated|"
    r"detained|hundred|indeed|proceed|exceed|succeed|speed|breed|creed)\b)(?-i:[a-z]{3,}ed))\b",
    re.IGNORECASE,
)
#: A past-tense verb the date belongs to directly, a few words before it in its clause, with
#: no infinitive or clause between: "Trump threatened in September", "said on Sept. 12".
#: Verbs of planning ("scheduled", "set", "postponed") point ahead and are not among them.
_DIRECT_PAST: Final = re.compile(
    r"\b(?!(?:scheduled|planned|expected|proposed|postponed|delayed|moved|rescheduled|"
    r"slated|adjourned|deferred|pushed|set|due|alleged|accused|suspected|wanted|needed|"
    r"required|united|based)\b)(?-i:[a-z]{3,}ed|said|told|wrote|took|sent|met|made|gave|"
    r"spoke|came|went|began|held|left|flew)\b"
    r"(?:\s+(?!(?:to|that|is|are|will|would|be|and|but|when|while|after|before|until)\b)"
    r"[\w\u2019'.-]+){0,3}?(?:\s+(?:on|in|during)(?:\s+(?:early|late|mid))?)?[\s-]*$",
    re.IGNORECASE,
)
#: A verb in a past form, of any kind (speech and planning too): for the tense of a main
#: clause, where :data:`_PAST`'s exclusions (made for the year of a date) do not apply.
_ANY_PAST: Final = re.compile(
    rf"{_PAST.pattern}|\b(?:{SPEECH_VERBS})\b|\b(?-i:[a-z]{{3,}}ed)\b", re.IGNORECASE
)
#: Where a main clause gives way to a subordinate one ("tariffs that will take effect").
_SUBORDINATE: Final = re.compile(
    r"\b(?:that|which|who|whom|whose|when|where|after|before|because|if|unless|until)\b|[,;:]",
    re.IGNORECASE,
)
#: Prepositions that announce a date to come ("from Jan. 1", "starting Monday").
_PROSPECTIVE: Final = re.compile(
    r"\b(?:(?:from|starting|beginning|effective|through|by)\s*(?:(?:mid|early|late)[\s-])?|"
    r"(?:until|(?:runs?|running|extended|extends?)\s+(?:to|until|through))\s*(?:(?:mid|early|"
    r"late)[\s-]|the\s+(?:middle|end|start|beginning|close)\s+of\s+)?|"
    r"\b(?:moved|postponed|pushed(?:\s+back)?|delayed|rescheduled|deferred|extended|prolonged|"
    r"delay|postpone|push|move|defer|extend)\b[^;!?\n]{0,40}\bto\s*|"
    # "held pending a detention hearing on June 17"
    rf"{_PENDING}\s*|"
    # "another extension into March"; "set a status conference for Dec. 5"
    r"into\s*(?:(?:mid|early|late)[\s-])?|"
    rf"{_SET_FOR}\s*)$",
    re.IGNORECASE,
)
#: "since" before a date: the start of what lasts to the reference day, never ahead of it.
_SINCE: Final = re.compile(r"\bsince\s*(?:(?:mid|early|late)[\s-])?$", re.IGNORECASE)
#: Where a clause starts: the date's tense is read from there to the date.
#: Before a full stop, the words that make it an abbreviation's ("Sept.", "Mr.", "U.S.").
_ABBREVIATED: Final = (
    r"(?<!\bJan)(?<!\bFeb)(?<!\bMar)(?<!\bApr)(?<!\bAug)(?<!\bSep)(?<!\bSept)(?<!\bOct)"
    r"(?<!\bNov)(?<!\bDec)(?<!\bMr)(?<!\bMrs)(?<!\bDr)(?<!\bSt)(?<!\bGen)"
)
#: A place and its state or country between commas: "in Laredo, Texas,".
_PLACE_COMMAS: Final = re.compile(
    r"\b(?:in|at|from|near|outside)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},\s+[A-Z][\w.]*"
    r"(?:\s+[A-Z][\w.]*)?,(?!\s*(?:and|but|or|while|where|when|as)\b)"
)
#: A list of places between commas: "before judges in Texas, Arizona and New York on Jan. 6".
_PLACE_LIST: Final = re.compile(
    r"\b(?:in|at|from|to)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)+"
    r",?\s+(?:and|or)\s+[A-Z]"
)
_CLAUSE_BREAK: Final = re.compile(rf"[,;:!?\u201d\"\n]|(?<!\b[A-Z]){_ABBREVIATED}\.")


@dataclass(slots=True)
class _Candidate:
    """A date a rule found at ``text[start:end]``; ``resolve`` gives its date and precision
    from the context (the day named last before it), or None."""

    start: int
    end: int
    resolve: Callable[[_Context], tuple[dt.date, str] | None]
    relative: bool


@dataclass(slots=True)
class _Context:
    text: str
    reference: dt.date
    start: int  # where the date being resolved starts
    last_explicit: dt.date | None  # the last day or month before it written with its year
    #: The year each month and day was resolved to before: "from Jan. 15 ... But Jan. 15 is a
    #: real deadline" is one day.
    days_seen: dict[tuple[int, int], int] = field(default_factory=dict)
    last_year: dt.date | None = None  # the last year named or written with its date
    #: The last year named alone ("last year", "in 2025", not "the 2024 election"): where, its
    #: year and whether a heading names it: the frame of a recap.
    frame: tuple[int, int, bool] | None = None
    #: Where the last day or month was named, its year, and its month's first day.
    last_dated: tuple[int, int, dt.date] | None = None
    #: The year each month was resolved to last: "the February group" is that February's.
    months_seen: dict[int, int] = field(default_factory=dict)
    #: Every day resolved before, with where it was named; the last is the day named last.
    days: list[tuple[int, dt.date]] = field(default_factory=list)
    #: The sentence and the tense of the date at each start, read once for every rule that asks.
    _sentences: dict[int, tuple[int, str]] = field(default_factory=dict)
    #: Where the last month was named (alone or with a day: "Aug. 6", "in March 2025"), and
    #: its year: what "that August" leans on (or on a year named alone in its paragraph).
    named: tuple[int, int] | None = None
    #: Where each day of ``days_seen`` was first named.
    seen_at: dict[tuple[int, int], int] = field(default_factory=dict)
    #: The date resolved just before: where it starts and ends, its date and precision.
    previous: tuple[int, int, dt.date, str] | None = None
    #: Where each date resolved before ends, by where it starts.
    ends: dict[int, int] = field(default_factory=dict)
    #: Where each month of ``months_seen`` was named last.
    months_at: dict[int, int] = field(default_factory=dict)
    #: Set while a date is resolved: the other years its words may mean (a year the rules
    #: chose by tense against the nearest reading), and where the date it was counted from
    #: was named ("two days later": the day named last).
    doubt: tuple[int, ...] = ()
    basis: int | None = None
    #: Where each date whose year is not certain was named, and its other readings: what is
    #: counted from it is no more certain.
    unsure: dict[int, tuple[dt.date, ...]] = field(default_factory=dict)
    _pasts: dict[int, bool] = field(default_factory=dict)
    _told_pasts: dict[int, bool] = field(default_factory=dict)

    @property
    def last_day(self) -> dt.date | None:
        """The day precision date named last before the date."""
        return self.days[-1][1] if self.days else None

    def begin(self, start: int) -> None:
        """Resolve the date at ``start`` next: nothing doubted or leaned on yet."""
        self.start = start
        self.doubt = ()
        self.basis = None

    @contextmanager
    def reading(self, basis: int, other: dt.date) -> Iterator[None]:
        """Within it, the date named at ``basis`` is read as ``other``: to count a date from
        each reading of one whose year is not certain ("Jan. 8 ... the following Monday")."""
        saved = (list(self.days), self.last_dated, self.named, self.previous,
                 dict(self.days_seen), dict(self.months_seen))  # fmt: skip
        self.days = [(at, other if at == basis else day) for at, day in self.days]
        if self.last_dated is not None and self.last_dated[0] == basis:
            self.last_dated = (basis, other.year, other.replace(day=1))
        if self.named is not None and self.named[0] == basis:
            self.named = (basis, other.year)
        if self.previous is not None and self.previous[0] == basis:
            self.previous = (basis, self.previous[1], other, self.previous[3])
        for key, at in self.seen_at.items():
            if at == basis:
                self.days_seen[key] = other.year
        for month, at in self.months_at.items():
            if at == basis:
                self.months_seen[month] = other.year
        try:
            yield
        finally:
            (self.days, self.last_dated, self.named, self.previous, self.days_seen,
             self.months_seen) = saved  # fmt: skip

    def from_last_day(self) -> dt.date | None:
        """:attr:`last_day`, for a date counted from it."""
        if not self.days:
            return None
        self.basis = self.days[-1][0]
        return self.days[-1][1]

    def clause(self) -> str:
        """The date's clause, up to the date; the commas around a place's state or country
        ("is due in Laredo, Texas, on Friday") do not end it."""
        before = _PLACE_COMMAS.sub(
            lambda m: m.group().replace(",", " "), self.text[max(0, self.start - 200) : self.start]
        )
        before = _PLACE_LIST.sub(lambda m: m.group().replace(",", " "), before)
        before = re.sub(r"\b(deadline|date)\s*:\s*$", r"\1 ", before)  # "a new deadline: Feb. 15"
        breaks = list(_CLAUSE_BREAK.finditer(before))
        return before[breaks[-1].end() :] if breaks else before

    def future(self) -> bool:
        """The date's clause, up to the date, is in the future tense; a clause that only adds
        to the one before it, with no verb of its own, shares its tense ("would come before
        the review in July, and well ahead of the elections in November")."""
        clause = self.clause()
        found = list(_FUTURE.finditer(clause))
        if found and re.match(r"in\s", self.text[self.start : self.start + 3], re.IGNORECASE):
            # "the deadline Voss set in November": "set" at the clause's end, then "in"
            found = [
                m for m in found if not re.fullmatch(r"(?:set|scheduled|planned)\s*", m.group())
            ]
        if found:
            nouns = all("deadline" in m.group().casefold() for m in found)
            # "The Jan. 15 deadline that Voss set in November": the noun, then a past
            return not (nouns and _SET_AFTER.search(clause, found[-1].end()))
        if not re.match(r"\s*(?:and|or)\b", clause) or _ANY_VERB.search(clause):
            return False
        before = self.text[max(0, self.start - len(clause) - 200) : self.start - len(clause)]
        breaks = list(_CLAUSE_BREAK.finditer(before.rstrip(",; ")))
        previous = before[breaks[-1].end() :] if breaks else before
        return _FUTURE.search(previous) is not None

    def sentence(self) -> tuple[int, str]:
        """Where the date's sentence starts, and its text: it ends at a full stop that is not
        an abbreviation's ("Sept. 9", "U.S.")."""
        if self.start not in self._sentences:
            self._sentences[self.start] = self._sentence()
        return self._sentences[self.start]

    def _sentence(self) -> tuple[int, str]:
        text = self.text
        starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, self.start - 400),
                                                          self.start)]  # fmt: skip
        start = starts[-1] if starts else max(0, self.start - 400)
        end = _SENTENCE_END.search(text, self.start + 1)
        return start, text[start : end.start() if end else len(text)]

    def past(self) -> bool:
        """The date's sentence tells of the past: a past-tense verb, and no verb of the future
        nearer the date ("Mexico sent 26 on Aug. 12 and will send more" is past)."""
        if self.start not in self._pasts:
            self._pasts[self.start] = self._past()
        return self._pasts[self.start]

    def _past(self) -> bool:
        # The verbs of the sentence: past and future forms, and present ones that are no
        # nouns ("the tariff expires on", not "his return on")
        start, sentence = self.sentence()
        at = self.start - start
        if _DIRECT_PAST.search(sentence[max(0, at - 80) : at]) and not self.future():
            return True
        verbs = sorted(
            _verbs(sentence, _PAST, _FUTURE)
            + [(m.start(), m.end(), False) for m in _present_verbs(sentence)]
        )
        if not any(past for _, _, past in verbs):
            return False
        # The verb the date belongs to: the last one before it in its clause ("sent ... on
        # Aug. 12"), else the first after it ("On Aug. 12, Mexico sent").
        breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
        clause = breaks[-1] if breaks else 0
        before = [past for s, e, past in verbs if clause <= s and e <= at]
        if before:
            return before[-1]
        after = [past for s, _, past in verbs if s >= at]
        return after[0] if after else verbs[-1][2]

    def sentence_year(self) -> int | None:
        """The year the date's sentence opens with, as the frame of what it tells ("Last year,
        Mexico sent 29 people in February", "In 2025, transfers took place in February"):
        "In/During/Throughout YEAR", "Last year"; None when there is none, or a semicolon,
        "but", "while" or "this year" stands between. A year inside the sentence ("the treaty
        signed in 1978", "the tariff imposed last year") qualifies a noun, not the date."""
        start, sentence = self.sentence()
        before = sentence[: self.start - start]
        found: int | None = None
        for m in _SENTENCE_YEAR.finditer(before):
            if _CONTRAST.search(before, m.end()):
                continue
            if before[: m.start()].strip(' \n"\u201c('):
                continue  # "The treaty signed in 1978 was invoked in March": not the frame
            found = int(m["y"]) if m["y"] else self.reference.year - 1
        return found

    def ahead(self) -> bool:
        """The date's clause says the future, or the date opens its sentence and the first
        verb after it does ("In January, Mexico will host the talks")."""
        if self.future():
            return True
        start, sentence = self.sentence()
        at = self.start - start
        if len(sentence[:at].split()) > 2:
            return False
        rest = re.sub(r"^[^,;:]{0,30},", "", sentence[at:])  # past the date and its comma
        subordinate = _SUBORDINATE.search(rest)
        rest = rest[: subordinate.start()] if subordinate else rest
        verbs = _verbs(rest, _ANY_PAST, _PLAIN_FUTURE)
        return bool(verbs) and not verbs[0][2]

    def present_verb(self) -> bool:
        """The last verb of the date's clause, before the date, is an event's in the present
        tense, and no past form follows it ("exporters face the expiry on Jan. 15")."""
        clause = self.clause()
        found = _present_verbs(clause)
        return bool(found) and not any(
            m.group()[0].islower() for m in _ANY_PAST.finditer(clause, found[-1].end())
        )  # a capital starts a name ("the United States"), not a verb

    def said_last_year(self) -> bool:
        """The date's sentence tells, before it, what was said last year would happen."""
        start, sentence = self.sentence()
        return _SAID_LAST_YEAR.search(sentence[: self.start - start]) is not None

    def postponed(self) -> bool:
        """A verb that moves a date later stands just before it ("was postponed to June")."""
        return _POSTPONED.search(self.text[max(0, self.start - 60) : self.start]) is not None

    def plain_future(self) -> bool:
        """The date's clause, up to the date, says "will", "is due", "takes effect"."""
        return _PLAIN_FUTURE.search(self.clause()) is not None

    def prospective(self) -> bool:
        """Words that look ahead stand before the date, within 70 characters: a preposition
        ("from", "starting", "into"), a verb that moves or extends a date ("postponed to",
        "extended for 45 days, to"), "pending a hearing on" or "set a hearing for"."""
        return _PROSPECTIVE.search(self.text[max(0, self.start - 70) : self.start]) is not None

    def awaited(self) -> bool:
        """What the date is for is awaited, whatever the tense: "held pending a detention
        hearing on June 17", "has scheduled a hearing on cartel prosecutions for Feb. 3"."""
        return _AWAITED.search(self.text[max(0, self.start - 70) : self.start]) is not None

    def since(self) -> bool:
        """ "since" stands before the date ("has applied since March 4")."""
        return _SINCE.search(self.text[max(0, self.start - 20) : self.start]) is not None

    def told_past(self) -> bool:
        """The date's sentence has a verb in a past form and none of the future."""
        if self.start not in self._told_pasts:
            _, sentence = self.sentence()
            self._told_pasts[self.start] = (
                _ANY_PAST.search(sentence) is not None and _FUTURE.search(sentence) is None
            )
        return self._told_pasts[self.start]

    def present(self) -> bool:
        """The date's sentence, up to the date, has a verb in the present tense and none in the
        past ("Her government faces a joint review ... in July")."""
        start, sentence = self.sentence()
        before = sentence[: self.start - start]
        return _PRESENT_TENSE.search(before) is not None and _ANY_PAST.search(before) is None

    def framed(self, year: int) -> bool:
        """The year named alone last, before the date's sentence, in its paragraph or the one
        before it, is ``year``: a recap of that year ("HOW MANY TRANSFERS WERE THERE LAST
        YEAR?")."""
        if self.frame is None or self.frame[1] != year:
            return False
        if self.frame[0] >= self.sentence()[0]:
            return False  # a year in the date's own sentence is read by sentence_year()
        return self.text.count("\n\n", self.frame[0], self.start) <= 1

    def reached(self) -> bool:
        """ "by" stands before the date: a point reached ("had sent 50 by August")."""
        before = self.text[max(0, self.start - 36) : self.start]
        return (
            re.search(r"\bby(?:\s+the\s+end\s+of)?\s*(?:(?:mid|early|late)[\s-])?$", before,
                      re.IGNORECASE)
            is not None
        )  # fmt: skip

    def bounded(self) -> bool:
        """A preposition that bounds a period stands before the date ("before December")."""
        before = self.text[max(0, self.start - 36) : self.start]
        return (
            re.search(
                r"\b(?:before|by|until|till|through)(?:\s+the\s+(?:end|middle|start|beginning|"
                r"close)\s+of)?\s*$",
                before,
                re.IGNORECASE,
            )
            is not None
        )


#: A year named for what a sentence tells: "in 2025", "during 2025", "last year".
_SENTENCE_YEAR: Final = re.compile(
    r"\b(?:(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?P<y>(?:19|20)\d\d)\b(?![-%,]\d)|"
    r"(?:[Ll]ast|[Pp]revious)\s+year\b(?![\u2019']s))"
)
_CONTRAST: Final = re.compile(r";|\b(?:but|while|whereas|this\s+year|now)\b", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(rf"{_ABBREVIATED}(?<!\bU\.S)[.!?][\"\u201d\u2019]?(?=\s|$)|\n")


def _verbs(
    text: str, past: re.Pattern[str], future: re.Pattern[str]
) -> list[tuple[int, int, bool]]:
    """The verbs of ``text`` in order, as (start, end, is past); "deadline", a noun that the
    future patterns name, is left out: the verb tells its tense."""
    return sorted(
        [(m.start(), m.end(), True) for m in past.finditer(text)]
        + [
            (m.start(), m.end(), False)
            for m in future.finditer(text)
            if "deadline" not in m.group().casefold()
        ]
    )


def _weekday_on_or_before(day: dt.date, weekday: int, *, strictly: bool = False) -> dt.date:
    back = (day.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return day - dt.timedelta(days=back)


def _weekday_after(day: dt.date, weekday: int) -> dt.date:
    ahead = (weekday - day.weekday()) % 7 or 7
    return day + dt.timedelta(days=ahead)


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None for one the calendar lacks ("February 30")."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: A present-tense verb in a date's clause: what it tells is not a recap of a year past.
_PRESENT_TENSE: Final = re.compile(
    r"\b(?:faces|face|is|are|remains|remain|expects|expect|plans|holds|hold|meets|begins|"
    r"starts|opens|hosts|awaits|await|reconvenes|convenes|resumes|returns|expires|ends)\b"
)
#: A verb of an event in the present tense: "exporters face the expiry on Jan. 15", "before he
#: takes office on Jan. 20", "the higher rate goes in on Jan. 1" (not "is", "says", "has").
_PRESENT_VERB: Final = re.compile(
    r"\b(?:faces?|takes?\s+(?:office|over|effect)|expires?|lapses?|goes\s+(?:in|into)|kicks?\s+in|"
    r"runs?\s+out|falls?(?=\s+(?:on|this|next)\b|\s*$)|runs?(?=\s+(?:until|till|through)\b)|"
    r"continues|applies|"
    r"rises?|returns?|resumes?|reconvenes?|convenes?|begins?|starts?|opens?|ends|closes?|arrives?|"
    r"meets?|hosts?|"
    r"holds?|awaits?)\b",
    re.IGNORECASE,
)
#: Told as said in the year before: "The ministry said last year that it would hand him over
#: in October": the future of a statement of the year before.
_SAID_LAST_YEAR: Final = re.compile(
    rf"\b(?:{SPEECH_VERBS}|announced|promised|pledged|agreed|vowed|decided)\s+last\s+year\b"
    r"(?:\s+that)?\b[^;:!?]*\b(?:would|was\s+to|were\s+to)\b",
    re.IGNORECASE,
)
#: A verb that moves a date later: "was postponed to June".
_POSTPONED: Final = re.compile(
    r"\b(?:postponed|delayed|pushed\s+back|deferred|put\s+off)\b[^;!?\n]{0,40}\b(?:to|until|till)"
    r"\s*(?:(?:mid|early|late)[\s-])?$",
    re.IGNORECASE,
)
#: Words after which a word of :data:`_PRESENT_VERB` is a noun: "put on hold", "his return",
#: "a close associate".
_NOUN_BEFORE: Final = re.compile(
    r"\b(?:a|an|the|his|her|their|its|our|my|your|this|on|of|for|in|at|to|with|by|"
    r"from|no|any|each|every)\s+$",
    re.IGNORECASE,
)


def _present_verbs(text: str) -> list[re.Match[str]]:
    """The matches of :data:`_PRESENT_VERB` in ``text`` that are verbs, not nouns."""
    return [
        m for m in _PRESENT_VERB.finditer(text)
        if not _NOUN_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
    ]  # fmt: skip


#: Any verb: a clause without one only adds to the clause before it.
_ANY_VERB: Final = re.compile(
    rf"{_ANY_PAST.pattern}|{_PRESENT_TENSE.pattern}|{_PRESENT_VERB.pattern}", re.IGNORECASE
)
#: A year that a list in apposition dates: "the two transfers of 2025 - 31 people in March and
#: 27 in September -", "(in 2025: ...)"; no sentence ends between it and the date.
_LISTED_YEAR: Final = re.compile(
    r"\b(?:of|in|during)\s+(?P<y>(?:19|20)\d\d)\s*[-\u2013\u2014:(]\s*[^.;!?\n\u2013\u2014()-]*$"
)


def _after_one_ahead(ctx: _Context, same: dt.date) -> bool:
    """A day or month of this year lies ahead of the reference day, named earlier in the date's
    sentence and later in the year than ``same``: what follows it, told in the future, comes
    after it ("expires on Dec. 31, and a joint review would follow in June")."""
    if ctx.last_dated is None or ctx.last_dated[0] < ctx.sentence()[0]:
        return False
    if not _FUTURE_VERB.search(ctx.clause()):
        return False  # "the Dec. 18 deadline Calloway set in October": the noun, no future
    _, year, month_start = ctx.last_dated
    if year != ctx.reference.year or month_start <= same:
        return False
    day = ctx.last_day
    if day is not None and day.replace(day=1) == month_start:
        return day > ctx.reference
    return month_start > ctx.reference


def _later_than_the_plan(ctx: _Context, same: dt.date) -> int | None:
    """The year of a date a plan was postponed to, when the plan's date is named earlier in
    the sentence and lies later in its year: the year after the plan's."""
    if ctx.last_dated is None or ctx.last_dated[0] < ctx.sentence()[0]:
        return None
    _, year, month_start = ctx.last_dated
    if month_start.month <= same.month:
        return None
    return year + 1


def _year_of(ctx: _Context, month: int, day: int) -> tuple[int, bool]:
    """The year of a month (and day) written without one, the module's docstring says how; and
    whether the text settles it (the same day named before, a year the sentence or a list
    names, the year of a recap, a statement of last year, the plan a date was moved from, the
    date just before in a pair), so that no other reading is offered."""
    ref = ctx.reference
    paired = _paired(ctx, month)
    if paired is not None:
        return paired, True  # "on Oct. 28 and Oct. 29": the year of the first
    same_year = _safe_date(ref.year, month, day)
    if ctx.since():  # "a duty that has applied since March 4": on or before the reference day
        return (ref.year if same_year is None or same_year <= ref else ref.year - 1), True
    future = ctx.ahead()
    if day > 1 and (month, day) in ctx.days_seen and not future and not ctx.past():
        ctx.basis = ctx.seen_at.get((month, day))
        return ctx.days_seen[(month, day)], True  # the same day named again, untensed
    listed = _LISTED_YEAR.search(ctx.text, max(0, ctx.start - 100), ctx.start)
    if listed is not None and int(listed["y"]) < ref.year and not future:
        # "the two transfers of 2025 - 31 in March and 27 in September"
        return int(listed["y"]), True
    told = ctx.sentence_year()
    if told is not None and told < ref.year and not future:
        return told, True  # "Last year Mexico sent 29 people in February"
    last = ctx.last_dated
    if (
        day == 1
        and not future
        and (not ctx.past() or ctx.reached())  # "left on March 13. That brought ... by mid-March"
        and not ctx.present_verb()
        and last
        and _same_month_again(ctx, month)
    ):
        ctx.basis = last[0]
        return last[1], True  # "on Aug. 6 ... by August"
    apart = _told_apart(ctx, same_year, future)
    if apart is not None:
        return apart, True
    if month - ref.month >= 9 and (not future or ctx.past()):
        return ref.year - 1, False  # a month just past, in the story of a new year
    # "from January to September" told in the past is behind; "gave Mexico until Jan. 15" is not
    starting = re.search(
        r"\b(?:from|starting|beginning)\s*(?:(?:mid|early|late)[\s-])?$",
        ctx.text[max(0, ctx.start - 20) : ctx.start],
        re.IGNORECASE,
    )
    ranged = re.match(  # "from January to September"
        r"[A-Za-z.]+(?:\s+\d{1,2})?\s+(?:to|through|until|till)\s+[A-Z]", ctx.text[ctx.start :]
    )
    before = re.search(
        r"\b(?:before|until|till)\s*$", ctx.text[max(0, ctx.start - 10) : ctx.start], re.IGNORECASE
    )  # "a fifth transfer was not planned before January", told in December
    ahead = (
        future
        or (
            ctx.prospective()
            and not (starting and ranged and ctx.past())
            and not (ctx.reached() and ctx.past())  # "had sent 50 by March", told in December
        )
        or ctx.present_verb()
        or (before is not None and not ctx.since())
    )
    if ref.month - month >= 8 and ahead:
        return ref.year + 1, False  # next year's date, announced at the end of a year
    year = _year_by_calendar(ctx, month, day, future)
    return year, year == ref.year - 1 and same_year is not None and ctx.framed(year)


#: Words that join two dates of one pair or range: "on Oct. 28 and Oct. 29", "from Dec. 28 to
#: Jan. 3", "Oct. 28-29".
_PAIR_JOIN: Final = re.compile(
    r"\s+(?:(?P<range>to|through|until|till)|and|or|and\s+on|or\s+on|and\s+again\s+on)\s+|"
    r"\s*(?P<dash>[-\u2013])\s*",
    re.IGNORECASE,
)


def _paired(ctx: _Context, month: int) -> int | None:
    """The year of the second date of a pair or a range, the first just before it, joined by
    "and", "or", "to", "through", "until" or a dash: the first's year, or, for a range, the
    next when the month comes earlier in the calendar ("from Dec. 28 to Jan. 3"); None when
    the date is no such second ("on Dec. 3 and Nov. 28" is a list, not a pair)."""
    if ctx.previous is None:
        return None
    at, end, first, precision = ctx.previous
    joined = _PAIR_JOIN.fullmatch(ctx.text, end, ctx.start)
    if precision not in ("day", "month") or joined is None:
        return None
    ranged = joined["range"] or joined["dash"]
    if month < first.month and not ranged:
        return None  # "hearings on Dec. 3 and Nov. 28": no pair in the calendar's order
    ctx.basis = at
    return first.year + (1 if month < first.month else 0)


def _same_month_again(ctx: _Context, month: int) -> bool:
    """The month was named last, in this sentence or the one before it ("The third transfer,
    on Aug. 6, was the smallest. That put the count at 82 by August.")."""
    if ctx.last_dated is None or ctx.last_dated[2].month != month:
        return False
    at = ctx.last_dated[0]
    between = ctx.text[at : ctx.start]
    return "\n\n" not in between and len(_SENTENCE_END.findall(between)) <= 1


def _told_apart(ctx: _Context, same: dt.date | None, future: bool) -> int | None:
    """The year of a date a statement of last year or a postponement tells, or None."""
    if future and ctx.said_last_year() and same is not None:
        # "said last year that it would hand him over in October", told in January: that
        # October; "would take effect in January", told in December: this January
        return ctx.reference.year - 1 if same > ctx.reference else ctx.reference.year
    if same is not None and ctx.postponed():
        return _later_than_the_plan(ctx, same)  # "set for September but postponed to June"
    return None


def _year_by_calendar(ctx: _Context, month: int, day: int, future: bool) -> int:
    """The year of a month (and day) from where this year's one falls against the reference
    day, the tense and the dates named before it."""
    ref = ctx.reference
    year = ref.year
    same = _safe_date(year, month, day)
    if (
        same is not None
        and (ref - same).days > 31
        and (ctx.plain_future() or (ctx.prospective() and not ctx.since()))
        and not ctx.past()
    ):
        return ref.year + 1  # "The pause will end on March 1", told in August
    if (
        same is not None
        and same < ref
        and future
        and not ctx.past()
        and _after_one_ahead(ctx, same)
    ):
        return ref.year + 1  # "The offer expires on Dec. 31, and a review would follow in June"
    if (
        same is not None
        and same > ref
        and not future
        and not ctx.prospective()
        # "expected a decision by Dec. 20" is ahead; "brought the total to 53 by the end of
        # July" is not; "ruled out another transfer before December" is ahead
        and not (ctx.bounded() and not (ctx.reached() and (_told_before(ctx) or _opens(ctx))))
        and ctx.past()
    ):
        return ref.year - 1  # told in the past tense: it cannot lie ahead
    if (
        same is not None
        and (same - ref).days > 60
        and not future
        and not ctx.prospective()
        and not ctx.bounded()
        and not ctx.present_verb()
        and _opens(ctx)
        and ctx.told_past()
    ):
        return ref.year - 1  # "In September, a court ordered ...", told in January
    if (
        same is not None
        and not future
        and not ctx.prospective()
        and not ctx.bounded()
        and ctx.framed(ref.year - 1)
        and not ctx.present()  # "faces a review in July": ahead
        and not ctx.present_verb()  # "Congress, which reconvenes in February": ahead
        and (same > ref or (ctx.frame is not None and ctx.frame[2] and ctx.told_past()))
        and (day == 1 or (month, day) not in ctx.days_seen)  # a day told before keeps its year
    ):
        # a recap of the year before: "Mexico sent 92 people last year. The first, on Feb.
        # 27, ..." (a day after the reference day, with no future); a month or day before it
        # only under a heading that names the year ("HOW MANY WERE SENT LAST YEAR?")
        return ref.year - 1
    anchor = ctx.last_explicit
    if (
        same is not None
        and same > ref
        and not future
        # "expected a decision by Dec. 20", "has scheduled a hearing for Feb. 3": ahead,
        # whatever came before
        and not ((ctx.bounded() or ctx.prospective()) and not ctx.past())
        and not ctx.awaited()
        and not ctx.present_verb()  # "Congress, which reconvenes in February"
        and anchor is not None
        and anchor.year < ref.year
        and anchor <= ref
    ):
        # The same sequence as a date written with its year: "on Feb. 27, 2025 ... followed on
        # Aug. 12" in January 2026 is August 2025, when it comes after that date in its year.
        inherited = _safe_date(anchor.year, month, day)
        if inherited is not None and inherited >= anchor:
            return anchor.year
    return year


#: A year the rules chose for a month or day written without one is doubted when another
#: reading lies within :data:`_NEAR` days of the reference day and every other at least
#: :data:`_FAR` days away: "in January", told in November, is all but surely the coming one,
#: whatever the tense says; or when the date lies more than :data:`_AHEAD_IN_PAST` days ahead
#: of the reference day while its sentence tells of the past, with nothing in its clause that
#: looks ahead.
_NEAR: Final = 120
_FAR: Final = 240
_AHEAD_IN_PAST: Final = 30


def _distance(ref: dt.date, first: dt.date, precision: str) -> int:
    """Days between the reference day and a day, or a month's nearest day (0 within it)."""
    if precision == "day":
        return abs((first - ref).days)
    last = _shift_month(first, 1) - dt.timedelta(days=1)
    if first <= ref <= last:
        return 0
    return min(abs((first - ref).days), abs((last - ref).days))


#: A past participle or verb the date belongs to, just before it: "those sent in December".
_OWN_PAST: Final = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)\b(?!(?:scheduled|planned|expected|proposed|postponed|"
    r"delayed|moved|rescheduled|slated|adjourned|deferred|pushed|set|needed|required|called|"
    r"asked|due|invited|summoned)\b)(?-i:[a-z]{3,}ed|sent|took|met|came|went|began|held|left|"
    r"flew|flown|brought|caught|fled)\s+(?:(?:on|in|during)\s+)?(?:(?:early|late|mid)[\s-])?$"
)
#: An infinitive, which looks ahead of the past before it: "whether to extend".
_INFINITIVE: Final = re.compile(r"\bto\s+(?!(?:the|a|an|his|her|its|their|this|that)\b)[a-z]{3,}\b")
#: A verb of the present in a date's clause, before it: what it tells is not a past.
_CLAUSE_PRESENT: Final = re.compile(
    r"\b(?:says?|wants?|is|are|has|have|hopes?|expects?|plans?|seeks?|needs?|faces?|awaits?)\b"
)
#: A present that tells what came of a date, after it: "The February transfer remains the
#: largest", "The death toll from the Jan. 9 blast stands at 12".
_STILL: Final = re.compile(
    r"\b(?:remains?|stands?|is\s+(?:now|still)|are\s+(?:now|still)|still\s+(?:is|are|stands?))\b"
)
#: What was done first, told in the past: "Voss first threatened to raise it in February".
_FIRST_DONE: Final = re.compile(
    r"\b(?:first|originally|initially)\s+(?-i:[a-z]{3,}ed)\b", re.IGNORECASE
)


def _tense_says(ctx: _Context, found: dt.date) -> bool:
    """The verb the date belongs to puts it on the side of the reference day where ``found``
    lies: the last verb of its clause before it is a past ("Mexico sent 31 prisoners on Jan.
    22", told in December), or the first after it when it opens its sentence ("In February,
    Voss imposed"), with nothing in its clause that looks ahead; or words of its clause look
    ahead ("set the trial for Sept. 14", told in January). A clause with no verb of its own
    takes the sentence's tense; what was done "first" is past ("Voss first threatened to
    raise it in February"), but a verb that looks ahead is not ("Voss threatened to raise it
    in February")."""
    ahead = ctx.ahead() or ctx.plain_future() or ctx.awaited()
    if found >= ctx.reference:
        return ahead or ctx.prospective() or ctx.present_verb() or ctx.bounded()
    if ahead:
        return False
    start, sentence = ctx.sentence()
    at = ctx.start - start
    if _DIRECT_PAST.search(sentence[max(0, at - 80) : at]) or _FIRST_DONE.search(ctx.clause()):
        return True
    if _STILL.search(sentence, at):
        return True  # "The February transfer remains the largest": what is, after it
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, at)]
    clause = breaks[-1] if breaks else 0
    verbs = sorted(
        _verbs(sentence, _PAST, _FUTURE)
        + [(m.start(), m.end(), False) for m in _present_verbs(sentence)]
    )
    before = [(e, past) for s, e, past in verbs if e <= at]
    if not any(clause <= s for s, e, _ in verbs if e <= at):  # no verb of its own clause
        if _CLAUSE_PRESENT.search(sentence, clause, at):
            return False  # "officials say they want more before December", "has called him to"
        rest = _CLAUSE_BREAK.split(sentence[at:], maxsplit=1)[0]
        if _PRESENT_TENSE.search(rest):
            return False  # "ruled on Dec. 15, 2023, and Jan. 10 is the new deadline"
    if before:
        # the last verb of the clause, else of the sentence ("had sent 26, most of them in
        # May"); an infinitive after it looks ahead ("came as negotiators prepare to meet in
        # Washington on Jan. 28", "came as officials weigh whether to extend, past April 1")
        end, past = before[-1]
        return past and not _INFINITIVE.search(sentence, end, at)
    later = [past for s, _, past in verbs if s >= at]
    return bool(later) and later[0]  # "In February, Voss imposed", "after those of February,
    # in which 29 people were sent"


def _doubt(ctx: _Context, found: dt.date, precision: str) -> tuple[int, ...]:
    """The other years a month or day resolved to ``found`` may be in, read from the same
    words (see :data:`_NEAR`); () when its year is not in doubt."""
    ref = ctx.reference
    readings = sorted(
        (_distance(ref, d, precision), d.year)
        for year in (ref.year - 1, ref.year, ref.year + 1)
        if (d := _safe_date(year, found.month, found.day)) is not None
    )
    if len(readings) < 2:
        return ()  # Feb. 29: one year of three has it
    (nearest, year), (second, _) = readings[0], readings[1]
    if nearest <= _NEAR and second >= _FAR and year != found.year and not _tense_says(ctx, found):
        return (year,)  # the rules' choice against the one reading close at hand
    if (found - ref).days > _AHEAD_IN_PAST and _OWN_PAST.search(
        ctx.text, max(0, ctx.start - 30), ctx.start
    ):
        return (found.year - 1,)  # "those sent in December", read as the December ahead
    if (
        (found - ref).days > _AHEAD_IN_PAST
        and (ctx.past() or ctx.told_past())
        and not (ctx.ahead() or ctx.prospective() or ctx.bounded() or ctx.awaited())
        and not (ctx.present_verb() or ctx.plain_future())
        and _safe_date(found.year - 1, found.month, found.day) is not None
    ):
        return (found.year - 1,)  # ahead of the day told, in a sentence of the past
    return ()


# -- the rules: each yields candidates -------------------------------------------------------


def _fixed(date: dt.date, precision: str) -> Callable[[_Context], tuple[dt.date, str]]:
    return lambda _ctx: (date, precision)


def _full_dates(text: str) -> Iterator[_Candidate]:
    """Full dates: "2025-07-04", "July 4, 2025", "4 July 2025", with a weekday before them
    ("Thursday, October 16, 2025") as one mention."""
    weekday = rf"(?:(?:{_WEEKDAY}),?{SP})?"
    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        if (d := _safe_date(int(m[1]), int(m[2]), int(m[3]))) is not None:
            yield _Candidate(m.start(), m.end(), _fixed(d, "day"), relative=False)
    for m in re.finditer(rf"\b{weekday}(?P<m>{_ANY_MONTH})(?!\w){SP}(?P<d>\d{{1,2}})"
                         rf"(?:st|nd|rd|th)?,?{SP}(?P<y>\d{{4}})\b", text):  # fmt: skip
        if (d := _safe_date(int(m["y"]), MONTHS[m["m"]], int(m["d"]))) is not None:
            yield _Candidate(m.start(), m.end(), _fixed(d, "day"), relative=False)
    for m in re.finditer(rf"\b{weekday}(?P<d>\d{{1,2}}){SP}(?P<m>{_ANY_MONTH})(?!\w),?{SP}"
                         rf"(?P<y>\d{{4}})\b", text):  # fmt: skip
        if (d := _safe_date(int(m["y"]), MONTHS[m["m"]], int(m["d"]))) is not None:
            yield _Candidate(m.start(), m.end(), _fixed(d, "day"), relative=False)


def _shifted(days: int) -> Callable[[_Context], tuple[dt.date, str] | None]:
    """The day ``days`` after the day named last."""

    def resolve(ctx: _Context) -> tuple[dt.date, str] | None:
        last = ctx.from_last_day()
        if last is None:
            return None
        return last + dt.timedelta(days=days), "day"

    return resolve


#: The event a day is told from: "the day before the hearing", "the day after the flights".
_EVENT_NAMED: Final = re.compile(
    rf"{SP}+the{SP}+(?P<e>deadline|hearing|sentencing|trial|arraignment|flights?|transfer|vote|"
    r"ruling|signing|election|meeting|talks|plea|arrest|extradition|verdict)\b",
    re.IGNORECASE,
)
#: Words of the sentence that names an event's day.
_EVENT_WORDS: Final = {
    "deadline": r"deadline|until|expires?",
    "hearing": r"hearing|court|pleaded|appeared|arraign",
    "sentencing": r"sentenc",
    "trial": r"trial",
    "arraignment": r"arraign|pleaded|appeared",
    "flight": r"flights?\b|flew|flown|airlift|handed|transfer",
    "flights": r"flights?\b|flew|flown|airlift|handed|transfer",
    "transfer": r"transfer|sent|handed|flown",
    "vote": r"vote|voted",
    "ruling": r"rul(?:ed|ing)",
    "signing": r"sign",
    "election": r"election|elected",
    "meeting": r"meeting|met\b",
    "talks": r"talks",
    "plea": r"plea|pleaded|guilty",
    "arrest": r"arrest|detained|captured",
    "extradition": r"extradit",
    "verdict": r"verdict|convicted|acquitted|jury",
}


def _from_event(event: str, at: int, days: int) -> Callable[[_Context], tuple[dt.date, str] | None]:
    """The day ``days`` after an event's day: the day the text names as the event's ("With
    Tuesday's flight", "the hearing on Monday"), else the last day named before, in a
    sentence that tells of that event (other than the phrase's own words), else the day named
    last."""
    words = re.compile(_EVENT_WORDS[event], re.IGNORECASE)
    own = re.compile(rf"(?:\u2019|')s{SP}+(?:first{SP}+|last{SP}+)?(?:{_EVENT_WORDS[event]})")

    def resolve(ctx: _Context) -> tuple[dt.date, str] | None:
        for start, day in reversed(ctx.days):
            # "With Tuesday's flight, Mexico has sent ...": that day is the flight's
            if own.match(ctx.text, ctx.ends.get(start, start)):
                ctx.basis = start
                return day + dt.timedelta(days=days), "day"
        for start, day in reversed(ctx.days):
            probe = _Context(ctx.text, ctx.reference, start, None)
            begins, sentence = probe.sentence()
            if begins <= at < begins + len(sentence):
                sentence = sentence[: at - begins]  # the phrase's own sentence, up to it
            if words.search(sentence):
                ctx.basis = start
                return day + dt.timedelta(days=days), "day"
        return _shifted(days)(ctx)

    return resolve


def _days_around(text: str) -> Iterator[_Candidate]:
    """ "the next day", "the previous day", "the day before", "the day after the hearing"."""
    step = (
        rf"\b(?:the{SP}(?P<after>next|following){SP}day|the{SP}(?P<before>previous|preceding)"
        rf"{SP}day|the{SP}day{SP}(?P<before2>before|after))\b"
    )
    for m in re.finditer(step, text, re.IGNORECASE):
        shift = -1 if m["before"] or (m["before2"] or "").casefold() == "before" else 1
        event = _EVENT_NAMED.match(text, m.end()) if m["before2"] else None
        if event is not None:
            resolve = _from_event(event["e"].casefold(), m.start(), shift)
        else:
            resolve = _shifted(shift)
        yield _Candidate(m.start(), m.end(), resolve, relative=True)


def _anaphoric(text: str) -> Iterator[_Candidate]:
    """Days told from the day named last: "that day", "that same day", "the same day", "the
    next day", "the day before", "the following Tuesday", "two days later", "a week later"."""

    def following(weekday: int) -> Callable[[_Context], tuple[dt.date, str] | None]:
        def resolve(ctx: _Context) -> tuple[dt.date, str] | None:
            last = ctx.from_last_day()
            if last is None:
                return None
            return _weekday_after(last, weekday), "day"

        return resolve

    def year_step(step: int) -> Callable[[_Context], tuple[dt.date, str] | None]:
        def resolve(ctx: _Context) -> tuple[dt.date, str] | None:
            if ctx.last_year is None:
                return None
            return dt.date(ctx.last_year.year + step, 1, 1), "year"

        return resolve

    def month_step(step: int) -> Callable[[_Context], tuple[dt.date, str] | None]:
        def resolve(ctx: _Context) -> tuple[dt.date, str] | None:
            if ctx.last_dated is None:
                return None
            ctx.basis = ctx.last_dated[0]
            return _shift_month(ctx.last_dated[2], step), "month"

        return resolve

    months = (
        rf"\bthe{SP}(?:(?P<a>following|next)|(?P<b>previous|preceding)){SP}month\b|"
        rf"\b(?:that|that{SP}same|the{SP}same){SP}month\b"
    )
    for m in re.finditer(months, text, re.IGNORECASE):
        step = 1 if m["a"] else -1 if m["b"] else 0
        yield _Candidate(m.start(), m.end(), month_step(step), relative=True)
    years = (
        rf"\b(?:the{SP}year{SP}(?P<b>before)|the{SP}(?P<p>previous|preceding){SP}year|a{SP}year"
        rf"{SP}(?P<e>earlier)|the{SP}(?:following|next){SP}year|a{SP}year{SP}later)\b"
    )
    for m in re.finditer(years, text, re.IGNORECASE):
        back = m["b"] or m["p"] or m["e"]
        yield _Candidate(m.start(), m.end(), year_step(-1 if back else 1), relative=True)
    several = (
        rf"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten){SP}years{SP}(?P<d>later|earlier)\b"
    )
    numbers = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10}  # fmt: skip
    for m in re.finditer(several, text, re.IGNORECASE):
        n = numbers[m["n"].casefold()]
        step = -n if m["d"].casefold() == "earlier" else n
        yield _Candidate(m.start(), m.end(), year_step(step), relative=True)  # "Four years later"
    same = (
        rf"\b(?:that|that{SP}same|[Tt]he{SP}same)(?:{SP}(?:day|night|morning|afternoon|evening))\b"
    )
    for m in re.finditer(same, text, re.IGNORECASE):
        yield _Candidate(m.start(), m.end(), _shifted(0), relative=True)
    yield from _days_around(text)
    for m in re.finditer(rf"\bthe{SP}(?:next|following){SP}(?P<w>{_WEEKDAY})\b", text,
                         re.IGNORECASE):  # fmt: skip
        weekday = WEEKDAYS.index(m["w"].capitalize())
        yield _Candidate(m.start(), m.end(), following(weekday), relative=True)


def _offsets(text: str) -> Iterator[_Candidate]:
    """Days counted from the day named last: "two days later", "a week earlier"; and "came a
    week after" something, which puts that something a week before the day named last."""
    later = (
        rf"\b(?P<n>an?|one|two|three|four|five|six|seven|\d{{1,2}}){SP}(?P<unit>day|week)s?"
        rf"{SP}(?P<dir>later|earlier|before|after)\b"
    )
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7}  # fmt: skip
    for m in re.finditer(later, text, re.IGNORECASE):
        if re.search(r"\b(?:at\s+least|up\s+to|no\s+later\s+than|within|no\s+(?:less|fewer)\s+than)\s+$",
                     text[max(0, m.start() - 20) : m.start()], re.IGNORECASE):  # fmt: skip
            continue  # "at least 30 days before any change takes effect": a duration
        n = words.get(m["n"].casefold()) or int(m["n"])
        days = n * (7 if m["unit"].casefold() == "week" else 1)
        sign = -1 if m["dir"].casefold() in ("earlier", "before") else 1
        if re.search(r"\b(?:came|comes|was|were|occurred|happened|arrived|followed)\s+$|"
                     r"\b(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                     r"today|yesterday),\s*$",
                     text[max(0, m.start() - 20) : m.start()]) and re.match(
            rf"{SP}(?!(?:that|this|it|him|her|them|the{SP}(?:first|second|last|other))\b)"
            rf"(?:U\.S\.|[^.;,]){{0,60}}?\b(?-i:[a-z]{{3,}}ed)\b", text[m.end() :]
        ):  # fmt: skip
            sign = -sign  # "The ruling came a week after the embassy renewed its request"
        yield _Candidate(m.start(), m.end(), _shifted(sign * days), relative=True)


def _ago(text: str) -> Iterator[_Candidate]:
    """Time counted back from the reference day: "two years ago" (a year), "three months
    ago" (a month), "10 days ago" (a day)."""
    words = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10}  # fmt: skip
    pattern = rf"\b(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}}){SP}"
    pattern += rf"(?P<unit>day|week|month|year)s?{SP}ago\b"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        n = words.get(m["n"].casefold()) or int(m["n"])
        unit = m["unit"].casefold()

        def resolve(ctx: _Context, n: int = n, unit: str = unit) -> tuple[dt.date, str]:
            ref = ctx.reference
            if unit == "year":
                return dt.date(ref.year - n, 1, 1), "year"
            if unit == "month":
                return _shift_month(ref.replace(day=1), -n), "month"
            return ref - dt.timedelta(days=n * (7 if unit == "week" else 1)), "day"

        yield _Candidate(m.start(), m.end(), resolve, relative=True)


#: A day named as a thing, "the March 31 deadline", "that Jan. 15 hearing": a day the text
#: gave before, whatever the tense of the sentence that names it again.
_ATTRIBUTIVE_BEFORE: Final = re.compile(r"\b(?:[Tt]he|[Tt]hat|[Tt]his|its|their)\s+$")
_ATTRIBUTIVE_AFTER: Final = re.compile(
    r"\s+(?!(?:and|or|to|at|in|on|of|for|from|with|by|is|was|were|will|would|as|when|until|"
    r"after|before|that|which|the|a|an)\b)[a-z]{3,}\b"
)


#: Words that put a deadline behind: "missed a Jan. 15 deadline", "after the March 1 deadline".
_DEADLINE_PASSED: Final = re.compile(
    r"\b(?:missed|passed|met|beat|ignored|extended|after|since|blew\s+through)\b[^,;.]{0,20}$",
    re.IGNORECASE,
)


def _deadline_year(ctx: _Context, month: int, day: int, year: int) -> int:
    """The year of "a Jan. 15 deadline" (or "a Dec. 8 meeting" awaited): the one ahead, within
    half a year, when the year read otherwise puts it behind the reference day ("shortly
    before a Nov. 1 deadline", "has given Mexico a Jan. 15 deadline", in November), unless
    the 40 characters before it say it passed ("missed a Jan. 15 deadline")."""
    ref = ctx.reference
    found = _safe_date(year, month, day)
    if found is None or found >= ref:
        return year
    if _DEADLINE_PASSED.search(ctx.text, max(0, ctx.start - 40), ctx.start):
        return year
    for later in (ref.year, ref.year + 1):
        d = _safe_date(later, month, day)
        if d is not None and 0 < (d - ref).days <= 183:
            return later
    return year


#: A noun an event's day is written before: "a Dec. 8 meeting", "the Jan. 20 hearing".
_EVENT_AFTER_DAY: Final = (
    r"\s+(?:meeting|summit|hearing|vote|visit|review|election|trial|talks|conference|session|"
    r"sentencing|arraignment|inauguration)\b"
)


def _month_of_year(text: str) -> Iterator[_Candidate]:
    """A month or day with its year counted from the reference day's: "January of this year",
    "in May last year", "March 9 next year"."""
    for m in re.finditer(rf"(?:\b[Ii]n{SP})?\b(?P<m>{_ANY_MONTH})(?!\w)(?:{SP}(?P<d>\d{{1,2}})"
                         rf"(?:st|nd|rd|th)?)?,?{SP}(?:of{SP})?(?P<which>this|last|next)"
                         rf"{SP}year\b", text):  # fmt: skip
        month, step = MONTHS[m["m"]], {"this": 0, "last": -1, "next": 1}[m["which"]]
        day = int(m["d"]) if m["d"] else None

        def resolve_of(
            ctx: _Context, month: int = month, step: int = step, day: int | None = day
        ) -> tuple[dt.date, str] | None:
            year = ctx.reference.year + step
            if day is None:
                return dt.date(year, month, 1), "month"
            found = _safe_date(year, month, day)
            return (found, "day") if found is not None else None

        yield _Candidate(m.start(), m.end(), resolve_of, relative=True)


def _days_without_year(text: str) -> Iterator[_Candidate]:
    """A day without a year, "July 4": the reference day's year (see :func:`_year_of`)."""
    for m in re.finditer(rf"\b(?:(?:{_WEEKDAY}),?{SP})?(?P<m>{_ANY_MONTH})(?!\w){SP}"
                         rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d|\.\d|:\d)", text):  # fmt: skip
        month, day = MONTHS[m["m"]], int(m["d"])
        named = _ATTRIBUTIVE_BEFORE.search(text, max(0, m.start() - 6), m.start()) is not None
        named = named and _ATTRIBUTIVE_AFTER.match(text, m.end()) is not None
        # "a Jan. 15 deadline", "a Jan. 15 tariff deadline"
        deadline = (
            re.match(r"\s+(?:[a-z]+\s+)?deadline\b", text[m.end() : m.end() + 30]) is not None
        )
        # "days before a Dec. 8 meeting": an event named by its day, awaited
        deadline = deadline or (
            re.match(_EVENT_AFTER_DAY, text[m.end() : m.end() + 20]) is not None
            and re.search(r"\b(?:before|ahead\s+of|until|for)\s+(?:a|an|the)\s+$",
                          text[max(0, m.start() - 20) : m.start()]) is not None
        )  # fmt: skip

        def resolve(
            ctx: _Context,
            month: int = month,
            day: int = day,
            named: bool = named,
            deadline: bool = deadline,
        ) -> tuple[dt.date, str] | None:
            if named and (month, day) in ctx.days_seen:
                year = ctx.days_seen[(month, day)]  # "the March 31 benchmark": that day again
                ctx.basis, settled = ctx.seen_at.get((month, day)), True
            else:
                year, settled = _year_of(ctx, month, day)
            if deadline:
                year, settled = _deadline_year(ctx, month, day, year), True
            d = _safe_date(year, month, day)
            if d is not None and not settled:
                ctx.doubt = _doubt(ctx, d, "day")
            return (d, "day") if d is not None else None

        yield _Candidate(m.start(), m.end(), resolve, relative=True)


#: What may follow the second day of a pair written with one month ("on Dec. 17 and 18"): no
#: noun it would count ("on Dec. 17 and 18 people were sent" is no pair).
_AFTER_SECOND_DAY: Final = re.compile(
    r"(?:st|nd|rd|th)?(?=\s*(?:[,.;:!?)\u2014\u201d\"]|$)|\s+(?:at|in|on|and|or|to|when|before|after|"
    r"for|with|from|of|but|as|while|the|that|this|next|last)\b)"
)


def _second_days(text: str) -> Iterator[_Candidate]:
    """The second day of a pair or range written with one month: "on Dec. 17 and 18", "Sept.
    2 and 3", "Oct. 28-29": the first day's month and year (and its doubt, if any)."""
    pattern = (
        rf"\b(?:{_ANY_MONTH})(?!\w){SP}\d{{1,2}}(?:st|nd|rd|th)?(?:{SP}(?:and|or|to|through|"
        rf"until){SP}|{SP}?[-\u2013]{SP}?)(?P<d>\d{{1,2}})\b(?![,.:]\d)"
    )
    for m in re.finditer(pattern, text):
        if not _AFTER_SECOND_DAY.match(text, m.end()):
            continue
        day = int(m["d"])

        def resolve(ctx: _Context, day: int = day) -> tuple[dt.date, str] | None:
            if ctx.previous is None or ctx.previous[3] != "day":
                return None
            first = ctx.previous[2]
            if day <= first.day or (second := _safe_date(first.year, first.month, day)) is None:
                return None
            ctx.basis = ctx.previous[0]
            return second, "day"

        yield _Candidate(m.start("d"), m.end("d"), resolve, relative=True)


def _month_alone(ctx: _Context, month: int) -> tuple[dt.date, str]:
    """A month written without a year ("in July"), and its doubt when the text does not settle
    the year (see :func:`_year_of`, :func:`_doubt`)."""
    year, settled = _year_of(ctx, month, 1)
    found = dt.date(year, month, 1)
    if not settled:
        ctx.doubt = _doubt(ctx, found, "month")
    return found, "month"


def _months(text: str) -> Iterator[_Candidate]:
    """Months: "July 2025", and "In July" (see :func:`_year_of`); "May" alone is too often the
    verb."""
    for m in re.finditer(rf"(?:\b[Ii]n{SP})?\b(?P<m>{_ANY_MONTH})(?!\w),?{SP}(?P<y>\d{{4}})\b",
                         text):  # fmt: skip
        d = dt.date(int(m["y"]), MONTHS[m["m"]], 1)
        yield _Candidate(m.start(), m.end(), _fixed(d, "month"), relative=False)
    # Months joined to one written with its year share it: "in February and August 2025".
    for m in re.finditer(rf"(?:\b[Ii]n{SP})?\b(?P<m>{_FULL_MONTH})(?=(?:,{SP}(?:{_FULL_MONTH}))*"
                         rf",?{SP}and{SP}(?:{_FULL_MONTH}){SP}(?P<y>\d{{4}})\b)", text):  # fmt: skip
        d = dt.date(int(m["y"]), MONTHS[m["m"]], 1)
        yield _Candidate(m.start(), m.end(), _fixed(d, "month"), relative=False)
    for m in re.finditer(rf"(?P<in>\b[Ii]n{SP}(?:(?:early|late|mid){SP})?)?\b(?P<m>{_FULL_MONTH})\b",
                         text):  # fmt: skip
        if (
            m["m"] == "May"
            and m["in"] is None
            and not _PART_OF.search(text[max(0, m.start() - 30) : m.start()])
        ):
            continue
        month = MONTHS[m["m"]]
        named = (
            m["in"] is None
            and _TRANSFER_NAMED.match(text, m.end()) is not None
            and re.search(r"\b[Tt]he\s+$", text[max(0, m.start() - 4) : m.start()]) is not None
        )  # "the February group"; not "This year's February flight"

        def resolve(
            ctx: _Context, month: int = month, named: bool = named
        ) -> tuple[dt.date, str] | None:
            if named and month in ctx.months_seen:  # "the February group": that February's
                ctx.basis = ctx.months_at.get(month)
                return dt.date(ctx.months_seen[month], month, 1), "month"
            return _month_alone(ctx, month)

        yield _Candidate(m.start(), m.end(), resolve, relative=True)


#: A transfer or a day a month names: "the February group", "the January date" (a day named
#: before in that month).
_TRANSFER_NAMED: Final = re.compile(
    rf"{SP}(?:group|transfer|operation|flight|handover|batch|shipment|expulsion|contingent|"
    rf"date|deadline)s?\b"
)
#: Words before a month that make "May" the month, not the verb: "before the end of May".
_PART_OF: Final = re.compile(
    rf"\b(?:(?:end|middle|start|beginning|close){SP}of|early|late|mid-?){SP}*$", re.IGNORECASE
)


def _last_next_month(text: str) -> Iterator[_Candidate]:
    """A month counted from the reference day: "last November" (the latest November before
    the reference month), "next March" (the first after it), "this March"."""
    for m in re.finditer(rf"\b(?P<which>[Ll]ast|[Nn]ext|[Tt]his){SP}(?P<m>{_FULL_MONTH})\b", text):
        month = MONTHS[m["m"]]
        which = m["which"].casefold()

        def resolve(ctx: _Context, month: int = month, which: str = which) -> tuple[dt.date, str]:
            ref = ctx.reference
            year = ref.year
            if which == "last" and month >= ref.month:
                year -= 1
            elif which == "next" and month <= ref.month:
                year += 1
            return dt.date(year, month, 1), "month"

        yield _Candidate(m.start(), m.end(), resolve, relative=True)
    # "The grand jury returned the indictment in 2024. Four were arrested that August": the
    # year of the date named last; not the conjunction ("said that August was the worst")
    for m in re.finditer(rf"\b[Tt]hat{SP}(?P<m>{_FULL_MONTH})\b(?={_AFTER_THAT_MONTH})", text):
        if m["m"] == "May" or _THAT_SAYS.search(text, max(0, m.start() - 30), m.start()):
            continue
        yield _Candidate(m.start(), m.end(), _that_month(MONTHS[m["m"]]), relative=True)


#: A verb before "that" that makes it the conjunction: "warned that August and September
#: exports would fall", "said that August was the worst month".
_THAT_SAYS: Final = re.compile(
    rf"\b(?:{SPEECH_VERBS}|says|said|told|warn(?:s|ed)?|expect(?:s|ed)?|hop(?:es|ed)|fear(?:s|ed)?|"
    r"believ(?:es|ed)|think|thinks|thought|know|knows|knew|show(?:s|ed)?|means?|meant|"
    r"predict(?:s|ed)?|forecast|forecasts|not(?:es|ed)|add(?:s|ed)|insist(?:s|ed)|claim(?:s|ed)|"
    r"argu(?:es|ed)|estimat(?:es|ed)|rul(?:es|ed)|decid(?:es|ed)|agre(?:es|ed)|confirm(?:s|ed)|"
    r"stat(?:es|ed)|report(?:s|ed)|announc(?:es|ed)|reveal(?:s|ed)|found|learned|"
    r"clear|likely|so|such|now)\s+$",
    re.IGNORECASE,
)
#: What may follow "that August" when it points back: punctuation, or a word that starts no
#: clause of its own.
_AFTER_THAT_MONTH: Final = (
    r"\s*(?:[,.;:!?)\u2014]|$|\s(?:and|but|when|as|after|before|in|on|at|to|from|with|for|"
    r"alone)\b)"
)


_MONTH_NAMED: Final = re.compile(rf"\b(?:{_ANY_MONTH})(?!\w)")


def _that_month(month: int) -> Callable[[_Context], tuple[dt.date, str] | None]:
    """ "that August": the August of the year of the month named last, or of a year named
    alone after it in the same paragraph ("A second group followed on Aug. 6. That August,
    ...", "returned in 2024. Four were arrested that August"), else as "in August"; a year
    of an earlier paragraph does not reach it ("charges first filed in 2004. // SUMMER: A
    second group followed that August")."""

    def resolve(ctx: _Context) -> tuple[dt.date, str] | None:
        leaned = [ctx.named] if ctx.named is not None else []
        if ctx.frame is not None and "\n\n" not in ctx.text[ctx.frame[0] : ctx.start]:
            leaned.append(ctx.frame[:2])  # a year named alone, in the same paragraph
        if leaned:
            at, year = max(leaned)
            ctx.basis = at
            return dt.date(year, month, 1), "month"
        return _month_alone(ctx, month)

    return resolve


#: A verb in the past just before a weekday: "whose deadline passed on Monday" (a noun of the
#: future earlier in the clause does not make it ahead).
_PAST_JUST_BEFORE: Final = re.compile(
    r"\b(?!(?:scheduled|planned|expected|proposed|postponed|delayed|moved|rescheduled|slated|"
    r"adjourned|deferred|pushed|needed|required|called|asked)\b)(?-i:[a-z]{3,}ed|took|sent|met|"
    r"came|went|began|held|left|flew)\s+(?:on\s+)?$"
)


#: Forms in "-ed" that are adjectives before a noun: "30 named fugitives", "alleged members".
_ADJECTIVES_IN_ED: Final = frozenset({
    "named", "alleged", "wanted", "accused", "suspected", "convicted", "armed", "organized",
    "organised", "unnamed", "detained", "jailed", "imprisoned", "designated", "listed",
    "estimated", "related", "linked", "affiliated", "based", "indicted", "extradited",
})  # fmt: skip
_ADJECTIVE_AFTER: Final = re.compile(r"\s+[a-z]{3,}\b")


def _that_weekday(ctx: _Context) -> bool:
    """ "that Monday" points back to a day named before: not "said that Tuesday's talks" (a
    conjunction, then a possessive)."""
    if re.match(r"\w+\s+\w+(?:\u2019|')s\b", ctx.text[ctx.start : ctx.start + 20]):
        return False
    before = ctx.text[max(0, ctx.start - 20) : ctx.start]
    if re.search(rf"\b(?:{SPEECH_VERBS}|said|says|told|noted|added)\s+$", before):
        return False
    return bool(ctx.days)


def _opens(ctx: _Context) -> bool:
    """The date opens its sentence ("By the end of September, the total stood at 81")."""
    start, sentence = ctx.sentence()
    return len(sentence[: ctx.start - start].split()) <= 4


def _told_before(ctx: _Context) -> bool:
    """The last verb of the date's clause, before it, is in a past form ("was held ... until
    Tuesday"), not the present ("said a delegation is in Washington until Friday", "that
    runs until Friday") or the future; a name ("the United States"), a compound
    ("Mexican-made") or a participle before "by" ("a delegation led by") is no verb."""
    clause = ctx.clause()
    verbs = [
        (m.start(), True)
        for m in _ANY_PAST.finditer(clause)
        if m.group()[0].islower()
        and clause[max(0, m.start() - 1) : m.start()] != "-"
        and not re.match(r"\s+by\b", clause[m.end() :])
        and not (m.group() in _ADJECTIVES_IN_ED and _ADJECTIVE_AFTER.match(clause, m.end()))
    ]
    verbs += [(m.start(), False) for m in _PRESENT_TENSE.finditer(clause)]
    verbs += [(m.start(), False) for m in _present_verbs(clause)]
    verbs += [(m.start(), False) for m in _FUTURE_VERB.finditer(clause)]
    return bool(verbs) and max(verbs)[1]


def _days_near(text: str) -> Iterator[_Candidate]:
    """Days near the reference day: "Tuesday", "last Tuesday", "next Monday", "this
    Thursday", "yesterday", "this morning"; "that Monday" (the day named last, or of its
    week); ahead: a limit ("until Friday" in a clause with no past verb before it, "by
    Monday"), what is awaited ("pending a hearing on Monday", "set a hearing for Friday",
    "until Friday, when she will hear"), a present tense ("falls this Friday")."""
    for m in re.finditer(rf"(?:\b(?P<which>[Ll]ast|[Nn]ext|[Tt]his|[Tt]hat){SP})?\b(?P<w>{_WEEKDAY})\b",
                         text):  # fmt: skip
        weekday = WEEKDAYS.index(m["w"])
        which = (m["which"] or "").casefold()
        # "gave prosecutors until Friday to hand over ...", "held pending a hearing on Monday":
        # a time limit or what is awaited lies ahead, whatever the tense of the sentence
        awaited_match = (
            re.search(r"\buntil\s*$", text[max(0, m.start() - 8) : m.start()]) is not None
            and re.match(r"\s+to\s+[a-z]", text[m.end() : m.end() + 8]) is not None
        ) or re.search(
            r"\bpending\b(?:(?!\b(?:since|after|before)\b)[^.;!?\n]){0,40}$",
            text[max(0, m.start() - 60) : m.start()],
        )
        awaited = bool(awaited_match) and not m["which"]
        # "If we don't hear back by Monday": a limit, ahead unless the clause is past
        limit = not m["which"] and re.search(
            r"\b(?:by|until|till)\s*$", text[max(0, m.start() - 8) : m.start()]
        )
        # "ordered him held until Friday, when she will hear arguments": awaited
        awaited = awaited or bool(
            limit
            and re.match(
                r",\s+when\s+(?:[\w\u2019'-]+\s+){1,4}?(?:will|is\s+to|is\s+due|are\s+to)\b",
                text[m.end() : m.end() + 60],
            )
        )
        # "scheduled a status hearing for Friday": what is set lies ahead
        awaited = awaited or (
            not m["which"]
            and re.search(rf"{_SET_FOR}\s*$", text[max(0, m.start() - 60) : m.start()]) is not None
        )

        def resolve(
            ctx: _Context,
            weekday: int = weekday,
            which: str = which,
            awaited: bool = awaited,
            limit: bool = bool(limit),
        ) -> tuple[dt.date, str]:
            ref = ctx.reference
            if which == "that" and ctx.last_day is not None and _that_weekday(ctx):
                # "That Monday": the day named last, or of its week when the text says so
                # ("earlier that week. That Monday, ...")
                in_week = re.search(r"\bweek\b", ctx.text[max(0, ctx.start - 60) : ctx.start])
                near = (
                    sum(
                        1
                        for m in _SENTENCE_END.finditer(ctx.text, ctx.days[-1][0], ctx.start)
                        if m.group() != "\n"
                    )
                    <= 2
                )
                last = ctx.from_last_day()
                assert last is not None
                if (last.weekday() == weekday and near) or in_week:
                    return _weekday_on_or_before(last, weekday), "day"
                after = _weekday_after(last, weekday)
                if near and (after <= ref or ctx.ahead()):
                    # "detained on Saturday, Oct. 11 ... brought before a judge that Monday":
                    # the first such weekday after the day named last, unless that is still
                    # ahead of a story told in the past
                    return after, "day"
                ctx.basis = None
            just_past = _PAST_JUST_BEFORE.search(ctx.text, max(0, ctx.start - 30), ctx.start)
            if awaited and not which and ctx.days:
                # "appeared the following day, and she set a hearing for Monday": the Monday
                # after the day of the setting, told earlier in the sentence
                at, told = ctx.days[-1]
                if at >= ctx.sentence()[0] and told < ref:
                    ctx.basis = at
                    return _weekday_after(told, weekday), "day"
            if (
                which == "next"
                or awaited
                or (limit and not _told_before(ctx))
                or (which != "last" and ctx.ahead() and just_past is None)
                or (which in ("this", "") and ctx.present_verb())  # "falls this Friday"
            ):
                return _weekday_after(ref, weekday), "day"
            return _weekday_on_or_before(ref, weekday, strictly=which == "last"), "day"

        yield _Candidate(m.start(), m.end(), resolve, relative=True)
    for m in re.finditer(r"\b(today|tonight|this morning|this afternoon|this evening|yesterday|"
                         r"tomorrow)\b", text, re.IGNORECASE):  # fmt: skip
        shift = {"yesterday": -1, "tomorrow": 1}.get(m[1].casefold(), 0)

        def resolve_near(ctx: _Context, shift: int = shift) -> tuple[dt.date, str]:
            return ctx.reference + dt.timedelta(days=shift), "day"

        yield _Candidate(m.start(), m.end(), resolve_near, relative=True)


def _this_last_next(text: str) -> Iterator[_Candidate]:
    """Years and months counted from the reference day: "last year", "earlier this month"."""
    for m in re.finditer(rf"\b(?:(?:earlier|later|early|late){SP})?(?P<which>this|last|next)"
                         rf"{SP}(?P<unit>year|month)\b", text, re.IGNORECASE):  # fmt: skip
        step = {"this": 0, "last": -1, "next": 1}[m["which"].casefold()]
        unit = m["unit"].casefold()

        def resolve(ctx: _Context, step: int = step, unit: str = unit) -> tuple[dt.date, str]:
            if unit == "year":
                return dt.date(ctx.reference.year + step, 1, 1), "year"
            return _shift_month(ctx.reference.replace(day=1), step), "month"

        yield _Candidate(m.start(), m.end(), resolve, relative=True)


def _the_year(text: str) -> Iterator[_Candidate]:
    """ "the year" as the year a text tells of: "its fourth transfer of the year", "over the
    year"; the year a recap early in a year names for the year before ("Here is how 2025
    unfolded ... the first such case of the year"), else the reference day's."""
    pattern = (
        r"(?<!officer\s)(?<!person\s)(?<!player\s)(?<!agent\s)(?<!woman\s)(?<!\bman\s)"
        r"\b(?:of|over|throughout|closing|ending)\s+(?P<y>the\s+year)\b"
        r"(?!\s+(?:before|earlier|after|later|ago|since|\d{4})\b)(?!\s+in\s+\d{4})"
    )  # not "police officer of the year in 2021", "in the year since"
    for m in re.finditer(pattern, text, re.IGNORECASE):

        def resolve(ctx: _Context) -> tuple[dt.date, str]:
            ref = ctx.reference
            if ctx.last_dated is not None and ctx.last_dated[0] >= ctx.sentence()[0]:
                # "sent 26 people on Aug. 12, its second transfer of the year": that day's year
                ctx.basis = ctx.last_dated[0]
                return dt.date(ctx.last_dated[1], 1, 1), "year"
            if ref.month <= 3 and ctx.framed(ref.year - 1):
                return dt.date(ref.year - 1, 1, 1), "year"  # a recap of last year, in January
            return dt.date(ref.year, 1, 1), "year"

        yield _Candidate(m.start("y"), m.end("y"), resolve, relative=True)


def _names_a_year(text: str, c: _Candidate) -> bool:
    """A year named alone, that can frame what follows: "last year", "in 2025", "how 2025
    unfolded"; not a year that qualifies a noun ("the 2024 election") or "the year"."""
    written = text[c.start : c.end]
    if written.casefold().startswith("the ") or "end" in written.casefold():
        return False
    return re.match(
        rf"{SP}(?-i:[a-z]{{3,}})\b(?<!\bunfolded)", text[c.end : c.end + 20]
    ) is None or bool(re.match(rf"{SP}(?:unfolded|was|began|ended)\b", text[c.end : c.end + 12]))


def _heading(text: str, at: int) -> bool:
    """The line holding ``at`` is a heading: short, with no full stop at its end."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)].strip()
    if len(line.split()) > 12:
        return False
    # no full stop at its end, or a sentence that only announces the year ("Here is how
    # 2025 unfolded, month by month."), telling nothing that happened
    return not line.endswith(".") or _ANY_PAST.search(line.replace("unfolded", "")) is None


def _end_of(text: str) -> Iterator[_Candidate]:
    """The end of the reference day's month or year: "by the end of the month"."""
    for m in re.finditer(rf"\b(?:by|before|until|at|through){SP}the{SP}end{SP}of{SP}the{SP}"
                         rf"(?P<unit>month|year)\b", text, re.IGNORECASE):  # fmt: skip
        unit = m["unit"].casefold()

        def resolve(ctx: _Context, unit: str = unit) -> tuple[dt.date, str]:
            opens = ctx.sentence()[0]
            if unit == "year":
                told = (
                    ctx.sentence_year()
                )  # "In 2019, officials promised ... by the end of the year"
                year = told if told is not None else ctx.reference.year
                return dt.date(year, 1, 1), "year"
            if (
                ctx.last_dated is not None
                and ctx.last_dated[0] >= opens
                and not _SINCE.search(ctx.text[max(0, ctx.last_dated[0] - 20) : ctx.last_dated[0]])
            ):
                ctx.basis = ctx.last_dated[0]
                return ctx.last_dated[2], "month"  # "In March, ... by the end of the month"
            return ctx.reference.replace(day=1), "month"

        yield _Candidate(m.start(), m.end(), resolve, relative=True)


def _years(text: str) -> Iterator[_Candidate]:
    """A year alone, "2019", not part of a number, a sum or a percentage."""
    for m in re.finditer(r"(?<![$\d,.-])\b(?P<y>1[89]\d\d|20\d\d)\b(?![-%]\d|%|,\d|\d)", text):
        d = dt.date(int(m["y"]), 1, 1)
        yield _Candidate(m.start(), m.end(), _fixed(d, "year"), relative=False)


#: The rules, most specific first: an earlier rule's span wins over a later one's.
_RULES: Final = (
    _full_dates,
    _anaphoric,
    _offsets,
    _ago,
    _month_of_year,
    _days_without_year,
    _second_days,
    _last_next_month,
    _months,
    _days_near,
    _this_last_next,
    _end_of,
    _the_year,
    _years,
)

#: A dateline: a place in capitals, maybe a country or state, a day, an agency, a dash.
_DATELINE: Final = re.compile(
    rf"\A\s*[{UP}][{UP}.\u2019' -]+(?:,{SP}[{UP}][\w.]+(?:{SP}[{UP}][\w.]+)*)*?,{SP}"
    rf"(?P<date>(?P<m>{_ANY_MONTH})(?!\w){SP}(?P<d>\d{{1,2}})(?:,{SP}(?P<y>\d{{4}}))?)"
    rf"{SP}*(?:\([^)\n]{{1,60}}\))?{SP}*[-\u2013\u2014]"
)


def reference_day(text: str, published: dt.date) -> tuple[dt.date, tuple[int, int] | None]:
    """The day relative dates count from: the dateline's when the text opens with one (the
    latest such day on or before publication), else ``published``; and the dateline's span.

    >>> reference_day("MEXICO CITY, June 28 (Wire) - Mexico sent ...", dt.date(2025, 6, 30))
    (datetime.date(2025, 6, 28), (13, 20))
    """
    m = _DATELINE.match(text)
    if m is None:
        return published, None
    month, day = MONTHS[m["m"]], int(m["d"])
    if m["y"]:
        found = _safe_date(int(m["y"]), month, day)
    else:
        found = _safe_date(published.year, month, day)
        if found is not None and found > published:
            found = _safe_date(published.year - 1, month, day)
    if found is None:
        return published, None
    return found, m.span("date")


def _counted_from(ctx: _Context, c: _Candidate, basis: int) -> tuple[dt.date, ...]:
    """The dates ``c`` resolves to from each other reading of the date named at ``basis``."""
    found = []
    for other in ctx.unsure[basis]:
        with ctx.reading(basis, other):
            ctx.begin(c.start)
            resolved = c.resolve(ctx)
        if resolved is not None:
            found.append(resolved[0])
    return tuple(found)


def find_dates(text: str, published: dt.date) -> list[DateSpan]:
    """Every date in ``text``, in order; no two overlap. A date whose year is not certain
    (see :func:`_doubt`) has no ``date`` but its ``readings``; what is counted from it ("two
    days later") is uncertain too."""
    reference, dateline = reference_day(text, published)
    candidates: list[_Candidate] = []
    claimed = Spans()
    if dateline is not None:
        candidates.append(_Candidate(*dateline, _fixed(reference, "day"), relative=True))
        claimed.add(*dateline)
    for rule in _RULES:
        for c in rule(text):
            if not claimed.overlaps(c.start, c.end):
                candidates.append(c)
                claimed.add(c.start, c.end)
    candidates.sort(key=lambda c: c.start)
    found: list[DateSpan] = []
    ctx = _Context(text, reference, 0, None)
    for c in candidates:
        ctx.begin(c.start)
        resolved = c.resolve(ctx)
        if resolved is None:
            continue
        date, precision = resolved
        others = tuple(d for y in ctx.doubt if (d := _safe_date(y, date.month, date.day)))
        if not others and ctx.basis is not None and ctx.basis in ctx.unsure:
            others = _counted_from(ctx, c, ctx.basis)  # counted from a date not certain
        readings = tuple(sorted({date, *others}))
        if len(readings) > 1:
            ctx.unsure[c.start] = tuple(d for d in readings if d != date)
            found.append(DateSpan(c.start, c.end, None, precision, c.relative, readings))
        else:
            found.append(DateSpan(c.start, c.end, date, precision, c.relative))
        ctx.previous = (c.start, c.end, date, precision)
        ctx.ends[c.start] = c.end
        if precision in ("day", "month") and _MONTH_NAMED.search(text, c.start, c.end):
            ctx.named = (c.start, date.year)
        if precision == "day":
            ctx.days.append((c.start, date))
            ctx.days_seen.setdefault((date.month, date.day), date.year)
            ctx.seen_at.setdefault((date.month, date.day), c.start)
        if precision == "year" and _names_a_year(text, c):
            ctx.frame = (c.start, date.year, _heading(text, c.start))
        if precision in ("day", "month"):
            ctx.months_seen[date.month] = date.year
            ctx.months_at[date.month] = c.start
            ctx.last_dated = (c.start, date.year, date.replace(day=1))
        if precision == "year" or not c.relative:
            ctx.last_year = date
        if not c.relative and precision in ("day", "month"):
            ctx.last_explicit = date
    return found

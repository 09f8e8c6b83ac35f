"""Rule-based extraction of candidate facts from English news text.

:func:`extract` finds people (with the title the text gives them), organisations and countries,
quotes and who said them, counts of people and other figures, dates (absolute, and relative ones
resolved against the publication date), charges normalised to :data:`analysis.schema.CHARGES`,
and transfer or extradition events. It uses regular expressions, the standard library and the
project's sentence splitter only: it runs offline and always gives the same answer.

Every extracted row carries its evidence: ``evidence`` is the exact substring
``text[char_start:char_end]``. The frames are candidates for a reviewer, never facts.

>>> import datetime as dt
>>> found = extract("Attorney General Pam Bondi said Friday.", published=dt.date(2025, 8, 12))
>>> found.actors.select("name", "title").row(0)
('Pam Bondi', 'Attorney General')
>>> found.dates.select("as_written", "date").row(0)
('Friday', datetime.date(2025, 8, 8))
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Final

import polars as pl

from analysis.ledger.text import Sentence, split_sentences
from analysis.schema import ActorKind, Charge, EventKind, Precision

__all__ = [
    "ACTORS_SCHEMA",
    "CHARGES_SCHEMA",
    "COUNTS_SCHEMA",
    "DATES_SCHEMA",
    "EVENTS_SCHEMA",
    "QUOTES_SCHEMA",
    "Extraction",
    "extract",
]

# -- frame schemas ----------------------------------------------------------------------------

#: People, organisations and countries: one row per actor, its first mention as evidence.
ACTORS_SCHEMA: Final = pl.Schema(
    {
        "name": pl.String(),
        "kind": ActorKind,
        "title": pl.String(),
        "aliases": pl.List(pl.String()),
        "n_mentions": pl.Int64(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Quotes: the words inside the quotation marks, in parts, and who said them.
QUOTES_SCHEMA: Final = pl.Schema(
    {
        "speaker": pl.String(),
        "speaker_as_written": pl.String(),
        "text": pl.String(),
        "parts": pl.List(pl.String()),
        "part_starts": pl.List(pl.Int64()),
        "part_ends": pl.List(pl.Int64()),
        "n_parts": pl.Int64(),
        "form": pl.String(),
        "closed": pl.Boolean(),
        "said_on": pl.Date(),
        "said_on_precision": Precision,
        "said_on_as_written": pl.String(),
        "attribution": pl.String(),
        "attribution_start": pl.Int64(),
        "attribution_end": pl.Int64(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Counts of people and other figures, with what they count.
COUNTS_SCHEMA: Final = pl.Schema(
    {
        "value": pl.Int64(),
        "unit": pl.String(),
        "what": pl.String(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Dates as written, resolved against the publication date, with their precision.
DATES_SCHEMA: Final = pl.Schema(
    {
        "as_written": pl.String(),
        "date": pl.Date(),
        "precision": Precision,
        "relative": pl.Boolean(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Charges, normalised to :data:`analysis.schema.CHARGES`; ``as_written`` keeps the words.
CHARGES_SCHEMA: Final = pl.Schema(
    {
        "charge": Charge,
        "as_written": pl.String(),
        "accused": pl.String(),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)

#: Transfers and extraditions the text reports.
EVENTS_SCHEMA: Final = pl.Schema(
    {
        "kind": EventKind,
        "date": pl.Date(),
        "date_precision": Precision,
        "date_as_written": pl.String(),
        "people": pl.Int64(),
        "what": pl.String(),
        "mechanism": pl.String(),
        "origin": pl.String(),
        "destination": pl.String(),
        "suspects": pl.List(pl.String()),
        "evidence": pl.String(),
        "char_start": pl.Int64(),
        "char_end": pl.Int64(),
    }
)


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract` found in one text; each frame has the schema of the same name.

    Attributes
    ----------
    text
        The text the offsets point into.
    published
        The publication date relative dates were resolved against.
    actors, quotes, counts, dates, charges, events
        The frames, with the schemas :data:`ACTORS_SCHEMA`, :data:`QUOTES_SCHEMA`,
        :data:`COUNTS_SCHEMA`, :data:`DATES_SCHEMA`, :data:`CHARGES_SCHEMA` and
        :data:`EVENTS_SCHEMA`.
    """

    text: str
    published: dt.date
    actors: pl.DataFrame
    quotes: pl.DataFrame
    counts: pl.DataFrame
    dates: pl.DataFrame
    charges: pl.DataFrame
    events: pl.DataFrame

    def tables(self) -> dict[str, pl.DataFrame]:
        """The frames by name."""
        return {
            "actors": self.actors,
            "quotes": self.quotes,
            "counts": self.counts,
            "dates": self.dates,
            "charges": self.charges,
            "events": self.events,
        }


# -- vocabulary ---------------------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_SP = "[ \u00a0]"  # a space inside a line: names and titles never run over a line break
_NAME_TOKEN = rf"(?:Mc|Mac|O\u2019|O')?[{_UP}][{_LO}]+(?:[-\u2019'][{_UP}][{_LO}]+)*"
_PARTICLE = r"(?:de la|de los|de las|del|de|la|y|van der|van|von|da|dos|das|bin|al)"
_NAME = rf"{_NAME_TOKEN}(?:{_SP}(?:{_PARTICLE}{_SP})?{_NAME_TOKEN}){{0,3}}"

_CAP_HEADS = (
    "Deputy Attorney General", "Attorney General", "Vice President", "President",
    "Secretary of State", "Secretary", "Ambassador", "Foreign Minister", "Prime Minister",
    "Minister", "Governor", "Senator", "Sen.", "Representative", "Rep.", "Gov.", "Mayor",
    "Chief Justice", "Judge", "Director", "Administrator", "Commissioner", "Deputy", "Sheriff",
    "Officer", "Special Agent", "Agent", "Prosecutor", "General", "Gen.", "Admiral", "Colonel",
    "Col.", "Lt.", "Capt.", "Sgt.", "Spokesperson", "Spokesman", "Spokeswoman", "Chancellor",
    "Pope", "King", "Queen", "Chief", "Czar", "Envoy", "Consul", "Congressman", "Congresswoman",
    "Marshal", "Superintendent", "Commander", "Dr.", "Mr.", "Mrs.", "Ms.",
)  # fmt: skip
_LOW_HEADS = (
    "drug lord", "drug kingpin", "kingpin", "cartel leader", "cartel boss", "leader", "boss",
    "co-founder", "founder", "suspect", "fugitive", "defendant", "lawyer", "attorney",
    "spokesperson", "spokesman", "spokeswoman", "prosecutor", "judge", "official", "minister",
    "secretary", "ambassador", "president", "commander", "trafficker", "operative", "agent",
    "officer", "deputy", "sheriff", "journalist", "reporter", "analyst", "expert", "senator",
    "governor", "mayor", "director", "chief", "czar", "envoy", "lawmaker", "activist",
    "professor", "researcher", "capo", "hitman", "informant", "witness", "victim",
)  # fmt: skip


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_HEAD = rf"(?:{_alternation(_CAP_HEADS)}|\b(?:{_alternation(_LOW_HEADS)}))"
_MOD = rf"(?:U\.S\.|[A-Z]{{2,6}}|[{_UP}][{_LO}]+(?:\u2019s|'s)?)"
_COMPLEMENT = (
    rf"(?:{_SP}(?:to|of|for){_SP}(?:the{_SP})?(?:U\.S\.|United{_SP}States|[{_UP}][\w\u2019'-]+))"
)
_TITLE = rf"(?:{_MOD}{_SP}){{0,3}}{_HEAD}{_COMPLEMENT}?"

#: Capitalised words that start a sentence or a clause, never a title or a name.
_STOP: Final = frozenset(
    [
        "A",
        "An",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "When",
        "While",
        "If",
        "In",
        "On",
        "At",
        "As",
        "But",
        "And",
        "After",
        "Before",
        "Earlier",
        "Later",
        "Also",
        "Then",
        "Under",
        "According",
        "Last",
        "Next",
        "Today",
        "Yesterday",
        "Meanwhile",
        "Among",
        "Including",
        "However",
        "Since",
        "Until",
        "During",
        "Both",
        "Former",
        "Now",
        "So",
        "Yet",
        "Still",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "Our",
        "Their",
        "His",
        "Her",
        "Its",
        "One",
        "Another",
        "Some",
        "Many",
        "Most",
        "Several",
        "Each",
        "Every",
        "Why",
        "How",
        "What",
        "Who",
        "Where",
        "Which",
        "Even",
        "Only",
        "Just",
        "Federal",
        "State",
    ]
)
#: Words that start organisation names ("Mexican National Guard") but never a person's name.
_DEMONYMS: Final = frozenset({"Mexican", "American"})
_NOT_NAME: Final = _STOP | _DEMONYMS
_WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS: Final[dict[str, int]] = {
    "January": 1, "Jan.": 1, "Jan": 1, "February": 2, "Feb.": 2, "Feb": 2, "March": 3,
    "Mar.": 3, "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "October": 10, "Oct.": 10,
    "November": 11, "Nov.": 11, "December": 12, "Dec.": 12,
}  # fmt: skip
_FULL_MONTHS: Final = tuple(m for m in _MONTHS if len(m) > 4 or m in ("May", "June", "July"))

#: Words that make a capitalised run an organisation or a place, not a person.
_ORG_WORDS: Final = frozenset(
    [
        "Department",
        "Ministry",
        "Secretariat",
        "Office",
        "Bureau",
        "Agency",
        "Administration",
        "Court",
        "Courts",
        "Cartel",
        "Agreement",
        "Security",
        "Team",
        "Council",
        "Commission",
        "Army",
        "Navy",
        "Guard",
        "Police",
        "Party",
        "Congress",
        "Senate",
        "House",
        "States",
        "Nations",
        "Union",
        "Government",
        "Justice",
        "Republic",
        "City",
        "County",
        "Attorney",
        "General",
        "Association",
        "Center",
        "Centre",
        "Institute",
        "University",
        "Group",
        "Company",
        "Corporation",
        "Bank",
        "Reuters",
        "Press",
    ]
)

_COUNTRIES: Final[dict[str, str]] = {
    "United States": "United States", "U.S.": "United States", "USA": "United States",
    "U.S.A.": "United States", "US": "United States", "America": "United States",
    "Mexico": "Mexico", "Canada": "Canada", "Colombia": "Colombia", "Guatemala": "Guatemala",
    "Honduras": "Honduras", "El Salvador": "El Salvador", "Venezuela": "Venezuela",
    "Ecuador": "Ecuador", "China": "China", "Cuba": "Cuba", "Panama": "Panama",
}  # fmt: skip
_PLACE_WORDS: Final = frozenset(
    [*(w for c in _COUNTRIES for w in c.split()), "Los", "Angeles", "Washington", "Sinaloa",
     "Jalisco", "Texas", "California", "Arizona", "Tijuana", "Juárez", "Culiacán", "Chicago"]
)  # fmt: skip
_ACRONYM_ORGS: Final = (
    "DEA", "FBI", "ATF", "DOJ", "DHS", "CBP", "ICE", "FGR", "SEDENA", "SEMAR", "CJNG", "CIA",
    "NSC", "DOD", "UN", "NATO", "USMCA",
)  # fmt: skip

_SPEECH_VERBS = (
    r"said|says|told|tells|added|adds|stated|states|wrote|writes|announced|announces|confirmed|"
    r"insisted|explained|noted|argued|warned|declared|remarked|tweeted|posted|continued|"
    r"recalled|acknowledged|asserted|claimed|stressed|emphasized|emphasised"
)

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

_VICTIM = re.compile(
    r"\b(?:killing|murder|death|kidnapping|abduction|assassination)s?\s+of(?:\s+[\w.\u2019'-]+){0,6}"
    r"\s*$"
)
_TRANSFER_VERBS = re.compile(
    r"\b(?:extradit(?:ed|es|e|ing)|transferr(?:ed|ing)|transfers?|sent|sends|sending|"
    r"handed|hands|handing|expelled|expels|deported|deports|delivered|surrendered|shipped)\b"
)


# -- internal records ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    name: str
    kind: str  # person, organisation, country
    title: str | None = None
    full: bool = True  # a full name rather than a surname or short form


@dataclass(slots=True)
class _Actor:
    name: str
    kind: str
    title: str | None
    first: _Mention
    forms: list[str] = field(default_factory=list)
    n_mentions: int = 0


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


@dataclass(slots=True)
class _Date:
    start: int
    end: int
    date: dt.date
    precision: str
    relative: bool


# -- helpers ------------------------------------------------------------------------------------


def _clean_title(title: str) -> str | None:
    words = title.split()
    while words and words[0].strip(",") in _STOP:
        words.pop(0)
    return " ".join(words) or None


def _name_ok(name: str, *, min_tokens: int = 2) -> bool:
    tokens = name.split()
    if len(tokens) < min_tokens:
        return False
    if any(t in _ORG_WORDS or t in _NOT_NAME for t in tokens):
        return False
    if any(t in _WEEKDAYS or t in _MONTHS for t in tokens):
        return False
    return not all(t in _PLACE_WORDS for t in tokens) and tokens[0] not in _PLACE_WORDS


def _trim_name(name: str) -> str:
    """Drop trailing words that end a name run but are not part of the name."""
    tokens = name.split()
    while tokens and (tokens[-1] in _WEEKDAYS or tokens[-1] in _MONTHS or tokens[-1] in _NOT_NAME):
        tokens.pop()
    while tokens and tokens[0] in _NOT_NAME:
        tokens.pop(0)
    return " ".join(tokens)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


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


# -- people, organisations, countries -----------------------------------------------------------


def _person_mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []

    def add(start: int, end: int, name: str, title: str | None, *, min_tokens: int = 2) -> None:
        name = _trim_name(name)
        if not _name_ok(name, min_tokens=min_tokens):
            return
        if any(_overlaps(start, end, m.start, m.end) for m in found):
            return
        found.append(_Mention(start, end, name, "person", title, full=len(name.split()) > 1))

    # Title + name: "Attorney General Pam Bondi", "U.S. DEA agent Enrique Camarena".
    for m in re.finditer(rf"(?<![\w.\u2019'-])(?P<title>{_TITLE}){_SP}(?P<name>{_NAME})\b", text):
        title = _clean_title(m["title"])
        name = m["name"]
        if title is None:
            continue
        start = m.start("title") + m["title"].index(title.split()[0])
        end = m.start("name") + len(_trim_name(name)) if _trim_name(name) else m.end()
        add(start, end, name, title, min_tokens=1)
    # "One suspect, Roberto Salazar,"
    appositive_before = (
        rf"\b(?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir){_SP}"
        rf"(?P<title>(?:[\w\u2019'-]+{_SP}){{0,2}}?(?:{_alternation(_LOW_HEADS)})),{_SP}"
        rf"(?P<name>{_NAME}),"
    )
    for m in re.finditer(appositive_before, text):
        add(m.start("title"), m.end("name"), m["name"], m["title"])
    # "Rafael Caro Quintero, a drug lord"
    appositive_after = (
        rf"(?<![\w\u2019'-])(?P<name>{_NAME}),{_SP}(?:a|an|the){_SP}"
        rf"(?P<rest>(?:[^,.;:\n]|\.(?=\S)|(?<=\b[A-Z]\.[A-Z])\.){{1,60}})"
    )
    for m in re.finditer(appositive_after, text):
        t = re.search(rf"(?:{_MOD}{_SP}){{0,3}}{_HEAD}(?:{_SP}(?:to|of|for){_SP}(?:the{_SP})?"
                      rf"(?:U\.S\.{_SP})?[\w\u2019'.-]+)?", m["rest"])  # fmt: skip
        if t is not None:
            title = _clean_title(t.group(0))
            add(m.start("name"), m.start("rest") + t.end(), m["name"], title)
    # Name + speech verb, or speech verb + name: "Roberto Salazar said", "said Pam Bondi".
    for m in re.finditer(rf"(?<![\w\u2019'.-])(?P<name>{_NAME}){_SP}(?:{_SPEECH_VERBS})\b", text):
        add(m.start("name"), m.start("name") + len(_trim_name(m["name"])), m["name"], None)
    for m in re.finditer(rf"\b(?:{_SPEECH_VERBS}){_SP}(?P<name>{_NAME})\b", text):
        add(m.start("name"), m.start("name") + len(_trim_name(m["name"])), m["name"], None)
    return sorted(found, key=lambda x: x.start)


def _org_mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []

    def add(start: int, end: int, name: str, *, full: bool = True) -> None:
        if not any(_overlaps(start, end, m.start, m.end) for m in found):
            found.append(_Mention(start, end, name, "organisation", None, full))

    patterns = (
        (
            rf"(?:(?:U\.S\.|Mexican|Mexico\u2019s|Mexico's){_SP})?(?:Department|Ministry|"
            rf"Secretariat|Office|Bureau|Agency|Secretary)(?:{_SP}of)?(?:{_SP}the)?"
            rf"(?:{_SP}[A-Z][\w\u2019'-]+)(?:{_SP}(?:and{_SP})?[A-Z][\w\u2019'-]+)*"
        ),
        (
            rf"(?:(?:Mexico|U\.S\.)(?:\u2019s|'s)?{_SP})(?:[A-Z][\w\u2019'-]+{_SP}){{1,3}}"
            rf"(?:team|cabinet|council|forces|force|Guard|Army|Navy|Police|Council|Cabinet)\b"
        ),
        rf"(?:[A-Z][\w\u2019'-]+{_SP}){{1,4}}[Cc]artel\b",
        (
            rf"\b(?:(?:U\.S\.|Mexican){_SP})?(?:Supreme Court|National Guard|Border Patrol|"
            rf"Justice Department|State Department)\b"
        ),
    )
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            name = m.group(0)
            first = name.split()[0]
            if first in _STOP:
                name = name[len(first) :].lstrip()
            if name.split()[0] in _STOP or len(name.split()) < 2:
                continue
            add(m.end() - len(name), m.end(), name)
    for m in re.finditer(rf"\b(?P<who>[{_UP}][{_LO}]+){_SP}administration\b", text):
        if m["who"] not in _NOT_NAME:
            add(m.start(), m.end(), m.group(0))
    acronyms = _alternation(_ACRONYM_ORGS)
    for m in re.finditer(rf"(?:(?P<us>U\.S\.){_SP})?\b(?P<org>{acronyms})\b(?!-)", text):
        add(m.start(), m.end(), m["org"], full=m["us"] is None)
    return sorted(found, key=lambda x: x.start)


def _country_mentions(text: str) -> list[_Mention]:
    found = []
    forms = _alternation(tuple(_COUNTRIES))
    for m in re.finditer(rf"(?<![\w.-])(?:{forms})(?![\w-])(?!\.\w)", text):
        form = m.group(0)
        if form in ("US", "America") and text[m.end() : m.end() + 1] == "-":
            continue
        found.append(_Mention(m.start(), m.end(), _COUNTRIES[form], "country", None, True))
    return found


def _surname_forms(name: str) -> list[str]:
    tokens = name.split()
    forms = [tokens[-1]]
    if len(tokens) >= 3 and tokens[-2][0].isupper():
        forms.insert(0, " ".join(tokens[-2:]))
    return forms


def _ends_with(longer: str, shorter: str) -> bool:
    """``shorter`` is the last words of ``longer`` (a name without its first name)."""
    a, b = longer.split(), shorter.split()
    return len(a) > len(b) >= 2 and a[-len(b) :] == b


def _first_names_compatible(a: str, b: str) -> bool:
    x, y = a.split(maxsplit=1)[0].casefold(), b.split(maxsplit=1)[0].casefold()
    return x.startswith(y) or y.startswith(x)


def _actors(text: str) -> tuple[list[_Actor], list[_Mention]]:
    """Group mentions into actors; return the actors and every mention, linked by name."""
    persons = _person_mentions(text)
    actors: dict[str, _Actor] = {}
    mentions: list[_Mention] = []
    # Full names first, so that surname mentions link to them.
    for m in persons:
        if not m.full:
            continue
        same = [
            a for a in actors.values()
            if a.kind == "person" and a.name.split()[-1] == m.name.split()[-1]
            and (_first_names_compatible(a.name, m.name) or _ends_with(a.name, m.name)
                 or _ends_with(m.name, a.name))
        ]  # fmt: skip
        actor = same[0] if same else actors.setdefault(m.name, _Actor(m.name, "person", m.title, m))
        if _ends_with(m.name, actor.name) and m.name != actor.name:
            # "García Harfuch" first, "Omar García Harfuch" later: keep the longer name.
            for earlier in mentions:
                if earlier.name == actor.name:
                    earlier.name = m.name
            actor.name = m.name
        if actor.title is None and m.title is not None:
            actor.title = m.title
        actor.forms.append(m.name)
        m.name = actor.name
        mentions.append(m)
    orgs = _org_mentions(text)
    # Organisations may sit inside a person's title ("U.S. DEA agent"), not inside a name.
    names = [(m.end - len(m.name), m.end) for m in mentions]
    taken: list[tuple[int, int]] = [(m.start, m.end) for m in mentions]
    # Surnames: "Bondi", "Caro Quintero", "President Trump"; not "Trump administration".
    org_spans = [(o.start, o.end) for o in orgs]
    for actor in list(actors.values()):
        for form in _surname_forms(actor.name):
            for hit in re.finditer(rf"(?<![\w\u2019'-]){re.escape(form)}(?![\w-])", text):
                span = hit.span()
                if any(_overlaps(*span, a, b) for a, b in [*taken, *org_spans]):
                    continue
                mentions.append(_Mention(*span, actor.name, "person", None, False))
                taken.append(span)
                names.append(span)
                actor.forms.append(form)
    # Short mentions with a title and no full name elsewhere ("President Trump") stay persons.
    for m in persons:
        if m.full or any(_overlaps(m.start, m.end, a, b) for a, b in taken):
            continue
        actor = actors.setdefault(m.name, _Actor(m.name, "person", m.title, m))
        actor.forms.append(m.name)
        mentions.append(m)
        taken.append((m.start, m.end))
        names.append((m.end - len(m.name), m.end))
    places: list[tuple[int, int]] = []
    for m in [*orgs, *_country_mentions(text)]:
        if any(_overlaps(m.start, m.end, a, b) for a, b in [*names, *places]):
            continue
        places.append((m.start, m.end))
        name = m.name
        if m.kind == "organisation":
            # "Department of Justice" after "U.S. Department of Justice": the same organisation.
            for other in actors.values():
                if other.kind == "organisation" and (
                    other.name.endswith(" " + name) or name.endswith(" " + other.name)
                ):
                    name = other.name
                    break
        actor = actors.setdefault(name, _Actor(name, m.kind, None, m))
        if m.kind == "organisation" and m.full and len(m.name) > len(actor.name):
            actor.name, name = m.name, m.name
            actors[name] = actor
        actor.forms.append(text[m.start : m.end])
        m.name = actor.name
        mentions.append(m)
    unique = list({id(a): a for a in actors.values()}.values())
    for actor in unique:
        actor.n_mentions = sum(1 for m in mentions if m.name == actor.name and m.kind == actor.kind)
    mentions.sort(key=lambda x: x.start)
    return unique, mentions


# -- dates --------------------------------------------------------------------------------------


def _most_recent_weekday(published: dt.date, weekday: int, *, strictly_before: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - dt.timedelta(days=back)


def _month_before(published: dt.date, month: int) -> dt.date:
    year = published.year if month <= published.month else published.year - 1
    return dt.date(year, month, 1)


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _dates(text: str, published: dt.date) -> list[_Date]:
    found: list[_Date] = []
    months = _alternation(tuple(_MONTHS))
    full_months = _alternation(_FULL_MONTHS)

    def free(start: int, end: int) -> bool:
        return not any(_overlaps(start, end, d.start, d.end) for d in found)

    def add(start: int, end: int, date: dt.date, precision: str, *, relative: bool) -> None:
        if free(start, end):
            found.append(_Date(start, end, date, precision, relative))

    def safe_date(year: int, month: int, day: int) -> dt.date | None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    for m in re.finditer(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
        if (d := safe_date(int(m[1]), int(m[2]), int(m[3]))) is not None:
            add(m.start(), m.end(), d, "day", relative=False)
    for m in re.finditer(rf"\b(?P<m>{months})(?!\w){_SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?"
                         rf"{_SP}(?P<y>\d{{4}})\b", text):  # fmt: skip
        if (d := safe_date(int(m["y"]), _MONTHS[m["m"]], int(m["d"]))) is not None:
            add(m.start(), m.end(), d, "day", relative=False)
    for m in re.finditer(rf"\b(?P<d>\d{{1,2}}){_SP}(?P<m>{months})(?!\w),?{_SP}(?P<y>\d{{4}})\b",
                         text):  # fmt: skip
        if (d := safe_date(int(m["y"]), _MONTHS[m["m"]], int(m["d"]))) is not None:
            add(m.start(), m.end(), d, "day", relative=False)
    for m in re.finditer(rf"\b(?P<m>{months})(?!\w){_SP}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b", text):
        d = safe_date(published.year, _MONTHS[m["m"]], int(m["d"]))
        if d is not None and d > published:
            d = safe_date(published.year - 1, _MONTHS[m["m"]], int(m["d"]))
        if d is not None:
            add(m.start(), m.end(), d, "day", relative=True)
    for m in re.finditer(rf"(?:\b[Ii]n{_SP})?\b(?P<m>{months})(?!\w),?{_SP}(?P<y>\d{{4}})\b", text):
        add(m.start(), m.end(), dt.date(int(m["y"]), _MONTHS[m["m"]], 1), "month", relative=False)
    for m in re.finditer(rf"(?P<in>\b[Ii]n{_SP}(?:(?:early|late|mid){_SP})?)?\b(?P<m>{full_months})\b",
                         text):  # fmt: skip
        if m["m"] == "May" and m["in"] is None:
            continue  # "May" alone is too often the verb
        add(m.start(), m.end(), _month_before(published, _MONTHS[m["m"]]), "month", relative=True)
    weekdays = "|".join(_WEEKDAYS)
    for m in re.finditer(rf"(?P<last>\b[Ll]ast{_SP})?\b(?P<w>{weekdays})\b", text):
        day = _most_recent_weekday(
            published, _WEEKDAYS.index(m["w"]), strictly_before=m["last"] is not None
        )
        add(m.start(), m.end(), day, "day", relative=True)
    for m in re.finditer(r"\b(today|tonight|this morning|this afternoon|this evening|yesterday|"
                         r"tomorrow)\b", text, re.IGNORECASE):  # fmt: skip
        shift = {"yesterday": -1, "tomorrow": 1}.get(m[1].casefold(), 0)
        add(m.start(), m.end(), published + dt.timedelta(days=shift), "day", relative=True)
    for m in re.finditer(rf"\b(?:(?:earlier|later|early|late){_SP})?(?P<which>this|last|next)"
                         rf"{_SP}(?P<unit>year|month)\b", text, re.IGNORECASE):  # fmt: skip
        step = {"this": 0, "last": -1, "next": 1}[m["which"].casefold()]
        if m["unit"].casefold() == "year":
            add(m.start(), m.end(), dt.date(published.year + step, 1, 1), "year", relative=True)
        else:
            first = _shift_month(published.replace(day=1), step)
            add(m.start(), m.end(), first, "month", relative=True)
    for m in re.finditer(r"(?<![$\d,.-])\b(?P<y>1[89]\d\d|20\d\d)\b(?![-%]\d|%|,\d|\d)", text):
        add(m.start(), m.end(), dt.date(int(m["y"]), 1, 1), "year", relative=False)
    return sorted(found, key=lambda d: d.start)


# -- counts -------------------------------------------------------------------------------------


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


def _counts(text: str, dates: list[_Date]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    claimed: list[tuple[int, int]] = [(d.start, d.end) for d in dates]

    def add(start: int, end: int, value: int, unit: str, what: str) -> None:
        if any(_overlaps(start, end, s, e) for s, e in claimed):
            return
        claimed.append((start, end))
        rows.append(
            {"value": value, "unit": unit, "what": what, "evidence": text[start:end],
             "char_start": start, "char_end": end}
        )  # fmt: skip

    people = (
        rf"(?<![\w$.,])(?P<num>{_NUM})(?![\w%]){_SP}(?P<what>(?:[a-z][\w\u2019'-]*{_SP}){{0,3}}?"
        rf"(?:{_PEOPLE_NOUNS}))\b"
    )
    for m in re.finditer(people, text, re.IGNORECASE):
        value = _number(m["num"])
        if value < 2 or m["what"].split()[0].casefold() in _STOP_AFTER:
            continue
        add(m.start(), m.end(), value, "people", m["what"])
    duration = rf"(?<![\w$.,])(?P<num>{_NUM})(?:-|{_SP})(?P<unit>day|week|month|year)s?\b"
    for m in re.finditer(duration, text, re.IGNORECASE):
        words = re.match(rf"(?:{_SP}[a-z][\w-]*){{1,3}}", text[m.end() :])
        counted: list[str] = []
        for w in words.group(0).split() if words else []:
            if w in _STOP_AFTER:
                break
            counted.append(w)
        end = m.end() + (len(" ".join(counted)) + 1 if counted else 0)
        unit = m["unit"].casefold() + "s"
        add(m.start(), end, _number(m["num"]), unit, " ".join(counted) or unit)
    percent = (
        rf"(?<![\w$.,])(?P<num>\d+)(?P<sign>%|{_SP}percent|{_SP}per{_SP}cent)"
        rf"(?:{_SP}(?P<what>[a-z]+))?"
    )
    for m in re.finditer(percent, text):
        if m["what"] and m["what"] not in _STOP_AFTER:
            add(m.start(), m.end(), int(m["num"]), "percent", m["what"])
        else:
            add(m.start(), m.end("sign"), int(m["num"]), "percent", "percent")
    money = rf"\$(?P<num>\d+(?:,\d{{3}})*(?:\.\d+)?)(?:{_SP}(?P<scale>thousand|million|billion))?"
    for m in re.finditer(money, text):
        scale = {"thousand": 10**3, "million": 10**6, "billion": 10**9}.get(m["scale"] or "", 1)
        value = round(float(m["num"].replace(",", "")) * scale)
        add(m.start(), m.end(), value, "usd", "dollars")
    rows.sort(key=lambda r: int(str(r["char_start"])))
    return rows


# -- quotes -------------------------------------------------------------------------------------

_TOKEN = r"(?:[A-Z]\.(?:[A-Z]\.)+|[\w\u2019'-]+)"
_WHO = rf"(?:{_TOKEN}(?:{_SP}{_TOKEN}){{0,7}}?)"


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
    verbs = _SPEECH_VERBS
    if seg.close_at is not None:
        after_start = seg.close_at + 1
        after = text[after_start:next_open]
        m = re.match(rf"{_SP}*,?{_SP}*(?P<who>{_WHO}){_SP}+(?:{verbs})\b(?P<rest>[^.!?;“”\"\n]*)",
                     after)  # fmt: skip
        if m is not None:
            return _Attribution(
                "after", after_start + m.start("who"), after_start + m.end("who"),
                after_start + m.start("who"), after_start + m.end(),
            )  # fmt: skip
        m = re.match(rf"{_SP}*,?{_SP}*(?:{verbs}){_SP}+(?P<who>{_WHO})(?=[.,;!?\n]|$)", after)
        if m is None:  # "said U.S. Ambassador Ronald Johnson." ends with a dot of its own
            m = re.match(rf"{_SP}*,?{_SP}*(?:{verbs}){_SP}+(?P<who>{_WHO})\.?", after)
        if m is not None:
            return _Attribution(
                "inverted", after_start + m.start("who"), after_start + m.end("who"),
                after_start + m.start() + len(m.group(0)) - len(m.group(0).lstrip(" ,")),
                after_start + m.end("who"),
            )  # fmt: skip
    before = text[prev_end : seg.open_at]
    m = re.search(rf"(?P<who>{_WHO}){_SP}+(?:{verbs})\b(?P<rest>(?:{_SP}+[\w\u2019'.-]+){{0,4}}?)"
                  rf"{_SP}*[:,]{_SP}*$", before)  # fmt: skip
    if m is not None:
        return _Attribution(
            "before", prev_end + m.start("who"), prev_end + m.end("who"),
            prev_end + m.start(), prev_end + m.end("rest"),
        )  # fmt: skip
    m = re.search(rf"(?:\bwhat{_SP}+)?\b(?P<who>he|she|they|{_NAME}){_SP}+(?:called|described{_SP}as|"
                  rf"dubbed|termed){_SP}*,?{_SP}*$", before)  # fmt: skip
    if m is not None:
        return _Attribution(
            "called", prev_end + m.start("who"), prev_end + m.end("who"),
            prev_end + m.start(), prev_end + len(before.rstrip()),
        )  # fmt: skip
    return None


_PRONOUNS: Final = frozenset({"he", "she", "they", "i", "we"})


def _resolve_speaker(
    text: str, attribution: _Attribution, mentions: list[_Mention], quoted: list[tuple[int, int]]
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
            and not any(s <= m.start < e for s, e in quoted)
        ]  # fmt: skip
        return earlier[-1].name if earlier else None
    return None


def _quotes(text: str, mentions: list[_Mention], dates: list[_Date]) -> list[dict[str, object]]:
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
    quoted = [(s.start, s.end) for s in segments]
    rows: list[dict[str, object]] = []
    for chain in chains:
        attribution = next((s.attribution for s in chain if s.attribution is not None), None)
        n_words = sum(len(text[s.start : s.end].split()) for s in chain)
        if attribution is None and n_words < 4:
            continue  # a scare quote or a nickname, not a quotation
        speaker = _resolve_speaker(text, attribution, mentions, quoted) if attribution else None
        said: _Date | None = None
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


# -- charges ------------------------------------------------------------------------------------


def _charges(
    text: str, sentences: list[Sentence], mentions: list[_Mention]
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    mods = _alternation(tuple(_TRAFFIC_MODS))
    for sentence in sentences:
        s = sentence.text
        cue = _CHARGE_CUES.search(s)
        if cue is None:
            continue
        claimed: list[tuple[int, int]] = []
        found: list[tuple[int, int, str, str]] = []
        coordinated = (
            rf"\b(?P<mods>(?:{mods})(?:{_SP}*,{_SP}*(?:{mods}))*,?{_SP}(?:and|or){_SP}(?:{mods}))"
            rf"[ -](?P<head>trafficking|smuggling)\b"
        )
        for m in re.finditer(coordinated, s, re.IGNORECASE):
            for mod in re.findall(mods, m["mods"], re.IGNORECASE):
                found.append((m.start(), m.end(), _traffic_charge(mod, m["head"]), m.group(0)))
            claimed.append((m.start(), m.end()))
        for m in re.finditer(rf"\b(?P<mod>{mods})[ -](?P<head>trafficking|smuggling)\b", s,
                             re.IGNORECASE):  # fmt: skip
            if any(_overlaps(m.start(), m.end(), a, b) for a, b in claimed):
                continue
            found.append((m.start(), m.end(), _traffic_charge(m["mod"], m["head"]), m.group(0)))
            claimed.append((m.start(), m.end()))
        for pattern, charge in _CHARGE_WORDS:
            for m in re.finditer(rf"\b(?:{pattern})\b", s, re.IGNORECASE):
                if any(_overlaps(m.start(), m.end(), a, b) for a, b in claimed):
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


# -- events -------------------------------------------------------------------------------------


def _events(
    text: str,
    sentences: list[Sentence],
    mentions: list[_Mention],
    dates: list[_Date],
    counts: list[dict[str, object]],
    quoted: list[tuple[int, int]],
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for sentence in sentences:
        s_start, s_end = sentence.start, sentence.end
        verbs = [
            v for v in _TRANSFER_VERBS.finditer(sentence.text)
            if not any(a <= s_start + v.start() < b for a, b in quoted)
        ]  # fmt: skip
        if not verbs:
            continue  # a quotation is not the report of an event
        verb = verbs[0]
        people = [
            c for c in counts
            if c["unit"] == "people" and s_start <= int(str(c["char_start"])) < s_end
            and not any(a <= int(str(c["char_start"])) < b for a, b in quoted)
        ]  # fmt: skip
        if not people:
            continue
        count = people[0]
        verb_at = s_start + verb.start()
        extradition = re.search(r"\bextradit\w*", sentence.text)
        mechanism = (extradition or verb).group(0)
        in_sentence = [d for d in dates if s_start <= d.start and d.end <= s_end]
        date = min(in_sentence, key=lambda d: abs(d.start - verb_at), default=None)
        countries = [m for m in mentions if m.kind == "country" and s_start <= m.start < s_end]
        origin = next((m.name for m in reversed(countries) if m.end <= verb_at), None)
        destination = None
        to_country = re.search(
            rf"\bto{_SP}(?:the{_SP})?(?:{_alternation(tuple(_COUNTRIES))})(?![\w-])",
            sentence.text,
        )
        if to_country is not None:
            at = s_start + to_country.start()
            destination = next(
                (m.name for m in countries if at <= m.start <= at + len(to_country.group(0))),
                None,
            )
        suspects = [
            m.name for m in mentions
            if m.kind == "person" and s_start <= m.start < s_end and m.full
            and not _VICTIM.search(text[s_start : m.start])
        ]  # fmt: skip
        rows.append(
            {
                "kind": "transfer",
                "date": date.date if date else None,
                "date_precision": date.precision if date else "unknown",
                "date_as_written": text[date.start : date.end] if date else None,
                "people": count["value"],
                "what": count["what"],
                "mechanism": mechanism,
                "origin": origin,
                "destination": destination,
                "suspects": list(dict.fromkeys(suspects)),
                "evidence": sentence.text,
                "char_start": s_start,
                "char_end": s_end,
            }
        )
    # One row per transfer: the same count on the same (or an unstated) date is one event.
    merged: list[dict[str, object]] = []
    for row in rows:
        twin = next(
            (
                r for r in merged
                if r["people"] == row["people"]
                and (r["date"] is None or row["date"] is None or r["date"] == row["date"])
            ),
            None,
        )  # fmt: skip
        if twin is None:
            merged.append(row)
        elif twin["date"] is None and row["date"] is not None:
            for key in ("date", "date_precision", "date_as_written"):
                twin[key] = row[key]
    return merged


# -- entry point --------------------------------------------------------------------------------


def extract(text: str, *, published: dt.date) -> Extraction:
    """Find candidate facts in an English news text.

    Parameters
    ----------
    text
        The article, as published (curly or straight quotation marks, one paragraph a line or
        paragraphs separated by blank lines).
    published
        The publication date: relative dates ("Tuesday", "last month", "In July") resolve
        against it. A weekday is the most recent such day on or before it.

    Returns
    -------
    Extraction
        Frames of actors, quotes, counts, dates, charges and transfer events, each row with its
        evidence (``evidence`` equals ``text[char_start:char_end]``).

    Examples
    --------
    >>> found = extract("In July, Mexico sent 26 suspects to the U.S.", published=dt.date(2025, 8, 12))
    >>> found.events.select("date", "people", "origin", "destination").row(0)
    (datetime.date(2025, 7, 1), 26, 'Mexico', 'United States')
    """
    actors, mentions = _actors(text)
    dates = _dates(text, published)
    counts = _counts(text, dates)
    quotes = _quotes(text, mentions, dates)
    quoted = [
        (start, end)
        for q in quotes
        for start, end in zip(q["part_starts"], q["part_ends"], strict=True)  # type: ignore[call-overload]
    ]
    sentences = split_sentences(text)
    charges = _charges(text, sentences, mentions)
    events = _events(text, sentences, mentions, dates, counts, quoted)
    actor_rows = [
        {
            "name": a.name,
            "kind": a.kind,
            "title": a.title,
            "aliases": sorted({f for f in a.forms if f != a.name}),
            "n_mentions": a.n_mentions,
            "evidence": text[a.first.start : a.first.end],
            "char_start": a.first.start,
            "char_end": a.first.end,
        }
        for a in sorted(actors, key=lambda a: a.first.start)
    ]
    date_rows = [
        {
            "as_written": text[d.start : d.end],
            "date": d.date,
            "precision": d.precision,
            "relative": d.relative,
            "evidence": text[d.start : d.end],
            "char_start": d.start,
            "char_end": d.end,
        }
        for d in dates
    ]
    return Extraction(
        text=text,
        published=published,
        actors=pl.DataFrame(actor_rows, schema=ACTORS_SCHEMA),
        quotes=pl.DataFrame(quotes, schema=QUOTES_SCHEMA),
        counts=pl.DataFrame(counts, schema=COUNTS_SCHEMA),
        dates=pl.DataFrame(date_rows, schema=DATES_SCHEMA),
        charges=pl.DataFrame(charges, schema=CHARGES_SCHEMA),
        events=pl.DataFrame(events, schema=EVENTS_SCHEMA),
    )

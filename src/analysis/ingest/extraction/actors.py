"""People (with the title the text gives them), organisations and countries.

A person is found by a title before the name ("Attorney General Pam Bondi"), an appositive
("Rafael Caro Quintero, a drug lord") or a speech verb ("said Pam Bondi"); later mentions by
surname ("Bondi") link to the full name. Organisations and countries are found by their shape
and a short list of acronyms and country names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Final

from analysis.ingest.extraction._common import (
    COUNTRIES,
    LO,
    MONTHS,
    NAME,
    SP,
    SPEECH_VERBS,
    UP,
    WEEKDAYS,
    Mention,
    Spans,
    alternation,
)
from analysis.ingest.names import ends_with, first_names_compatible, same_surname, surname_forms

__all__ = ["Actor", "find_actors"]

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

_HEAD = rf"(?:{alternation(_CAP_HEADS)}|\b(?:{alternation(_LOW_HEADS)}))"
_MOD = rf"(?:U\.S\.|[A-Z]{{2,6}}|[{UP}][{LO}]+(?:\u2019s|'s)?)"
_COMPLEMENT = (
    rf"(?:{SP}(?:to|of|for){SP}(?:the{SP})?(?:U\.S\.|United{SP}States|[{UP}][\w\u2019'-]+))"
)
_TITLE = rf"(?:{_MOD}{SP}){{0,3}}{_HEAD}{_COMPLEMENT}?"

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

_PLACE_WORDS: Final = frozenset(
    [*(w for c in COUNTRIES for w in c.split()), "Los", "Angeles", "Washington", "Sinaloa",
     "Jalisco", "Texas", "California", "Arizona", "Tijuana", "Juárez", "Culiacán", "Chicago"]
)  # fmt: skip
_ACRONYM_ORGS: Final = (
    "DEA", "FBI", "ATF", "DOJ", "DHS", "CBP", "ICE", "FGR", "SEDENA", "SEMAR", "CJNG", "CIA",
    "NSC", "DOD", "UN", "NATO", "USMCA",
)  # fmt: skip


@dataclass(slots=True)
class Actor:
    """One person, organisation or country, under its fullest name, with the forms it takes."""

    name: str
    kind: str
    title: str | None
    first: Mention
    forms: list[str] = field(default_factory=list)
    n_mentions: int = 0


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
    if any(t in WEEKDAYS or t in MONTHS for t in tokens):
        return False
    return not all(t in _PLACE_WORDS for t in tokens) and tokens[0] not in _PLACE_WORDS


def _trim_name(name: str) -> str:
    """Drop trailing words that end a name run but are not part of the name."""
    tokens = name.split()
    while tokens and (tokens[-1] in WEEKDAYS or tokens[-1] in MONTHS or tokens[-1] in _NOT_NAME):
        tokens.pop()
    while tokens and tokens[0] in _NOT_NAME:
        tokens.pop(0)
    return " ".join(tokens)


def _person_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    claimed = Spans()

    def add(start: int, end: int, name: str, title: str | None, *, min_tokens: int = 2) -> None:
        name = _trim_name(name)
        if not _name_ok(name, min_tokens=min_tokens):
            return
        if claimed.overlaps(start, end):
            return
        claimed.add(start, end)
        found.append(Mention(start, end, name, "person", title, full=len(name.split()) > 1))

    # Title + name: "Attorney General Pam Bondi", "U.S. DEA agent Enrique Camarena".
    for m in re.finditer(rf"(?<![\w.\u2019'-])(?P<title>{_TITLE}){SP}(?P<name>{NAME})\b", text):
        title = _clean_title(m["title"])
        name = m["name"]
        if title is None:
            continue
        start = m.start("title") + m["title"].index(title.split()[0])
        end = m.start("name") + len(_trim_name(name)) if _trim_name(name) else m.end()
        add(start, end, name, title, min_tokens=1)
    # "One suspect, Roberto Salazar,"
    appositive_before = (
        rf"\b(?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir){SP}"
        rf"(?P<title>(?:[\w\u2019'-]+{SP}){{0,2}}?(?:{alternation(_LOW_HEADS)})),{SP}"
        rf"(?P<name>{NAME}),"
    )
    for m in re.finditer(appositive_before, text):
        add(m.start("title"), m.end("name"), m["name"], m["title"])
    # "Rafael Caro Quintero, a drug lord"
    appositive_after = (
        rf"(?<![\w\u2019'-])(?P<name>{NAME}),{SP}(?:a|an|the){SP}"
        rf"(?P<rest>(?:[^,.;:\n]|\.(?=\S)|(?<=\b[A-Z]\.[A-Z])\.){{1,60}})"
    )
    for m in re.finditer(appositive_after, text):
        t = re.search(rf"(?:{_MOD}{SP}){{0,3}}{_HEAD}(?:{SP}(?:to|of|for){SP}(?:the{SP})?"
                      rf"(?:U\.S\.{SP})?[\w\u2019'.-]+)?", m["rest"])  # fmt: skip
        if t is not None:
            title = _clean_title(t.group(0))
            add(m.start("name"), m.start("rest") + t.end(), m["name"], title)
    # Name + speech verb, or speech verb + name: "Roberto Salazar said", "said Pam Bondi".
    for m in re.finditer(rf"(?<![\w\u2019'.-])(?P<name>{NAME}){SP}(?:{SPEECH_VERBS})\b", text):
        add(m.start("name"), m.start("name") + len(_trim_name(m["name"])), m["name"], None)
    for m in re.finditer(rf"\b(?:{SPEECH_VERBS}){SP}(?P<name>{NAME})\b", text):
        add(m.start("name"), m.start("name") + len(_trim_name(m["name"])), m["name"], None)
    return sorted(found, key=lambda x: x.start)


def _org_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    claimed = Spans()

    def add(start: int, end: int, name: str, *, full: bool = True) -> None:
        if not claimed.overlaps(start, end):
            claimed.add(start, end)
            found.append(Mention(start, end, name, "organisation", None, full))

    patterns = (
        (
            rf"(?:(?:U\.S\.|Mexican|Mexico\u2019s|Mexico's){SP})?(?:Department|Ministry|"
            rf"Secretariat|Office|Bureau|Agency|Secretary)(?:{SP}of)?(?:{SP}the)?"
            rf"(?:{SP}[A-Z][\w\u2019'-]+)(?:{SP}(?:and{SP})?[A-Z][\w\u2019'-]+)*"
        ),
        (
            rf"(?:(?:Mexico|U\.S\.)(?:\u2019s|'s)?{SP})(?:[A-Z][\w\u2019'-]+{SP}){{1,3}}"
            rf"(?:team|cabinet|council|forces|force|Guard|Army|Navy|Police|Council|Cabinet)\b"
        ),
        rf"(?:[A-Z][\w\u2019'-]+{SP}){{1,4}}[Cc]artel\b",
        (
            rf"\b(?:(?:U\.S\.|Mexican){SP})?(?:Supreme Court|National Guard|Border Patrol|"
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
    for m in re.finditer(rf"\b(?P<who>[{UP}][{LO}]+){SP}administration\b", text):
        if m["who"] not in _NOT_NAME:
            add(m.start(), m.end(), m.group(0))
    acronyms = alternation(_ACRONYM_ORGS)
    for m in re.finditer(rf"(?:(?P<us>U\.S\.){SP})?\b(?P<org>{acronyms})\b(?!-)", text):
        add(m.start(), m.end(), m["org"], full=m["us"] is None)
    return sorted(found, key=lambda x: x.start)


def _country_mentions(text: str) -> list[Mention]:
    found = []
    forms = alternation(tuple(COUNTRIES))
    for m in re.finditer(rf"(?<![\w.-])(?:{forms})(?![\w-])(?!\.\w)", text):
        form = m.group(0)
        if form in ("US", "America") and text[m.end() : m.end() + 1] == "-":
            continue
        found.append(Mention(m.start(), m.end(), COUNTRIES[form], "country", None, True))
    return found


# -- grouping mentions into actors ---------------------------------------------------------------


@dataclass(slots=True)
class _Cast:
    """The actors found so far and their mentions, while the mentions are grouped."""

    text: str
    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    taken: Spans = field(default_factory=Spans)  # spans of person mentions
    names: Spans = field(default_factory=Spans)  # the names, titles aside

    def add_full_name(self, m: Mention) -> None:
        """A full name joins the person with the same surname and a compatible first name."""
        same = [
            a for a in self.actors.values()
            if a.kind == "person" and same_surname(a.name, m.name)
            and (first_names_compatible(a.name, m.name) or ends_with(a.name, m.name)
                 or ends_with(m.name, a.name))
        ]  # fmt: skip
        actor = (
            same[0] if same else self.actors.setdefault(m.name, Actor(m.name, "person", m.title, m))
        )
        if ends_with(m.name, actor.name) and m.name != actor.name:
            # "García Harfuch" first, "Omar García Harfuch" later: keep the longer name.
            for earlier in self.mentions:
                if earlier.name == actor.name:
                    earlier.name = m.name
            actor.name = m.name
        if actor.title is None and m.title is not None:
            actor.title = m.title
        actor.forms.append(m.name)
        m.name = actor.name
        self.mentions.append(m)

    def add_surnames(self, org_spans: Spans) -> None:
        """Surnames: "Bondi", "Caro Quintero", "President Trump"; not "Trump administration"."""
        for actor in list(self.actors.values()):
            for form in surname_forms(actor.name):
                for hit in re.finditer(rf"(?<![\w\u2019'-]){re.escape(form)}(?![\w-])", self.text):
                    span = hit.span()
                    if self.taken.overlaps(*span) or org_spans.overlaps(*span):
                        continue
                    self.mentions.append(Mention(*span, actor.name, "person", None, False))
                    self.taken.add(*span)
                    self.names.add(*span)
                    actor.forms.append(form)

    def add_short_name(self, m: Mention) -> None:
        """A short mention with a title and no full name elsewhere ("President Trump")."""
        if self.taken.overlaps(m.start, m.end):
            return
        actor = self.actors.setdefault(m.name, Actor(m.name, "person", m.title, m))
        actor.forms.append(m.name)
        self.mentions.append(m)
        self.taken.add(m.start, m.end)
        self.names.add(m.end - len(m.name), m.end)

    def add_place(self, m: Mention, places: Spans) -> None:
        """An organisation or a country, unless it sits inside a person's name."""
        if self.names.overlaps(m.start, m.end) or places.overlaps(m.start, m.end):
            return
        places.add(m.start, m.end)
        name = m.name
        if m.kind == "organisation":
            # "Department of Justice" after "U.S. Department of Justice": the same organisation.
            for other in self.actors.values():
                if other.kind == "organisation" and (
                    other.name.endswith(" " + name) or name.endswith(" " + other.name)
                ):
                    name = other.name
                    break
        actor = self.actors.setdefault(name, Actor(name, m.kind, None, m))
        if m.kind == "organisation" and m.full and len(m.name) > len(actor.name):
            actor.name, name = m.name, m.name
            self.actors[name] = actor
        actor.forms.append(self.text[m.start : m.end])
        m.name = actor.name
        self.mentions.append(m)


def find_actors(text: str) -> tuple[list[Actor], list[Mention]]:
    """Group mentions into actors; return the actors and every mention, linked by name."""
    persons = _person_mentions(text)
    cast = _Cast(text)
    # Full names first, so that surname mentions link to them.
    for m in persons:
        if m.full:
            cast.add_full_name(m)
    orgs = _org_mentions(text)
    # Organisations may sit inside a person's title ("U.S. DEA agent"), not inside a name.
    cast.names = Spans((m.end - len(m.name), m.end) for m in cast.mentions)
    cast.taken = Spans((m.start, m.end) for m in cast.mentions)
    cast.add_surnames(Spans((o.start, o.end) for o in orgs))
    for m in persons:
        if not m.full:
            cast.add_short_name(m)
    places = Spans()
    for m in [*orgs, *_country_mentions(text)]:
        cast.add_place(m, places)
    unique = list({id(a): a for a in cast.actors.values()}.values())
    counted = Counter((m.name, m.kind) for m in cast.mentions)
    for actor in unique:
        actor.n_mentions = counted[actor.name, actor.kind]
    cast.mentions.sort(key=lambda x: x.start)
    return unique, cast.mentions

"""People (with the title the text gives them), organisations and countries.

A person is found by a title before the name ("Attorney General Pam Bondi", "legal scholar
Tania Ruiz"), an appositive before or after it ("Mexico's Economy Secretary, Alfonso Ruelas,";
"Rafael Caro Quintero, a drug lord"; "described as a plaza boss"), a nickname (`Luis "El
Flaco" Romero`, `alias "El Contador"`), a speech verb ("said Pam Bondi"), a relative clause,
an age or an accusation ("Jorge Tellez, who ...", "Ortiz Ruiz, 58,", "X, accused of ..."), or
a list ("The group included Ana María López-Ortega, Pedro Ruiz and Tomás Vega"). Names keep
middle initials ("John Q. Public"), compound surnames and a withheld surname (`Baltazar "N"`);
titles drop hedges and evaluative adjectives ("a suspected Sinaloa Cartel hitman" -> "Sinaloa
Cartel hitman"). Later mentions by surname ("Bondi") link to the full name; a nickname given
apart is an alias.

An organisation is a capitalised run holding a word that heads an organisation's name
("Department", "Cartel", "Embassy"), split where one ends and the next begins ("the DEA and
Homeland Security Investigations"), or a name spelled out before its acronym, a known acronym
or criminal group; an acronym or short form in parentheses is an alias. Treaties, laws,
platforms, places and operations are not organisations (``benchmarks/ANNOTATION.md``).
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
    NICKNAME,
    SP,
    SPEECH_VERBS,
    UP,
    WEEKDAYS,
    WITHHELD,
    Mention,
    Spans,
    alternation,
)
from analysis.ingest.names import (
    ends_with,
    first_names_compatible,
    plain_name,
    same_surname,
    surname_forms,
)

__all__ = ["Actor", "find_actors"]

_CAP_HEADS = (
    "Deputy Attorney General", "Attorney General", "Vice President", "President",
    "Secretary of State", "Secretary", "Ambassador", "Foreign Minister", "Prime Minister",
    "Minister", "Governor", "Senator", "Sen.", "Representative", "Rep.", "Gov.", "Mayor",
    "Chief Justice", "Justice", "Magistrate", "Judge", "Director", "Administrator",
    "Commissioner", "Deputy", "Sheriff", "Officer", "Special Agent in Charge", "Agent in Charge",
    "Assistant Director in Charge", "Director in Charge",
    "Special Agent", "Agent", "Prosecutor", "General", "Gen.", "Admiral", "Colonel",
    "Col.", "Lt.", "Capt.", "Sgt.", "Spokesperson", "Spokesman", "Spokeswoman", "Chancellor",
    "Pope", "King", "Queen", "Chief", "Czar", "Envoy", "Consul", "Congressman", "Congresswoman",
    "Marshal", "Superintendent", "Commander", "Dr.", "Mr.", "Mrs.", "Ms.", "Head", "Chairman",
    "Chairwoman", "Chair", "Undersecretary", "Attorney", "Coordinator", "Counselor", "Adviser",
    "Advisor",
)  # fmt: skip
#: Kinship nouns: heads that find a person (see :data:`_KIN`).
_KIN_HEADS: Final = (
    "mother", "father", "brother", "sister", "son", "daughter", "wife", "husband", "widow",
)  # fmt: skip
_LOW_HEADS = (
    "drug lord", "drug kingpin", "kingpin", "cartel leader", "cartel boss", "leader", "boss",
    "co-founder", "founder", "suspect", "fugitive", "defendant", "lawyer", "attorney",
    "spokesperson", "spokesman", "spokeswoman", "prosecutor", "judge", "official", "minister",
    "secretary", "ambassador", "president", "commander", "trafficker", "operative", "agent",
    "officer", "deputy", "sheriff", "journalist", "reporter", "analyst", "expert", "senator",
    "governor", "mayor", "director", "chief", "czar", "envoy", "lawmaker", "activist",
    "professor", "researcher", "capo", "hitman", "informant", "witness", "victim", "scholar",
    "operator", "head", "lieutenant", "financier", "accountant", "enforcer", "chemist",
    "pilot", "guard", "soldier", "adviser", "advisor", "historian", "economist", "consultant",
    "coordinator", "negotiator", "diplomat", "legislator", "congressman", "congresswoman",
    "deputy attorney general", "attorney general", "scientist", "political scientist",
    "fellow", "senior fellow", "strategist", "columnist", "criminologist", "sociologist",
    "specialist", "commentator", "author", "editor", "correspondent", "special agent in charge",
    "lookout", "plaza chief", "plaza boss", "hit man", "gunman", "courier", "smuggler",
    "agent in charge", "buyer", "supplier", "broker", "consul general", "consul",
    "business partner", "partner", "associate", "bodyguard", "treasurer", "manager",
    "magnate", "tycoon", "notary public", "notary", "banker",
    "priest", "businessman", "businesswoman", "entrepreneur", "student", "teacher", "doctor",
    *_KIN_HEADS,
)  # fmt: skip
#: Heads of a kinship, which find a person but are no title ("Quiroga's younger brother,
#: Ezequiel Quiroga,": a kinship is not a role noun, as the gold files annotate it).
_KIN: Final = frozenset(_KIN_HEADS)

_CAP_HEADS_LONGEST: Final = tuple(sorted(_CAP_HEADS, key=len, reverse=True))
#: Words in -ing that modify a title rather than start a clause ("a cooperating witness").
_ING_ADJECTIVES: Final = frozenset({
    "cooperating", "acting", "presiding", "managing", "leading", "founding", "ruling",
    "serving", "visiting", "consulting", "reigning", "outgoing", "incoming", "ranking",
    # nouns in -ing that name a trade: "a Sonora trucking magnate"
    "trucking", "shipping", "banking", "mining", "publishing", "housing", "manufacturing",
    "engineering", "accounting", "trading", "logistics", "farming", "ranching", "gambling",
})  # fmt: skip
#: Heads of several words, whose own words are not modifiers ("agent in charge").
_MULTIWORD_HEADS: Final = tuple(
    sorted((h for h in (*_CAP_HEADS, *_LOW_HEADS) if " " in h), key=len, reverse=True)
)
#: Words of a title that a run of capitalised words may start with ("Ambassador Howard Lyle").
_TITLE_WORDS: Final = frozenset(w for h in _CAP_HEADS for w in h.split())
_HEAD = rf"(?:{alternation(_CAP_HEADS)}|\b(?:{alternation(_LOW_HEADS)}))(?![\w-])"
_MOD = rf"(?:U\.S\.|[A-Z]{{2,6}}|[{UP}][{LO}]+(?:\u2019s|'s)?)"
#: Lowercase words that cannot modify a title ("said", "the", "including"): closed classes,
#: verbs of speech and being.
_NOT_MODS: Final = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
    "your", "some", "any", "each", "every", "other", "another", "such", "both", "all", "no", "of",
    "to", "for", "at", "in", "on", "by", "with", "from", "into", "onto", "over", "under", "after",
    "before", "during", "between", "against", "among", "about", "as", "than", "and", "or", "but",
    "nor", "so", "yet", "if", "when", "where", "while", "who", "whom", "whose", "which", "what",
    "why", "how", "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do",
    "does", "did", "will", "would", "can", "could", "may", "might", "must", "shall", "should",
    "also", "then", "now", "not", "only", "just", "even", "still", "already", "there", "here",
    "said", "says", "told", "tells", "added", "stated", "wrote", "announced", "confirmed", "noted",
    "argued", "warned", "declared", "called", "named", "including", "included", "according", "met",
    "sent", "led", "gave", "took", "saw", "left", "fled", "shot", "hit", "caught", "held",
    "brought", "put", "became", "made", "got", "went", "came", "found", "thought", "knew",
    "spoke", "ran", "won", "lost", "paid", "sought", "kept", "let", "set", "meet", "see",
    "give", "take", "send", "hold", "bring", "ask", "asks", "like", "via", "per",
})  # fmt: skip
#: Words that open a name of several words, so a title's complement does not end on them:
#: "security chief for La Familia Michoacana", "U.S. Attorney for the Southern District".
_NAME_OPENERS = r"(?:La|Las|Los|El|Del|Southern|Northern|Eastern|Western|Central|Middle)"
#: A lowercase word that may modify a title ("former", "legal", "state police"): not a
#: word of a closed class, a verb of speech or being, nor shaped like a verb or an adverb.
_LOWMOD = (
    rf"(?:(?!(?:{'|'.join(sorted(_NOT_MODS))}|{SPEECH_VERBS})(?![\w-]))"
    r"(?![a-z]+(?:ed|ing|ly)(?![\w-]))[a-z][a-z-]*)"
)
_COMPLEMENT = (
    rf"(?:{SP}(?:to|of|for){SP}(?:the{SP})?(?:U\.S\.|United{SP}States|"
    rf"(?!{_NAME_OPENERS}\b)[{UP}][\w\u2019'-]+))"
)
#: An organisation after a title: "of the Secretariat of Security and Citizen Protection".
_ORG_COMPLEMENT = (
    rf"(?:{SP}(?:of|for|at){SP}(?:the{SP})?(?:U\.S\.|[{UP}][\w\u2019'-]*)"
    rf"(?:{SP}(?:(?:of|and|for|the){SP})*(?:U\.S\.|[{UP}][\w\u2019'-]*))*)"
)
_TITLE = rf"(?:(?:{_MOD}|{_LOWMOD}){SP}){{0,3}}{_HEAD}{_COMPLEMENT}?"
#: Words before a title that the title drops ("infamous drug lord" -> "drug lord"): hedges
#: and evaluative adjectives (benchmarks/ANNOTATION.md, "title").
_HEDGES: Final = frozenset({
    "alleged", "suspected", "reputed", "purported", "presumed", "accused", "infamous", "notorious",
    "feared", "powerful", "so-called", "self-styled", "self-described", "ruthless", "elusive",
    "legendary", "convicted",
})  # fmt: skip
_COUNTRY_POSSESSIVE = rf"(?:{alternation((*COUNTRIES, 'America', 'Washington'))})(?:\u2019s|'s)"

#: Capitalised words that start a sentence or a clause, never a title or a name.
_STOP: Final = frozenset({
    "A", "An", "The", "This", "That", "These", "Those", "When", "While", "If", "In", "On", "At",
    "As", "But", "And", "After", "Before", "Earlier", "Later", "Also", "Then", "Under",
    "According", "Last", "Next", "Today", "Yesterday", "Meanwhile", "Among", "Including",
    "However", "Since", "Until", "During", "Both", "Former", "Now", "So", "Yet", "Still", "It",
    "He", "She", "They", "We", "I", "You", "Our", "Their", "His", "Her", "Its", "One", "Another",
    "Some", "Many", "Most", "Several", "Each", "Every", "Why", "How", "What", "Who", "Where",
    "Which", "Even", "Only", "Just", "Federal", "State", "Of", "For", "From", "To", "By", "With",
    "Through", "Although", "Though", "Because", "Once",
})  # fmt: skip
#: Words of :data:`_STOP` that may start an organisation's name ("State Department").
_ORG_FIRST: Final = frozenset({"State", "Federal"})
#: Words that start organisation names ("Mexican National Guard") but never a person's name.
_DEMONYMS: Final = frozenset({"Mexican", "American"})
_NOT_NAME: Final = _STOP | _DEMONYMS

#: Words that head an organisation's name ("Security Cabinet", "Cárteles Unidos").
_ORG_HEADS: Final = frozenset({
    "Department", "Ministry", "Secretariat", "Office", "Bureau", "Agency", "Administration",
    "Commission", "Committee", "Council", "Cabinet", "Court", "Courts", "Tribunal", "Cartel",
    "Cártel", "Cárteles", "Carteles", "Organization", "Organisation", "Guard", "Navy", "Army", "Customs",
    "Police", "Patrol", "Force", "Treasury", "Embassy", "Consulate", "University", "Investigations",
    "Service", "Services", "Senate", "Congress", "House", "Institute", "Bank", "Company",
    "Corporation", "Party", "Unit", "Command", "Forces", "Marines", "Union", "Federation",
    "Association", "Center", "Centre", "Foundation", "Network", "Prosecutor’s", "Chamber",
    "Reserve", "Group", "Board", "Authority", "Directorate", "Division", "Corps", "Mission",
    "Enforcement", "Banco", "Grupo", "Secretaría", "Fiscalía", "Procuraduría", "Instituto",
    "Universidad", "Ejército", "Guardia", "Comisión", "Consejo", "Policía", "Marina",
    "Colegio", "Centro", "Escuela", "Suprema", "Cámara", "Section", "College", "School",
    "Marshals", "Cluster", "Coalition", "Alliance", "Confederation", "Consortium", "Society", "League", "Caucus",
})  # fmt: skip
#: Single words that are organisations alone.
_SINGLE_ORGS: Final = frozenset({
    "Senate", "Congress", "Navy", "Army", "Pentagon", "Interpol", "Treasury",
})  # fmt: skip
#: Words that make a capitalised run a law, a treaty, a platform, a place or an operation,
#: none of which is an organisation (benchmarks/ANNOTATION.md, "Organisations").
_NOT_ORG_WORDS: Final = frozenset({
    "Law", "Act", "Treaty", "Agreement", "Accord", "Accords", "Convention", "Code", "Constitution",
    "Article", "Palace", "Base", "Airport", "Prison", "Penitentiary", "Operation", "Program",
    "Programme", "Plan", "Conference", "Social", "Initiative", "Strategy", "Summit", "Bill",
    "Decree", "Reform", "Amendment", "Street", "Avenue", "Bridge", "Square", "Building", "Tower",
    "Hotel", "Hospital", "Stadium", "Wire",
})  # fmt: skip
#: Words that make a capitalised run an organisation or a place, not a person.
_ORG_WORDS: Final = _ORG_HEADS | _NOT_ORG_WORDS | frozenset({
    "Agreement", "Security", "Team", "States", "Nations", "Government", "Justice", "Republic",
    "City", "County", "Attorney", "General", "Reuters", "Press", "Enforcement", "Homeland",
    "Defense", "Defence", "National", "Federal", "Cabinet", "Protection", "Citizen", "Trade",
    "Economy", "Wire", "News", "Radio", "Television", "Televisión", "Channel", "Newspaper",
    "Motors",
})  # fmt: skip

_PLACE_WORDS: Final = frozenset(
    [*(w for c in COUNTRIES for w in c.split()), "Los", "Angeles", "Washington", "Sinaloa",
     "Jalisco", "Texas", "California", "Arizona", "Tijuana", "Juárez", "Culiacán", "Chicago",
     "San", "Santa", "Santo", "Nuevo", "Nueva", "Ciudad", "Puerto", "Villa", "Las", "El",
     "Baja", "New", "Mexicali", "Guadalajara", "Monterrey", "Tamaulipas", "Michoacán",
     "Sonora", "Chihuahua", "Guerrero", "Oaxaca", "Veracruz", "Zacatecas", "Durango",
     "Coahuila", "Houston", "Miami", "Phoenix", "Laredo", "Matamoros", "Reynosa", "Acapulco",
     "Cancún", "Sinaloa’s", "Mexico’s", "Rancho", "Sierra", "Tierra", "Cerro", "Valle", "Playa",
     "Colonia", "Piedras", "Nuevo", "Laredo", "Caliente", "Quintana", "Roo", "Yucatán",
     "Puebla", "Tabasco", "Colima", "Nayarit", "Querétaro", "Guanajuato", "Chiapas",
     "Campeche", "Florida", "Illinois", "Nevada", "Arizona’s", "Texas’s", "Mazatlán",
     "Hermosillo", "Ensenada", "Tucson", "Atlanta", "Boston", "Denver", "Seattle", "Brooklyn",
     "Manhattan"]
)  # fmt: skip
#: Compass words that open a region's name: "Southern California", "Northern Mexico".
_COMPASS: Final = frozenset(
    {"Southern", "Northern", "Eastern", "Western", "Central", "South", "North", "East", "West"}
)
#: Criminal groups whose names hold no word that heads an organisation's name.
_GROUPS: Final = (
    "Los Zetas", "La Familia Michoacana", "La Nueva Familia Michoacana", "Los Chapitos",
    "Los Mayos", "La Línea", "Los Viagras", "Guerreros Unidos", "Los Rojos", "Los Ardillos",
    "Caballeros Templarios", "Knights Templar", "Tren de Aragua", "MS-13", "Barrio Azteca",
    "Los Mexicles", "La Barredora", "Los Tlacos", "Cárteles Unidos", "Carteles Unidos",
    "Mara Salvatrucha",
)  # fmt: skip
_GROUP_NAMES: Final = frozenset(g.casefold() for g in _GROUPS)
#: Companies and banks these stories name, whose names hold no head word.
_COMPANIES: Final = (
    "General Motors", "Ford Motor", "Stellantis", "Volkswagen", "Pemex", "Cemex", "Banorte",
    "Banamex", "BBVA México", "Walmart", "Grupo México", "Televisa", "TV Azteca", "Femsa",
    "Citibanamex", "HSBC", "CIBanco", "Intercam", "Vector Casa de Bolsa",
)  # fmt: skip
_ACRONYM_ORGS: Final = (
    "DEA", "FBI", "ATF", "DOJ", "DHS", "CBP", "ICE", "FGR", "PGR", "SEDENA", "SEMAR", "CJNG",
    "CIA", "NSC", "DOD", "UN", "NATO", "SSPC", "UIF", "USTR", "HSI", "OFAC", "INM", "CNDH",
    "UNAM", "SRE", "SHCP", "USMS", "CNI",
)  # fmt: skip
#: What a capitalised run of an organisation's name is made of.
_ORG_TOKEN = rf"(?:U\.S\.|[{UP}][\w\u2019'-]*[\w]|[{UP}])"
_ORG_RUN = (
    rf"(?<![\w\u2019'.-]){_ORG_TOKEN}(?:(?:{SP}(?:of|for|and|de|del|of{SP}the|for{SP}the|"
    rf"in|on){SP}|{SP}){_ORG_TOKEN})*"
)


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
    """A title as the ledger keeps it: no article, hedge or evaluative adjective before it,
    no possessive country (that is the person's country, not the title)."""
    words = title.split()
    while words and (
        words[0].strip(",") in _STOP
        or words[0].casefold() in _HEDGES
        or re.fullmatch(_COUNTRY_POSSESSIVE, words[0])
    ):
        words.pop(0)
    return " ".join(words) or None


def _title_ok(title: str | None) -> bool:
    """The words of a title before its head and complement ("of the ...") are modifiers."""
    if title is None:
        return False
    for head in _MULTIWORD_HEADS:  # "Special Agent in Charge": its own words are no modifiers
        if head.casefold() in title.casefold():
            title = re.sub(
                rf"\b{re.escape(head)}\b", head.replace(" ", "_"), title, flags=re.IGNORECASE
            )
    words = re.split(rf"{SP}(?:of|for|to|at){SP}", title, maxsplit=1)[0].split()
    return not any(w in _NOT_MODS for w in words[:-1])


def _name_ok(name: str, *, min_tokens: int = 2) -> bool:
    tokens = plain_name(name).split()
    if len(tokens) < min_tokens:
        return False
    if any(
        (t in _ORG_WORDS and not (t == "Marina" and (not i or tokens[i - 1] not in ("de", "la"))))
        or t in _NOT_NAME
        for i, t in enumerate(tokens)
    ):
        return False  # "Luz Marina Treviño" is a person, "Secretaría de Marina" the navy
    if any(t in WEEKDAYS or t in MONTHS for t in tokens):
        return False
    if plain_name(name).casefold() in _GROUP_NAMES:
        return False  # "Prosecutors charged Tren de Aragua with terrorism": a group
    if tokens[0] in _COMPASS and all(t in _PLACE_WORDS for t in tokens[1:]):
        return False  # "Southern California": a region
    return not all(t in _PLACE_WORDS for t in tokens) and tokens[0] not in _PLACE_WORDS


#: Given names that are the second part of a compound first name ("José Luis", "María José").
_GIVEN_NAMES: Final = frozenset({
    "Luis", "Carlos", "José", "María", "Juan", "Antonio", "Manuel", "Alberto", "Eduardo",
    "Alejandro", "Fernando", "Javier", "Miguel", "Ángel", "Angel", "Francisco", "Jesús",
    "Guadalupe", "Elena", "Isabel", "Teresa", "Fernanda", "Andrea", "Pablo", "David", "Daniel",
    "Jorge", "Ramón", "Rafael", "Enrique", "Ignacio", "Alfredo", "Adolfo", "Margarita",
    "Eugenia", "Cristina", "Patricia", "Alejandra", "Gabriela", "Andrés", "Felipe", "Arturo",
    "Roberto", "Ricardo", "Armando", "Emilio", "Mario", "Pedro", "Pilar", "Rosa", "Luz",
})  # fmt: skip


def _paternal(name: str) -> list[str]:
    """The first of two surnames, as Spanish-language news shortens a name ("Bañuelos" for
    Rodrigo Bañuelos Ferrer, "Cifuentes" for Gustavo Adolfo Cifuentes Lara): the word before
    the last, when the name has three words or more, both end words are capitalised words,
    and the last is not a compound surname of its own ("Ana María López-Ortega")."""
    tokens = plain_name(name).split()
    if len(tokens) < 3 or "-" in tokens[-1]:
        return []
    first, last = tokens[-2], tokens[-1]
    if not (re.fullmatch(r"[^\W\d_][\w’'-]+", first) and first[0].isupper()):
        return []
    if first in _GIVEN_NAMES:  # "José Luis Martínez": a compound first name
        return []
    return [first] if last[0].isupper() and first not in _NOT_NAME else []


def _least(name: str) -> int:
    """The words a name needs: one with a withheld surname (`Baltazar "N"`), else two."""
    return 1 if re.fullmatch(WITHHELD, name) else 2


def _trim_name(name: str) -> str:
    """Drop trailing words that end a name run but are not part of the name."""
    tokens = name.split()
    while tokens and (tokens[-1] in WEEKDAYS or tokens[-1] in MONTHS or tokens[-1] in _NOT_NAME):
        tokens.pop()
    while tokens and (tokens[0] in _NOT_NAME or tokens[0] in _TITLE_WORDS):
        tokens.pop(0)
    return " ".join(tokens)


@dataclass(slots=True)
class _People:
    """Person mentions found so far; the first rule to claim words keeps them."""

    text: str
    found: list[Mention] = field(default_factory=list)
    claimed: Spans = field(default_factory=Spans)
    #: Nicknames given apart from the name (`alias "El Contador"`): (name start, nickname).
    nicknames: list[tuple[int, int, int]] = field(default_factory=list)

    def add(
        self, start: int, name_start: int, name: str, title: str | None,
        *, min_tokens: int = 2,
    ) -> Mention | None:  # fmt: skip
        """A person named at ``text[name_start:]`` (``name``), the mention starting at
        ``start`` (its title, when the title comes first)."""
        name = _trim_name(name)
        if not _name_ok(name, min_tokens=min_tokens):
            return None
        offset = self.text.find(name, name_start)
        end = (offset if offset >= 0 else name_start) + len(name)
        if self.claimed.overlaps(start, end):
            # The same name claimed by an earlier rule: that mention.
            return next((m for m in self.found if m.start <= name_start < m.end), None)
        self.claimed.add(start, end)
        if title is not None and title.split()[-1].casefold() in _KIN:
            title = None
        mention = Mention(start, end, name, "person", title, full=len(name.split()) > 1)
        self.found.append(mention)
        return mention

    def add_listed(self, m: re.Match[str], title: str | None = None) -> None:
        """Each name of the list a pattern matched in its group ``list``, with ``title``."""
        for n in re.finditer(NAME, m["list"]):
            at = m.start("list") + n.start()
            self.add(at, at, n.group(0), title)


#: Lowercase words that end a title's complement ("professor of international law at ...").
_NOT_COMPLEMENT = (
    r"(?:who|whom|whose|which|that|at|in|on|of|and|or|with|from|for|since|until|the|a|an|"
    r"said|says|told|is|was|has|had|during|after|before)"
)
#: An age written as an adjective: "a 71-year-old former financier" -> "former financier".
_AGE_WORD = r"\d{1,3}-year-old"


def _titled_people(people: _People) -> None:
    """Titles before the name, in apposition before or after it, or assigned to it."""
    text = people.text
    # Title + name: "Attorney General Pam Bondi", "U.S. DEA agent Enrique Camarena", "legal
    # scholar Tania Ibarra-Gómez".
    for m in re.finditer(rf"(?<![\w.\u2019'-])(?P<title>{_TITLE}){SP}(?P<name>{NAME})\b", text):
        title = _clean_title(m["title"])
        if title is None or not _title_ok(title):
            continue
        client = re.search(rf"{SP}(?:for|of){SP}(?P<w>[{UP}][\w\u2019'-]+)$", title)
        if (
            client is not None
            and not client["w"].isupper()
            and client["w"] not in _ORG_WORDS | _PLACE_WORDS
        ):
            continue  # "A lawyer for Ovidio Guzmán López": the name is the client's, whole
        start = m.start("title") + m["title"].index(title.split()[0])
        people.add(start, m.start("name"), m["name"], title, min_tokens=1)
    # Apposition before the name: "One suspect, Roberto Salazar,", "Mexico's Economy
    # Secretary, Alfonso Ruelas,", "the head of the Secretariat of ... (SSPC), Marcos Solís,".
    # "Quiroga's younger brother, Ezequiel Quiroga,", "the state's governor, Aurelio Lara,".
    before = (
        rf"(?:\b(?:[Oo]ne|[Aa]nother|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)|{_COUNTRY_POSSESSIVE}|"
        rf"\b(?:[Tt]he{SP}[a-z]+|[{UP}][{LO}]+)(?:\u2019s|'s))"
        rf"{SP}(?P<title>(?:(?:{_MOD}|{_LOWMOD}){SP}){{0,3}}?{_HEAD}{_ORG_COMPLEMENT}?)"
        rf"(?:{SP}\([{UP}]{{2,8}}\))?,{SP}(?P<name>{NAME})(?:,|{SP}*[\u2014\u2013]|\.(?=\s|$))"
    )  # "a municipal police officer, Alfonso Ruiz de Chávez — were detained"
    for m in re.finditer(before, text):
        title = _clean_title(m["title"])
        if _title_ok(title):
            people.add(m.start("title"), m.start("name"), m["name"], title)
    # Apposition after the name: "Rafael Caro Quintero, a drug lord", "Julio César Arreola, a
    # suspected Sinaloa Cartel hitman"; and a role the text assigns: "Luis Romero, described
    # in the indictment as a plaza boss".
    after = (
        rf"(?<![\w\u2019'-])(?!(?:United|States|Mexico)(?![\w-]))(?P<name>{WITHHELD}|{NAME}),{SP}"
        rf"(?:\d{{1,3}},{SP})?(?:(?:also{SP})?(?:alias|aka|known{SP}as|nicknamed){SP}"
        rf"(?P<nick>{NICKNAME}),?{SP})?(?:\d{{1,3}},{SP})?(?:(?:(?:is|was){SP})?(?:described|identified)"
        rf"(?:{SP}[\w\u2019'.-]+){{0,5}}?{SP}as{SP}|(?:alleged|said|believed){SP}to{SP}be{SP}|"
        rf"whom{SP}(?:[\w\u2019'.-]+{SP}){{1,3}}?(?:describe[sd]?|identif(?:y|ies|ied)|call(?:s|ed)?)"
        rf"(?:{SP}as)?{SP})?"
        rf"(?:a|an|the){SP}"
        rf"(?P<title>(?:(?:U\.S\.|[\w\u2019'-]+){SP}){{0,4}}?{_HEAD}(?:(?:{SP}(?!{_NOT_COMPLEMENT}\b)[a-z][\w-]*){{0,1}}{SP}{_HEAD})?(?:{SP}to{SP}(?:the{SP})?"
        rf"(?:{alternation(tuple(COUNTRIES))})(?![\w-])|{SP}(?:to|of|for){SP}(?:the{SP})?"
        rf"(?:(?!{_NOT_COMPLEMENT}\b)[a-z]+\b{SP}?){{1,3}})?)"
    )
    # Apposition after the name with no article, where the title's complement follows:
    # "Renata Oyelowo, special agent in charge of Homeland Security Investigations,".
    bare = (
        rf"(?<![\w\u2019'-])(?P<name>{NAME}),{SP}(?P<title>(?:[a-z][\w-]*{SP}){{0,3}}?"
        rf"(?:{alternation(_LOW_HEADS)}))(?={SP}(?:of|for|at){SP})"
    )
    for m in re.finditer(bare, text):
        words = m["title"].split()
        while words and words[0].casefold() in _HEDGES:
            words.pop(0)  # "Yolanda Estrada, alleged financial operator of ..."
        if words and _title_ok(" ".join(words)):
            people.add(m.start("name"), m.start("name"), m["name"], " ".join(words),
                       min_tokens=_least(m["name"]))  # fmt: skip
    # Two or more under one plural title: "Assistant U.S. Attorneys Colleen Marsh and Tobias
    # Renner are prosecuting the case".
    plural = (
        rf"\b(?P<title>(?:(?:Assistant|Deputy|Special|Senior){SP})?(?:U\.S\.{SP})?"
        rf"(?:Attorneys|Agents|Prosecutors|Senators|Judges|Ambassadors|Commissioners)){SP}"
        rf"(?P<list>{NAME}(?:,{SP}{NAME}){{0,12}},?{SP}and{SP}{NAME})"
    )
    for m in re.finditer(plural, text):
        people.add_listed(m, m["title"][:-1])
    for m in re.finditer(after, text):
        words = m["title"].split()
        while words and (
            words[0].casefold() in _HEDGES
            or re.fullmatch(_AGE_WORD, words[0])
            or (len(words) > 1 and re.fullmatch(r"[\w.-]+(?:\u2019|')s", words[0]))
        ):
            words.pop(0)  # "the CDN's plaza boss": the owner names the group, not the title
        title = " ".join(words)
        if (
            title
            and _title_ok(title)
            and not any(w.endswith("ing") and w not in _ING_ADJECTIVES for w in words[:-1])
        ):
            mention = people.add(
                m.start("name"), m.start("name"), m["name"], title, min_tokens=_least(m["name"])
            )
            if mention is not None and m["nick"]:
                people.nicknames.append((mention.start, *m.span("nick")))


def _untitled_people(people: _People) -> None:
    """People named with no title: with a nickname, as the subject of a speech verb, with a
    relative clause or an age, in a list or after a word that introduces people."""
    text = people.text
    # A nickname inside the name (`Luis "El Flaco" Romero`), or given apart from it
    # (`Ismael Ortega Parra, alias "El Químico"`, `Gustavo Cifuentes, "El Profe",`).
    apart = (
        rf"(?<![\w\u2019'-])(?P<name>{WITHHELD}|{NAME})(?:,?{SP}(?:alias|aka|a\.k\.a\.|known{SP}as|"
        rf"nicknamed|dubbed){SP}|,{SP}(?=[\u201c\"][^\u201d\"\n]{{1,30}}[\u201d\"]{SP}*[,)])|"
        rf"{SP}\()(?P<nick>{NICKNAME})"
    )
    for m in re.finditer(rf"(?<![\w\u2019'-]){WITHHELD}", text):
        people.add(m.start(), m.start(), m.group(0), None, min_tokens=1)
    for m in re.finditer(apart, text):
        mention = people.add(
            m.start("name"), m.start("name"), m["name"], None, min_tokens=_least(m["name"])
        )
        if mention is not None:
            people.nicknames.append((mention.start, *m.span("nick")))
    for m in re.finditer(rf"(?<![\w\u2019'-])(?P<name>{NAME})", text):
        if re.search(NICKNAME, m["name"]):
            people.add(m.start(), m.start(), m["name"], None)
    # Lists: "The group included Ana María López-Ortega, Pedro Ruiz and Tomás Vega"; three
    # names or more, or two after a word that introduces people.
    cue = (
        r"(?:included|includes|including|among them|among those|such as|named|were|are|"
        r"identified as|namely|(?:extradition|transfer|expulsion|deportation)"
        r"(?: to the United States| to Mexico)? of)"
    )
    age = rf"(?:,{SP}\d{{1,3}})?"  # "Ofelia Zamora Gil, 51, and Rito Ordaz Leal"
    listed = (
        rf"(?P<cue>\b{cue}:?{SP})?(?<![\w\u2019'-])(?P<list>{NAME}{age}(?:,{SP}{NAME}{age}){{0,12}},?"
        rf"{SP}(?:and|or){SP}{NAME})"
    )
    for m in re.finditer(listed, text):
        names = list(re.finditer(NAME, m["list"]))
        if len(names) < 3 and m["cue"] is None:
            continue
        if not all(_name_ok(_trim_name(n.group(0))) for n in names):
            continue
        for n in names:
            at = m.start("list") + n.start()
            people.add(at, at, n.group(0), None)
    for m in re.finditer(rf"\b{cue}:?{SP}(?P<name>{NAME})(?=[,.;:]|{SP}(?:and|who|of)\b)", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # A list of names that ends in others unnamed: "Sofía Báez-Landa, Gerardo Uribe Toledo,
    # Arturo Nava Cisneros and six other persons".
    unnamed = r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\d+|several|some)"
    for m in re.finditer(
        rf"(?<![\w\u2019'-])(?P<list>{NAME}(?:,{SP}{NAME}){{1,12}}),?{SP}and{SP}{unnamed}{SP}"
        rf"(?:[a-z]+{SP})?(?:other|more)\b",
        text,
    ):
        people.add_listed(m)
    # In apposition to a defendant of a case or to one of a group, which is no title: "A
    # fourth defendant in the money laundering case, Rubén Ocampo Díaz,", "lawyers for one of
    # them, Baltasar Quiroga Félix,".
    one_of = (
        rf"\b(?:(?:[Aa]n?|[Aa]nother|[Tt]he|[Oo]ne)(?:{SP}[a-z][\w-]*){{0,2}}?{SP}(?:suspect|"
        rf"defendant|co-defendant|fugitive|accomplice)(?:{SP}(?:in|of|on){SP}[^,;.\n]{{1,40}})?|"
        rf"\b(?:one|two|three|four|five|some|several|each|all|most){SP}of{SP}(?:them|those|these|"
        rf"the{SP}(?:[\w-]+{SP})?(?:defendants|suspects|men|women|accused|prisoners|"
        rf"detainees|fugitives|leaders|brothers|sons|sisters|victims|inmates))),{SP}(?P<name>{NAME}),"
    )
    for m in re.finditer(one_of, text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # Several in apposition to a number of someone's people: "Two of his cousins, Mateo
    # Salgado and Irene Paz Olvera, were detained".
    some_of = (
        rf"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Bb]oth|[Ss]everal|\d+){SP}of{SP}"
        rf"(?:them|those|the{SP}other{SP}(?:two|three|four|five|six|seven|eight|nine|ten|\d+)|"
        rf"(?:his|her|their|the{SP}(?:[\w-]+{SP})?(?:defendants|suspects|accused)|"
        rf"[{UP}][\w-]+(?:\u2019s|'s))(?:{SP}[a-z][\w-]*){{1,2}}),{SP}"
        rf"(?P<list>{NAME}(?:,{SP}{NAME}){{0,12}},?{SP}and{SP}{NAME}),"
    )
    for m in re.finditer(some_of, text):
        people.add_listed(m)


def _people_by_what_they_do(people: _People) -> None:
    """People named with no title as the subject of a speech verb (an appositive between
    allowed), with a relative clause, an age or an accusation, or as the subject of what is
    done to suspects."""
    text = people.text
    # Name + speech verb, or speech verb + name: "Roberto Salazar said", "said Pam Bondi".
    for m in re.finditer(rf"(?<![\w\u2019'.-])(?P<name>{NAME}),?{SP}(?:{SPEECH_VERBS})\b", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    for m in re.finditer(rf"\b(?:{SPEECH_VERBS}){SP}(?P<name>{NAME})\b", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # Name, appositive, speech verb: "Mark Hale, a Republican from Texas, said".
    for m in re.finditer(
        rf"(?<![\w\u2019'.-])(?P<name>{NAME}),{SP}(?:a|an|the){SP}[^,.;\n\u201c\u201d\"]{{1,60}},"
        rf"{SP}(?:{SPEECH_VERBS})\b",
        text,
    ):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # A relative clause, an age or an accusation: "Jorge Tellez, who ran ...", "Ortiz Ruiz,
    # 58,", "Teodoro Bañuelos, accused of ordering ...".
    tied = (
        r"\d{2}(?:,|;|\s*[\u2014\u2013)]\s*(?:were|are|was|is|have|had|face|faced|remain|all|"
        r"both)\b)|(?:who|whom|whose|accused|charged|wanted|suspected|convicted|sentenced|"
        r"indicted|arrested|detained|extradited|captured)\b"
    )
    for m in re.finditer(rf"(?<![\w\u2019'.-])(?P<name>{NAME}),{SP}(?:{tied})", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # Two or more named before the same: "Octavio Lugo and Rigoberto Lugo, wanted on ...".
    for m in re.finditer(
        rf"(?<![\w\u2019'.-])(?P<list>{NAME}(?:,{SP}{NAME}){{0,12}},?{SP}and{SP}{NAME}),{SP}(?:{tied})",
        text,
    ):
        people.add_listed(m)
    # Items of a list split by semicolons, one of which is a person already: "...; Héctor
    # Villanueva de los Santos; María Fernanda del Río Soto; and Braulio Montes."
    for m in re.finditer(rf";{SP}(?:and{SP})?(?P<name>{NAME})(?=;|\.(?:\s|$))", text):
        opens = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
        item = max(opens, text.rfind(";", 0, m.start()))  # where the item before this starts
        first = item == opens
        starts = [f.start for f in people.found if item < f.start < m.start()]
        if not starts:
            continue
        lead = text[item + 1 : starts[0]]
        if (first and re.search(rf"\b(?:were|are|included?|includes|including|among{SP}them|"
                                rf"namely)\s*:?\s*$|:\s*$", lead)) or (
            not first and re.fullmatch(rf"\s*(?:and{SP})?", lead)
        ):  # fmt: skip
            # every item before is a person: "Among them were X, alias ...; Y; and Z."
            people.add(m.start("name"), m.start("name"), m["name"], None)
    # The subject of a passive of what is done to suspects: "Tomás Ledesma Ruiz was also
    # extradited", "Inés Cabral Ruiz is charged with ...", or of a plea: "... pleaded guilty".
    done_to = (
        r"(?:(?:is|was|has\s+been|had\s+been)\s+(?:also\s+|later\s+|then\s+)?(?:extradited|"
        r"arrested|detained|captured|charged|indicted|sentenced|convicted|transferred|expelled|"
        r"deported|sent|flown|handed\s+over|accused)|pleaded\s+(?:not\s+)?guilty)\b"
    )
    for m in re.finditer(rf"(?<![\w\u2019'.-])(?P<name>{NAME}),?{SP}{done_to}", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # Several named as the subject of a plural passive: "Rigoberto Salmerón and Yadira Montes
    # de Oca are charged with ...".
    plural_done = (
        r"(?:are|were|have\s+been|had\s+been)\s+(?:also\s+|both\s+|all\s+)?(?:extradited|"
        r"arrested|detained|captured|charged|indicted|sentenced|convicted|transferred|expelled|"
        r"deported|sent|flown|handed\s+over|accused|wanted)\b"
    )
    for m in re.finditer(
        rf"(?<![\w\u2019'.-])(?P<list>{NAME}(?:,{SP}{NAME}){{0,12}},?{SP}and{SP}{NAME}){SP}{plural_done}",
        text,
    ):
        people.add_listed(m)
    # The object of an arrest or a handover: "Soldiers detained Mauro Ochoa Real on Monday".
    done = (
        r"\b(?:arrested|detained|captured|extradited|expelled|deported|apprehended|"
        r"arrest|detain|capture|extradite|expel|deport)"
    )
    then = r"(?=\s*[,.;:)]|\s+(?:on|in|at|near|last|this|early|late|after|before|and|who|as|for)\b)"
    # "... extradited to the United States Rogelio Fuentes Ibarra, a former police chief".
    towards = rf"(?:to{SP}(?:the{SP})?(?:United{SP}States|U\.S\.|Mexico){SP})?"
    for m in re.finditer(rf"{done}{SP}{towards}(?P<name>{NAME})\b(?![\u2019'-]){then}", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)
    # The object of an accusation: "Prosecutors accuse Rosalba Ceniceros of running labs".
    accuse = rf"\b(?:accuse|accuses|accused|accusing|charged|charge|charges|charging|indicted){SP}(?P<name>{NAME})"
    for m in re.finditer(rf"{accuse}{SP}(?:of|with)\b", text):
        people.add(m.start("name"), m.start("name"), m["name"], None)


def _full_names(people: _People) -> None:
    """A name of three words or more (two surnames, as Spanish-language names are written)
    that no rule has claimed and that names no organisation or place: "For most of his adult
    life, Evaristo Quintero Lagunas was a ghost"."""
    for m in re.finditer(rf"(?<![\w\u2019'.-])(?P<name>{NAME})(?![\w\u2019'-])", people.text):
        name = _trim_name(m["name"])
        tokens = [t for t in plain_name(name).split() if t[0].isupper()]
        before = people.text[max(0, m.start() - 6) : m.start()]
        after = people.text[m.end() : m.end() + 3]
        if re.search(r"\b(?:the|of|an?|and)\s+$", before, re.IGNORECASE) or re.match(
            rf"{SP}(?:[{UP}]|\()", after
        ):
            continue  # "in the Rio Grande Valley", "Chamber of Auto Parts Makers": no person
        if len(tokens) >= 3 and not any(t in _PLACE_WORDS for t in tokens):
            people.add(m.start("name"), m.start("name"), m["name"], None)


def _person_mentions(text: str) -> _People:
    people = _People(text)
    _titled_people(people)
    _untitled_people(people)
    _people_by_what_they_do(people)
    _full_names(people)
    people.found.sort(key=lambda x: x.start)
    return people


def _org_name(run: str, *, head: bool = True) -> str | None:
    """The organisation a capitalised run names, or None: the run without the words that
    start a sentence or give the country's possessive, ending at its last capitalised word;
    it must hold a word that heads an organisation and none of a law, treaty or place."""
    tokens = run.split()
    while tokens and (
        (tokens[0] in _STOP and tokens[0] not in _ORG_FIRST)
        or re.fullmatch(_COUNTRY_POSSESSIVE, tokens[0])
        or tokens[0].casefold() in _UNITS_WORDS  # "Three Mexican Navy helicopters"
    ):
        tokens.pop(0)
    while tokens and not tokens[-1][0].isupper():
        tokens.pop()
    if tokens and re.search(r"\w(?:\u2019|')s$", tokens[-1]):
        tokens[-1] = tokens[-1][:-2]  # "the Gulf Cartel's biggest suppliers"
    cut = next(
        (
            i for i in range(2, len(tokens))
            if tokens[i] in _TRAILING_TITLES and tokens[i - 1][0].isupper()
            and any(t in _ORG_HEADS for t in tokens[:i])
            and not any(t in _ORG_HEADS for t in tokens[i:])  # "Navy Special Warfare Command"
        ),
        None,
    )  # fmt: skip
    if cut is not None:
        tokens = tokens[:cut]  # "Homeland Security Investigations Special Agent Ana Ruiz"
    while len(tokens) >= 2 and tokens[-1] in _MEMBERS and tokens[-2] in _ORG_HEADS:
        tokens.pop()  # "Senate Democrats": members of the Senate
    if not tokens:
        return None
    if any(t in _NOT_ORG_WORDS for t in tokens):
        return None
    if len(tokens) == 1:
        return tokens[0] if tokens[0] in _SINGLE_ORGS else None
    if head and not any(
        t in _ORG_HEADS and (t != "Marina" or (i and tokens[i - 1] in ("de", "la")))
        for i, t in enumerate(tokens)
    ):
        return None  # "Secretaría de Marina" is the navy; "Luz Marina Treviño" is a person
    if tokens[-1] in _MEMBERS or (tokens[-1] == "House" and tokens[-2] != "White"):
        return None
    return " ".join(tokens)


#: Title words that end a capitalised run after an organisation's name, when no word heading
#: an organisation follows them ("Homeland Security Investigations Special Agent Ana Ruiz").
_TRAILING_TITLES: Final = frozenset({
    "Agent", "Special", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Administrator",
    "Commissioner", "Officer", "Chief", "Deputy",
})  # fmt: skip
#: Capitalised words after an organisation's name that name its members, not it.
_MEMBERS: Final = frozenset({
    "Democrats", "Republicans", "Members", "Officials", "Agents", "Officers", "Troops",
    "Soldiers", "Lawmakers", "Leaders",
})  # fmt: skip


_CONNECTOR = re.compile(
    rf"{SP}(?P<word>of{SP}the|for{SP}the|of|for|and|de|del|in|on){SP}|(?<=\w)(?P<own>\u2019s|'s){SP}"
)  # "the Justice Department's Criminal Division" (a country's possessive is no connector)


def _org_parts(run: str) -> list[tuple[int, str]]:
    """A capitalised run split where one organisation ends and another begins: at "and"
    when both sides hold a head word ("the Gulf Cartel and Cárteles Unidos"), at "in" or "on"
    unless an embassy or consulate is placed ("U.S. Embassy in Mexico"), and before "of" when
    the words before it name no organisation ("Tania Ibarra of the National University").
    Each part comes with its offset in the run."""
    pieces: list[tuple[int, int, str]] = []  # start, end, connector before it
    at, connector = 0, ""
    for m in _CONNECTOR.finditer(run):
        if m["own"] and re.search(rf"{_COUNTRY_POSSESSIVE}$", run[: m.end("own")]):
            continue  # "Colombia's National Police": the country is no organisation
        pieces.append((at, m.start(), connector))
        at, connector = m.end(), m["word"] or m["own"]
    pieces.append((at, len(run), connector))

    def has_head(a: int, b: int) -> bool:
        words = run[a:b].split()
        return (
            any(w in _ORG_HEADS for w in words)
            or (len(words) == 1 and words[0].isupper())
            or run[a:b].casefold() in _GROUP_NAMES  # "the Sinaloa Cartel and Los Zetas"
        )

    parts: list[tuple[int, int]] = []
    for start, end, connector in pieces:
        if not parts:
            parts.append((start, end))
            continue
        first, last = parts[-1]
        joined = connector.startswith(("of", "for", "de", "del"))
        if connector in ("\u2019s", "'s"):
            # "the Justice Department's Criminal Division": two organisations, the second
            # the first's; "Mexico's National Guard": one
            joined = not (has_head(first, last) and has_head(start, len(run)))
        elif connector == "and":
            acronym = re.fullmatch(r"[A-Z]{2,}", run[first:last].rsplit(maxsplit=1)[-1])
            # "the Arizona Department of Public Safety and Mexico's Attorney General's Office":
            # the head of the second may come after a possessive
            joined = not (acronym or (has_head(first, last) and has_head(start, len(run))))
            if run[start:end].split(maxsplit=1)[0] in _TITLE_WORDS:
                joined = False  # "the Security Cabinet and Secretary of Security": a title
        elif connector in ("in", "on"):
            left = run[first:last].rsplit(maxsplit=1)[-1]
            joined = left in ("Embassy", "Consulate") or (
                connector == "on"
                and left in ("Council", "Commission", "Committee")
                and run[start:end].split(maxsplit=1)[0] not in (*WEEKDAYS, *MONTHS)
            )  # "U.S. Embassy in Mexico", "Council on Foreign Relations", not "... on Tuesday"
        if joined and connector.startswith(("of", "for")) and not has_head(first, last):
            joined = False  # "Tania Ibarra of the ...": a person, then the organisation
        if (
            joined
            and connector == "of the"
            and has_head(first, last)
            and has_head(start, end)
            and min(len(run[first:last].split()), len(run[start:end].split())) >= 2
        ):
            joined = False  # "the Office of International Affairs of the Justice Department"
        if joined:
            parts[-1] = (first, end)
        else:
            parts.append((start, end))
    return [(a, run[a:b]) for a, b in parts]


#: A dateline's credited news agency: "GUADALAJARA, Mexico, March 20 (Continental Press
#: Service) -".
_DATELINE_AGENCY: Final = re.compile(
    rf"\A\s*[{UP}][{UP}.\u2019' -]{{2,}}[^\n()]{{0,80}}?\((?P<agency>[^()\n]{{1,60}})\)\s*[-\u2013\u2014]"
)


#: Official names with commas in them, which a run of capitalised words stops at.
_COMMA_NAMES: Final = ("Bureau of Alcohol, Tobacco, Firearms and Explosives",)


class _Orgs:
    """Organisation mentions found so far; the first rule to claim words keeps them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Mention] = []
        self.claimed = Spans()
        #: Acronyms and short names the text defines in parentheses ("(FGR)"), by name.
        self.defined: dict[str, str] = {}

    def add(self, start: int, end: int, name: str, *, full: bool = True) -> None:
        if not self.claimed.overlaps(start, end):
            self.claimed.add(start, end)
            self.found.append(Mention(start, end, name, "organisation", None, full))

    def runs(self) -> None:
        """Capitalised runs with an organisation's head word ("Drug Enforcement
        Administration", "Cárteles Unidos"), or spelled out before an acronym ("the Attorney
        General of the Republic (FGR)"); the short form in parentheses is an alias."""
        text = self.text
        short = re.compile(rf"{SP}\((?P<short>[{UP}][\w\u2019'.-]{{1,20}})\)")
        credited = _DATELINE_AGENCY.match(text)
        for m in re.finditer(rf"(?<![\w-])(?:{alternation(_COMMA_NAMES)})(?![\w-])", text):
            self.add(m.start(), m.end(), m.group(0))  # names whose commas end no run
            parenthesis = short.match(text, m.end())
            if parenthesis is not None:
                self.defined.setdefault(parenthesis["short"], m.group(0))
        for m in re.finditer(_ORG_RUN, text):
            if credited is not None and m.start() < credited.end("agency"):
                continue  # the agency a dateline credits is the source, not an actor
            after = short.match(text, m.end())
            named = [
                (m.start() + offset, part, _org_name(part)) for offset, part in _org_parts(m[0])
            ]
            if after is not None and after["short"].isupper() and named[-1][2] is None:
                whole = _org_name(m[0], head=False)
                if whole is not None and not any(n for _, _, n in named):
                    named = [(m.start(), m[0], whole)]
            for at, part, name in named:
                if name is None:
                    continue
                start = at + part.index(name)
                end = start + len(name)
                parenthesis = short.match(text, end)
                if parenthesis is not None and parenthesis["short"] not in self.defined:
                    self.defined[parenthesis["short"]] = name
                self.add(start, end, name)

    def others(self) -> None:
        """Groups with no head word, lowercase heads, administrations and acronyms."""
        text = self.text
        # Criminal groups whose names hold no head word: "La Familia Michoacana"; companies
        # ("General Motors and Ford"), not a person's surname ("Gerald Ford").
        for m in re.finditer(rf"(?<![\w-])(?:{alternation(_GROUPS)})(?![\w-])", text):
            self.add(m.start(), m.end(), m.group(0))
        for m in re.finditer(rf"(?<![\w-])(?:{alternation(_COMPANIES)})(?![\w-])", text):
            before = re.search(
                rf"(?<![\w.])([{UP}][\w\u2019'.-]*){SP}$", text[max(0, m.start() - 30) : m.start()]
            )
            if before is None or before[1] in _STOP:
                self.add(m.start(), m.end(), m.group(0))
        # Lowercase heads after a country's name: "Mexico's National Security team".
        for m in re.finditer(
            rf"(?:(?:Mexico|U\.S\.)(?:\u2019s|'s)?{SP})(?:[A-Z][\w\u2019'-]+{SP}){{1,3}}"
            rf"(?:team|cabinet|council|forces|force)\b",
            text,
        ):
            self.add(m.start(), m.end(), m.group(0))
        # Lowercase "cartel": "the Sinaloa cartel"; not a description after "a" ("a Michoacán
        # cartel leader": some cartel of that state).
        for m in re.finditer(rf"(?<![\w\u2019'-])(?:[{UP}][\w\u2019'-]+{SP}){{1,3}}cartel\b", text):
            words = m.group(0).split()
            if (
                re.search(r"\b[Aa]n?\s+$", text[max(0, m.start() - 4) : m.start()])
                and len(words) == 2
                and words[0] in _PLACE_WORDS
            ):
                continue
            while words and (words[0] in _STOP or words[0].casefold() in _UNITS_WORDS):
                words.pop(0)
            if len(words) >= 2:
                name = " ".join(words)
                self.add(m.end() - len(name), m.end(), name)
        # Named after what they are: "the think tank México Evalúa", "Canacero, the national
        # steel chamber".
        kinds = r"(?:think{SP}tank|nonprofit|organi[sz]ation|advocacy{SP}group|chamber|firm|bank)"
        kinds = kinds.replace("{SP}", SP)
        for m in re.finditer(
            rf"\bthe{SP}{kinds}{SP}(?P<name>[{UP}][\w\u2019'-]+(?:{SP}[{UP}][\w\u2019'-]+){{0,3}})",
            text,
        ):
            self.add(m.start("name"), m.end("name"), m["name"])
        for m in re.finditer(
            rf"(?<![\w\u2019'.-])(?P<name>[{UP}][\w\u2019'-]+),{SP}(?:the|an?){SP}(?:[a-z-]+{SP}){{0,3}}"
            r"(?:chamber|association|federation|union|think\s+tank|business\s+group|bank)\b",
            text,
        ):
            if m["name"] not in _NOT_NAME:
                self.add(m.start("name"), m.end("name"), m["name"])
        for m in re.finditer(rf"\b(?P<who>[{UP}][{LO}]+){SP}administration\b", text):
            if m["who"] not in _NOT_NAME:
                self.add(m.start(), m.end(), m.group(0))
        acronyms = alternation((*_ACRONYM_ORGS, *self.defined))
        for m in re.finditer(
            rf"(?:(?P<us>U\.S\.){SP})?(?<![\w-])(?P<org>{acronyms})(?![\w-])", text
        ):
            name = self.defined.get(m["org"], m["org"])
            self.add(m.start(), m.end(), name, full=m["us"] is None and name == m["org"])


def _org_mentions(text: str) -> tuple[list[Mention], dict[str, str]]:
    """Organisation mentions, and the acronyms the text defines ("(FGR)") by their
    organisation's name."""
    orgs = _Orgs(text)
    orgs.runs()
    orgs.others()
    return sorted(orgs.found, key=lambda x: x.start), orgs.defined


_UNITS_WORDS: Final = frozenset({
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "dozens",
})  # fmt: skip


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
        """A full name joins the person with the same surname and a compatible first name
        (a nickname or middle initials aside)."""
        plain = plain_name(m.name)
        same = [
            a for a in self.actors.values()
            if a.kind == "person" and same_surname(plain_name(a.name), plain)
            and (first_names_compatible(plain_name(a.name), plain)
                 or ends_with(plain_name(a.name), plain) or ends_with(plain, plain_name(a.name)))
        ]  # fmt: skip
        actor = (
            same[0] if same else self.actors.setdefault(m.name, Actor(m.name, "person", m.title, m))
        )
        if m.name != actor.name and (
            ends_with(plain, plain_name(actor.name)) or len(m.name) > len(actor.name)
        ):
            # "García Harfuch" first, "Omar García Harfuch" later: keep the longer name.
            for earlier in self.mentions:
                if earlier.name == actor.name:
                    earlier.name = m.name
            actor.forms.append(actor.name)
            actor.name = m.name
        if actor.title is None and m.title is not None:
            actor.title = m.title
        actor.forms.append(m.name)
        m.name = actor.name
        self.mentions.append(m)

    def add_surnames(self, org_spans: Spans) -> None:
        """Surnames: "Bondi", "Caro Quintero", "President Trump"; not "Trump administration"."""
        for actor in list(self.actors.values()):
            for form in [*surname_forms(plain_name(actor.name)), *_paternal(actor.name)]:
                for hit in re.finditer(rf"(?<![\w\u2019'-]){re.escape(form)}(?![\w-])", self.text):
                    span = hit.span()
                    if self.taken.overlaps(*span) or org_spans.overlaps(*span):
                        continue
                    self.mentions.append(Mention(*span, actor.name, "person", None, False))
                    self.taken.add(*span)
                    self.names.add(*span)
                    actor.forms.append(form)

    def add_nicknames(self, nicknames: list[tuple[int, int, int]]) -> None:
        """A nickname given apart from the name is another form of the person's name."""
        by_start = {m.start: m for m in self.mentions if m.kind == "person"}
        for name_start, start, end in nicknames:
            named = by_start.get(name_start)
            if named is None or self.taken.overlaps(start + 1, end - 1):
                continue
            words = self.text[start + 1 : end - 1].strip(" ,;.")
            at = start + 1 + self.text[start + 1 : end - 1].index(words)
            actor = self.actors.get(named.name)
            if actor is None or not words:
                continue
            self.mentions.append(Mention(at, at + len(words), actor.name, "person", None, False))
            self.taken.add(at, at + len(words))
            self.names.add(at, at + len(words))
            actor.forms.append(words)

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
            # "Department of Justice" after "U.S. Department of Justice": the same organisation;
            # not "Mexico's Senate" after "U.S. Senate", the other country's.
            mexican = re.search(
                r"\bMexic(?:o(?:\u2019|')s|an)\s+$", self.text[max(0, m.start - 12) : m.start]
            )
            for other in self.actors.values():
                if mexican and other.name.startswith("U.S. "):
                    continue
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


def _first_mention(actor: Actor, mentions: list[Mention], text: str, seen: Counter[str]) -> None:
    """The mention an actor's evidence cites: its first full mention whose words the text
    names nowhere else among the mentions, else its first mention."""
    mine = [m for m in mentions if m.name == actor.name and m.kind == actor.kind]
    if not mine:
        return
    unique = [m for m in mine if m.full and seen[text[m.start : m.end]] == 1]
    actor.first = (unique or mine)[0]


def find_actors(text: str) -> tuple[list[Actor], list[Mention]]:
    """Group mentions into actors; return the actors and every mention, linked by name."""
    people = _person_mentions(text)
    persons = people.found
    cast = _Cast(text)
    # Full names first, so that surname mentions link to them.
    for m in persons:
        if m.full:
            cast.add_full_name(m)
    orgs, _defined = _org_mentions(text)
    # Organisations may sit inside a person's title ("U.S. DEA agent"), not inside a name.
    cast.names = Spans((m.end - len(m.name), m.end) for m in cast.mentions)
    cast.taken = Spans((m.start, m.end) for m in cast.mentions)
    cast.add_nicknames(people.nicknames)
    cast.add_surnames(Spans((o.start, o.end) for o in orgs))
    for m in persons:
        if not m.full:
            cast.add_short_name(m)
    places = Spans()
    for m in [*orgs, *_country_mentions(text)]:
        cast.add_place(m, places)
    unique = list({id(a): a for a in cast.actors.values()}.values())
    counted = Counter((m.name, m.kind) for m in cast.mentions)
    cast.mentions.sort(key=lambda x: x.start)
    seen = Counter(text[m.start : m.end] for m in cast.mentions)
    by_actor: dict[tuple[str, str], list[Mention]] = {}
    for m in cast.mentions:
        by_actor.setdefault((m.name, m.kind), []).append(m)
    for actor in unique:
        actor.n_mentions = counted[actor.name, actor.kind]
        _first_mention(actor, by_actor.get((actor.name, actor.kind), []), text, seen)
    return unique, cast.mentions

"""How two names are compared: one rule for the extractor, which groups the mentions of a
person in one text, and for the linker, which matches them to the actors already known.

Names are compared normalised (:func:`norm`: quotation marks straight, spaces plain, case
folded), so "O’Brien" and "O'Brien" are one name wherever a name is compared.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from analysis.ledger.text import normalise

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ends_with",
    "first_names_compatible",
    "norm",
    "same_surname",
    "short_forms",
    "surname_forms",
]


def norm(text: str) -> str:
    """``text`` as names and quotes are compared: quotation marks, spaces and case aside."""
    return normalise(text).casefold().strip()


def surname_forms(name: str) -> list[str]:
    """The forms a person's surname takes alone, longest first: "Caro Quintero", "Quintero".

    The last word always; the last two as well when the name has three words or more and the
    second to last is capitalised (not a particle: "de", "la").
    """
    tokens = name.split()
    forms = [tokens[-1]]
    if len(tokens) >= 3 and tokens[-2][0].isupper():
        forms.insert(0, " ".join(tokens[-2:]))
    return forms


def short_forms(name: str, aliases: Iterable[str]) -> set[str]:
    """What a known person may be called alone, normalised: the last word of the name, and
    every alias of one or two words."""
    return {norm(name.rsplit(maxsplit=1)[-1])} | {norm(a) for a in aliases if len(a.split()) <= 2}


def same_surname(a: str, b: str) -> bool:
    """The two names end in the same word."""
    return norm(a.rsplit(maxsplit=1)[-1]) == norm(b.rsplit(maxsplit=1)[-1])


def ends_with(longer: str, shorter: str) -> bool:
    """``shorter`` is the last words of ``longer`` (a name without its first name)."""
    a, b = norm(longer).split(), norm(shorter).split()
    return len(a) > len(b) >= 2 and a[-len(b) :] == b


def first_names_compatible(a: str, b: str) -> bool:
    """The first name of one starts the other's ("Ed Smith", "Edward Smith")."""
    x, y = norm(a.split(maxsplit=1)[0]), norm(b.split(maxsplit=1)[0])
    return x.startswith(y) or y.startswith(x)


# -- organisations ------------------------------------------------------------------------------
# Added for the linker: one organisation under its full name, a reordered name and its acronym
# ("U.S. Department of Justice", "Justice Department", "Department of Justice", "DOJ").

__all__ += ["is_acronym", "organisation_core", "same_organisation"]

#: Words before an organisation's name that say whose it is, by the country they name.
_QUALIFIERS: dict[str, str] = {
    "u.s.": "us",
    "us": "us",
    "united states": "us",
    "american": "us",
    "mexican": "mx",
    "mexico's": "mx",
}
#: Heads that a name may put last ("Justice Department") or first ("Department of Justice").
_HEADS = ("department", "ministry", "secretariat")
#: Words an acronym may skip ("Department of Homeland Security", DHS) or keep (DOJ).
_SMALL = frozenset({"of", "the", "and", "for", "on", "de", "la", "del", "el", "los", "las", "y"})


def _fold(text: str) -> str:
    """``norm(text)`` without accents: "Fiscalía" and "Fiscalia" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", norm(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _qualified(name: str) -> tuple[str | None, str]:
    """The country a leading qualifier names ("U.S." -> "us"), and the rest of the name."""
    folded = re.sub(r"^the\s+", "", _fold(name))
    for words in sorted(_QUALIFIERS, key=len, reverse=True):
        if folded.startswith(words + " ") and folded[len(words) :].strip():
            return _QUALIFIERS[words], folded[len(words) :].strip()
    return None, folded


def is_acronym(name: str) -> bool:
    """``name`` is an acronym, perhaps after a qualifier: "DOJ", "U.S. DEA", "FGR"."""
    words = name.split()
    if not words or not re.fullmatch(r"[A-Z]{2,6}", words[-1]):
        return False
    return len(words) == 1 or _qualified(name)[0] is not None


def organisation_core(name: str) -> tuple[str | None, str]:
    """An organisation's name as names are compared: the country its qualifier names (or
    None), and the rest in one order, lower case, without accents or punctuation.

    >>> organisation_core("U.S. Department of Justice")
    ('us', 'department of justice')
    >>> organisation_core("Justice Department")
    (None, 'department of justice')
    """
    country, rest = _qualified(name)
    rest = re.sub(r"[^\w\s]", " ", rest)
    rest = " ".join(re.sub(r"^the\s+", "", rest).split())
    words = rest.split()
    if len(words) >= 2 and words[-1] in _HEADS and words[0] not in _SMALL:
        rest = f"{words[-1]} of {' '.join(words[:-1])}"
    return country, rest


def _initials(core: str) -> set[str]:
    """The acronyms a name may have: its words' initials, with and without the small words."""
    words = core.split()
    every = "".join(w[0] for w in words)
    big = "".join(w[0] for w in words if w not in _SMALL)
    return {every, big} - {""}


def same_organisation(a: str, b: str) -> bool:
    """``a`` and ``b`` name one organisation: the same name once qualifiers and order are set
    aside ("Justice Department", "U.S. Department of Justice"), or one is the acronym of the
    other ("DOJ", "Department of Justice"). Qualifiers naming two countries never match.

    >>> same_organisation("DOJ", "Justice Department")
    True
    >>> same_organisation("U.S. Department of Justice", "Mexican Department of Justice")
    False
    """
    (qa, ca), (qb, cb) = organisation_core(a), organisation_core(b)
    if qa is not None and qb is not None and qa != qb:
        return False
    if ca == cb:
        return True
    if is_acronym(a) != is_acronym(b):
        acronym, full = (ca, cb) if is_acronym(a) else (cb, ca)
        return len(full.split()) >= 2 and acronym in _initials(full)
    return False

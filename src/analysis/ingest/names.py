"""How two names are compared: one rule for the extractor, which groups the mentions of a
person in one text, and for the linker, which matches them to the actors already known.

Names are compared normalised (:func:`norm`: quotation marks straight, spaces plain, case
folded), so "O’Brien" and "O'Brien" are one name wherever a name is compared.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from analysis.ledger.text import normalise

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "ends_with",
    "first_names_compatible",
    "norm",
    "plain_name",
    "same_surname",
    "short_forms",
    "surname_forms",
]


def norm(text: str) -> str:
    """``text`` as names and quotes are compared: quotation marks, spaces and case aside."""
    return normalise(text).casefold().strip()


def plain_name(name: str) -> str:
    """``name`` without a nickname printed inside it or middle initials, as a person is
    also called: `Luis "El Flaco" Romero` -> "Luis Romero", "John Q. Public" -> "John Public".

    >>> plain_name("Luis \u201cEl Flaco\u201d Romero"), plain_name("John Q. Public")
    ('Luis Romero', 'John Public')
    """
    bare = re.sub(r"\s*[\"\u201c][^\"\u201c\u201d]*[\"\u201d]\s*", " ", name)
    bare = re.sub(r"(?<=\s)[A-Z]\.\s+", "", bare)
    return " ".join(bare.split()) or name


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

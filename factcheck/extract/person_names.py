"""People's names by shape and lexicon: "Laurent Freixe", "C.C. Wei", "Henri de Castries",
"Ma Huateng", "Lee Jae-yong" — and, once a document has named someone in full, the family
name alone ("Freixe").

A run of capitalised words is a name when its first word is a given name of the lexicon (or
initials), or when it is a pair starting with a family name that is written first, and no
word of it is a title, an organisation's or unit's word, a place or a calendar word. A
reference person is a name whatever the lexicon says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.reference import Reference
from factcheck.reference.person_names import NameLexicon, name_lexicon
from factcheck.regex_cache import compile_pattern

__all__ = ["PersonName", "find_person_names", "person_name_at", "person_name_ending_at"]

_UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# A hyphen joins name parts ("Jae-yong", "Jean-Pierre"), not a suffix ("Altman-run").
_SUFFIXES = r"(?:run|led|backed|based|owned|founded|controlled|style|era|linked|made|like)"
_WORD = rf"[{_UPPER}](?!\.)[^\W\d_]*(?:-(?!{_SUFFIXES}\b)[^\W\d_]+|['’](?!s\b)[^\W\d_]+)*"
_PARTICLE = r"(?:de|da|do|dos|das|del|della|di|van|von|der|den|du|le|la|bin|ter|ten)"
# "C.C." or "C. C."; "CC" only before a family name of the lexicon (see `_valid_length`).
_INITIALS = rf"(?:(?:[{_UPPER}]\.\s?){{1,3}}|[A-Z]{{2}}(?=\s+[A-Z][a-z]+(?![\w-])))"
_RUN = compile_pattern(
    rf"""
    (?<![\w.'’-])
    (?P<run>
      (?:{_INITIALS}\s*)?{_WORD}
      (?:\s+(?:{_PARTICLE}\s+|{_INITIALS}\s*)*{_WORD}){{0,6}}
    )
    (?!\w|-(?!{_SUFFIXES}\b))    # "Jane Park-led" ends at "Park"
    """,
    re.VERBOSE,
)
_TOKENS = compile_pattern(rf"{_INITIALS}|{_WORD}|{_PARTICLE}")
_INITIAL_TOKEN = compile_pattern(rf"{_INITIALS}")


@dataclass(frozen=True)
class PersonName:
    """A person's name found at `start`-`end`; `name` canonical when the reference knows it."""

    start: int
    end: int
    name: str


def _family(token: str) -> bool:
    """A word that can be a family name: capitalised, not an acronym ("U.S. AI")."""
    return token[0].isupper() and any(ch.islower() for ch in token)


def _valid_length(tokens: list[str], lexicon: NameLexicon) -> int:
    """How many of `tokens` (from the first) make a person's name; 0 when none do.

    Given names and initials, then particles, then one family name: "Juan Carlos Ortega",
    "J.K. Marlowe", "Rafael de la Vega" — and nothing after the family name, so "Ingrid
    Olsen Quillon" is "Ingrid Olsen" before a company's name.
    """
    kept = 0
    for token in tokens:
        if lexicon.is_not_name(token.rstrip(".")):
            break
        kept += 1
    tokens = tokens[:kept]
    if len(tokens) < 2 or not tokens[0][0].isupper():
        return 0
    first = tokens[0]
    if len(first) == 2 and first.isupper():  # "CC Wei", never "US Steel"
        return 2 if _family(tokens[1]) and lexicon.is_family_first(tokens[1]) else 0
    if lexicon.is_family_first(first) and not lexicon.is_given(first):
        return 2 if _family(tokens[1]) else 0  # "Ma Huateng", "Lee Jae-yong"
    if not (_INITIAL_TOKEN.fullmatch(first) or lexicon.is_given(first)):
        return 0
    for i, token in enumerate(tokens[1:], start=1):
        if token[0].islower():
            continue  # a particle: "de", "van"
        if not (_INITIAL_TOKEN.fullmatch(token) or lexicon.is_given(token)):
            return i + 1 if _family(token) else 0  # the family name ends the name
        if i + 1 == len(tokens):
            return i + 1 if _family(token) else 0  # "Mark Thomas": a given name as family name
    return 0


def _read(surface: str, lexicon: NameLexicon) -> int | None:
    """The length of the person's name at the start of `surface`, if there is one."""
    tokens = [(m.group(), m.end()) for m in _TOKENS.finditer(surface)]
    kept = _valid_length([t for t, _ in tokens], lexicon)
    return tokens[kept - 1][1] if kept else None


def person_name_at(text: str, pos: int, reference: Reference) -> PersonName | None:
    """The person's name that starts exactly at `pos`, if any."""
    match = _RUN.match(text, pos)
    if not match:
        return None
    return _named(text, pos, match.end(), reference)


def _named(text: str, start: int, end: int, reference: Reference) -> PersonName | None:
    surface = text[start:end]
    known = reference.resolve_person(surface)
    if known:
        return PersonName(start, end, known)
    length = _read(surface, name_lexicon())
    if length is None:
        return None
    name = surface[:length].rstrip()
    return PersonName(start, start + len(name), reference.resolve_person(name) or name)


def person_name_ending_at(text: str, end: int, reference: Reference) -> PersonName | None:
    """The person's name that ends exactly at `end` ("Paul Bulcke" before ", chairman")."""
    for match in _RUN.finditer(text, max(0, end - 80), end):
        if match.end() != end:
            continue
        tokens = list(_TOKENS.finditer(text, match.start(), end))
        for first in tokens:  # the longest name ending here: "Swiss CEO Ana Ruiz" → "Ana Ruiz"
            found = _named(text, first.start(), end, reference)
            if found and found.end == end:
                return found
    return None


def find_person_names(text: str, reference: Reference) -> list[PersonName]:
    """Every full person's name in `text`, in order."""
    found: list[PersonName] = []
    for match in _RUN.finditer(text):
        tokens = list(_TOKENS.finditer(text, match.start(), match.end()))
        for first in tokens:  # "Nestlé Chairman Paul Bulcke": the name starts at "Paul"
            name = _named(text, first.start(), match.end(), reference)
            if name:
                found.append(name)
                break
    return found

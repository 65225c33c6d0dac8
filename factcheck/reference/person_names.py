"""The person-name lexicon: which capitalised words can be a person's given name, which are
family names written first, and which are never part of a person's name.

Given names are read from the data file of the `gender-guesser` package (nam_dict.txt by
Jörg Michael, GNU FDL 1.2: about 48,000 given names of 55 countries), where pip installed it;
the rest is `data/person_names.toml` with its sources. A role's holder must look like a name
by these lists, so a heading ("Commercial Aircraft") or a job title ("Senior Independent
Director") is never taken for a person.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from factcheck.reference.titles import TITLE_SURFACES

__all__ = ["NameLexicon", "name_lexicon", "parse_given_names"]

#: Where gender-guesser keeps its dictionary, inside its package.
GIVEN_NAMES_PACKAGE = "gender_guesser"
GIVEN_NAMES_FILE = "data/nam_dict.txt"
# nam_dict.txt columns: sex code (0-2), name (3-28, "+" joins the parts of a compound name),
# then one frequency digit per country. Lines starting "#" are comments, "=" equivalences.
_NAME_COLUMNS = slice(3, 29)


@dataclass(frozen=True)
class NameLexicon:
    """Case-folded words: given names, family names written first, and non-name words."""

    given: frozenset[str]
    family_first: frozenset[str]
    not_names: frozenset[str]

    def is_given(self, word: str) -> bool:
        key = word.casefold()
        return key in self.given and key not in self.not_names

    def is_family_first(self, word: str) -> bool:
        return word.casefold() in self.family_first

    def is_not_name(self, word: str) -> bool:
        return word.casefold() in self.not_names


def parse_given_names(lines: list[str]) -> frozenset[str]:
    """The case-folded given names of nam_dict.txt lines (compounds with a space, a hyphen
    and written together, as the dictionary's own reader expands them)."""
    names: set[str] = set()
    for line in lines:
        if not line or line[0] in "#=" or len(line) < _NAME_COLUMNS.start + 1:
            continue
        name = line[_NAME_COLUMNS].strip()
        if not name:
            continue
        for joiner in ("", " ", "-"):
            names.add(name.replace("+", joiner).casefold())
    return frozenset(names)


@cache
def name_lexicon() -> NameLexicon:
    """The bundled lexicon (read once)."""
    raw = resources.files(GIVEN_NAMES_PACKAGE).joinpath(GIVEN_NAMES_FILE).read_text("utf-8")
    data = tomllib.loads(
        resources.files("factcheck.reference").joinpath("data/person_names.toml").read_text()
    )
    title_words = {word for surface in TITLE_SURFACES for word in surface.split()}
    not_names = {w.casefold() for w in data["not_names"]["words"]} | title_words
    return NameLexicon(
        given=parse_given_names(raw.splitlines()),
        family_first=frozenset(w.casefold() for w in data["family_first"]["names"]),
        not_names=frozenset(not_names),
    )

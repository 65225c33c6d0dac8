"""Name matching: exact alias look-up first, then rapidfuzz for spelling variants.

Organisations and people are matched differently on purpose. Company names are long,
distinctive strings, so a plain similarity ratio is safe above a high threshold. People's
names are short and common ("Robin Li" vs "Robin Lu" are different people at ratio 87.5), so
a person's name matches only through a *transcription slip*: token by token, each token equal
or one letter dropped, added or swapped with its neighbour — never a replaced letter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel, Levenshtein

__all__ = [
    "ORG_FUZZY_MIN_LENGTH",
    "ORG_FUZZY_MIN_SCORE",
    "PERSON_SLIP_MIN_TOKEN_LENGTH",
    "fuzzy_org",
    "name_key",
    "slip_person",
]

#: rapidfuzz `fuzz.ratio` (0-100) an organisation surface must reach to match an alias.
#: 90 accepts one slip in a 10-letter name ("Alibba" → "Alibaba" scores 92.3) and rejects
#: different companies that share letters ("Albania" vs "Alibaba" scores 71).
ORG_FUZZY_MIN_SCORE = 90.0
#: Shorter surfaces are matched exactly only: a slip in "Ant" or "BABA" is another word.
ORG_FUZZY_MIN_LENGTH = 5
#: Name tokens shorter than this must match exactly ("Li" and "Lu" are different surnames).
PERSON_SLIP_MIN_TOKEN_LENGTH = 3

_NON_WORD = re.compile(r"[^\w]+")


def name_key(name: str) -> str:
    """The comparison key of a name: accents stripped, case folded, punctuation to spaces."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", bare.casefold()).split())


def fuzzy_org(surface: str, keys: Mapping[str, str]) -> str | None:
    """The canonical name whose alias `surface` is up to one transcription slip per word
    ("Tencnet"), else the one most similar to it by `fuzz.ratio`, if similar enough.

    `keys` maps alias keys (see `name_key`) to canonical names.
    """
    key = name_key(surface)
    if len(key) < ORG_FUZZY_MIN_LENGTH or not keys:
        return None
    slipped = {
        canonical
        for alias, canonical in keys.items()
        if len(alias) >= ORG_FUZZY_MIN_LENGTH and _tokens_match(key.split(), alias.split())
    }
    if len(slipped) == 1:
        return slipped.pop()
    best = process.extractOne(
        key,
        [k for k in keys if len(k) >= ORG_FUZZY_MIN_LENGTH],
        scorer=fuzz.ratio,
        score_cutoff=ORG_FUZZY_MIN_SCORE,
    )
    return keys[best[0]] if best else None


def _one_slip(a: str, b: str) -> bool:
    """Equal, or one letter dropped/added (indel distance 1), or two neighbours swapped
    (optimal-string-alignment distance 1 where a plain edit distance needs 2)."""
    if a == b:
        return True
    if min(len(a), len(b)) < PERSON_SLIP_MIN_TOKEN_LENGTH:
        return False
    if Indel.distance(a, b) == 1:
        return True
    return OSA.distance(a, b) == 1 and Levenshtein.distance(a, b) == 2


def _tokens_match(a: list[str], b: list[str]) -> bool:
    return len(a) == len(b) and all(_one_slip(x, y) for x, y in zip(a, b, strict=True))


def slip_person(surface: str, keys: Iterable[tuple[str, str]]) -> str | None:
    """The canonical name of the one person whose alias is `surface` up to transcription
    slips (one per token) or the family name written first; None when none or several match.

    `keys` yields (alias key, canonical name) pairs.
    """
    tokens = name_key(surface).split()
    if len(tokens) < 2:
        return None
    found = {
        canonical
        for key, canonical in keys
        if _tokens_match(tokens, key.split()) or _tokens_match(tokens[::-1], key.split())
    }
    return found.pop() if len(found) == 1 else None

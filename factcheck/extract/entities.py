"""Organisation and person mentions, named by their canonical reference name when known.

Three passes, each only over text the previous ones left unclaimed:
1. the reference's alias table (names, legal names, tickers, products, people), exact case,
   longest surface first, so "Alibaba Cloud" is not read as "Alibaba";
2. spelling slips: capitalised words resolved by the reference's fuzzy matchers
   ("Alibba" → Alibaba, "Daniel Zhnag" → Daniel Zhang);
3. unknown companies by their legal suffix ("Acme Holdings Ltd"), named by their surface.

Boundaries tolerate the glued words of scraped text ("TCEHYAnd", "ByteDanceTikTok's"): a name
may follow a lower-case letter and precede an upper-case one that starts a new word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from factcheck.models import Mention, MentionKind, Span
from factcheck.reference import Reference, load_reference

__all__ = ["find_entities"]

_CAPITALISED_NAME = re.compile(
    r"""
    (?<![\w])
    [A-Z][a-z]+             # a capitalised word ...
    (?:[ -][A-Z][a-z]+){1,2}  # ... followed by one or two more: "Daniel Zhnag"
    (?![\w])
    """,
    re.VERBOSE,
)
_CAPITALISED_WORD = re.compile(r"(?<![\w])[A-Z][A-Za-z]{4,}(?![\w])")
_LEGAL_NAME = re.compile(
    r"""
    (?<![\w])
    (?!The\s)(?:[A-Z][\w&'-]*\s+){1,3}    # one to three capitalised words, not "The"
    (?:Inc|Corp|Corporation|Ltd|Limited|Holdings|Group|LLC|PLC|Co)\.?  # a legal suffix
    (?![\w])
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class _Entry:
    kind: MentionKind
    name: str
    maker: str | None = None


@dataclass(frozen=True)
class _Scanner:
    pattern: re.Pattern[str]
    entries: dict[str, _Entry]


@cache
def _scanner(reference: Reference) -> _Scanner:
    """One alternation of every known surface, longest first (built once per reference)."""
    entries: dict[str, _Entry] = {}
    for surface, name in reference.person_surfaces().items():
        entries.setdefault(surface, _Entry(MentionKind.PERSON, name))
    for surface, name in reference.product_surfaces().items():
        product = reference.products[name]
        entries.setdefault(surface, _Entry(MentionKind.ORGANIZATION, name, product.maker))
    for surface, name in reference.org_surfaces().items():
        entries[surface] = _Entry(MentionKind.ORGANIZATION, name)
    for surface in list(entries):
        if surface.upper() != surface and len(surface) >= 4:
            entries.setdefault(surface.upper(), entries[surface])
    alternation = "|".join(re.escape(s) for s in sorted(entries, key=lambda s: (-len(s), s)))
    pattern = re.compile(
        rf"(?:(?<![\w])|(?<=[a-z]))(?:{alternation})(?![a-z0-9])(?![A-Z](?![a-z]))"
    )
    return _Scanner(pattern, entries)


def _mention(text: str, start: int, end: int, entry: _Entry, how: str) -> Mention:
    surface = text[start:end]
    trace = (f"{how}: {surface!r} → {entry.name}",) if surface != entry.name else ()
    if entry.maker:
        trace = (*trace, f"product of {entry.maker}")
    return Mention(
        kind=entry.kind,
        span=Span(start=start, end=end, text=surface),
        name=entry.name,
        organization=entry.maker,
        trace=trace,
    )


def _free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def find_entities(text: str, reference: Reference | None = None) -> list[Mention]:
    """ORGANIZATION and PERSON mentions in `text`, ordered by position.

    `name` is the canonical reference name when the surface resolves, the surface otherwise;
    a product's mention is an ORGANIZATION named for the product, with its maker in
    `organization` (it is not the maker).
    """
    ref = reference or load_reference()
    scanner = _scanner(ref)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for match in scanner.pattern.finditer(text):
        found.append(_mention(text, *match.span(), scanner.entries[match.group()], "alias"))
        taken.append(match.span())
    for match in _CAPITALISED_NAME.finditer(text):
        person = ref.resolve_person(match.group())
        if person and _free(taken, *match.span()):
            entry = _Entry(MentionKind.PERSON, person)
            found.append(_mention(text, *match.span(), entry, "name variant"))
            taken.append(match.span())
    for match in _CAPITALISED_WORD.finditer(text):
        org = ref.resolve_org(match.group())
        if org and _free(taken, *match.span()):
            entry = _Entry(MentionKind.ORGANIZATION, org)
            found.append(_mention(text, *match.span(), entry, "spelling variant"))
            taken.append(match.span())
    for match in _LEGAL_NAME.finditer(text):
        if _free(taken, *match.span()):
            entry = _Entry(MentionKind.ORGANIZATION, match.group())
            found.append(_mention(text, *match.span(), entry, "legal name"))
            taken.append(match.span())
    return sorted(found, key=lambda m: (m.span.start, m.span.end))

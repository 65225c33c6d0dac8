"""Organisation and person mentions, named by their canonical reference name when known.

Three passes, each only over text the previous ones left unclaimed:
1. the reference's alias table (names, legal names, tickers, products, people), exact case,
   longest surface first, so "Alibaba Cloud" is not read as "Alibaba";
2. spelling slips: capitalised words resolved by the reference's fuzzy matchers
   ("Alibba" → Alibaba, "Daniel Zhnag" → Daniel Zhang);
3. unknown companies by their legal suffix ("Acme Holdings Ltd"), named by their surface;
4. other unknown companies by their shape: capitalised words ending in a word companies are
   named with ("Orbital Freight", "Lotus Pharma"), or capitalised words followed by a
   company's possessive ("Zenith's revenue") or by a verb of business ("Zenith Motors
   invested", "Vega raised"); sentence-initial function words, months and weekdays are never
   names. A person's name ("Jane Park said") is left alone: only a reference person is a
   PERSON.

Boundaries tolerate the glued words of scraped text ("TCEHYAnd", "ByteDanceTikTok's"): a name
may follow a lower-case letter and precede an upper-case one that starts a new word.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache

from factcheck.extract.currencies import CODES
from factcheck.reference import Reference, load_reference
from factcheck.regex_cache import compile_pattern
from factcheck.text import TakenSpans
from factcheck.values import Mention, MentionKind, Span

__all__ = ["find_entities"]

_CAPITALISED_NAME = compile_pattern(
    r"""
    (?<![\w])
    [A-Z][a-z]+             # a capitalised word ...
    (?:[ -][A-Z][a-z]+){1,2}  # ... followed by one or two more: "Daniel Zhnag"
    (?![\w])
    """,
    re.VERBOSE,
)
_CAPITALISED_WORD = compile_pattern(r"(?<![\w])[A-Z][A-Za-z]{4,}(?![\w])")
_LEGAL_NAME = compile_pattern(
    r"""
    (?<![\w])
    (?!The\s)(?:[A-Z][\w&'-]*\s+){1,3}    # one to three capitalised words, not "The"
    (?:Inc|Corp|Corporation|Ltd|Limited|Holdings|Group|LLC|PLC|Co)\.?  # a legal suffix
    (?![\w])
    """,
    re.VERBOSE,
)

# Pass 4: the shape of an unknown company's name.
_NAME_RUN = compile_pattern(
    r"""
    (?<![\w'’])
    (?P<name>[A-Z][\w&.-]*(?:[ ](?:&[ ])?[A-Z][\w&.-]*){0,3})   # one to four capitalised words
    (?P<after>['’]s\b|\s+(?:(?:has|have|had|will|also)\s+)?[a-z]+  # what follows: 's, a word,
      |\s*\((?:[A-Z]+:\s?)?[A-Z0-9]{1,6}(?:\.[A-Z]{1,3})?\))?  # or a ticker: (NYSE: ACME)
    """,
    re.VERBOSE,
)
_COMPANY_WORDS = frozenset(
    "motors motor auto autos cars freight logistics foods food pharma pharmaceuticals bank "
    "airlines airways media energy technologies technology tech systems capital partners labs "
    "ai robotics semiconductor semiconductors chips electronics telecom networks software "
    "solutions industries ventures brands retail mining metals steel insurance securities "
    "holdings group inc corp ltd plc llc co company corporation bio biotech therapeutics "
    "entertainment studios games gaming airlines shipping railways power solar batteries "
    "manufacturing mobile telecommunications airways motors petroleum oil gas chemicals".split()
)
_BUSINESS_VERBS = frozenset(
    "invested invests invest raised raises raise reported reports posted posts earned earns "
    "spent spends spend acquired acquires bought buys sold sells shipped ships announced "
    "announces plans planned expects expected booked books generated generates lost loses "
    "paid pays borrowed borrows issued issues allocated allocates committed commits pledged "
    "pledges secured secures received receives closed closes valued hired hires cut cuts "
    "grew grows increased increases achieved achieves recorded records delivered delivers "
    "generated made makes booked employs employed".split()
)
# Nouns of business after a name ("Zenith revenue"): evidence only for a word that is not
# itself a common English word ("Net profit", "Total sales" are sentences' first words).
_BUSINESS_NOUNS = frozenset("revenue revenues profit profits sales shares".split())
# Words of a financial statement that open sentences and table rows capitalised.
_STATEMENT_WORDS = frozenset(
    "total net gross operating consolidated underlying adjusted reported organic basic "
    "diluted revenue revenues sales profit profits income earnings margin".split()
)
_NOT_NAMES = frozenset(
    "the a an in on at by for from with this that these those last next its their our his her "
    "it they we he she i if as but and or so when while after before during since until "
    "according however meanwhile also analysts sources monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september "
    "october november december chinese american european what why how who".split()
)
# Places read as subjects ("China's economy") are not companies.
_PLACES = frozenset(
    "china beijing shanghai shenzhen hangzhou hong kong taiwan japan tokyo korea seoul india "
    "singapore europe germany france britain uk us u.s. usa america washington russia brazil "
    "canada australia africa asia dubai london paris berlin moscow".split()
)
_ABBREVIATED = frozenset(
    {"inc.", "corp.", "co.", "ltd.", "bros.", "n.v.", "s.a.", "s.p.a.", "a.g.", "b.v.", "plc."}
)
# Job titles and report labels that open a capitalised run without being a company's name
# ("CEO Jane Park expects", "Q3 revenue", "H1 sales").
_TITLE_WORDS = frozenset(
    "ceo cfo coo cto chairman chairwoman chair president chief executive director founder "
    "minister secretary analyst spokesperson spokesman spokeswoman mr mrs ms dr".split()
)
_PERIOD_LABEL = compile_pattern(r"(?i:^(?:[QH][1-4]|FY\d{0,4}|[1-4]Q\d{0,2})$)")


@cache
def common_words() -> frozenset[str]:
    """Lower-case English words (GCIDE, through `english-words`): a capitalised common word
    alone ("Net profit", "Total sales", "Consolidated revenue") is a sentence's first word,
    not an unknown company. Loaded on first use only (one value: the cache is bounded)."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


def _unknown_company(match: re.Match[str]) -> str | None:
    """The name of an unknown company at `match`, when its shape or context says so."""
    words = match["name"].split()
    while words and words[0].lower() in _NOT_NAMES:
        words = words[1:]
    if words and words[-1].endswith(".") and words[-1].lower() not in _ABBREVIATED:
        return None  # a sentence's last word, not a name ("… the Financial Times.")
    if not words or any(w.lower() in _NOT_NAMES for w in words):
        return None
    if any(w.lower() in _PLACES for w in words[1:]) or (
        len(words) == 1 and words[0].lower() in _PLACES
    ):
        return None  # a place may open a name ("Taiwan Semiconductor …"), not be one
    while words and _PERIOD_LABEL.match(words[-1]):
        words = words[:-1]  # "Orbital Freight Q3 2025": the period is not part of the name
    if not words or any(w.lower() in _TITLE_WORDS or _PERIOD_LABEL.match(w) for w in words):
        return None
    if words[0].lower() in _STATEMENT_WORDS or (len(words) == 1 and words[0] in CODES):
        return None  # "Net profit", "USD revenue"
    after = (match["after"] or "").strip().lower()
    ticker = after.startswith("(")
    after = after.split()[-1] if after.split() else after  # "has reported": the verb
    shaped = words[-1].lower().rstrip(".") in _COMPANY_WORDS and len(words) > 1
    possessive = after in ("'s", "’s")
    common = all(w.lower().strip(".") in common_words() for w in words)
    if common and not (shaped or possessive or ticker or after in _BUSINESS_VERBS):
        return None
    if shaped or possessive or ticker or after in _BUSINESS_VERBS or after in _BUSINESS_NOUNS:
        return " ".join(words)
    return None


@dataclass(frozen=True)
class _Entry:
    kind: MentionKind
    name: str
    maker: str | None = None


@dataclass(frozen=True)
class _Scanner:
    pattern: re.Pattern[str]
    entries: dict[str, _Entry]


_SCANNERS: OrderedDict[str, _Scanner] = OrderedDict()  # by `Reference.surfaces_key`
SCANNERS_KEPT = 4  # a run uses one reference; tests and a long-lived server a few


def _scanner(reference: Reference) -> _Scanner:
    """The scanner of `reference`'s surfaces, built once per content (an unpickled copy in a
    worker finds it too); the least recently used beyond `SCANNERS_KEPT` is dropped."""
    key = reference.surfaces_key()
    found = _SCANNERS.get(key)
    if found is None:
        found = _SCANNERS[key] = _build_scanner(reference)
        if len(_SCANNERS) > SCANNERS_KEPT:
            _SCANNERS.popitem(last=False)
    _SCANNERS.move_to_end(key)
    return found


def clear_scanners() -> None:
    _SCANNERS.clear()


def _build_scanner(reference: Reference) -> _Scanner:
    """One alternation of every known surface, longest first."""
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
    pattern = compile_pattern(
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


def find_entities(text: str, reference: Reference | None = None) -> list[Mention]:
    """ORGANIZATION and PERSON mentions in `text`, ordered by position.

    `name` is the canonical reference name when the surface resolves, the surface otherwise;
    a product's mention is an ORGANIZATION named for the product, with its maker in
    `organization` (it is not the maker).
    """
    ref = reference or load_reference()
    scanner = _scanner(ref)
    found: list[Mention] = []
    taken = TakenSpans()
    for match in scanner.pattern.finditer(text):
        found.append(_mention(text, *match.span(), scanner.entries[match.group()], "alias"))
        taken.add(*match.span())
    for match in _CAPITALISED_NAME.finditer(text):
        person = ref.resolve_person(match.group())
        if person and taken.free(*match.span()):
            entry = _Entry(MentionKind.PERSON, person)
            found.append(_mention(text, *match.span(), entry, "name variant"))
            taken.add(*match.span())
    # A legal name is read whole before its words are tried as spelling slips: "Vidia
    # Fabrics Inc" is a company of its own, not a misspelt Nvidia.
    legal = [m for m in _LEGAL_NAME.finditer(text) if taken.free(*m.span())]
    legal_spans = TakenSpans()
    for match in legal:
        legal_spans.add(*match.span())
    for match in _CAPITALISED_WORD.finditer(text):
        org = ref.resolve_org(match.group())
        if org and taken.free(*match.span()) and legal_spans.free(*match.span()):
            entry = _Entry(MentionKind.ORGANIZATION, org)
            found.append(_mention(text, *match.span(), entry, "spelling variant"))
            taken.add(*match.span())
    for match in legal:
        if taken.free(*match.span()):
            legal_name = ref.resolve_org(match.group()) or match.group()
            entry = _Entry(MentionKind.ORGANIZATION, legal_name)
            found.append(_mention(text, *match.span(), entry, "legal name"))
            taken.add(*match.span())
    for match in _NAME_RUN.finditer(text):
        name = _unknown_company(match)
        if name is None:
            continue
        start = match.start("name") + match["name"].index(name)
        end = start + len(name)
        if taken.free(start, end):
            entry = _Entry(MentionKind.ORGANIZATION, name)
            found.append(_mention(text, start, end, entry, "company by its name's shape"))
            taken.add(start, end)
    return sorted(found, key=lambda m: (m.span.start, m.span.end))

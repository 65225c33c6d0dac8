"""Role mentions ("Alibaba's CEO, Daniel Zhang", "CEO Eddie Wu", "Eddie Wu, chief executive
of Alibaba", "Nvidia founder and CEO Jensen Huang") and the RoleClaims they make.

A title is found first; its organisation and holder are then read from the words right
around it, in the few shapes news text uses:

    <ORG>'s <TITLE>, <PERSON>      Alibaba's CEO, Daniel Zhang
    <ORG> <TITLE> <PERSON>         Tencent chairman Ma Huateng / Alibaba chief Eddie Wu
    <TITLE> <PERSON>               CEO Eddie Wu              (organisation unknown)
    <TITLE> of <ORG>, <PERSON>     the chief executive of Baidu, Robin Li
    <PERSON>, (the) <ORG>'s <TITLE> / <PERSON>, <TITLE> of <ORG>
    <ORG>, founded by <PERSON>

"former", "ex-", "then-", "late" or "outgoing" before the title make the mention historical:
it is kept (with a trace) but makes no RoleClaim, since its date is not the source's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.extract.entities import find_entities
from factcheck.models import Mention, MentionKind, RoleClaim, Source, Span
from factcheck.reference import Reference, load_reference
from factcheck.reference.titles import TITLE_SURFACES, canonical_title
from factcheck.regex_cache import compile_pattern
from factcheck.text import sentence_at, sentences

__all__ = ["find_roles", "role_claims"]

_TITLE_WORDS = sorted(TITLE_SURFACES, key=len, reverse=True)
_ONE_TITLE = "|".join(w.replace(" ", r"[\s-]+") for w in _TITLE_WORDS)
_TITLES = compile_pattern(
    rf"""
    (?<![\w-])
    (?P<titles>
      (?i:{_ONE_TITLE})                                  # CEO, chief executive, co-founder ...
      (?:\s*(?:,|and|&)\s*(?:(?i:{_ONE_TITLE})))*        # ... "founder and CEO"
      (?:\s+officer)?                                    # "chief executive officer" spacing
    )
    (?![\w-])
    """,
    re.VERBOSE,
)
_TITLE_PART = compile_pattern(rf"(?i:{_ONE_TITLE})")
# Lower-case surfaces that are ordinary words unless capitalised or next to a name.
_AMBIGUOUS = frozenset({"chair", "head", "boss", "chief", "president", "founder"})
_FORMER = compile_pattern(r"(?i:\b(?:former|ex|then|late|outgoing|previous|erstwhile)[\s-]*)$")
_POSSESSIVE_GAP = compile_pattern(r"(?:['’]s)?\s*$")
_APPOSITION_GAP = compile_pattern(r",\s*(?:(?:the|a|its|as)\s+)?$")
_OF_ORG = compile_pattern(r"\s+(?:of|at)\s+(?:the\s+)?")
_PERSON_AFTER = compile_pattern(r",?\s+")
_FOUNDED_BY = compile_pattern(
    r"(?i:,?\s+(?:which\s+was\s+|was\s+)?(?:co-?)?founded\s+(?:in\s+\w+\s+)?by\s+)"
)
# An unknown holder: two or three capitalised words ("CEO Jane Smith").
_NAME = compile_pattern(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}(?![\w])")


def _by_start(mentions: Sequence[Mention], kind: MentionKind) -> dict[int, Mention]:
    return {m.span.start: m for m in mentions if m.kind == kind}


def _by_end(mentions: Sequence[Mention], kind: MentionKind) -> dict[int, Mention]:
    return {m.span.end: m for m in mentions if m.kind == kind}


def _org_before(text: str, pos: int, orgs_by_end: dict[int, Mention]) -> Mention | None:
    gap = _POSSESSIVE_GAP.search(text, 0, pos)
    return orgs_by_end.get(gap.start()) if gap else None


def _person_at(
    text: str, pos: int, people: dict[int, Mention], reference: Reference
) -> tuple[str, int] | None:
    """The holder named at `pos`: a known person, else a capitalised name."""
    if pos in people:
        person = people[pos]
        return person.name or person.span.text, person.span.end
    match = _NAME.match(text, pos)
    if match:
        return reference.resolve_person(match.group()) or match.group(), match.end()
    return None


def _titles(surface: str) -> list[str]:
    out: list[str] = []
    for part in _TITLE_PART.finditer(surface):
        title = canonical_title(part.group())
        if title and title not in out:
            out.append(title)
    return out


def find_roles(
    text: str, reference: Reference | None = None, entities: Sequence[Mention] | None = None
) -> list[Mention]:
    """ROLE mentions: `name` the canonical title, `person` and `organization` canonical names
    when found (None otherwise); the span covers title, holder and organisation.

    `entities` are `find_entities`' mentions of the same text, when the caller has them.
    """
    ref = reference or load_reference()
    if entities is None:
        entities = find_entities(text, ref)
    orgs_by_end = _by_end(entities, MentionKind.ORGANIZATION)
    orgs_by_start = _by_start(entities, MentionKind.ORGANIZATION)
    people_by_start = _by_start(entities, MentionKind.PERSON)
    people_by_end = _by_end(entities, MentionKind.PERSON)
    found: list[Mention] = []
    for match in _TITLES.finditer(text):
        start, end = match.span()
        surface = match.group()
        org = _org_before(text, start, orgs_by_end)
        lo, hi = (org.span.start if org else start), end
        organization = org.name if org and not org.organization else None
        of_org = _OF_ORG.match(text, end)
        if organization is None and of_org and of_org.end() in orgs_by_start:
            after = orgs_by_start[of_org.end()]
            organization, hi = after.name, after.span.end
        person: str | None = None
        gap = _PERSON_AFTER.match(text, hi)
        if gap:
            holder = _person_at(text, gap.end(), people_by_start, ref)
            if holder:
                person, hi = holder[0], holder[1]
        if person is None:
            apposition = _APPOSITION_GAP.search(text, 0, lo)
            if apposition and apposition.start() in people_by_end:
                before = people_by_end[apposition.start()]
                person, lo = before.name, before.span.start
        if person is None and organization is None and surface.lower() in _AMBIGUOUS:
            continue  # "head of research", "a founder": no one named
        former = _FORMER.search(text, 0, lo)
        trace = ("historical: " + former.group().strip(),) if former else ()
        for title in _titles(surface):
            found.append(
                Mention(
                    kind=MentionKind.ROLE,
                    span=Span(start=lo, end=hi, text=text[lo:hi]),
                    name=title,
                    person=person,
                    organization=organization,
                    trace=(*trace, f"role: {surface!r} → {title}"),
                )
            )
    found.extend(_founded_by(text, entities, ref))
    return sorted(found, key=lambda m: (m.span.start, m.span.end, m.name or ""))


def _founded_by(text: str, entities: Sequence[Mention], ref: Reference) -> list[Mention]:
    """ "Moonshot AI, founded by Yang Zhilin": a founder role."""
    people = _by_start(entities, MentionKind.PERSON)
    out: list[Mention] = []
    for org in entities:
        if org.kind != MentionKind.ORGANIZATION or org.organization:
            continue
        cue = _FOUNDED_BY.match(text, org.span.end)
        holder = _person_at(text, cue.end(), people, ref) if cue else None
        if holder:
            lo, hi = org.span.start, holder[1]
            out.append(
                Mention(
                    kind=MentionKind.ROLE,
                    span=Span(start=lo, end=hi, text=text[lo:hi]),
                    name="founder",
                    person=holder[0],
                    organization=org.name,
                    trace=("role: 'founded by' → founder",),
                )
            )
    return out


def role_claims(
    source: Source, mentions: Sequence[Mention], reference: Reference | None = None
) -> list[RoleClaim]:
    """RoleClaims from `source`'s ROLE mentions that name both a person and an organisation,
    dated by the source's publication; historical ones ("former CEO") make none."""
    ref = reference or load_reference()
    spans = sentences(source.text)
    claims: list[RoleClaim] = []
    for mention in mentions:
        if mention.kind != MentionKind.ROLE or not (mention.person and mention.organization):
            continue
        if any(t.startswith("historical") for t in mention.trace):
            continue
        quote = sentence_at(spans, mention.span.start) or mention.span
        claims.append(
            RoleClaim(
                id=f"{source.id}:{mention.span.start}-{mention.span.end}",
                source_id=source.id,
                span=mention.span,
                quote=quote,
                person=ref.resolve_person(mention.person) or mention.person,
                role=mention.name or "",
                organization=ref.resolve_org(mention.organization) or mention.organization,
                date=source.published,
            )
        )
    return claims

"""Role mentions ("Alibaba's CEO, Daniel Zhang", "chief executive Jane Park told analysts",
"Acme named Jane Park chief executive", "Jane Park, who heads Acme") and the RoleClaims they
make.

A title is found first; its organisation and holder are then read from the words right
around it, in the shapes news text uses:

    <ORG>'s (new) <TITLE>, <PERSON>   Alibaba's CEO, Daniel Zhang / Acme's new CEO Jane Park
    <ORG> <TITLE> <PERSON>            Tencent chairman Ma Huateng / Alibaba chief Eddie Wu
    <TITLE> <PERSON>                  CEO Eddie Wu              (organisation unknown)
    <TITLE> of <ORG>, <PERSON>        the chief executive of Baidu, Robin Li
    <PERSON>, (the) <ORG>'s <TITLE> / <PERSON>, <TITLE> of <ORG>
    <ORG> named <PERSON> (as its new) <TITLE> / <PERSON> was appointed <TITLE> of <ORG>
    <PERSON> will become <TITLE> (on <DATE>)
    <PERSON>, who heads <ORG>         (the top title, "head")
    <ORG>, founded by <PERSON>
    "its <TITLE>": the organisation its sentence opens with

The holder must be a person's name (`person_names`: the reference, or the name lexicon's
shape), never a heading or a title ("CEO Commercial Aircraft" names no one). How names next
to a title are read is `role_context`; the cue words below are `role_cues`.

The words around a mention also say *when* the person holds the role (`Mention.trace`
"status: …", read into `RoleClaim.status`):
- former ("former CEO", "ex-chairman", "dismissed its CEO", "X stepped down", "was replaced
  by"): a former holder, no claim about the source's date;
- new ("new CEO X", "Acme named X CEO", "replaced by X"): the holder, who just took over;
- leaving ("outgoing CEO", "X will step down"): the holder at the source's date, leaving;
- future ("X will become CEO on 1 March", "to take over as CEO"): a claim about a later date;
- current otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.extract.entities import find_entities
from factcheck.extract.person_names import find_person_names
from factcheck.extract.role_context import (
    OrgsSeen,
    RoleContext,
    by_end,
    by_start,
    org_ending_at,
    org_starting_at,
    person_at,
    person_ending_at,
    sentence_end,
    subject_org,
    surnames_of,
)
from factcheck.extract.role_cues import (
    ACTED_ON,
    APPOINTED_BEFORE,
    APPOINTING,
    BECOME_BEFORE,
    COPULA_BEFORE,
    DEPARTED_BEFORE,
    LEAVES_AFTER,
    LEFT_AFTER,
    PASSIVE_BEFORE,
    PAST_COPULAS,
    QUALIFIER,
    QUALIFIER_STATUS,
    REPLACED_BY,
    SUCCEEDS,
    SUCCESSOR,
    UNDATED_CUES,
    WHO_HEADS,
)
from factcheck.models import Mention, MentionKind, Period, RoleClaim, Source, Span
from factcheck.reference import Reference, load_reference
from factcheck.reference.titles import HEAD, TITLE_SURFACES, canonical_title
from factcheck.regex_cache import compile_pattern
from factcheck.text import sentence_at, sentences

__all__ = ["find_roles", "role_claims"]
_TITLE_WORDS = sorted(TITLE_SURFACES, key=len, reverse=True)
_ONE_TITLE = "|".join(w.replace(" ", r"[\s-]+") for w in _TITLE_WORDS)
_TITLES = compile_pattern(
    rf"""
    (?:(?<![\w-])|(?<=[Ee]x-)|(?<=[Tt]hen-))             # "ex-CEO", "then-chairman" too
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
_POSSESSIVE = compile_pattern(r"(?:['’]s)?\s+$")
_APPOSITION_GAP = compile_pattern(r",\s*(?:(?:the|a|its|as)\s+)?$")
_OF_ORG = compile_pattern(r"\s+(?:of|at)\s+(?:the\s+)?")
_PERSON_GAP = compile_pattern(r",?\s*(?:\([A-Z]{2,5}\)\s*)?\s")
_ITS = compile_pattern(r"(?i:\b(?:its|the\s+(?:company|group|firm|carmaker|bank)['’]s))\s+$")
_FOUNDED_BY = compile_pattern(
    r"(?i:,?\s+(?:which\s+was\s+|was\s+)?(?:co-?)?founded\s+(?:in\s+\w+\s+)?by\s+)"
)
# A unit's name between the title and its parent: "CEO Commercial Aircraft at Airbus".
_UNIT_AT = compile_pattern(r"\s+(?P<unit>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})\s+(?:at|of)\s+")
_SUBJECT_VERB = compile_pattern(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:on\s+)?\w+day\s+|also\s+|formally\s+|officially\s+)?$"
)


def _titles(surface: str) -> list[str]:
    out: list[str] = []
    for part in _TITLE_PART.finditer(surface):
        title = canonical_title(part.group())
        if title and title not in out:
            out.append(title)
    return out


@dataclass
class _Read:
    """One title read with its holder, organisation and status."""

    lo: int
    hi: int
    surface: str
    titles: list[str]
    person: str | None
    organization: str | None
    status: str
    cue: str


def _read_title(ctx: RoleContext, match: re.Match[str]) -> list[_Read]:
    """The holder, organisation and status around one title; a successor the words name
    makes a second read. Empty when an ordinary word ("head", "chief") names no one."""
    text = ctx.text
    start, end = match.span()
    surface = match.group()
    status, cue = "current", ""
    title_lo = start
    qual = QUALIFIER.search(text, max(0, start - 30), start)
    if qual:
        title_lo = qual.start()
        cue = (qual["q"] or qual["h"]).lower()
        status = QUALIFIER_STATUS.get(cue, status)
    organization: str | None = None
    lo, hi = title_lo, end
    gap = _POSSESSIVE.search(text, max(0, title_lo - 4), title_lo)
    if gap:
        org = org_ending_at(ctx, gap.start())
        if org:
            lo, organization = org
    if organization is None and start == title_lo:
        org = org_ending_at(ctx, start) if start and not text[start - 1].isspace() else None
        if org:
            lo, organization = org
    if lo != title_lo and status == "current":
        before = QUALIFIER.search(text, max(0, lo - 30), lo)
        if before:
            cue = (before["q"] or before["h"]).lower()
            status = QUALIFIER_STATUS.get(cue, status)
            lo = before.start()
    of_org = _OF_ORG.match(text, end)
    if organization is None and of_org:
        after = org_starting_at(ctx, of_org.end())
        if after:
            hi, organization = after
            if text.startswith(("'s ", "’s "), hi):
                owned = org_starting_at(ctx, hi + 3)
                organization = owned[1] if owned else None  # "head of Acme's coffee unit"
                hi = owned[0] if owned else hi
    unit = _UNIT_AT.match(text, hi) if organization is None else None
    if unit and person_at(ctx, unit.start("unit")) is None:
        # "CEO Commercial Aircraft at Airbus": a unit's title, not the group's
        parent = org_starting_at(ctx, unit.end())
        if parent:
            hi, organization = parent[0], f"{parent[1]} {unit['unit']}"
    person: str | None = None
    gap_after = _PERSON_GAP.match(text, hi)
    if gap_after:
        holder = person_at(ctx, gap_after.end())
        if holder:
            person, hi = holder
            of_org = _OF_ORG.match(text, hi) if organization is None else None
            after = org_starting_at(ctx, of_org.end()) if of_org else None
            if after:  # "CEO Jane Park of Acme"
                hi, organization = after
    if person is None:
        person, lo, status, cue = _holder_before(ctx, lo, status, cue)
        subject = _SUBJECT_VERB.search(text, max(0, lo - 30), lo) if cue in APPOINTING else None
        if organization is None and subject:  # "Acme named Jane Park chief executive"
            org = org_ending_at(ctx, subject.start())
            if org:
                lo, organization = org
    if person is None and organization is None and surface.lower() in _AMBIGUOUS:
        return []
    acted_on = ACTED_ON.search(text, max(0, title_lo - 40), title_lo)
    if organization is None and acted_on:  # "Acme dismissed CEO Jane Park"
        org = org_ending_at(ctx, acted_on.start())
        organization = org[1] if org else None
    if organization is None and _ITS.search(text, max(0, title_lo - 20), title_lo):
        organization = subject_org(ctx, title_lo)
    if person is not None and status in ("current", "new"):
        status, cue = _departure(ctx, lo, hi, status, cue)
    reads = [_Read(lo, hi, surface, _titles(surface), person, organization, status, cue)]
    if person is not None:
        successor = _successor(ctx, lo, hi)
        if successor:
            name, s_lo, s_hi, s_cue = successor
            reads.append(
                _Read(s_lo, s_hi, surface, reads[0].titles, name, organization, "new", s_cue)
            )
    if organization is not None:
        ctx.orgs_seen.add(lo, organization)
    return reads


def _holder_before(
    ctx: RoleContext, lo: int, status: str, cue: str
) -> tuple[str | None, int, str, str]:
    """The holder named before the title: apposition, appointment or "will become"."""
    text = ctx.text
    apposition = _APPOSITION_GAP.search(text, max(0, lo - 6), lo)
    if apposition:
        holder = person_ending_at(ctx, apposition.start())
        if holder:
            return holder[0], holder[1], status, cue
    appointed = APPOINTED_BEFORE.search(text, max(0, lo - 90), lo)
    if appointed:
        holder = person_at(ctx, appointed.start("person"))
        if holder and holder[1] == appointed.end("person"):
            return holder[0], appointed.start(), "new", appointed["verb"].lower()
    for pattern in (PASSIVE_BEFORE, BECOME_BEFORE):
        verb = pattern.search(text, max(0, lo - 150), lo)
        if verb:
            holder = person_ending_at(ctx, verb.start())
            if holder:
                aux = (verb["aux"] or "").lower().split()
                future = bool(aux) and aux[0] in ("will", "is", "to", "would")
                if pattern is PASSIVE_BEFORE:
                    future = aux[:2] in (["will", "be"], ["is", "to"])
                said = verb.group().split(",")[-1].strip()
                return holder[0], holder[1], "future" if future else "new", said
    copula = COPULA_BEFORE.search(text, max(0, lo - 150), lo)
    if copula:
        holder = person_ending_at(ctx, copula.start())
        if holder:
            said = " ".join(copula["cop"].lower().split())
            return holder[0], holder[1], "former" if said in PAST_COPULAS else status, said
    return None, lo, status, cue


def _departure(ctx: RoleContext, lo: int, hi: int, status: str, cue: str) -> tuple[str, str]:
    """Former or leaving, when the words around the mention say the holder goes."""
    text = ctx.text
    before = DEPARTED_BEFORE.search(text, max(0, lo - 40), lo)
    if before:
        return "former", before.group().strip().lower()
    end = sentence_end(text, hi)
    if LEAVES_AFTER.match(text, hi, end):
        return "leaving", "will step down"
    left = LEFT_AFTER.match(text, hi, end)
    if left:
        return "former", left.group().strip(" ,").lower()
    return status, cue


def _successor(ctx: RoleContext, lo: int, hi: int) -> tuple[str, int, int, str] | None:
    """(name, start, end, cue) of the person said to take over from the holder at `lo`-`hi`:
    "<Y> replaced CEO <X>", "CEO <X> was replaced by <Y>"."""
    text = ctx.text
    before = DEPARTED_BEFORE.search(text, max(0, lo - 40), lo)
    if before and before["succeeds"]:
        end = before.start()
        while end > 0 and text[end - 1].isspace():
            end -= 1
        holder = person_ending_at(ctx, end)
        if holder:
            return holder[0], holder[1], hi, before["succeeds"].lower()
    replaced = REPLACED_BY.match(text, hi)
    if replaced:
        holder = person_at(ctx, replaced.end())
        if holder:
            return holder[0], lo, holder[1], "replaced by"
    return None


def _who_heads(ctx: RoleContext) -> list[_Read]:
    """ "Jane Park, who heads Acme": the person at the top of the organisation."""
    out: list[_Read] = []
    for match in WHO_HEADS.finditer(ctx.text):
        holder = person_ending_at(ctx, match.start())
        org = org_starting_at(ctx, match.end())
        if not holder or not org:
            continue
        verb = match["verb"]
        title = "chairman" if verb.startswith("chair") else HEAD
        # "who led Acme" is over; "who has led Acme since 2019" goes on
        past = verb in ("headed", "led", "ran", "chaired") and match["aux"] != "has "
        status = "former" if past else "current"
        surface = ctx.text[holder[1] : org[0]]
        out.append(_Read(holder[1], org[0], surface, [title], holder[0], org[1], status, verb))
    return out


def _named_at(ctx: RoleContext, start: int, end: int) -> str | None:
    """The person named exactly by text[start:end]: in full, or by the family name alone."""
    holder = person_at(ctx, start)
    return holder[0] if holder and holder[1] == end else None


def _successions(ctx: RoleContext, reads: list[_Read]) -> list[_Read]:
    """ "Ingrid Olsen succeeds Rafael Ortiz", "Ortiz's successor Olsen", "Olsen was named
    Ortiz's successor": when the text gives either person a title at an organisation, the
    newcomer takes it ("new", or "future" after "will") and the other leaves it."""
    titled = {(r.person): r for r in reads if r.person and r.organization}
    out: list[_Read] = []
    for pattern in (SUCCEEDS, SUCCESSOR):
        for match in pattern.finditer(ctx.text):
            groups = {k: v for k, v in match.groupdict().items() if v}
            new_key = next(k for k in ("new", "new2", "new3") if k in groups)
            old_key = "old" + new_key.removeprefix("new")
            new = _named_at(ctx, match.start(new_key), match.end(new_key))
            old = _named_at(ctx, match.start(old_key), match.end(old_key))
            model = titled.get(old or "") or titled.get(new or "")
            if not (new and old and model) or new == old:
                continue
            status = "future" if groups.get("will") else "new"
            lo, hi = match.span()
            leaves = LEAVES_AFTER.match(ctx.text, match.end(old_key), sentence_end(ctx.text, lo))
            gone, cue = ("leaving", "will step down") if leaves else ("former", "succeeded")
            surface = model.surface
            out.append(_Read(lo, hi, surface, model.titles, new, model.organization, status, ""))
            out.append(_Read(lo, hi, surface, model.titles, old, model.organization, gone, cue))
    return out


def _inherit_organisations(reads: list[_Read]) -> None:
    """A title read without its organisation takes the one the same text gives the same
    person in the same title ("Jane Park, CEO of Acme, … CEO Jane Park said")."""
    known: dict[tuple[str, str], set[str]] = {}
    for read in reads:
        if read.person and read.organization:
            for title in read.titles:
                known.setdefault((read.person, title), set()).add(read.organization)
    for read in reads:
        if read.person and read.organization is None:
            orgs = set().union(*(known.get((read.person, t), set()) for t in read.titles))
            if len(orgs) == 1:
                read.organization = orgs.pop()


def find_roles(
    text: str, reference: Reference | None = None, entities: Sequence[Mention] | None = None
) -> list[Mention]:
    """ROLE mentions: `name` the canonical title, `person` and `organization` canonical names
    when found (None otherwise); the span covers title, holder and organisation; the trace
    says how the title was read and the holder's status ("status: former (dismissed its)").

    `entities` are `find_entities`' mentions of the same text, when the caller has them.
    """
    ref = reference or load_reference()
    if entities is None:
        entities = find_entities(text, ref)
    ctx = RoleContext(
        text=text,
        ref=ref,
        orgs_by_end=by_end(entities, MentionKind.ORGANIZATION),
        orgs_by_start=by_start(entities, MentionKind.ORGANIZATION),
        people_by_start=by_start(entities, MentionKind.PERSON),
        people_by_end=by_end(entities, MentionKind.PERSON),
        orgs_seen=OrgsSeen(
            (m.span.start, m.name or m.span.text)
            for m in entities
            if m.kind == MentionKind.ORGANIZATION and not m.organization
        ),
        surnames={},
    )
    titles = list(_TITLES.finditer(text))
    if titles or WHO_HEADS.search(text):  # people are looked for only where roles may be
        ctx.surnames = surnames_of(find_person_names(text, ref))
    reads = [r for match in titles for r in _read_title(ctx, match)]
    reads.extend(_who_heads(ctx))
    _inherit_organisations(reads)
    reads.extend(_successions(ctx, reads))
    found = [
        Mention(
            kind=MentionKind.ROLE,
            span=Span(start=r.lo, end=r.hi, text=text[r.lo : r.hi]),
            name=title,
            person=r.person,
            organization=r.organization,
            trace=(
                f"status: {r.status}" + (f" ({r.cue})" if r.cue else ""),
                f"role: {r.surface!r} → {title}",
            ),
        )
        for r in reads
        for title in r.titles
    ]
    found.extend(_founded_by(text, entities, ctx))
    return sorted(found, key=lambda m: (m.span.start, m.span.end, m.name or "", m.person or ""))


def _founded_by(text: str, entities: Sequence[Mention], ctx: RoleContext) -> list[Mention]:
    """ "Moonshot AI, founded by Yang Zhilin": a founder role."""
    out: list[Mention] = []
    for org in entities:
        if org.kind != MentionKind.ORGANIZATION or org.organization:
            continue
        cue = _FOUNDED_BY.match(text, org.span.end)
        holder = person_at(ctx, cue.end()) if cue else None
        if holder:
            lo, hi = org.span.start, holder[1]
            out.append(
                Mention(
                    kind=MentionKind.ROLE,
                    span=Span(start=lo, end=hi, text=text[lo:hi]),
                    name="founder",
                    person=holder[0],
                    organization=org.name,
                    trace=("status: current", "role: 'founded by' → founder"),
                )
            )
    return out


def _mention_status(mention: Mention) -> tuple[str, str]:
    """The status a role mention's trace records and the words that decided it
    (("current", "") when it records none)."""
    for line in mention.trace:
        if line.startswith("status: "):
            status, _, cue = line.removeprefix("status: ").partition(" ")
            return status, cue.strip("()")
    return "current", ""


def _departure_date(
    source: Source, mention: Mention, dates: Sequence[Mention], quote: Span
) -> Period | None:
    """When a departure the sentence tells of happened: its first date after the mention
    (else its last before) that is not after the publication; else the publication."""
    published = source.published
    after: list[Period] = []
    before: list[Period] = []
    for date_mention in dates:
        period = getattr(date_mention.value, "period", None)
        if not quote.start <= date_mention.span.start < quote.end or not isinstance(period, Period):
            continue
        limit = published.end if published is not None else None
        if limit is not None and (period.end is None or period.end > limit):
            continue  # a date after the publication is no departure the source reports
        side = after if date_mention.span.start >= mention.span.end else before
        side.append(period)
    return after[0] if after else before[-1] if before else published


def _future_date(
    source: Source, mention: Mention, dates: Sequence[Mention], end: int
) -> Period | None:
    """The day a future role begins: the first date after the mention in its sentence that
    is after the publication; else the open stretch after the publication."""
    published = source.published
    for date_mention in dates:
        if not mention.span.end <= date_mention.span.start < end:
            continue
        period = getattr(date_mention.value, "period", None)
        if not isinstance(period, Period) or period.start is None:
            continue
        if published is None or published.start is None or period.start >= published.start:
            return Period.day(period.start)
    if published is not None and published.end is not None:
        return Period(start=published.end, end=None, granularity=published.granularity)
    return None


def role_claims(
    source: Source, mentions: Sequence[Mention], reference: Reference | None = None
) -> list[RoleClaim]:
    """RoleClaims from `source`'s ROLE mentions that name both a person and an organisation,
    dated by the source's publication (a future one by the date it gives, a departure by the
    date the sentence gives it, if any); the status says how the person stands at that date
    (see the module's docstring)."""
    ref = reference or load_reference()
    spans = sentences(source.text)
    dates = [m for m in mentions if m.kind in (MentionKind.DATE, MentionKind.PERIOD)]
    claims: list[RoleClaim] = []
    for mention in mentions:
        if mention.kind != MentionKind.ROLE or not (mention.person and mention.organization):
            continue
        quote = sentence_at(spans, mention.span.start) or mention.span
        status, cue = _mention_status(mention)
        when = source.published
        if status == "future":
            when = _future_date(source, mention, dates, quote.end)
        elif status == "former" and cue not in UNDATED_CUES:  # "stepped down in May"
            when = _departure_date(source, mention, dates, quote)
        claims.append(
            RoleClaim(
                id=f"{source.id}:{mention.span.start}-{mention.span.end}",
                source_id=source.id,
                span=mention.span,
                quote=quote,
                person=ref.resolve_person(mention.person) or mention.person,
                role=mention.name or "",
                organization=ref.resolve_org(mention.organization) or mention.organization,
                date=when,
                status=status,
            )
        )
    return claims

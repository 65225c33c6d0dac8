"""Role checks: role claims against the reference's time-scoped roles, and against each other.

A role claim ("Alibaba's CEO, Daniel Zhang") is dated by its source's publication. The
reference's dates may be only month- or year-precise, so a claim contradicts the reference
only when no reading of those dates lets the person hold the role on the claim's date.

A former holder ("former CEO", "X stepped down") makes no claim that the person holds the
role: it is never checked against the reference, but it is evidence of a handover, and a
source naming the same person as holder well after it is stale (FC304). Two sources within
`HOLDER_WINDOW_DAYS` of each other that name different holders of a single-holder role
conflict (FC302), unless the sources themselves tell of the change — the earlier holder is
said to leave or to have left, or the later one to take over — and the claims fall in that
order. The finding is an error when the reference settles who held the role, else a warning.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import combinations

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.models import Evidence, Finding, Period, RoleClaim, Severity, Source
from factcheck.reference import Reference, Tenure
from factcheck.reference.names import name_key
from factcheck.reference.titles import HEAD, HEAD_TITLES, SINGLE_HOLDER_TITLES

__all__ = [
    "CONFLICTING_HOLDERS",
    "CONTRADICTS_REFERENCE",
    "HOLDER_AFTER_DEPARTURE",
    "HOLDER_WINDOW_DAYS",
    "STALE_AFTER_DAYS",
    "WRONG_TITLE",
    "check_conflicting_holders",
    "check_holders_after_departure",
    "check_reference",
    "check_roles",
]

CONTRADICTS_REFERENCE = CheckInfo(
    "FC301",
    "role.contradicts_reference",
    Severity.ERROR,
    "A role claim contradicts the reference's time-scoped roles at the claim's date.",
    fires=("Alibaba's CEO, Daniel Zhang, said cloud revenue would grow.",),
    quiet=("Alibaba's CEO, Eddie Wu, said cloud revenue would grow.",),
)
CONFLICTING_HOLDERS = CheckInfo(
    "FC302",
    "role.conflicting_holders",
    Severity.WARNING,  # an error when the reference settles who held the role
    "Sources published close together name different holders of a single-holder role.",
    fires=(
        "Zenith Motors Ltd CEO Jane Park said sales rose.",
        "Zenith Motors Ltd CEO Tom Reyes said sales rose.",
    ),
    quiet=(
        "Zenith Motors Ltd CEO Jane Park will step down.",
        "Zenith Motors Ltd CEO Tom Reyes said sales rose.",
    ),
)
HOLDER_AFTER_DEPARTURE = CheckInfo(
    "FC304",
    "role.holder_after_departure",
    Severity.WARNING,
    "A source names someone as holder (or as still to leave) after another said they had left.",
    fires=(
        "Zenith Motors Ltd CEO Jane Park stepped down in March 2024.",
        "Zenith Motors Ltd CEO Jane Park will step down next year.",
    ),
    quiet=(
        "Zenith Motors Ltd CFO Tom Reyes stepped down in March 2024.",
        "Zenith Motors Ltd CEO Jane Park will step down next year.",
    ),
)
WRONG_TITLE = CheckInfo(
    "FC303",
    "role.wrong_title",
    Severity.ERROR,
    "A person on record at an organisation is given a title they never held there.",
    fires=("Tencent CFO Ma Huateng said sales rose.",),
    quiet=("Tencent CEO Ma Huateng said sales rose.",),
)


#: Sources published at most this many days apart speak of the same time: different holders
#: of a single-holder role named by them conflict unless the sources tell of a handover.
HOLDER_WINDOW_DAYS = 30
# The legal forms that end company names in news (what `_org_key` drops).
_LEGAL_FORMS = frozenset(
    "sa ag se nv bv plc inc corp corporation co ltd limited llc spa ab asa oyj kk gmbh".split()
)
_SPLIT_INITIALS = re.compile(r"\b(\w) (?=\w\b)")
#: A source more than this many days after one that says a person left, still naming them as
#: the holder, is stale (the grace covers reports of the same days that lag the news).
STALE_AFTER_DAYS = 7
#: Statuses that say the person holds the role at (or from) the claim's date.
_HOLDS = frozenset({"current", "new", "leaving", "future"})
#: Statuses that say the person's tenure ends (or ended) around the claim's date.
_GOES = frozenset({"leaving", "former"})
#: Statuses that say the person takes the role over from someone.
_COMES = frozenset({"new", "future"})


def _evidence(claim: RoleClaim, sources: Mapping[str, Source]) -> Evidence:
    source = sources.get(claim.source_id)
    published = source.published.describe() if source and source.published else "date unknown"
    return Evidence(
        claim_id=claim.id,
        source_id=claim.source_id,
        quote=claim.quote,
        figure=claim.span,
        summary=f"{claim.person}, {claim.role} of {claim.organization} ({published})",
    )


def _org_key(name: str) -> str:
    """An organisation's name compared loosely: without a legal form ("Acme SA" is Acme)."""
    words = name_key(name).split()
    while len(words) > 1 and words[-1] in _LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def _person_key(name: str) -> str:
    """A person's name compared loosely: "C.C. Wei", "C. C. Wei" and "CC Wei" are one."""
    return _SPLIT_INITIALS.sub(r"\1", name_key(name))


def _titles(role: str) -> frozenset[str]:
    return HEAD_TITLES if role == HEAD else frozenset({role})


def _bounds(period: Period) -> tuple[date, date]:
    """First and last day of a period, open bounds reaching far out."""
    first = period.start or date.min
    last = period.end - timedelta(days=1) if period.end else date.max
    return first, last


def _may_hold(tenure: Tenure, period: Period) -> bool:
    """True when some reading of the tenure's dates covers some day of `period`."""
    first, last = _bounds(period)
    if tenure.end is not None and first >= tenure.end.latest:
        return False
    return not (tenure.start is not None and last < tenure.start.earliest)


def _spells(tenures: Sequence[Tenure]) -> str:
    return "; ".join(t.describe_dates() for t in tenures)


def _cite(tenures: Sequence[Tenure]) -> str:
    cited = dict.fromkeys(t.source.describe() for t in tenures if t.source)
    return " Reference: " + "; ".join(cited) + "." if cited else ""


def _keys(claim: RoleClaim) -> list[str]:
    return [claim.source_id, claim.person, claim.role, claim.organization]


def _wrong_title(
    claim: RoleClaim, reference: Reference, sources: Mapping[str, Source]
) -> Finding | None:
    """FC303 role.wrong_title: the person is on record at the organisation, never with this title.

    Conflicting: "Tencent CFO Ma Huateng" — the reference lists him at Tencent as founder,
    chairman and CEO, never CFO.
    Consistent: "Tencent chairman Pony Ma" (a name variant of Ma Huateng, a title he holds).
    """
    at_org = [t for t in reference.roles_of(claim.person) if t.organization == claim.organization]
    if not at_org or any(t.role in _titles(claim.role) for t in at_org):
        return None
    held = ", ".join(f"{t.role} {t.describe_dates()}" for t in at_org)
    message = (
        f"{claim.person} is called {claim.role} of {claim.organization}, a title the reference "
        f"never gives him or her there: on record as {held}.{_cite(at_org)}"
    )
    return make_finding(
        WRONG_TITLE, message, [_evidence(claim, sources)], _keys(claim), rule="reference roles"
    )


def _contradiction(
    claim: RoleClaim, reference: Reference, sources: Mapping[str, Source]
) -> Finding | None:
    """FC301 role.contradicts_reference: the person did not hold the role on the claim's date.

    Conflicting: "Alibaba's CEO, Daniel Zhang" in a source published 2025-02-21 — the
    reference has Daniel Zhang as CEO from 2015-05-10 to 2023-09-10 and Eddie Wu from
    2023-09-10 (error). With the date unknown: a warning that the statement holds only from
    2015-05-10 to 2023-09-10.
    Consistent: "CEO Eddie Wu" in a source published 2024-08-27, or undated (he is CEO to
    this day as far as the reference knows).
    """
    all_tenures = reference.tenures_of_role(claim.organization, claim.role)
    if not all_tenures:
        return None  # nothing on record for this role: nothing to contradict
    own = [t for t in all_tenures if t.person == claim.person]
    title = f"{claim.role} of {claim.organization}"
    evidence = [_evidence(claim, sources)]
    if claim.date is not None:
        if any(_may_hold(t, claim.date) for t in own):
            return None
        on = claim.date.describe()
        holders = [t for t in all_tenures if _may_hold(t, claim.date)]
        now = (
            "; on that date the reference has "
            + "; ".join(f"{t.person} {t.describe_dates()}" for t in holders)
            if holders
            else ""
        )
        record = (
            f"{claim.person} was {title} {_spells(own)}"
            if own
            else f"the reference never has {claim.person} as {title}"
        )
        cited = _cite([*own, *holders])
        message = (
            f"{claim.source_id} ({on}) names {claim.person} as {title}, but {record}{now}.{cited}"
        )
        return make_finding(
            CONTRADICTS_REFERENCE,
            message,
            evidence,
            _keys(claim),
            rule="reference roles at the source's date",
        )
    if any(t.end is None for t in own):
        return None  # held to this day on record: true for any source since it began
    if own:
        message = (
            f"{claim.source_id} (date unknown) names {claim.person} as {title}: this holds only "
            f"{_spells(own)}; other holders on record: "
            + "; ".join(
                f"{t.person} {t.describe_dates()}" for t in all_tenures if t.person != claim.person
            )
            + f".{_cite(own)}"
        )
    else:
        message = (
            f"{claim.source_id} (date unknown) names {claim.person} as {title}, but the reference "
            f"never has him or her in that role; on record: "
            + "; ".join(f"{t.person} {t.describe_dates()}" for t in all_tenures)
            + f".{_cite(all_tenures)}"
        )
    return make_finding(
        CONTRADICTS_REFERENCE,
        message,
        evidence,
        _keys(claim),
        rule="reference roles; source date unknown",
        severity=Severity.WARNING,
    )


def check_reference(
    role_claims: Sequence[RoleClaim], sources: Mapping[str, Source], reference: Reference
) -> list[Finding]:
    """FC303 where the title is wrong for the person, else FC301 where the date is."""
    findings = []
    for claim in role_claims:
        if claim.status not in _HOLDS:
            continue  # "former CEO X" says nothing about the date
        found = _wrong_title(claim, reference, sources) or _contradiction(claim, reference, sources)
        if found is not None:
            findings.append(found)
    return findings


def _apart(a: RoleClaim, b: RoleClaim, window_days: int) -> bool:
    """True when both claims are dated and more than `window_days` apart."""
    if a.date is None or b.date is None:
        return False
    a_first, a_last = _bounds(a.date)
    b_first, b_last = _bounds(b.date)
    gap = max((b_first - a_last).days, (a_first - b_last).days, 0)
    return gap > window_days


def _not_after(a: RoleClaim, b: RoleClaim) -> bool:
    """True unless both are dated and `a` is later than `b`."""
    if a.date is None or b.date is None:
        return True
    return _bounds(a.date)[0] <= _bounds(b.date)[1]


def _handover(old: RoleClaim, new: RoleClaim, goes: set[str], comes: set[str]) -> bool:
    """True when the sources tell of `old.person` handing over and the claims fit that order:
    the old holder is said to leave (or to have left) or the new one to take over, and the
    old holder's claim is not later than the new one's."""
    told = _person_key(old.person) in goes or _person_key(new.person) in comes
    return told and _not_after(old, new)


def _settled(a: RoleClaim, b: RoleClaim, reference: Reference) -> bool:
    """True when the reference has this role on record and, on the dated claims' dates,
    lets exactly one of the two people hold it."""
    tenures = reference.tenures_of_role(a.organization, a.role)
    if not tenures or a.date is None or b.date is None:
        return False

    def may(claim: RoleClaim) -> bool:
        assert claim.date is not None
        return any(t.person == claim.person and _may_hold(t, claim.date) for t in tenures)

    return may(a) != may(b)


def check_conflicting_holders(
    role_claims: Sequence[RoleClaim],
    sources: Mapping[str, Source],
    reference: Reference | None = None,
    window_days: int = HOLDER_WINDOW_DAYS,
) -> list[Finding]:
    """FC302 role.conflicting_holders: different people in one single-holder role, named by
    sources published within `window_days` of each other (or undated).

    Conflicting: source A (2024-08-27) "Zenith CEO Jane Park", source B (2024-09-10) "Zenith
    chief executive Tom Reyes" — a warning; an error when the reference settles it.
    Consistent: "Tencent CEO Pony Ma" and "Ma Huateng, Tencent's chief executive" (one
    person); sources more than the window apart; a handover the sources tell of: A (09-01)
    "CEO Jane Park will step down", B (09-20) "Zenith's new CEO Tom Reyes"; and any former
    holder ("former CEO Jane Park").
    """
    by_role: dict[tuple[str, str], list[RoleClaim]] = defaultdict(list)
    for claim in role_claims:
        if claim.role in SINGLE_HOLDER_TITLES:
            by_role[(_org_key(claim.organization), claim.role)].append(claim)
    findings = []
    for (_, role), claims in sorted(by_role.items()):
        org = claims[0].organization
        goes = {_person_key(c.person) for c in claims if c.status in _GOES}
        comes = {_person_key(c.person) for c in claims if c.status in _COMES}
        holders = sorted((c for c in claims if c.status in _HOLDS), key=lambda c: c.id)
        for a, b in combinations(holders, 2):
            same = _person_key(a.person) == _person_key(b.person)
            if a.source_id == b.source_id or same or _apart(a, b, window_days):
                continue
            if _handover(a, b, goes, comes) or _handover(b, a, goes, comes):
                continue
            dated = a.date is not None and b.date is not None
            when = "published close together" if dated else "with at least one date unknown"
            settled = reference is not None and _settled(a, b, reference)
            message = (
                f"{a.source_id} names {a.person} and {b.source_id} names {b.person} as {role} of "
                f"{org}, {when}"
                + ("; the reference settles which one held it." if settled else ".")
            )
            findings.append(
                make_finding(
                    CONFLICTING_HOLDERS,
                    message,
                    [_evidence(a, sources), _evidence(b, sources)],
                    [*_keys(a), *_keys(b)],
                    rule=f"one holder at a time (sources within {window_days} days)",
                    severity=Severity.ERROR if settled else None,
                )
            )
    return findings


def check_holders_after_departure(
    role_claims: Sequence[RoleClaim], sources: Mapping[str, Source]
) -> list[Finding]:
    """FC304 role.holder_after_departure: a dated source says a person had left a role, and
    a source published more than `STALE_AFTER_DAYS` later names them as its holder or as
    still to leave.

    Conflicting: A (2024-12-02) "Zenith CEO Jane Park stepped down", B (2025-05-28) "Park,
    who will step down in 2026, …" (the later source dates the exit to an old plan).
    Consistent: the same two sources in the other order (she said she would go, then went);
    an undated source (it may be the older one).
    """
    by_holder: dict[tuple[str, str, str], list[RoleClaim]] = defaultdict(list)
    for claim in role_claims:
        if claim.date is not None and claim.status in (*_HOLDS, "former"):
            key = (_org_key(claim.organization), claim.role, _person_key(claim.person))
            by_holder[key].append(claim)
    findings = []
    for claims in by_holder.values():
        left = [c for c in claims if c.status == "former"]
        if not left:
            continue
        gone = min(left, key=lambda c: (_bounds(c.date)[1], c.id) if c.date else (date.max, c.id))
        assert gone.date is not None
        last_day = _bounds(gone.date)[1]
        for claim in sorted(claims, key=lambda c: c.id):
            if claim.status not in _HOLDS or claim.source_id == gone.source_id:
                continue
            assert claim.date is not None
            if (_bounds(claim.date)[0] - last_day).days <= STALE_AFTER_DAYS:
                continue
            still = " (still to leave)" if claim.status == "leaving" else ""
            message = (
                f"{claim.source_id} ({claim.date.describe()}) names {claim.person} as "
                f"{claim.role} of {claim.organization}{still}, but {gone.source_id} "
                f"({gone.date.describe()}) already says {claim.person} had left."
            )
            findings.append(
                make_finding(
                    HOLDER_AFTER_DEPARTURE,
                    message,
                    [_evidence(gone, sources), _evidence(claim, sources)],
                    [*_keys(gone), *_keys(claim)],
                    rule=f"no holder after leaving (grace {STALE_AFTER_DAYS} days)",
                )
            )
    return findings


def check_roles(
    role_claims: Sequence[RoleClaim], sources: Mapping[str, Source], reference: Reference
) -> list[Finding]:
    """Every role finding: against the reference (FC301, FC303) and across sources (FC302,
    FC304)."""
    return [
        *check_reference(role_claims, sources, reference),
        *check_conflicting_holders(role_claims, sources, reference),
        *check_holders_after_departure(role_claims, sources),
    ]

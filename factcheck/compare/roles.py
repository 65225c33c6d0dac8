"""Role checks: role claims against the reference's time-scoped roles, and against each other.

A role claim ("Alibaba's CEO, Daniel Zhang") is dated by its source's publication. The
reference's dates may be only month- or year-precise, so a claim contradicts the reference
only when no reading of those dates lets the person hold the role on the claim's date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from itertools import combinations

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.models import Evidence, Finding, Period, RoleClaim, Severity, Source
from factcheck.reference import Reference, Tenure
from factcheck.reference.titles import HEAD, HEAD_TITLES, SINGLE_HOLDER_TITLES

__all__ = [
    "CONFLICTING_HOLDERS",
    "CONTRADICTS_REFERENCE",
    "WRONG_TITLE",
    "check_conflicting_holders",
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
    Severity.ERROR,
    "Two sources name different holders of the same single-holder role at the same time.",
    fires=(
        "Zenith Motors Ltd CEO Jane Park said sales rose.",
        "Zenith Motors Ltd CEO Tom Reyes said sales rose.",
    ),
    quiet=(
        "Zenith Motors Ltd CEO Jane Park said sales rose.",
        "Zenith Motors Ltd CFO Tom Reyes said sales rose.",
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
        found = _wrong_title(claim, reference, sources) or _contradiction(claim, reference, sources)
        if found is not None:
            findings.append(found)
    return findings


def check_conflicting_holders(
    role_claims: Sequence[RoleClaim], sources: Mapping[str, Source]
) -> list[Finding]:
    """FC302 role.conflicting_holders: different people in one single-holder role, same time.

    Conflicting: source A (2024-08-27) "Alibaba CEO Eddie Wu", source B (2024-08-27)
    "Alibaba's chief executive Daniel Zhang" (error); with either date unknown, a warning.
    Consistent: "Tencent CEO Pony Ma" and "Ma Huateng, Tencent's chief executive" (one person),
    or Daniel Zhang in a 2019 source and Eddie Wu in a 2024 one (different times).
    """
    by_role: dict[tuple[str, str], list[RoleClaim]] = defaultdict(list)
    for claim in role_claims:
        if claim.role in SINGLE_HOLDER_TITLES:
            by_role[(claim.organization, claim.role)].append(claim)
    findings = []
    for (org, role), claims in sorted(by_role.items()):
        for a, b in combinations(sorted(claims, key=lambda c: c.id), 2):
            if a.source_id == b.source_id or a.person == b.person:
                continue
            if a.date is not None and b.date is not None and not a.date.overlaps(b.date):
                continue
            dated = a.date is not None and b.date is not None
            when = "at the same time" if dated else "with at least one source's date unknown"
            message = (
                f"{a.source_id} names {a.person} and {b.source_id} names {b.person} as {role} of "
                f"{org}, {when}."
            )
            findings.append(
                make_finding(
                    CONFLICTING_HOLDERS,
                    message,
                    [_evidence(a, sources), _evidence(b, sources)],
                    [*_keys(a), *_keys(b)],
                    rule="one holder at a time",
                    severity=None if dated else Severity.WARNING,
                )
            )
    return findings


def check_roles(
    role_claims: Sequence[RoleClaim], sources: Mapping[str, Source], reference: Reference
) -> list[Finding]:
    """Every role finding: against the reference (FC301, FC303) and across sources (FC302)."""
    return [
        *check_reference(role_claims, sources, reference),
        *check_conflicting_holders(role_claims, sources),
    ]

"""Linking: claims that may speak of the same thing are put in one group by a blocking key.

The key is subject × metric family × kind of value (money, percent, count of a noun …).
Periods are left out of the key on purpose: most news figures state their period loosely
or not at all, so periods are compared inside a group (overlap, containment) rather than
used to keep claims apart. Every claim falls in exactly one group, so the work grows with
the number of claims, not with the number of pairs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from factcheck.models import Claim, ClaimGroup, Subject


def subject_key(subject: Subject) -> str:
    """A canonical key: a group is its sorted members, so word order never matters."""
    if subject.kind == "group" and subject.members:
        return "group:" + "+".join(sorted(subject.members))
    return f"{subject.kind}:{subject.name}"


#: Measures that are one measure under another name, by the metric taxonomy: capital
#: expenditure is investment (a company's capex is what it invests in assets).
SAME_MEASURE = {"capex": "investment", "funding": "investment"}


def metric_family(metric: str) -> str:
    """ "profit.ifrs" and "profit.non_ifrs" are one family: a difference of basis is a scope;
    capital expenditure and investment are one measure (`SAME_MEASURE`)."""
    family = metric.split(".", 1)[0]
    for name, same in SAME_MEASURE.items():
        if family == name or family.startswith(name + "_"):  # "capex_growth", "capex_expected"
            return same + family[len(name) :]
    return family


def value_kind(claim: Claim) -> str:
    value = claim.value
    match value.kind:
        case "count":
            return f"count:{value.noun.lower()}"
        case "quantity":
            return f"quantity:{value.dimension}"
        case _:
            return value.kind


def known_subject(claim: Claim) -> bool:
    return claim.subject.kind != "unknown"


def known_metric(claim: Claim) -> bool:
    """ "unknown" and "unknown_share" ("30% of the total") name no measure; analysts' and market
    estimates ("…_consensus") are not compared: providers legitimately differ."""
    family = metric_family(claim.metric)
    return not (family.startswith("unknown") or family.endswith("_consensus"))


def compared(claim: Claim) -> bool:
    """A claim is compared with others only when both its subject and its metric are known:
    two unknowns are not the same thing (`coverage` counts the others)."""
    return known_subject(claim) and known_metric(claim)


def blocking_key(claim: Claim) -> str:
    """Claims that are not `compared` are keyed alone."""
    subject = subject_key(claim.subject)
    if not compared(claim):
        subject += "#" + claim.id
    return "|".join((subject, metric_family(claim.metric), value_kind(claim)))


def link(claims: Iterable[Claim]) -> list[ClaimGroup]:
    """Groups of claims sharing a blocking key, in key order, each group's claims in id order."""
    groups: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        groups[blocking_key(claim)].append(claim.id)
    return [ClaimGroup(key=k, claims=tuple(sorted(ids))) for k, ids in sorted(groups.items())]


def members(subject: Subject) -> frozenset[str]:
    """The organisations a subject covers: itself, or a group's members."""
    if subject.kind == "group" and subject.members:
        return frozenset(subject.members)
    return frozenset({subject.name})


def subjects_overlap(a: Subject, b: Subject) -> bool:
    """True when one subject covers (part of) the other: Alibaba and "Alibaba + Tencent"."""
    if "unknown" in (a.kind, b.kind):
        return False
    return bool(members(a) & members(b))


def by_id(claims: Sequence[Claim]) -> dict[str, Claim]:
    return {c.id: c for c in claims}

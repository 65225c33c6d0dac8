"""Shared helpers of the checks: a claim as evidence, its comparable amount, period relations."""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from factcheck.describe import describe_claim
from factcheck.link import subject_key, value_kind
from factcheck.models import Amount, Claim, Evidence, Period

PeriodRelation = Literal["same", "part", "overlap", "disjoint", "unknown"]


def evidence_of(claim: Claim) -> Evidence:
    return Evidence(
        claim_id=claim.id,
        source_id=claim.source_id,
        quote=claim.quote,
        figure=claim.span,
        summary=describe_claim(claim),
    )


def content_key(claim: Claim) -> str:
    """What a claim says, without where it sits: survives edits elsewhere in its source."""
    value = comparable(claim)
    amount = value[1] if value else None
    stated = "" if amount is None or amount.stated is None else f"{amount.stated.normalize():f}"
    return "|".join(
        (
            claim.source_id,
            subject_key(claim.subject),
            claim.metric,
            claim.value.kind,
            claim.span.text,
            stated,
        )
    )


def comparable(claim: Claim) -> tuple[str, Amount] | None:
    """The unit and amount two claims are compared in: money in the common currency."""
    value = claim.value
    if value.kind == "period":
        return None
    if value.kind == "money":
        if claim.normalized is not None:
            return claim.normalized.currency, claim.normalized.amount
        return value.currency, value.amount
    return value_kind(claim), value.amount


def midpoint(amount: Amount) -> Decimal | None:
    if amount.stated is not None:
        return amount.stated
    if amount.low is not None and amount.high is not None:
        return (amount.low + amount.high) / 2
    return None


def is_point(amount: Amount) -> bool:
    """A stated figure with both bounds: "$7 billion", not "more than $1 billion"."""
    return amount.stated is not None and amount.low is not None and amount.high is not None


def same_figure(a: Amount, b: Amount) -> bool:
    """Each stated figure lies within the other's interval: the same number, written twice."""
    if not (is_point(a) and is_point(b)):
        return False
    assert a.stated is not None and b.stated is not None
    return _inside(a.stated, b) and _inside(b.stated, a)


def _inside(x: Decimal, amount: Amount) -> bool:
    return (amount.low is None or amount.low <= x) and (amount.high is None or x <= amount.high)


def period_relation(a: Period | None, b: Period | None) -> PeriodRelation:
    if a is None or b is None:
        return "unknown"
    if not a.overlaps(b):
        return "disjoint"
    inside_a, inside_b = a.contains(b), b.contains(a)
    if inside_a and inside_b:
        return "same"
    if inside_a or inside_b:
        return "part"
    return "overlap"

"""The same number in two currencies: "$300 million" in one source, "300 million euros" in
another, for the same subject, metric and period. Rounded figures in currencies a few per
cent apart can overlap as intervals, so the value check may call them agreeing; the same
digits under two currency labels is the tell of a mislabelled currency. A claim that states
no period may speak of the period the others state.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.compare.evidence import content_key, evidence_of, is_point
from factcheck.describe import possessive
from factcheck.models import Claim, ClaimGroup, Finding, Money, Severity

CURRENCY_MISLABELLED = CheckInfo(
    "FC111",
    "money.currency_mislabelled",
    Severity.WARNING,
    "The same number is given in different currencies for the same thing: one label is "
    "likely wrong.",
    fires=(
        "Orbital Freight's revenue in the first half of 2025 was $300 million.",
        "Orbital Freight's revenue in the first half of 2025 was 300 million euros.",
    ),
    quiet=(
        "Orbital Freight's revenue in the first half of 2025 was $300 million.",
        "Orbital Freight's revenue in the first half of 2025 was 300 million dollars.",
    ),
)

#: How far apart the two currencies must be (as converted) for the same digits to tell:
#: currencies pegged near one another (a dollar and a dollar) say nothing.
MIN_RATE_GAP = Decimal("0.05")


def check_currency_labels(claims: Sequence[Claim], groups: Sequence[ClaimGroup]) -> list[Finding]:
    """FC111 for every group and period in which one stated number carries two currencies."""
    index = {c.id: c for c in claims}
    findings = []
    for group in groups:
        by_number: dict[Decimal, list[Claim]] = defaultdict(list)
        for claim_id in group.claims:
            claim = index[claim_id]
            value = claim.value
            if isinstance(value, Money) and value.amount.stated and is_point(value.amount):
                by_number[value.amount.stated].append(claim)  # a bound ("more than") says less
        for _, same in sorted(by_number.items()):
            finding = _mislabelled(_one_period(same))
            if finding is not None:
                findings.append(finding)
    return findings


def _one_period(claims: list[Claim]) -> list[Claim]:
    """The claims that may speak of one period: those of the first stated period (in id
    order; the same days), and those that state none."""
    dated = sorted((c for c in claims if c.period is not None), key=lambda c: c.id)
    if not dated:
        return claims
    first = dated[0].period
    assert first is not None
    days = (first.start, first.end)
    return [c for c in claims if c.period is None or (c.period.start, c.period.end) == days]


def _mislabelled(same: list[Claim]) -> Finding | None:
    by_currency: dict[str, list[Claim]] = defaultdict(list)
    for claim in same:
        assert isinstance(claim.value, Money)
        by_currency[claim.value.currency].append(claim)
    if len(by_currency) < 2 or len({c.source_id for c in same}) < 2:
        return None
    converted = [
        c.normalized.amount.stated
        for c in same
        if c.normalized is not None and c.normalized.amount.stated
    ]
    if len(converted) < len(same) or max(converted) / min(converted) - 1 < MIN_RATE_GAP:
        return None
    first = min(same, key=lambda c: c.id)
    labels = " against ".join(
        f"{currency} in {', '.join(sorted({c.source_id for c in mine}))}"
        for currency, mine in sorted(by_currency.items())
    )
    message = (
        f"{possessive(first.subject.name)} {first.metric}: the same number "
        f"({first.span.text!r}) is given as {labels}: one of the currencies is likely wrong."
    )
    return make_finding(
        CURRENCY_MISLABELLED,
        message,
        [evidence_of(c) for c in sorted(same, key=lambda c: c.id)],
        keys=[content_key(c) for c in same],
        rule="same stated number, currencies more than 5% apart at the reference rate",
    )

"""Stated conversions: "50 billion yuan ($7 billion)" checked against the reference rate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.compare.evidence import content_key, evidence_of
from factcheck.describe import format_amount
from factcheck.models import Claim, Finding, Money, Normalized, Severity, Source
from factcheck.normalize.currency import normalize_money
from factcheck.normalize.dates import claim_dates

CONVERSION_MISMATCH = CheckInfo(
    "FC103",
    "money.conversion_mismatch",
    Severity.ERROR,
    "A stated conversion does not match the reference exchange rate of the claim's date.",
    fires=("Harbor Robotics invested 50 billion yuan ($9 billion) in factories.",),
    quiet=("Harbor Robotics invested 50 billion yuan ($7 billion) in factories.",),
)
CONVERSION_CONSISTENT = CheckInfo(
    "FC902",
    "money.conversion_consistent",
    Severity.INFO,
    "A stated conversion matches the reference exchange rate.",
    fires=("Harbor Robotics invested 50 billion yuan ($7 billion) in factories.",),
    quiet=("Harbor Robotics invested 50 billion yuan ($9 billion) in factories.",),
)
CONVERSION_UNCHECKED = CheckInfo(
    "FC903",
    "money.conversion_unchecked",
    Severity.INFO,
    "A stated conversion involves a currency the bundled rate table does not have.",
    fires=("Formosa Chips raised NT$30 billion ($940 million) in 2024.",),
    quiet=("Harbor Robotics invested 50 billion yuan ($7 billion) in factories.",),
)


#: How far a writer's own conversion may sit from the reference rate of its date: outlets
#: convert at a bank's rate, a rate of the day they wrote, or a rounded one, and a 4-6% gap
#: between such rates is common (the real-news corpus shows several); a slip is larger.
STATED_RATE_SLACK = Decimal("0.08")


def check_conversions(claims: Sequence[Claim], sources: Mapping[str, Source]) -> list[Finding]:
    """Each stated equivalent against the reference rate on the claim's candidate dates.

    Conflicting: "50 billion yuan ($9 billion)" in August 2024 (the rate gave about $7.0bn).
    Consistent: "50 billion yuan ($7 billion)" and "23 billion yuan ($3.22 billion)" then.
    A writer converts at the rate of the day of writing or of the period the figure is
    about; the conversion is consistent when either date's rate agrees.
    """
    findings = []
    for claim in claims:
        if claim.value.kind != "money":
            continue
        for equivalent in claim.equivalents:
            findings.append(
                _check_one(claim, claim.value, equivalent, sources.get(claim.source_id))
            )
    return findings


def _check_one(claim: Claim, stated: Money, equivalent: Money, source: Source | None) -> Finding:
    tried: list[Normalized] = []
    candidates: list[tuple[date | None, str]] = [
        *claim_dates(claim.period, source.published if source else None)
    ]
    for on, basis in candidates or [(None, "")]:
        converted = normalize_money(
            stated, on, target=equivalent.currency, basis=basis, slack=STATED_RATE_SLACK
        )
        if converted is None:
            continue
        tried.append(converted)
        if converted.amount.overlaps(equivalent.amount):
            return _finding(
                CONVERSION_CONSISTENT, claim, stated, equivalent, converted, "agrees with"
            )
    if not tried:
        return _finding(
            CONVERSION_UNCHECKED, claim, stated, equivalent, None, "cannot be checked against"
        )
    return _finding(CONVERSION_MISMATCH, claim, stated, equivalent, tried[0], "does not match")


def _finding(
    info: CheckInfo,
    claim: Claim,
    stated: Money,
    equivalent: Money,
    converted: Normalized | None,
    verb: str,
) -> Finding:
    at = (
        f"the reference rate ({equivalent.currency} {format_amount(converted.amount)})"
        if converted
        else "a reference rate (currency not in the bundled table)"
    )
    message = (
        f"{claim.source_id}: {stated.currency} {format_amount(stated.amount)} stated as "
        f"{equivalent.currency} {format_amount(equivalent.amount)} {verb} {at}."
    )
    return make_finding(
        info,
        message,
        [evidence_of(claim)],
        keys=[content_key(claim), equivalent.currency, str(equivalent.amount.stated)],
        rule=converted.rule if converted else "no rate",
    )

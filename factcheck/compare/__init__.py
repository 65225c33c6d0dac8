"""Compare: claims and groups in, findings out, in a stable order.

Each check lives in the module of its family and has a stable code (`CHECKS` lists them
all); findings are de-duplicated by fingerprint and sorted most severe first, then by code
and fingerprint, so the same input always gives the same report.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from factcheck.compare.base import CheckInfo
from factcheck.compare.conversion import (
    CONVERSION_CONSISTENT,
    CONVERSION_MISMATCH,
    CONVERSION_UNCHECKED,
    check_conversions,
)
from factcheck.compare.currency_label import CURRENCY_MISLABELLED, check_currency_labels
from factcheck.compare.internal import GROWTH_MISMATCH, check_growth
from factcheck.compare.roles import (
    CONFLICTING_HOLDERS,
    CONTRADICTS_REFERENCE,
    HOLDER_AFTER_DEPARTURE,
    WRONG_TITLE,
)
from factcheck.compare.subjects import (
    PART_EXCEEDS_WHOLE,
    SAME_FIGURE_OTHER_SUBJECT,
    check_parts,
    check_same_figure,
)
from factcheck.compare.values import (
    AGREEMENT,
    MAGNITUDE_ERROR,
    PERIOD_MISLABELLED,
    SCOPE_DIFFERS,
    VALUE_MISMATCH,
    check_group,
)
from factcheck.compare.weekdays import WEEKDAY_MISMATCH
from factcheck.models import Claim, ClaimGroup, Finding, Source

__all__ = ["CHECKS", "compare", "order_findings"]

CHECKS: tuple[CheckInfo, ...] = (
    VALUE_MISMATCH,
    SAME_FIGURE_OTHER_SUBJECT,
    CONVERSION_MISMATCH,
    MAGNITUDE_ERROR,
    PERIOD_MISLABELLED,
    WEEKDAY_MISMATCH,
    PART_EXCEEDS_WHOLE,
    GROWTH_MISMATCH,
    SCOPE_DIFFERS,
    CURRENCY_MISLABELLED,
    CONTRADICTS_REFERENCE,
    CONFLICTING_HOLDERS,
    WRONG_TITLE,
    HOLDER_AFTER_DEPARTURE,
    AGREEMENT,
    CONVERSION_CONSISTENT,
    CONVERSION_UNCHECKED,
)


def compare(
    claims: Sequence[Claim], groups: Sequence[ClaimGroup], sources: Mapping[str, Source]
) -> list[Finding]:
    """Every claim finding of the corpus (role findings: `compare.roles.check_roles`)."""
    index = {c.id: c for c in claims}
    findings: list[Finding] = []
    for group in groups:
        if len(group.claims) > 1:
            findings.extend(check_group([index[i] for i in group.claims]))
    findings.extend(check_currency_labels(claims, groups))
    findings.extend(check_same_figure(claims))
    findings.extend(check_parts(claims))
    findings.extend(check_conversions(claims, sources))
    findings.extend(check_growth(claims, sources))
    return findings


def order_findings(findings: Iterable[Finding]) -> list[Finding]:
    """De-duplicated by fingerprint; most severe first, then by code and fingerprint."""
    unique = {f.fingerprint: f for f in findings}
    return sorted(unique.values(), key=lambda f: (-f.severity.rank, f.code, f.fingerprint))

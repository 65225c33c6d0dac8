"""Coverage: how many figures the sources hold, how many became claims, and which claims were
compared only loosely or not at all, and why.

A report with no findings means little when most claims could not be compared, so every report
says so. The reasons are decided here, in one place: a claim with no subject or no metric is
not compared (two unknowns are not the same thing); a claim with no period is compared, but
only loosely (its period cannot keep it apart from figures of other periods).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.claims import CLAIM_KINDS
from factcheck.link import known_metric, known_subject
from factcheck.models import Claim, Coverage, CoverageReason, Mention, UncomparedClaim

#: The reasons that keep a claim out of every comparison; the others only loosen it.
NOT_COMPARED = frozenset({CoverageReason.NO_SUBJECT, CoverageReason.NO_METRIC})


def count_figures(mentions: Iterable[Mention]) -> int:
    """The money, percent, count and quantity mentions, restatements in another currency
    ("50 billion yuan ($7 billion)") left out: they are checked as conversions, not claims."""
    return sum(1 for m in mentions if m.kind in CLAIM_KINDS and m.equivalent_of is None)


def claim_reasons(claim: Claim) -> tuple[CoverageReason, ...]:
    """Why `claim` is not compared (when any reason is in `NOT_COMPARED`, only those), else
    why it is compared only loosely; empty when it is tied to a subject, metric and period."""
    blocking = []
    if not known_subject(claim):
        blocking.append(CoverageReason.NO_SUBJECT)
    if not known_metric(claim):
        blocking.append(CoverageReason.NO_METRIC)
    if blocking:
        return tuple(blocking)
    if claim.period is None:
        return (
            CoverageReason.PERIOD_UNRESOLVED
            if claim.period_text
            else CoverageReason.PERIOD_NOT_STATED,
        )
    return ()


def measure_coverage(claims: Sequence[Claim], role_claims: int, figures: int) -> Coverage:
    """The coverage of a report of `claims` (in report order), `role_claims` role claims and
    `figures` figure mentions (see `count_figures`)."""
    uncompared: list[UncomparedClaim] = []
    loose: list[UncomparedClaim] = []
    counts = dict.fromkeys(CoverageReason, 0)
    for claim in claims:
        reasons = claim_reasons(claim)
        if reasons:
            counts[reasons[0]] += 1
            gap = UncomparedClaim(claim=claim.id, reasons=reasons)
            (uncompared if NOT_COMPARED.intersection(reasons) else loose).append(gap)
    return Coverage(
        figures=figures,
        claims=len(claims),
        role_claims=role_claims,
        compared=len(claims) - len(uncompared),
        compared_loosely=len(loose),
        not_compared=len(uncompared),
        reasons={reason: n for reason, n in counts.items() if n},
        uncompared=tuple(uncompared),
        loose=tuple(loose),
    )


def plural(n: int, word: str) -> str:
    """ "1 claim", "2 claims": English counts of a regular noun."""
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _reasons(coverage: Coverage, *, loose: bool) -> str:
    """ "21 no subject, 9 no metric": the counts of the not-compared (or the loose) reasons."""
    return ", ".join(
        f"{n} {reason.value}"
        for reason, n in coverage.reasons.items()
        if (reason in NOT_COMPARED) is not loose
    )


def _loosely(coverage: Coverage) -> str:
    """ " (3 only loosely: 3 period not stated)", or nothing when none was."""
    if not coverage.compared_loosely:
        return ""
    return f" ({coverage.compared_loosely} only loosely: {_reasons(coverage, loose=True)})"


def describe_coverage(coverage: Coverage) -> str:
    """One sentence for every report: figures found, claims made, and how many compared."""
    sentence = f"{plural(coverage.figures, 'figure')} found, {plural(coverage.claims, 'claim')}"
    sentence += " made"
    if coverage.role_claims:
        sentence += f" (and {plural(coverage.role_claims, 'role claim')})"
    if coverage.claims:
        sentence += f": {coverage.compared} compared{_loosely(coverage)}"
        if coverage.not_compared:
            why = _reasons(coverage, loose=False)
            sentence += f", {coverage.not_compared} not compared ({why})"
    return sentence + "."


def no_findings(coverage: Coverage | None) -> str:
    """What a report says when it has no finding: never "No findings" alone when claims went
    uncompared, since the quiet may only mean that nothing could be compared."""
    if coverage is None:
        return "No findings."
    if not coverage.claims and not coverage.role_claims:
        if not coverage.figures:
            return "No findings: no figures were found."
        return f"No findings: none of the {plural(coverage.figures, 'figure')} became a claim."
    why = _reasons(coverage, loose=False)
    if not coverage.compared and not coverage.role_claims:
        claims = plural(coverage.claims, "claim")
        return f"No findings: none of the {claims} could be compared ({why})."
    among = [plural(coverage.compared, "compared claim")] if coverage.compared else []
    if coverage.role_claims:
        among.append(plural(coverage.role_claims, "role claim"))
    sentence = f"No findings among {' and '.join(among)}{_loosely(coverage)}"
    if coverage.not_compared:
        were = "was" if coverage.not_compared == 1 else "were"
        sentence += f"; {plural(coverage.not_compared, 'claim')} {were} not compared ({why})"
    return sentence + "."

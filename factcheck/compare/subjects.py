"""Checks across subjects: one figure credited to different subjects, and parts against wholes.

These look across claim groups (whose key includes the subject), so they block by metric
family, kind of value and member organisation instead (two subjects overlap only when they
share a member), and sweep each block in order of value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.compare.evidence import (
    comparable,
    content_key,
    evidence_of,
    midpoint,
    period_relation,
    same_figure,
)
from factcheck.describe import format_amount, format_period, possessive
from factcheck.link import members, metric_family, subject_key, subjects_overlap
from factcheck.models import Claim, Finding, Severity

SAME_FIGURE_OTHER_SUBJECT = CheckInfo(
    "FC102",
    "subject.same_figure_other_subject",
    Severity.WARNING,
    "The same figure is credited to different (overlapping) subjects by different claims.",
    fires=(
        "Zenith Motors invested $7 billion in batteries in 2024.",
        "Zenith Motors, Apex Auto and Nova Cars together invested $7 billion in batteries in 2024.",
    ),
    quiet=(
        "Zenith Motors invested $7 billion in batteries in 2024.",
        "Apex Auto invested $7 billion in batteries in 2024.",
    ),
)
PART_EXCEEDS_WHOLE = CheckInfo(
    "FC107",
    "subject.part_exceeds_whole",
    Severity.WARNING,
    "A member's figure is larger than the figure of a group it belongs to, same period.",
    fires=(
        "Zenith Motors invested $9 billion in batteries in the first half of 2024.",
        "Zenith Motors, Apex Auto and Nova Cars together invested $5 billion in batteries "
        "in the first half of 2024.",
    ),
    quiet=(
        "Zenith Motors invested $2 billion in batteries in the first half of 2024.",
        "Zenith Motors, Apex Auto and Nova Cars together invested $5 billion in batteries "
        "in the first half of 2024.",
    ),
)

SAME_FIGURE_WINDOW = Decimal("1.25")  # only values within this ratio can be the same figure


def _family_key(claim: Claim) -> tuple[str, str] | None:
    found = comparable(claim)
    if found is None:
        return None
    return metric_family(claim.metric), found[0]


def check_same_figure(claims: Sequence[Claim]) -> list[Finding]:
    """Same figure, same metric family, overlapping but different subjects.

    Conflicting: 003 "Alibaba … $7 billion investment" and 004 "Alibaba, Tencent and Baidu
    … invested 50 billion yuan ($7 billion)": one amount, one company against three.
    Consistent: "Alibaba invested $7 billion" in two sources (same subject), or Alibaba's
    $7 billion against ByteDance's $7 billion (subjects share no member: a coincidence).
    """
    blocks: dict[tuple[str, str, str], list[tuple[Decimal, Claim]]] = defaultdict(list)
    for claim in claims:
        key = _family_key(claim)
        found = comparable(claim)
        mid = midpoint(found[1]) if found else None
        if key is None or mid is None or mid <= 0 or claim.subject.kind == "unknown":
            continue
        for member in members(claim.subject):
            blocks[(*key, member)].append((mid, claim))
    found_pairs: dict[tuple[str, str], Finding] = {}
    for block in blocks.values():
        if len({subject_key(c.subject) for _, c in block}) < 2:
            continue  # one subject throughout: nothing credited differently
        block.sort(key=lambda e: (e[0], e[1].id))
        for i, (mid_a, a) in enumerate(block):
            for mid_b, b in block[i + 1 :]:
                if mid_b > mid_a * SAME_FIGURE_WINDOW:
                    break
                if (a.id, b.id) not in found_pairs and _credited_differently(a, b):
                    found_pairs[(a.id, b.id)] = _same_figure_finding(a, b)
    return list(found_pairs.values())


def _credited_differently(a: Claim, b: Claim) -> bool:
    if subject_key(a.subject) == subject_key(b.subject) or not subjects_overlap(
        a.subject, b.subject
    ):
        return False
    fa, fb = comparable(a), comparable(b)
    return fa is not None and fb is not None and same_figure(fa[1], fb[1])


def _same_figure_finding(a: Claim, b: Claim) -> Finding:
    message = (
        f"The same figure is credited to different subjects: {a.span.text!r} is "
        f"{_whose(a, a.metric)} ({format_period(a.period, a.period_text)}) in {a.source_id}, "
        f"but {b.span.text!r} is {_whose(b, b.metric)} "
        f"({format_period(b.period, b.period_text)}) in {b.source_id}."
    )
    return make_finding(
        SAME_FIGURE_OTHER_SUBJECT,
        message,
        [evidence_of(a), evidence_of(b)],
        keys=[content_key(a), content_key(b)],
        rule="each stated figure lies within the other's interval after normalisation",
    )


def _whose(claim: Claim, thing: str) -> str:
    """ "Alibaba's investment", or "the combined investment of Alibaba, Tencent and Baidu"."""
    s = claim.subject
    if s.kind == "group" and s.members:
        names = [*s.members[:-1], f"and {s.members[-1]}"] if len(s.members) > 1 else s.members
        joined = ", ".join(names[:-1]) + " " + names[-1] if len(names) > 2 else " ".join(names)
        return f"the combined {thing} of {joined}"
    return f"{possessive(s.name)} {thing}"


def check_parts(claims: Sequence[Claim]) -> list[Finding]:
    """A member's figure above its group's, for the same metric and period.

    Conflicting: "Alibaba spent 30 billion yuan in H1 2024" against "Alibaba, Tencent and
    Baidu together spent 25 billion yuan in H1 2024".
    Consistent: Alibaba's 23 billion yuan within the three companies' 50 billion yuan.
    """
    singles: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        key = _family_key(claim)
        if key is not None and claim.subject.kind == "single":
            singles[(*key, claim.subject.name)].append(claim)
    findings = []
    for whole in claims:
        key = _family_key(whole)
        found = comparable(whole)
        if key is None or found is None or whole.subject.kind != "group":
            continue
        whole_high = found[1].high
        if whole_high is None or whole.period is None:
            continue
        for name in sorted(members(whole.subject)):
            for part in singles.get((*key, name), []):
                part_found = comparable(part)
                if part_found is None or part_found[1].low is None:
                    continue
                if period_relation(part.period, whole.period) not in ("same", "part"):
                    continue
                if part_found[1].low > whole_high:
                    findings.append(
                        make_finding(
                            PART_EXCEEDS_WHOLE,
                            f"{possessive(name)} {part.metric} {part.span.text!r} "
                            f"({format_amount(part_found[1])}) in {part.source_id} exceeds "
                            f"{_whose(whole, repr(whole.span.text))} "
                            f"({format_amount(found[1])}) in {whole.source_id}.",
                            [evidence_of(part), evidence_of(whole)],
                            keys=[content_key(part), content_key(whole)],
                            rule="a part's lower bound above its whole's upper bound",
                        )
                    )
    return findings

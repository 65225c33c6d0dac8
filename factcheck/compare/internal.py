"""Checks inside one sentence: does a stated growth rate fit the two figures it links?"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.compare.evidence import comparable, content_key, evidence_of
from factcheck.describe import format_number
from factcheck.link import known_metric, metric_family
from factcheck.models import Amount, Claim, Finding, Severity, Source

GROWTH_MISMATCH = CheckInfo(
    "FC108",
    "internal.growth_mismatch",
    Severity.WARNING,
    "A stated growth rate contradicts the two figures it connects.",
    fires=("Zeta Corp's revenue rose 50% to 10 billion yuan from 4 billion yuan in 2023.",),
    quiet=("Zeta Corp's revenue rose 150% to 10 billion yuan from 4 billion yuan in 2023.",),
)

_FROM = re.compile(r"\bfrom\s+$", re.I)
_TO = re.compile(r"\b(?:to|at)\s+$", re.I)


def check_growth(claims: Sequence[Claim], sources: Mapping[str, Source]) -> list[Finding]:
    """ "up X% to A from B": X must fit (A − B) / B within the figures' precision.

    Conflicting: "revenue rose 50% to 10 billion yuan from 4 billion yuan" (that is +150%).
    Consistent: "revenue rose 150% to 10 billion yuan from 4 billion yuan".
    """
    sentences: dict[tuple[str, int], list[Claim]] = defaultdict(list)
    for claim in claims:
        sentences[(claim.source_id, claim.quote.start)].append(claim)
    findings = []
    for (source_id, _), group in sorted(sentences.items()):
        source = sources.get(source_id)
        rates = [c for c in group if c.value.kind == "percent" and c.value.change is not None]
        if source is None or len(rates) != 1:
            continue
        start = _marked(group, source.text, _FROM)
        end = _marked(group, source.text, _TO)
        if start is None or end is None:
            continue
        finding = _compare(rates[0], start, end)
        if finding is not None:
            findings.append(finding)
    return findings


def _marked(group: list[Claim], text: str, marker: re.Pattern[str]) -> Claim | None:
    found = [
        c
        for c in group
        if c.value.kind == "money" and marker.search(text[max(0, c.span.start - 8) : c.span.start])
    ]
    return found[0] if len(found) == 1 else None


def _same_measure(rate: Claim, start: Claim, end: Claim) -> bool:
    """The rate is a change of what the two amounts measure, when all three name a measure."""
    families = {metric_family(c.metric) for c in (start, end) if known_metric(c)}
    if not known_metric(rate) or not families:
        return True
    return any(metric_family(rate.metric).startswith(f) for f in families)


def growth_interval(start: Amount, end: Amount) -> tuple[Decimal, Decimal] | None:
    """The growth, in percent, that two intervals allow: lowest and highest."""
    if None in (start.low, start.high, end.low, end.high) or start.low is None or start.low <= 0:
        return None
    assert start.high is not None and end.low is not None and end.high is not None
    return (
        (end.low - start.high) / start.high * 100,
        (end.high - start.low) / start.low * 100,
    )


def _compare(rate: Claim, start: Claim, end: Claim) -> Finding | None:
    if not (start.value.kind == end.value.kind == "money") or rate.value.kind != "percent":
        return None
    if not _same_measure(rate, start, end):
        return None  # "profit fell from €18.6bn to €5.5bn, with cars sold down 12%"
    if start.value.currency == end.value.currency:
        allowed = growth_interval(start.value.amount, end.value.amount)
    else:
        fs, fe = comparable(start), comparable(end)
        if fs is None or fe is None or fs[0] != fe[0]:
            return None
        allowed = growth_interval(fs[1], fe[1])
    stated = rate.value.amount
    if allowed is None or stated.low is None or stated.high is None:
        return None
    sign = Decimal(-1) if rate.value.change == "fall" else Decimal(1)
    low, high = sorted((sign * stated.low, sign * stated.high))
    if high >= allowed[0] and low <= allowed[1]:
        return None
    return make_finding(
        GROWTH_MISMATCH,
        f"{rate.source_id}: {rate.span.text!r} does not fit {start.span.text!r} → "
        f"{end.span.text!r}, which is a change of {format_number(allowed[0])}% to "
        f"{format_number(allowed[1])}%.",
        [evidence_of(rate), evidence_of(start), evidence_of(end)],
        keys=[content_key(rate), content_key(start), content_key(end)],
        rule="(to − from) / from within the figures' precision",
    )

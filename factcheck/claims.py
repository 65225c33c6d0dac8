"""Claims: a source's figures bound to what they are about.

For every money, percent, count or physical quantity mention, the sentence around it gives
the subject (`subjects.bind_subject`), the metric and scope (`metrics.classify_metric`),
who it is attributed to, and the period: the nearest date or period mention in the same
sentence, combined with a year named elsewhere in the sentence ("Last year, … during the
first half of the year") or with the period a relative phrase refers back to ("from
23 billion yuan the previous year" after "In the first half of 2024"). Money is then
normalised to the common currency at the rate of the claim's date.

A parenthetical restatement in another currency ("50 billion yuan ($7 billion)") is not a
claim of its own: it is kept on the claim as an equivalent, and checked as a conversion.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.metrics import classify_metric
from factcheck.models import (
    Claim,
    Granularity,
    Mention,
    MentionKind,
    Money,
    Period,
    Source,
    Span,
)
from factcheck.normalize.currency import normalize_money
from factcheck.normalize.dates import claim_dates
from factcheck.normalize.intervals import editorial_interval
from factcheck.normalize.periods import shift_period
from factcheck.reference import Reference
from factcheck.subjects import bind_attribution, bind_subject
from factcheck.text import sentences

CLAIM_KINDS = frozenset(
    {
        MentionKind.MONEY,
        MentionKind.PERCENT,
        MentionKind.PERCENTAGE_POINTS,
        MentionKind.COUNT,
        MentionKind.QUANTITY,
    }
)
TIME_KINDS = frozenset({MentionKind.DATE, MentionKind.PERIOD})
_PART_OF_YEAR = frozenset({Granularity.HALF, Granularity.QUARTER, Granularity.MONTH})
_THE_YEAR = re.compile(r"\b(?:the|that|this)\s+year\b", re.I)
_BACK_REFERENCE = re.compile(
    r"\b(?:the\s+(?:previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|before|ago)|"
    r"the\s+same\s+period\s+(?:a\s+year\s+)?(?:earlier|before|last\s+year))\b",
    re.I,
)


@dataclass(frozen=True)
class _Dated:
    """The period a claim is about, its surface words, and how it was decided."""

    period: Period | None
    text: str | None
    trace: tuple[str, ...]


def build_claims(source: Source, mentions: Sequence[Mention], reference: Reference) -> list[Claim]:
    """The claims of one source, in text order."""
    text = source.text
    spans = sentences(text)
    starts = [s.start for s in spans]
    times = sorted((m for m in mentions if m.kind in TIME_KINDS), key=lambda m: m.span.start)
    equivalents: dict[int, list[Money]] = {}
    for m in mentions:
        if m.equivalent_of is not None and isinstance(m.value, Money):
            equivalents.setdefault(m.equivalent_of, []).append(_editorial(m.value))
    claims = []
    for m in mentions:
        if m.kind not in CLAIM_KINDS or m.value is None or m.equivalent_of is not None:
            continue
        if m.value.kind == "period":
            continue
        index = bisect.bisect_right(starts, m.span.start) - 1
        if index < 0 or m.span.start >= spans[index].end:
            continue
        sentence = spans[index]
        claims.append(
            _claim(
                source, m, sentence, mentions, times, equivalents.get(m.span.start, []), reference
            )
        )
    return claims


def _claim(
    source: Source,
    m: Mention,
    sentence: Span,
    mentions: Sequence[Mention],
    times: list[Mention],
    equivalents: list[Money],
    reference: Reference,
) -> Claim:
    assert m.value is not None and m.value.kind != "period"
    subject = bind_subject(source.text, m.span, sentence, mentions, reference)
    metric, scope = classify_metric(sentence.text, m.span.start - sentence.start)
    attributed = bind_attribution(source.text, m.span, sentence, mentions)
    dated = _period(m, sentence, times)
    value = replace(m.value, amount=editorial_interval(m.value.amount))
    trace = [*m.trace]
    if value.amount != m.value.amount:
        trace.append("rounding slack capped at 10% of the stated figure (exact figure)")
    trace.append(f"subject: {subject.name} ({subject.kind})")
    trace.append(f"metric: {metric}" + (f"; scope: {', '.join(scope)}" if scope else ""))
    trace.extend(dated.trace)
    normalized = None
    if isinstance(value, Money):
        candidates = claim_dates(dated.period, source.published)
        on, basis = candidates[0] if candidates else (None, "")
        normalized = normalize_money(value, on, basis=basis)
        if normalized is not None:
            trace.append(f"normalised: {normalized.rule}")
        else:
            trace.append(f"not normalised: no reference rate for {value.currency}")
    return Claim(
        id=f"{source.id}:{m.span.start}-{m.span.end}",
        source_id=source.id,
        span=m.span,
        quote=sentence,
        subject=subject,
        metric=metric,
        scope=scope,
        value=value,
        equivalents=tuple(equivalents),
        period=dated.period,
        period_text=dated.text,
        attributed_to=attributed,
        normalized=normalized,
        trace=tuple(trace),
    )


def _editorial(money: Money) -> Money:
    """A stated conversion ("$1 billion" of "4.6 billion yuan ($1 billion)") under the same
    rounding cap as the figure it restates: half a unit of one digit would be ±50%."""
    return replace(money, amount=editorial_interval(money.amount))


def _in(sentence: Span, m: Mention) -> bool:
    return sentence.start <= m.span.start and m.span.end <= sentence.end


def _period_of(m: Mention) -> Period | None:
    value = m.value
    return value.period if value is not None and value.kind == "period" else None


def _period(m: Mention, sentence: Span, times: list[Mention]) -> _Dated:
    """The period of the figure `m`: the nearest time mention of its sentence, completed."""
    here = [t for t in times if _in(sentence, t)]
    if not here:
        return _Dated(None, None, ("period: none stated in the sentence",))
    nearest = min(here, key=lambda t: (_distance(t.span, m.span), t.span.start))
    period = _period_of(nearest)
    trace = [f"period: {nearest.span.text!r} is the nearest time expression"]
    if _BACK_REFERENCE.search(nearest.span.text):
        earlier = [t for t in times if t.span.end <= nearest.span.start and _period_of(t)]
        if earlier:
            base = _period_of(earlier[-1])
            assert base is not None
            period = shift_period(base, years=-1)
            trace.append(
                f"{nearest.span.text!r} refers back to {earlier[-1].span.text!r}: a year before"
            )
    elif (
        period is not None
        and period.granularity in _PART_OF_YEAR
        and _THE_YEAR.search(nearest.span.text)
    ):
        years = [
            t
            for t in here
            if t is not nearest and (p := _period_of(t)) and p.granularity == Granularity.YEAR
        ]
        if years:
            year = _period_of(years[0])
            assert year is not None and year.start is not None and period.start is not None
            period = shift_period(period, years=year.start.year - period.start.year)
            trace.append(f"'the year' is {years[0].span.text!r}")
        elif any(_period_of(t) is None for t in here if t is not nearest):
            period = None
    elif period is not None:
        trace.extend(nearest.trace)
    if period is None:
        trace.append("period unresolved: " + "; ".join(nearest.trace or ("no reference date",)))
        words = " … ".join(t.span.text for t in here)
        return _Dated(None, words, tuple(trace))
    trace.append(f"period: {period.describe()}")
    return _Dated(period, nearest.span.text, tuple(trace))


def _distance(a: Span, b: Span) -> int:
    if a.end <= b.start:
        return b.start - a.end
    if b.end <= a.start:
        return a.start - b.end
    return 0

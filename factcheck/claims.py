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
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.document import DocumentContext, paragraphs
from factcheck.metrics import classify_metric, reported
from factcheck.models import (
    Claim,
    Granularity,
    Mention,
    MentionKind,
    Money,
    Period,
    Source,
    Span,
    Subject,
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


# A time expression right after a figure dates that figure: "CHF 48.9 billion in H1 2024".
_OWNED = re.compile(
    r"(?i:\s*(?:\([^)]{0,40}\)\s*)?(?:,\s*)?(?:in|for|during|at\s+the\s+end\s+of|as\s+of|at)?\s*)"
)
# The base of a comparison: "compared to Q2 2024", "from the previous quarter", "than 2023".
_BASE_BEFORE = re.compile(
    r"(?i:\b(?:from|compared\s+(?:to|with)|than|versus|vs\.?|against|over|since"
    r"|relative\s+to)(?:\s+(?:the\s+same\s+period\s+(?:of|in)|the\s+year-earlier|the|a|an"
    r"|its|levels?\s+(?:of|in)))*\s*$)"
)
_BASE_REACH = 40
_POSSESSIVE_TIME = re.compile(r"(?:['’]s?|:)\s*")  # "2022's $35.2bn", "(2023: €15.7bn)"
# What introduces the figure a change or a forecast is measured against.
_BASE_FIGURE = re.compile(
    r"(?i:\b(?:surpassing|exceeding|beating|compared\s+(?:to|with)|up\s+from|down\s+from|from"
    r"|than|versus|vs\.?|against)\s+(?:(?:the|a|an|its|their|last\s+year['’]s|\d{4}['’]s"
    r"|the\s+previous|the\s+prior)\s+)*$)"
)
_RANGE_JOIN = re.compile(
    r"(?i:\s*(?:-|–|—|to|-to-|through|until|and)?\s*(?:period|quarter|months|half)?\s*)"
)


@dataclass(frozen=True)
class _Dated:
    """The period a claim is about, its surface words, and how it was decided."""

    period: Period | None
    text: str | None
    trace: tuple[str, ...]


def build_claims(
    source: Source,
    mentions: Sequence[Mention],
    reference: Reference,
    context: DocumentContext | None = None,
) -> list[Claim]:
    """The claims of one source, in text order; `context` fills a subject or period that a
    claim's sentence does not give.

    Each mention is placed in its sentence and paragraph once, so a claim only ever looks at
    the mentions near it: the cost grows with the text, not with its square.
    """
    context = context or DocumentContext()
    text = source.text
    spans = sentences(text)
    starts = [s.start for s in spans]
    blocks = paragraphs(text)
    block_starts = [p.start for p in blocks]
    in_sentence: dict[int, list[Mention]] = defaultdict(list)
    in_block: dict[int, list[Mention]] = defaultdict(list)
    for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.kind.value)):
        in_sentence[bisect.bisect_right(starts, m.span.start) - 1].append(m)
        in_block[bisect.bisect_right(block_starts, m.span.start) - 1].append(m)
    dated = [t for t in mentions if t.kind in TIME_KINDS and _period_of(t) is not None]
    dated.sort(key=lambda t: (t.span.end, t.span.start))
    history = _Earlier(dated, [t.span.end for t in dated])
    equivalents: dict[int, list[Money]] = {}
    for m in mentions:
        if m.equivalent_of is not None and isinstance(m.value, Money):
            equivalents.setdefault(m.equivalent_of, []).append(_editorial(m.value))
    claims = []
    for index, local in sorted(in_sentence.items()):
        if index < 0:
            continue
        sentence = spans[index]
        here = [m for m in local if _in(sentence, m)]
        times = [t for t in here if t.kind in TIME_KINDS]
        figures = [f for f in here if f.kind in CLAIM_KINDS]
        previous: Claim | None = None
        for m in figures:
            if m.value is None or m.equivalent_of is not None:
                continue
            if m.value.kind == "period" or any(_covers(t, m) for t in times):
                continue
            block = bisect.bisect_right(block_starts, m.span.start) - 1
            base_of = previous if previous and _is_base(text, sentence, m, previous) else None
            claim = _claim(
                source,
                m,
                sentence,
                in_block.get(block, here),
                _own_times(m, figures, times, sentence, text),
                history,
                equivalents.get(m.span.start, []),
                reference,
                context,
                base_of,
            )
            claims.append(claim)
            previous = claim
    return claims


def _is_base(text: str, sentence: Span, m: Mention, previous: Claim) -> bool:
    """Whether `m` is the figure `previous` is compared with ("$40 billion, surpassing
    2024's $29.2 billion", "2.2%, down from 8.7%"): the same kind of value, introduced as a
    comparison's base."""
    if m.value is None or m.value.kind != previous.value.kind:
        return False
    before = text[max(sentence.start, previous.span.end, m.span.start - _BASE_REACH) : m.span.start]
    return bool(_BASE_FIGURE.search(before))


@dataclass(frozen=True)
class _Earlier:
    """Dated time mentions by where they end, to find the last one before a position."""

    mentions: list[Mention]
    ends: list[int]

    def before(self, offset: int) -> Mention | None:
        at = bisect.bisect_right(self.ends, offset) - 1
        return self.mentions[at] if at >= 0 else None


def _claim(
    source: Source,
    m: Mention,
    sentence: Span,
    mentions: Sequence[Mention],
    times: tuple[list[Mention], list[Mention]],
    history: _Earlier,
    equivalents: list[Money],
    reference: Reference,
    context: DocumentContext,
    base_of: Claim | None = None,
) -> Claim:
    assert m.value is not None and m.value.kind != "period"
    subject = bind_subject(source.text, m.span, sentence, mentions, reference)
    metric, scope = classify_metric(sentence.text, m.span.start - sentence.start)
    if base_of is not None and base_of.metric != metric:
        # a comparison's base measures what its figure measures, as reported, not expected
        metric = reported(base_of.metric)
    attributed = bind_attribution(source.text, m.span, sentence, mentions)
    own, bases = times
    dated = _period(m, own, history)
    inferred: list[str] = []
    if subject.kind == "unknown" and context.organization is not None:
        subject = Subject(name=context.organization)
        inferred.append(f"subject: {context.organization}, from {context.organization_basis}")
    if dated.period is None and dated.text is None and context.period is not None:
        dated = _Dated(
            context.period,
            context.period_text,
            (*dated.trace, f"period: {context.period.describe()}, from {context.period_basis}"),
        )
        inferred.append(f"period: {context.period.describe()}, from {context.period_basis}")
    basis = None
    if metric.endswith("_growth") and dated.period is not None:
        basis = _basis_of(dated.period, [p for b in bases if (p := _period_of(b))])
        metric += f"_{basis}" if basis else ""
    value = replace(m.value, amount=editorial_interval(m.value.amount))
    trace = [*m.trace]
    if value.amount != m.value.amount:
        trace.append("rounding slack capped at 10% of the stated figure (exact figure)")
    trace.append(f"subject: {subject.name} ({subject.kind})")
    trace.extend(f"inferred {what}" for what in inferred)
    if basis:
        trace.append(f"basis: {basis}, from the period the change is measured against")
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
        inferred=tuple(inferred),
        trace=tuple(trace),
    )


def _covers(t: Mention, m: Mention) -> bool:
    """A number that is part of a date or period ("2025 results" after "third-quarter")."""
    return t.span.start <= m.span.start and m.span.end <= t.span.end


def _own_times(
    m: Mention, figures: Sequence[Mention], times: list[Mention], sentence: Span, text: str
) -> tuple[list[Mention], list[Mention]]:
    """The time expressions of `m`'s sentence that may date `m` — not one that dates another
    figure right before it ("from CHF 48.9 billion in H1 2024"), nor a comparison's base
    ("compared to Q2 2024", "than in 2023") unless it follows `m` itself — and the bases."""
    out: list[Mention] = []
    bases: list[Mention] = []
    for t in times:
        if _POSSESSIVE_TIME.fullmatch(text[t.span.end : m.span.start]):
            out.append(t)  # "2022's $35.2 billion": the year is this figure's own
            continue
        if any(
            f.span.start >= t.span.end
            and _POSSESSIVE_TIME.fullmatch(text[t.span.end : f.span.start])
            for f in figures
        ):
            continue  # "€16.7bn (2023: €15.7bn)": 2023 is the other figure's
        before = text[max(sentence.start, t.span.start - _BASE_REACH) : t.span.start]
        owner = next(
            (
                f
                for f in reversed(figures)
                if f.span.end <= t.span.start and _OWNED.fullmatch(text[f.span.end : t.span.start])
            ),
            None,
        )
        if owner is not None and owner.span.start != m.span.start:
            continue
        joined = bases and _RANGE_JOIN.fullmatch(text[bases[-1].span.end : t.span.start])
        if owner is None and (_BASE_BEFORE.search(before) or joined):
            bases.append(t)  # "from the April-to-June period": both ends are the base
            continue
        out.append(t)
    return out, bases


def _basis_of(period: Period, bases: list[Period]) -> str | None:
    """ "yoy" when a change is measured against the period a year before its own, "qoq"
    against the quarter before ("a 10% drop compared to Q2 2024", said of Q2 2025)."""
    for base in bases:
        if _same_days(shift_period(base, years=1), period):
            return "yoy"
        if period.granularity == Granularity.QUARTER and _same_days(
            shift_period(base, months=3), period
        ):
            return "qoq"
    return None


def _same_days(a: Period, b: Period) -> bool:
    return (a.start, a.end) == (b.start, b.end)


def _editorial(money: Money) -> Money:
    """A stated conversion ("$1 billion" of "4.6 billion yuan ($1 billion)") under the same
    rounding cap as the figure it restates: half a unit of one digit would be ±50%."""
    return replace(money, amount=editorial_interval(money.amount))


def _in(sentence: Span, m: Mention) -> bool:
    return sentence.start <= m.span.start and m.span.end <= sentence.end


def _period_of(m: Mention) -> Period | None:
    value = m.value
    return value.period if value is not None and value.kind == "period" else None


def _period(m: Mention, here: list[Mention], history: _Earlier) -> _Dated:
    """The period of the figure `m`: the nearest of the time mentions `here` that may date it
    (see `_own_times`), completed by a year or by the period a back reference points to."""
    if not here:
        return _Dated(None, None, ("period: none stated in the sentence",))
    nearest = min(here, key=lambda t: (_distance(t.span, m.span), t.span.start))
    period = _period_of(nearest)
    trace = [f"period: {nearest.span.text!r} is the nearest time expression"]
    if _BACK_REFERENCE.search(nearest.span.text):
        earlier = history.before(nearest.span.start)
        if earlier is not None:
            base = _period_of(earlier)
            assert base is not None
            period = shift_period(base, years=-1)
            trace.append(
                f"{nearest.span.text!r} refers back to {earlier.span.text!r}: a year before"
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

"""Checks on the figures of one claim group (same subject, metric family and kind of value).

Inside a group, claims are bucketed by period (the days it covers, whatever its name, or
"not known"), and each bucket's claims are clustered: a cluster is a set of claims whose
intervals all share a common stretch, so every claim in it agrees with every other.
Findings are then made per cluster (agreement) and per pair of clusters (conflict), never
per pair of claims, which keeps the work near-linear however many sources repeat a figure.
A narrower scope's smaller figure ("revenue of $1.2 billion from its cloud business") is a
part of the unscoped whole, not a conflict with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.compare.evidence import (
    comparable,
    content_key,
    evidence_of,
    midpoint,
    same_figure,
)
from factcheck.describe import format_amount, format_period, possessive
from factcheck.models import Amount, Claim, Finding, Money, Period, Severity

VALUE_MISMATCH = CheckInfo(
    "FC101",
    "value.mismatch",
    Severity.ERROR,
    "Sources give different values for the same subject, metric and period.",
    fires=(
        "Orbital Freight reported revenue of $4.1 billion for the second quarter of 2024.",
        "Orbital Freight's revenue in the second quarter of 2024 was $5.3 billion.",
    ),
    quiet=(
        "Orbital Freight reported revenue of $4.1 billion for the second quarter of 2024.",
        "Orbital Freight's revenue in the second quarter of 2024 was about $4.1 billion.",
    ),
)
SCOPE_DIFFERS = CheckInfo(
    "FC110",
    "value.scope_differs",
    Severity.WARNING,
    "Different values whose claims also differ in scope: maybe not the same thing.",
    fires=(
        "Zenith Motors invested $2 billion in AI chips in 2024.",
        "Zenith Motors invested $3.5 billion in cloud infrastructure in 2024.",
    ),
    quiet=(
        "Zenith Motors invested $2 billion in AI chips in 2024.",
        "Zenith Motors invested $2 billion in AI chips in 2024, a filing shows.",
    ),
)
MAGNITUDE_ERROR = CheckInfo(
    "FC104",
    "value.magnitude_error",
    Severity.ERROR,
    "Values differ by a factor near 10, 100, 1,000 or 10,000: a likely unit or scale error.",
    fires=(
        "Lotus Pharma's revenue was 162 billion yuan in 2023.",
        "Lotus Pharma's revenue was 1,620 billion yuan in 2023.",
    ),
    quiet=(
        "Lotus Pharma's revenue was 162 billion yuan in 2023.",
        "Lotus Pharma's revenue was 162.4 billion yuan in 2023.",
    ),
)
PERIOD_MISLABELLED = CheckInfo(
    "FC105",
    "period.mislabelled",
    Severity.WARNING,
    "The same figure is given for two different periods of the same length.",
    fires=(
        "Orbital Freight's revenue was $4.2 billion in the second quarter of 2024.",
        "Orbital Freight's revenue was $4.2 billion in the third quarter of 2024.",
    ),
    quiet=(
        "Orbital Freight's revenue was $4.2 billion in the second quarter of 2024.",
        "Orbital Freight's revenue was $5.1 billion in the third quarter of 2024.",
    ),
)
AGREEMENT = CheckInfo(
    "FC901",
    "value.agreement",
    Severity.INFO,
    "Several sources agree on a figure.",
    fires=(
        "Harbor Robotics invested 70 billion yuan in factories in 2024.",
        "Harbor Robotics invested about $9.8 billion in factories in 2024.",
    ),
    quiet=(
        "Harbor Robotics invested 70 billion yuan in factories in 2024.",
        "Harbor Robotics invested $14 billion in factories in 2024.",
    ),
)

MAGNITUDE_FACTORS = (10, 100, 1_000, 10_000, 1_000_000)  # 10^6: "CHF 10,884" (millions dropped)
MAGNITUDE_SLACK = Decimal("0.12")  # how far a ratio may stray from 10^k and still count
LISTING_VALUES = 3  # a source with this many different figures for one thing lists parts
RIVAL_MAX_RATIO = Decimal("2.5")  # figures further apart (and not 10^k) are not rivals
EVIDENCE_PER_SIDE = 10  # the most claims a finding quotes from one cluster


@dataclass(frozen=True)
class _Item:
    claim: Claim
    amount: Amount


@dataclass(frozen=True)
class _Cluster:
    items: tuple[_Item, ...]
    low: Decimal | None  # the stretch every member allows
    high: Decimal | None

    @property
    def claims(self) -> list[Claim]:
        return [i.claim for i in self.items]

    @property
    def sources(self) -> set[str]:
        return {i.claim.source_id for i in self.items}

    @property
    def scopes(self) -> set[tuple[str, ...]]:
        return {i.claim.scope for i in self.items}

    def representative(self) -> _Item:
        """The most precisely stated member: the narrowest interval."""
        return min(self.items, key=lambda i: (_width(i.amount), i.claim.id))


def _width(amount: Amount) -> Decimal:
    if amount.low is None or amount.high is None:
        return Decimal("Infinity")
    return amount.high - amount.low


def cluster(items: Iterable[_Item]) -> list[_Cluster]:
    """Greedy sweep by lower bound; a claim joins while it overlaps the common stretch."""
    ordered = sorted(
        items,
        key=lambda i: (
            i.amount.low is not None,
            i.amount.low or Decimal(0),
            midpoint(i.amount) or Decimal(0),
            i.claim.id,
        ),
    )
    out: list[_Cluster] = []
    current: list[_Item] = []
    low: Decimal | None = None
    high: Decimal | None = None
    for item in ordered:
        a = item.amount
        if current and (high is None or a.low is None or a.low <= high):
            current.append(item)
            low = a.low if low is None else (low if a.low is None else max(low, a.low))
            high = a.high if high is None else (high if a.high is None else min(high, a.high))
            continue
        if current:
            out.append(_Cluster(tuple(current), low, high))
        current, low, high = [item], a.low, a.high
    if current:
        out.append(_Cluster(tuple(current), low, high))
    return out


def check_group(claims: Sequence[Claim]) -> list[Finding]:
    """All value findings for one claim group."""
    buckets: dict[tuple[str, str, str], list[_Item]] = defaultdict(list)
    for claim in claims:
        found = comparable(claim)
        if found is None:
            continue
        unit, amount = found
        buckets[(unit, *_days(claim.period))].append(_Item(claim, amount))
    findings: list[Finding] = []
    by_unit: dict[str, list[tuple[Period | None, list[_Cluster]]]] = defaultdict(list)
    for (unit, *_), items in sorted(buckets.items()):
        period = _bucket_period(items)
        findings.extend(_agreements(cluster(items), period))
        listing = _listing_sources(items)
        clusters = cluster(i for i in items if (i.claim.source_id, i.claim.scope) not in listing)
        by_unit[unit].append((period, clusters))
        for i, a in enumerate(clusters):
            for b in clusters[i + 1 :]:
                if _disagree(a, b) and _rivals(a, b, aligned=period is not None):
                    findings.append(_conflict(a, b, aligned=period is not None))
    for entries in by_unit.values():
        findings.extend(_across_periods(entries))
    return findings


def _listing_sources(items: Sequence[_Item]) -> set[tuple[str, tuple[str, ...]]]:
    """(source, scope) pairs in which a source gives `LISTING_VALUES` or more different figures
    for one subject, metric and period: it lists the parts of a thing (tranches, segments,
    estimates and actuals), so none of those figures is a rival to another source's."""
    by_source: dict[tuple[str, tuple[str, ...]], list[_Item]] = defaultdict(list)
    for item in items:
        by_source[(item.claim.source_id, item.claim.scope)].append(item)
    return {key for key, mine in by_source.items() if len(cluster(mine)) >= LISTING_VALUES}


def _days(period: Period | None) -> tuple[str, str]:
    """A period by its days alone: "fiscal 2023 (calendar year)" and "2023" are one bucket,
    as are "H1 2024" and "the first six months of 2024"."""
    if period is None:
        return "", ""
    return str(period.start), str(period.end)


def _bucket_period(items: Sequence[_Item]) -> Period | None:
    """The period a bucket speaks of, under the name that sorts first (order-independent)."""
    periods = {i.claim.period for i in items if i.claim.period is not None}
    return min(periods, key=lambda p: (p.describe(), p.granularity.value)) if periods else None


def _across_periods(entries: list[tuple[Period | None, list[_Cluster]]]) -> list[Finding]:
    """Unknown periods against known ones (warnings, for `_rivals` only); disjoint
    equal-length periods given the same figure (a likely wrong label)."""
    findings: list[Finding] = []
    for i, (p, clusters_p) in enumerate(entries):
        for q, clusters_q in entries[i + 1 :]:
            if p is None or q is None:
                for a in clusters_p:
                    for b in clusters_q:
                        if not _overlap(a, b) and _rivals(a, b, aligned=False) and _disagree(a, b):
                            findings.append(_conflict(a, b, aligned=False))
            elif not p.overlaps(q) and p.granularity == q.granularity:
                findings.extend(_mislabelled(clusters_p, p, clusters_q, q))
    return findings


def _disagree(a: _Cluster, b: _Cluster) -> bool:
    """Two clusters of one bucket make a conflict unless they are one sentence's comparison
    or a narrower scope's part below the whole."""
    return not (
        _one_sentence(a, b)
        or _part_below_whole(a, b)
        or _part_below_whole(b, a)
        or _agree_as_stated(a, b)
    )


def _agree_as_stated(a: _Cluster, b: _Cluster) -> bool:
    """Figures stated in one currency that agree as stated are not set apart by the rates
    they were each converted at ("74 trillion won" against "74 trillion won", one dated and
    one not): they disagree only if they differ both as stated and as converted."""
    stated = [i.claim.value for i in (*a.items, *b.items)]
    if not all(isinstance(v, Money) for v in stated):
        return False
    if len({v.currency for v in stated if isinstance(v, Money)}) != 1:
        return False
    ra, rb = a.representative().claim.value, b.representative().claim.value
    assert isinstance(ra, Money) and isinstance(rb, Money)
    return _meet(ra.amount.low, ra.amount.high, rb.amount.low, rb.amount.high)


def _meet(
    low_a: Decimal | None, high_a: Decimal | None, low_b: Decimal | None, high_b: Decimal | None
) -> bool:
    """Whether two intervals (None: open on that side) share a point."""
    return (high_a is None or low_b is None or low_b <= high_a) and (
        high_b is None or low_a is None or low_a <= high_b
    )


def _part_below_whole(part: _Cluster, whole: _Cluster) -> bool:
    """ "revenue of $1.2 billion from its cloud business" under "revenue of $5.6 billion": every
    claim of `part` names a scope, none of `whole` does, and the part is the smaller figure.
    A part above its whole is still flagged (as a scope difference)."""
    if not all(part.scopes) or any(whole.scopes):
        return False
    p, w = midpoint(part.representative().amount), midpoint(whole.representative().amount)
    return p is not None and w is not None and p < w


def _one_sentence(a: _Cluster, b: _Cluster) -> bool:
    """Two figures of one sentence are a comparison ("from 4 billion to 10 billion"), not
    two sources disagreeing; growth rates between them are checked by `internal`."""
    places = {(i.claim.source_id, i.claim.quote.start) for i in (*a.items, *b.items)}
    return len(places) == 1


def _agreements(clusters: list[_Cluster], period: Period | None) -> list[Finding]:
    out = []
    for c in clusters:
        if len(c.sources) < 2:
            continue
        rep = c.representative()
        n = len(c.sources)
        out.append(
            make_finding(
                AGREEMENT,
                f"{n} sources agree on {possessive(rep.claim.subject.name)} {rep.claim.metric}: "
                f"{rep.claim.span.text!r} and {len(c.items) - 1} more "
                f"({format_period(period)}).",
                [evidence_of(i.claim) for i in c.items[:EVIDENCE_PER_SIDE]],
                keys=[content_key(i.claim) for i in c.items],
                rule="intervals overlap after normalisation",
            )
        )
    return out


def magnitude_factor(a: Decimal, b: Decimal) -> int | None:
    """The power of ten (10 … 10,000) that `a / b` is close to, if any."""
    if a <= 0 or b <= 0:
        return None
    ratio = max(a, b) / min(a, b)
    for factor in MAGNITUDE_FACTORS:
        if abs(ratio / factor - 1) <= MAGNITUDE_SLACK:
            return factor
    return None


def _overlap(a: _Cluster, b: _Cluster) -> bool:
    return _meet(a.low, a.high, b.low, b.high)


def _one_source(a: _Cluster, b: _Cluster) -> bool:
    return len(a.sources | b.sources) == 1


def _rivals(a: _Cluster, b: _Cluster, *, aligned: bool) -> bool:
    """Whether two figures are near enough to be rival statements of one thing: amounts within
    `RIVAL_MAX_RATIO` of each other, or a power of ten apart (a slip of scale). Amounts
    further apart are different things under one name — a tranche and the whole round, a
    quarter and its year, a segment and the group — not sources disagreeing. Percentages of
    one period are always rivals (a change of 1% against one of 2.9% is one measure stated
    twice); of unknown periods never (each quarter has its own growth rate). Amounts of an
    unknown period are rivals only within one source or when both name what part they are
    ("an initial $10 billion", "in AI chips"): unnamed, undated figures of a deal or a company
    are most often different rounds, tranches and years."""
    if a.representative().claim.value.kind in ("percent", "percentage_points"):
        return aligned
    named = a.representative().claim.scope and b.representative().claim.scope
    if not aligned and not (_one_source(a, b) or named):
        return False  # of unknown period, only a named part ("an initial $10bn") or one story's
    ma, mb = midpoint(a.representative().amount), midpoint(b.representative().amount)
    if ma is None or mb is None or ma <= 0 or mb <= 0:
        return False
    return max(ma, mb) / min(ma, mb) <= RIVAL_MAX_RATIO or magnitude_factor(ma, mb) is not None


def _conflict(a: _Cluster, b: _Cluster, *, aligned: bool) -> Finding:
    ra, rb = a.representative(), b.representative()
    ma, mb = midpoint(ra.amount), midpoint(rb.amount)
    factor = magnitude_factor(ma, mb) if ma is not None and mb is not None else None
    scope_differs = not (a.scopes & b.scopes)
    if factor is not None:
        info = MAGNITUDE_ERROR
        why = f"the values differ by a factor of about {factor:,}: a likely scale error"
    elif scope_differs:
        info = SCOPE_DIFFERS
        why = (
            f"the scopes differ ({_scope_words(a)} against {_scope_words(b)}), "
            "so they may not measure the same thing"
        )
    else:
        info = VALUE_MISMATCH
        why = "the intervals do not overlap"
    inferred = sorted({w for i in (*a.items, *b.items) for w in i.claim.inferred})
    severity = Severity.WARNING if inferred or not aligned else info.severity
    if not aligned:
        why += "; the periods could not be aligned (one or both unknown)"
    if inferred:
        why += f"; this rests on what the document implies ({'; '.join(inferred)})"
    same_source = a.sources == b.sources and len(a.sources) == 1
    claim = ra.claim
    message = (
        f"{possessive(claim.subject.name)} {claim.metric}: {ra.claim.span.text!r} "
        f"({format_amount(ra.amount)}) in {_names(a)} against {rb.claim.span.text!r} "
        f"({format_amount(rb.amount)}) in {_names(b)}"
        f"{' (within one source)' if same_source else ''}: {why}."
    )
    return make_finding(
        info,
        message,
        [
            evidence_of(i.claim)
            for i in (*a.items[:EVIDENCE_PER_SIDE], *b.items[:EVIDENCE_PER_SIDE])
        ],
        keys=[content_key(i.claim) for i in (*a.items, *b.items)],
        rule=_rules(ra, rb),
        severity=severity,
    )


def _mislabelled(
    clusters_p: list[_Cluster], p: Period, clusters_q: list[_Cluster], q: Period
) -> list[Finding]:
    out = []
    for a in clusters_p:
        for b in clusters_q:
            ra, rb = a.representative(), b.representative()
            if not same_figure(ra.amount, rb.amount):
                continue
            out.append(
                make_finding(
                    PERIOD_MISLABELLED,
                    f"{possessive(ra.claim.subject.name)} {ra.claim.metric}: the same figure "
                    f"({ra.claim.span.text!r}, {rb.claim.span.text!r}) is given for "
                    f"{p.describe()} in {_names(a)} and for {q.describe()} in {_names(b)}: "
                    "one of them may have the period wrong.",
                    [evidence_of(i.claim) for i in (*a.items, *b.items)][: 2 * EVIDENCE_PER_SIDE],
                    keys=[content_key(i.claim) for i in (*a.items, *b.items)],
                    rule="same figure, disjoint periods of the same granularity",
                )
            )
    return out


def _scope_words(c: _Cluster) -> str:
    """ "AI chips, cloud" or "no stated scope", for every scope a cluster's claims name."""
    return " / ".join(sorted(", ".join(s) if s else "no stated scope" for s in c.scopes))


def _names(c: _Cluster) -> str:
    return ", ".join(sorted(c.sources))


def _rules(*items: _Item) -> str:
    rules = []
    for item in items:
        n = item.claim.normalized
        if n is not None and n.rule not in rules:
            rules.append(n.rule)
    return "; ".join(rules) or "intervals from stated precision and qualifiers"

"""Qualifiers and intervals: how the words around a figure turn it into an `Amount`.

Rules (DESIGN.md §3):
- a stated figure means ± half a unit of its last stated digit ("$7 billion" → [6.5, 7.5] bn);
- "about", "approximately", "around", "roughly", "some" … widen that margin by a further
  5 % of the figure (`APPROXIMATE_SHARE`): "about $7 billion" → [6.15, 7.85] bn, "about
  3.2%" → [2.99, 3.41];
- "more than", "over", "at least", "-plus", 超过 … keep the low bound only (high None);
- "up to", "under", "less than", "nearly", "almost" … keep the high bound only (low None);
- "exactly", "equal to": the figure itself, no rounding margin;
- a range ("$12-15 billion", "between 320,000 and 330,000") gives low and high, stated None.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum

from factcheck.regex_cache import compile_pattern
from factcheck.values import Amount

__all__ = [
    "APPROXIMATE_SHARE",
    "Bound",
    "amount_for",
    "qualifier_after",
    "qualifier_before",
    "range_amount",
]

APPROXIMATE_SHARE = Decimal("0.05")


class Bound(StrEnum):
    """What a qualifier does to a figure."""

    POINT = "point"
    APPROX = "approx"
    LOWER = "lower"  # the figure is a lower bound: "more than"
    UPPER = "upper"  # the figure is an upper bound: "up to"
    EXACT = "exact"


_BEFORE: dict[Bound, tuple[str, ...]] = {
    Bound.APPROX: (
        r"about",
        r"approximately",
        r"approx\.?",
        r"around",
        r"roughly",
        r"some",
        r"circa",
        r"ca\.",
        r"close\s+to",
        r"an\s+estimated",
        r"estimated",
        r"nearly\s+about",
        r"~",
        r"约",
        r"約",
        r"大约",
        r"大約",
    ),
    Bound.LOWER: (
        r"more\s+than",
        r"over",
        r"above",
        r"exceeding",
        r"in\s+excess\s+of",
        r"upwards\s+of",
        r"at\s+least",
        r"a\s+minimum\s+of",
        r"no\s+less\s+than",
        r"not\s+less\s+than",
        r"no\s+fewer\s+than",
        r"greater\s+than",
        r"higher\s+than",
        r"bigger\s+than",
        r"larger\s+than",
        r"north\s+of",
        r"just\s+over",
        r"well\s+over",
        r"well\s+above",
        r"greater\s+than\s+or\s+equal\s+to",
        r"(?:higher|greater|larger|more)\s+or\s+equal\s+(?:than|to)",
        r"more\s+than\s+or\s+equal\s+to",
        r"≥",
        r">=",
        r">",
        r"超过",
        r"超過",
        r"逾",
        r"多于",
    ),
    Bound.UPPER: (
        r"up\s+to",
        r"as\s+much\s+as",
        r"as\s+many\s+as",
        r"as\s+high\s+as",
        r"under",
        r"below",
        r"less\s+than",
        r"fewer\s+than",
        r"lower\s+than",
        r"smaller\s+than",
        r"at\s+most",
        r"no\s+more\s+than",
        r"not\s+more\s+than",
        r"a\s+maximum\s+of",
        r"nearly",
        r"almost",
        r"just\s+under",
        r"just\s+below",
        r"less\s+than\s+or\s+equal\s+to",
        r"(?:less|lower|smaller|fewer)\s+or\s+equal\s+(?:than|to)",
        r"fewer\s+than\s+or\s+equal\s+to",
        r"≤",
        r"<=",
        r"<",
        r"不到",
        r"近",
    ),
    Bound.EXACT: (
        r"exactly",
        r"precisely",
        r"equal\s+to",
        r"equals(?:\s+to)?",
        r"equaling\s+to",
        r"equalling\s+to",
        r"=",
    ),
}

_AFTER: dict[Bound, tuple[str, ...]] = {
    Bound.LOWER: (
        r"-?plus",
        r"\+",
        r"or\s+more",
        r"or\s+above",
        r"or\s+higher",
        r"or\s+greater",
        r"or\s+over",
        r"and\s+above",
        r"and\s+over",
        r"and\s+up",
        r"多",
        r"以上",
    ),
    Bound.UPPER: (
        r"or\s+less",
        r"or\s+fewer",
        r"or\s+below",
        r"or\s+lower",
        r"or\s+under",
        r"and\s+below",
        r"and\s+under",
        r"以下",
    ),
    Bound.APPROX: (r"or\s+so", r"左右", r"前後", r"程度"),
}


def _compile_before() -> re.Pattern[str]:
    parts = []
    for bound, forms in _BEFORE.items():
        ordered = sorted(forms, key=len, reverse=True)
        parts.append(f"(?P<{bound.value}>{'|'.join(ordered)})")
    return compile_pattern(
        r"(?<![A-Za-z])(?:" + "|".join(parts) + r")[ \u00a0]*\Z",
        re.IGNORECASE,
    )


def _compile_after() -> re.Pattern[str]:
    parts = []
    for bound, forms in _AFTER.items():
        ordered = sorted(forms, key=len, reverse=True)
        parts.append(f"(?P<{bound.value}>{'|'.join(ordered)})")
    return compile_pattern(r"[ \u00a0]?(?:" + "|".join(parts) + r")(?![A-Za-z0-9])", re.IGNORECASE)


_QUALIFIER_BEFORE = _compile_before()
_QUALIFIER_AFTER = _compile_after()
_WINDOW = 40


def qualifier_before(text: str, start: int) -> tuple[int, Bound, str] | None:
    """The qualifier that ends where a figure starts: (its start, its bound, its words)."""
    lo = max(0, start - _WINDOW)
    match = _QUALIFIER_BEFORE.search(text[lo:start])
    if match is None or match.lastgroup is None:
        return None
    words = re.sub(r"\s+", " ", match[match.lastgroup].lower())
    return lo + match.start(), Bound(match.lastgroup), words


def qualifier_after(text: str, end: int) -> tuple[int, Bound, str] | None:
    """The qualifier that starts where a figure ends ("-plus", "or more"): (its end, …)."""
    match = _QUALIFIER_AFTER.match(text, end)
    if match is None or match.lastgroup is None:
        return None
    words = re.sub(r"\s+", " ", match[match.lastgroup].lower())
    return match.end(), Bound(match.lastgroup), words


def amount_for(
    stated: Decimal, unit: Decimal, bound: Bound, qualifier: str | None = None
) -> Amount:
    """The interval a stated figure allows, given its precision and its qualifier."""
    half = unit / 2
    if bound is Bound.LOWER:
        return Amount(stated=stated, low=stated, high=None, qualifier=qualifier)
    if bound is Bound.UPPER:
        return Amount(stated=stated, low=None, high=stated, qualifier=qualifier)
    if bound is Bound.EXACT:
        return Amount(stated=stated, low=stated, high=stated, qualifier=qualifier)
    if bound is Bound.APPROX:
        half += abs(stated) * APPROXIMATE_SHARE
    return Amount(stated=stated, low=stated - half, high=stated + half, qualifier=qualifier)


def range_amount(low: Decimal, high: Decimal, qualifier: str = "range") -> Amount:
    """A stated range: its two ends, no single stated figure."""
    return Amount(stated=None, low=min(low, high), high=max(low, high), qualifier=qualifier)

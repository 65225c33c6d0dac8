"""The tolerance policy applied to extracted intervals before any comparison.

The extractor reads what the digits allow: half a unit of the last stated digit
("$7 billion" → 6.5–7.5 bn, "$3.22 billion" → 3.215–3.225 bn). For a figure stated with
a single significant digit that rule is too loose to be useful: "$1 billion" would admit
anything from 0.5 to 1.5 billion and hide a real "$1 billion" against "$800 million"
conflict. So an exact figure (no qualifier such as "about" or "more than") is allowed at
most `MAX_ROUNDING` relative slack on each side. An approximate figure ("about $20bn") is
allowed that and `APPROXIMATE_SHARE` more, so "about $20bn" (trailing zero: ±5bn by its
digits) still conflicts with "$15bn": a qualifier widens by a bounded share of the figure,
never by the whole looseness of a round number. Bounds ("more than") keep their bounds.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from factcheck.extract.amounts import APPROXIMATE_SHARE
from factcheck.values import Amount

MAX_ROUNDING = Decimal("0.10")


def editorial_interval(amount: Amount) -> Amount:
    """`amount` with its rounding slack capped at `MAX_ROUNDING` of the stated figure (and
    `APPROXIMATE_SHARE` more when it is approximate)."""
    stated = amount.stated
    if stated is None or stated == 0:
        return amount
    share = MAX_ROUNDING
    if amount.qualifier is not None:
        if not _approximate(amount):
            return amount
        share += APPROXIMATE_SHARE
    slack = abs(stated) * share
    low = amount.low if amount.low is None else max(amount.low, stated - slack)
    high = amount.high if amount.high is None else min(amount.high, stated + slack)
    if low == amount.low and high == amount.high:
        return amount
    return replace(amount, low=low, high=high)


def _approximate(amount: Amount) -> bool:
    """A qualified figure with room on both sides: "about", "around", "some" (a bound such as
    "more than" is open on one side; "exactly" has no room)."""
    low, high, stated = amount.low, amount.high, amount.stated
    return low is not None and high is not None and stated is not None and low < stated < high

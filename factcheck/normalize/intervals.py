"""The tolerance policy applied to extracted intervals before any comparison.

The extractor reads what the digits allow: half a unit of the last stated digit
("$7 billion" → 6.5–7.5 bn, "$3.22 billion" → 3.215–3.225 bn). For a figure stated with
a single significant digit that rule is too loose to be useful: "$1 billion" would admit
anything from 0.5 to 1.5 billion and hide a real "$1 billion" against "$800 million"
conflict. So an exact figure (no qualifier such as "about" or "more than") is allowed at
most `MAX_ROUNDING` relative slack on each side. Qualified figures keep their bounds.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from factcheck.values import Amount

MAX_ROUNDING = Decimal("0.10")


def editorial_interval(amount: Amount) -> Amount:
    """`amount` with its rounding slack capped at `MAX_ROUNDING` of the stated figure."""
    stated = amount.stated
    if amount.qualifier is not None or stated is None or stated == 0:
        return amount
    slack = abs(stated) * MAX_ROUNDING
    low = amount.low if amount.low is None else max(amount.low, stated - slack)
    high = amount.high if amount.high is None else min(amount.high, stated + slack)
    if low == amount.low and high == amount.high:
        return amount
    return replace(amount, low=low, high=high)

"""Which day's exchange rate a claim is converted at.

A claim is dated by its source's publication date (the day the writer converted at) and,
failing that, by the last day of the period it speaks of. Both are candidates for checking
a stated conversion; the first is the one used to normalise the claim.
"""

from __future__ import annotations

from datetime import date, timedelta

from factcheck.values import Period

Candidate = tuple[date, str]


def _middle(period: Period) -> date | None:
    if period.start is None or period.end is None:
        return period.start or period.end
    return period.start + (period.end - period.start) / 2


def claim_dates(period: Period | None, published: Period | None) -> list[Candidate]:
    """Candidate rate dates, most telling first: publication day, then the period's end."""
    out: list[Candidate] = []
    if published is not None:
        day = _middle(published)
        if day is not None:
            basis = "publication date" if published.granularity == "day" else "publication window"
            out.append((day, basis))
    if period is not None and period.end is not None and period.start is not None:
        last = period.end - timedelta(days=1)
        if published is None or published.start is None or last <= published.start:
            out.append((last, f"end of {period.describe()}"))
    return out

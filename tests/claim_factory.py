"""Claims built by hand, for testing the comparison stage without extraction."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from factcheck.models import Amount, Claim, Money, Period, Source, Span, Subject
from factcheck.normalize.currency import normalize_money
from factcheck.normalize.intervals import editorial_interval


def rounding(stated: Decimal, unit: Decimal) -> Amount:
    """What an exact figure allows: half a unit of its last digit (capped as the pipeline does)."""
    return editorial_interval(Amount(stated=stated, low=stated - unit / 2, high=stated + unit / 2))


def money_claim(
    source_id: str,
    figure: str,
    amount: Amount,
    currency: str = "USD",
    subject: str = "Acme",
    members: tuple[str, ...] = (),
    metric: str = "investment",
    period: Period | None = None,
    published: date | None = date(2024, 6, 30),
    scope: tuple[str, ...] = (),
    equivalents: tuple[Money, ...] = (),
    offset: int = 0,
) -> Claim:
    value = Money(amount=amount, currency=currency)
    span = Span(start=offset, end=offset + len(figure), text=figure)
    return Claim(
        id=f"{source_id}:{span.start}-{span.end}",
        source_id=source_id,
        span=span,
        quote=span,
        subject=Subject(
            name=" + ".join(members) if members else subject,
            members=members,
            kind="group" if members else "single",
        ),
        metric=metric,
        scope=scope,
        value=value,
        equivalents=equivalents,
        period=period,
        normalized=normalize_money(value, published, basis="publication date"),
    )


def source(source_id: str, text: str = "", published: date | None = date(2024, 6, 30)) -> Source:
    return Source(id=source_id, text=text, published=Period.day(published) if published else None)

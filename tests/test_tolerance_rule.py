"""The tolerance editors accept: "about" widens a figure by a bounded share of it, a writer's
own conversion may use a rate a few per cent from the reference, rounding stays quiet."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from text_reports import codes_of as _codes

import factcheck
from factcheck.extract.amounts import APPROXIMATE_SHARE
from factcheck.models import Amount, Severity
from factcheck.normalize.intervals import MAX_ROUNDING, editorial_interval


def test_about_twenty_billion_conflicts_with_fifteen() -> None:
    codes = _codes(
        "Harbor Robotics' revenue was about $20bn in 2024.",
        "Harbor Robotics' revenue was $15bn in 2024.",
    )
    assert ("FC101", Severity.ERROR) in codes


def test_about_twenty_percent_conflicts_with_fifteen() -> None:
    codes = _codes(
        "Harbor Robotics' gross margin was about 20% in 2024.",
        "Harbor Robotics' gross margin was 15% in 2024.",
    )
    assert ("FC101", Severity.ERROR) in codes


def test_about_a_figure_agrees_with_a_close_one() -> None:
    codes = _codes(
        "Harbor Robotics' revenue was about $20bn in 2024.",
        "Harbor Robotics' revenue was $19.2bn in 2024.",
    )
    assert [c for c, s in codes if s != Severity.INFO] == []


def _conversion(usd: str) -> set[str]:
    text = f"Harbor Robotics earned 10.0 billion euros (${usd} billion) in 2024."
    source = factcheck.source_from_text("a", text, published=date(2024, 12, 31))
    return {f.code for f in factcheck.check([source]).findings}


def test_a_writers_rate_a_few_percent_off_is_not_a_wrong_conversion() -> None:
    # the ECB rate that day gives $10.39 billion: $11.0 billion is 5.9% off, $11.6 billion 11.7%
    assert _conversion("11.0") == {"FC902"}
    assert _conversion("11.6") == {"FC103"}
    assert _conversion("9.4") == {"FC103"}


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal("100000"), places=1),
    st.integers(min_value=-1, max_value=3),
)
def test_an_approximate_figure_is_widened_by_a_bounded_share(stated: Decimal, digits: int) -> None:
    unit = Decimal(10) ** digits
    half = unit / 2 + abs(stated) * APPROXIMATE_SHARE
    amount = Amount(stated=stated, low=stated - half, high=stated + half, qualifier="about")
    capped = editorial_interval(amount)
    assert capped.low is not None and capped.high is not None
    most = abs(stated) * (MAX_ROUNDING + APPROXIMATE_SHARE)
    assert stated - most <= capped.low <= stated <= capped.high <= stated + most
    assert capped.low >= amount.low and capped.high <= amount.high


@given(st.decimals(min_value=Decimal("1"), max_value=Decimal("1000"), places=0))
def test_a_bound_keeps_its_open_side(stated: Decimal) -> None:
    amount = Amount(stated=stated, low=stated, high=None, qualifier="more than")
    assert editorial_interval(amount) == amount

"""FC111: the same digits under two currency labels for one subject, metric and period."""

from __future__ import annotations

from text_reports import codes_of as _codes

from factcheck.models import Severity


def test_the_same_number_in_dollars_and_euros_is_flagged() -> None:
    codes = _codes(
        "Orbital Freight put the impact from tariffs in the first half of 2025 at $450 million.",
        "Orbital Freight put the impact from tariffs at 450 million euros, it said.",
    )
    assert ("FC111", Severity.WARNING) in codes


def test_the_same_number_in_one_currency_is_not() -> None:
    codes = _codes(
        "Orbital Freight put the impact from tariffs in the first half of 2025 at $450 million.",
        "Orbital Freight put the impact from tariffs at 450 million dollars, it said.",
    )
    assert "FC111" not in {c for c, _ in codes}


def test_different_numbers_in_two_currencies_are_left_to_the_value_check() -> None:
    codes = _codes(
        "Orbital Freight put the impact from tariffs in the first half of 2025 at $450 million.",
        "Orbital Freight put the impact from tariffs at 410 million euros, it said.",
    )
    assert "FC111" not in {c for c, _ in codes}


def test_a_bound_or_another_period_is_no_mislabel() -> None:
    bound = _codes(
        "Orbital Freight put the impact from tariffs in 2025 at more than $450 million.",
        "Orbital Freight put the impact from tariffs in 2025 at 450 million euros.",
    )
    assert "FC111" not in {c for c, _ in bound}
    other = _codes(
        "Orbital Freight put the impact from tariffs in the first half of 2025 at $450 million.",
        "Orbital Freight put the impact from tariffs in 2025 at 450 million euros.",
    )
    assert "FC111" not in {c for c, _ in other}

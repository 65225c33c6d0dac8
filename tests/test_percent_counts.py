"""Percentages, percentage points, counts, and what is not a quantity."""

from decimal import Decimal

import pytest

from factcheck.extract.quantities import find_quantities
from factcheck.models import Count, MentionKind, Number, Percent, PercentagePoints


@pytest.mark.parametrize(
    ("text", "value", "change"),
    [
        ("Profit rose 13% on the year.", "13", "rise"),
        ("exports were up 123 per cent", "123", "rise"),
        ("margins fell 2.8 percent", "2.8", "fall"),
        ("a 5 pct stake", "5", None),
    ],
)
def test_percent_and_change(text: str, value: str, change: str | None) -> None:
    (m,) = [m for m in find_quantities(text) if m.kind is MentionKind.PERCENT]
    assert isinstance(m.value, Percent)
    assert m.value.amount.stated == Decimal(value)
    assert m.value.change == change


def test_percentage_points_are_not_percent() -> None:
    (m,) = find_quantities("The rate was cut by 25 basis points, then by 0.5 percentage points.")[
        :1
    ]
    assert isinstance(m.value, PercentagePoints)
    assert m.value.amount.stated == Decimal("0.25")


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("more than 190 AI model products are on sale", "190", "AI model products"),
        ("it plans to train 100 LLMs next year", "100", "LLMs"),
        ("shipping more than a million of these processors", "1000000", "processors"),
        ("it employs 2,300 people", "2300", "people"),
    ],
)
def test_counts_carry_their_noun(text: str, value: str, noun: str) -> None:
    (m,) = [m for m in find_quantities(text) if m.kind is MentionKind.COUNT]
    assert isinstance(m.value, Count)
    assert m.value.amount.stated == Decimal(value)
    assert m.value.noun == noun


@pytest.mark.parametrize(
    "text",
    [
        "The plan started in 2024.",
        "Nvidia's H20 and GPT-4o",
        "a Series B round in Q3",
        "call 555-123-4567 today",
        "the 21st century",
        "on February 20 at 4:02 PM",
        "published 2024-08-27",
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_two_bounds_make_one_range() -> None:
    (m,) = find_quantities("a figure above 1000 and below 1500")
    assert isinstance(m.value, Number)
    assert (m.value.amount.low, m.value.amount.high) == (Decimal(1000), Decimal(1500))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Half of its chips are imported.", "49.99995", "50.00005"),
        ("well over half of the board voted no", "50", None),
        ("almost half of all orders", None, "50"),
    ],
)
def test_half_of_a_whole_is_a_share(text: str, low: str | None, high: str | None) -> None:
    (m,) = find_quantities(text)
    assert isinstance(m.value, Percent)
    assert m.value.amount.stated == 50
    assert m.value.amount.low == (None if low is None else Decimal(low))
    assert m.value.amount.high == (None if high is None else Decimal(high))


@pytest.mark.parametrize(
    "text", ["results for the second half of 2025", "in the latter half of the decade"]
)
def test_half_of_a_period_is_no_share(text: str) -> None:
    assert [m for m in find_quantities(text) if m.kind is MentionKind.PERCENT] == []

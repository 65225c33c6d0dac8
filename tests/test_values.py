"""The extracted values: plain dataclasses that guard their own invariants, embedded in the
pydantic models without losing validation or a byte of the JSON."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.models import Claim, Subject
from factcheck.values import Amount, Granularity, Mention, MentionKind, Money, Period, Span


def test_a_span_must_be_an_ordered_pair_of_offsets() -> None:
    with pytest.raises(ValueError, match="ordered"):
        Span(start=5, end=3, text="")
    with pytest.raises(ValueError, match="ordered"):
        Span(start=-1, end=3, text="abcd")


def test_a_period_needs_a_bound_and_a_start_before_its_end() -> None:
    with pytest.raises(ValueError, match="bound"):
        Period(start=None, end=None, granularity=Granularity.OPEN)
    with pytest.raises(ValueError, match="not before"):
        Period(start=date(2024, 2, 1), end=date(2024, 1, 1), granularity=Granularity.SPAN)


def test_an_interval_keeps_low_below_high_and_money_an_iso_code() -> None:
    with pytest.raises(ValueError, match="above high"):
        Amount(stated=None, low=Decimal(3), high=Decimal(2))
    point = Amount(stated=Decimal(1), low=Decimal(1), high=Decimal(1))
    with pytest.raises(ValueError, match="ISO 4217"):
        Money(amount=point, currency="usd")


def test_values_are_immutable_and_keyword_only() -> None:
    span = Span(start=0, end=2, text="ab")
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        Span(0, 2, "ab")  # type: ignore[call-arg]


def _claim(value: Money) -> Claim:
    span = Span(start=0, end=10, text="$5 billion")
    return Claim(
        id="a:0-10",
        source_id="a",
        span=span,
        quote=span,
        subject=Subject(name="Vega Corp"),
        metric="revenue",
        value=value,
    )


@given(
    cents=st.integers(min_value=0, max_value=10**15),
    currency=st.sampled_from(["USD", "CNY", "EUR"]),
)
def test_a_claim_round_trips_through_json_with_its_values(cents: int, currency: str) -> None:
    stated = Decimal(cents) / 100
    claim = _claim(Money(amount=Amount(stated=stated, low=stated, high=stated), currency=currency))
    again = Claim.model_validate_json(claim.model_dump_json())
    assert again == claim
    assert again.model_dump_json() == claim.model_dump_json()


def test_models_validate_embedded_values_and_forbid_unknown_fields() -> None:
    good = _claim(Money(amount=Amount(stated=Decimal(5), low=None, high=None), currency="USD"))
    data = good.model_dump(mode="json")
    bad_code = {**data, "value": {**data["value"], "currency": "dollars"}}
    with pytest.raises(ValidationError, match="ISO 4217"):
        Claim.model_validate(bad_code)
    typo = {**data, "span": {**data["span"], "stop": 3}}
    with pytest.raises(ValidationError, match="stop"):
        Claim.model_validate(typo)


def test_extraction_never_imports_pydantic() -> None:
    probe = (
        "import sys; from factcheck.extract import figures_and_times;"
        "figures_and_times('Vega paid $5 billion on 3 May 2024.', None);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_mention_hashes_by_value() -> None:
    def mention() -> Mention:
        return Mention(kind=MentionKind.ORGANIZATION, span=Span(start=0, end=4, text="Vega"))

    assert mention() == mention() and len({mention(), mention()}) == 1

"""Numerals: digits with separators, words, scales, fractions and Chinese numerals."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.numerals import find_numerals, parse_numeral


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("42", "42"),
        ("1,234.5", "1234.5"),
        ("1.234,5", "1234.5"),
        ("2,5", "2.5"),
        ("12,34,567.89", "1234567.89"),
        (".08", "0.08"),
        ("23bn", "23000000000"),
        ("4.2 billion", "4200000000"),
        ("3 lakh", "300000"),
        ("2 crore", "20000000"),
        ("7 mln", "7000000"),
        ("1.5tn", "1500000000000"),
        ("twenty-three", "23"),
        ("Ninety-Nine", "99"),
        ("one hundred and five", "105"),
        ("a million", "1000000"),
        ("half a billion", "500000000"),
        ("one and a half billion", "1500000000"),
        ("three thousand millions", "3000000000"),
        ("two point five", "2.5"),
        ("three quarters", "0.75"),
        ("minus 40", "-40"),
        ("2 1/4", "2.25"),
        ("1e3", "1000"),
        ("two dozen", "24"),
        ("a couple", "2"),
        ("two thirds", "0.6666666666666666666666666667"),
        ("twenty and three fifths", "20.6"),
        ("three million and a half", "3500000"),
        ("4 thousand 3 hundred and 21", "4321"),
        ("1.3x10^6", "1300000"),
        ("nought point eleven", "0.11"),
        ("million", "1000000"),
        ("seven quadrillion", "7000000000000000"),
        ("4500亿", "450000000000"),
        ("2.3万", "23000"),
        ("三千五百", "3500"),
        ("两万", "20000"),
    ],
)
def test_reads_the_value(surface: str, value: str) -> None:
    numeral = parse_numeral(surface)
    assert numeral is not None, surface
    assert numeral.value == Decimal(value)


@pytest.mark.parametrize(
    ("surface", "unit"),
    [
        ("7 billion", "1e9"),
        ("3.22 billion", "1e7"),
        ("1,234", "1"),
        ("1.20", "0.01"),
        ("twenty-three billion", "1e9"),
    ],
)
def test_precision_is_the_last_stated_digit(surface: str, unit: str) -> None:
    numeral = parse_numeral(surface)
    assert numeral is not None
    assert numeral.unit == Decimal(unit)


def test_separate_words_make_separate_numbers() -> None:
    values = [n.value for n in find_numerals("one, two and three")]
    assert values == [1, 2, 3]


@pytest.mark.parametrize("text", ["GPT-4o", "COVID-19"])
def test_model_names_are_no_numerals(text: str) -> None:
    assert find_numerals(text) == ()


@given(st.integers(min_value=0, max_value=10**15))
def test_grouped_digits_round_trip(n: int) -> None:
    for surface in (f"{n:,}", str(n), f"{n:,}".replace(",", "\u202f")):
        numeral = parse_numeral(surface)
        assert numeral is not None and numeral.value == n, surface


@given(st.text())
def test_never_raises_and_spans_are_ordered(text: str) -> None:
    last = 0
    for numeral in find_numerals(text):
        assert last <= numeral.start < numeral.end <= len(text)
        last = numeral.end


@pytest.mark.parametrize(
    ("surface", "value"),
    [
        ("2^10", "1024"),
        ("1.5^2", "2.25"),
        ("4^-1", "0.25"),
        ("-3^2", "-9"),
        ("2^--2", "4"),
        ("3x2^4", "48"),
        ("5 lakh and three hundred", "500300"),
        ("1'250,75", "1250.75"),
        ("2.400,-", "2400"),
    ],
)
def test_reads_powers_compounds_and_price_forms(surface: str, value: str) -> None:
    numeral = parse_numeral(surface)
    assert numeral is not None, surface
    assert numeral.value == Decimal(value)


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=6))
def test_powers_round_trip(base: int, exponent: int) -> None:
    numeral = parse_numeral(f"{base}^{exponent}")
    assert numeral is not None and numeral.value == base**exponent


@pytest.mark.parametrize("text", ["0^-1", "7^900", "9.9^99"])
def test_powers_without_a_stateable_value_are_dropped(text: str) -> None:
    assert find_numerals(text) == ()


def test_bare_commas_between_small_numbers_make_a_list() -> None:
    values = [n.value for n in find_numerals("see rows 4,9,15 and 16")]
    assert values == [4, 9, 15, 16]


def test_thousands_groups_are_no_list() -> None:
    assert [n.value for n in find_numerals("3,500,000")] == [3500000]


def test_zero_never_extends_a_compound() -> None:
    values = [n.value for n in find_numerals("2 hundred and 0 were left")]
    assert values == [200, 0]


def test_a_number_with_a_second_separator_is_a_code() -> None:
    assert find_numerals("build 4.1.7 shipped") == ()


@pytest.mark.parametrize(
    ("text", "value"),
    [("Total: 89. 90", "89.90"), ("Total 1.299, 00 Ft", "1299.00")],
)
def test_cents_after_a_spaced_decimal_mark_end_a_price_tag(text: str, value: str) -> None:
    (numeral,) = find_numerals(text)
    assert numeral.value == Decimal(value)


def test_a_spaced_decimal_mark_inside_a_sentence_separates_numbers() -> None:
    values = [n.value for n in find_numerals("in 1990. 45 firms joined")]
    assert values == [1990, 45]


@pytest.mark.parametrize("text", ["they were aged 31, 47", "it ended 28. 17."])
def test_numbers_closing_a_sentence_are_no_price_tag(text: str) -> None:
    assert len(find_numerals(text)) == 2

"""Money: currencies by symbol, code or name; scales; equivalents; bare dollars."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.quantities import find_quantities
from factcheck.models import MentionKind, Money


def money(text: str) -> list[Money]:
    found = [m.value for m in find_quantities(text) if m.kind is MentionKind.MONEY]
    assert all(isinstance(v, Money) for v in found)
    return found  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("The fund raised $7 billion last year.", "7e9", "USD"),
        ("It paid US$ 1.2bn for the stake.", "1.2e9", "USD"),
        ("Revenue reached HK$300 million.", "3e8", "HKD"),
        ("Capex was RMB 3.2bn in the half.", "3.2e9", "CNY"),
        ("a CNY450 billion budget", "4.5e11", "CNY"),
        ("sales of 3.2 billion RMB", "3.2e9", "CNY"),
        ("it spent twenty-three billion yuan", "2.3e10", "CNY"),
        ("priced at €49,99", "49.99", "EUR"),
        ("a £2,000 bonus", "2000", "GBP"),
        ("a ₹5 crore deal", "5e7", "INR"),
        ("¥800 million in bonds", "8e8", "JPY"),
        ("USD 200 per unit", "200", "USD"),
        ("4500亿元的投资", "4.5e11", "CNY"),
        ("fees of 30 cents", "0.30", "USD"),
        ("a 5 million euros grant", "5e6", "EUR"),
        ("worth 12 billion dollars", "1.2e10", "USD"),
        ("cost S$45 each", "45", "SGD"),
        ("valued at $2,5 billion", "2.5e9", "USD"),
    ],
)
def test_amount_and_currency(text: str, amount: str, currency: str) -> None:
    (value,) = money(text)
    assert value.amount.stated == Decimal(amount)
    assert value.currency == currency


def test_rounding_interval_is_half_a_unit_of_the_last_digit() -> None:
    (seven,) = money("a $7 billion plan")
    assert (seven.amount.low, seven.amount.high) == (Decimal("6.5e9"), Decimal("7.5e9"))
    (precise,) = money("a $3.22 billion plan")
    assert (precise.amount.low, precise.amount.high) == (Decimal("3.215e9"), Decimal("3.225e9"))


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("more than $1 billion", "1e9", None),
        ("a $300m-plus round", "3e8", None),
        ("at least €5 million", "5e6", None),
        ("up to $40 million", None, "4e7"),
        ("nearly $2 billion", None, "2e9"),
        ("$12 billion to $15 billion", "1.2e10", "1.5e10"),
        ("$12-15 billion", "1.2e10", "1.5e10"),
        ("between $100 and $120 billion", "1e11", "1.2e11"),
    ],
)
def test_qualifiers_and_ranges_bound_the_amount(
    text: str, low: str | None, high: str | None
) -> None:
    (value,) = money(text)
    assert value.amount.low == (None if low is None else Decimal(low))
    assert value.amount.high == (None if high is None else Decimal(high))


def test_about_widens_the_interval() -> None:
    (value,) = money("around $12 billion")
    assert value.amount.low is not None and value.amount.high is not None
    assert value.amount.low < Decimal("11.5e9") and value.amount.high > Decimal("12.5e9")


def test_parenthetical_equivalent_is_linked() -> None:
    text = "The three firms spent 50 billion yuan ($7 billion) in the half."
    first, second = (m for m in find_quantities(text) if m.kind is MentionKind.MONEY)
    assert second.equivalent_of == first.span.start
    assert isinstance(second.value, Money) and second.value.amount.stated == Decimal("7e9")


def test_bare_dollar_is_assumed_usd_and_says_so() -> None:
    (value,) = money("It raised $5 million.")
    assert value.currency == "USD"
    assert value.currency_note is not None and "assumed" in value.currency_note


def test_bare_dollar_follows_an_explicit_mark_in_the_same_text() -> None:
    values = money("Shares rose to US$4. The deal is worth $9 million.")
    assert values[-1].currency_note is not None and "US$" in values[-1].currency_note


_STYLES = [
    "${n} {scale}",
    "US${n} {scale}",
    "{n} {scale} dollars",
    "USD {n} {scale}",
    "{n} {scale} USD",
]


@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("million", 10**6), ("billion", 10**9), ("bn", 10**9), ("m", 10**6)]),
    st.sampled_from(_STYLES),
)
def test_any_rendering_reads_back(n: int, scale: tuple[str, int], style: str) -> None:
    word, factor = scale
    surface = style.format(n=n, scale=word).replace(" m", "m").replace(" bn", "bn")
    (value,) = money(f"It cost {surface} in total.")
    assert value.amount.stated == n * factor
    assert value.currency == "USD"


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between 320,000 and 330,000 euros", "320000", "330000"),
        ("10 - 15 million yuan", "1e7", "1.5e7"),
        ("超过4500亿元", "4.5e11", None),
    ],
)
def test_more_ranges_and_bounds(text: str, low: str, high: str | None) -> None:
    (value,) = money(text)
    assert value.amount.low == Decimal(low)
    assert value.amount.high == (None if high is None else Decimal(high))


def test_codes_on_both_sides_of_a_parenthesis() -> None:
    mentions = [m for m in find_quantities("RMB 50bn (US$7bn) was spent") if m.value]
    assert [m.value.currency for m in mentions if isinstance(m.value, Money)] == ["CNY", "USD"]
    assert mentions[1].equivalent_of == mentions[0].span.start


def test_dollars_and_cents_are_one_amount() -> None:
    (value,) = money("it sold for 15 dollars and 50 cents.")
    assert value.amount.stated == Decimal("15.50")


def test_a_mark_glued_to_the_next_digits_belongs_to_them() -> None:
    values = money("prices of 10 $30")
    assert [v.amount.stated for v in values] == [Decimal(30)]


def test_currency_without_minor_units_groups_thousands_with_a_dot() -> None:
    (value,) = money("harga Rp 31.500")
    assert value.currency == "IDR" and value.amount.stated == 31500


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a fare of 250 KSh", "250", "KES"),
        ("rent of 4,000 د.إ a month", "4000", "AED"),
        ("a NIS 12 million grant", "1.2e7", "ILS"),
        ("bread at 300 ₸", "300", "KZT"),
        ("a 45 ლარი ticket", "45", "GEL"),
        ("priced 2.400,- Kr", "2400", "SEK"),
        ("Total: £ 19. 99", "19.99", "GBP"),
        ("Total: 74, 50 zł", "74.50", "PLN"),
        ("a ticket at 35 L.E. each", "35", "EGP"),
    ],
)
def test_more_currency_marks_and_price_tags(text: str, amount: str, currency: str) -> None:
    (value,) = money(text)
    assert value.amount.stated == Decimal(amount)
    assert value.currency == currency


def test_a_sign_glued_between_digits_names_no_amount() -> None:
    assert money("ref 3400€120") == []


def test_cents_after_a_spaced_mark_mid_sentence_are_another_number() -> None:
    (value,) = money("It cost $40. 25 people paid.")
    assert value.amount.stated == 40


def test_lower_case_rmb_reads_as_a_code_on_either_side() -> None:
    found = money("rmb 30 and 12 rmb")
    assert [(v.amount.stated, v.currency) for v in found] == [
        (Decimal(30), "CNY"),
        (Decimal(12), "CNY"),
    ]


def test_a_sign_between_two_prefixed_amounts_opens_the_second() -> None:
    found = money("€ 10.00 € 12.50 in fees")
    assert [v.amount.stated for v in found] == [Decimal("10.00"), Decimal("12.50")]


def test_a_code_after_a_prefixed_amount_still_names_its_currency() -> None:
    (value, *_) = money("$1,250.00 NZD 3 times")
    assert value.currency == "NZD"

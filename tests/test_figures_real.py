"""Figures as real reporting writes them: signs before currencies, prefix tokens, yen and yuan,
CJK and Indian scales, European separators, glosses in other currencies (issues 11 and 12)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.quantities import find_quantities
from factcheck.models import MentionKind, Money, Source
from factcheck.normalize.currency import normalize_money
from factcheck.pipeline import check
from factcheck.values import Amount, Mention


def moneys(text: str) -> list[Mention]:
    return [m for m in find_quantities(text) if m.kind is MentionKind.MONEY]


def one_money(text: str) -> Money:
    (mention,) = moneys(text)
    assert isinstance(mention.value, Money)
    return mention.value


def ordered(amount: Amount) -> bool:
    return amount.low is None or amount.high is None or amount.low <= amount.high


# --------------------------------------------------------------------------- signs (issue 11)


@pytest.mark.parametrize(
    ("text", "stated", "currency"),
    [
        ("The unit lost -€5 million over the year.", "-5e6", "EUR"),
        ("The unit lost −€5 million over the year.", "-5e6", "EUR"),
        ("Its operating result came to −US$3bn.", "-3e9", "USD"),
        ("The result was (£2.4 million), a reversal.", "-2.4e6", "GBP"),
        ("Free cash flow was (CHF 7.5 million).", "-7.5e6", "CHF"),
        ("A charge of -¥40 billion hit the quarter.", "-4e10", "JPY"),
    ],
)
def test_a_minus_before_the_currency_keeps_the_sign(text: str, stated: str, currency: str) -> None:
    value = one_money(text)
    assert value.amount.stated == Decimal(stated)
    assert value.currency == currency
    assert ordered(value.amount)


def test_the_dash_of_a_range_is_no_minus() -> None:
    value = one_money("Spending is set at €38-€42 million.")
    assert (value.amount.low, value.amount.high) == (Decimal("3.8e7"), Decimal("4.2e7"))


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal(999), places=1),
    st.sampled_from(["€", "£", "CHF ", "US$", "¥", "HK$"]),
    st.sampled_from(["-", "−"]),
    st.sampled_from(["", " million", " billion", "bn"]),
)
def test_any_signed_amount_stays_negative_and_ordered(
    figure: Decimal, symbol: str, minus: str, scale: str
) -> None:
    value = one_money(f"The division reported {minus}{symbol}{figure}{scale} for the period.")
    assert value.amount.stated is not None and value.amount.stated < 0
    assert ordered(value.amount)


@settings(deadline=None)  # the first conversion loads the bundled rates
@given(
    st.decimals(min_value=Decimal(-(10**9)), max_value=Decimal(-1), places=2),
    st.sampled_from(["EUR", "GBP", "JPY", "CHF", "CNY"]),
    st.one_of(st.none(), st.just(date(2024, 6, 28))),
)
def test_negative_amounts_convert_to_an_ordered_interval(
    figure: Decimal, currency: str, on: date | None
) -> None:
    amount = Amount(stated=figure, low=figure - 1, high=figure + Decimal("0.5"))
    normalized = normalize_money(Money(amount=amount, currency=currency), on)
    assert normalized is not None
    assert ordered(normalized.amount)
    assert normalized.amount.high is not None and normalized.amount.high < 0


def test_a_source_with_negative_euro_amounts_is_checked_not_crashed() -> None:
    text = (
        "Kestrel Works posted a net loss of (€5.2 million) in 2024. "
        "Its net income was −€4.9 million in 2024 and -€4.8 million in the prior year."
    )
    other = "Kestrel Works net income was (€5.1 million) in 2024."
    report = check([Source(id="a", text=text), Source(id="b", text=other)])
    assert report.skipped == ()
    stated = [c.value.amount.stated for c in report.claims if isinstance(c.value, Money)]
    assert Decimal("-4.9e6") in stated and Decimal("-4.8e6") in stated


# --------------------------------------------------------------------------- prefix tokens


@pytest.mark.parametrize(
    "text",
    [
        "The lab closed a $3.6bn round in May.",
        "A $40 fee is charged at the door.",
        "An $8 ticket buys entry.",
        "The group's $5bn buyback was approved.",
        "The group’s $5bn buyback was approved.",
        "shares of the group ' s $ 5 billion unit",
    ],
)
def test_articles_and_possessives_before_a_dollar_are_no_currency(text: str) -> None:
    value = one_money(text)
    assert value.currency == "USD"
    assert value.currency_note is not None and "bare '$'" in value.currency_note


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("It raised A$4.5bn at home.", "AUD"),
        ("It paid C$ 6 million.", "CAD"),
        ("a loss of c $ 16.4 million", "CAD"),
        ("sales of hk $ 10.05 billion", "HKD"),
        ("a NZ$3.2bn budget", "NZD"),
        ("it cost S$7 each", "SGD"),
        ("a US $8 charge", "USD"),
    ],
)
def test_letters_that_open_the_token_are_a_prefix(text: str, currency: str) -> None:
    assert one_money(text).currency == currency


# --------------------------------------------------------------------------- yen and yuan


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Output was worth CN¥12 billion.", "CNY"),
        ("Output was worth RMB¥3 billion.", "CNY"),
        ("Output was worth JP¥400 billion.", "JPY"),
    ],
)
def test_country_marked_yen_and_yuan(text: str, currency: str) -> None:
    value = one_money(text)
    assert value.currency == currency
    assert value.currency_note is None


def test_a_bare_yen_sign_is_yuan_where_the_text_speaks_of_yuan() -> None:
    value = one_money("The Hefei battery maker, which reports in yuan, earned ¥9 billion.")
    assert value.currency == "CNY"
    assert value.currency_note is not None and "'yuan'" in value.currency_note


def test_a_bare_yen_sign_is_yuan_in_a_text_about_china() -> None:
    assert one_money("Chinese carmakers booked ¥9 billion in China.").currency == "CNY"


def test_a_bare_yen_sign_is_yen_otherwise_and_says_so() -> None:
    value = one_money("The Osaka retailer earned ¥9 billion.")
    assert value.currency == "JPY"
    assert value.currency_note is not None and "JPY" in value.currency_note


def test_a_tie_of_places_keeps_the_usual_reading() -> None:
    assert one_money("A Japanese brand sold ¥2 billion of goods in China.").currency == "JPY"


def test_t_dollar_is_the_taiwan_dollar_in_a_text_about_taiwan() -> None:
    value = one_money("The Taiwanese foundry earned T$370 billion.")
    assert value.currency == "TWD"
    assert value.currency_note is not None and "Taiwanese" in value.currency_note


def test_yuan_character_is_the_taiwan_dollar_where_the_text_names_it() -> None:
    (first, second) = moneys("以新台幣計價，全年支出為1兆2000億元，上季為3000億元。")
    assert isinstance(first.value, Money) and isinstance(second.value, Money)
    assert first.value.currency == second.value.currency == "TWD"


def test_a_yen_sign_and_the_yuan_character_settle_each_other() -> None:
    assert one_money("该公司全年营收￥45亿元。").currency == "CNY"


def test_yuan_character_is_the_renminbi_by_default() -> None:
    assert one_money("该公司全年营收为450亿元。").currency == "CNY"


# --------------------------------------------------------------------------- CJK scales


@given(st.integers(1, 9999), st.integers(1, 9999))
def test_oku_and_man_add_up_in_yen(oku: int, man: int) -> None:
    value = one_money(f"純利益は{oku}億{man}万円だった。")
    assert value.currency == "JPY"
    assert value.amount.stated == oku * 10**8 + man * 10**4


@given(st.integers(1, 99), st.integers(1, 9999))
def test_zhao_and_yi_add_up(zhao: int, yi: int) -> None:
    value = one_money(f"全年資本支出達{zhao}兆{yi}億元。")
    assert value.amount.stated == zhao * 10**12 + yi * 10**8


@given(st.integers(1, 999), st.integers(1, 9999))
def test_korean_jo_and_eok_add_up_in_won(jo: int, eok: int) -> None:
    value = one_money(f"매출은 {jo}조{eok}억원이었다.")
    assert value.currency == "KRW"
    assert value.amount.stated == jo * 10**12 + eok * 10**8


@pytest.mark.parametrize(
    ("text", "stated", "currency"),
    [
        ("순이익은 3조2,105억원이다.", "3.2105e12", "KRW"),
        ("支出為297.6億美元。", "2.976e10", "USD"),
        ("五年合計1,670億美元。", "1.67e11", "USD"),
        ("調整後利益は70億ユーロ程度を見込む。", "7e9", "EUR"),
        ("目標は3兆円。", "3e12", "JPY"),
    ],
)
def test_cjk_scales_with_currencies(text: str, stated: str, currency: str) -> None:
    value = one_money(text)
    assert value.amount.stated == Decimal(stated)
    assert value.currency == currency


def test_zhao_before_a_unit_is_mega_not_a_scale() -> None:
    assert moneys("新建電廠裝機100兆瓦。") == []


@pytest.mark.parametrize(
    ("text", "low", "high", "currency"),
    [
        ("預估資本支出為300億美元至350億美元。", "3e10", "3.5e10", "USD"),
        ("預估介於300億至350億美元之間。", "3e10", "3.5e10", "USD"),
        ("預期支出300-350億美元。", "3e10", "3.5e10", "USD"),
        ("約新台幣1.2兆元到1.5兆元", "1.2e12", "1.5e12", "TWD"),
    ],
)
def test_cjk_ranges(text: str, low: str, high: str, currency: str) -> None:
    value = one_money(text)
    assert (value.amount.low, value.amount.high) == (Decimal(low), Decimal(high))
    assert value.currency == currency


def test_a_japanese_gloss_in_parentheses_restates_the_amount() -> None:
    first, gloss = moneys("純利益は12億5000万ユーロ(約2000億円)だった。")
    assert gloss.equivalent_of == first.span.start
    assert isinstance(gloss.value, Money) and gloss.value.amount.qualifier == "約"


# --------------------------------------------------------------------------- Indian scales


def _indian(n: int) -> str:
    """`n` with Indian digit grouping: the last three digits, then pairs (12,34,567)."""
    digits = str(n)
    head, tail = digits[:-3], digits[-3:]
    pairs = []
    while head:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([*pairs, tail])


@given(st.integers(100_000, 10**11))
def test_indian_digit_grouping_round_trips(n: int) -> None:
    value = one_money(f"The contract is worth Rs {_indian(n)} in all.")
    assert value.currency == "INR"
    assert value.amount.stated == n


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("a ₹4.5 lakh award", "4.5e5"),
        ("a Rs 3 crore deal", "3e7"),
        ("a ₹1.2 lakh crore budget", "1.2e12"),
    ],
)
def test_lakh_and_crore(text: str, stated: str) -> None:
    assert one_money(text).amount.stated == Decimal(stated)


# --------------------------------------------------------------------------- European style


@pytest.mark.parametrize(
    ("text", "stated", "currency"),
    [
        ("Der Gewinn stieg auf 3,7 Milliarden Euro.", "3.7e9", "EUR"),
        ("Der Umsatz lag bei 12,4 Mrd. €.", "1.24e10", "EUR"),
        ("O lucro foi de 4.310 milhões de euros.", "4.31e9", "EUR"),
        ("L'utile è salito a 2 miliardi di euro.", "2e9", "EUR"),
        ("Le bénéfice atteint 7 millions d'euros.", "7e6", "EUR"),
        ("It will save SFr2.5bn by 2027.", "2.5e9", "CHF"),
    ],
)
def test_scales_and_connectors_of_other_languages(text: str, stated: str, currency: str) -> None:
    value = one_money(text)
    assert value.amount.stated == Decimal(stated)
    assert value.currency == currency


def _count_value(text: str) -> Decimal | None:
    (count,) = [m for m in find_quantities(text) if m.kind is MentionKind.COUNT]
    return count.value.amount.stated  # type: ignore[union-attr]


def test_a_text_with_decimal_commas_groups_thousands_with_dots() -> None:
    text = "The backlog reached 7.412 aircraft; intake was €12,3 billion."
    assert _count_value(text) == 7412


def test_a_text_with_decimal_points_keeps_the_dot_a_decimal() -> None:
    text = "The fleet grew by 7.412 aircraft; intake was €12.3 billion."
    assert _count_value(text) == Decimal("7.412")


def test_a_scaled_amount_in_a_whole_unit_currency_keeps_its_decimals() -> None:
    assert one_money("Sales were 61.372 trillion won.").amount.stated == Decimal("6.1372e13")
    assert one_money("A ticket costs Rp 31.500.").amount.stated == 31500


# --------------------------------------------------------------------------- years and glosses


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("The order book was worth 2023 billion euros.", "2.023e12"),
        ("It issued 1,500 million dollars of bonds.", "1.5e9"),
        ("Reserves stood at EUR 2024 million.", "2.024e9"),
    ],
)
def test_a_year_like_number_before_a_scale_is_an_amount(text: str, stated: str) -> None:
    assert one_money(text).amount.stated == Decimal(stated)


def test_a_year_then_an_amount_is_no_range() -> None:
    found = moneys("Profit fell from 9.1 billion euros in 2022 to 4.4 billion euros.")
    assert [m.value.amount.stated for m in found] == [Decimal("9.1e9"), Decimal("4.4e9")]  # type: ignore[union-attr]


def test_several_glosses_in_one_parenthesis_restate_the_amount() -> None:
    first, dollars, pounds = moneys("Sales were 512 billion yuan ($71bn; £56bn) last year.")
    assert dollars.equivalent_of == pounds.equivalent_of == first.span.start


def test_a_parenthesised_amount_in_a_later_sentence_restates_nothing() -> None:
    found = moneys("Its loss was €3.2 million in 2024. A year earlier it was (€2.9 million).")
    assert [m.equivalent_of for m in found] == [None, None]


# --------------------------------------------------------------------------- names, not codes


@pytest.mark.parametrize(
    "text",
    [
        "AMD 2023 sales beat the forecast by 4 billion.",
        "A report on NPR 2024 said 300 staff would go.",
        "According to Ars 5 engineers quit.",
        "Ron 3 goals ahead, the club celebrated.",
        "PHP 8 shipped with 40 new functions.",
    ],
)
def test_a_company_or_outlet_name_is_no_currency(text: str) -> None:
    assert moneys(text) == []


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("In Yerevan a flat costs AMD 30 million.", "AMD"),
        ("The Manila fare rose to PHP 15.", "PHP"),
        ("The Kathmandu budget is NPR 1.8 trillion.", "NPR"),
        ("It paid MAD 100 for the permit.", "MAD"),
    ],
)
def test_a_name_like_code_is_a_currency_where_its_country_is_named(
    text: str, currency: str
) -> None:
    assert one_money(text).currency == currency


# --------------------------------------------------------------------------- multiples


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Bookings rose threefold over the year.", "threefold", 3),
        ("Bookings saw a 4-fold jump.", "4-fold", 4),
        ("The stock is up 12x since listing.", "12x", 12),
        ("Margins grew 2.5 times in a decade.", "2.5 times", Decimal("2.5")),
        ("Output is six times higher than in 2019.", "six times", 6),
        ("The plant is 3 times as large.", "3 times", 3),
    ],
)
def test_a_multiple_is_read_with_its_word(text: str, surface: str, value: Decimal) -> None:
    (mention,) = [m for m in find_quantities(text) if m.span.text == surface]
    assert mention.kind is MentionKind.NUMBER
    assert mention.value.amount.stated == value  # type: ignore[union-attr]
    assert any("a multiple" in step for step in mention.trace)


def test_times_as_occasions_is_no_multiple() -> None:
    (mention,) = find_quantities("The regulator fined the bank 7 times last year.")
    assert mention.span.text == "7"
    assert not any("a multiple" in step for step in mention.trace)


# --------------------------------------------------------------------------- not figures


@pytest.mark.parametrize(
    "text",
    [
        "The carmaker's 2023 results were restated.",
        "Its 2026 capital budget is not final.",
        "The bill is lower than 2019's.",
        "Margins rose for the first time in five quarters.",
        "a quarter-over-quarter rise",
        "Filed as 20240611 under code 000651.",
    ],
)
def test_years_periods_and_codes_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_count_with_grouped_thousands_is_still_a_count() -> None:
    (count,) = find_quantities("The yard built 2,031 hulls.")
    assert count.kind is MentionKind.COUNT
    assert count.value.amount.stated == 2031  # type: ignore[union-attr]


def test_three_quarters_is_still_a_share() -> None:
    (share,) = find_quantities("Three quarters of the staff agreed.")
    assert share.kind is MentionKind.PERCENT


def test_the_digits_of_an_amount_are_no_year() -> None:
    from factcheck.extract import extract

    mentions = extract("The order book was worth 2023 billion euros at the end of 2024.")
    periods = [m.span.text for m in mentions if m.kind is MentionKind.PERIOD]
    assert periods == ["the end of 2024"]


# --------------------------------------------------------------------------- robustness


_PIECES = [
    *"0123456789 .,-−()$€¥￥元円億亿兆万萬조억만원至到約TNCRMBSFrsa'’x%",
    "billion",
    " yuan",
    " won",
    "Mrd.",
    " milhões de",
    " times",
    "fold",
]
_TRICKY = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@given(_TRICKY)
def test_any_mix_of_marks_and_scales_reads_without_error(text: str) -> None:
    for mention in find_quantities(text):
        assert text[mention.span.start : mention.span.end] == mention.span.text
        amount = getattr(mention.value, "amount", None)
        assert amount is None or ordered(amount)
        if isinstance(mention.value, Money):
            assert mention.value.currency.isalpha() and mention.value.currency.isupper()


@pytest.mark.parametrize(
    ("text", "kind", "stated"),
    [
        ("Der Umsatz stieg um 3,4 Prozent.", MentionKind.PERCENT, "3.4"),
        ("Le chiffre a progressé de 6 pour cent.", MentionKind.PERCENT, "6"),
        ("I ricavi sono saliti del 2 per cento.", MentionKind.PERCENT, "2"),
        ("毛利率上升1.25个百分点。", MentionKind.PERCENTAGE_POINTS, "1.25"),
    ],
)
def test_percent_words_of_other_languages(text: str, kind: MentionKind, stated: str) -> None:
    (mention,) = [m for m in find_quantities(text) if m.kind is kind]
    assert mention.value.amount.stated == Decimal(stated)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "In 2024 DT reported a record year.",
        "The 2023 BD Annual Report was late.",
        "Since 2021 CFA Institute has grown.",
        "In 2022 USD strengthened against the yen.",
    ],
)
def test_a_year_then_initials_is_no_amount(text: str) -> None:
    assert moneys(text) == []


@pytest.mark.parametrize(
    ("text", "currency"),
    [("The fine was 1999 DT.", "TND"), ("It sold for 2024 euros.", "EUR"), ("2000 zl", "PLN")],
)
def test_a_year_like_price_keeps_its_currency(text: str, currency: str) -> None:
    assert one_money(text).currency == currency


@pytest.mark.parametrize("text", ["The home side won 4.", "Real 2, Valencia 0."])
def test_a_currency_name_that_is_a_word_is_no_currency_before_a_number(text: str) -> None:
    assert moneys(text) == []


def test_the_same_name_after_the_number_is_a_currency() -> None:
    assert one_money("A coffee costs 4,500 won.").currency == "KRW"


@given(st.integers(1000, 999_999), st.sampled_from(["milhões de euros", "Millionen Euro"]))
def test_thousands_dots_before_a_european_scale_round_trip(n: int, words: str) -> None:
    dotted = f"{n:,}".replace(",", ".")
    assert one_money(f"O resultado foi de {dotted} {words}.").amount.stated == n * 10**6


@given(st.integers(1, 999), st.integers(1, 9))
def test_decimal_commas_before_a_european_scale_round_trip(whole: int, tenth: int) -> None:
    value = one_money(f"Der Umsatz lag bei {whole},{tenth} Milliarden Euro.")
    assert value.amount.stated == (whole * 10 + tenth) * 10**8


def _first_number(text: str) -> Decimal | None:
    return find_quantities(text)[0].value.amount.stated  # type: ignore[union-attr]


def test_a_text_in_a_dot_grouping_language_groups_thousands_with_dots() -> None:
    text = (
        "Secondo il gruppo, la flotta della società conta 4.120 velivoli, anche se nel "
        "2024 sono stati consegnati con ritardo."
    )
    assert _first_number(text) == 4120


def test_an_english_text_keeps_the_dot_a_decimal() -> None:
    text = "The group said that its fleet was 4.120 in the index, as it has been for years."
    assert _first_number(text) == Decimal("4.120")


def test_a_decimal_point_elsewhere_keeps_the_dot_a_decimal_in_any_language() -> None:
    text = "Der Index der Firma stieg von 4.120 auf 4.35 und die Zahl ist nicht mit dem Jahr."
    assert _first_number(text) == Decimal("4.120")


# --------------------------------------------------------------------------- CJK counters


@pytest.mark.parametrize(
    ("text", "noun", "stated"),
    [
        ("该品牌去年销量达到312万辆。", "vehicles", 3_120_000),
        ("今期は640機の引き渡しを見込む。", "aircraft", 640),
        ("同社は2031機を受注した。", "aircraft", 2031),
        ("직원은 2,450명이다.", "people", 2450),
        ("新工厂雇用约800人。", "people", 800),
    ],
)
def test_a_cjk_counter_makes_a_count(text: str, noun: str, stated: int) -> None:
    (count,) = [m for m in find_quantities(text) if m.kind is MentionKind.COUNT]
    assert count.value.noun == noun  # type: ignore[union-attr]
    assert count.value.amount.stated == stated  # type: ignore[union-attr]


def test_a_number_after_di_is_an_ordinal_not_a_count() -> None:
    assert [m.kind for m in find_quantities("该队排名第4名。")] == [MentionKind.NUMBER]


def test_a_qualifier_after_the_counted_noun_applies() -> None:
    (count,) = find_quantities("今年の引き渡しは700機前後となる見通し。")
    assert count.value.amount.qualifier == "前後"  # type: ignore[union-attr]


@given(st.integers(1, 99), st.integers(1, 9))
def test_a_smaller_scale_before_a_larger_multiplies_it(jo: int, cheon: int) -> None:
    value = one_money(f"매출은 {jo}조{cheon}천억원이다.")
    assert value.amount.stated == jo * 10**12 + cheon * 10**11


def test_qian_yi_is_a_hundred_billion() -> None:
    assert one_money("总投资5千亿元。").amount.stated == 5 * 10**11

"""Metric families and scope words around a figure."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.metrics import METRIC_FAMILIES, classify_metric


def _classify(sentence: str, figure: str) -> tuple[str, tuple[str, ...]]:
    return classify_metric(sentence, sentence.index(figure))


@pytest.mark.parametrize(
    ("sentence", "figure", "family"),
    [
        ("Baidu invested 5 billion yuan in robotics.", "5 billion", "investment"),
        ("The group plans a $3 billion investment in Europe.", "$3 billion", "investment"),
        ("Its capital expenditure reached $12 billion.", "$12 billion", "capex"),
        ("Capex of $9 billion was guided for the year.", "$9 billion", "capex"),
        ("Revenue rose to 150 billion yuan in the quarter.", "150 billion", "revenue"),
        ("It booked $2 billion in sales.", "$2 billion", "revenue"),
        ("Net profit fell to $1.2 billion.", "$1.2 billion", "profit"),
        ("Non-IFRS net profit was 40 billion yuan.", "40 billion", "profit.non_ifrs"),
        (
            "Profit attributable to shareholders was $3 billion.",
            "$3 billion",
            "profit.attributable",
        ),
        ("The startup is now valued at $3 billion.", "$3 billion", "valuation"),
        ("The company raised $600 million from investors.", "$600 million", "funding"),
        ("Backers injected $1 billion into the start-up.", "$1 billion", "funding"),
        ("It sold a 9% stake in the unit.", "9%", "stake"),
        ("The firm shipped 3 million units.", "3 million", "shipments"),
        ("Orders of $5 billion were placed.", "$5 billion", "orders"),
        ("Each card is priced at $15,000.", "$15,000", "price"),
        ("It sits on a $30 billion cash pile.", "$30 billion", "cash_reserve"),
        ("It holds 35% market share in search.", "35%", "market_share"),
        ("Consumers cut spending by $8 billion.", "$8 billion", "spending"),
    ],
)
def test_metric_family(sentence: str, figure: str, family: str) -> None:
    assert _classify(sentence, figure)[0] == family


def test_the_nearest_cue_wins() -> None:
    text = "It raised its spending, using its $25 billion cash reserve."
    assert _classify(text, "$25 billion")[0] == "cash_reserve"


def test_share_of_a_metric() -> None:
    text = "Roughly 60% of Baidu's investments went to cloud."
    assert _classify(text, "60%")[0] == "investment_share"


def test_counts_keep_their_noun() -> None:
    assert _classify("It will train 50 robotics models this year.", "50") == (
        "count",
        ("robotics models",),
    )


@pytest.mark.parametrize(
    ("sentence", "figure", "scope"),
    [
        (
            "Baidu unveiled a $4 billion investment in AI chip design and cloud computing.",
            "$4 billion",
            ("AI chips", "cloud"),
        ),
        (
            "Tencent will put $2 billion into AI infrastructure.",
            "$2 billion",
            ("AI infrastructure",),
        ),
        (
            "It will allocate $9 billion towards AI semiconductors.",
            "$9 billion",
            ("AI chips",),
        ),
        ("It invested 5 billion yuan in artificial intelligence.", "5 billion", ("AI",)),
        ("Valued at more than $2 billion apiece.", "$2 billion", ("each",)),
        ("Funds gave $100 million to the creators of Kimi AI.", "$100 million", ()),
    ],
)
def test_scope_words(sentence: str, figure: str, scope: tuple[str, ...]) -> None:
    assert _classify(sentence, figure)[1] == scope


def test_a_period_after_the_clause_is_not_scope() -> None:
    text = "Alibaba invested $3 billion in cloud, while Baidu focused on AI chips."
    assert _classify(text, "$3 billion")[1] == ("cloud",)


def test_families_are_listed() -> None:
    assert {"investment", "capex", "revenue", "valuation", "cash_reserve"} <= set(METRIC_FAMILIES)


@given(st.text(max_size=200), st.integers(-5, 250))
def test_never_raises(sentence: str, offset: int) -> None:
    family, scope = classify_metric(sentence, offset)
    assert family and all(scope)

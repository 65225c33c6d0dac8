"""What a percentage measures: a level (a margin, a share) or a change of a level, and on
which basis; what is never compared; and how figures stated in one currency compare."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from text_reports import report_of as _report

import factcheck
from factcheck.link import blocking_key
from factcheck.metrics import classify_metric
from factcheck.models import Severity


def _metric(sentence: str, figure: str) -> str:
    return classify_metric(sentence, sentence.index(figure))[0]


def test_a_change_of_revenue_is_not_revenue() -> None:
    assert _metric("Quarterly revenue climbed 12% from a year earlier.", "12%") == (
        "revenue_growth_yoy"
    )
    assert _metric("Revenue slipped 3.5% quarter-on-quarter.", "3.5%") == "revenue_growth_qoq"


def test_sales_are_money_or_things_by_what_the_sentence_counts() -> None:
    assert _metric("Sales fell 1.8% to CHF 91.4 billion.", "1.8%") == "revenue_growth"
    assert _metric("Sales rose 41% to 4.27 million vehicles.", "41%") == "unit_sales_growth"
    assert _metric("Sales rose 5%.", "5%") == "sales_growth"
    assert _metric("It reported sales of CHF 91.4 billion.", "CHF") == "revenue"
    assert _metric("It sold 4.27 million vehicles.", "4.27") == "unit_sales"
    assert _metric("Net income jumped 40% to $1.2 billion.", "40%") == "profit_growth"


def test_a_margin_is_a_level_even_after_a_verb_of_change_with_to() -> None:
    assert _metric("Its gross margin widened to 38.5%.", "38.5%") == "gross_margin"
    assert _metric("The EBIT margin was 11%.", "11%") == "operating_margin"
    assert _metric("Operating margin grew 2 points to 21.4%.", "21.4%") == "operating_margin"


def test_a_percentage_of_a_level_that_states_no_change_is_unknown() -> None:
    assert _metric("Europe brought in 29% of its revenue last year.", "29%") == "revenue_share"
    assert _metric("Revenue: 29%, according to the filing.", "29%") == "unknown"


def test_a_change_after_its_figure_is_a_change() -> None:
    assert _metric("It saw a 15% increase in revenue year over year.", "15%") == (
        "revenue_growth_yoy"
    )


def test_an_expected_figure_is_not_a_reported_one() -> None:
    assert _metric("It expects revenue to rise 15% year over year.", "15%") == (
        "revenue_growth_yoy_expected"
    )
    guided = "Capex is projected at $40 billion, surpassing last year's $29 billion."
    assert _metric(guided, "$40") == "capex_expected"
    assert _metric(guided, "$29") == "capex"
    poll = "Profit was $4.6 billion, below analysts' estimates of $6.2 billion."
    assert _metric(poll, "$4.6") == "profit"
    assert _metric(poll, "$6.2") == "profit_consensus"


def test_estimates_by_analysts_are_never_compared() -> None:
    report = _report(
        ("a", "Vega Mining's profit in 2024 was expected at $6.2 billion by analysts' estimates."),
        ("b", "Analysts' consensus estimates put Vega Mining's profit in 2024 at $6.0 billion."),
    )
    assert not [f for f in report.findings if f.code == "FC101"]


CHANGE_VERBS = ["rose", "fell", "grew", "dropped", "declined", "increased by", "jumped"]
LEVEL_METRICS = {
    "gross margin": "gross_margin",
    "operating margin": "operating_margin",
    "return on equity": "roe",
}


@given(
    st.sampled_from(CHANGE_VERBS),
    st.decimals(min_value=0, max_value=500, places=1),
    st.sampled_from(["year-on-year", "quarter-over-quarter", ""]),
)
def test_any_stated_change_of_revenue_carries_its_basis(verb: str, n: object, basis: str) -> None:
    sentence = f"Revenue {verb} {n}% {basis}.".replace(" .", ".")
    metric = _metric(sentence, f"{n}%")
    expected = {"year-on-year": "_yoy", "quarter-over-quarter": "_qoq", "": ""}[basis]
    assert metric == "revenue_growth" + expected


@given(st.sampled_from(sorted(LEVEL_METRICS)), st.decimals(min_value=0, max_value=99, places=1))
def test_any_stated_margin_is_its_level(words: str, n: object) -> None:
    sentence = f"The {words} stood at {n}% in the quarter."
    assert _metric(sentence, f"{n}%") == LEVEL_METRICS[words]


def test_claims_with_no_metric_are_never_linked_together() -> None:
    report = _report(
        ("a", "Harbor Robotics said 12% in 2024, a filing showed."),
        ("b", "Harbor Robotics said 19% in 2024, a filing showed."),
    )
    assert {c.metric for c in report.claims} == {"unknown"}
    keys = [blocking_key(c) for c in report.claims]
    assert len(set(keys)) == len(keys)
    assert not [f for f in report.findings if f.severity != Severity.INFO]


def test_the_same_amount_in_one_currency_agrees_whatever_the_dates_of_conversion() -> None:
    dated = factcheck.source_from_text(
        "a", "Vega Mining's revenue was 7.4 trillion won in 2024.", published=None
    )
    undated = factcheck.source_from_text(
        "b", "Vega Mining's revenue was 7.4 trillion won.", published=None
    )
    report = factcheck.check([dated, undated])
    assert not [f for f in report.findings if f.severity != Severity.INFO]


def test_figures_of_unknown_period_far_apart_are_not_rivals() -> None:
    report = _report(
        ("a", "Vega Mining raised $2.5 billion from investors, it said."),
        ("b", "Vega Mining raised $40 billion from investors, it said."),
    )
    assert not [f for f in report.findings if f.code == "FC101"]


def test_close_figures_of_unknown_period_are_a_warning_when_they_name_their_part() -> None:
    report = _report(
        ("a", "Vega Mining raised an initial $7.5 billion from investors, it said."),
        ("b", "Vega Mining raised an initial $10 billion from investors, it said."),
    )
    (finding,) = [f for f in report.findings if f.code == "FC101"]
    assert finding.severity == Severity.WARNING
    assert "could not be aligned" in finding.message
    unnamed = _report(
        ("a", "Vega Mining raised $7.5 billion from investors, it said."),
        ("b", "Vega Mining raised $10 billion from investors, it said."),
    )
    assert not [f for f in unnamed.findings if f.code == "FC101"]


def test_a_source_that_lists_several_parts_is_no_rival() -> None:
    report = _report(
        (
            "a",
            "Vega Mining raised $40 billion in all, it said. Vega Mining raised $7.5 billion "
            "from its parent, it said. Vega Mining raised $2.5 billion from others, it said.",
        ),
        ("b", "Vega Mining raised $30 billion from investors, it said."),
    )
    assert not [f for f in report.findings if f.code in ("FC101", "FC110")]


def test_the_first_tranche_is_a_scope_of_its_own() -> None:
    sentence = "The fund will initially invest $7.5 billion in the company."
    assert classify_metric(sentence, sentence.index("$7.5"))[1] == ("first tranche",)
    later = "The remaining $17.5 billion came from a syndicate."
    assert classify_metric(later, later.index("$17.5"))[1] == ("later tranche",)


def test_a_comparisons_base_measures_what_its_figure_measures() -> None:
    text = (
        "Vega Mining's capital expenditure in 2025 is projected at $40 billion, surpassing "
        "2024's $29.2 billion."
    )
    claims = {c.span.text: c for c in _report(("a", text)).claims}
    assert claims["$40 billion"].metric == "capex_expected"
    base = claims["$29.2 billion"]
    assert base.metric == "capex"
    assert base.period is not None and base.period.start is not None
    assert base.period.start.year == 2024


def test_a_providers_estimate_and_a_preliminary_figure_are_not_results() -> None:
    named = "Profit beat the Kestrel Research forecast of $3.1 billion."
    assert _metric(named, "$3.1") == "profit_consensus"
    early = "Its preliminary operating profit was $4.6 billion."
    assert _metric(early, "$4.6") == "operating_profit_expected"


def test_gross_and_net_orders_are_different_measures() -> None:
    text = "Gross orders came to 610 jets (2024: 1,200 jets) and net orders to 580 (2024: 1,050)."
    assert _metric(text, "1,200") == "gross_orders"
    assert _metric(text, "1,050") == "net_orders"


def test_a_year_with_a_colon_dates_the_figure_after_it() -> None:
    text = "Vega Mining's orders reached $16.7 billion in 2025 (2024: $15.7 billion)."
    claims = {c.span.text: c for c in _report(("a", text)).claims}
    old = claims["$15.7 billion"].period
    new = claims["$16.7 billion"].period
    assert old is not None and old.start is not None and old.start.year == 2024
    assert new is not None and new.start is not None and new.start.year == 2025


def test_a_growth_rate_of_another_measure_is_not_checked_against_two_amounts() -> None:
    text = "Profit fell from $18.6 billion in 2023 to $5.5 billion, with cars sold down 12 percent."
    assert "FC108" not in {f.code for f in _report(("a", text)).findings}

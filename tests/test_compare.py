"""The comparison stage: each check's conflicting and consistent case, and its properties."""

from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from claim_factory import money_claim, rounding, source
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare import CHECKS, compare, order_findings
from factcheck.link import link
from factcheck.models import Amount, Claim, Finding, Money, Severity
from factcheck.normalize.currency import rate_on
from factcheck.normalize.periods import half_period, quarter_period, year_period

BN = Decimal(10) ** 9
CONFLICTS = {"FC101", "FC104", "FC110", "FC102", "FC105", "FC107", "FC103"}
H1_2024 = half_period(2024, 1)


def run(*claims: Claim, published: date = date(2024, 6, 30)) -> list[Finding]:
    sources = {c.source_id: source(c.source_id, published=published) for c in claims}
    return order_findings(compare(list(claims), link(claims), sources))


def codes(findings: list[Finding]) -> list[str]:
    return sorted(f.code for f in findings)


def bn(stated: str, unit: str = "1") -> Amount:
    return rounding(Decimal(stated) * BN, Decimal(unit) * BN)


def test_check_codes_are_unique_and_stable() -> None:
    assert len({c.code for c in CHECKS}) == len(CHECKS)
    assert len({c.slug for c in CHECKS}) == len(CHECKS)
    assert all(c.code.startswith("FC") and c.title for c in CHECKS)


def test_value_mismatch_in_the_same_period_is_an_error() -> None:
    found = run(
        money_claim("a", "$7 billion", bn("7"), period=H1_2024),
        money_claim("b", "$9 billion", bn("9"), period=H1_2024),
    )
    (finding,) = found
    assert finding.code == "FC101" and finding.severity == Severity.ERROR
    assert set(finding.sources) == {"a", "b"}
    assert "$7 billion" in finding.message and "$9 billion" in finding.message


def test_agreement_counts_corroborating_sources() -> None:
    found = run(
        money_claim("a", "$7 billion", bn("7"), period=H1_2024),
        money_claim("b", "$7.0 billion", bn("7.0", "0.1"), period=H1_2024),
        money_claim("c", "7bn dollars", bn("7"), period=H1_2024),
    )
    (finding,) = found
    assert finding.code == "FC901" and finding.severity == Severity.INFO
    assert finding.message.startswith("3 sources agree")


def test_three_outlets_converting_one_yuan_figure_agree() -> None:
    """RMB 500 bn reported as $70 bn, $69.2 bn and "more than $65 billion" (docs/tolerance.md)."""
    day = date(2024, 6, 30)
    claims = [
        money_claim("cn", "RMB 500 billion", bn("500", "100"), currency="CNY", published=day),
        money_claim("us", "$70 billion", bn("70", "10"), published=day),
        money_claim("uk", "$69.2 billion", bn("69.2", "0.1"), published=day),
        money_claim(
            "de",
            "more than $65 billion",
            Amount(stated=65 * BN, low=65 * BN, high=None, qualifier="more than"),
            published=day,
        ),
    ]
    found = run(*claims)
    assert not CONFLICTS & set(codes(found))
    assert "FC901" in codes(found)


def test_a_factor_of_ten_is_reported_as_a_likely_magnitude_error() -> None:
    (finding,) = run(
        money_claim("a", "162 billion yuan", bn("162"), currency="CNY", period=H1_2024),
        money_claim("b", "1,620 billion yuan", bn("1620", "10"), currency="CNY", period=H1_2024),
    )
    assert finding.code == "FC104" and "factor of about 10" in finding.message


def test_a_different_scope_is_at_most_a_warning() -> None:
    (finding,) = run(
        money_claim("a", "$2 billion", bn("2", "0.1"), period=H1_2024, scope=("AI chips",)),
        money_claim("b", "$4 billion", bn("4"), period=H1_2024, scope=("total capex",)),
    )
    assert finding.code == "FC110" and finding.severity == Severity.WARNING
    assert "scopes differ (AI chips against total capex)" in finding.message


def test_figures_far_apart_are_different_things_not_rivals() -> None:
    """$2bn against $9bn for one subject, metric and period: a part and a whole, a quarter and
    its year — not two sources disagreeing (RIVAL_MAX_RATIO); a power of ten still is."""
    assert (
        run(
            money_claim("a", "$2 billion", bn("2", "0.1"), period=H1_2024),
            money_claim("b", "$9 billion", bn("9"), period=H1_2024),
        )
        == []
    )
    (slip,) = run(
        money_claim("a", "$2 billion", bn("2", "0.1"), period=H1_2024),
        money_claim("b", "$20 billion", bn("20"), period=H1_2024),
    )
    assert slip.code == "FC104"


def test_unknown_periods_make_a_mismatch_a_warning() -> None:
    (finding,) = run(
        money_claim("a", "$7 billion", bn("7"), scope=("first tranche",)),
        money_claim("b", "$9 billion", bn("9"), period=H1_2024, scope=("first tranche",)),
    )
    assert finding.code == "FC101" and finding.severity == Severity.WARNING
    assert "could not be aligned" in finding.message


def test_unnamed_undated_figures_of_two_sources_are_not_rivals() -> None:
    """Without a period or a named part, "$7 billion" and "$9 billion" of one company in two
    stories are most often two rounds or two years; within one story they are compared."""
    assert (
        run(
            money_claim("a", "$7 billion", bn("7")),
            money_claim("b", "$9 billion", bn("9"), period=H1_2024),
        )
        == []
    )


def test_a_half_year_inside_its_year_is_not_compared_as_a_conflict() -> None:
    found = run(
        money_claim("a", "$3 billion", bn("3", "0.1"), period=H1_2024),
        money_claim("b", "$7 billion", bn("7"), period=year_period(2024)),
    )
    assert found == []


def test_the_same_figure_under_two_quarters_is_a_mislabelled_period() -> None:
    (finding,) = run(
        money_claim("a", "$4.2 billion", bn("4.2", "0.1"), period=quarter_period(2024, 2)),
        money_claim("b", "$4.2 billion", bn("4.2", "0.1"), period=quarter_period(2024, 3)),
    )
    assert finding.code == "FC105"


def test_different_figures_for_different_quarters_are_fine() -> None:
    assert (
        run(
            money_claim("a", "$4.2 billion", bn("4.2", "0.1"), period=quarter_period(2024, 2)),
            money_claim("b", "$5.1 billion", bn("5.1", "0.1"), period=quarter_period(2024, 3)),
        )
        == []
    )


def test_one_figure_for_a_member_and_for_its_group_is_flagged() -> None:
    (finding,) = run(
        money_claim("a", "$7 billion", bn("7"), subject="Acme"),
        money_claim("b", "$7 billion", bn("7"), members=("Acme", "Bolt", "Core")),
    )
    assert finding.code == "FC102" and finding.severity == Severity.WARNING


def test_one_figure_for_unrelated_subjects_is_a_coincidence() -> None:
    assert (
        run(
            money_claim("a", "$7 billion", bn("7"), subject="Acme"),
            money_claim("b", "$7 billion", bn("7"), subject="Bolt"),
        )
        == []
    )


def test_a_part_larger_than_its_whole_is_flagged_and_a_smaller_one_is_not() -> None:
    whole = money_claim("w", "$5 billion", bn("5", "0.1"), members=("Acme", "Bolt"), period=H1_2024)
    big = money_claim("p", "$8 billion", bn("8", "0.1"), subject="Acme", period=H1_2024)
    small = money_claim("q", "$2 billion", bn("2", "0.1"), subject="Acme", period=H1_2024)
    assert codes(run(whole, big)) == ["FC107"]
    assert run(whole, small) == []


def test_a_stated_conversion_off_the_reference_rate_is_an_error() -> None:
    day = date(2024, 8, 27)
    wrong = Money(amount=bn("9"), currency="USD")
    right = Money(amount=bn("7"), currency="USD")
    bad = money_claim(
        "a", "50 billion yuan", bn("50"), currency="CNY", published=day, equivalents=(wrong,)
    )
    good = money_claim(
        "b", "50 billion yuan", bn("50"), currency="CNY", published=day, equivalents=(right,)
    )
    found = {
        f.claims[0][0]: f for f in run(bad, good, published=day) if f.code in ("FC103", "FC902")
    }
    assert found["a"].code == "FC103" and found["a"].severity == Severity.ERROR
    assert found["b"].code == "FC902"
    assert "2024-08-27" in found["a"].rule


amounts = st.decimals(min_value=Decimal("1"), max_value=Decimal("999"), places=1)
currencies = st.sampled_from(["CNY", "EUR", "JPY", "GBP", "HKD"])
days = st.dates(min_value=date(2010, 1, 1), max_value=date(2026, 6, 30))


@settings(max_examples=60, deadline=None)
@given(amounts, currencies, days)
def test_re_expressing_a_value_in_another_currency_never_creates_a_conflict(
    figure: Decimal, currency: str, day: date
) -> None:
    converted = (figure * rate_on("USD", currency, day)).quantize(Decimal("0.1"))
    a = money_claim("a", f"${figure} billion", bn(str(figure), "0.1"), published=day)
    b = money_claim(
        "b", f"{converted} billion", bn(str(converted), "0.1"), currency=currency, published=day
    )
    assert not CONFLICTS & set(codes(run(a, b)))


stated = st.integers(min_value=1, max_value=60)


@settings(max_examples=60, deadline=None)
@given(st.lists(stated, min_size=2, max_size=6), st.randoms(use_true_random=False))
def test_source_order_and_comparison_direction_never_change_the_findings(
    figures: list[int], rng: random.Random
) -> None:
    claims = [
        money_claim(f"s{i}", f"${n} billion", bn(str(n)), period=H1_2024 if i % 2 else None)
        for i, n in enumerate(figures)
    ]
    shuffled = claims[:]
    rng.shuffle(shuffled)
    assert run(*claims) == run(*shuffled)


@settings(max_examples=60, deadline=None)
@given(stated, stated, st.integers(min_value=0, max_value=40))
def test_widening_a_tolerance_never_adds_a_conflict(x: int, y: int, widen: int) -> None:
    def claim(name: str, n: int, extra: Decimal) -> Claim:
        amount = bn(str(n))
        assert amount.low is not None and amount.high is not None
        wide = Amount(
            stated=amount.stated,
            low=amount.low - extra,
            high=amount.high + extra,
            qualifier="about",
        )
        return money_claim(name, f"${n} billion", wide if extra else amount, period=H1_2024)

    extra = Decimal(widen) * BN / 10
    narrow = [
        f for f in run(claim("a", x, Decimal(0)), claim("b", y, Decimal(0))) if f.code in CONFLICTS
    ]
    wide = [f for f in run(claim("a", x, extra), claim("b", y, extra)) if f.code in CONFLICTS]
    assert len(wide) <= len(narrow)

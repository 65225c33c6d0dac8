"""Physical quantities via pint, and the extractor's general properties."""

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.quantities import find_quantities
from factcheck.extract.units import canonical
from factcheck.models import MentionKind, Quantity


def quantity(text: str) -> Quantity:
    (m,) = [m for m in find_quantities(text) if m.kind is MentionKind.QUANTITY]
    assert isinstance(m.value, Quantity)
    return m.value


def test_same_power_in_two_units_agrees() -> None:
    a, b = quantity("a 1.2 GW plant"), quantity("a 1,200 megawatts plant")
    assert a.unit == b.unit == "watt"
    assert a.amount.stated == b.amount.stated == Decimal("1.2e9")
    assert a.dimension == b.dimension


def test_different_dimensions_differ() -> None:
    assert quantity("a 5 km line").dimension != quantity("a 5 TWh contract").dimension


def test_stated_unit_is_kept() -> None:
    assert quantity("chips made at 7 nanometres").stated_unit == "nanometres"


_PIECES = [*"0123456789 ,.$€%-()abkmnoty亿万元", "bn", " billion", "US$", " yuan", " more than "]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)


@settings(max_examples=300)
@given(st.one_of(st.text(), _TEXT))
def test_never_raises_and_spans_slice(text: str) -> None:
    for m in find_quantities(text):
        assert text[m.span.start : m.span.end] == m.span.text


@given(_TEXT)
def test_deterministic(text: str) -> None:
    assert find_quantities(text) == find_quantities(text)


def test_conversion_table_agrees_with_pint() -> None:
    from factcheck.extract.units import CANONICAL, pint_canonical

    for unit, (_, _, target, dimension) in CANONICAL.items():
        for value in (Decimal(0), Decimal("1.5"), Decimal(1000)):
            expected, pint_target, pint_dimension = pint_canonical(value, unit)
            got = canonical(value, unit)[0]
            assert (target, dimension) == (pint_target, pint_dimension), unit
            assert abs(got - expected) <= abs(expected) * Decimal("1e-9") + Decimal("1e-9"), unit


def test_units_outside_the_table_go_through_pint() -> None:
    value, unit, _ = canonical(Decimal(1), "furlong")
    assert unit == "meter" and abs(value - Decimal("201.168")) < Decimal("0.001")

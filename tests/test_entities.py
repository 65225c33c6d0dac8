"""Organisation and person mentions, named canonically."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.entities import find_entities
from factcheck.models import MentionKind


def _names(text: str) -> list[tuple[str, str, str]]:
    return [(m.kind.value, m.span.text, m.name or "") for m in find_entities(text)]


def test_legal_names_and_tickers_resolve_to_the_company() -> None:
    text = "Shares of Baidu Inc. (BIDU) rose while Tencent Holdings Ltd slipped."
    assert _names(text) == [
        ("organization", "Baidu Inc.", "Baidu"),
        ("organization", "BIDU", "Baidu"),
        ("organization", "Tencent Holdings Ltd", "Tencent"),
    ]


def test_longest_name_wins_so_a_subsidiary_stays_itself() -> None:
    assert _names("Alibaba Cloud cut prices; Alibaba's shares rose.") == [
        ("organization", "Alibaba Cloud", "Alibaba Cloud"),
        ("organization", "Alibaba", "Alibaba"),
    ]


def test_tickers_glued_to_the_next_word_in_scraped_text() -> None:
    found = _names("Alibaba BABA, Tencent TCEHYAnd Baidu reported")
    assert [n for _, _, n in found] == ["Alibaba", "Alibaba", "Tencent", "Tencent", "Baidu"]


def test_names_glued_together_are_both_found() -> None:
    found = _names("ByteDanceTikTok's parent company")
    assert [n for _, _, n in found] == ["ByteDance", "TikTok"]


def test_a_product_names_its_maker_without_becoming_it() -> None:
    (kimi,) = find_entities("Users flocked to Kimi Chat last spring.")
    assert (kimi.name, kimi.organization) == ("Kimi", "Moonshot AI")


def test_people_by_any_variant_and_with_slips() -> None:
    text = "Wu Yongming met Joseph Tsai and Danial Zhang."
    people = [(m.span.text, m.name) for m in find_entities(text) if m.kind == MentionKind.PERSON]
    assert people == [("Wu Yongming", "Eddie Wu"), ("Joseph Tsai", "Joe Tsai")]
    # "Danial" replaces a letter rather than dropping or swapping one: not a known person
    slips = find_entities("Later, Jensen Haung spoke.")
    assert [(m.span.text, m.name) for m in slips] == [("Jensen Haung", "Jensen Huang")]


def test_a_dropped_letter_in_a_company_name() -> None:
    assert _names("Analysts said Tencnet would follow.")[-1] == (
        "organization",
        "Tencnet",
        "Tencent",
    )


def test_unknown_companies_by_their_legal_suffix() -> None:
    assert _names("Shenzhen Widget Holdings Ltd signed.") == [
        ("organization", "Shenzhen Widget Holdings Ltd", "Shenzhen Widget Holdings Ltd")
    ]


def test_common_words_are_not_companies() -> None:
    assert _names("A moonshot idea from Albania, said the baba.") == []


@given(st.text(max_size=300))
def test_never_raises_and_spans_slice(text: str) -> None:
    for m in find_entities(text):
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.kind in (MentionKind.ORGANIZATION, MentionKind.PERSON)


def test_an_unknown_legal_name_is_not_read_as_a_misspelt_known_company() -> None:
    names = [m.name for m in find_entities("Vidia Fabrics Inc invested $3 billion in looms.")]
    assert names == ["Vidia Fabrics Inc"]


def test_a_misspelt_known_legal_name_still_resolves() -> None:
    names = [m.name for m in find_entities("Alibba Group Holding Ltd raised $3 billion.")]
    assert names == ["Alibaba"]


def test_unknown_companies_are_found_by_the_shape_of_their_names() -> None:
    text = "Orbital Freight's revenue rose. Vega raised $2 million. Last year China's output grew."
    names = {m.name for m in find_entities(text)}
    assert {"Orbital Freight", "Vega"} <= names
    assert not names & {"Last", "China", "Last year China"}

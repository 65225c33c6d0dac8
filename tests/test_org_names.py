"""One name per organisation across a corpus: legal forms, accents, group words and acronyms
do not split a subject; a division keeps its own name."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import factcheck
from factcheck.models import Severity
from factcheck.org_names import canonical_names, name_key


def test_legal_forms_accents_and_group_words_do_not_split_a_name() -> None:
    names = ["Vega Mining Corp.", "Vega Mining", "Vega Mining", "Lumière SA", "Lumiere"]
    out = canonical_names(names)
    assert out["Vega Mining Corp."] == out["Vega Mining"] == "Vega Mining"
    assert out["Lumiere"] == out["Lumière SA"]
    assert canonical_names(["Kestrel Group Holdings Ltd", "Kestrel"])[
        "Kestrel Group Holdings Ltd"
    ] == ("Kestrel")


def test_an_acronym_joins_the_one_name_whose_initials_it_spells() -> None:
    out = canonical_names(["NPC", "NPC", "Northern Pipe Company"])
    assert out["Northern Pipe Company"] == "NPC"


def test_an_acronym_that_fits_two_names_joins_neither() -> None:
    out = canonical_names(["NP", "Northern Pipe", "Nova Plastics"])
    assert out["NP"] == "NP"


def test_a_first_name_alone_is_the_one_company_that_adds_a_trade() -> None:
    out = canonical_names(["Kestrel", "Kestrel Electronics", "Kestrel Electronics Co."])
    assert set(out.values()) == {"Kestrel Electronics"}
    two = canonical_names(["Kestrel", "Kestrel Electronics", "Kestrel Motors"])
    assert two["Kestrel"] == "Kestrel"


def test_a_division_is_not_its_group() -> None:
    out = canonical_names(["Kestrel", "Kestrel Aerospace"])
    assert out["Kestrel Aerospace"] == "Kestrel Aerospace"


def test_the_reference_name_wins() -> None:
    out = canonical_names(["Acme", "Acme", "Acme Inc"], known={"Acme Inc": "Acme Incorporated"}.get)
    assert set(out.values()) == {"Acme Incorporated"}


@given(
    st.sampled_from(["Vega Mining", "Lotus Pharma", "Orbital Freight"]),
    st.sampled_from(
        ["", " Inc", " Inc.", " Corp.", " Ltd", " plc", " SE", " AG", " N.V.", " Group"]
    ),
)
def test_any_legal_form_keeps_the_key(name: str, suffix: str) -> None:
    assert name_key(name + suffix) == name_key(name)


def test_sources_that_spell_a_company_differently_are_compared() -> None:
    report = factcheck.check(
        [
            factcheck.source_from_text(
                "a", "Vega Mining Corp. reported revenue of $4.1 billion for 2024.", published=None
            ),
            factcheck.source_from_text(
                "b", "Vega Mining reported revenue of $5.3 billion for 2024.", published=None
            ),
        ]
    )
    assert {c.subject.name for c in report.claims} == {"Vega Mining"}
    assert [f.code for f in report.findings if f.severity == Severity.ERROR] == ["FC101"]

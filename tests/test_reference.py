"""The reference: name resolution, time-scoped roles, and the user's own files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.reference import DatePrecision, FuzzyDate, load_reference
from factcheck.reference.store import Reference, read_facts

REF = load_reference()


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Alibaba Group Holding Ltd", "Alibaba"),
        ("Alibaba Group Holding Limited", "Alibaba"),
        ("BABA", "Alibaba"),
        ("alibaba group", "Alibaba"),
        ("Alibba", "Alibaba"),  # one dropped letter
        ("Tencent Holdings Ltd", "Tencent"),
        ("TCEHY", "Tencent"),
        ("NVIDIA Corporation", "Nvidia"),
        ("Moonshot", "Moonshot AI"),
        ("Alibaba Cloud", "Alibaba Cloud"),  # a subsidiary is itself, not its parent
    ],
)
def test_organisation_names_resolve_to_one_canonical_name(surface: str, canonical: str) -> None:
    assert REF.resolve_org(surface) == canonical


def test_unknown_and_product_names_do_not_resolve_to_an_organisation() -> None:
    assert REF.resolve_org("Albania") is None
    assert REF.resolve_org("Kimi") is None
    kimi = REF.product("Kimi AI")
    assert kimi is not None and kimi.maker == "Moonshot AI"


def test_subsidiary_keeps_its_parent_distinct() -> None:
    assert REF.parent_of("Alibaba Cloud") == "Alibaba"
    assert REF.parent_of("TikTok") == "ByteDance"
    assert REF.parent_of("Alibaba") is None


@pytest.mark.parametrize(
    ("surface", "canonical"),
    [
        ("Joseph Tsai", "Joe Tsai"),
        ("Joe Tsai", "Joe Tsai"),
        ("Wu Yongming", "Eddie Wu"),
        ("Pony Ma", "Ma Huateng"),
        ("Zhang Daniel", "Daniel Zhang"),  # family name first
        ("Daniel Zhnag", "Daniel Zhang"),  # swapped letters
        ("Jensen Haung", "Jensen Huang"),
        ("Robn Li", "Robin Li"),  # dropped letter
    ],
)
def test_person_name_variants_resolve_to_one_person(surface: str, canonical: str) -> None:
    assert REF.resolve_person(surface) == canonical


def test_a_replaced_letter_is_another_person() -> None:
    assert REF.resolve_person("Robin Lu") is None
    assert REF.resolve_person("Daniel Zhao") is None


def _slip(name: str, data: st.DataObject) -> str:
    tokens = name.split()
    i = data.draw(st.sampled_from([k for k, t in enumerate(tokens) if len(t) >= 4]))
    token = tokens[i]
    j = data.draw(st.integers(0, len(token) - 2))
    if data.draw(st.booleans()):
        token = token[:j] + token[j + 1 :]  # drop a letter
    else:
        token = token[:j] + token[j + 1] + token[j] + token[j + 2 :]  # swap two neighbours
    tokens[i] = token
    return " ".join(tokens)


@given(st.data())
def test_one_transcription_slip_never_changes_the_person(data: st.DataObject) -> None:
    name = data.draw(
        st.sampled_from(["Daniel Zhang", "Eddie Wu", "Jensen Huang", "Liang Rubo", "Yang Zhilin"])
    )
    assert REF.resolve_person(_slip(name, data)) == name


@given(st.text(max_size=40))
def test_resolution_never_raises(text: str) -> None:
    REF.resolve_org(text)
    REF.resolve_person(text)


def _holders(org: str, role: str, on: date) -> list[str]:
    return [t.person for t in REF.holders(org, role, on) if t.covers(on)]


def test_alibaba_ceo_changes_on_2023_09_10() -> None:
    assert _holders("Alibaba", "CEO", date(2020, 1, 1)) == ["Daniel Zhang"]
    assert _holders("Alibaba", "CEO", date(2023, 9, 9)) == ["Daniel Zhang"]
    assert _holders("Alibaba", "CEO", date(2023, 9, 10)) == ["Eddie Wu"]
    assert _holders("Alibaba Group Holding Ltd", "chairman", date(2025, 2, 21)) == ["Joe Tsai"]
    assert _holders("Alibaba", "chairman", date(2021, 1, 1)) == ["Daniel Zhang"]


def test_year_precise_start_leaves_that_year_open() -> None:
    (liang,) = [t for t in REF.roles_of("Liang Rubo") if t.role == "CEO"]
    assert liang.start == FuzzyDate(date(2021, 1, 1), DatePrecision.YEAR)
    assert liang.covers(date(2020, 12, 31)) is False
    assert liang.covers(date(2021, 6, 1)) is None
    assert liang.covers(date(2022, 1, 1)) is True


def test_every_bundled_fact_names_its_source() -> None:
    assert all(t.source and t.source.text for t in REF.tenures)
    assert all(o.source and o.source.text for o in REF.organizations.values())
    assert all(p.source and p.source.text for p in REF.people.values())


def test_roles_of_accepts_name_variants_and_lists_dates() -> None:
    roles = {(t.organization, t.role): t.describe_dates() for t in REF.roles_of("Joseph Tsai")}
    assert roles[("Alibaba", "chairman")] == "from 2023-09-10"
    titles = {t.role for t in REF.roles_of("Pony Ma")}
    assert {"chairman", "CEO", "founder"} <= titles


def test_head_means_any_top_title() -> None:
    people = {t.person for t in REF.tenures_of_role("Alibaba", "head")}
    assert {"Daniel Zhang", "Eddie Wu", "Joe Tsai"} <= people


def test_load_reference_is_built_once() -> None:
    assert load_reference() is load_reference()


def test_fiscal_calendars_are_exposed_by_any_name() -> None:
    assert REF.fiscal_calendar("BABA").month == 3
    assert REF.fiscal_calendar("Moonshot AI").is_default


def test_user_toml_adds_people_roles_and_aliases(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        """
[[organization]]
name = "Alibaba"
aliases = ["Ali"]
source = "house style guide"

[[person]]
name = "Toby Xu"
aliases = ["Xu Hong"]
source = "Alibaba press release"

[[role]]
person = "Xu Hong"
organization = "Alibaba Group"
role = "chief financial officer"
start = "2022-04"
source = "Alibaba press release"
""",
        encoding="utf-8",
    )
    ref = load_reference([path])
    assert ref is not REF
    assert ref.resolve_org("Ali") == "Alibaba"
    (cfo,) = ref.holders("Alibaba", "CFO", date(2024, 1, 1))
    assert (cfo.person, cfo.start) == ("Toby Xu", FuzzyDate(date(2022, 4, 1), DatePrecision.MONTH))


def test_user_csv_tenures_and_aliases(tmp_path: Path) -> None:
    roles = tmp_path / "roles.csv"
    roles.write_text(
        "person,organization,role,start,end,source,url\n"
        "Jane Roe,Acme,CEO,2019-01-02,2024-05,Acme 10-K,https://example.com/10k\n",
        encoding="utf-8",
    )
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("organization,alias,source\nAcme,Acme Widgets;ACME,Acme site\n", "utf-8")
    ref = load_reference([aliases, roles])
    assert ref.resolve_org("Acme Widgets") == "Acme"
    (jane,) = ref.roles_of("Jane Roe")
    assert jane.describe_dates() == "from 2019-01-02 to 2024-05"
    assert jane.source is not None and jane.source.url == "https://example.com/10k"


def _time(value: str, precision: int) -> dict[str, object]:
    return {"datavalue": {"value": {"time": value, "precision": precision}}}


def test_wikidata_entities_give_ceo_and_chair_with_precision(tmp_path: Path) -> None:
    company = {
        "entities": {
            "Q1": {
                "id": "Q1",
                "labels": {"en": {"value": "Alibaba Group"}},
                "aliases": {"en": [{"value": "Ali Group"}]},
                "claims": {
                    "P169": [
                        {
                            "mainsnak": {"datavalue": {"value": {"id": "Q2"}}},
                            "qualifiers": {"P580": [_time("+2023-09-10T00:00:00Z", 11)]},
                        },
                        {
                            "mainsnak": {"datavalue": {"value": {"id": "Q3"}}},
                            "rank": "deprecated",
                        },
                    ],
                    "P488": [
                        {
                            "mainsnak": {"datavalue": {"value": {"id": "Q4"}}},
                            "qualifiers": {
                                "P580": [_time("+2019-00-00T00:00:00Z", 9)],
                                "P582": [_time("+2023-09-00T00:00:00Z", 10)],
                            },
                        }
                    ],
                },
            }
        }
    }
    person = {
        "entities": {
            "Q2": {
                "id": "Q2",
                "labels": {"en": {"value": "Wu Yongming"}},
                "claims": {"P31": [{"mainsnak": {"datavalue": {"value": {"id": "Q5"}}}}]},
            }
        }
    }
    (tmp_path / "Q1.json").write_text(json.dumps(company), "utf-8")
    (tmp_path / "Q2.json").write_text(json.dumps(person), "utf-8")
    ref = load_reference([tmp_path / "Q1.json", tmp_path / "Q2.json"])
    assert ref.resolve_org("Ali Group") == "Alibaba"  # joined the bundled entry
    ceos = [t for t in ref.tenures_of_role("Alibaba", "CEO") if "Wikidata" in str(t.source)]
    assert [t.person for t in ceos] == ["Eddie Wu"]  # the label resolved to the known person
    (chair,) = [t for t in ref.tenures_of_role("Alibaba", "chairman") if t.person == "Q4"]
    assert chair.start == FuzzyDate(date(2019, 1, 1), DatePrecision.YEAR)
    assert chair.end == FuzzyDate(date(2023, 9, 1), DatePrecision.MONTH)


def test_malformed_user_files_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[role]]\nperson = "A B"\norganization = "X"\nrole = "CEO"\n', "utf-8")
    with pytest.raises(ValueError, match=r"bad\.toml.*source"):
        read_facts(path)
    odd = tmp_path / "facts.yaml"
    odd.write_text("x", "utf-8")
    with pytest.raises(ValueError, match=r"facts\.yaml"):
        read_facts(odd)


def test_empty_reference_resolves_nothing() -> None:
    empty = Reference()
    assert empty.resolve_org("Alibaba") is None
    assert empty.holders("Alibaba", "CEO", date(2024, 1, 1)) == ()

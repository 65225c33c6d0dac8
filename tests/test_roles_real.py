"""Roles as ordinary news writes them: holders that are people's names, the phrasings around
a title, the holder's status (new, leaving, former, future), and holders that conflict only
when sources published close together name different people without telling of a handover."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.compare.roles import HOLDER_WINDOW_DAYS, check_conflicting_holders, check_roles
from factcheck.extract import extract
from factcheck.extract.person_names import find_person_names, person_name_at
from factcheck.extract.roles import find_roles, role_claims
from factcheck.models import Period, RoleClaim, Severity, Source
from factcheck.reference import load_reference
from factcheck.reference.person_names import name_lexicon, parse_given_names

REF = load_reference()


def _roles(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(m.name, m.person, m.organization) for m in find_roles(text)]


def _claims(text: str, published: date | None, source_id: str = "src") -> list[RoleClaim]:
    source = Source(id=source_id, text=text, published=Period.day(published) if published else None)
    return role_claims(source, extract(text, published))


# ------------------------------------------------------------------ names


def test_given_names_are_read_from_the_dictionary_format() -> None:
    lines = [
        "# a comment",
        "M  Torvald                      3",
        "F  Ann+Marie                    1",
        "=  Bob Robert                   1",
    ]
    assert parse_given_names(lines) == {"torvald", "annmarie", "ann marie", "ann-marie"}


def test_the_bundled_lexicon_knows_given_names_and_rejects_title_words() -> None:
    lexicon = name_lexicon()
    assert lexicon.is_given("Ingrid") and lexicon.is_given("Rafael")
    assert not lexicon.is_given("Chief") and lexicon.is_not_name("Officer")
    assert lexicon.is_family_first("Zhou")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ingrid Olsen said", "Ingrid Olsen"),
        ("Rafael de la Vega spoke", "Rafael de la Vega"),
        ("J.K. Marlowe spoke", "J.K. Marlowe"),
        ("Zhou Wenhai spoke", "Zhou Wenhai"),
    ],
)
def test_people_are_named_by_lexicon_and_shape(text: str, name: str) -> None:
    (found,) = find_person_names(text, REF)
    assert found.name == name


def test_a_hyphenated_suffix_is_not_part_of_the_name() -> None:
    assert [n.name for n in find_person_names("the Rafael Ortiz-led board", REF)] == [
        "Rafael Ortiz"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Commercial Aircraft said",
        "Senior Independent Director",
        "Quarterly Results Preview",
        "the U.S. AI push",
        "the board de Administração",
    ],
)
def test_headings_and_titles_are_no_names(text: str) -> None:
    assert find_person_names(text, REF) == []


def test_a_title_followed_by_a_heading_names_no_holder() -> None:
    assert [m.person for m in find_roles("the CEO Annual Review was published")] == [None]


def test_a_units_chief_is_not_the_groups() -> None:
    unit = "Ingrid Olsen, CEO Freight Services at Orlavik Group, said"
    assert _roles(unit) == [("CEO", "Ingrid Olsen", "Orlavik Group Freight Services")]
    a = _claims(unit, date(2025, 3, 1), "a")
    b = _claims("Rafael Ortiz, Orlavik Group Chief Executive Officer, said", date(2025, 3, 2), "b")
    assert [c.organization for c in b] == ["Orlavik Group"]
    assert check_conflicting_holders([*a, *b], {}, REF) == []


# ------------------------------------------------------------------ phrasings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Brightwater chief executive Ingrid Olsen told analysts on a call",
            ("CEO", "Ingrid Olsen", "Brightwater"),
        ),
        ("Rafael Ortiz, who heads Quillon, declined", ("head", "Rafael Ortiz", "Quillon")),
        (
            "Quillon named Rafael Ortiz chief executive on Tuesday",
            ("CEO", "Rafael Ortiz", "Quillon"),
        ),
        ("Rafael Ortiz, president of Quillon, said", ("president", "Rafael Ortiz", "Quillon")),
        ("Quillon's new CEO Rafael Ortiz said", ("CEO", "Rafael Ortiz", "Quillon")),
        (
            "Rafael Ortiz was appointed chief executive of Quillon",
            ("CEO", "Rafael Ortiz", "Quillon"),
        ),
    ],
)
def test_more_phrasings_name_holder_and_organisation(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _roles(text)


def test_its_title_belongs_to_the_organisation_that_opens_the_sentence() -> None:
    text = "Brightwater has dismissed its chief financial officer Ingrid Olsen."
    assert _roles(text) == [("CFO", "Ingrid Olsen", "Brightwater")]


@pytest.mark.parametrize(
    "text",
    [
        "MILAN, May 3 (Newswire) - Brightwater has fired its CFO Ingrid Olsen.",
        "Brightwater, maker of Sunny Crisps and Gold Oats, will cut jobs, its new chief "
        "financial officer Ingrid Olsen said.",
    ],
)
def test_its_skips_datelines_and_the_brands_a_sentence_lists(text: str) -> None:
    assert ("CFO", "Ingrid Olsen", "Brightwater") in _roles(text)


def test_a_title_without_its_organisation_takes_the_one_the_text_gave_the_person() -> None:
    text = "Ingrid Olsen, CEO of Brightwater, spoke. Later CEO Ingrid Olsen said more."
    assert _roles(text) == [("CEO", "Ingrid Olsen", "Brightwater")] * 2


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Rafael Ortiz, who led Quillon until 2019, spoke.", "former"),
        ("Rafael Ortiz, who has led Quillon since 2019, spoke.", "current"),
    ],
)
def test_who_led_is_over_and_who_has_led_goes_on(text: str, status: str) -> None:
    assert _statuses(text) == [("Rafael Ortiz", status)]


def test_the_family_name_alone_is_the_person_named_earlier() -> None:
    text = "Ingrid Olsen joined in 2010. Brightwater CEO Olsen said demand held."
    assert ("CEO", "Ingrid Olsen", "Brightwater") in _roles(text)


# ------------------------------------------------------------------ statuses


def _statuses(text: str, published: date | None = date(2025, 4, 1)) -> list[tuple[str, str]]:
    return [(c.person, c.status) for c in _claims(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Former Quillon CEO Rafael Ortiz spoke.", [("Rafael Ortiz", "former")]),
        ("Quillon CEO Rafael Ortiz stepped down on Monday.", [("Rafael Ortiz", "former")]),
        ("Quillon CEO Rafael Ortiz will step down next year.", [("Rafael Ortiz", "leaving")]),
        ("Quillon has fired its CEO Rafael Ortiz.", [("Rafael Ortiz", "former")]),
        ("Quillon's new CEO Rafael Ortiz spoke.", [("Rafael Ortiz", "new")]),
        ("Quillon CEO Rafael Ortiz said sales rose.", [("Rafael Ortiz", "current")]),
        (
            "Quillon CEO Rafael Ortiz was replaced by Ingrid Olsen.",
            [("Rafael Ortiz", "former"), ("Ingrid Olsen", "new")],
        ),
        (
            "Ingrid Olsen took over from Quillon CEO Rafael Ortiz.",
            [("Ingrid Olsen", "new"), ("Rafael Ortiz", "former")],
        ),
        ("Quillon CEO Rafael Ortiz left the meeting early.", [("Rafael Ortiz", "current")]),
        ("Quillon CEO Rafael Ortiz left the company in May.", [("Rafael Ortiz", "former")]),
        ("Quillon's then-CEO Rafael Ortiz spoke.", [("Rafael Ortiz", "former")]),
        ("A chairman and then CEO Rafael Ortiz of Quillon spoke.", [("Rafael Ortiz", "current")]),
    ],
)
def test_the_words_around_a_title_say_how_the_holder_stands(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert sorted(_statuses(text)) == sorted(expected)


def test_will_become_reaches_past_an_apposition() -> None:
    text = "Ingrid Olsen, a company veteran, will become chief executive of Quillon."
    (claim,) = _claims(text, date(2025, 4, 1))
    assert (claim.person, claim.organization, claim.status) == ("Ingrid Olsen", "Quillon", "future")
    assert claim.date == Period(
        start=date(2025, 4, 2), end=None, granularity=claim.date.granularity
    )


def test_will_become_is_a_claim_about_the_date_it_gives() -> None:
    text = "Ingrid Olsen will become CEO of Quillon on June 2, 2025."
    (claim,) = _claims(text, date(2025, 4, 1))
    assert claim.status == "future"
    assert claim.date == Period.day(date(2025, 6, 2))


def test_a_former_holder_is_never_checked_as_a_current_one() -> None:
    claims = _claims("Former Alibaba CEO Daniel Zhang spoke.", date(2025, 2, 21))
    assert [c.status for c in claims] == ["former"]
    assert check_roles(claims, {}, REF) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ingrid Olsen will become CEO of Quillon. Olsen succeeds Rafael Ortiz, who said "
            "last year he would step down in 2027.",
            {("Ingrid Olsen", "future"), ("Ingrid Olsen", "new"), ("Rafael Ortiz", "leaving")},
        ),
        (
            "Rafael Ortiz, CEO of Quillon, was fired. Ortiz's successor Ingrid Olsen starts now.",
            {("Rafael Ortiz", "former"), ("Ingrid Olsen", "new")},
        ),
        (
            "Quillon dismissed CEO Rafael Ortiz. Ingrid Olsen was appointed as Ortiz's successor.",
            {("Rafael Ortiz", "former"), ("Ingrid Olsen", "new")},
        ),
    ],
)
def test_a_succession_gives_the_newcomer_the_title_the_text_gave_the_other(
    text: str, expected: set[tuple[str, str]]
) -> None:
    claims = _claims(text, date(2025, 4, 1))
    assert {(c.person, c.status) for c in claims} == expected
    assert {(c.role, c.organization) for c in claims} == {("CEO", "Quillon")}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Rafael Ortiz was chief executive of Quillon until 2019.", "former"),
        ("Rafael Ortiz has been chief executive of Quillon since 2019.", "current"),
        ("Rafael Ortiz, a veteran, is the chief executive of Quillon.", "current"),
    ],
)
def test_was_and_is_before_a_title(text: str, status: str) -> None:
    assert _statuses(text) == [("Rafael Ortiz", status)]


def test_a_departure_is_dated_by_the_day_its_sentence_gives() -> None:
    text = "Quillon CEO Rafael Ortiz resigned on Sunday."
    (claim,) = _claims(text, date(2025, 4, 1))  # a Tuesday
    assert claim.status == "former" and claim.date == Period.day(date(2025, 3, 30))


def test_a_succession_is_not_dated_by_the_newcomers_career() -> None:
    text = "Rafael Ortiz, CEO of Quillon, left. Ortiz's successor Ingrid Olsen joined in 2001."
    claims = _claims(text, date(2025, 4, 1))
    gone = [c for c in claims if c.person == "Rafael Ortiz" and "successor" in c.span.text]
    assert [c.date for c in gone] == [Period.day(date(2025, 4, 1))]


# ------------------------------------------------------------------ holder after departure


def test_a_holder_named_after_a_source_said_they_left_is_stale() -> None:
    gone = _claims("Quillon CEO Rafael Ortiz resigned on Sunday.", date(2025, 1, 7), "a")
    later = _claims("Quillon CEO Rafael Ortiz will step down in 2026.", date(2025, 5, 2), "b")
    (finding,) = check_roles([*gone, *later], {}, REF)
    assert (finding.code, finding.severity) == ("FC304", Severity.WARNING)
    assert finding.sources == ("a", "b") and "had left" in finding.message


@pytest.mark.parametrize(
    ("gone_day", "later_day"),
    [(date(2025, 5, 2), date(2025, 1, 7)), (date(2025, 1, 7), date(2025, 1, 9))],
)
def test_leaving_before_going_or_reported_within_the_grace_is_consistent(
    gone_day: date, later_day: date
) -> None:
    gone = _claims("Quillon CEO Rafael Ortiz resigned.", gone_day, "a")
    later = _claims("Quillon CEO Rafael Ortiz will step down.", later_day, "b")
    assert check_roles([*gone, *later], {}, REF) == []


# ------------------------------------------------------------------ conflicting holders


def _claim(source: str, person: str, day: date | None, status: str = "current") -> RoleClaim:
    text = f"Quillon CEO {person}"
    (claim,) = _claims(text, day, source)
    return claim.model_copy(update={"status": status})


def test_holders_named_within_the_window_conflict_as_a_warning() -> None:
    a = _claim("a", "Rafael Ortiz", date(2025, 3, 1))
    b = _claim("b", "Ingrid Olsen", date(2025, 3, 1) + timedelta(days=HOLDER_WINDOW_DAYS - 5))
    (finding,) = check_conflicting_holders([a, b], {}, REF)
    assert (finding.code, finding.severity) == ("FC302", Severity.WARNING)
    assert "close together" in finding.message


def test_holders_named_further_apart_than_the_window_do_not_conflict() -> None:
    a = _claim("a", "Rafael Ortiz", date(2025, 3, 1))
    b = _claim("b", "Ingrid Olsen", date(2025, 3, 1) + timedelta(days=HOLDER_WINDOW_DAYS + 5))
    assert check_conflicting_holders([a, b], {}, REF) == []


def test_the_window_is_a_setting() -> None:
    a = _claim("a", "Rafael Ortiz", date(2025, 3, 1))
    b = _claim("b", "Ingrid Olsen", date(2025, 3, 11))
    assert [f.code for f in check_conflicting_holders([a, b], {}, REF)] == ["FC302"]
    assert check_conflicting_holders([a, b], {}, REF, window_days=5) == []


@pytest.mark.parametrize(
    ("old_status", "new_status"),
    [("leaving", "current"), ("current", "new"), ("current", "future")],
)
def test_a_handover_the_sources_tell_of_is_no_conflict(old_status: str, new_status: str) -> None:
    old = _claim("a", "Rafael Ortiz", date(2025, 3, 1), old_status)
    new = _claim("b", "Ingrid Olsen", date(2025, 3, 10), new_status)
    assert check_conflicting_holders([old, new], {}, REF) == []


def test_the_old_holder_named_after_the_new_one_still_conflicts() -> None:
    gone = _claim("c", "Rafael Ortiz", date(2025, 3, 1), "former")
    new = _claim("b", "Ingrid Olsen", date(2025, 3, 10), "new")
    stale = _claim("a", "Rafael Ortiz", date(2025, 3, 20))
    codes = [f.code for f in check_conflicting_holders([gone, new, stale], {}, REF)]
    assert codes == ["FC302"]


def test_the_reference_settling_the_holder_makes_the_conflict_an_error() -> None:
    a = _claims("Alibaba CEO Eddie Wu said", date(2024, 8, 20), "a")
    b = _claims("Alibaba CEO Daniel Zhang said", date(2024, 8, 27), "b")
    (finding,) = check_conflicting_holders([*a, *b], {}, REF)
    assert finding.severity == Severity.ERROR and "settles" in finding.message


def test_a_users_reference_settles_a_conflict_too(tmp_path: Path) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_text(
        '[[role]]\nperson = "Ingrid Olsen"\norganization = "Quillon"\nrole = "CEO"\n'
        'start = "2024-06"\nsource = "Quillon annual report 2024"\n',
        encoding="utf-8",
    )
    mine = load_reference([facts])
    a = _claim("a", "Rafael Ortiz", date(2025, 3, 1))
    b = _claim("b", "Ingrid Olsen", date(2025, 3, 2))
    assert [f.severity for f in check_conflicting_holders([a, b], {}, REF)] == [Severity.WARNING]
    assert [f.severity for f in check_conflicting_holders([a, b], {}, mine)] == [Severity.ERROR]


def test_an_organisation_with_and_without_its_legal_form_is_one() -> None:
    a = _claims("Quillon SA CEO Rafael Ortiz said", date(2025, 3, 1), "a")
    b = _claims("Quillon CEO Ingrid Olsen said", date(2025, 3, 2), "b")
    assert [f.code for f in check_conflicting_holders([*a, *b], {}, REF)] == ["FC302"]


def test_one_person_under_differently_written_initials_is_one_holder() -> None:
    a = _claim("a", "K.T. Marlowe", date(2025, 3, 1))
    b = _claim("b", "K. T. Marlowe", date(2025, 3, 2))
    assert check_conflicting_holders([a, b], {}, REF) == []


# ------------------------------------------------------------------ robustness


@settings(deadline=None)  # the first example loads the name lexicon
@given(st.text(max_size=200), st.integers(min_value=0, max_value=200))
def test_name_reading_never_raises_and_spans_slice(text: str, pos: int) -> None:
    for name in find_person_names(text, REF):
        assert 0 <= name.start < name.end <= len(text)
    found = person_name_at(text, min(pos, len(text)), REF)
    assert found is None or found.end <= len(text)


_PIECES = st.sampled_from(
    [
        "Quillon",
        "Brightwater",
        "Acme Holdings Ltd",
        "CEO",
        "chief executive",
        "chairman",
        "former",
        "new",
        "Ingrid Olsen",
        "Rafael Ortiz",
        "Commercial Aircraft",
        "Senior Director",
        "Quarterly Results",
        "'s",
        ",",
        ".",
        "of",
        "named",
        "will step down",
        "was replaced by",
        "who heads",
        "said",
        "on June 2, 2025",
    ]
)


@settings(deadline=None)  # the first example loads the name lexicon
@given(st.lists(_PIECES, max_size=14))
def test_roles_from_news_like_fragments_name_only_people(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for mention in find_roles(text):
        assert text[mention.span.start : mention.span.end] == mention.span.text
        assert mention.person in (None, "Ingrid Olsen", "Rafael Ortiz")
    for claim in _claims(text, date(2025, 4, 1)):
        assert claim.person in ("Ingrid Olsen", "Rafael Ortiz")
        assert claim.status in ("current", "new", "leaving", "former", "future")

"""Holidays in time extraction: Gregorian rules (`periods.HOLIDAYS`) and lunar or lunisolar
calendars (`holiday_calendar`, dates from python-holidays), their spellings, years, periods,
the tense policy, and that a text without a holiday name never loads the `holidays` package."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from rule_cues import assert_skipped_rules_find_nothing

from factcheck.extract.time import find_times
from factcheck.extract.time_rules import Prefer
from factcheck.normalize import periods as P
from factcheck.normalize.holiday_calendar import (
    CALENDAR_HOLIDAYS,
    NAME_GROUPS,
    calendar_holiday_key,
    calendar_periods,
)
from factcheck.values import Granularity, MentionKind, Period

REF = date(2024, 8, 27)  # a Tuesday
SPELLINGS = sorted({name for names in NAME_GROUPS for name in names})


def found(text: str, reference: date | None = REF, prefer: Prefer = "past") -> list[Period]:
    return [
        m.value.period
        for m in find_times(text, reference, prefer=prefer)
        if m.value is not None and m.value.period is not None
    ]


def days(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


def bounds(p: Period) -> tuple[date | None, date | None]:
    return p.start, p.end


# --------------------------------------------------------------------------- calendar days


def test_lunar_holidays_fall_on_their_known_days() -> None:
    expected = {
        "Eid al-Fitr": ("2024-04-10", "2024-04-11"),
        "Eid al-Adha": ("2024-06-16", "2024-06-17"),
        "Diwali": ("2023-11-12", "2023-11-13"),
        "Holi": ("2024-03-25", "2024-03-26"),
        "Chinese New Year": ("2024-02-10", "2024-02-11"),
        "Vesak": ("2024-05-22", "2024-05-23"),
        "Nowruz": ("2024-03-20", "2024-03-21"),
    }
    for key, (start, end) in expected.items():
        year = int(start[:4])
        assert [bounds(p) for p in P.holiday_periods(key, year)] == [days(start, end)], key


def test_multi_day_holidays_are_periods() -> None:
    ramadan = P.holiday_periods("Ramadan", 2024)[0]
    assert bounds(ramadan) == days("2024-03-11", "2024-04-10")  # up to Eid al-Fitr
    assert ramadan.granularity == Granularity.SPAN and ramadan.label == "Ramadan 2024"
    navratri = P.holiday_periods("Navratri", 2023)[0]
    assert bounds(navratri) == days("2023-10-15", "2023-10-24")  # nine nights


def test_hebrew_holidays_begin_on_their_eve() -> None:
    assert bounds(P.holiday_periods("Yom Kippur", 2023)[0]) == days("2023-09-24", "2023-09-26")
    assert bounds(P.holiday_periods("Passover", 2024)[0]) == days("2024-04-22", "2024-05-01")
    assert bounds(P.holiday_periods("Hanukkah", 2023)[0]) == days("2023-12-07", "2023-12-16")


def test_a_lunar_holiday_can_fall_twice_in_one_gregorian_year() -> None:
    starts = [p.start for p in P.holiday_periods("Eid al-Fitr", 2033)]
    assert starts == [date(2033, 1, 2), date(2033, 12, 23)]


def test_outside_the_calendar_tables_there_is_no_date() -> None:
    assert calendar_periods("Diwali", 1990) == []  # Hindu tables start in 2001
    assert calendar_periods("Eid al-Fitr", 1800) == []
    assert calendar_periods("No such feast", 2024) == []
    [mention] = find_times("Diwali 1990 was quiet.", REF)
    assert mention.value is not None and mention.value.period is None
    assert mention.value.note is not None and "1990" in mention.value.note


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(CALENDAR_HOLIDAYS)), st.integers(1925, 2099))
def test_a_calendar_holiday_starts_in_the_year_asked(key: str, year: int) -> None:
    for p in calendar_periods(key, year):
        assert p.start is not None and p.end is not None
        assert p.start.year == year and p.start < p.end


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(P.HOLIDAYS)), st.integers(2, 9990))
def test_a_rule_holiday_starts_in_the_year_asked(name: str, year: int) -> None:
    for p in P.holiday_periods(name, year):
        assert p.start is not None and p.end is not None
        assert p.start.year == year and p.start < p.end


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([*CALENDAR_HOLIDAYS, *P.HOLIDAYS]), st.integers(-100, 100_000))
def test_any_year_gives_days_or_none_and_never_raises(name: str, year: int) -> None:
    for p in P.holiday_periods(name, year):
        assert p.start is not None and p.end is not None and p.start < p.end


# --------------------------------------------------------------------------- Gregorian rules


@given(st.integers(1900, 2200))
def test_weekday_rules_land_on_their_weekday(year: int) -> None:
    victoria = P.holiday("victoria day", year)
    assert victoria is not None and victoria.weekday() == 0 and 18 <= victoria.day <= 24
    kings = P.holiday("king's day", year)
    assert kings is not None and kings.weekday() != 6  # moved to Saturday from a Sunday
    tax = P.holiday("tax day", year)
    assert tax is not None and tax.weekday() < 5 and tax >= date(year, 4, 15)


def test_super_tuesday_is_held_in_presidential_years_only() -> None:
    assert P.holiday_periods("super tuesday", 2023) == []
    assert P.holiday("super tuesday", 2024) == date(2024, 3, 5)
    assert P.holiday_near("super tuesday", REF, 1) == Period.day(date(2028, 3, 7))


def test_lent_and_holy_week_span_their_days() -> None:
    assert bounds(P.holiday_periods("lent", 2024)[0]) == days("2024-02-14", "2024-03-31")
    assert bounds(P.holiday_periods("holy week", 2024)[0]) == days("2024-03-24", "2024-03-31")


# --------------------------------------------------------------------------- extraction


def test_spellings_of_one_holiday_share_its_key() -> None:
    for spelling in ("Eid-ul-Fitr", "eid ul fitr", "EID AL-FITR", "Id al Fitr"):
        assert calendar_holiday_key(spelling) == "Eid al-Fitr"
    assert calendar_holiday_key("Bakrid") == calendar_holiday_key("Bakr Id") == "Eid al-Adha"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SPELLINGS), st.sampled_from([str.lower, str.title, str.upper]))
def test_every_spelling_with_a_year_is_one_mention(
    spelling: str, case: Callable[[str], str]
) -> None:
    name = case(spelling)
    text = f"Figures for {name} 2024 were revised."
    [mention] = find_times(text, REF)
    assert mention.span.text == f"{name} 2024"
    assert mention.value is not None and mention.value.period is not None
    assert mention.value.period.start is not None and mention.value.period.start.year == 2024


def test_years_written_in_several_ways() -> None:
    assert found("spending over Diwali in 2019")[0].start == date(2019, 10, 27)
    assert found("during Ramadan of 2018")[0].start == date(2018, 5, 16)
    assert found("Easter Sunday two thousand ten")[0].start == date(2010, 4, 4)
    assert found("Holi of next year")[0].start == date(2025, 3, 14)
    assert found("Thanksgiving in two years")[0].start == date(2026, 11, 26)
    assert found("Passover three years ago")[0].start == date(2021, 3, 27)


def test_year_less_holidays_follow_the_tense_policy() -> None:
    assert found("Retail sales rose during Diwali.")[0].start == date(2023, 11, 12)
    assert found("Retailers will hire for Diwali.")[0].start == date(2024, 10, 31)
    assert found("Diwali", prefer="future")[0].start == date(2024, 10, 31)
    assert found("since last Hanukkah")[0].start == date(2023, 12, 7)
    assert found("before next Chinese New Year")[0].end == date(2025, 1, 29)


def test_a_holiday_under_way_is_the_coming_one() -> None:
    during = date(2024, 3, 20)  # in Ramadan 2024
    [ramadan] = found("Shops will close early in Ramadan.", during)
    assert bounds(ramadan) == days("2024-03-11", "2024-04-10")
    [eid] = found("Eid al-Fitr", date(2024, 4, 10), prefer="future")
    assert eid.start == date(2024, 4, 10)  # that day itself


def test_periods_are_reported_as_periods_and_days_as_dates() -> None:
    kinds = [m.kind for m in find_times("Ramadan 2024 and Eid al-Fitr 2024", REF)]
    assert kinds == [MentionKind.PERIOD, MentionKind.DATE]


def test_common_words_and_other_calendars_are_not_western_holidays() -> None:
    assert found("The bank lent $5bn to the group.") == []
    assert found("It was a family day out for the staff.") == []
    assert found("Lent 2024")[0].start == date(2024, 2, 14)
    assert found("celebrating the Hindu New Year") == []
    assert found("Orthodox Christmas 2024")[0].start == date(2024, 1, 7)
    assert found("the Lunar New Year 2024")[0].start == date(2024, 2, 10)


def test_without_a_reference_a_year_less_holiday_stays_unresolved() -> None:
    [mention] = find_times("sales during Ramadan", None)
    assert mention.value is not None and mention.value.period is None
    assert mention.value.note is not None


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*SPELLINGS, "the", "in", "2024", "next", "-", "'", "last"]),
        max_size=8,
    ).map(" ".join)
)
def test_the_holiday_rule_is_skipped_only_where_it_finds_nothing(text: str) -> None:
    assert_skipped_rules_find_nothing(text, "past", REF)


@given(st.text(max_size=40))
def test_holiday_extraction_never_raises(text: str) -> None:
    for mention in find_times(text, REF):
        assert text[mention.span.start : mention.span.end] == mention.span.text


# --------------------------------------------------------------------------- laziness

PROBE = """
import sys
from datetime import date
from factcheck.extract.time import find_times
find_times(sys.argv[1], date(2024, 8, 27))
print("holidays" in sys.modules)
"""


def loads_holidays(text: str) -> bool:
    run = subprocess.run(
        [sys.executable, "-c", PROBE, text], capture_output=True, text=True, check=True
    )
    return run.stdout.strip() == "True"


def test_holidays_package_loads_only_for_a_lunar_holiday_name() -> None:
    assert not loads_holidays("Profit rose 5% in the second quarter of 2024.")
    assert not loads_holidays("Sales peaked at Christmas 2023.")  # a Gregorian rule
    assert loads_holidays("Sales peaked during Diwali 2023.")


def test_one_day_is_a_day_period() -> None:
    [day] = P.holiday_periods("Diwali", 2023)
    assert day == Period.day(date(2023, 11, 12)) and day.end == day.start + timedelta(days=1)

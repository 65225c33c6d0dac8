"""Fiscal calendars as reference data (factcheck.reference.fiscal)."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from factcheck.reference.fiscal import default_calendar, fiscal_calendar


def test_alibaba_year_ends_on_31_march() -> None:
    alibaba = fiscal_calendar("Alibaba")
    assert alibaba is not None and not alibaba.is_default
    assert alibaba.last_day(2024) == date(2024, 3, 31)
    assert alibaba.fiscal_year_of(date(2024, 5, 1)) == 2025
    assert alibaba.source  # every entry names where it came from


def test_nvidia_year_ends_on_the_last_sunday_of_january() -> None:
    nvidia = fiscal_calendar("nvidia")  # case-insensitive
    assert nvidia is not None
    assert nvidia.last_day(2025) == date(2025, 1, 26)
    assert nvidia.last_day(2024) == date(2024, 1, 28)
    assert nvidia.year_end(2024) == date(2024, 1, 29)


def test_unknown_organisation_falls_back_to_calendar_year_and_says_so() -> None:
    assert fiscal_calendar("Some Startup") is None
    fallback = default_calendar("Some Startup")
    assert fallback.is_default and "calendar year" in fallback.note
    assert fallback.last_day(2023) == date(2023, 12, 31)


@given(st.sampled_from(["Alibaba", "Nvidia"]), st.dates(min_value=date(1950, 1, 1)))
def test_every_day_falls_in_exactly_one_fiscal_year(org: str, day: date) -> None:
    calendar = fiscal_calendar(org)
    assert calendar is not None
    if day.year >= 9998:
        return
    fy = calendar.fiscal_year_of(day)
    assert calendar.year_end(fy - 1) <= day < calendar.year_end(fy)

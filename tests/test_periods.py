"""Calendar arithmetic behind period resolution (factcheck.normalize.periods)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from factcheck.models import Granularity
from factcheck.normalize import periods as P
from factcheck.reference.fiscal import fiscal_calendar

DAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
UNITS = st.sampled_from(["day", "week", "month", "quarter", "half", "year", "decade"])


def test_named_periods() -> None:
    q = P.quarter_period(2024, 2)
    assert (q.start, q.end, q.label) == (date(2024, 4, 1), date(2024, 7, 1), "Q2 2024")
    h = P.half_period(2023, 1)
    assert (h.start, h.end, h.granularity) == (date(2023, 1, 1), date(2023, 7, 1), Granularity.HALF)
    w = P.week_period(date(2024, 8, 28))  # a Wednesday
    assert (w.start, w.end) == (date(2024, 8, 26), date(2024, 9, 2))


def test_add_months_clamps_to_month_end() -> None:
    assert P.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert P.add_months(date(2023, 3, 31), -1) == date(2023, 2, 28)


def test_a_part_lies_inside_its_whole_and_is_no_conflict() -> None:
    year, half = P.year_period(2024), P.half_period(2024, 1)
    assert year.contains(half) and half.overlaps(year) and not half.contains(year)
    assert not P.half_period(2023, 1).overlaps(half)


def test_shift_period_keeps_its_kind() -> None:
    previous = P.shift_period(P.half_period(2024, 1), years=-1)
    assert (previous.start, previous.end, previous.granularity) == (
        date(2023, 1, 1),
        date(2023, 7, 1),
        Granularity.HALF,
    )
    assert previous.label == "H1 2023"


@given(DAYS, st.integers(-1200, 1200))
def test_a_shifted_day_is_one_day_clamped_to_month_end(day: date, months: int) -> None:
    shifted = P.shift_period(P.day_period(day), months=months)
    assert shifted.granularity == Granularity.DAY
    assert shifted.start == P.add_months(day, months)
    assert shifted.end == shifted.start + timedelta(days=1)


def test_shifts_that_once_emptied_a_day() -> None:
    cases = [
        (date(2024, 2, 28), -12, date(2023, 2, 28)),  # "from a year earlier"
        (date(2024, 3, 30), -1, date(2024, 2, 29)),  # "a month earlier"
        (date(2024, 5, 30), -1, date(2024, 4, 30)),
        (date(2024, 1, 29), 1, date(2024, 2, 29)),  # "a month later"
        (date(2023, 12, 30), -3, date(2023, 9, 30)),  # "a quarter earlier"
    ]
    for day, months, start in cases:
        assert P.shift_period(P.day_period(day), months=months) == P.day_period(start)


@given(DAYS, st.integers(1, 400), st.integers(-1200, 1200))
def test_no_shifted_period_is_empty(start: date, days: int, months: int) -> None:
    span = P.span_period(start, start + timedelta(days=days))
    week = P.week_period(start)
    for period in (span, week):
        shifted = P.shift_period(period, months=months)
        assert shifted.start is not None and shifted.end is not None
        assert shifted.start < shifted.end
    assert P.shift_period(week, months=months).end - P.shift_period(week, months=months).start == (
        timedelta(days=7)
    )


def test_nearest_past_year_for_a_day_without_year() -> None:
    published = date(2024, 8, 27)
    assert P.nearest_past_year(2, 20, published) == 2024
    assert P.nearest_past_year(12, 20, published) == 2023
    assert P.nearest_past_year(8, 27, published) == 2024  # the day itself counts
    assert P.nearest_past_year(2, 29, date(2023, 5, 1)) == 2020  # only leap years have it


def test_holidays_by_rule() -> None:
    assert P.easter(2024) == date(2024, 3, 31)
    assert P.holiday("thanksgiving", 2023) == date(2023, 11, 23)
    assert P.holiday("memorial day", 2024) == date(2024, 5, 27)
    assert P.holiday("good friday", 2024) == date(2024, 3, 29)
    assert P.holiday("no such day", 2024) is None


def test_fiscal_periods_follow_the_calendar() -> None:
    alibaba = fiscal_calendar("Alibaba")
    assert alibaba is not None
    fy = P.fiscal_year_period(2025, alibaba)
    assert (fy.start, fy.end) == (date(2024, 4, 1), date(2025, 4, 1))
    q1 = P.fiscal_quarter_period(2025, 1, alibaba)
    assert (q1.start, q1.end) == (date(2024, 4, 1), date(2024, 7, 1))


def test_period_of_phrase() -> None:
    published = date(2024, 8, 27)
    p = P.period_of_phrase("the first half of last year", published)
    assert p is not None and (p.start, p.end) == (date(2023, 1, 1), date(2023, 7, 1))
    assert P.period_of_phrase("last year", None) is None
    assert P.period_of_phrase("no time here", published) is None
    nvidia = fiscal_calendar("Nvidia")
    fy = P.period_of_phrase("fiscal 2025", published, nvidia)
    assert fy is not None and fy.end == date(2025, 1, 27)


@given(UNITS, DAYS, st.integers(min_value=-30, max_value=30))
def test_relative_unit_is_a_proper_period(unit: str, reference: date, offset: int) -> None:
    p = P.relative_unit(unit, reference, offset)
    assert p.start is not None and p.end is not None and p.start < p.end
    if offset == 0:
        assert p.start <= reference < p.end
    if offset < 0:
        assert p.end <= reference


@given(UNITS, st.integers(min_value=1, max_value=50), DAYS)
def test_past_spans_end_at_the_reference(unit: str, amount: int, reference: date) -> None:
    p = P.past_span(unit, amount, reference)
    assert p.start is not None and p.start < reference and p.end == reference


@given(UNITS, st.integers(min_value=1, max_value=50), DAYS)
def test_next_spans_start_after_the_reference(unit: str, amount: int, reference: date) -> None:
    p = P.next_span(unit, amount, reference)
    assert p.start == reference + timedelta(days=1) and p.end is not None and p.start < p.end


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31), DAYS)
def test_nearest_past_is_never_after_the_reference(month: int, day: int, reference: date) -> None:
    year = P.nearest_past_year(month, day, reference)
    if day <= 28:
        assert date(year, month, day) <= reference


@given(st.integers(min_value=0, max_value=6), DAYS, st.sampled_from([-1, 1]))
def test_nearest_weekday(weekday: int, reference: date, direction: int) -> None:
    d = P.nearest_weekday(weekday, reference, direction)
    assert d.weekday() == weekday
    assert (d <= reference) if direction < 0 else (d > reference)
    assert abs((d - reference).days) <= 7


def test_orthodox_easter_follows_the_julian_computus() -> None:
    assert [P.orthodox_easter(y) for y in (2021, 2022, 2025)] == [
        date(2021, 5, 2),
        date(2022, 4, 24),
        date(2025, 4, 20),
    ]


SEASONS = st.sampled_from(["spring", "summer", "autumn", "fall", "winter"])


def test_seasons_start_at_the_equinoxes_and_solstices() -> None:
    winter = P.season_period("winter", 2023)
    assert (winter.start, winter.end) == (date(2023, 12, 21), date(2024, 3, 20))
    fall = P.season_period("fall", 2023)
    assert (fall.start, fall.end) == (date(2023, 9, 23), date(2023, 12, 21))
    assert fall.label == "autumn 2023"


@given(SEASONS, DAYS)
def test_relative_seasons_lie_on_their_side_of_the_reference(season: str, day: date) -> None:
    last, this, following = (P.relative_season(season, day, k) for k in (-1, 0, 1))
    assert last.end is not None and last.end <= day
    assert following.start is not None and following.start > day
    assert this.start is not None and this.end is not None
    assert this.start <= day < this.end or this.start.year == day.year
    for p in (last, this, following):
        assert p.start is not None and p.end is not None and p.start < p.end

"""find_times: dates, periods and durations in running text, anchored on a reference date."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.time import find_times
from factcheck.extract.time_rules import Prefer
from factcheck.models import Duration, Granularity, MentionKind, Period
from factcheck.normalize import periods as P

REF = date(2024, 8, 27)  # a Tuesday


def periods(
    text: str, reference: date | None = REF, prefer: Prefer = "past"
) -> list[tuple[str, Period | None]]:
    found = []
    for m in find_times(text, reference, prefer=prefer):
        value = m.value
        if value is not None and value.kind == "period":
            found.append((m.span.text, value.period))
    return found


def only(text: str, reference: date | None = REF, prefer: Prefer = "past") -> Period:
    found = periods(text, reference, prefer)
    assert len(found) == 1, found
    period = found[0][1]
    assert period is not None
    return period


def span(start: str, end: str) -> tuple[date, date]:
    return date.fromisoformat(start), date.fromisoformat(end)


# --------------------------------------------------------------------------- explicit dates


def test_explicit_day_styles() -> None:
    for text in (
        "filed on 2023-03-14 in Delaware",
        "filed on 14 March 2023 in Delaware",
        "filed on March 14, 2023 in Delaware",
        "filed on Mar. 14, 2023 in Delaware",
        "filed on 3/14/2023 in Delaware",
        "filed on 14.03.2023 in Delaware",
        "filed on the 14th of March 2023 in Delaware",
    ):
        p = only(text)
        assert p.granularity == Granularity.DAY, text
        assert p.start == date(2023, 3, 14), text


def test_numeric_order_decided_by_a_part_above_twelve() -> None:
    assert only("due 25/12/2022").start == date(2022, 12, 25)
    assert only("due 12/25/2022").start == date(2022, 12, 25)


def test_months_years_decades() -> None:
    month = only("sales in September 2021 rose")
    assert (month.start, month.end) == span("2021-09-01", "2021-10-01")
    assert only("sales in 2019 rose").granularity == Granularity.YEAR
    decade = only("growth in the 1980s was fast")
    assert (decade.start, decade.end) == span("1980-01-01", "1990-01-01")


def test_quarters_and_halves() -> None:
    q = only("revenue in Q3 2022 fell")
    assert (q.start, q.end) == span("2022-07-01", "2022-10-01")
    h = only("revenue in H2 2021 fell")
    assert (h.start, h.end) == span("2021-07-01", "2022-01-01")
    first_half = only("in the first half of 2020, profit doubled")
    assert (first_half.start, first_half.end) == span("2020-01-01", "2020-07-01")
    nine = only("over the first nine months of 2019")
    assert (nine.start, nine.end) == span("2019-01-01", "2019-10-01")


# --------------------------------------------------------------------------- relative


def test_relative_years_against_the_reference() -> None:
    assert only("profit rose last year").start == date(2023, 1, 1)
    assert only("profit rises this year").start == date(2024, 1, 1)
    assert only("profit will rise next year").start == date(2025, 1, 1)
    part = only("in the first half of last year")
    assert (part.start, part.end) == span("2023-01-01", "2023-07-01")


def test_trailing_and_coming_spans() -> None:
    past = only("spent over the past two years")
    assert (past.start, past.end) == span("2022-08-27", "2024-08-27")
    decade = only("more than in the past decade")
    assert (decade.start, decade.end) == span("2014-08-27", "2024-08-27")
    coming = only("will invest over the next three years")
    assert (coming.start, coming.end) == span("2024-08-28", "2027-08-28")


def test_open_periods() -> None:
    since = only("deals made since 2023 grew")
    assert (since.start, since.end, since.granularity) == (
        date(2023, 1, 1),
        None,
        Granularity.OPEN,
    )
    by = only("the plant opens by 2026")
    assert (by.start, by.end) == (None, date(2027, 1, 1))
    months = only("shipments in the coming months")
    assert months.start == date(2024, 8, 28) and months.end is None


def test_to_date_periods_end_with_the_reference_day() -> None:
    for text in ("sales so far this year", "sales year to date"):
        p = only(text)
        assert (p.start, p.end) == span("2024-01-01", "2024-08-28"), text


def test_year_less_day_is_the_nearest_past_one() -> None:
    assert only("the meeting on March 2 went well").start == date(2024, 3, 2)
    assert only("the meeting on November 2 went well").start == date(2023, 11, 2)


def test_future_tense_takes_the_next_one() -> None:
    assert only("the board will meet on November 2").start == date(2024, 11, 2)


def test_weekday_alone_is_the_last_such_day() -> None:
    assert only("the company said on Monday").start == date(2024, 8, 26)
    assert only("the company said on Tuesday").start == date(2024, 8, 27)
    assert only("the company said last Monday").start == date(2024, 8, 19)  # last week's


def test_previous_year_reads_against_the_sentence_period() -> None:
    found = periods("In the first half of 2022, output rose 9% from the previous year.")
    assert found[1][1] is not None
    assert (found[1][1].start, found[1][1].end) == span("2021-01-01", "2021-07-01")


def test_the_year_takes_the_year_of_the_sentence() -> None:
    found = periods("Last year, it spent 5 billion yuan during the first half of the year.")
    half = found[1][1]
    assert half is not None and (half.start, half.end) == span("2023-01-01", "2023-07-01")


def test_same_period_in_another_year() -> None:
    found = periods("Output in Q2 2024 beat the same period in 2022.")
    same = found[1][1]
    assert same is not None and (same.start, same.end) == span("2022-04-01", "2022-07-01")


def test_unresolved_without_reference_stays_visible() -> None:
    mentions = find_times("profit rose last year and on March 3", None)
    assert [m.span.text for m in mentions] == ["last year", "March 3"]
    for m in mentions:
        assert m.value is not None and m.value.kind == "period"
        assert m.value.period is None and m.value.relative and m.value.note


def test_ranges_become_one_span() -> None:
    p = only("from March to May 2021")
    assert (p.start, p.end) == span("2021-03-01", "2021-06-01")
    years = only("between 2015 and 2018")
    assert (years.start, years.end) == span("2015-01-01", "2019-01-01")


def test_durations_are_kept_apart_from_periods() -> None:
    mentions = find_times("a three-year plan, renewed for 6 months", REF)
    assert [m.kind for m in mentions] == [MentionKind.DURATION, MentionKind.DURATION]
    units = [
        (m.value.amount.stated, m.value.unit) for m in mentions if isinstance(m.value, Duration)
    ]
    assert units == [(Decimal(3), "year"), (Decimal(6), "month")]


def test_fiscal_year_without_calendar_says_calendar_year_assumed() -> None:
    (m,) = find_times("results for fiscal 2025", REF)
    assert m.value is not None and m.value.kind == "period"
    assert m.value.period is not None and m.value.period.start == date(2025, 1, 1)
    assert m.value.note and "calendar year" in m.value.note


def test_trace_explains_the_resolution() -> None:
    (m,) = find_times("sales last year", REF)
    assert any("reference 2024-08-27" in step for step in m.trace)


def test_plain_words_are_not_dates() -> None:
    assert periods("May I ask what you may need?") == []
    assert periods("They march on; one third of 1/3 of shares") == []


# --------------------------------------------------------------------------- properties

WORDS = st.sampled_from(
    [
        "last", "past", "next", "year", "years", "month", "quarter", "the", "of", "in", "first",
        "half", "Q3", "H1", "2023", "since", "by", "March", "May", "Monday", "two", "three", "-",
        "to", "from", "between", "and", "12/31", "2024-02-30", "fiscal", "decade", "ago", "early",
        "week", "31", "Feb", ",", ".", "\n", "1990s", "on", "the previous year", "a year earlier",
    ]
)  # fmt: skip
PHRASES = st.lists(WORDS, max_size=12).map(" ".join)
REFERENCES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=80), PHRASES), st.one_of(st.none(), REFERENCES))
def test_never_raises_and_spans_slice(text: str, reference: date | None) -> None:
    for m in find_times(text, reference):
        assert text[m.span.start : m.span.end] == m.span.text
        value = m.value
        if value is not None and value.kind == "period" and value.period is not None:
            p = value.period
            assert p.start is None or p.end is None or p.start < p.end


@given(PHRASES, REFERENCES)
def test_deterministic(text: str, reference: date) -> None:
    assert find_times(text, reference) == find_times(text, reference)


@given(
    st.sampled_from(["last", "past", "the past", "the last"]),
    st.sampled_from(["", "two ", "3 ", "ten "]),
    st.sampled_from(["year", "month", "quarter", "week", "decade", "day"]),
    REFERENCES,
)
def test_last_and_past_never_end_after_the_reference(
    rel: str, count: str, unit: str, reference: date
) -> None:
    text = f"sales in the {rel} {count}{unit}{'s' if count else ''}"
    for m in find_times(text, reference):
        value = m.value
        if value is not None and value.kind == "period" and value.period is not None:
            end = value.period.end
            assert end is not None and end <= reference


# --------------------------------------------------------------------------- more rules


def test_year_ranges_include_their_last_year() -> None:
    p = only("output grew in 2014-2018")
    assert (p.start, p.end) == span("2014-01-01", "2019-01-01")
    fiscal_style = only("the 2023-24 season")
    assert (fiscal_style.start, fiscal_style.end) == span("2023-01-01", "2025-01-01")


def test_bare_range_end_follows_the_start() -> None:
    p = only("closed from Monday, 2 September 2024 to Friday")
    assert (p.start, p.end) == span("2024-09-02", "2024-09-07")
    days = only("open from 9 April 2024 till the 17th")
    assert (days.start, days.end) == span("2024-04-09", "2024-04-18")


def test_numeric_order_detected_from_another_date_in_the_text() -> None:
    found = periods("between 25/03/2022 and 04/05/2022")
    assert found[0][1] is not None and found[0][1].end == date(2022, 5, 5)


def test_weeks_belong_where_their_thursday_falls() -> None:
    week = only("in the first week of 2015")
    assert (week.start, week.end) == span("2014-12-29", "2015-01-05")


def test_holidays_by_their_calendar_rule() -> None:
    assert only("sales on Black Friday 2023").start == date(2023, 11, 24)
    assert only("sales over Easter").start == date(2024, 3, 31)  # the last one before REF


def test_two_complete_dates_without_from_stay_two_dates() -> None:
    found = periods("signed 5 May 2010 - 10 July 2011")
    assert [text for text, _ in found] == ["5 May 2010", "10 July 2011"]


# --------------------------------------------------------------------------- tense policy


def test_tenseless_dates_follow_the_prefer_policy() -> None:
    # REF is Tuesday 27 August 2024; nothing in these phrases says past or future
    assert only("Thursday").start == date(2024, 8, 22)
    assert only("Thursday", prefer="future").start == date(2024, 8, 29)
    assert only("the 3rd of October").start == date(2023, 10, 3)
    assert only("the 3rd of October", prefer="future").start == date(2024, 10, 3)


def test_a_tense_cue_beats_the_policy() -> None:
    assert only("the board will vote on Thursday").start == date(2024, 8, 29)
    assert only("the board voted on Thursday, as it was told", prefer="future").start == date(
        2024, 8, 22
    )


def test_next_this_and_last_before_a_year_less_day() -> None:
    assert only("due next 2 March").start == date(2025, 3, 2)
    assert only("due this 2 March").start == date(2024, 3, 2)
    assert only("as on last 30 August").start == date(2023, 8, 30)


# --------------------------------------------------------------------------- times of day


def test_a_time_of_day_joins_the_day_it_is_attached_to() -> None:
    for text, day in (
        ("polls close on Thursday at 9:30 p.m.", date(2024, 8, 22)),
        ("polls close at 21:00 on Thursday", date(2024, 8, 22)),
        ("polls close tomorrow before 6pm", date(2024, 8, 28)),
        ("polls closed 3/5/2024 at 8 o'clock in the evening", date(2024, 3, 5)),
    ):
        found = periods(text)
        assert len(found) == 1, (text, found)
        assert found[0][1] is not None and found[0][1].start == day, text


def test_a_time_of_day_alone_is_the_day_of_its_sentence_or_the_reference() -> None:
    assert only("trading halted at 2:15pm") == Period.day(REF)
    assert only("half past three in the afternoon") == Period.day(REF)
    found = periods("On 2 May 2024 the vote opened. Then at 10am it closed.")
    assert found[-1][1] == Period.day(REF)  # another sentence: the reference day
    found = periods("On 2 May 2024 turnout was low and polls closed at 4pm")
    assert found[-1][1] == Period.day(date(2024, 5, 2))


def test_a_time_of_day_after_a_longer_period_is_left_unresolved() -> None:
    mentions = find_times("In 2023 the market opened at 9am", REF)
    clock = [m for m in mentions if m.span.text == "9am"]
    assert clock and clock[0].value is not None and clock[0].value.kind == "period"
    assert clock[0].value.period is None and clock[0].value.note


def test_times_of_day_and_open_bounds_name_their_day() -> None:
    assert only("from 9 to 11 a.m.") == Period.day(REF)
    assert only("between 14:00 and 16:30") == Period.day(REF)
    after = only("after 2 pm")
    assert (after.start, after.end) == (REF, None)
    before = only("before 11 am")
    assert (before.start, before.end) == (None, REF + timedelta(days=1))


def test_numbers_that_are_not_times_of_day() -> None:
    for text in ("two to four people", "a 3-1 win", "up 3.5 percent", "it took 3 hours"):
        assert periods(text) == [], text


# --------------------------------------------------------------------------- more words


def test_the_unit_reads_against_the_sentence_or_the_reference() -> None:
    assert only("profit for the year") == P.year_period(2024)
    week = [p for _, p in periods("Shares fell on 3 June 2024 and rose later that week")]
    assert week[-1] is not None and (week[-1].start, week[-1].end) == span(
        "2024-06-03", "2024-06-10"
    )
    weekend = only("closed over the weekend")
    assert (weekend.start, weekend.end) == span("2024-08-31", "2024-09-02")


def test_years_said_aloud() -> None:
    assert only("founded in nineteen eighty four") == P.year_period(1984)
    assert only("due in two thousand and thirty") == P.year_period(2030)
    assert only("born on March third nineteen sixty").start == date(1960, 3, 3)
    assert only("born twelve June eighteen hundred ninety").start == date(1890, 6, 12)
    assert periods("two thousand people marched") == []


def test_counted_weekdays_and_after_next() -> None:
    assert only("two Fridays from now").start == date(2024, 9, 6)
    assert only("3 Mondays ago").start == date(2024, 8, 12)
    assert only("Wednesday after next").start == date(2024, 9, 4)


def test_holidays_of_a_relative_year() -> None:
    assert only("Christmas of next year").start == date(2025, 12, 25)
    assert only("Labor Day last year").start == date(2023, 9, 4)


def test_to_date_and_rest_of() -> None:
    to_date = only("sales to date.")
    assert (to_date.start, to_date.end) == (None, REF + timedelta(days=1))
    since = only("sales from March to date")
    assert (since.start, since.end) == span("2024-03-01", "2024-08-28")
    assert periods("an up to date list") == []
    rest = only("for the rest of the month")
    assert (rest.start, rest.end) == span("2024-08-27", "2024-09-01")


def test_relative_calendar_units() -> None:
    assert only("this calendar year") == P.year_period(2024)
    assert only("in the past quarter") == P.quarter_period(2024, 2)
    assert only("the 9th of next month").start == date(2024, 9, 9)
    assert only("the first Friday of the month").start == date(2024, 8, 2)


def test_a_bare_day_takes_the_month_written_before_it_without_a_reference() -> None:
    found = periods("In March 2021 the index fell. On the 19th, it recovered.", None)
    assert found[-1][1] is not None and found[-1][1].start == date(2021, 3, 19)


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            ["at", "3pm", "9:30", "to", "11", "a.m.", "on", "Friday", "the", "year", "week",
             "from", "between", "and", "next", "5/12", "nineteen", "ninety", "two", "thousand",
             "morning", "in", "to date", "after", "before", "Fridays", "ago"]
        ),
        max_size=10,
    ).map(" ".join),
    st.one_of(st.none(), REFERENCES),
    st.sampled_from(["past", "future"]),
)  # fmt: skip
def test_new_rules_never_raise_and_spans_slice(
    text: str, reference: date | None, prefer: Prefer
) -> None:
    for m in find_times(text, reference, prefer=prefer):
        assert text[m.span.start : m.span.end] == m.span.text
        value = m.value
        if value is not None and value.kind == "period" and value.period is not None:
            p = value.period
            assert p.start is None or p.end is None or p.start < p.end


def test_a_stretch_starting_on_a_day() -> None:
    found = periods("a freeze of 10 days starting from 2 September 2024")
    assert len(found) == 1 and found[0][1] is not None
    assert (found[0][1].start, found[0][1].end) == span("2024-09-02", "2024-09-12")


def test_first_and_last_days_or_weeks_of_a_period() -> None:
    days = only("in the first ten days of June 2023")
    assert (days.start, days.end) == span("2023-06-01", "2023-06-11")
    weeks = only("during the last 2 weeks of 2020")
    # 31 December 2020 is a Thursday: its week belongs to 2020
    assert (weeks.start, weeks.end) == span("2020-12-21", "2021-01-04")


def test_decades_said_aloud() -> None:
    assert only("a boom in the seventies") == P.decade_period(1970)
    assert periods("workers in their forties") == []


def test_days_listed_before_a_date_take_its_month_and_year() -> None:
    found = periods("hearings on 3, 4 and 5 May 2023")
    assert [p.start if p else None for _, p in found] == [
        date(2023, 5, 3),
        date(2023, 5, 4),
        date(2023, 5, 5),
    ]
    assert periods("sold 18 and 19 units") == []


def test_holidays_of_other_calendars_are_not_taken_for_western_ones() -> None:
    assert only("celebrating the Lunar New Year").start == date(2024, 2, 10)  # not 1 January
    assert only("Orthodox Easter 2023").start == date(2023, 4, 16)
    assert only("Clean Monday 2023").start == date(2023, 2, 27)


def test_spelled_times_and_weekend_spellings() -> None:
    assert only("ten thirty p.m.") == Period.day(REF)
    weekend = only("over this week-end")
    assert (weekend.start, weekend.end) == span("2024-08-31", "2024-09-02")


def test_a_weekday_abbreviation_inside_a_name_is_not_a_date() -> None:
    texts = [
        m.span.text for m in find_times("Tomon Textiles and Wedgewood Ltd grew.", date(2024, 8, 5))
    ]
    assert texts == []


# --------------------------------------------------------------------------- calendar words


def test_parts_of_a_week_are_three_days() -> None:
    # REF is Tuesday 27 August 2024: this week runs Monday 26 August to Sunday 1 September
    start = only("work resumes at the start of next week")
    assert (start.start, start.end) == span("2024-09-02", "2024-09-05")
    end = only("shipments slowed toward the end of last week")
    assert (end.start, end.end) == span("2024-08-23", "2024-08-26")
    # "the past week" alone is the trailing seven days; a part of it is a calendar week's
    past = only("toward the end of the past week")
    assert (past.start, past.end) == span("2024-08-23", "2024-08-26")
    middle = only("in the middle of the week")
    assert (middle.start, middle.end) == span("2024-08-27", "2024-08-30")


def test_abbreviated_and_articleless_parts_of_a_unit() -> None:
    month_end = only("invoices are settled EOM")
    assert (month_end.start, month_end.end) == span("2024-08-21", "2024-09-01")
    year_end = only("a review at end of year")
    assert (year_end.start, year_end.end) == span("2024-09-01", "2025-01-01")
    month_start = only("rent is paid BOM")
    assert (month_start.start, month_start.end) == span("2024-08-01", "2024-08-11")
    assert periods("the boy and the eom ledger") == []  # abbreviations are capitals


def test_a_deadline_still_to_come_runs_from_the_reference() -> None:
    due = only("the firm will repay the loan by the end of next month")
    assert (due.start, due.end) == span("2024-08-27", "2024-10-01")
    assert only("file it by 5pm", prefer="future") == Period.day(REF)
    done = only("output had doubled by 2020")
    assert (done.start, done.end) == (None, date(2021, 1, 1))
    news = only("file it by 5pm")  # the news default: a bound, not a stretch from today
    assert (news.start, news.end) == (None, REF + timedelta(days=1))


def test_offsets_within_a_day_said_loosely() -> None:
    for text in (
        "the ferry leaves in three-quarters of an hour",
        "back in a couple of hours",
        "ready in 1/2 h",
        "landing in 2 and a half hours",
        "in a few minutes",
        "in about a quarter of an hour",
        "in 4 more minutes",
    ):
        assert only(text) == Period.day(REF), text
    assert only("in 30 hours") == Period.day(REF + timedelta(days=1))
    assert periods("in a few days") == []  # "a few" is too loose to name a day


def test_clock_times_written_loosely_are_the_reference_day() -> None:
    for text in (
        "doors open at ten fifteen",
        "twelve oh five",
        "we meet at 6 45.",
        "the call is at 1430 GMT",
        "from 930 p.m.",
        "at half seven",
        "around 4ish pm",
    ):
        found = periods(text)
        assert len(found) == 1 and found[0][1] is not None, (text, found)
        assert found[0][1].start == REF, text
    assert periods("the call is at 1430 GMT") == [("1430 GMT", Period.day(REF))]
    assert only("at 2015 prices") == P.year_period(2015)  # from 1500 on, a year
    assert periods("around 1030 protesters gathered") == []
    assert periods("they had ten thirty-year bonds") == []


def test_midnight_looking_ahead_is_the_next_day() -> None:
    assert only("the offer ends at midnight", prefer="future") == Period.day(
        REF + timedelta(days=1)
    )
    assert only("the ceasefire began at midnight") == Period.day(REF)
    assert only("the offer ends Friday at midnight", prefer="future").start == date(2024, 8, 30)


def test_two_clock_times_joined_by_but() -> None:
    text = "later than 9:30 but before 11:00 on Thursday"
    assert periods(text, prefer="future") == [(text, Period.day(date(2024, 8, 29)))]


def test_day_month_year_separated_by_spaces() -> None:
    assert only("records dated 28 02 2019 were lost").start == date(2019, 2, 28)
    assert only("records dated 02 28 2019 were lost").start == date(2019, 2, 28)
    # with both parts 12 or under, spaces alone do not make a date: only the year is one
    assert periods("rows 3 4 2019") == [("2019", P.year_period(2019))]


def test_seasons_with_a_relative_word_or_a_year() -> None:
    # astronomical seasons, northern hemisphere; REF (27 August 2024) is in summer 2024
    summer = only("this summer")
    assert (summer.start, summer.end) == span("2024-06-21", "2024-09-23")
    winter = only("last winter")
    assert (winter.start, winter.end) == span("2023-12-21", "2024-03-20")
    spring = only("next spring")
    assert (spring.start, spring.end) == span("2025-03-20", "2025-06-21")
    autumn = only("in fall 2022")
    assert (autumn.start, autumn.end) == span("2022-09-23", "2022-12-21")
    assert periods("the last fall in prices") == []
    assert periods("prices fall 2020 levels") == [("2020", P.year_period(2020))]
    assert periods("this season the team won") == []  # a sports season, not a quarter year


def test_a_stated_weekday_moves_the_year_by_one_at_most() -> None:
    # 27 August 2025 is a Wednesday; 27 August 2024 (REF) a Tuesday
    assert only("Wed, Aug 27").start == date(2025, 8, 27)
    # a Monday 27 August is years away: a slip, the tense policy's year stays
    assert only("Monday, Aug 27").start == date(2024, 8, 27)


def test_this_weekday_already_past_looking_ahead() -> None:
    assert only("this Monday", prefer="future").start == date(2024, 9, 2)
    assert only("this Monday").start == date(2024, 8, 26)
    assert only("this Friday").start == date(2024, 8, 30)


def test_a_weekday_of_a_relative_week() -> None:
    for text in ("Friday from last week", "last week's Friday", "Friday of last week"):
        assert only(text).start == date(2024, 8, 23), text


def test_counting_back_from_the_end_of_a_period() -> None:
    assert only("the second to last Friday of August 2024").start == date(2024, 8, 23)
    assert only("the third last day of June").start == date(2024, 6, 28)
    week = only("the 2nd last week of 2024")
    assert (week.start, week.end) == span("2024-12-16", "2024-12-23")
    weekend = only("the last weekend of September 2024")
    assert (weekend.start, weekend.end) == span("2024-09-28", "2024-09-30")


def test_a_stretch_after_its_first_day() -> None:
    closed = only("the road is closed from 3 March 2025 for two weeks")
    assert (closed.start, closed.end) == span("2025-03-03", "2025-03-17")
    leave = only("on leave for 5 days from 10 June 2024")
    assert (leave.start, leave.end) == span("2024-06-10", "2024-06-15")
    assert only("5 days from 10 June 2024").start == date(2024, 6, 15)  # an offset: one day
    found = periods("In 2020 for three years")  # a year is no first day
    assert found == [("2020", P.year_period(2020))]


def test_a_weekday_counted_from_a_day() -> None:
    # 4 July 2024 is a Thursday, 1 March 2024 a Friday
    assert only("the Monday after 4 July 2024").start == date(2024, 7, 8)
    assert only("the second Monday following 4 July 2024").start == date(2024, 7, 15)
    assert only("the Friday before 1 March 2024").start == date(2024, 2, 23)  # not that day
    assert only("the closest Monday to 4 July 2024").start == date(2024, 7, 1)
    assert only("the 2nd nearest Monday to 4 July 2024").start == date(2024, 7, 8)
    # a month is no day to count from: the weekday stays a weekday of its own
    assert periods("on Friday after January's slump")[0][0] == "Friday"


def test_a_bare_day_of_the_month() -> None:
    assert only("the 5th", prefer="future").start == date(2024, 9, 5)
    assert only("due on 30th", prefer="future").start == date(2024, 8, 30)
    assert periods("the second") == []
    assert periods("on 24th street") == []


def test_whole_week_and_weekend_words() -> None:
    week = only("it rained all week")
    assert (week.start, week.end) == span("2024-08-26", "2024-09-02")
    weekend = only("this past weekend")
    assert (weekend.start, weekend.end) == span("2024-08-24", "2024-08-26")


def test_a_few_days_is_three_and_a_few_years_is_vague() -> None:
    days = only("over the next few days")
    assert (days.start, days.end) == span("2024-08-28", "2024-08-31")
    years = only("over the past few years")
    assert (years.start, years.end) == (None, REF)


def test_last_and_next_month_names_are_the_nearest_on_their_side() -> None:
    # REF is in August 2024
    assert only("last March") == P.month_period(2024, 3)
    assert only("last October") == P.month_period(2023, 10)
    assert only("next October") == P.month_period(2024, 10)
    assert only("next March") == P.month_period(2025, 3)
    assert only("last August") == P.month_period(2023, 8)


def test_a_common_word_alone_is_the_date_word() -> None:
    assert only("sun.", prefer="future").start == date(2024, 9, 1)
    assert periods("the sun rose") == []


PAST_PHRASES = st.sampled_from(
    [
        "the past few days",
        "this past weekend",
        "last winter",
        "last summer",
        "the end of last week",
        "the beginning of the past week",
        "the past few years",
        "last March",
        "last December",
    ]
)


@settings(max_examples=150)
@given(PAST_PHRASES, REFERENCES, st.sampled_from(["past", "future"]))
def test_past_calendar_words_never_end_after_the_reference(
    phrase: str, reference: date, prefer: Prefer
) -> None:
    found = periods(phrase, reference, prefer)
    assert len(found) == 1 and found[0][1] is not None, (phrase, found)
    p = found[0][1]
    assert p.end is not None and p.end <= reference + timedelta(days=1), (phrase, p)
    assert p.start is None or p.start < p.end
    assert found == periods(phrase, reference, prefer)  # deterministic


@settings(max_examples=150)
@given(
    st.sampled_from(
        ["this summer", "next winter", "fall 2021", "EOM", "BOY", "the start of next week",
         "in three-quarters of an hour", "the next few days",
         "the last weekend of May", "Fri, Jul 18", "Sunday from next week", "at midnight"]
    ),
    REFERENCES,
    st.sampled_from(["past", "future"]),
)  # fmt: skip
def test_calendar_words_resolve_to_proper_periods(
    phrase: str, reference: date, prefer: Prefer
) -> None:
    found = periods(phrase, reference, prefer)
    assert len(found) == 1 and found[0][1] is not None, (phrase, found)
    p = found[0][1]
    assert p.start is not None and p.end is not None and p.start < p.end, (phrase, p)


# --------------------------------------------- forms of schedules and counts (MSRT suite)


def test_a_leap_day_without_a_year_is_in_the_nearest_leap_year() -> None:
    ref = date(2025, 3, 10)
    assert only("born on Feb 29", ref).start == date(2024, 2, 29)
    assert only("due on 2/29", ref, prefer="future").start == date(2028, 2, 29)


@settings(max_examples=100)
@given(REFERENCES, st.sampled_from(["past", "future"]))
def test_a_leap_day_lands_on_a_leap_day_on_the_tense_side(reference: date, prefer: Prefer) -> None:
    day = only("on 29 February", reference, prefer).start
    assert day is not None and (day.month, day.day) == (2, 29)
    assert day <= reference if prefer == "past" else day >= reference
    assert abs((day - reference).days) <= 8 * 366


def test_a_year_less_range_under_way_is_the_current_one() -> None:
    ref = date(2024, 10, 2)
    p = only("off between 9/15 and 10/20", ref, prefer="future")
    assert (p.start, p.end) == span("2024-09-15", "2024-10-21")
    later = only("off between 11/15 and 12/20", ref, prefer="future")
    assert later.start == date(2024, 11, 15)


def test_a_range_up_to_now_starts_before_it() -> None:
    for text in ("audits from February to date", "audits between Feb 3 and now"):
        p = only(text, prefer="future")
        assert p.start is not None and p.start.year == 2024 and p.end == REF + timedelta(days=1)


def test_a_weekday_written_next_to_a_date_is_that_date() -> None:
    for text in (
        "call me Thursday 8/29",
        "call me this Thursday 8/29",
        "call me Thu-Aug-29",
        "call me Thursday (Aug 29)",
        "call me Aug 29 (Thu)",
    ):
        found = periods(text, prefer="future")
        assert [p.start for _, p in found if p] == [date(2024, 8, 29)], (text, found)
        assert found[0][0].lower().startswith(("thu", "this", "aug")), text


def test_hours_after_a_weekday_are_not_a_day_and_month() -> None:
    # 4 December 2024 is a Wednesday: "Monday 12-4" is noon to four on a Monday
    found = periods("free Monday 12-4", prefer="future")
    assert [(s, p.start if p else None) for s, p in found] == [("Monday", date(2024, 9, 2))]
    # 6 September 2024 is a Friday: there the digits are the date
    assert only("free Friday 9-6", prefer="future").start == date(2024, 9, 6)


def test_the_weekend_around_a_holiday() -> None:
    sunday = only("flights for the weekend of Christmas 2022")
    assert (sunday.start, sunday.end) == span("2022-12-24", "2022-12-26")
    friday = only("fireworks over the Independence Day 2025 weekend")
    assert (friday.start, friday.end) == span("2025-07-04", "2025-07-07")
    monday = only("parties on Halloween weekend 2022")  # a Monday: from the Saturday before
    assert (monday.start, monday.end) == span("2022-10-29", "2022-11-01")


def test_business_days_and_the_work_week() -> None:
    # REF is a Tuesday
    ahead = only("ships within the next 3 business days")
    assert (ahead.start, ahead.end) == span("2024-08-28", "2024-08-31")
    back = only("rose over the past 5 working days")
    assert (back.start, back.end) == span("2024-08-20", "2024-08-27")
    week = only("due next working week")
    assert (week.start, week.end) == span("2024-09-02", "2024-09-07")


@settings(max_examples=100)
@given(REFERENCES, st.integers(min_value=1, max_value=40), st.sampled_from(["next", "previous"]))
def test_a_count_of_business_days_holds_that_many_weekdays(
    reference: date, n: int, rel: str
) -> None:
    p = only(f"the {rel} {n} business days", reference)
    assert p.start is not None and p.end is not None
    days = [p.start + timedelta(days=i) for i in range((p.end - p.start).days)]
    if rel == "next":
        assert p.start > reference and days[-1].weekday() < 5
        assert sum(d.weekday() < 5 for d in days) == n
    else:
        assert p.end == reference and p.start.weekday() < 5
        assert sum(d.weekday() < 5 for d in days) == n


def test_before_the_end_and_after_the_start_are_the_edges() -> None:
    before = only("finished before the end of June 2023")
    assert (before.start, before.end) == (None, date(2023, 7, 1))
    after = only("hired after the start of 2021")
    assert (after.start, after.end) == (date(2021, 1, 1), None)
    assert only("sold after the end of 2021").start == date(2022, 1, 1)


def test_a_weekday_next_to_a_counted_day_is_in_its_week() -> None:
    # REF + 3 weeks is Tuesday 17 September 2024; Easter 2024 + 2 weeks is Sunday 14 April
    assert only("back Friday three weeks from now").start == date(2024, 9, 20)
    assert only("two weeks after Easter 2024 on Wednesday").start == date(2024, 4, 10)
    assert only("the 2nd week of September 2024, on Tuesday").start == date(2024, 9, 10)


def test_a_bare_day_number_before_a_time_of_day() -> None:
    assert only("we meet on the 30 at 10am", prefer="future").start == date(2024, 8, 30)
    week = only("book the week of the 3rd", prefer="future")
    assert (week.start, week.end) == span("2024-09-02", "2024-09-09")
    assert periods("on the 30 members") == []


def test_next_and_last_parts_of_a_day() -> None:
    assert only("free next evening").start == date(2024, 8, 28)
    assert only("it rained last morning").start == date(2024, 8, 26)
    assert periods("the last evening of the festival") == []


def test_a_day_after_money_is_not_a_day_of_the_month() -> None:
    assert periods("sold for $ 12 March 3") == [("March 3", P.day_period(date(2024, 3, 3)))]


def test_days_of_a_month_before_a_colon() -> None:
    p = only("4 to 7 of May: a festival")
    assert (p.start, p.end) == span("2024-05-04", "2024-05-08")


def test_month_day_ranges_and_a_year_after_a_comma() -> None:
    p = only("closed 3/1-3/9, 2021")
    assert (p.start, p.end) == span("2021-03-01", "2021-03-10")
    q = only("closed 3/1-4/2/2021")
    assert (q.start, q.end) == span("2021-03-01", "2021-04-03")


def test_a_stretch_counted_forward() -> None:
    out = only("out of office for 5 days from today")
    assert (out.start, out.end) == (REF, REF + timedelta(days=5))
    soon = only("done less than 2 weeks after 1 May 2024")
    assert (soon.start, soon.end) == span("2024-05-01", "2024-05-15")


def test_compound_counts() -> None:
    assert only("it broke 3 weeks and 4 days ago").start == REF - timedelta(days=25)
    assert only("back 1 year 2 months 3 days later").start == date(2025, 10, 30)
    p = only("over the past 2 years and 6 months")
    assert (p.start, p.end) == (date(2022, 2, 27), REF)


def test_a_date_that_recurs_is_not_in_the_year_before_it() -> None:
    found = periods("founded in 1990 and marked on 5 May every year")
    assert found[1] == ("5 May", P.day_period(date(2024, 5, 5)))


def test_a_past_verb_keeps_a_bare_day_in_the_past() -> None:
    assert only("she drank tea on the 4th", prefer="future").start == date(2024, 8, 4)
    assert only("tea on the 4th", prefer="future").start == date(2024, 9, 4)


def test_short_counts_written_without_a_space() -> None:
    p = only("back within 2h")
    assert (p.start, p.end) == (REF, REF + timedelta(days=1))


def test_complete_dates_joined_by_a_bare_dash_are_a_range() -> None:
    p = only("audited Mar 3 2021-Apr 5 2022")
    assert (p.start, p.end) == span("2021-03-03", "2022-04-06")
    assert len(periods("audited Mar 3 2021 - Apr 5 2022")) == 2  # spaced: two dates


def test_an_nth_weekday_with_a_part_of_the_day() -> None:
    assert only("the first Monday evening of next month").start == date(2024, 9, 2)

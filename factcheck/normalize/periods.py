"""Periods from calendar arithmetic: named periods, relative expressions and fiscal years.

Everything here is pure date arithmetic over `Period` (start inclusive, end exclusive); the
extractor (`factcheck.extract.time`) decides *which* period a phrase names and calls these.

Rules (see docs/time.md):

- "last year" / "the previous quarter" name the whole previous calendar unit;
  "the past two years" / "the last 3 months" a trailing span ending at the reference date
  (exclusive: the reference day itself is not in it), so neither is ever after the reference.
- "the next three years" / "the coming 2 months" start the day after the reference date.
- A day and month without a year ("February 20") is the nearest such date on or before the
  reference date: news reports what already happened (`nearest_past_year`).
- A weekday alone ("on Monday") is the nearest such day on or before the reference date.
"""

from __future__ import annotations

import calendar
import string
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from factcheck.normalize.holiday_calendar import NO_SHIFT, calendar_periods
from factcheck.values import Granularity, Period

if TYPE_CHECKING:
    from factcheck.reference.fiscal import FiscalCalendar

__all__ = [
    "add_months",
    "day_period",
    "decade_period",
    "fiscal_quarter_period",
    "fiscal_year_period",
    "half_period",
    "holiday",
    "holiday_near",
    "holiday_periods",
    "month_period",
    "nearest_past_year",
    "nearest_weekday",
    "next_span",
    "nth_closest_weekday",
    "past_span",
    "period_of_phrase",
    "quarter_period",
    "relative_season",
    "season_period",
    "shift_period",
    "span_period",
    "unit_period",
    "week_period",
    "year_period",
]

MIN_YEAR, MAX_YEAR = 1, 9998  # keeps every computed bound inside `date`'s range


def add_months(d: date, months: int) -> date:
    """`d` moved by whole months, clamped to the last day of a shorter month."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def day_period(d: date) -> Period:
    return Period.day(d)


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    return Period(
        start=start,
        end=add_months(start, 1),
        granularity=Granularity.MONTH,
        label=start.strftime("%B %Y"),
    )


def _part_of_year(year: int, index: int, months: int, granularity: Granularity, tag: str) -> Period:
    """The `index`-th (from 1) stretch of `months` months of `year`: a quarter, a half."""
    start = date(year, months * (index - 1) + 1, 1)
    return Period(
        start=start,
        end=add_months(start, months),
        granularity=granularity,
        label=f"{tag}{index} {year}",
    )


def quarter_period(year: int, quarter: int) -> Period:
    return _part_of_year(year, quarter, 3, Granularity.QUARTER, "Q")


def half_period(year: int, half: int) -> Period:
    return _part_of_year(year, half, 6, Granularity.HALF, "H")


def year_period(year: int) -> Period:
    return Period(
        start=date(year, 1, 1),
        end=date(year + 1, 1, 1),
        granularity=Granularity.YEAR,
        label=str(year),
    )


def decade_period(first_year: int) -> Period:
    return Period(
        start=date(first_year, 1, 1),
        end=date(first_year + 10, 1, 1),
        granularity=Granularity.DECADE,
        label=f"{first_year}s",
    )


def week_period(d: date) -> Period:
    """The Monday-to-Sunday week that contains `d`."""
    start = d - timedelta(days=d.weekday())
    return Period(start=start, end=start + timedelta(days=7), granularity=Granularity.WEEK)


def span_period(start: date | None, end: date | None, label: str | None = None) -> Period:
    """Any stretch of days; OPEN when one bound is unknown."""
    granularity = Granularity.OPEN if start is None or end is None else Granularity.SPAN
    return Period(start=start, end=end, granularity=granularity, label=label)


def unit_period(unit: str, d: date) -> Period:
    """The calendar unit ("day", "week", "weekend", "month", "quarter", "half", "year",
    "decade") that contains `d` (a weekend: the Saturday and Sunday of `d`'s week)."""
    if unit == "day":
        return day_period(d)
    if unit == "weekend":
        saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
        return Period(
            start=saturday, end=saturday + timedelta(days=2), granularity=Granularity.SPAN
        )
    if unit == "week":
        return week_period(d)
    if unit == "month":
        return month_period(d.year, d.month)
    if unit == "quarter":
        return quarter_period(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half_period(d.year, 1 if d.month <= 6 else 2)
    if unit == "decade":
        return decade_period(d.year - d.year % 10)
    return year_period(d.year)


def shift(d: date, unit: str, amount: int) -> date:
    """`d` moved by `amount` units (negative: back in time)."""
    if unit == "day":
        return d + timedelta(days=amount)
    if unit in ("week", "weekend", "fortnight"):
        return d + timedelta(days=amount * (14 if unit == "fortnight" else 7))
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    return add_months(d, amount * months.get(unit, 12))


def relative_unit(unit: str, reference: date, offset: int) -> Period:
    """The calendar unit `offset` units away from the one holding `reference`
    ("last year" is offset -1, "this month" 0, "next quarter" +1)."""
    return unit_period(unit, shift(unit_period(unit, reference).start or reference, unit, offset))


def past_span(unit: str, amount: int, reference: date) -> Period:
    """For "the past `amount` `unit`s": the trailing stretch ending at the reference date."""
    return span_period(shift(reference, unit, -amount), reference)


def next_span(unit: str, amount: int, reference: date) -> Period:
    """For "the next `amount` `unit`s": the stretch starting the day after the reference date."""
    start = reference + timedelta(days=1)
    return span_period(start, shift(start, unit, amount))


def shift_period(p: Period, years: int = 0, months: int = 0) -> Period:
    """The same kind of period moved in time: "the previous year" of H1 2024 is H1 2023.

    A start past the end of a shorter month clamps to its last day (as dateutil's
    relativedelta does): "a month earlier" than 30 March is 29 February. A day or a week
    keeps its length rather than clamping its end onto its start, and no other period is
    ever shifted to nothing: it keeps at least its first day.
    """
    moved = 12 * years + months
    start = add_months(p.start, moved) if p.start else None
    end = add_months(p.end, moved) if p.end else None
    if start is not None and end is not None and p.start is not None and p.end is not None:
        if p.granularity in (Granularity.DAY, Granularity.WEEK):
            end = start + (p.end - p.start)
        end = max(end, start + timedelta(days=1))
    label = None
    if p.label and p.start and start and str(p.start.year) in p.label:
        label = p.label.replace(str(p.start.year), str(start.year))
    return Period(start=start, end=end, granularity=p.granularity, label=label)


def nearest_past_year(month: int, day: int, reference: date) -> int:
    """The year of the nearest `month`/`day` on or before `reference` (news rule)."""
    for year in (reference.year, reference.year - 1, reference.year - 2, reference.year - 3):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) <= reference:
            return year
    return reference.year - 1


def nearest_weekday(weekday: int, reference: date, direction: int = -1) -> date:
    """The nearest day with `weekday` (Monday 0) on or before (`direction` -1) or after
    (+1, never the reference day itself) the reference date."""
    if direction < 0:
        return reference - timedelta(days=(reference.weekday() - weekday) % 7)
    return reference + timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


# Astronomical seasons of the northern hemisphere, by the (month, day) they start on: the
# equinoxes and solstices, which fall on these days or one off them.
SEASON_STARTS = {"spring": (3, 20), "summer": (6, 21), "autumn": (9, 23), "winter": (12, 21)}
SEASON_NAMES = {**{name: name for name in SEASON_STARTS}, "fall": "autumn"}


def _season_bounds(season: str, year: int) -> tuple[date, date]:
    """[start, end) of the `season` that starts in `year`."""
    name = SEASON_NAMES[season]
    seasons = list(SEASON_STARTS)
    following = seasons[(seasons.index(name) + 1) % 4]
    end_year = year + 1 if name == "winter" else year
    return date(year, *SEASON_STARTS[name]), date(end_year, *SEASON_STARTS[following])


def season_period(season: str, year: int) -> Period:
    """The `season` ("summer", "fall" …) that starts in `year` (winter 2013: from 21 December
    2013 into 2014)."""
    start, end = _season_bounds(season, year)
    label = f"{SEASON_NAMES[season]} {year}"
    return Period(start=start, end=end, granularity=Granularity.SPAN, label=label)


def relative_season(season: str, reference: date, offset: int) -> Period:
    """For "this summer" (offset 0: the one holding the reference, else the one starting in
    its year), "last winter" (-1: the last one over by the reference) and "next spring" (+1:
    the next one to start after it)."""
    year = reference.year
    if offset < 0:
        while _season_bounds(season, year)[1] > reference:
            year -= 1
    elif offset > 0:
        year -= 1
        while _season_bounds(season, year)[0] <= reference:
            year += 1
    elif _season_bounds(season, year - 1)[1] > reference:
        year -= 1
    return season_period(season, year)


def nth_closest_weekday(day: date, weekday: int, n: int) -> date:
    """For "the second closest Monday to 5 October": the `n`-th day with `weekday` ordered by
    distance from `day` (on a tie, the earlier one first)."""
    before = day - timedelta(days=(day.weekday() - weekday) % 7)  # on or before `day`
    candidates = [before + timedelta(weeks=i) for i in range(-n, n + 1)]
    return sorted(candidates, key=lambda d: (abs((d - day).days), d))[n - 1]


def fiscal_year_period(fiscal_year: int, fiscal: FiscalCalendar) -> Period:
    """Fiscal year `fiscal_year` ("fiscal 2025") of `fiscal`: it ends in that calendar year."""
    end = fiscal.year_end(fiscal_year)
    start = fiscal.year_end(fiscal_year - 1)
    return Period(
        start=start,
        end=end,
        granularity=Granularity.YEAR,
        label=f"fiscal {fiscal_year} ({fiscal.org})",
    )


def fiscal_quarter_period(fiscal_year: int, quarter: int, fiscal: FiscalCalendar) -> Period:
    """Quarter `quarter` of fiscal year `fiscal_year`; approximated by whole months from the
    fiscal year's start when the year ends on a weekday rule (Nvidia)."""
    year = fiscal_year_period(fiscal_year, fiscal)
    assert year.start is not None and year.end is not None
    start = add_months(year.start, 3 * (quarter - 1))
    end = year.end if quarter == 4 else add_months(year.start, 3 * quarter)
    return Period(
        start=start,
        end=end,
        granularity=Granularity.QUARTER,
        label=f"fiscal Q{quarter} {fiscal_year} ({fiscal.org})",
    )


def period_of_phrase(
    phrase: str, reference: date | None, fiscal: FiscalCalendar | None = None
) -> Period | None:
    """The period a short phrase names ("the first half of last year", "FY2025"), resolved
    against `reference` and, for fiscal phrases, `fiscal`; None when it names none or cannot
    be resolved."""
    from factcheck.extract.time import find_times

    for mention in find_times(phrase, reference, fiscal=fiscal):
        value = mention.value
        if value is not None and value.kind == "period" and value.period is not None:
            return value.period
    return None


# Holidays by calendar rule: Christmas, Thanksgiving, Easter's feasts, national days. Those
# of lunar and lunisolar calendars (Eid, Diwali, Passover, Chinese New Year) come from
# `holiday_calendar`; `holiday_periods` answers for both tables.
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# Days a fixed-date holiday moves when it falls on each weekday (Monday first).
NEAREST_WEEKDAY = (0, 0, 0, 0, 0, -1, 1)  # observed on Friday / Monday
SUNDAY_TO_SATURDAY = (0, 0, 0, 0, 0, 0, -1)


class HolidayRule(NamedTuple):
    """A holiday's days in any year. Its day, by `kind`: "fixed" `month`/`day`; "nth" the
    `n`-th `weekday` of `month` (-1: the last); "near" the `weekday` on or before (`n` -1),
    nearest to (0) or on or after (1) `month`/`day`; "easter" / "orthodox" Western / Orthodox
    Easter Sunday; "deadline" `month`/`day`, or the next weekday that is not the `avoid`
    holiday (a filing date). Then moved `after` days and `shift[weekday]` days; it spans
    `days` days, in the years divisible by `every` (Super Tuesday: presidential years)."""

    kind: str
    month: int = 0
    day: int = 0
    weekday: int = 0
    n: int = 0
    after: int = 0
    days: int = 1
    shift: tuple[int, ...] = NO_SHIFT
    every: int = 1
    avoid: str = ""


def fixed(month: int, day: int, shift: tuple[int, ...] = NO_SHIFT) -> HolidayRule:
    return HolidayRule("fixed", month, day, shift=shift)


def nth(month: int, weekday: int, n: int, after: int = 0, days: int = 1) -> HolidayRule:
    return HolidayRule("nth", month, weekday=weekday, n=n, after=after, days=days)


def near(month: int, day: int, weekday: int, side: int) -> HolidayRule:
    return HolidayRule("near", month, day, weekday, side)


def after_easter(after: int, days: int = 1, kind: str = "easter") -> HolidayRule:
    return HolidayRule(kind, after=after, days=days)


def after_orthodox_easter(after: int, days: int = 1) -> HolidayRule:
    return after_easter(after, days, "orthodox")


HOLIDAYS: dict[str, HolidayRule] = {
    # --- January to March
    "new year's day": fixed(1, 1),
    "new year": fixed(1, 1),
    "epiphany": fixed(1, 6),
    "three kings' day": fixed(1, 6),
    "orthodox christmas": fixed(1, 7),  # 25 December of the Julian calendar, 1900-2099
    "lohri": fixed(1, 13),
    "martin luther king day": nth(1, MON, 3),
    "martin luther king jr day": nth(1, MON, 3),
    "martin luther king's day": nth(1, MON, 3),
    "mlk day": nth(1, MON, 3),
    "mlk jr day": nth(1, MON, 3),
    "mlk jr. day": nth(1, MON, 3),
    "civil rights day": nth(1, MON, 3),
    "burns night": fixed(1, 25),
    "australia day": fixed(1, 26),
    "groundhog day": fixed(2, 2),
    "groundhog's day": fixed(2, 2),
    "candlemas": fixed(2, 2),
    "lincoln's birthday": fixed(2, 12),
    "lincoln birthday": fixed(2, 12),
    "abraham lincoln's birthday": fixed(2, 12),
    "valentine's day": fixed(2, 14),
    "valentine day": fixed(2, 14),
    "family day": nth(2, MON, 3),  # Canada
    "islander day": nth(2, MON, 3),
    "louis riel day": nth(2, MON, 3),
    "nova scotia heritage day": nth(2, MON, 3),
    "presidents' day": nth(2, MON, 3),
    "president's day": nth(2, MON, 3),
    "president day": nth(2, MON, 3),
    "washington's birthday": nth(2, MON, 3),
    "george washington day": nth(2, MON, 3),
    "shivaji jayanti": fixed(2, 19),
    "st david's day": fixed(3, 1),
    "international women's day": fixed(3, 8),
    "st patrick's day": fixed(3, 17),
    "saint patrick": fixed(3, 17),
    "st paddy's day": fixed(3, 17),
    "super tuesday": HolidayRule("nth", 3, weekday=TUE, n=1, every=4),
    "daylight saving start": nth(3, SUN, 2),  # United States, since 2007
    "daylight savings start": nth(3, SUN, 2),
    "daylight saving start day": nth(3, SUN, 2),
    "daylight savings start day": nth(3, SUN, 2),
    # --- April to June
    "april fools' day": fixed(4, 1),
    "vimy ridge day": fixed(4, 9),
    "siblings day": fixed(4, 10),
    "sibling day": fixed(4, 10),
    "national siblings day": fixed(4, 10),
    "national sibling day": fixed(4, 10),
    "tax day": HolidayRule("deadline", 4, 15, avoid="emancipation day"),
    "emancipation day": fixed(4, 16, NEAREST_WEEKDAY),  # Washington, D.C.
    "earth day": fixed(4, 22),
    "st george's day": fixed(4, 23),
    "administrative professionals' day": nth(4, SAT, -1, after=-3),
    "administrative professional's day": nth(4, SAT, -1, after=-3),
    "administrative professional day": nth(4, SAT, -1, after=-3),
    "admin day": nth(4, SAT, -1, after=-3),
    "admins day": nth(4, SAT, -1, after=-3),
    "secretaries' day": nth(4, SAT, -1, after=-3),
    "secretary's day": nth(4, SAT, -1, after=-3),
    "anzac day": fixed(4, 25),
    "king's day": fixed(4, 27, SUNDAY_TO_SATURDAY),  # the Netherlands, since 2014
    "koningsdag": fixed(4, 27, SUNDAY_TO_SATURDAY),
    "may day": fixed(5, 1),
    "international workers' day": fixed(5, 1),
    "loyalty day": fixed(5, 1),
    "law day": fixed(5, 1),
    "lei day": fixed(5, 1),
    "early may bank holiday": nth(5, MON, 1),
    "may bank holiday": nth(5, MON, 1),
    "cinco de mayo": fixed(5, 5),
    "rabindra jayanti": fixed(5, 9),
    "rabindranath jayanti": fixed(5, 9),
    "rabindranath tagore jayanti": fixed(5, 9),
    "mother's day": nth(5, SUN, 2),
    "military spouse day": nth(5, SUN, 2, after=-2),
    "victoria day": nth(5, MON, -1, after=-7),  # the Monday before 25 May
    "sovereign's birthday": nth(5, MON, -1, after=-7),
    "national patriots' day": nth(5, MON, -1, after=-7),
    "memorial day": nth(5, MON, -1),
    "decoration day": nth(5, MON, -1),
    "spring bank holiday": nth(5, MON, -1),
    "reconciliation day": near(5, 27, MON, 1),  # Australian Capital Territory
    "father's day": nth(6, SUN, 3),
    "juneteenth": fixed(6, 19),
    "discovery day": near(6, 24, MON, 0),  # Newfoundland and Labrador
    # --- July to September
    "canada day": fixed(7, 1),
    "dominion day": fixed(7, 1),
    "independence day": fixed(7, 4),
    "bastille day": fixed(7, 14),
    "civic holiday": nth(8, MON, 1),  # Canada
    "british columbia day": nth(8, MON, 1),
    "new brunswick day": nth(8, MON, 1),
    "saskatchewan day": nth(8, MON, 1),
    "terry fox day": nth(8, MON, 1),
    "assumption day": fixed(8, 15),
    "august bank holiday": nth(8, MON, -1),  # England and Wales
    "summer bank holiday": nth(8, MON, -1),
    "late summer bank holiday": nth(8, MON, -1),
    "labor day": nth(9, MON, 1),
    "labour day": nth(9, MON, 1),
    "grandparents day": nth(9, MON, 1, after=6),  # the Sunday after Labor Day
    "national grandparents day": nth(9, MON, 1, after=6),
    # --- October to December
    "gandhi jayanti": fixed(10, 2),
    "kruger day": fixed(10, 10),
    "columbus day": nth(10, MON, 2),
    "indigenous peoples' day": nth(10, MON, 2),
    "canadian thanksgiving": nth(10, MON, 2),
    "boss's day": fixed(10, 16, NEAREST_WEEKDAY),
    "bosses day": fixed(10, 16, NEAREST_WEEKDAY),
    "boss day": fixed(10, 16, NEAREST_WEEKDAY),
    "halloween": fixed(10, 31),
    "all saints' day": fixed(11, 1),
    "world vegan day": fixed(11, 1),
    "all souls' day": fixed(11, 2),
    "daylight saving end": nth(11, SUN, 1),
    "daylight savings end": nth(11, SUN, 1),
    "daylight saving end day": nth(11, SUN, 1),
    "daylight savings end day": nth(11, SUN, 1),
    "guy fawkes day": fixed(11, 5),
    "bonfire night": fixed(11, 5),
    "veterans day": fixed(11, 11),
    "veteran's day": fixed(11, 11),
    "veteran day": fixed(11, 11),
    "remembrance day": fixed(11, 11),
    "armistice day": fixed(11, 11),
    "singles' day": fixed(11, 11),
    "remembrance sunday": nth(11, SUN, 2),
    "garifuna settlement day": fixed(11, 19),
    "thanksgiving day": nth(11, THU, 4),
    "thanksgiving": nth(11, THU, 4),
    "black friday": nth(11, THU, 4, after=1),
    "small business saturday": nth(11, THU, 4, after=2),
    "cyber monday": nth(11, THU, 4, after=4),
    "giving tuesday": nth(11, THU, 4, after=5),
    "st andrew's day": fixed(11, 30),
    "world aids day": fixed(12, 1),
    "day of reconciliation": fixed(12, 16),
    "day of the vow": fixed(12, 16),
    "day of the covenant": fixed(12, 16),
    "christmas eve": fixed(12, 24),
    "christmas day": fixed(12, 25),
    "christmas": fixed(12, 25),
    "xmas": fixed(12, 25),
    "boxing day": fixed(12, 26),
    "st stephen's day": fixed(12, 26),
    "rizal day": fixed(12, 30),
    "new year's eve": fixed(12, 31),
    "hogmanay": fixed(12, 31),
    # --- around Easter
    "easter sunday": after_easter(0),
    "easter monday": after_easter(1),
    "easter": after_easter(0),
    "holy week": after_easter(-7, days=7),
    "good friday": after_easter(-2),
    "holy saturday": after_easter(-1),
    "maundy thursday": after_easter(-3),
    "holy thursday": after_easter(-3),
    "palm sunday": after_easter(-7),
    "mothering sunday": after_easter(-21),
    "lent": after_easter(-46, days=46),
    "ash wednesday": after_easter(-46),
    "shrove tuesday": after_easter(-47),
    "pancake day": after_easter(-47),
    "mardi gras": after_easter(-47),
    "ascension day": after_easter(39),
    "ascension thursday": after_easter(39),
    "feast of the ascension": after_easter(39),
    "pentecost": after_easter(49),
    "whit sunday": after_easter(49),
    "whitsunday": after_easter(49),
    "whit monday": after_easter(50),
    "trinity sunday": after_easter(56),
    "corpus christi": after_easter(60),
    "orthodox easter": after_orthodox_easter(0),
    "orthodox easter sunday": after_orthodox_easter(0),
    "orthodox good friday": after_orthodox_easter(-2),
    "orthodox great friday": after_orthodox_easter(-2),
    "orthodox palm sunday": after_orthodox_easter(-7),
    "lazarus saturday": after_orthodox_easter(-8),
    "clean monday": after_orthodox_easter(-48),
    "great lent": after_orthodox_easter(-48, days=40),
}


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), moved to the Gregorian calendar
    (13 days from 1900 to 2099, one less per century before and one more after)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    gap = year // 100 - year // 400 - 2
    return date(year, month, day + 1) + timedelta(days=gap)


def _rule_day(rule: HolidayRule, year: int) -> date:
    """The day `rule` gives in `year`, before its `after` and `shift`."""
    if rule.kind == "easter":
        return easter(year)
    if rule.kind == "orthodox":
        return orthodox_easter(year)
    if rule.kind == "nth" and rule.n > 0:
        first = date(year, rule.month, 1)
        return first + timedelta(days=(rule.weekday - first.weekday()) % 7 + 7 * (rule.n - 1))
    if rule.kind == "nth":
        last = date(year, rule.month, calendar.monthrange(year, rule.month)[1])
        return last - timedelta(days=(last.weekday() - rule.weekday) % 7)
    day = date(year, rule.month, rule.day)
    if rule.kind == "near":
        back = timedelta(days=(day.weekday() - rule.weekday) % 7)
        ahead = timedelta(days=(rule.weekday - day.weekday()) % 7)
        return day - back if rule.n < 0 or (rule.n == 0 and back <= ahead) else day + ahead
    if rule.kind == "deadline":
        avoid = holiday(rule.avoid, year)
        while day.weekday() >= SAT or day == avoid:
            day += timedelta(days=1)
    return day


def _rule_period(name: str, rule: HolidayRule, year: int) -> Period | None:
    if year % rule.every or not MIN_YEAR < year < MAX_YEAR:
        return None
    day = _rule_day(rule, year) + timedelta(days=rule.after)
    day += timedelta(days=rule.shift[day.weekday()])
    if rule.days == 1:
        return Period.day(day)
    return span_period(day, day + timedelta(days=rule.days), f"{string.capwords(name)} {year}")


def holiday_periods(name: str, year: int) -> list[Period]:
    """The stretches of holiday `name` (a key of `HOLIDAYS` or of
    `holiday_calendar.CALENDAR_HOLIDAYS`) that start in `year`: a day or a span of days.
    Usually one; two when a lunar year fits twice in it; none for an unknown name, outside
    the calendar tables of a lunar holiday or in a year it is not held (Super Tuesday)."""
    rule = HOLIDAYS.get(name)
    if rule is None:
        return calendar_periods(name, year)
    found = _rule_period(name, rule, year)
    return [found] if found is not None and _start(found).year == year else []


def holiday(name: str, year: int) -> date | None:
    """The (first) day of holiday `name` in `year`; None when it has none."""
    found = holiday_periods(name, year)
    return found[0].start if found else None


def holiday_near(name: str, reference: date, side: int, under_way: bool = True) -> Period | None:
    """The holiday `name` nearest `reference`: `side` -1 the last one begun on or before it;
    +1 the next one, or with `under_way` the first not over by it (that day's, or one in
    progress: "shops will close during Ramadan"); 0 the one of its year nearest to it."""
    if side == 0:
        found = holiday_periods(name, reference.year)
        return min(found, key=lambda p: abs(_start(p) - reference), default=None)
    # a year back or ahead is enough but for the holidays held every fourth year
    if side < 0:
        for year in range(reference.year, reference.year - 5, -1):
            begun = [p for p in holiday_periods(name, year) if _start(p) <= reference]
            if begun:
                return max(begun, key=_start)
        return None
    for year in range(reference.year - 1, reference.year + 5):
        ahead = [
            p
            for p in holiday_periods(name, year)
            if (p.end is not None and p.end > reference if under_way else _start(p) > reference)
        ]
        if ahead:
            return min(ahead, key=_start)
    return None


def _start(p: Period) -> date:
    assert p.start is not None  # holidays always have both bounds
    return p.start

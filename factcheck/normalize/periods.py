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
from datetime import date, timedelta
from typing import TYPE_CHECKING

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
    "month_period",
    "nearest_past_year",
    "nearest_weekday",
    "next_span",
    "past_span",
    "period_of_phrase",
    "quarter_period",
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
    """The same kind of period moved in time: "the previous year" of H1 2024 is H1 2023."""
    moved = 12 * years + months
    start = add_months(p.start, moved) if p.start else None
    end = add_months(p.end, moved) if p.end else None
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


# Holidays as calendar rules: ("fixed", month, day), ("nth", month, weekday, n, days after)
# with n = -1 for the last such weekday, ("easter", days after Easter Sunday) or ("orthodox",
# days after Orthodox Easter Sunday).
HolidayRule = tuple[str, int, int, int, int]
HOLIDAYS: dict[str, HolidayRule] = {
    "new year's day": ("fixed", 1, 1, 0, 0),
    "new year": ("fixed", 1, 1, 0, 0),
    "new year's eve": ("fixed", 12, 31, 0, 0),
    "martin luther king day": ("nth", 1, 0, 3, 0),
    "mlk day": ("nth", 1, 0, 3, 0),
    "australia day": ("fixed", 1, 26, 0, 0),
    "groundhog day": ("fixed", 2, 2, 0, 0),
    "valentine's day": ("fixed", 2, 14, 0, 0),
    "valentine day": ("fixed", 2, 14, 0, 0),
    "presidents' day": ("nth", 2, 0, 3, 0),
    "president's day": ("nth", 2, 0, 3, 0),
    "international women's day": ("fixed", 3, 8, 0, 0),
    "st patrick's day": ("fixed", 3, 17, 0, 0),
    "saint patrick": ("fixed", 3, 17, 0, 0),
    "st paddy's day": ("fixed", 3, 17, 0, 0),
    "april fools' day": ("fixed", 4, 1, 0, 0),
    "tax day": ("fixed", 4, 15, 0, 0),
    "earth day": ("fixed", 4, 22, 0, 0),
    "anzac day": ("fixed", 4, 25, 0, 0),
    "may day": ("fixed", 5, 1, 0, 0),
    "international workers' day": ("fixed", 5, 1, 0, 0),
    "mother's day": ("nth", 5, 6, 2, 0),
    "memorial day": ("nth", 5, 0, -1, 0),
    "father's day": ("nth", 6, 6, 3, 0),
    "juneteenth": ("fixed", 6, 19, 0, 0),
    "canada day": ("fixed", 7, 1, 0, 0),
    "independence day": ("fixed", 7, 4, 0, 0),
    "bastille day": ("fixed", 7, 14, 0, 0),
    "labor day": ("nth", 9, 0, 1, 0),
    "labour day": ("nth", 9, 0, 1, 0),
    "columbus day": ("nth", 10, 0, 2, 0),
    "halloween": ("fixed", 10, 31, 0, 0),
    "all saints' day": ("fixed", 11, 1, 0, 0),
    "guy fawkes day": ("fixed", 11, 5, 0, 0),
    "veterans day": ("fixed", 11, 11, 0, 0),
    "thanksgiving day": ("nth", 11, 3, 4, 0),
    "thanksgiving": ("nth", 11, 3, 4, 0),
    "black friday": ("nth", 11, 3, 4, 1),
    "cyber monday": ("nth", 11, 3, 4, 4),
    "christmas eve": ("fixed", 12, 24, 0, 0),
    "christmas day": ("fixed", 12, 25, 0, 0),
    "christmas": ("fixed", 12, 25, 0, 0),
    "xmas": ("fixed", 12, 25, 0, 0),
    "boxing day": ("fixed", 12, 26, 0, 0),
    "easter sunday": ("easter", 0, 0, 0, 0),
    "easter monday": ("easter", 1, 0, 0, 0),
    "easter": ("easter", 0, 0, 0, 0),
    "good friday": ("easter", -2, 0, 0, 0),
    "maundy thursday": ("easter", -3, 0, 0, 0),
    "palm sunday": ("easter", -7, 0, 0, 0),
    "ash wednesday": ("easter", -46, 0, 0, 0),
    "shrove tuesday": ("easter", -47, 0, 0, 0),
    "mardi gras": ("easter", -47, 0, 0, 0),
    "ascension day": ("easter", 39, 0, 0, 0),
    "pentecost": ("easter", 49, 0, 0, 0),
    "whit sunday": ("easter", 49, 0, 0, 0),
    "whit monday": ("easter", 50, 0, 0, 0),
    "orthodox easter": ("orthodox", 0, 0, 0, 0),
    "orthodox easter sunday": ("orthodox", 0, 0, 0, 0),
    "orthodox good friday": ("orthodox", -2, 0, 0, 0),
    "orthodox great friday": ("orthodox", -2, 0, 0, 0),
    "orthodox palm sunday": ("orthodox", -7, 0, 0, 0),
    "lazarus saturday": ("orthodox", -8, 0, 0, 0),
    "clean monday": ("orthodox", -48, 0, 0, 0),
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


def holiday(name: str, year: int) -> date | None:
    """The day of holiday `name` (a key of `HOLIDAYS`) in `year`; None for an unknown name."""
    rule = HOLIDAYS.get(name)
    if rule is None:
        return None
    kind, a, b, n, after = rule
    if kind == "fixed":
        return date(year, a, b)
    if kind == "easter":
        return easter(year) + timedelta(days=a)
    if kind == "orthodox":
        return orthodox_easter(year) + timedelta(days=a)
    if n > 0:
        first = date(year, a, 1)
        day = first + timedelta(days=(b - first.weekday()) % 7 + 7 * (n - 1))
    else:
        last = date(year, a, calendar.monthrange(year, a)[1])
        day = last - timedelta(days=(last.weekday() - b) % 7)
    return day + timedelta(days=after)

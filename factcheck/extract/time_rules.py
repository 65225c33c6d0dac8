"""The rules of time extraction: one compiled `re.VERBOSE` pattern per surface form, each
with a handler that turns a match into a candidate `Hit` (its period, or what it still
needs: a year, an earlier period of the sentence, a date to count from). `time.find_times`
settles the candidates and resolves what they still need.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import cache, cached_property
from typing import TYPE_CHECKING, Literal

from factcheck.extract.time_words import (
    ANAPHORIC,
    CALENDAR_UNITS,
    CENTURY_WORDS,
    COMMON_WORDS,
    DAY_NUM,
    DAY_ORD,
    DAY_WORDS,
    LOOSE_AMOUNT,
    MONTH,
    MONTH_FOLLOW,
    MONTHS,
    NUM,
    NUMBER_WORD,
    ORDINALS,
    REL_OFFSET,
    SECONDS,
    SMALL_NUMBERS,
    SPELLED_MORE,
    SPELLED_YEAR,
    TENS,
    UNIT,
    UNITS,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    alternation,
    day_of,
    holiday_key,
    holiday_names,
    loose_amount,
    lower_word_ok,
    parse_number,
    spelled_year,
    valid_day,
    year_of,
)
from factcheck.normalize import periods as P
from factcheck.normalize.holiday_calendar import (
    NAME_GROUPS,
    OTHER_CALENDARS,
    calendar_holiday_key,
    names_pattern,
    needs_capital,
)
from factcheck.regex_cache import compile_pattern
from factcheck.text import blank_after, blank_before, left, search_before
from factcheck.values import Granularity, MentionKind, Period

if TYPE_CHECKING:
    from factcheck.reference.fiscal import FiscalCalendar


@dataclass
class Hit:
    """One candidate mention while the passes run."""

    start: int
    end: int
    kind: MentionKind
    period: Period | None = None
    relative: bool = False
    note: str | None = None
    trace: list[str] = field(default_factory=list)
    duration: tuple[Decimal, str] | None = None
    # a year-less date or month still waiting for its year: (month, day or None, weekday)
    pending: tuple[int, int | None, int | None] | None = None
    # anaphora read against the sentence's earlier period: ("shift", years) / ("the_year", sub)
    anaphor: tuple[str, int, str] | None = None  # (mode, amount, unit)
    explicit_year: bool = False
    # a part of a year still waiting for its year: (unit, n, fiscal)
    part: tuple[str, int, bool] | None = None
    last_day: int | None = None  # "July 13-15": the range's last day in the same month
    offset: tuple[int, str] | None = None  # "3 days after <this date>": applied once resolved
    chainable: bool = False  # "3 days after": may take the next date as its base
    # "early" / "mid" / "late" / "earlier" / "later" / "week": applied once resolved
    narrow: str | None = None
    # a bare weekday or day of the month: as a range's second end it follows the first
    follows: tuple[str, int] | None = None
    clock: bool = False  # a time of day ("3pm", "9:30-11:00"): it only says which day
    loose: bool = False  # a bare "morning": a time of day only when attached to a day
    lean: int | None = None  # "next 6 April" (+1), "this 5/12" (0), "last 3 March" (-1)
    stretch: tuple[int, str] | None = None  # "3 days starting <this day>": (3, "day")
    listed: bool = False  # the "18" of "18 and 19 June": its year is the next date's
    weekday: int | None = None  # "Friday", "this Friday": the weekday it names (Monday 0)
    moved: bool = False  # "two weeks from now", "3 days after X": a day counted from another
    closest: tuple[int, int] | None = None  # "the 2nd closest Monday to <this day>": (2, 0)

    @property
    def length(self) -> int:
        return self.end - self.start


Prefer = Literal["past", "future"]


@dataclass(frozen=True)
class Context:
    text: str
    reference: date | None
    fiscal: FiscalCalendar | None
    day_first: bool | None = None  # the text's numeric date order, when one date shows it
    # which side of the reference a year-less date, weekday or holiday falls on when its
    # sentence gives no tense cue: "past" for news (the default), "future" for schedules
    prefer: Prefer = "past"

    @cached_property
    def sentence_starts(self) -> SentenceStarts:
        """Where the text's sentences start, found once (`looks_ahead` reads a date's one)."""
        return SentenceStarts(self.text)


Handler = Callable[[re.Match[str], Context], Hit | None]


def group(m: re.Match[str], name: str) -> str:
    """Group `name` of `m`, or "" when the rule has no such group or it did not take part."""
    return m.groupdict().get(name) or ""


def _date_hit(
    m: re.Match[str],
    ctx: Context,
    year: int | None,
    month: int,
    day: int,
    weekday: int | None,
    rule: str,
) -> Hit | None:
    """A day from its parts; year-less ones wait for the context pass."""
    hit = Hit(m.start(), m.end(), MentionKind.DATE, trace=[f"rule: {rule}"])
    if year is None:
        if not 1 <= month <= 12 or not 1 <= day <= 31 or (month == 2 and day > 29):
            return None
        hit.pending = (month, day, weekday)
        return hit
    if not valid_day(year, month, day):
        return None
    hit.period = Period.day(date(year, month, day))
    hit.explicit_year = True
    return hit


def _iso(m: re.Match[str], ctx: Context) -> Hit | None:
    return _date_hit(
        m, ctx, int(group(m, "y")), int(group(m, "m")), int(group(m, "d")), None, "year-month-day"
    )


def _numeric(m: re.Match[str], ctx: Context) -> Hit | None:
    """d/m/y or m/d/y: a part above 12 decides; dots mean day first; else month first."""
    a, b, year = int(group(m, "a")), int(group(m, "b")), year_of(group(m, "y"))
    shown = a > 12 or b > 12
    if group(m, "sep").isspace() and not shown and ctx.day_first is None:
        return None  # "3 4 2019" may be three numbers: spaces need the order shown
    detected = ctx.day_first is not None and not shown
    day_first = a > 12 or (not shown and (ctx.day_first or (group(m, "sep") == "." and b <= 12)))
    month, day = (b, a) if day_first else (a, b)
    hit = _date_hit(m, ctx, year, month, day, None, "numeric date")
    if hit:
        order = "day/month/year" if day_first else "month/day/year"
        why = "" if shown else " (as another date in the text shows)" if detected else " (assumed)"
        hit.trace.append(f"order {order}{why}")
    return hit


def _numeric_md(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "5/12" without a year: a date only after a date word or as the whole text, since a
    bare fraction ("1/3 of") is more common."""
    before = left(ctx.text, m.start())
    whole = is_whole(m, ctx.text) or bool(group(m, "wd"))
    cue = re.search(
        rf"(?:\b(?:on|from|to|till|until|by|since|before|after|between|and|or|"
        rf"next|this|last)|{WEEKDAY}|\d/\d+\s*-|,)\s*$",
        before,
        re.I,
    )
    timed = CLOCK_NEXT.match(ctx.text, m.end()) is not None  # "5/12 at 3pm"
    ranged = MD_AFTER.match(ctx.text, m.end()) is not None  # "10/1-11/7", "5/7, 2020"
    if not (whole or cue or timed or ranged):
        return None
    if group(m, "sep").strip() != "/" and not group(m, "wd") and not whole:
        return None  # "7-6" is a date only after a weekday ("Friday 7-6") or alone
    a, b = int(group(m, "a")), int(group(m, "b"))
    month, day = (b, a) if a > 12 or (b <= 12 and ctx.day_first) else (a, b)
    weekday = _weekday_of(m)
    year = int(group(m, "y")) if group(m, "y") else None
    hit = _date_hit(m, ctx, year, month, day, weekday, "numeric month/day")
    sep = group(m, "sep").strip()
    if hit is not None and weekday is not None and ctx.reference is not None and sep != "/":
        ref = ctx.reference
        years = [ref.year - 1, ref.year, ref.year + 1]
        if sep == "-":  # hours too ("Monday 12-4"): a date only where the weekday fits
            ahead = looks_ahead(ctx, m.start())
            this_year = valid_day(ref.year, month, day) and date(ref.year, month, day)
            if ahead:
                years = [ref.year if this_year and this_year >= ref else ref.year + 1]
            else:
                years = [ref.year if this_year and this_year <= ref else ref.year - 1]
        if not any(weekday_fits(month, day, weekday, y) for y in years):
            return None  # "Monday 12-4" is a time range on a Monday, not 4 December
    return hit


def _weekday_of(m: re.Match[str]) -> int | None:
    wd = m.groupdict().get("wd") or m.groupdict().get("wd2") or m.groupdict().get("wd3")
    return WEEKDAYS[wd.lower().rstrip(".")] if wd else None


def _month_of(surface: str) -> int:
    return MONTHS[surface.lower().rstrip(".")]


def _day_month(m: re.Match[str], ctx: Context) -> Hit | None:
    day = day_of(group(m, "d"))
    if day is None and group(m, "y"):  # "fifteen August nineteen ninety": with a year only
        cardinal = parse_number(group(m, "d"))
        day = int(cardinal) if cardinal is not None else None
    if day is None or day < 1:
        return None
    year = year_of(group(m, "y")) if group(m, "y") else None
    return _date_hit(m, ctx, year, _month_of(group(m, "m")), day, _weekday_of(m), "day month year")


def _month_day(m: re.Match[str], ctx: Context) -> Hit | None:
    day = day_of(group(m, "d"))
    if day is None:  # a cardinal word ("May twenty nine"): only after a capitalised month
        cardinal = parse_number(group(m, "d"))
        spelled_year = SPELLED_MORE.match(ctx.text, m.end())
        capital = group(m, "m")[:1].isupper()
        day = int(cardinal) if cardinal is not None and capital and not spelled_year else None
    if day is None or day < 1:
        return None
    year = year_of(group(m, "y")) if group(m, "y") else None
    return _date_hit(m, ctx, year, _month_of(group(m, "m")), day, _weekday_of(m), "month day year")


def _month_year(m: re.Match[str], ctx: Context) -> Hit | None:
    month = _month_of(group(m, "m")) if group(m, "m") else int(group(m, "mn"))
    if not 1 <= month <= 12:
        return None
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: month year"])
    hit.period = P.month_period(year_of(group(m, "y")), month)
    hit.explicit_year = True
    return hit


def _month(m: re.Match[str], ctx: Context) -> Hit | None:
    """A month name without a year, maybe with "this/last/next year" or "last/next"."""
    bare = not group(m, "rel") and not group(m, "ry")
    if bare and not lower_word_ok(group(m, "m"), ctx.text, m.start(), m.end()):
        return None
    common = group(m, "m").rstrip(".").lower() in COMMON_WORDS
    if common and not group(m, "ry") and not MONTH_FOLLOW.match(ctx.text, m.end()):
        return None
    month = _month_of(group(m, "m"))
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: month"])
    rel = (group(m, "rel") or group(m, "ry") or "").lower()
    if not rel:
        hit.pending = (month, None, None)
        return hit
    hit.relative = True
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    year = ctx.reference.year + REL_OFFSET.get(rel.split()[-1], 0)
    if group(m, "rel") and rel != "this":  # "last March": the latest March before this month,
        offset = REL_OFFSET[rel.split()[-1]]  # "next March" the first one after it
        year = ctx.reference.year + (offset if (month - ctx.reference.month) * offset <= 0 else 0)
    hit.period = P.month_period(year, month)
    hit.trace.append(f"'{rel}' against reference {ctx.reference}")
    return hit


def _year_only(m: re.Match[str], ctx: Context) -> Hit | None:
    zone = ZONE_NEXT.match(ctx.text, m.end()) is not None
    said = _said_as_clock(m, ctx, AT_CLOCK)
    if m.group() == group(m, "y") and _hhmm(group(m, "y"), False, zone, said):
        return None  # "1430 GMT", "at 1030": a time of day
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: year"])
    hit.period = P.year_period(year_of(group(m, "y")))
    hit.explicit_year = True
    return hit


def _spelled_year_only(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "in nineteen ninety six": a year said aloud, after a word that introduces one (alone,
    "two thousand" is a number)."""
    year = spelled_year(group(m, "y"))
    if year is None:
        return None
    hit = Hit(m.start("y"), m.end("y"), MentionKind.PERIOD, trace=["rule: year in words"])
    hit.period = P.year_period(year)
    hit.explicit_year = True
    return hit


def _year_range(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "2014-2018", "2023-24": the years from the first through the second (inclusive)."""
    first, second = int(group(m, "y")), group(m, "y2")
    last = int(second) if len(second) == 4 else first - first % 100 + int(second)
    if not first < last <= first + (100 if len(second) == 4 else 10):
        return None
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: range of years"])
    hit.period = P.span_period(date(first, 1, 1), date(last + 1, 1, 1), label=f"{first}–{last}")
    hit.explicit_year = True
    return hit


def _decade(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the 1990s", "the '90s", "the nineties" (a decade of the 1900s unless written)."""
    digits = group(m, "dec") or str(DECADE_WORDS[group(m, "word").lower()])
    first = int(digits) if len(digits) == 4 else 1900 + int(digits)
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: decade"])
    hit.period = P.decade_period(first)
    hit.explicit_year = True
    return hit


def _century(m: re.Match[str], ctx: Context) -> Hit | None:
    n = day_of(group(m, "n"))
    if not n or not 1 <= n <= 30:
        return None
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: century"])
    start = date(max(1, 100 * (n - 1)), 1, 1)
    hit.period = Period(
        start=start, end=date(100 * n, 1, 1), granularity=Granularity.SPAN, label=m.group().strip()
    )
    return hit


def _year_ref(m: re.Match[str], ctx: Context, hit: Hit) -> int | None:
    """The year of a part-of-year phrase: explicit, relative ("last year"), "the year" of the
    sentence (resolved in the context pass), a fiscal year, or the reference's year."""
    if group(m, "y"):
        hit.explicit_year = True
        return year_of(group(m, "y"))
    rel = group(m, "yrel").lower().split()
    if rel:
        word = next(w for w in rel if w in REL_OFFSET)
        if rel[0] == "the" and word in ANAPHORIC:
            hit.anaphor = ("shift", REL_OFFSET[word], "year")
            return None
        hit.relative = True
        if ctx.reference is None:
            hit.note = f"'{m.group()}' needs a reference date"
            return None
        hit.trace.append(f"'{' '.join(rel)}' against reference {ctx.reference}")
        return ctx.reference.year + REL_OFFSET[word]
    if group(m, "theyear"):
        hit.anaphor = ("the_year", 0, "year")
        return None
    return None


def _part_of_year(m: re.Match[str], ctx: Context) -> Hit | None:
    """Quarters, halves and "the first N months" of a year (Q3 2024, H1, the first half of
    last year, the second quarter)."""
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: part of year"])
    if group(m, "q"):
        unit, n = "quarter", int(group(m, "q"))
    elif group(m, "h"):
        unit, n = "half", int(group(m, "h"))
    else:
        unit = "months" if group(m, "nmonths") else UNITS.get(group(m, "unit").lower(), "half")
        ordinal = day_of(group(m, "ord")) if group(m, "ord") else None
        n = ordinal if ordinal is not None else 0
        # "the last quarter of 2023", "the last four months of 2021"; alone, "the last quarter"
        # and "the last two months" are relative to the reference (other rules)
        if n == -1 and not (group(m, "y") or group(m, "yrel") or group(m, "theyear")):
            return None
        if unit == "months":
            months = parse_number(group(m, "nmonths"))
            if months is None or not 1 <= months <= 11 or months != int(months):
                return None
            n = int(months) * (-1 if n == -1 else 1)
        elif n == -1:
            n = 4 if unit == "quarter" else 2
    limit = {"quarter": 4, "half": 2, "months": 11}[unit]
    if not 1 <= abs(n) <= limit or (n < 0 and unit != "months"):
        return None
    fiscal = bool(group(m, "fiscal"))
    year = _year_ref(m, ctx, hit)
    hit.part = (unit, n, fiscal)
    if year is not None:
        set_part(hit, year, ctx)
    elif hit.anaphor is None and hit.note is None:
        hit.pending = (0, None, None)  # nearest past one, like a year-less date
    return hit


def part_period(unit: str, n: int, year: int, fiscal: FiscalCalendar | None) -> Period:
    if fiscal is not None and unit == "quarter":
        return P.fiscal_quarter_period(year, n, fiscal)
    if unit == "quarter":
        return P.quarter_period(year, n)
    if unit == "half":
        return P.half_period(year, n)
    start = date(year, 1, 1) if n > 0 else P.add_months(date(year + 1, 1, 1), n)
    return Period(
        start=start,
        end=P.add_months(start, abs(n)),
        granularity=Granularity.SPAN,
        label=f"{'first' if n > 0 else 'last'} {abs(n)} months of {year}",
    )


def set_part(hit: Hit, year: int, ctx: Context) -> None:
    assert hit.part is not None
    unit, n, fiscal = hit.part
    calendar_ = fiscal_calendar_for(ctx, hit) if fiscal else None
    hit.period = part_period(unit, n, year, calendar_)


def fiscal_calendar_for(ctx: Context, hit: Hit) -> FiscalCalendar:
    if ctx.fiscal is not None:
        hit.trace.append(f"fiscal calendar of {ctx.fiscal.org}: {ctx.fiscal.note}")
        return ctx.fiscal
    from factcheck.reference.fiscal import default_calendar

    fallback = default_calendar()
    hit.note = fallback.note
    hit.trace.append(fallback.note)
    return fallback


def _fiscal_year(m: re.Match[str], ctx: Context) -> Hit | None:
    if group(m, "cy"):  # "CY2018", "calendar year 2018"
        return _year_only(m, ctx)
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: fiscal year"])
    hit.period = P.fiscal_year_period(year_of(group(m, "y")), fiscal_calendar_for(ctx, hit))
    hit.explicit_year = True
    return hit


# "the end of", "the beginning of": a part of a calendar unit follows.
PART_OF_UNIT = compile_pattern(r"\b(?:beginning|start|middle|end)\s+of\s+(?:the\s+)?$", re.I)
# "the past quarter", "this past weekend", "the end of the past week": whole calendar units
# (quarters are reported whole, docs/time.md), not a trailing stretch.
WHOLE_PAST = frozenset({"quarter", "weekend"})


def _relative_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "last year", "this quarter", "next week", "the previous year", "the past decade"."""
    rel, unit = group(m, "rel").lower().split()[-1], UNITS.get(group(m, "unit").lower(), "weekend")
    hit = Hit(
        m.start(),
        m.end(),
        MentionKind.PERIOD,
        relative=True,
        trace=[f"rule: relative unit ({rel} {unit})"],
    )
    if group(m, "the") and rel in ANAPHORIC | {"next"} and unit not in ("decade", "fortnight"):
        hit.anaphor = ("shift", REL_OFFSET[rel], unit)
        hit.kind = MentionKind.DATE if unit == "day" else hit.kind
        return hit
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    ref = ctx.reference
    if unit == "fortnight":  # the two calendar weeks before / after the current one
        week = P.week_period(ref)
        assert week.start is not None and week.end is not None
        before = REL_OFFSET[rel] < 0
        start = week.start - timedelta(days=14) if before else week.end
        hit.period = P.span_period(start, start + timedelta(days=14))
        hit.trace.append("the two calendar weeks " + ("before" if before else "after") + " this")
    elif (
        rel == "past"
        and unit not in WHOLE_PAST
        and not search_before(PART_OF_UNIT, ctx.text, m.start())
    ):
        hit.period = P.past_span(unit, 1, ref)
        hit.trace.append(f"trailing {unit} ending at reference {ref}")
    else:
        hit.period = P.relative_unit(unit, ref, REL_OFFSET[rel])
        hit.trace.append(f"calendar {unit} {REL_OFFSET[rel]:+d} from reference {ref}")
    if unit == "day":
        hit.kind = MentionKind.DATE
    return hit


def _relative_n(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the past two years", "the next three years", "the last 6 months", "2 upcoming weeks";
    "the next few days" are three, "the past few years" as vague as "in recent years"."""
    n = parse_number(group(m, "n"))
    unit = UNITS[group(m, "unit").lower()]
    if group(m, "n").lower() == "few":
        if unit != "day":
            return _vague_span(m, ctx)
        n = Decimal(3)
    if n is None or n != int(n) or not 0 < n <= 1000 or unit not in CALENDAR_UNITS | SECONDS.keys():
        return None
    if n > 1 and not group(m, "unit").lower().endswith("s"):
        return None  # "only 3 next week" counts people, not weeks
    rel = group(m, "rel").lower().split()[-1]
    if unit in SECONDS:  # "the past two hours": the reference day (the time is not known)
        return _today(m, ctx, f"rule: {rel} {n} {unit}s")
    hit = Hit(
        m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=[f"rule: {rel} {n} {unit}s"]
    )
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    backwards = REL_OFFSET.get(rel, 1) < 0
    if unit in ("quarter", "fortnight"):  # whole calendar quarters / weeks around this one
        base = P.unit_period("week" if unit == "fortnight" else unit, ctx.reference)
        size = 2 * int(n) if unit == "fortnight" else int(n)
        step = "week" if unit == "fortnight" else unit
        assert base.start is not None and base.end is not None
        hit.period = (
            P.span_period(P.shift(base.start, step, -size), base.start)
            if backwards
            else P.span_period(base.end, P.shift(base.end, step, size))
        )
        hit.trace.append(f"whole calendar {unit}s before/after the current one")
        return hit
    span = P.past_span if backwards else P.next_span
    hit.period = span(unit, int(n), ctx.reference)
    hit.trace.append(
        ("trailing" if backwards else "coming") + f" span at reference {ctx.reference}"
    )
    return hit


def _vague_span(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "in the coming months", "in recent years": open on the far side of the reference."""
    word = group(m, "rel").lower()
    hit = Hit(
        m.start(),
        m.end(),
        MentionKind.PERIOD,
        relative=True,
        trace=[f"rule: {word} {group(m, 'unit').lower()}, no count"],
    )
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    if REL_OFFSET.get(word, -1) > 0:
        hit.period = P.span_period(ctx.reference + timedelta(days=1), None)
        hit.trace.append(f"open, from the day after reference {ctx.reference}")
    else:
        hit.period = P.span_period(None, ctx.reference)
        hit.trace.append(f"open, up to reference {ctx.reference}")
    return hit


def _business_days(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the next 4 business days", "the previous ten working days": that many Mondays to
    Fridays after the reference, or before it (up to the reference, as "the last 3 days")."""
    n = parse_number(group(m, "n"))
    if n is None or n != int(n) or not 0 < n <= 1000:
        return None
    rel = group(m, "rel").lower()
    hit = Hit(
        m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=[f"rule: {rel} workdays"]
    )
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    step = timedelta(days=REL_OFFSET[rel] or 1)
    day, days = ctx.reference, list[date]()
    while len(days) < n:
        day += step
        if day.weekday() < 5:
            days.append(day)
    if step.days < 0:
        hit.period = P.span_period(days[-1], ctx.reference)
    else:
        hit.period = P.span_period(days[0], days[-1] + timedelta(days=1))
    hit.trace.append(f"Mondays to Fridays counted from reference {ctx.reference}")
    return hit


def _work_week(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "this working week", "next workweek": Monday to Friday of that calendar week."""
    rel = group(m, "rel").lower()
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=["rule: work week"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    week = P.relative_unit("week", ctx.reference, REL_OFFSET[rel])
    assert week.start is not None
    hit.period = P.span_period(week.start, week.start + timedelta(days=5))
    hit.trace.append(f"Monday to Friday of the week {REL_OFFSET[rel]:+d} from {ctx.reference}")
    return hit


def _within(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "within 9 months": from the reference date on; hours and minutes count whole days
    (the time of day is not known)."""
    n = parse_number(group(m, "n"))
    unit = UNITS[group(m, "unit").lower()]
    if n is not None and unit in SECONDS:
        n, unit = Decimal(max(1, -(-int(n * SECONDS[unit]) // 86400))), "day"
    if n is None or n != int(n) or not 0 < n <= 1000 or unit not in CALENDAR_UNITS:
        return None
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=["rule: within"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    hit.period = P.span_period(ctx.reference, P.shift(ctx.reference, unit, int(n)))
    return hit


def _offset(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "three years ago", "in 2 weeks", "a year earlier", "two days from now"; "in a few
    hours" (a few: only within a day, where it cannot move the day far)."""
    n = loose_amount(group(m, "n"))
    unit = UNITS[group(m, "unit").lower()]
    if n is None or not 0 < n <= 10000 or ("few" in group(m, "n") and unit not in SECONDS):
        return None
    if unit in SECONDS and group(m, "dir").lower() in ("before", "after", "from"):
        return None  # "7 hours from 9:30am" counts hours within a day: a duration
    if group(m, "dir").lower() == "from" and re.search(r"\bfor\s+$", left(ctx.text, m.start())):
        return None  # "for 10 days from 18 December": a stretch from that day, not an offset
    if unit in SECONDS:  # "in 30 minutes": whole days only, the time of day is not known
        n, unit = Decimal(int(n * SECONDS[unit] // 86400)), "day"
    if n != int(n):
        return None
    word = (group(m, "dir") or "in").lower().split()[0]
    sign = -1 if word in ("ago", "earlier", "before", "prior") else 1
    hit = Hit(
        m.start(),
        m.end(),
        MentionKind.DATE,
        relative=True,
        trace=[f"rule: {int(n)} {unit}(s) {word}"],
    )
    if word in ("earlier", "later", "before", "after", "from") and group(m, "dir").lower() not in (
        "from now",
        "from today",
    ):  # relative to the sentence's period, or to the date that follows
        hit.kind = MentionKind.PERIOD
        hit.anaphor = ("shift", sign * int(n), unit)
        hit.chainable = word in ("before", "after", "from")
        return hit
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    hit.period, hit.moved = Period.day(P.shift(ctx.reference, unit, sign * int(n))), True
    hit.trace.append(f"reference {ctx.reference} {sign * int(n):+d} {unit}(s)")
    return hit


def _day_word(m: re.Match[str], ctx: Context) -> Hit | None:
    key = re.sub(r"\s+", " ", m.group().lower())
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=[f"rule: '{key}'"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    hit.period = Period.day(ctx.reference + timedelta(days=DAY_WORDS[key]))
    hit.trace.append(f"reference {ctx.reference} {DAY_WORDS[key]:+d} day(s)")
    return hit


def _to_date(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "so far this year", "year to date", "YTD": from the year's start to the reference."""
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=["rule: to date"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    unit = (group(m, "unit") or "year").lower()
    start = P.unit_period(UNITS.get(unit, unit), ctx.reference).start
    hit.period = P.span_period(start, ctx.reference + timedelta(days=1))
    return hit


def _weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "on Monday", "last Friday", "next Tuesday", "Friday of next week"."""
    bare = not group(m, "rel") and not group(m, "wrel") and not group(m, "wrel0")
    if bare and not lower_word_ok(group(m, "wd"), ctx.text, m.start(), m.end()):
        return None
    weekday = WEEKDAYS[group(m, "wd").lower().rstrip(".")]
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=["rule: weekday"])
    if not group(m, "wrel") and not group(m, "wrel0"):
        hit.weekday = weekday
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    ref = ctx.reference
    rel = re.sub(r"\s+", " ", (group(m, "rel") or group(m, "wrel") or group(m, "wrel0")).lower())
    if (
        rel in ("next", "last", "previous", "this", "following")
        or group(m, "wrel")
        or group(m, "wrel0")
    ):
        week_start = (
            ref - timedelta(days=ref.weekday()) + timedelta(weeks=REL_OFFSET[rel.split()[-1]])
        )
        day = week_start + timedelta(days=weekday)
        hit.trace.append(f"weekday of the {rel} week from reference {ref}")
        if group(m, "rel").lower() == "this" and day < ref and looks_ahead(ctx, m.start()):
            day += timedelta(weeks=1)  # "this Monday", said on a Tuesday of what is coming
            hit.trace.append("past already, and the sentence looks ahead: the next one")
    elif rel in ("coming", "upcoming", "this coming", "this upcoming"):
        day = P.nearest_weekday(weekday, ref, +1)
        hit.trace.append(f"next such day after reference {ref}")
    elif not rel and looks_ahead(ctx, m.start()):
        day = P.nearest_weekday(weekday, ref, +1)
        hit.trace.append(f"the sentence speaks of the future: next such day after {ref}")
    else:
        day = P.nearest_weekday(weekday, ref - timedelta(days=1) if rel else ref, -1)
        hit.trace.append(f"nearest such day on or before reference {ref}")
    hit.period = Period.day(day)
    if not rel:
        hit.follows = ("weekday", weekday)
    return hit


def _weekday_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "Sunday the 31st": the month nearest before the reference (after it when the
    sentence speaks of the future) in which that day falls on that weekday."""
    day, weekday = day_of(group(m, "d")), _weekday_of(m)
    if day is None or weekday is None or not 1 <= day <= 31:
        return None
    hit = Hit(
        m.start(),
        m.end(),
        MentionKind.DATE,
        relative=True,
        trace=["rule: weekday and day of month"],
    )
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        hit.follows = ("day", day)
        return hit
    first, ref = ctx.reference.replace(day=1), ctx.reference
    steps = [*range(0, -13, -1), *range(1, 13)]
    if looks_ahead(ctx, m.start()):
        steps = [*range(0, 13), *range(-1, -13, -1)]
    for step in steps:
        month = P.add_months(first, step)
        if valid_day(month.year, month.month, day):
            candidate = month.replace(day=day)
            on_side = (candidate >= ref) if steps[1] > 0 else (candidate <= ref)
            if candidate.weekday() == weekday and (step != 0 or on_side):
                hit.period = Period.day(candidate)
                hit.trace.append(f"nearest month where the {day} is that weekday")
                return hit
    return None


def _day_before_after(m: re.Match[str], ctx: Context) -> Hit | None:
    hit = Hit(m.start(), m.end(), MentionKind.DATE, trace=["rule: the day before/after"])
    hit.anaphor = ("shift", -1 if group(m, "dir").lower() == "before" else 1, "day")
    return hit


def _day_range(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "July 13-15", "from the 13th to the 15th of July": days of one month."""
    first, last = day_of(group(m, "d")), day_of(group(m, "d2"))
    if first is None or last is None or not 1 <= first < last <= 31:
        return None
    year = year_of(group(m, "y")) if group(m, "y") else None
    hit = _date_hit(m, ctx, year, _month_of(group(m, "m")), first, None, "days of a month")
    if hit is None:
        return None
    hit.kind, hit.last_day = MentionKind.PERIOD, last
    if hit.pending is None and hit.period is not None and hit.period.start is not None:
        start = hit.period.start
        if not valid_day(start.year, start.month, last):
            return None
        hit.period = P.span_period(start, start.replace(day=last) + timedelta(days=1))
    return hit


def _holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "Christmas", "Thanksgiving 2013", "last Easter", "Diwali in 2019", "during
    Ramadan": a holiday's day or days, by its calendar rule or its lunar calendar."""
    name = group(m, "name")
    key = holiday_key(name) or calendar_holiday_key(name)
    if key is None:
        return None
    after = _holiday_year().match(ctx.text, m.end())
    said = {k: v or "" for k, v in (m.groupdict() | (after.groupdict() if after else {})).items()}
    if _not_the_holiday(m, said, ctx):
        return None
    end = after.end() if after else m.end()
    hit = Hit(m.start(), end, MentionKind.DATE, trace=[f"rule: holiday '{key}'"])
    year = int(said["y"]) if said.get("y") else spelled_year(said.get("ys", ""))
    if said.get("ys") and year is None:
        return None  # "nineteen five" makes no year
    period: Period | None = None
    if year is not None:
        found = P.holiday_periods(key, year)
        period, hit.explicit_year = (found[0] if found else None), True
    elif ctx.reference is None:
        hit.relative, hit.note = (
            True,
            f"'{ctx.text[m.start() : end]}' needs a year or a reference date",
        )
        return hit
    elif (years := _holiday_years_away(said)) is not None:  # "of next year", "in 3 years"
        hit.relative, year = True, ctx.reference.year + years
        found = P.holiday_periods(key, year)
        period = found[0] if found else None
        hit.trace.append(f"{years:+d} year(s) from reference {ctx.reference}")
    else:
        ref, rel = ctx.reference, group(m, "rel").lower()
        hit.relative = True
        ahead = rel in ("next", "following", "coming") or (not rel and looks_ahead(ctx, m.start()))
        side = 0 if rel == "this" else 1 if ahead else -1
        period = P.holiday_near(key, ref, side, under_way=not rel)
        which = "the one of the year" if side == 0 else "next one" if ahead else "last one"
        hit.trace.append(f"{which} from reference {ref}")
    if period is None:  # not held that year, or outside the lunar calendar's tables
        hit.note = f"no date of {key} on record" + (f" for {year}" if year else "")
        return hit
    hit.period = period
    if period.granularity != Granularity.DAY:
        hit.kind = MentionKind.PERIOD
    return hit


# "Chinese New Year", "Orthodox Pentecost": a Western holiday's name after the name of
# another calendar is not that holiday.
OTHER_CALENDAR_BEFORE = compile_pattern(rf"\b(?:{'|'.join(sorted(OTHER_CALENDARS))})\s+$", re.I)


def _not_the_holiday(m: re.Match[str], said: dict[str, str], ctx: Context) -> bool:
    """True when the matched name is no holiday here: a common word in lower case ("the
    bank lent") without a year or "last" / "next" (`said`: the rule's and the year's
    groups), or a Western holiday's name on another calendar ("Hindu New Year")."""
    name = group(m, "name")
    dated = any(said.get(g) for g in ("rel", "y", "ys", "yrel", "yn", "yago"))
    if needs_capital(name) and not dated:
        return True
    return holiday_key(name) is not None and bool(
        OTHER_CALENDAR_BEFORE.search(ctx.text, max(0, m.start("name") - 30), m.start("name"))
    )


def _holiday_years_away(said: dict[str, str]) -> int | None:
    """Years from the reference's to the holiday's (`said`: the groups of the year after the
    name): "of next year" +1, "in 3 years" +3, "two years ago" -2; None without such words."""
    if said.get("yrel"):
        return REL_OFFSET[said["yrel"].lower()]
    amount = parse_number(said.get("yn") or said.get("yago") or "")
    if amount is None or amount != int(amount):
        return None
    return -int(amount) if said.get("ydir", "").lower() == "ago" else int(amount)


# Before "Fall 2024" written in lower case: what makes "fall" a season, not a verb.
FALL_BEFORE = compile_pattern(
    r"\b(?:in|of|during|since|by|until|through|early|late|mid)[\s-]+$", re.I
)


def _season(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "this summer", "last winter", "fall 2024": an astronomical season (northern
    hemisphere); a bare "summer" says no year, and "this season" is a sports or TV season
    more often than a part of the year."""
    surface, year, rel = group(m, "s") or group(m, "s2"), group(m, "y"), group(m, "rel").lower()
    name, before = surface.lower(), left(ctx.text, m.start())
    if name == "fall" and (
        (rel and re.search(r"\bthe\s+$", before))  # "the last fall in prices"
        or (not rel and not surface[0].isupper() and not FALL_BEFORE.search(before))
    ):
        return None
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=[f"rule: season ({name})"])
    if year:
        hit.period, hit.explicit_year = P.season_period(name, int(year)), True
        return hit
    hit.relative = True
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a year or a reference date"
        return hit
    hit.period = P.relative_season(name, ctx.reference, REL_OFFSET[rel])
    hit.trace.append(f"'{rel}' against reference {ctx.reference}")
    return hit


def _unit_after_next(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the week after next" (+2), "the year before last" (-2)."""
    unit, sign = group(m, "unit").lower(), 1 if group(m, "dir").lower() == "after" else -1
    hit = Hit(
        m.start(),
        m.end(),
        MentionKind.PERIOD,
        relative=True,
        trace=[f"rule: the {unit} {group(m, 'dir').lower()} {group(m, 'rel').lower()}"],
    )
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    hit.period = P.relative_unit(unit, ctx.reference, 2 * sign)
    return hit


def _iso_week(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "week 10", "week 3 of 2027": ISO weeks, Monday to Sunday."""
    n = int(group(m, "n"))
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: week number"])
    if group(m, "y"):
        year = int(group(m, "y"))
    elif ctx.reference is None:
        hit.relative, hit.note = True, f"'{m.group()}' needs a year or a reference date"
        return hit
    else:
        year = ctx.reference.year + REL_OFFSET.get(group(m, "yrel").lower(), 0)
        hit.relative = True
    if not 1 <= n <= 53:
        return None
    hit.period = P.week_period(date.fromisocalendar(year, n, 1))
    return hit


def _base_period(m: re.Match[str], ctx: Context, hit: Hit) -> Period | None:
    """The month or year an "Nth … of" phrase counts within."""
    if group(m, "m"):
        month = _month_of(group(m, "m"))
        if group(m, "y"):
            return P.month_period(int(group(m, "y")), month)
        if ctx.reference is None:
            return None
        hit.relative = True
        ref = ctx.reference
        ahead = looks_ahead(ctx, m.start())
        year = (
            ref.year
            + (1 if ahead and month < ref.month else 0)
            - (1 if not ahead and month > ref.month else 0)
        )
        return P.month_period(year, month)
    if group(m, "yy"):
        return P.year_period(int(group(m, "yy")))
    if ctx.reference is None:
        return None
    hit.relative = True
    rel = group(m, "rel").lower().split()[-1]
    return P.relative_unit(group(m, "unit").lower(), ctx.reference, REL_OFFSET.get(rel, 0))


def _nth_in(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the first Monday of next month", "the last week of July", "the 15th day of June",
    "the third last week of 2018": the Nth (from the end) weekday, week (starting on a
    Monday), weekend or day within a month or year."""
    hit = Hit(m.start(), m.end(), MentionKind.DATE, trace=["rule: nth of a period"])
    base = _base_period(m, ctx, hit)
    n = day_of(group(m, "ord"))
    if n is None or n == 0 or (group(m, "back") and n < 0):
        return None
    n = -n if group(m, "back") else n
    if base is None or base.start is None or base.end is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    what = group(m, "what").lower().rstrip(".").replace("-", "").replace("wkend", "weekend")
    if what == "month":
        if base.granularity != Granularity.YEAR or not 1 <= abs(n) <= 12:
            return None
        hit.kind = MentionKind.PERIOD
        hit.period = P.month_period(base.start.year, n if n > 0 else 12)
        return hit
    if what == "day":
        day = base.start + timedelta(days=n - 1) if n > 0 else base.end + timedelta(days=n)
    else:  # a week belongs where its Thursday falls (ISO 8601), a weekend its Saturday
        weekday = {"week": 3, "weekend": 5}.get(what) or WEEKDAYS[what]
        first = base.start + timedelta(days=(weekday - base.start.weekday()) % 7)
        last = base.end - timedelta(days=1)
        last -= timedelta(days=(last.weekday() - weekday) % 7)
        day = first + timedelta(weeks=n - 1) if n > 0 else last + timedelta(weeks=n + 1)
    if not base.start <= day < base.end:
        return None
    if what == "week":
        hit.kind, hit.period = MentionKind.PERIOD, P.week_period(day)
        hit.trace.append("weeks belong to the month or year of their Thursday")
    elif what == "weekend":
        hit.kind, hit.period = MentionKind.PERIOD, P.unit_period("weekend", day)
        hit.trace.append("weekends belong to the month of their Saturday")
    else:
        hit.period = Period.day(day)
    return hit


def _first_n_in(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the first ten days of March", "the last 3 weeks of this year": days from the
    period's start (end), or whole Monday-to-Sunday weeks that belong to it (by their
    Thursday, as in "the first week of")."""
    count = parse_number(group(m, "n"))
    if count is None or count != int(count) or not 1 <= count <= 60:
        return None
    n = int(count)
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: first/last N of a period"])
    base = _base_period(m, ctx, hit)
    if base is None or base.start is None or base.end is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    first = group(m, "ord").lower() == "first"
    if group(m, "what").lower().startswith("day"):
        start = base.start if first else base.end - timedelta(days=n)
        hit.period = P.span_period(start, start + timedelta(days=n))
        return hit
    if first:
        monday = base.start + timedelta(days=(3 - base.start.weekday()) % 7 - 3)
    else:
        last = base.end - timedelta(days=1)
        monday = last - timedelta(days=(last.weekday() - 3) % 7 + 3 + 7 * (n - 1))
    hit.period = P.span_period(monday, monday + timedelta(weeks=n))
    hit.trace.append("whole weeks, each belonging where its Thursday falls")
    return hit


def _listed_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """For the "18" of "on 18 and 19 June": a day listed before one that names its month
    takes that month (and, like it, its year from the context pass)."""
    day = day_of(group(m, "d"))
    if day is None:
        return None
    hit = _date_hit(m, ctx, None, _month_of(group(m, "m")), day, None, "day listed before a date")
    if hit is not None:
        hit.end, hit.listed = m.end("d"), True
    return hit


def _day_of_month(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "on the 18th", "the 21st of next month": a day of the reference's month (or the one
    before or after)."""
    day = day_of(group(m, "d"))
    if day is None or not 1 <= day <= 31 or (group(m, "the0") and not group(m, "d")[0].isdigit()):
        return None  # alone, "the second" is seldom a date
    the = "the" if group(m, "the") else "the0" if group(m, "the0") else "d"
    hit = Hit(
        m.start(the),
        m.end(),
        MentionKind.DATE,
        relative=True,
        trace=["rule: day of the month"],
    )
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        hit.follows = None if group(m, "rel") else ("day", day)
        return hit
    ref = ctx.reference
    first = ref.replace(day=1)
    if group(m, "rel"):
        month = P.add_months(first, REL_OFFSET[group(m, "rel").lower().split()[-1]])
    elif looks_ahead(ctx, m.start()):
        month = first if day >= ref.day else P.add_months(first, 1)
    else:
        month = first if day <= ref.day else P.add_months(first, -1)
    if not valid_day(month.year, month.month, day):
        return None
    hit.period = Period.day(month.replace(day=day))
    hit.follows = None if group(m, "rel") else ("day", day)
    return hit


def _duration(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "three years", "a decade", "two-year": a length of time, not a place in time."""
    n = parse_number(group(m, "n"))
    if n is None or n <= 0:
        return None
    if group(m, "n").lower().strip() in ("a", "an") and re.search(
        r"(?:\d|\b(?:once|twice|times|per|billion|million|trillion|thousand)|%)\s*$",
        left(ctx.text, m.start()),
        re.I,
    ):
        return None  # "twice a year", "$5 billion a year" is a rate
    unit = UNITS[group(m, "unit").lower()]
    return Hit(
        m.start(),
        m.end(),
        MentionKind.DURATION,
        duration=(n, unit),
        trace=[f"rule: duration {n} {unit}"],
    )


def _hour(surface: str) -> int | None:
    number = parse_number(surface) if surface else None
    return int(number) if number is not None and number == int(number) else None


def _clock_ok(m: re.Match[str], suffix: str, said: bool = False) -> bool:
    """A number is a time of day only with a clock's marks: "3pm", "15:30", "15h30", "15h",
    "3 o'clock", "3 in the morning", "half past 3", "twelve oh five", "1430 GMT"; a bare "3"
    or "3h" (a duration) is not. Looser forms ("ten thirty", "3 15", "1030") count only when
    `said` as a time: after "at" and the like, or as the whole text."""
    digits = group(m, "hm" + suffix)
    if digits:
        ampm, zone = bool(group(m, "ampm" + suffix)), bool(group(m, "zone" + suffix))
        return _hhmm(digits, ampm, zone, said)
    hour = _hour(group(m, "h" + suffix))
    if hour is None or hour > 24:
        return False
    wmin = _hour(group(m, "wmin" + suffix))
    if wmin is not None and not 10 <= wmin <= 59:
        return False
    if group(m, "ampm" + suffix) or group(m, "part" + suffix) or group(m, "oclock" + suffix):
        return 1 <= hour <= 12
    if group(m, "min" + suffix):
        return group(m, "sep" + suffix) != "." and group(m, "h" + suffix).isdigit()
    if group(m, "ohmin" + suffix):
        return 1 <= hour <= 12
    if wmin is not None:
        return said and 1 <= hour <= 12  # "ten thirty": a count, unless said as a time
    if group(m, "dmin" + suffix):
        return said and group(m, "h" + suffix).isdigit()  # "at 3 15"
    return bool(group(m, "hh" + suffix)) and hour >= 13


def _hhmm(digits: str, ampm: bool, zone: bool, said: bool) -> bool:
    """For "330pm", "1430 GMT", "at 1030": three or four digits as hours and minutes; a year
    from 1500 on stays a year ("at 2015 prices")."""
    hour, minute = int(digits[:-2]), int(digits[-2:])
    if minute > 59 or hour > 23:
        return False
    if ampm:
        return 1 <= hour <= 12
    return zone or (said and int(digits) < 1500)


# Before a time written loosely ("at ten thirty", "at 3 15", "at 1030"): what says it is one.
CLOCK_SAID = compile_pattern(
    r"(?:\b(?:at|around|about|approximately|by|until|till|before|after|from)|@)\s*$", re.I
)


# Before bare digits ("at 1030"): "by 1200" and "from 1030" are more often counts.
AT_CLOCK = compile_pattern(r"(?:\b(?:at|around|about|approximately)|@)\s*$", re.I)


def _said_as_clock(m: re.Match[str], ctx: Context, cue: re.Pattern[str] = CLOCK_SAID) -> bool:
    """After "at" and the like (`cue`), or as the whole text, a loosely written time is one."""
    before = ctx.text[max(0, m.start() - 20) : m.start()]
    return is_whole(m, ctx.text) or cue.search(before) is not None


def is_whole(m: re.Match[str], text: str) -> bool:
    """Whether `m` is all of `text` but white space (found without copying the text)."""
    return blank_before(text, m.start()) and blank_after(text, m.end())


def _clock(m: re.Match[str], ctx: Context) -> Hit | None:
    """A time of day ("3pm", "at 15:30", "noon", "half past three in the afternoon"): it says
    which day only through what it is attached to, else the sentence's day or the reference
    date (the context pass)."""
    past = group(m, "past").lower()
    counted = past and ("half" in past or "quarter" in past or "minute" in m.group().lower())
    said = _said_as_clock(m, ctx, AT_CLOCK if group(m, "hm") else CLOCK_SAID)
    hour = _hour(group(m, "h"))
    if group(m, "half"):  # "half three" is half past three, when said as a time
        ok = said and hour is not None and 1 <= hour <= 12
    else:
        ok = bool(group(m, "noon")) or _clock_ok(m, "", said) or bool(counted and hour)
    if not ok:
        return None  # "half past three" is a time, "two to four" a count
    # midnight to 1am has passed on almost any reference day: ahead, it is the next day's
    midnight = group(m, "noon").lower() == "midnight" or (
        hour == 12 and group(m, "ampm").lower().startswith("a")
    )
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=["rule: time of day"])
    hit.clock, hit.anaphor = True, ("clock", int(midnight), "day")
    return hit


def _weekday_count(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "3 Fridays from now", "two Thursdays ago", "Friday after next": the Nth such day
    after (before) the reference date."""
    weekday = WEEKDAYS[(group(m, "wd") or group(m, "wd2")).lower().rstrip(".")]
    count = parse_number(group(m, "n")) if group(m, "n") else Decimal(2)
    if count is None or count != int(count) or not 1 <= count <= 60:
        return None
    way = 1 if (group(m, "dir") or group(m, "dir2")).split()[0].lower() in AHEAD_WORDS else -1
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=["rule: Nth weekday"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    first = P.nearest_weekday(weekday, ctx.reference - timedelta(days=max(0, -way)), way)
    hit.period = Period.day(first + timedelta(weeks=way * (int(count) - 1)))
    hit.trace.append(f"such day number {int(count)} counted from {ctx.reference}")
    return hit


AHEAD_WORDS = frozenset({"from", "hence", "after"})


def _today(m: re.Match[str], ctx: Context, rule: str) -> Hit:
    """A stretch shorter than a day around the reference ("the next hour", "end of day"): the
    reference day, or the sentence's day (the context pass)."""
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=[rule])
    hit.clock, hit.anaphor = True, ("clock", 0, "day")
    return hit


def _within_day(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the next hour", "end of day", "EOD": within the day."""
    return _today(m, ctx, f"rule: within the day ('{m.group().lower()}')")


def _rest_of(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the rest of the week": from the reference date to the end of its unit."""
    unit = group(m, "unit").lower()
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=["rule: rest of"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    hit.period = P.span_period(ctx.reference, P.unit_period(unit, ctx.reference).end)
    return hit


def _to_present(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "to date", "till the present": up to the reference day, inclusive; a range ends
    there ("from March to date")."""
    hit = Hit(m.start("now"), m.end(), MentionKind.PERIOD, relative=True, trace=["rule: to date"])
    if ctx.reference is None:
        hit.note = f"'{m.group()}' needs a reference date"
        return hit
    hit.period = P.span_period(None, ctx.reference + timedelta(days=1))
    return hit


def _the_unit(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the year", "that week", "the weekend": the unit holding the sentence's day or
    period (the context pass), else the one holding the reference date."""
    unit = (group(m, "unit") or group(m, "unit2")).lower()
    kind = MentionKind.DATE if unit == "day" else MentionKind.PERIOD
    hit = Hit(m.start(), m.end(), kind, relative=True, trace=[f"rule: the {unit}"])
    hit.anaphor = ("the_unit", 0, unit)
    return hit


UNIT_PART_WORDS = {"B": "beginning", "E": "end"}
UNIT_LETTERS = {"W": "week", "M": "month", "Y": "year"}


def _unit_part(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "EOM", "BOY", "end of month": that part of the unit holding the sentence's day or
    period, else the reference date (as "the end of the month")."""
    abbr = group(m, "abbr")
    if abbr:
        word, unit = UNIT_PART_WORDS[abbr[0]], UNIT_LETTERS[abbr[2]]
    else:
        word, unit = group(m, "word").lower(), group(m, "unit").lower()
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, relative=True, trace=[f"rule: {word} of"])
    hit.anaphor, hit.narrow = ("the_unit", 0, unit), word
    return hit


def _day_part(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "in the afternoon", "early morning": a part of a day, dated like a time of day."""
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=["rule: part of a day"])
    hit.clock, hit.anaphor, hit.loose = True, ("clock", 0, "day"), not group(m, "pre")
    return hit


def _clock_range(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "3-4pm", "from 9:30 to 11:00", "between 3:30pm and 6 pm", "later than 9:30 but
    before 11:00": times of one day."""
    if group(m, "and") and not group(m, "between"):
        return None
    marked = any(group(m, k) for k in ("ampm", "ampm2", "part2"))
    if not (marked or {group(m, "sep"), group(m, "sep2")} & {":", "h"}):
        return None  # "2-1" is a score, "9:30-11" a time
    hours = (_hour(group(m, "h")), _hour(group(m, "h2")))
    if any(h is None or h > 24 for h in hours) or (marked and any(h and h > 12 for h in hours)):
        return None
    hit = Hit(m.start(), m.end(), MentionKind.DATE, relative=True, trace=["rule: times of day"])
    hit.clock, hit.anaphor = True, ("clock", 0, "day")
    return hit


def _same_period(m: re.Match[str], ctx: Context) -> Hit | None:
    """For "the same period last year" / "the same quarter in 2023": the sentence's earlier
    period moved to another year."""
    hit = Hit(m.start(), m.end(), MentionKind.PERIOD, trace=["rule: the same period"])
    if group(m, "y"):
        hit.anaphor = ("same_year", int(group(m, "y")), "year")
    else:
        hit.anaphor = ("shift", REL_OFFSET.get(group(m, "yrel").lower(), -1), "year")
    return hit


# Clock times: "3pm", "3:30 p.m.", "15:30", "15h30", "3 o'clock", "noon", "half past three".
AMPM = r"(?:[ap]\.?\s?m\b\.?|[ap]\b(?![.'’]\w))"
# Time zones and "hours" after a 24-hour time: "1430 GMT", "0900 hours".
ZONE = r"(?-i:GMT|UTC|[ECMP][SD]?T|BST|CES?T|JST|HKT|SGT|AES?T)\b|hours\b|hrs\b"
ZONE_NEXT = compile_pattern(rf"\s+(?:{ZONE})", re.I)
DIGIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
DAY_PART = r"(?:in\s+the\s+(?:morning|afternoon|evening|am|pm)|at\s+night|tonight)"


def clock_pattern(suffix: str = "") -> str:
    """One clock time; `suffix` names its groups apart (the second end of a range)."""
    return rf"""
    (?:(?P<hm{suffix}>\d{{3,4}})(?![\d,]|\.\d)                       # 330pm, 1430 GMT
       (?!\s+(?!{AMPM}|{ZONE}|(?:on|at|today|tomorrow|tonight)\b)[a-z])  # not 1030 people
      |(?P<h{suffix}>\d{{1,2}}|{NUMBER_WORD})(?![\d,])(?:ish)?      # 3, ten, 3ish
       (?:(?P<sep{suffix}>[:h]|\.(?=\d\d\s*(?:{AMPM}|[-–]\s*\d{{1,2}}\.\d\d\s*{AMPM})))  # 9.30pm
          (?P<min{suffix}>[0-5]\d)(?::[0-5]\d)?
         |(?P<hh{suffix}>(?<=\d)h)(?![\w-])                           # :30, h30, .30pm, 15h
         |[\s-]+(?:oh|o|zero)[\s-]+(?P<ohmin{suffix}>{alternation(DIGIT_WORDS)})\b  # twelve oh 3
         |[\s-]+(?P<wmin{suffix}>{NUMBER_WORD})(?![\w-])               # ten thirty
         |\s+(?P<dmin{suffix}>[0-5]\d)                                 # at 3 15
          (?=\s*(?:$|[.,;!?)]|{AMPM}|in\s+the|tonight|at\s+night)))?)
    (?:\s*(?P<ampm{suffix}>{AMPM})|\s*(?P<oclock{suffix}>o['’]?\s?clock)
      |\s+(?P<zone{suffix}>{ZONE}))?                              # pm, o'clock, GMT
    (?:\s+(?P<part{suffix}>{DAY_PART}))?                               # in the morning
    """


CLOCK = rf"""
    (?<![\w$€£¥:.,/])
    (?:(?P<past>half|(?:a\s+)?quarter|\d{{1,2}}|{NUMBER_WORD})(?:\s+minutes?)?
       \s+(?:past|after|to|till|before)\s+                           # half past, ten to
      |(?P<half>half)\s+)?                                           # half three
    (?:(?P<noon>noon|midnight|midday|mid\s+day)|{clock_pattern()})
    (?![\w%:/])"""
# A part of a day on its own: "in the afternoon", "early morning", "late in the evening".
DAY_PART_ALONE = r"""
    \b(?P<pre>(?:early|late)\s+(?:in\s+the\s+)?|in\s+the\s+(?:early\s+|late\s+)?)?
    (?:hours\s+of\s+the\s+)?(?:morning|afternoon|evening)\b"""
# What follows a date that carries a time: "5/12 at 3pm", "4/25 @ 16h", "23/12 before 5pm".
CLOCK_NEXT = compile_pattern(
    r"""\s*(?:at|@|before|after|by|from|between)\s*\d{1,2}(?:[:h.]\d\d)?
    (?:\s*(?:-|to|and)\s*\d{1,2}(?:[:h.]\d\d)?)?\s*[ap]\.?m\b      # between 9.30-4.30pm
    |\s*(?:at|@)\s*\d""",
    re.I | re.X,
)
# What follows a month/day that is a date: the other end of a range ("10/1-11/7") or a year.
MD_AFTER = compile_pattern(r"\s*(?:[-–]\s*\d{1,2}/\d{1,2}(?![\d.])|,\s*(?:19|20)\d\d(?!\d))")
CLOCK_RANGE = rf"""
    (?<![\w$€£¥:.,/-])(?:(?P<between>between\s+)|from\s+
      |(?P<later>(?:later|no\s+earlier)\s+than|after)\s+)?              # later than 9:30
    {clock_pattern()}
    (?(later)\s*,?\s*(?:but|and)\s+(?:before|earlier\s+than|no\s+later\s+than)\s+  # but before
      |\s*(?:-|–|to|till|until|through|thru|(?P<and>and))\s*)
    {clock_pattern("2")}
    (?![\w%:/])"""


# Words that bring in a time of day after a date: "on the 17 from 2pm", "the 18th at 3".
CLOCK_INTRO = r"\s+(?:at|from|between|before|after|by|until|till)\s+\d"
# A weekday written next to a date: "Friday 5/12", "Fri, May 12", "this Friday-Jun-15",
# "Friday (June 15)"; after it: "May/22(Tue)".
WEEKDAY_BEFORE = rf"""(?:(?P<wd>{WEEKDAY})(?=[\s,(-])[,\s]*-?\s*(?P<paren>\(\s*)?)?"""
WEEKDAY_AFTER = rf"""(?(paren)\s*\)|(?:\s*\(\s*(?P<wd2>{WEEKDAY})\s*\)
    |\s*,\s*(?P<wd3>{WEEKDAY})(?=\s*(?:$|[.,;)!?])))?)"""  # (Friday) / , Fri
# Decades said aloud: "the nineties" is the 1990s.
DECADE_WORDS = {
    word + "ies": 10 * n for word, n in {"twent": 2, "thirt": 3, "fort": 4, "fift": 5,
                                         "sixt": 6, "sevent": 7, "eight": 8, "ninet": 9}.items()
}  # fmt: skip
# The year a part of a year belongs to: explicit, relative, "the year" of the sentence.
YEAR_REF = rf"""
    (?:\s*[,-]?\s*(?:of\s+|in\s+)?
      (?:(?:the\s+)?(?:fiscal\s+|financial\s+)?(?:year\s+)?(?:FY\s*)?   # of (fiscal) 2024
         (?P<y>{YEAR4}|'\d\d)(?!\d)
      |(?P<yrel>(?:the\s+)?(?:last|this|next|previous|prior|preceding|current|following|
                 same|coming|past)\s+(?:fiscal\s+|financial\s+)?year)   # of last year
      |(?P<theyear>the\s+(?:fiscal\s+|financial\s+)?year)(?!\s+\d)))?   # of the year
"""
PART_OF_YEAR = rf"""
    (?:(?:the\s+)?(?P<fiscal>fiscal\s+|financial\s+)?\bQ(?P<q>[1-4])\b   # Q3, fiscal Q3
      |\bH(?P<h>[12])\b                                               # H1
      |(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+
       (?:(?:fiscal\s+|financial\s+)?(?P<unit>quarter|qtr|half)         # first(-)quarter
         |(?P<nmonths>{NUM})\s+months))                               # first six months
    (?:\s+of)?{YEAR_REF}
"""


# Cues: what every match of a rule holds one of, so that a text holding none skips the rule
# (most texts hold few time words, and the patterns are costly to compile and to scan). A
# cue is a lower-case word, found anywhere in the lower-cased text, or one of the fragments
# in `FRAGMENT_CUES`, found by its own pattern: the rule matches only where it does.
YEAR_CUES = frozenset({"<year>"})
MONTH_CUES = frozenset({"<month>"})
WEEKDAY_CUES = frozenset({"<weekday>"})
NUMERIC_DATE_CUES = frozenset({"<d-m-y>"})
FRAGMENT_CUES = {
    "<year>": compile_pattern(r"(?<!\d)(?:1\d\d\d|20\d\d|2100)(?!\d)"),  # 1000 to 2100 on its own
    "<yyyymmdd>": compile_pattern(r"(?<!\d)(?:19|20)\d{6}(?!\d)"),  # 20240827
    "<d/d>": compile_pattern(r"\d[/-]\d|\w\s\d\d?\.\d|^\d\d?\s*[-/]\s*\d"),  # 5/12, Fri 7.6
    "<decade>": compile_pattern(r"0['’]?\s?s\b", re.I),  # 1990s, '90s
    # what makes digits a time of day: am/pm (also of "9.30pm"), 15:30 / 15h, o'clock, a
    # zone, a part of the day, a word that says it ("at 1030"), a count to the hour ("10 past
    # 3"), or the digits alone (`_clock_ok`, `_said_as_clock`)
    "<clock>": compile_pattern(
        rf"""\d(?:ish)?\s*{AMPM}|\d[:h]|o['’]?\s?clock
        |\d\s+(?:GMT|UTC|[ECMP][SD]?T|BST|CES?T|JST|HKT|SGT|AES?T|hours|hrs)\b
        |\d\s+(?:in\s+the\s|at\s+night|tonight)
        |(?:\b(?:at|around|about|approximately|by|until|till|before|after|from|between|past|to
        |half)|@)\s*\d
        |^\s*(?:\d{{3,4}}|\d{{1,2}}\s+[0-5]\d)\s*$""",
        re.I | re.X,
    ),
    "<clock-intro>": compile_pattern(CLOCK_INTRO, re.I),  # "the 17 at 3pm"
    "<unit>": compile_pattern(rf"[\s-]{UNIT}", re.I),  # "3 years", "2-year"
    "<month>": compile_pattern(MONTH, re.X | re.I),
    "<weekday>": compile_pattern(WEEKDAY, re.X | re.I),
    "<d-m-y>": compile_pattern(r"\d[-/.]\d{1,2}[-/.]\d"),  # two separators: 2024-08-27, 27/08/24
    "<q|h>": compile_pattern(r"(?:Q[1-4]|H[12])\b", re.I),  # Q3, 2024H1
}
SPELLED_YEAR_CUES = frozenset(CENTURY_WORDS) | {"thousand"}
# "twenty-first" is found by its last word
ORDINAL_CUES = frozenset(re.split(r"[\s-]", word)[-1] for word in ORDINALS) - {"last", "final"}
# the hour: digits with a clock's marks, or words
CLOCK_CUES = frozenset({"<clock>"}) | frozenset(SMALL_NUMBERS) | frozenset(TENS)
DAY_WORD_CUES = frozenset(words.split()[-1] for words in DAY_WORDS)
RELATIVE_UNIT_CUES = frozenset(
    {"year", "yr", "yrs", "month", "quarter", "qtr", "week", "wkend", "decade", "fortnight", "day"}
)
RELATIVE_CUES = frozenset(
    {"last", "past", "previous", "prior", "next", "coming", "upcoming", "following"}
)
OFFSET_CUES = frozenset({"ago", "earlier", "later", "before", "after", "prior", "hence", "from"})


def name_cues(name: str, glued: bool = False) -> frozenset[str]:
    """The cues of a holiday's name: its longest run of letters ("patrick" of "St. Patrick's
    Day"), or for names whose words may be written together ("eidulfitr"), its first, as only
    the first is sure to begin a run of letters in the text (and, when that is too short to
    be found inside a run, the first two written together: "al" and "aladha" for "al-Adha")."""
    runs = [run for run in re.findall(r"[^\W\d_]+", name) if run != "st"]
    if not glued:
        return frozenset({max(runs, key=len)})
    if len(runs[0]) < 3 and len(runs) > 1:
        return frozenset({runs[0], runs[0] + runs[1]})
    return frozenset({runs[0]})


# Letters that `re.I` matches with an ASCII letter although `str.lower` does not make them one.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


_LETTER_RUN = compile_pattern(r"[^\W\d_]+")


def cues_in(text: str) -> frozenset[str]:
    """The cues `text` holds, out of every rule's: a word cue counts where a run of letters
    begins with it ("years" and "5years" hold "year"), a cue of one or two letters only where
    it is the whole run ("in" of "in 3 days", not of "into"; "st" of "1st", not of "stock")."""
    folded = text.translate(_ASCII_FOLD).lower()
    found = set()
    for run in set(_LETTER_RUN.findall(folded)):
        if run in WORD_CUES:
            found.add(run)
        for length in _PREFIX_LENGTHS:
            if length >= len(run):
                break
            if run[:length] in WORD_CUES:
                found.add(run[:length])
    found.update(cue for cue, pattern in FRAGMENT_CUES.items() if pattern.search(text))
    return frozenset(found)


class Rule:
    """A pattern and its handler; the pattern compiles on first use (most texts never need
    most rules, and compiling them all costs more than the rest of start-up)."""

    def __init__(self, source: str, handler: Handler, cues: frozenset[str]) -> None:
        self.source, self.handler, self.cues = source, handler, cues

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return compile_pattern(self.source, re.X | re.I)


def _rule(pattern: str, handler: Handler, cues: frozenset[str] | set[str]) -> Rule:
    """A rule runs only where one of its `cues` is, so it needs at least one."""
    if not cues:
        raise ValueError(f"the rule of {handler.__name__} has no cue")
    return Rule(pattern, handler, frozenset(cues))


def _holiday_rule(names: str, cues: frozenset[str]) -> Rule:
    """The holiday rule for the names of the alternation `names`, run where `cues` are; the
    year after a name is read by `_holiday_year`, compiled once for every holiday rule."""
    return _rule(
        rf"""
        (?:(?P<rel>last|next|this|following|previous|coming)\s+)?       # last Easter
        \b(?P<name>{names})(?![\w'’])                                   # Thanksgiving
        """,
        _holiday,
        cues,
    )


def _holiday_rules(
    names: Iterable[str], alternation_of: Callable[[Iterable[str]], str], glued: bool
) -> list[Rule]:
    """A holiday rule for each set of cues, with the names it cues: a text compiles and scans
    only the names it may hold (the patterns of hundreds of names are costly to compile)."""
    by_cues: dict[frozenset[str], list[str]] = {}
    for name in names:
        by_cues.setdefault(name_cues(name, glued), []).append(name)
    return [
        _holiday_rule(alternation_of(group), cues)
        for cues, group in sorted(by_cues.items(), key=lambda item: sorted(item[0]))
    ]


@cache
def _holiday_year() -> re.Pattern[str]:
    """What may follow a holiday's name to say its year (compiled on the first holiday)."""
    return compile_pattern(
        rf"""
        \s+(?:of\s+|in\s+)?(?P<y>{YEAR4})(?!\d)                          # 2013, in 2019
        |\s+(?:of\s+|in\s+)?(?P<ys>{SPELLED_YEAR})                        # two thousand ten
        |\s+(?:of\s+)?(?P<yrel>this|last|next)\s+year\b                  # of next year
        |\s+in\s+(?P<yn>{NUM})\s+years?\b                                 # in 3 years
        |\s+(?P<yago>{NUM})\s+(?:years?|yrs?)\s+(?P<ydir>ago|hence|from\s+now)\b
        """,
        re.X | re.I,
    )


RULES: list[Rule] = [
    _rule(
        rf"""
        (?:(?P<wd>{WEEKDAY})[,\s]+)?                                   # optional weekday
        (?<![\d.])(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})  # 2024-08-27
        (?:T\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?  # ISO time and zone
        (?!\d)""",
        _iso,
        NUMERIC_DATE_CUES,
    ),
    _rule(
        rf"""
        (?:(?P<wd>{WEEKDAY})[,\s]+)?                                   # optional weekday
        (?<![\d/.])(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)  # 27/08/ or 8.27.
        (?P<y>\d{{4}}|\d{{2}})(?![\d/]|\.\d)                                # 2024 or 24
        """,
        _numeric,
        NUMERIC_DATE_CUES,
    ),
    _rule(
        r"""
        (?<![\d/.,$€£¥])(?<![\d/.,]\s)                     # not inside a list of numbers
        (?P<a>\d{1,2})(?P<sep>\s)(?P<b>\d{1,2})\s(?P<y>(?:19|20)\d\d)  # 31 10 1974
        (?![\d%]|[/.,]\d|\s+\d)""",
        _numeric,
        YEAR_CUES,
    ),
    _rule(
        rf"""
        {WEEKDAY_BEFORE}                                               # optional weekday
        (?<![\d/.,$€£¥])(?P<a>3[01]|[12]\d|0?[1-9])
        (?P<sep>/|(?<=\w\s\d)[.-]|(?<=\w\s\d\d)[.-]|(?<=^\d)\s*[-/]\s*|(?<=^\d\d)\s*[-/]\s*)
        (?P<b>3[01]|[12]\d|0?[1-9])                                   # 5/12, Fri 7.6, 2 - 15
        (?![\d/%]|\s*(?:h\b|hours?|of\b|th\b|[ap]\.?m\b|:))
        (?:,\s*(?P<y>{YEAR4})(?!\d))?{WEEKDAY_AFTER}                    # 5/7, 2020""",
        _numeric_md,
        frozenset({"<d/d>"}),
    ),
    _rule(
        rf"""
        {WEEKDAY_BEFORE}(?:the\s+)?                     # optional weekday: "Mon, "
        (?P<d>{DAY_NUM}|{DAY_ORD}|\b{NUMBER_WORD})(?:\s+day)?           # 27 / 27th / twenty-seventh
        (?:\s*(?:of\s+)?|-|/)(?P<m>{MONTH})             # of August / -Aug / Aug
        (?:(?:[\s,/-]+|\s+of\s+|\s*,?\s*in\s+)           # , 2024 / of 2024 / -2024
           (?P<y>{YEAR4}|'\d\d|\d\d(?!\s+[a-z])|{SPELLED_YEAR})(?![\w:]))?{WEEKDAY_AFTER}
        """,
        _day_month,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        {WEEKDAY_BEFORE}                                 # optional weekday
        (?P<m>{MONTH})(?:\s*[/-]\s*|[\s,]*)(?:the\s+)?   # Aug. / August the / May/ / Dec31
        (?P<d>{DAY_NUM}|{DAY_ORD}|{NUMBER_WORD})         # 27 / 27th / the first / twenty
        (?!\s*(?:%|percent|million|billion|thousand|[.,]\d))
        (?:\s+\d\d:\d\d(?::\d\d)?(?=\s+\d{{4}}))?                        # 15:50:06 (ctime)
        (?:(?:\s*,\s*|\s+|-|\s+of\s+|\s*,?\s*in\s+)(?P<y>{YEAR4}|'\d\d|{SPELLED_YEAR})(?![\d:]))?
        {WEEKDAY_AFTER}""",
        _month_day,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?<!\d)(?P<m>{MONTH})(?:[\s,/-]+|\s+of\s+|\s+in\s+)(?P<y>{YEAR4}|'\d\d|{SPELLED_YEAR})(?!\d)
        """,
        _month_year,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?P<m>{MONTH})\s+of\s+(?P<y>'?\d\d)(?![\d%])                    # April of 87
        """,
        _month_year,
        MONTH_CUES,
    ),
    _rule(
        r"""
        (?<![\d.])(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)
        """,
        _iso,
        frozenset({"<yyyymmdd>"}),
    ),  # 20161016
    _rule(
        rf"""
        (?<![\d$])(?P<y>{YEAR4})(?:[ \t-]+|/)(?P<m>{MONTH})(?!\s*\d)  # 2017 april
        """,
        _month_year,
        MONTH_CUES,
    ),
    _rule(
        r"""
        (?<![\d/.$])(?P<y>(?:19|20)\d\d)[/-](?P<mn>0?[1-9]|1[0-2])(?![\d/-])  # 2014/10
        """,
        _month_year,
        YEAR_CUES,
    ),
    _rule(
        r"""
        (?<![\d/.$-])(?P<mn>0?[1-9]|1[0-2])[/-](?P<y>(?:19|20)\d\d)(?![\d/-])  # 10/2014
        """,
        _month_year,
        YEAR_CUES,
    ),
    _rule(
        rf"""
        (?:(?P<rel>last|next|this|coming|previous)\s+)?         # last March
        (?P<m>{MONTH})(?!\s*\d)                                 # March
        (?:\s+(?:of\s+)?(?P<ry>this|last|next)\s+year)?          # March this year
        """,
        _month,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?<![\d$€£¥.,#/-])(?:(?:the\s+)?year\s+(?:of\s+)?)?     # the year 2020
        (?P<y>{YEAR4})(?![\d%]|\.\d|,\d|\s*(?:%|percent|[-/]\d|[ap]\.?m\b))  # not 2024% / 2,024
        """,
        _year_only,
        YEAR_CUES,
    ),
    _rule(
        rf"""
        \b(?:in|since|by|of|until|till|before|after|during|from|to|year)\s+
        (?P<y>{SPELLED_YEAR})                                   # in nineteen ninety six
        """,
        _spelled_year_only,
        SPELLED_YEAR_CUES,
    ),
    _rule(
        rf"""
        (?<![\d$€£¥.,#/-])(?P<y>{YEAR4})\s*(?:-|–|—|~|/)\s*  # 2014-2018, 2023-24
        (?P<y2>{YEAR4}|\d\d)(?![\d%/-])
        """,
        _year_range,
        YEAR_CUES,
    ),
    _rule(
        r"""
        (?<![\w.,])(?:the\s+)?['’]?(?P<dec>1[0-9]\d0|20[0-9]0|[2-9]0)['’]?\s?s\b  # 1990s, '90s
                                                  # (not "A220s", a model's plural)
        """,
        _decade,
        frozenset({"<decade>"}),
    ),
    _rule(
        rf"""
        (?:(?<=\bthe\s)|(?<=\bin\s))(?:nineteen\s+)?     # the nineties
        (?P<word>{alternation(DECADE_WORDS)})\b
        """,
        _decade,
        frozenset(DECADE_WORDS),
    ),
    _rule(
        rf"""
        (?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|{DAY_ORD})\s+century\b  # 21st century
        """,
        _century,
        {"century"},
    ),
    _rule(
        rf"""
        \b(?:(?P<cy>CY|calendar\s+year\s+)|FY|fiscal\s+(?:year\s+)?|financial\s+year\s+)  # FY2025
        \s*(?P<y>{YEAR4}|'?\d\d)(?!\d)
        """,
        _fiscal_year,
        frozenset({"fy", "cy", "fiscal", "financial", "calendar"}),
    ),
    _rule(PART_OF_YEAR, _part_of_year, {"<q|h>", "quarter", "qtr", "half", "month"}),
    _rule(
        rf"""
        (?<![\d$])(?P<y>{YEAR4})\s*-?\s*(?:Q(?P<q>[1-4])|H(?P<h>[12]))\b  # 2024 Q1, 2024H1
        """,
        _part_of_year,
        {"<q|h>"},
    ),
    _rule(
        r"""
        the\s+same\s+(?:period|time|quarter|month|half|months)                # the same period
        (?:\s+(?:of|in)\s+(?P<y>(?:19|20)\d\d)|\s+(?P<yrel>last|a)\s+year)  # in 2023 / last year
        """,
        _same_period,
        {"same"},
    ),
    _rule(
        rf"""
        (?P<the>the\s+)?(?P<rel>last|past|previous|prior|preceding|this|current|next|coming|
                               upcoming|following|same)
        \s+(?:calendar\s+)?
        (?P<unit>year|yr|month|quarter|qtr|week-?end|wkend|week|decade|fortnight|day)\b
        (?!\s*(?:'s|’s)?\s*(?:first|second|third|fourth)\b|\s+of\s|\s+in\s+(?:{MONTH}|{YEAR4}))""",
        _relative_unit,
        RELATIVE_UNIT_CUES,
    ),
    _rule(
        rf"""
        (?:the\s+)?(?P<rel>last|past|previous|prior|next|coming|upcoming|following)\s+
        (?P<n>{NUM}|few)\s+(?P<unit>{UNIT})                            # the past two years
        """,
        _relative_n,
        RELATIVE_CUES,
    ),
    _rule(
        rf"""
        (?P<n>{NUM})\s+(?P<rel>past|previous|next|coming|upcoming)\s+(?P<unit>{UNIT})  # 2 next days
        """,
        _relative_n,
        {"past", "previous", "next", "coming", "upcoming"},
    ),
    _rule(
        r"""
        (?:the\s+)?(?P<rel>coming|upcoming|next|following|past|last|recent|previous)\s+
        (?P<unit>years|months|weeks|quarters|decades)\b                  # the coming months
        """,
        _vague_span,
        {"years", "months", "weeks", "quarters", "decades"},
    ),
    _rule(
        rf"""
        \bwithin\s+(?:the\s+)?(?:next\s+)?(?P<n>{NUM})(?:\s+|(?<=\d))  # within 9 months, 2h
        (?P<unit>{UNIT})
        """,
        _within,
        {"within"},
    ),
    _rule(
        rf"""
        (?P<rel>next|coming|following|last|past|previous|prior)\s+  # the next 4 business days
        (?P<n>{NUM})\s+(?:(?:business|working|work)[\s-]?days|weekdays)\b""",
        _business_days,
        {"business", "work", "weekday"},
    ),
    _rule(
        r"""
        (?P<rel>this|current|next|coming|following|last|previous)\s+  # next workweek
        (?:work(?:ing)?|business)[\s-]?week\b""",
        _work_week,
        {"business", "work"},
    ),
    _rule(
        rf"""
        (?P<n>{NUM})[\s-]+(?P<unit>{UNIT})\s+                          # three years ago
        (?P<dir>ago|earlier|later|before|after|prior|from\s+now|from\s+today|hence|from)\b
        """,
        _offset,
        OFFSET_CUES,
    ),
    _rule(
        rf"""
        \bin\s+(?:(?:about|around|approximately|roughly|just)\s+)?      # in about
        (?P<n>{LOOSE_AMOUNT})(?:\s+more)?\s*(?P<unit>{UNIT})          # 2 weeks, 3/4h
        (?!\s+(?:ago|earlier|later|before|after|time)\b)""",
        _offset,
        {"in"},
    ),
    _rule(  # today, yesterday; not "the last night of the tour" (that one is not R's)
        rf"""(?<!\bthe\s)\b(?:{alternation(DAY_WORDS)})\b""", _day_word, DAY_WORD_CUES
    ),
    _rule(CLOCK, _clock, CLOCK_CUES | {"noon", "mid"}),  # 3pm, 15:30, half past three
    _rule(CLOCK_RANGE, _clock_range, CLOCK_CUES),  # 3-4pm, from 9:30 to 11:00
    _rule(
        DAY_PART_ALONE, _day_part, {"morning", "afternoon", "evening"}
    ),  # in the afternoon, early morning
    _rule(
        rf"""(?P<n>{NUM})\s+(?P<wd>{alternation([w for w in WEEKDAYS if len(w) > 5])})s
        \s+(?P<dir>from\s+now|from\s+today|hence|ago|back|before\s+now)\b  # 3 Fridays from now
        |(?P<wd2>{WEEKDAY})\s+(?P<dir2>after\s+next|before\s+last)\b""",  # Friday after next
        _weekday_count,
        WEEKDAY_CUES | {w for w in WEEKDAYS if len(w) > 5},  # "Fridays" is no <weekday>
    ),
    _rule(
        r"""\b(?:(?:the\s+)?(?:next|past|last|coming|previous)\s+hour          # the next hour
        |(?:the\s+)?(?:EOD|COB|end\s+of\s+(?:the\s+)?(?:business\s+)?day)    # end of day
        |close\s+of\s+business)\b""",
        _within_day,
        {"hour", "eod", "cob", "end", "close"},
    ),
    _rule(
        r"""(?-i:\b(?P<abbr>[BE]O[WMY])\b)                               # EOM, BOY
        |\b(?P<word>beginning|start|middle|end)\s+of\s+(?P<unit>week|month|year)\b(?!\s*\d)
        """,  # end of month (with "the": "the month" and its prefix)
        _unit_part,
        {"eow", "eom", "eoy", "bow", "bom", "boy", "beginning", "start", "middle", "end"},
    ),
    _rule(
        r"""(?:the\s+)?(?:rest|remainder|remaining)\s+of\s+(?:the|this)\s+  # rest of the week
        (?P<unit>week|month|year)\b""",
        _rest_of,
        {"rest", "remain"},
    ),
    _rule(
        r"""(?<!\bup\s)(?<!\bequals\s)(?<!\bequal\s)\b(?:to|till|until)\s+  # to date
        (?P<now>date|current\s+date|the\s+present(?:\s+day)?)\b(?![-\s]*\d|-)""",
        _to_present,
        {"date", "present"},
    ),
    _rule(
        r"""(?<!early\sin\s)(?<!late\sin\s)
        \b(?:(?:the|that)\s+(?P<unit>year|month|week|weekend|day)\b  # the year, that week
           |all\s+(?P<unit2>week|weekend|month)\b(?!-))             # all week
        (?!\s*(?:of\b|\d|[-–]|to\s+date|'s|’s)
           |\s+(?:beginning|starting|commencing|ending|from)\b)""",
        _the_unit,
        {"year", "month", "week", "day"},
    ),
    _rule(
        r"""
        \b(?:so\s+far\s+this\s+(?P<unit>year|month|quarter|week)   # so far this year
        |(?:the\s+)?(?:year|month|quarter)[\s-]+to[\s-]+date       # year to date
        |YTD)\b""",
        _to_date,
        {"far", "date", "ytd"},
    ),
    _rule(
        rf"""
        (?:(?P<wrel0>last|next|this|previous)\s+week(?:['’]s)?[\s,-]*(?:on\s+)?)?  # next week's
        (?:(?P<rel>last|next|this\s+coming|this\s+upcoming|this\s+past|this|coming|upcoming|
                   previous|past|following)\s+)?
        (?P<wd>{WEEKDAY})(?!\s+\d{{1,2}}[/.]\d)                      # not "Friday 5/12"
        (?:\s+(?:morning|afternoon|evening|night))?
        (?:\s+(?:of\s+|from\s+)?                                   # Friday of next week
           (?P<wrel>last|next|this|the\s+following|the\s+previous)\s+week)?
        """,
        _weekday,
        WEEKDAY_CUES,
    ),
    _rule(
        rf"""
        (?P<y>{YEAR4})[-/](?P<m>{MONTH})[-/](?P<d>{DAY_NUM})           # 2019-aug-01
        """,
        _month_day,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?P<m>{MONTH})[-/](?P<y>{YEAR4})[-/](?P<d>{DAY_NUM})           # September-2020-23
        """,
        _month_day,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?P<wd>{WEEKDAY})[,\s]+(?:the\s+)?(?P<d>{DAY_NUM}|{DAY_ORD})   # Sunday the 31st
        (?!\s*(?:of\s+)?{MONTH}|\s*(?:[ap]\.?m\b|:|h\d|h\b|[-./]\s*\d|\s*o['’]?clock))""",
        _weekday_day,
        WEEKDAY_CUES,
    ),
    _rule(
        r"""
        the\s+day\s+(?P<dir>before|after)(?!\s+(?:yesterday|tomorrow))  # the day before
        """,
        _day_before_after,
        {"day"},
    ),
    _rule(
        rf"""
        (?P<m>{MONTH})\s*(?P<d>{DAY_NUM}|{DAY_ORD})\s*            # July 13-15
        (?:-|–|to|thru|through|till|until)\s*(?:the\s+)?(?P<d2>{DAY_NUM}|{DAY_ORD})
        (?!\s*(?:of\s+)?{MONTH})(?:\s*,?\s*(?P<y>{YEAR4}))?(?!\d|:\d)""",
        _day_range,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?:(?P<between>between\s+)|from\s+)?(?:the\s+)?(?P<d>{DAY_NUM}|{DAY_ORD})\s*  # 13 to 15
        (?:-|–|to|thru|through|till|until|(?(between)and))\s*(?:the\s+)?(?P<d2>{DAY_NUM}|{DAY_ORD})
        \s+(?:of\s+)?(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR4}))?(?!\d|:\d)""",
        _day_range,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?:(?P<rel>this|current|last|past|previous|next|coming|upcoming)\s+  # last summer
           (?P<s>spring|summer|autumn|fall|winter)\b
        |(?P<s2>spring|summer|autumn|fall|winter)(?:\s+of)?\s+(?P<y>{YEAR4})(?!\d))  # fall 2024
        """,
        _season,
        {"spring", "summer", "autumn", "fall", "winter"},
    ),
    _rule(
        r"""
        the\s+(?P<unit>week|month|year)\s+(?P<dir>after|before)\s+(?P<rel>next|last)\b
        """,
        _unit_after_next,
        {"next", "last"},
    ),  # the week after next
    _rule(
        rf"""
        \b(?:the\s+)?week\s+(?P<n>\d{{1,2}})(?!\d)                       # week 10
        (?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year))?""",
        _iso_week,
        {"week"},
    ),
    _rule(
        rf"""
        (?:the\s+)?(?P<ord>{DAY_ORD}|last|final|\d{{1,2}}(?:st|nd|rd|th))\s+  # the first
        (?:(?P<back>(?:to[\s-]+)?last)\s+)?                              # third (to) last
        (?P<what>week-?end|wkend|week|day|month|{WEEKDAY})             # Monday (evening)
        (?:\s+(?:morning|afternoon|evening|night))?\s+(?:of|in)\s+(?:the\s+)?  # of
        (?:(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR4}))?|(?P<yy>{YEAR4})      # July (2016) / 2016
        |(?P<rel>this|next|last|current|following|previous|the\s+following|the)\s+
         (?P<unit>month|year))(?![\w])""",
        _nth_in,
        WEEKDAY_CUES | {"week", "wkend", "day", "month"},
    ),
    _rule(
        rf"""
        (?:the\s+)?(?P<ord>first|last|final)\s+(?P<n>{NUM})\s+  # the first 10 days
        (?P<what>days|weeks)\s+
        (?:of|in)\s+(?:the\s+)?
        (?:(?P<m>{MONTH})(?:\s*,?\s*(?P<y>{YEAR4}))?|(?P<yy>{YEAR4})    # of March (2016) / 2016
        |(?P<rel>this|next|last|current|following|previous)\s+(?P<unit>month|year))(?![\w])""",
        _first_n_in,
        {"days", "weeks"},
    ),
    _rule(
        rf"""
        (?<![\w$€£¥.,/-])(?P<d>{DAY_NUM})\s*(?:,|and|&|or)\s*          # 18 and 19 June
        (?=(?:{DAY_NUM}\s*(?:,|and|&|or)\s*)*{DAY_NUM}\s+(?:of\s+)?(?P<m>{MONTH}))""",
        _listed_day,
        MONTH_CUES,
    ),
    _rule(
        rf"""
        (?:\b(?:on|by|until|till|since|from|around|before|after|to|through|  # on the 18th
               week\s+of)\s+                                                # week of the 18th
           (?:(?P<the>the)\s+)?                                           # on 18th
        |^\s*(?P<the0>the)\s+)                                           # "the 1st" alone
        (?P<d>\d{{1,2}}(?:st|nd|rd|th)|{DAY_ORD}
           |(?<=the\s)\d{{1,2}}(?={CLOCK_INTRO}))                           # on the 17 at 3pm
        (?!\s+(?:of\s+)?{MONTH}|(?!{CLOCK_INTRO})\s*\w)
        (?:\s+(?:of\s+)?(?P<rel>this|next|last|the\s+following)\s+month)?""",
        _day_of_month,
        {"st", "nd", "rd", "th", "<clock-intro>"} | ORDINAL_CUES,
    ),
    _rule(
        rf"""
        (?:(?P<the>the)\s+)?(?P<d>\d{{1,2}}(?:st|nd|rd|th)?|{DAY_ORD})\s+  # the 21st of next month
        (?(the)(?:of\s+)?|of\s+)(?:the\s+)?
        (?P<rel>this|next|last|following|current|previous)\s+month""",
        _day_of_month,
        {"month"},
    ),
    *_holiday_rules(P.HOLIDAYS, holiday_names, glued=False),
    # lunar holidays, a rule per calendar: a text compiles and scans those whose cues it holds
    *_holiday_rules([name for names in NAME_GROUPS for name in names], names_pattern, glued=True),
    _rule(
        rf"""
        (?P<n>{NUM})[\s-]+(?P<unit>{UNIT})                            # three years, 2-year
        """,
        _duration,
        {"<unit>"},
    ),
]
WORD_CUES = frozenset[str]().union(*(rule.cues for rule in RULES)) - FRAGMENT_CUES.keys()
_PREFIX_LENGTHS = sorted({len(cue) for cue in WORD_CUES if len(cue) > 2})


def _index_by_cue(rules: list[Rule]) -> dict[str, frozenset[int]]:
    """Each cue → the indices of the rules it cues (one pass over the rules)."""
    found: dict[str, set[int]] = {}
    for index, rule in enumerate(rules):
        for cue in rule.cues:
            found.setdefault(cue, set()).add(index)
    return {cue: frozenset(indices) for cue, indices in found.items()}


_RULES_BY_CUE = _index_by_cue(RULES)


def rules_for(text: str) -> list[tuple[int, Rule]]:
    """The rules that may match in `text` (one of their cues is there), each with its index
    in `RULES`, in that order."""
    indices = frozenset[int]().union(*(_RULES_BY_CUE[cue] for cue in cues_in(text)))
    return [(i, RULES[i]) for i in sorted(indices)]


# Sentence ends: ". " before a capital or a line break (not "3.22", not "U.S. and").
SENTENCE_END = compile_pattern(r"[.!?](?=(?P<ahead>\s+[A-Z\"“(]))|\n")
# Words that put a sentence in the future: its year-less dates are the next ones, not the last.
FUTURE_CUE = compile_pattern(
    r"""
    \b(?:will|shall|going\s+to|gonna|plans?\s+to|scheduled|expected\s+to|set\s+to|
       upcoming|this\s+coming|let'?s|remind|book|schedule|meet|available|can\s+you|could\s+you|
       please)\b
    |['’]ll\b""",
    re.X | re.I,
)
# Words that put a sentence in the past: with `prefer="future"` its dates stay the last ones.
PAST_CUE = compile_pattern(
    r"""
    \b(?:was|were|had|did|happened|ago|yesterday|said|went|came|left|died|born|visited|
       already|previously|earlier|                   # and pasts that are no participle:
       ate|drank|saw|took|gave|began|fell|rose|grew|knew|wrote|spoke|ran|became|chose|flew|
       forgot|hid|rode|sang|threw|woke|wore)\b""",
    re.X | re.I,
)


class SentenceStarts:
    """The ends of a text's sentences (`SENTENCE_END`), found once, so that the start of the
    sentence around a position is a bisect rather than a search of all the text before it."""

    def __init__(self, text: str) -> None:
        self._at: list[int] = []
        self._reach: list[int] = []  # how far the end's look-ahead reads: it sees no further
        for m in SENTENCE_END.finditer(text):
            self._at.append(m.start())
            self._reach.append(m.end("ahead") if m["ahead"] else m.end())

    def start(self, pos: int) -> int:
        """Where the sentence around `pos` starts: after the last end found in the text
        before `pos` (one whose look-ahead would run past `pos` does not count)."""
        index = bisect_left(self._at, pos) - 1
        while index >= 0 and self._reach[index] > pos:
            index -= 1
        return self._at[index] + 1 if index >= 0 else 0


def sentence_at(ctx: Context, pos: int) -> str:
    """The sentence around `pos` (ends as in `SENTENCE_END`)."""
    end = SENTENCE_END.search(ctx.text, pos)
    return ctx.text[ctx.sentence_starts.start(pos) : end.end() if end else len(ctx.text)]


def looks_ahead(ctx: Context, pos: int) -> bool:
    """True when the date at `pos` is the next one rather than the last: its sentence speaks
    of the future ("will", "let's meet"), or it gives no tense cue and `ctx.prefer` is
    "future"."""
    sentence = sentence_at(ctx, pos)
    if FUTURE_CUE.search(sentence) is not None:
        return True
    return ctx.prefer == "future" and PAST_CUE.search(sentence) is None


def is_time(hit: Hit) -> bool:
    return hit.kind in (MentionKind.DATE, MentionKind.PERIOD)


def resolve_pending(hit: Hit, year: int, why: str) -> None:
    assert hit.pending is not None
    month, day, _ = hit.pending
    hit.pending = None
    hit.trace.append(why)
    if hit.part is not None:
        hit.period = part_period(hit.part[0], hit.part[1], year, None)
    elif day is None:
        hit.period = P.month_period(year, month)
    elif hit.last_day is not None and valid_day(year, month, max(day, hit.last_day)):
        hit.period = P.span_period(
            date(year, month, day), date(year, month, hit.last_day) + timedelta(days=1)
        )
    elif valid_day(year, month, day):
        hit.period = Period.day(date(year, month, day))
    else:
        hit.note = f"{year}-{month:02d}-{day:02d} is not a date"


def weekday_fits(month: int, day: int, weekday: int, year: int) -> bool:
    return valid_day(year, month, day) and date(year, month, day).weekday() == weekday


def surface_of(hit: Hit, ctx: Context) -> str:
    return ctx.text[hit.start : hit.end]

"""Dates, periods and durations in running text, resolved against a reference date.

`find_times(text, reference)` returns DATE mentions (one day), PERIOD mentions (months,
quarters, halves, years, decades, spans and open periods) and DURATION mentions ("three
years": a length of time, not a place in time). Relative expressions ("last year", "the past
decade", "February 20") are resolved against `reference`, the publication date; without one
they stay in the output with `period=None` and a note saying why, so a report can show why a
figure could not be compared.

How it works, in three passes:

1. *Rules*: compiled `re.VERBOSE` patterns, each with a handler that turns a match into a
   candidate (`time_rules.Hit`); a rule runs only on texts holding one of its cues (a digit,
   a month name, "quarter", …), and compiles on first use. Overlapping candidates are
   settled longest first.
2. *Combination*: a time of day joins the day next to it ("tomorrow at 5pm"); "from X to
   Y" / "X-Y" / "between X and Y" become one span; "since X",
   "before X", "by X", "X or later" become open periods; "early/mid/late X" narrow X.
3. *Context*: year-less dates take their year from the sentence ("in 2023 … on March 5") or a
   year heading above them, else from the reference date (the nearest past date: news
   reports what already happened; the next one when the sentence speaks of the future, or
   when it has no tense and `prefer="future"`), else
   from an earlier year in the paragraph; "the year" / "the previous year" / "a year
   earlier" / "the same period in 2023" are read against the nearest earlier period of the
   sentence; the second end of a range follows the first.

Every mention's `trace` lists these steps; `docs/time.md` states the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, TypeGuard

from factcheck.extract.time_rules import (
    SENTENCE_END,
    Context,
    Hit,
    Prefer,
    Rule,
    is_time,
    looks_ahead,
    part_period,
    resolve_pending,
    rules_for,
    set_part,
    surface_of,
    weekday_fits,
)
from factcheck.normalize import periods as P
from factcheck.values import (
    Amount,
    Duration,
    Granularity,
    Mention,
    MentionKind,
    Period,
    PeriodValue,
    Span,
)

if TYPE_CHECKING:
    from factcheck.reference.fiscal import FiscalCalendar

from factcheck.extract.time_words import (
    CALENDAR_UNITS,
    DAY_ORD,
    NUM,
    REL_OFFSET,
    WEEKDAY,
    WEEKDAYS,
    YEAR4,
    day_of,
    holiday_key,
    parse_number,
    valid_day,
)
from factcheck.regex_cache import compile_pattern
from factcheck.text import Breaks, TakenSpans, line_breaks, search_before

__all__ = ["find_times"]


def _date_order(text: str) -> bool | None:
    """True when a numeric date in `text` can only be day first (31/12/2024), False when only
    month first (12/31/2024), None when none shows it (or they disagree)."""
    orders = {
        int(m["a"]) > 12
        for m in NUMERIC_DATE.finditer(text)
        if (int(m["a"]) > 12) != (int(m["b"]) > 12)
    }
    return orders.pop() if len(orders) == 1 else None


# Between the two ends of a range: "2014-2018", "May 5 to July 10", "between X and Y".
RANGE_JOIN = compile_pattern(r"^\s*(?:-|–|—|~|to|through|thru|till|until|and)\s*(?:the\s+)?$", re.I)
RANGE_OPEN = compile_pattern(r"(?:\b(?P<word>from|between)\s+(?:the\s+)?)$", re.I)
# Open periods: "since 2023", "by 2025", "before March".
OPEN_PREFIX = compile_pattern(
    r"""
    \b(?P<word>since|before|after|by|until|till|through|thru|prior\s+to|no\s+later\s+than|
       later\s+than|earlier\s+than|as\s+early\s+as|as\s+late\s+as|starting|beginning)
    \s+(?:on\s+|in\s+|from\s+)?(?:the\s+)?$""",
    re.X | re.I,
)
OPEN_SUFFIX = compile_pattern(
    r"\s+(?P<word>or\s+later|and\s+later|and\s+after|or\s+after|onwards?|"
    r"or\s+earlier|and\s+earlier|or\s+before|and\s+before)\b"
    r"(?=\s*(?:$|[.,;:!?)]))",
    re.I,
)
LATER_PREFIX = compile_pattern(r"\b(?P<word>earlier|later)\s+(?:in\s+)?$", re.I)
# "next 6 April", "this 5/12": which side of the reference a year-less day is on.
LEAN_PREFIX = compile_pattern(
    r"\b(?P<word>next|this|last|this\s+coming|coming)\s+(?:the\s+)?$", re.I
)
# Numeric dates whose order a part above 12 shows: 31/12/2024, 12/31/24.
NUMERIC_DATE = compile_pattern(
    r"(?<![\d/.])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?:\d{4}|\d{2})(?!\d)"
)
# "the closest Monday to Oct 5", "the second nearest Friday to it": that weekday, counted by
# its distance from the day; "the third Tuesday after Christmas", "the Monday before it".
WEEKDAY_FROM = compile_pattern(
    rf"""\b(?:the\s+)?(?:(?P<n>{DAY_ORD}|\d(?:st|nd|rd|th))\s+)?
    (?:(?P<closest>closest|nearest)\s+(?P<wd>{WEEKDAY})\s+to
      |(?P<wd2>{WEEKDAY})\s+(?P<dir>after|following|before))\s+(?:the\s+)?$""",
    re.I | re.X,
)
# "the week of April 10th", "w/c Feb 4": the Monday-to-Sunday week holding that day;
# "a week starting tomorrow": seven days from that day.
WEEK_OF = compile_pattern(
    r"""(?:\b(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on|\s+from)?|commencing)
        |\bw/c)\s+(?:the\s+)?$""",
    re.I | re.X,
)
# "a week starting tomorrow", "3 days starting from next Monday", "two weeks, from 20 May":
# that many units from that day.
STRETCH_FROM = compile_pattern(
    rf"""\b(?P<n>{NUM})[\s-]+(?P<unit>day|week|month|year)s?\s*,?\s+
    (?:starting|beginning|from)(?:\s+on|\s+from)?\s+(?:the\s+)?$""",
    re.I | re.X,
)
# "18 December for 10 days": that many units from that day.
STRETCH_FOR = compile_pattern(
    rf"\s*,?\s*for\s+(?:the\s+next\s+)?(?P<n>{NUM})[\s-]+(?P<unit>day|week|month|year)s?\b",
    re.I,
)
# "early 2024", "the end of March", "mid-November": a third of the period.
PART_PREFIX = compile_pattern(
    r"""
    (?:\b(?P<word>early|mid|late|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|
       start\s+of|the\s+middle\s+of|middle\s+of|the\s+end\s+of|end\s+of)[\s-]*(?:the\s+)?)$
    """,
    re.X | re.I,
)


def _candidates(ctx: Context, rules: list[tuple[int, Rule]]) -> list[Hit]:
    """Every rule's hits, settled longest first (then leftmost) into non-overlapping ones."""
    found: list[tuple[int, int, int, Hit]] = []
    for index, rule in rules:
        for m in rule.pattern.finditer(ctx.text):
            if m.end() == m.start():
                continue
            try:
                hit = rule.handler(m, ctx)
            except (ValueError, OverflowError):  # a calendar bound out of range: not a date
                hit = None
            if hit is not None:
                found.append((-hit.length, hit.start, index, hit))
    chosen: list[Hit] = []
    taken = TakenSpans()
    for _, _, _, hit in sorted(found, key=lambda f: f[:3]):
        if taken.free(hit.start, hit.end):
            chosen.append(hit)
            taken.add(hit.start, hit.end)
    return sorted(chosen, key=lambda h: h.start)


def _range_pairs(hits: list[Hit], text: str) -> list[tuple[int, int, int]]:
    """Index pairs (and the range's start offset) of hits joined into one range."""
    pairs: list[tuple[int, int, int]] = []
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        if not (is_time(a) and is_time(b)) or (pairs and pairs[-1][1] == i):
            continue
        if (a.clock or b.clock) and MentionKind.PERIOD in (a.kind, b.kind):
            continue  # "3pm - this week": a time of day does not start or end a week
        join = RANGE_JOIN.match(text[a.end : b.start])
        opener = search_before(RANGE_OPEN, text, a.start)
        if join is None or (
            join.group().strip().lower().startswith("and")
            and (opener is None or opener["word"].lower() != "between")
        ):
            continue
        pairs.append((i, i + 1, opener.start() if opener else a.start))
    return pairs


def _borrow_year(a: Hit, b: Hit) -> None:
    """For "Nov-Feb 2017", "May 5 - July 10, 2011": the first end takes the second's year (a
    year earlier when it would otherwise come after it)."""
    if a.pending is None or a.part is not None or not b.explicit_year or b.period is None:
        return
    assert b.period.start is not None
    month, day, _ = a.pending
    year = b.period.start.year
    if (month, day or 1) > (b.period.start.month, b.period.start.day):
        year -= 1
    resolve_pending(a, year, f"year {year} from the range's other end")


def _start_in(hit: Hit, year: int) -> date | None:
    """Where a year-less date, month or part of a year starts in `year` (None: not a date
    that year, as 29 February in most years)."""
    assert hit.pending is not None
    month, day, _ = hit.pending
    if hit.part is not None:
        return part_period(hit.part[0], hit.part[1], year, None).start
    if day is None:
        return date(year, month, 1)
    return date(year, month, day) if valid_day(year, month, day) else None


def _year_on_side(hit: Hit, bound: date, ahead: bool) -> int:
    """The year that puts a year-less date (month, part of a year) nearest on or before
    `bound` (news reports what already happened) or, `ahead`, on or after it; a leap day
    looks as far as the nearest leap year. Ahead, a quarter or half still under way is the
    one meant ("Q4 guidance" given in October is for this Q4)."""
    step = 1 if ahead else -1
    for year in range(bound.year - step, bound.year + 9 * step, step):
        start = _start_in(hit, year)
        if start is None:
            continue
        if ahead and hit.part is not None:
            end = part_period(hit.part[0], hit.part[1], year, None).end
            if end is not None and end > bound:
                return year
        elif start >= bound if ahead else start <= bound:
            return year
    return bound.year


def _resolve_context(hits: list[Hit], ctx: Context, range_starts: dict[int, Hit]) -> None:
    """Year-less dates and anaphora ("the previous year"), read in order of position; the
    second end of a range (`range_starts`: its index → the first end) follows the first."""
    ends = Breaks([m.end() for m in SENTENCE_END.finditer(ctx.text)])
    lines = line_breaks(ctx.text)
    range_ends = {id(first): hits[i] for i, first in range_starts.items()}
    text_year: _TextYear | None = None
    text_month: Hit | None = None  # the last month or day: it dates a bare "the 21st" (no R)
    anchor: Hit | None = None
    sentence = paragraph = -1
    for index, hit in enumerate(hits):
        current = ends.count_before(hit.start)
        if current != sentence:
            sentence, anchor = current, None
        if lines.count_before(hit.start) != paragraph:
            paragraph = lines.count_before(hit.start)
            text_year = text_year if text_year is not None and text_year.heading else None
        if not is_time(hit):
            continue
        if hit.period is None and hit.follows and hit.follows[0] == "day" and text_month:
            _day_in_month(hit, text_month)
        surface = ctx.text[hit.start : hit.end]
        first = range_starts.get(index)
        if hit.pending and hit.lean is None and first and _follow_range_start(hit, first):
            pass
        elif hit.pending is not None:
            _resolve_year_less(hit, ctx, anchor, text_year, range_ends.get(id(hit)))
        elif hit.anaphor is not None:
            _resolve_anaphor(hit, ctx, anchor)
        reported = REPORTED_YEAR_AFTER.match(ctx.text, hit.end)
        if hit.explicit_year and hit.period is not None and hit.period.start is not None:
            line_start = ctx.text.rfind("\n", 0, hit.start) + 1
            line_end = ctx.text.find("\n", hit.end) % (len(ctx.text) + 1)
            heading = ctx.text[line_start:line_end].strip(" \t\r.:") == surface
            if not reported or heading:
                text_year = _TextYear(hit.period.start.year, surface, heading)
        if hit.period and hit.period.granularity in (Granularity.MONTH, Granularity.DAY):
            text_month = hit
        base = BASE_BEFORE.search(ctx.text, max(0, hit.start - 30), hit.start)
        if not reported and not base:
            anchor = hit  # "results for the 2024 financial year on 26 February": no anchor;
            # nor "up 31.6% from 2024 … In Q4": a comparison's base is not the text's year


def _day_in_month(hit: Hit, month: Hit) -> None:
    """Without a reference date, a bare day of the month ("Friday, 21", "on the 21st") is in
    the month of the last month or day written before it."""
    assert hit.follows is not None and month.period is not None and month.period.start
    start, day = month.period.start, hit.follows[1]
    if valid_day(start.year, start.month, day):
        hit.period, hit.note = Period.day(start.replace(day=day)), None
        hit.trace.append(f"the month of '{month.period.describe()}' written before it")


def _follow_range_start(hit: Hit, first: Hit) -> bool:
    """The year-less end of "from 10/1 to 11/7": the first end's year, or the one after when
    it would otherwise end before it starts."""
    assert hit.pending is not None
    if first.period is None or first.period.start is None:
        return False
    start = first.period.start
    month, day, _ = hit.pending
    if hit.part is not None:
        own = part_period(hit.part[0], hit.part[1], start.year, None).start
        year = start.year + (1 if own is not None and own < start else 0)
    else:
        year = start.year + (1 if (month, day or 31) < (start.month, start.day) else 0)
    resolve_pending(hit, year, f"year {year}: the range starts {start}")
    return True


@dataclass(frozen=True)
class _TextYear:
    """The last year written in the text: it dates year-less dates below it in the same
    paragraph (only without a reference date), or under it when it is a heading line."""

    year: int
    surface: str
    heading: bool


# After a year that is what a report covers, not when it came out: "the 2024 financial year",
# "2024 fiscal year", "2024 results" — dates beside it are the report's own.
REPORTED_YEAR_AFTER = compile_pattern(
    r"\s+(?:financial|fiscal|business|tax)\s+year|\s+(?:annual\s+)?(?:results|earnings|accounts)",
    re.I,
)
# Before a year that is a comparison's base: "up 31.6% from 2024", "higher than in 2023".
BASE_BEFORE = compile_pattern(
    r"\b(?:from|than|compared\s+(?:to|with)|versus|vs\.?|over|since)\s+(?:in\s+|the\s+)?\Z",
    re.I,
)
# After a date that recurs: "on 19 June every year" is not in the year written before it.
EVERY_YEAR = compile_pattern(r"\s*,?\s*(?:(?:every|each)\s+year|annually|yearly)\b", re.I)


def _resolve_year_less(
    hit: Hit, ctx: Context, anchor: Hit | None, text_year: _TextYear | None, last: Hit | None
) -> None:
    """`last` is the range's other end when `hit` starts a range."""
    assert hit.pending is not None
    hit.relative = True
    if hit.lean is not None and ctx.reference is not None:
        _resolve_leaning(hit, ctx.reference)
    elif (
        anchor is not None
        and anchor.explicit_year
        and anchor.period
        and anchor.period.start
        and not EVERY_YEAR.match(ctx.text, hit.end)
    ):
        year = anchor.period.start.year
        resolve_pending(hit, year, f"year {year} from '{surface_of(anchor, ctx)}' in the sentence")
    elif text_year is not None and text_year.heading:
        resolve_pending(hit, text_year.year, f"year {text_year.year} from the heading above")
    elif ctx.reference is not None:
        _resolve_by_reference(hit, ctx.reference, looks_ahead(ctx, hit.start), last)
    elif text_year is not None:
        why = f"year {text_year.year} from '{text_year.surface}' earlier in the paragraph"
        resolve_pending(hit, text_year.year, why + " (no reference date)")
    else:
        hit.pending = None
        hit.note = "no year stated and no reference date"


def _resolve_by_reference(hit: Hit, reference: date, ahead: bool, last: Hit | None) -> None:
    """The nearest one on or before the reference (`ahead`: on or after it). A stated weekday
    must fit: the year before or after is used when only it fits. Ahead, a range
    still under way ("from 10/1 to 11/7" said on 24 October) is the current one."""
    assert hit.pending is not None
    month, day, weekday = hit.pending
    year = _year_on_side(hit, reference, ahead)
    why = (
        f"year {year}: the sentence speaks of the future, nearest after reference {reference}"
        if ahead
        else f"year {year}: nearest past to reference {reference}"
    )
    if ahead and last is not None and last.pending is not None:
        current = _year_on_side(hit, reference, False)
        if _range_end(hit, last, current) > reference:
            year, why = current, f"year {current}: the range is under way at reference {reference}"
    elif ahead and last is not None and last.period is not None and last.period.end is not None:
        start = _start_in(hit, year)
        if start is None or start >= last.period.end:  # "from March to date", "… and now"
            year = _year_on_side(hit, reference, False)
            why = f"year {year}: the range ends {last.period.end}"
    if day is not None and weekday is not None and not weekday_fits(month, day, weekday, year):
        other = _weekday_year(month, day, weekday, year)
        if other is not None:
            year, why = other, f"year {other}: the nearest one where the weekday fits"
        else:
            why += " (the stated weekday does not fit)"
    resolve_pending(hit, year, why)


def _weekday_year(month: int, day: int, weekday: int, year: int) -> int | None:
    """For "Fri, Jul 18": the year before or after `year` (the one the tense policy chose) in
    which that day is that weekday (at most one of them is); None when neither is: a weekday
    that fits only years away is more likely a slip than a year."""
    return next((y for y in (year - 1, year + 1) if weekday_fits(month, day, weekday, y)), None)


def _range_end(first: Hit, last: Hit, year: int) -> date:
    """Where a year-less range ends (exclusive) when its first end is in `year`: the last end
    in the same year, or the next when it would otherwise end before it starts."""
    start = _start_in(first, year) or date(year, 1, 1)
    assert last.pending is not None
    day = last.pending[1]
    for y in (year, year + 1):
        end = _start_in(last, y)
        if end is None:
            continue
        if last.part is not None:
            end = part_period(last.part[0], last.part[1], y, None).end or end
        elif day is None:
            end = P.add_months(end, 1)
        else:
            end += timedelta(days=1)
        if end > start:
            return end
    return start


def _resolve_leaning(hit: Hit, reference: date) -> None:
    """For "next 6 April" (the next one after the reference), "last 6 April" (the one before)
    and "this 6 April" (the one in the reference's year)."""
    assert hit.pending is not None and hit.lean is not None
    if hit.lean > 0:
        year = _year_on_side(hit, reference + timedelta(days=1), True)
    elif hit.lean < 0:
        year = _year_on_side(hit, reference - timedelta(days=1), False)
    else:
        year = reference.year
    word = {1: "next", 0: "this", -1: "last"}[hit.lean]
    resolve_pending(hit, year, f"year {year}: '{word}' against reference {reference}")


def _resolve_anaphor(hit: Hit, ctx: Context, anchor: Hit | None) -> None:
    """For "the year", "the previous year", "a year earlier", "the same period in 2023", "the day
    before": read against the sentence's earlier period, else against the reference date."""
    assert hit.anaphor is not None
    mode, amount, unit = hit.anaphor
    hit.relative = True
    if mode == "the_unit" and anchor and anchor.period and not _fits_in(anchor.period, unit):
        anchor = None  # "In 2023 … that week": a year does not say which week
    if anchor is not None:
        name = surface_of(anchor, ctx)
        if anchor.period is None or anchor.period.start is None:
            hit.note = f"relative to '{name}', which is unresolved"
            return
        base = anchor.period
        assert base.start is not None
        if mode == "clock" and base.granularity != Granularity.DAY:
            hit.note = f"a time of day; '{name}' in the sentence is not one day"
            return
        hit.trace.append(f"relative to '{name}' ({anchor.period.describe()}) in the sentence")
        if mode == "clock":
            hit.period = Period.day(base.start)
        elif mode == "the_unit":
            hit.period = P.unit_period(unit, base.start)
        elif mode == "the_year":
            set_part(hit, base.start.year if base.start else 0, ctx)
        elif mode == "same_year" and base.start is not None:
            hit.period = P.shift_period(base, years=amount - base.start.year)
        elif hit.part is not None and base.start is not None:
            set_part(hit, base.start.year + amount, ctx)
        elif unit in _DAYS_IN and base.start is not None:
            moved = base.start + timedelta(days=amount * _DAYS_IN[unit])
            hit.period = P.week_period(moved) if unit == "week" else Period.day(moved)
        else:
            hit.period = P.shift_period(base, months=amount * _MONTHS_IN.get(unit, 12))
        return
    if ctx.reference is None:
        hit.note = f"'{surface_of(hit, ctx)}' needs an earlier period or a reference date"
        return
    ref = ctx.reference
    hit.trace.append(f"no earlier period in the sentence: against reference {ref}")
    if mode == "clock":  # midnight (amount 1), looking ahead: the one that ends the day
        ahead = amount > 0 and looks_ahead(ctx, hit.start)
        hit.period = Period.day(ref + timedelta(days=1) if ahead else ref)
    elif mode == "the_unit":
        hit.period = P.unit_period(unit, ref)
    elif mode == "the_year":
        set_part(hit, ref.year, ctx)
    elif mode == "same_year":
        hit.period = P.year_period(amount)
    elif hit.part is not None:
        set_part(hit, ref.year + amount, ctx)
    else:
        hit.period = (
            Period.day(ref + timedelta(days=amount * _DAYS_IN[unit]))
            if unit in ("day", "fortnight")
            else P.relative_unit(unit, ref, amount)
        )


_DAYS_IN = {"day": 1, "week": 7, "fortnight": 14}
_UNIT_DAYS = {"day": 1, "weekend": 3, "week": 7, "month": 31, "year": 366}


def _fits_in(period: Period, unit: str) -> bool:
    """Whether `period` is no longer than `unit`, so that it tells which one is meant."""
    if period.start is None or period.end is None:
        return False
    return (period.end - period.start).days <= _UNIT_DAYS.get(unit, 366)


_MONTHS_IN = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}


# Between a day and its time of day: "tomorrow at 5pm", "Monday, 9:30", "3pm on Friday".
CLOCK_AFTER_DAY = compile_pattern(
    r"""\s*[,-]?\s*(?:(?:early|late)\s+)?(?:(?:morning|afternoon|evening|night)\s+)?
    (?:(?:at|@|around|about|from|between|before|after|by|until|till|for|
          (?:no\s+)?later\s+than|earlier\s+than)\s+)?$""",
    re.I | re.X,
)
CLOCK_BEFORE_DAY = compile_pattern(r"\s*,?\s*(?:(?:on|of)\s+)?(?:the\s+)?$", re.I)


def _attach_clocks(hits: list[Hit], text: str) -> list[Hit]:
    """A time of day next to a day joins it ("tomorrow at 5pm" is one mention of that day);
    a time of day on its own stays, for the context pass to date."""
    kept: list[Hit] = []
    for i, hit in enumerate(hits):
        if not hit.clock:
            kept.append(hit)
            continue
        before = kept[-1] if kept else None
        after = hits[i + 1] if i + 1 < len(hits) else None
        if _is_day(before) and CLOCK_AFTER_DAY.match(text[before.end : hit.start]):
            before.end = hit.end
            before.trace.append(f"time of day '{text[hit.start : hit.end]}' attached")
        elif _is_day(after) and CLOCK_BEFORE_DAY.match(text[hit.end : after.start]):
            after.start = hit.start
            after.trace.append(f"time of day '{text[hit.start : hit.end]}' attached")
        elif not hit.loose:
            kept.append(hit)
    return kept


def _is_day(hit: Hit | None) -> TypeGuard[Hit]:
    """A candidate that names one day (or a day still waiting for its year)."""
    return hit is not None and hit.kind == MentionKind.DATE and not hit.clock


def _chain_offsets(hits: list[Hit], text: str) -> list[Hit]:
    """For "3 days after January 12", "two weeks before Christmas": the offset joins the date that
    follows it; an offset with nothing to follow it after "from" is a duration."""
    chained: list[Hit] = []
    for i, hit in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if hit.chainable and hit.anaphor is not None:
            between = text[hit.end : nxt.start] if nxt is not None else "x"
            if nxt is not None and is_time(nxt) and re.fullmatch(r"\s*(?:the\s+)?", between):
                nxt.start, nxt.offset = hit.start, (hit.anaphor[1], hit.anaphor[2])
                nxt.trace = [*hit.trace, *nxt.trace]
                continue
            if text[hit.start : hit.end].lower().endswith("from"):
                continue
        chained.append(hit)
    return chained


# Before a count forward that is a stretch, not a day: "for 3 days from today", "less than
# a week after the launch", "within two weeks from Monday".
STRETCH_BEFORE = compile_pattern(
    r"\b(?:for|within|(?:in\s+)?(?:less|no\s+more|fewer)\s+than|under)\s+(?:the\s+next\s+)?$",
    re.I,
)


def _apply_offsets(hits: list[Hit], text: str, reference: date | None) -> None:
    """For "3 days after January 12" (that day moved), and "for 3 days from today" (the
    stretch from the day counted from)."""
    for hit in hits:
        if hit.period is None or hit.period.start is None:
            continue
        base, amount, day = hit.period.start, 0, hit.period.start
        if hit.offset is not None:
            amount, unit = hit.offset
            day = P.shift(base, unit, amount)
            hit.period = Period.day(day)
            hit.kind, hit.moved = MentionKind.DATE, True
            hit.trace.append(f"{amount:+d} {unit}(s) from it")
        elif hit.moved and hit.anaphor is None and reference is not None:
            base, amount = reference, (day - reference).days
        stretch = search_before(STRETCH_BEFORE, text, hit.start)
        if amount > 0 and stretch is not None:
            hit.period = P.span_period(base, day)
            hit.start, hit.kind = stretch.start(), MentionKind.PERIOD
            hit.trace.append(f"'{stretch.group().strip()}': the stretch from {base}")


# Between the parts of a compound count: "2 weeks and 2 days ago", "3 months, 2 weeks".
COUNT_JOIN = compile_pattern(r"\s*,?\s*(?:and\s+)?")
COUNT_START = compile_pattern(NUM, re.I)
# A trailing or coming span that more counts may lengthen: "the last 3 months and 2 weeks".
SPAN_WORDS = compile_pattern(
    r"(?:the\s+)?(?P<rel>last|past|previous|prior|next|coming|upcoming|following)\s", re.I
)


def _counts(hits: list[Hit]) -> list[tuple[int, str]] | None:
    """The whole calendar counts of durations ("2 weeks" → (2, "week")), or None."""
    counts = []
    for hit in hits:
        assert hit.duration is not None
        n, unit = hit.duration
        if n != int(n) or unit not in CALENDAR_UNITS:
            return None
        counts.append((int(n), unit))
    return counts


def _join_counts(hits: list[Hit], text: str, reference: date | None) -> list[Hit]:
    """Compound counts are one count: "2 weeks and 2 days ago" is 16 days before the
    reference, "2 years 1 month 21 days later" counted in that order; "the last 3 months
    and 2 weeks" starts that much earlier."""
    kept: list[Hit] = []
    for hit in hits:
        lead: list[Hit] = []
        while (
            kept
            and kept[-1].duration is not None
            and COUNT_JOIN.fullmatch(text[kept[-1].end : (lead[0] if lead else hit).start])
        ):
            lead.insert(0, kept.pop())
        counts = _counts(lead) if lead else None
        base = _count_base(hit, text, reference)
        if counts and base is not None and hit.period is not None and hit.period.start:
            sign = -1 if hit.period.start < base else 1
            day = base
            for n, unit in counts:
                day = P.shift(day, unit, sign * n)
            own_n, own_unit = hit.anaphor[1:] if hit.anaphor else hit.offset or (0, "day")
            if hit.anaphor is None and hit.offset is None:  # counted from the reference
                day += hit.period.start - base
            else:
                day = P.shift(day, own_unit, own_n)
            hit.period, hit.start = Period.day(day), lead[0].start
            hit.trace.append(f"counted on by '{text[lead[0].start : lead[-1].end]}'")
        else:
            kept.extend(lead)
        kept.append(hit)
    return _lengthen_spans(kept, text)


def _count_base(hit: Hit, text: str, reference: date | None) -> date | None:
    """The day a counted day was counted from: the reference, or the day before its own
    count ("21 days later" is its day less 21 days)."""
    if (not hit.moved and hit.anaphor is None) or hit.period is None or not hit.period.start:
        return None
    if hit.period.granularity != Granularity.DAY or not COUNT_START.match(text, hit.start):
        return None
    if hit.anaphor is not None and hit.anaphor[0] == "shift":
        return P.shift(hit.period.start, hit.anaphor[2], -hit.anaphor[1])
    if hit.offset is not None:
        return P.shift(hit.period.start, hit.offset[1], -hit.offset[0])
    return reference if hit.anaphor is None else None


def _lengthen_spans(hits: list[Hit], text: str) -> list[Hit]:
    """For "the last 3 months and 2 weeks and 2 days": the trailing (coming) span starts
    (ends) further away by each count joined to it."""
    kept: list[Hit] = []
    for hit in hits:
        span = kept[-1] if kept else None
        words = SPAN_WORDS.match(text, span.start) if span is not None else None
        counts = _counts([hit]) if hit.duration is not None else None
        if (
            words is None
            or not counts
            or span is None
            or span.period is None
            or span.period.granularity != Granularity.SPAN
            or not COUNT_JOIN.fullmatch(text[span.end : hit.start])
        ):
            kept.append(hit)
            continue
        (n, unit), p = counts[0], span.period
        if words["rel"].lower() in ("last", "past", "previous", "prior") and p.start is not None:
            span.period = P.span_period(P.shift(p.start, unit, -n), p.end)
        elif p.end is not None:
            span.period = P.span_period(p.start, P.shift(p.end, unit, n))
        span.end = hit.end
        span.trace.append(f"lengthened by '{text[hit.start : hit.end]}'")
    return kept


# Between a counted day and a weekday that says which day of its week: "Monday two weeks
# from now", "Thursday, two years from now", "3 weeks after Christmas on Friday".
WEEKDAY_BEFORE_MOVED = compile_pattern(r"\s*,?\s*")
WEEKDAY_AFTER_MOVED = compile_pattern(r"\s*,?\s*(?:on\s+)?")


def _weekday_of_moved(hits: list[Hit], text: str) -> list[Hit]:
    """A bare weekday next to a counted day is that weekday of the (Monday-to-Sunday) week
    holding the counted day: one mention of that day; so is one after a week ("the first
    week of October, on Friday")."""
    kept: list[Hit] = []
    taken: set[int] = set()  # weekdays after a counted day, joined to it
    for i, hit in enumerate(hits):
        if i in taken:
            continue
        kept.append(hit)
        if hit.period is None or hit.period.start is None:
            continue
        week = hit.period.granularity == Granularity.WEEK
        if not (hit.moved or week):
            continue
        before = kept[-2] if len(kept) > 1 and not week else None
        after = hits[i + 1] if i + 1 < len(hits) else None
        if _bare_weekday(before) and WEEKDAY_BEFORE_MOVED.fullmatch(text[before.end : hit.start]):
            kept.pop(-2)
            hit.start, weekday = before.start, before.weekday
        elif _bare_weekday(after) and WEEKDAY_AFTER_MOVED.fullmatch(text[hit.end : after.start]):
            taken.add(i + 1)
            hit.end, weekday = after.end, after.weekday
        else:
            continue
        assert weekday is not None
        day = hit.period.start
        hit.period = Period.day(day + timedelta(days=weekday - day.weekday()))
        hit.trace.append("that weekday of the week (Monday to Sunday) holding it")
    return kept


def _bare_weekday(hit: Hit | None) -> TypeGuard[Hit]:
    """A weekday without "next", "last" …: "Monday", "on Friday"."""
    return hit is not None and hit.weekday is not None and hit.follows is not None


def _full_day(hit: Hit) -> bool:
    """A day that stands on its own: its year written, or taken from the sentence or from the
    range's other end (not from the reference date)."""
    day = hit.period is not None and hit.period.granularity == Granularity.DAY
    written = ("in the sentence", "the range starts")
    return day and (hit.explicit_year or any(w in step for step in hit.trace for w in written))


def _follow_first_end(first: Hit, second: Hit) -> None:
    """ "from next Monday to Friday", "from April 9th till the 17th": a bare weekday or day of
    the month that ends a range is the first such day on or after the range's start."""
    if second.follows is None or first.period is None or first.period.start is None:
        return
    start, (kind, n) = first.period.start, second.follows
    if kind == "weekday":
        day = start + timedelta(days=(n - start.weekday()) % 7)
    else:
        month = start.replace(day=1)
        while not valid_day(month.year, month.month, n) or month.replace(day=n) < start:
            month = P.add_months(month, 1)
        day = month.replace(day=n)
    second.period = Period.day(day)
    second.trace.append(f"the first such day on or after the range's start {start}")


# "Nov 18 2014-Dec 19 2015": two complete dates joined by a bare dash are one range.
DASHES = frozenset({"-", "–", "—", "~"})


def _merge_ranges(hits: list[Hit], pairs: list[tuple[int, int, int]], text: str) -> list[Hit]:
    merged: list[Hit] = []
    skip: set[int] = set()
    by_first = {a: (b, start) for a, b, start in pairs}
    for i, hit in enumerate(hits):
        if i in skip:
            continue
        if i in by_first:
            j, start = by_first[i]
            other = hits[j]
            _follow_first_end(hit, other)
            first, last = hit.period, other.period
            if first and last and first.start and last.end and first.start < last.end:
                skip.add(j)
                dash = text[hit.end : other.start] in DASHES  # unspaced, as in a range of years
                if start == hit.start and _full_day(hit) and _full_day(other) and not dash:
                    merged.extend((hit, other))  # "May 5, 2010 to July 10, 2011": two dates
                    continue
                merged.append(
                    Hit(
                        start,
                        other.end,
                        MentionKind.PERIOD,
                        period=P.span_period(first.start, last.end),
                        relative=hit.relative or other.relative,
                        trace=[*hit.trace, "range to", *other.trace],
                    )
                )
                continue
        merged.append(hit)
    return merged


def _narrow(hit: Hit, word: str) -> Period | None:
    """A third of a year or month: early / mid / late (or beginning / middle / end); of a
    week, three days: Monday to Wednesday, Tuesday to Thursday, Friday to Sunday."""
    p = hit.period
    narrowed = (Granularity.YEAR, Granularity.MONTH, Granularity.WEEK)
    if p is None or p.start is None or p.granularity not in narrowed:
        return None
    third = 0 if word in ("early", "beginning", "start") else 1 if word in ("mid", "middle") else 2
    start: date
    end: date | None
    if p.granularity == Granularity.WEEK:
        start = p.start + timedelta(days=(0, 1, 4)[third])
        end = start + timedelta(days=3)
    elif p.granularity == Granularity.YEAR:
        start = P.add_months(p.start, 4 * third)
        end = P.add_months(p.start, 4 * third + 4)
    else:
        start = p.start + timedelta(days=10 * third)
        end = p.start + timedelta(days=10 * third + 10) if third < 2 else p.end
    return Period(
        start=start, end=end, granularity=Granularity.SPAN, label=f"{word} {p.describe()}"
    )


def _attach_prefixes(hits: list[Hit], text: str) -> None:
    """For "early 2024", "the end of March", "later this month": the words join the span now (so
    that ranges see them) and narrow the period once it is resolved."""
    for hit in hits:
        if not is_time(hit):
            continue
        lean = search_before(LEAN_PREFIX, text, hit.start)
        if lean and hit.pending is not None and hit.pending[1] is not None:
            hit.lean = REL_OFFSET[lean["word"].lower().split()[-1]]
            hit.start = lean.start()
            continue
        later = search_before(LATER_PREFIX, text, hit.start)
        part = search_before(PART_PREFIX, text, hit.start)
        week = search_before(WEEK_OF, text, hit.start)
        stretch = search_before(STRETCH_FROM, text, hit.start)
        count = parse_number(stretch["n"]) if stretch else None
        window = max(0, hit.start - 60)  # the longest "the tenth closest Wednesday to the "
        one_day = hit.kind == MentionKind.DATE
        near = WEEKDAY_FROM.search(text, window, hit.start) if one_day else None
        nth = day_of(near["n"]) if near and near["n"] else 1
        if near and nth is not None and 0 < nth <= 10:
            way = (near["dir"] or "").lower()
            hit.narrow = "closest" if near["closest"] else "before" if way == "before" else "after"
            hit.start, weekday = near.start(), near["wd"] or near["wd2"]
            hit.closest = (nth, WEEKDAYS[weekday.lower().rstrip(".")])
        elif stretch and count is not None and count == int(count) and 0 < count <= 1000:
            hit.narrow, hit.start = "stretch", stretch.start()
            hit.stretch = (int(count), stretch["unit"].lower())
        elif week:
            hit.narrow, hit.start = "week", week.start()
        elif later:
            hit.narrow, hit.start = later["word"].lower(), later.start()
        elif part:
            words = part["word"].lower().split()
            hit.narrow, hit.start = words[-2] if words[-1] == "of" else words[-1], part.start()
        _attach_stretch_after(hit, text)
        _attach_weekend(hit, text)


# "the weekend of Halloween", "Labor Day weekend", "Halloween weekend 2021".
WEEKEND_OF = compile_pattern(r"\b(?:the\s+)?week-?end\s+of\s+(?:the\s+)?$", re.I)
WEEKEND_AFTER = compile_pattern(rf"\s+week-?end\b(?:\s+(?:of\s+)?(?P<y>{YEAR4})(?!\d))?", re.I)


def _attach_weekend(hit: Hit, text: str) -> None:
    """A day with "weekend" is the weekend around it (once resolved); a year after the word
    dates a holiday ("Halloween weekend 2021")."""
    if hit.kind != MentionKind.DATE or hit.clock or hit.narrow is not None:
        return
    before, after = search_before(WEEKEND_OF, text, hit.start), WEEKEND_AFTER.match(text, hit.end)
    if before:
        hit.start = before.start()
    elif after:
        key = holiday_key(text[hit.start : hit.end])
        day = P.holiday(key, int(after["y"])) if key and after["y"] else None
        if after["y"] and day is None:
            return
        if day is not None:
            hit.period, hit.explicit_year, hit.pending = Period.day(day), True, None
            hit.trace.append(f"year {day.year} written after 'weekend'")
        hit.end = after.end()
    else:
        return
    hit.narrow = "weekend"


def _weekend_around(day: date) -> Period:
    """The weekend a day belongs to, the day included: Saturday to Sunday; from a Thursday or
    Friday (Thanksgiving, Good Friday) to the Sunday after; from the Saturday before to a
    Monday or Tuesday (Labor Day)."""
    weekday = day.weekday()
    if weekday >= 5:
        start = day - timedelta(days=weekday - 5)
        return P.span_period(start, start + timedelta(days=2))
    if weekday <= 1:
        return P.span_period(day - timedelta(days=weekday + 2), day + timedelta(days=1))
    return P.span_period(day, day + timedelta(days=7 - weekday))


def _attach_stretch_after(hit: Hit, text: str) -> None:
    """For "18 December for 10 days": the stretch follows the day it starts from."""
    day = hit.kind == MentionKind.DATE and not hit.clock and hit.narrow is None
    after = STRETCH_FOR.match(text, hit.end) if day else None
    count = parse_number(after["n"]) if after else None
    if after and count is not None and count == int(count) and 0 < count <= 1000:
        hit.narrow, hit.end = "stretch", after.end()
        hit.stretch = (int(count), after["unit"].lower())


def _drop_absorbed(hits: list[Hit]) -> list[Hit]:
    """Candidates a prefix swallowed: the "3 days" of "3 days starting Monday" (inside
    another hit, or on the same span as one). One sweep in order of start: the furthest end
    of the hits starting before, and the two furthest of those starting at the same place."""
    absorbed: set[int] = set()
    reach = -1
    by_start = sorted(hits, key=lambda h: h.start)
    for _, group in groupby(by_start, key=lambda h: h.start):
        same = list(group)
        ends = sorted((h.end for h in same), reverse=True)
        for hit in same:
            other = ends[1] if hit.end == ends[0] and len(ends) > 1 else ends[0]
            if reach >= hit.end or (len(same) > 1 and other >= hit.end):
                absorbed.add(id(hit))
        reach = max(reach, ends[0])
    return [hit for hit in hits if id(hit) not in absorbed]


def _weekday_from(day: date, weekday: int, n: int, way: str) -> date:
    """The `n`-th `weekday` after, before or closest to `day` (`way`)."""
    if way == "closest":
        return P.nth_closest_weekday(day, weekday, n)
    if way == "before":
        return P.nearest_weekday(weekday, day - timedelta(days=1)) - timedelta(weeks=n - 1)
    return P.nearest_weekday(weekday, day, +1) + timedelta(weeks=n - 1)


def _apply_narrowing(hits: list[Hit], reference: date | None) -> None:
    for hit in hits:
        p, word = hit.period, hit.narrow
        if p is None or word is None or p.start is None or p.end is None:
            continue
        if word == "weekend" and p.granularity == Granularity.DAY:
            hit.period, hit.kind = _weekend_around(p.start), MentionKind.PERIOD
            hit.trace.append("the weekend around it")
            continue
        if hit.closest is not None and p.granularity == Granularity.DAY:
            n, weekday = hit.closest
            hit.period = Period.day(_weekday_from(p.start, weekday, n, word))
            hit.trace.append(f"such weekday number {n} {word} it")
            continue
        if word in ("week", "stretch"):
            if p.granularity == Granularity.DAY and word == "week":
                hit.period, hit.kind = P.week_period(p.start), MentionKind.PERIOD
                hit.trace.append("the week (Monday to Sunday) holding it")
            elif p.granularity == Granularity.DAY and hit.stretch is not None:
                n, unit = hit.stretch
                hit.period = P.span_period(p.start, P.shift(p.start, unit, n))
                hit.kind = MentionKind.PERIOD
                hit.trace.append(f"{n} {unit}(s) from it")
            continue
        if word in ("earlier", "later"):
            if reference is None or not p.start <= reference < p.end:
                continue
            hit.period = (
                P.span_period(reference, p.end)
                if word == "later"
                else (P.span_period(p.start, reference) if p.start < reference else p)
            )
            side = "after" if word == "later" else "before"
            hit.trace.append(f"'{word}': the part of it {side} reference {reference}")
            continue
        narrowed = _narrow(hit, word)
        if narrowed is not None:
            hit.period, hit.kind = narrowed, MentionKind.PERIOD
            hit.trace.append(f"narrowed to '{word}'")


_BEFORE = ("before", "prior to", "earlier than")
_AFTER = ("after", "later than")
_DEADLINE = ("by", "until", "till", "no later than")


def _at_edge(hit: Hit, edge: str) -> bool:
    """A bound at the edge of its period, not past the period: a time of day ("after 2 pm"
    starts on that day), "the end of" for "before" ("before the end of December" is by 31
    December), "the beginning of" for "after" ("after the start of March" from 1 March)."""
    words = {"start": ("beginning", "start"), "end": ("end",)}[edge]
    return hit.clock or hit.narrow in words


def _open_periods(hits: list[Hit], ctx: Context) -> None:
    """For "since 2023", "by 2025", "before March", "2018 or later": one side left open. A time
    of day only names its day, so "after 2 pm" starts on that day and "before 11 am" ends
    with it. A deadline still to come ("will finish by Friday") runs from the reference."""
    text = ctx.text
    for hit in hits:
        if not is_time(hit) or hit.period is None:
            continue
        p = hit.period
        prefix, suffix = (
            search_before(OPEN_PREFIX, text, hit.start),
            OPEN_SUFFIX.match(text, hit.end),
        )
        if prefix and prefix["word"].isupper():  # an all-caps word is a label, not a cue
            prefix = None
        if prefix:
            word = re.sub(r"\s+", " ", prefix["word"].lower())
            after = word in ("since", "after", "later than", "as early as", "starting", "beginning")
            bound = (
                (p.start if word not in _AFTER or _at_edge(hit, "start") else p.end)
                if after
                else (p.start if word in _BEFORE and not _at_edge(hit, "end") else p.end)
            )
            hit.start = prefix.start()
        elif suffix:
            word = re.sub(r"\s+", " ", suffix["word"].lower())
            after = "later" in word or "after" in word or word.startswith("onward")
            bound = p.start if after else p.end
            hit.end = suffix.end()
        else:
            continue
        if bound is None:
            continue
        hit.period = P.span_period(bound, None) if after else P.span_period(None, bound)
        hit.kind = MentionKind.PERIOD
        hit.trace.append(f"open period: '{word}'")
        ref = ctx.reference
        if word in _DEADLINE and ref is not None and bound > ref and looks_ahead(ctx, hit.start):
            one_day = bound == ref + timedelta(days=1)
            hit.period = Period.day(ref) if one_day else P.span_period(ref, bound)
            hit.trace.append(f"a deadline to come: from reference {ref} on")


def _mention(hit: Hit, text: str) -> Mention:
    span = Span(start=hit.start, end=hit.end, text=text[hit.start : hit.end])
    if hit.duration is not None:
        n, unit = hit.duration
        value: Duration | PeriodValue = Duration(amount=Amount(stated=n, low=n, high=n), unit=unit)
        return Mention(kind=MentionKind.DURATION, span=span, value=value, trace=tuple(hit.trace))
    kind = hit.kind
    if hit.period is not None:
        day = hit.period.granularity == Granularity.DAY
        kind = MentionKind.DATE if day else MentionKind.PERIOD
    note = hit.note
    if hit.period is None and note is None:
        note = "could not be resolved"
    value = PeriodValue(period=hit.period, relative=hit.relative, note=note)
    return Mention(kind=kind, span=span, value=value, trace=tuple(hit.trace))


def find_times(
    text: str,
    reference: date | None,
    fiscal: FiscalCalendar | None = None,
    prefer: Prefer = "past",
) -> list[Mention]:
    """Dates, periods and durations in `text`, in order of position.

    `reference` is the publication date that relative expressions resolve against (None:
    they stay unresolved, with a note); `fiscal` the calendar that "fiscal 2025" / "fiscal
    Q3" follow (None: the calendar year, and the mention's note says so). `prefer` is the
    side of the reference a year-less date, bare weekday or holiday falls on when its
    sentence has no tense cue: "past" (news reports what already happened, the default) or
    "future" (schedules, assistants).
    """
    rules = rules_for(text)
    if not rules:
        return []  # no rule's cue in the text: nothing to find (most texts of figures)
    ctx = Context(text, reference, fiscal, _date_order(text), prefer)
    hits = _attach_clocks(_candidates(ctx, rules), text)
    hits = _chain_offsets(hits, text)
    _attach_prefixes(hits, text)
    hits = _drop_absorbed(hits)
    pairs = _range_pairs(hits, text)
    for a, b, _ in pairs:
        _borrow_year(hits[a], hits[b])
    for i in reversed(range(len(hits) - 1)):  # "3, 4 and 5 May 2023": back along the list
        if hits[i].listed:
            _borrow_year(hits[i], hits[i + 1])
            hits[i].explicit_year = hits[i].period is not None  # written, further down the list
    _resolve_context(hits, ctx, {b: hits[a] for a, b, _ in pairs})
    _apply_offsets(hits, text, reference)
    hits = _join_counts(hits, text, reference)
    hits = _weekday_of_moved(hits, text)
    _apply_narrowing(hits, reference)
    hits = _merge_ranges(hits, pairs, text)
    _open_periods(hits, ctx)
    return [_mention(hit, text) for hit in hits]

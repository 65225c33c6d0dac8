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
from typing import TYPE_CHECKING, TypeGuard

from factcheck.extract.time_rules import (
    SENTENCE_END,
    Context,
    Hit,
    Prefer,
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

from factcheck.extract.time_words import NUM, REL_OFFSET, parse_number, valid_day

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
RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|~|to|through|thru|till|until|and)\s*(?:the\s+)?$", re.I)
RANGE_OPEN = re.compile(r"(?:\b(?P<word>from|between)\s+(?:the\s+)?)$", re.I)
# Open periods: "since 2023", "by 2025", "before March".
OPEN_PREFIX = re.compile(
    r"""
    \b(?P<word>since|before|after|by|until|till|through|thru|prior\s+to|no\s+later\s+than|
       later\s+than|earlier\s+than|as\s+early\s+as|as\s+late\s+as|starting|beginning)
    \s+(?:on\s+|in\s+|from\s+)?(?:the\s+)?$""",
    re.X | re.I,
)
OPEN_SUFFIX = re.compile(
    r"^\s+(?P<word>or\s+later|and\s+later|and\s+after|or\s+after|onwards?|"
    r"or\s+earlier|and\s+earlier|or\s+before|and\s+before)\b"
    r"(?=\s*(?:$|[.,;:!?)]))",
    re.I,
)
LATER_PREFIX = re.compile(r"\b(?P<word>earlier|later)\s+(?:in\s+)?$", re.I)
# "next 6 April", "this 5/12": which side of the reference a year-less day is on.
LEAN_PREFIX = re.compile(r"\b(?P<word>next|this|last|this\s+coming|coming)\s+(?:the\s+)?$", re.I)
# Numeric dates whose order a part above 12 shows: 31/12/2024, 12/31/24.
NUMERIC_DATE = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?:\d{4}|\d{2})(?!\d)")
# "the week of April 10th", "w/c Feb 4": the Monday-to-Sunday week holding that day;
# "a week starting tomorrow": seven days from that day.
WEEK_OF = re.compile(
    r"""(?:\b(?:the\s+)?week\s+(?:of|beginning|starting(?:\s+on|\s+from)?|commencing)
        |\bw/c)\s+(?:the\s+)?$""",
    re.I | re.X,
)
# "a week starting tomorrow", "3 days starting from next Monday", "two weeks, from 20 May":
# that many units from that day.
STRETCH_FROM = re.compile(
    rf"""\b(?P<n>{NUM})[\s-]+(?P<unit>day|week|month|year)s?\s*,?\s+
    (?:starting|beginning|from)(?:\s+on|\s+from)?\s+(?:the\s+)?$""",
    re.I | re.X,
)
# "early 2024", "the end of March", "mid-November": a third of the period.
PART_PREFIX = re.compile(
    r"""
    (?:\b(?P<word>early|mid|late|the\s+beginning\s+of|beginning\s+of|the\s+start\s+of|
       start\s+of|the\s+middle\s+of|middle\s+of|the\s+end\s+of|end\s+of)[\s-]*(?:the\s+)?)$
    """,
    re.X | re.I,
)


def _candidates(ctx: Context) -> list[Hit]:
    """Every rule's hits, settled longest first (then leftmost) into non-overlapping ones."""
    found: list[tuple[int, int, int, Hit]] = []
    for index, rule in rules_for(ctx.text):
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
    taken: list[tuple[int, int]] = []
    for _, _, _, hit in sorted(found, key=lambda f: f[:3]):
        if all(hit.end <= s or hit.start >= e for s, e in taken):
            chosen.append(hit)
            taken.append((hit.start, hit.end))
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
        opener = RANGE_OPEN.search(text[: a.start])
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


def _nearest_past(hit: Hit, reference: date) -> int:
    """The year that puts a year-less date, month or part of a year nearest before the
    reference date (news reports what already happened)."""
    assert hit.pending is not None
    month, day, _ = hit.pending
    if hit.part is not None:
        unit, n, _ = hit.part
        start = part_period(unit, n, reference.year, None).start
        return reference.year if start is not None and start <= reference else reference.year - 1
    if day is None:
        return reference.year if month <= reference.month else reference.year - 1
    return P.nearest_past_year(month, day, reference)


def _resolve_context(hits: list[Hit], ctx: Context, range_starts: dict[int, Hit]) -> None:
    """Year-less dates and anaphora ("the previous year"), read in order of position; the
    second end of a range (`range_starts`: its index → the first end) follows the first."""
    ends = [m.end() for m in SENTENCE_END.finditer(ctx.text)]
    text_year: _TextYear | None = None
    text_month: Hit | None = None  # the last month or day: it dates a bare "the 21st" (no R)
    anchor: Hit | None = None
    sentence = paragraph = -1
    for index, hit in enumerate(hits):
        current = sum(1 for e in ends if e <= hit.start)
        if current != sentence:
            sentence, anchor = current, None
        if ctx.text.count("\n", 0, hit.start) != paragraph:
            paragraph = ctx.text.count("\n", 0, hit.start)
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
            _resolve_year_less(hit, ctx, anchor, text_year)
        elif hit.anaphor is not None:
            _resolve_anaphor(hit, ctx, anchor)
        if hit.explicit_year and hit.period is not None and hit.period.start is not None:
            line_start = ctx.text.rfind("\n", 0, hit.start) + 1
            line_end = ctx.text.find("\n", hit.end) % (len(ctx.text) + 1)
            heading = ctx.text[line_start:line_end].strip(" \t\r.:") == surface
            text_year = _TextYear(hit.period.start.year, surface, heading)
        if hit.period and hit.period.granularity in (Granularity.MONTH, Granularity.DAY):
            text_month = hit
        anchor = hit


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


def _resolve_year_less(
    hit: Hit, ctx: Context, anchor: Hit | None, text_year: _TextYear | None
) -> None:
    assert hit.pending is not None
    month, day, weekday = hit.pending
    hit.relative = True
    if hit.lean is not None and ctx.reference is not None:
        _resolve_leaning(hit, ctx.reference)
    elif anchor is not None and anchor.explicit_year and anchor.period and anchor.period.start:
        year = anchor.period.start.year
        resolve_pending(hit, year, f"year {year} from '{surface_of(anchor, ctx)}' in the sentence")
    elif text_year is not None and text_year.heading:
        resolve_pending(hit, text_year.year, f"year {text_year.year} from the heading above")
    elif ctx.reference is not None and looks_ahead(ctx, hit.start):
        year = _nearest_past(hit, ctx.reference - timedelta(days=1)) + 1
        resolve_pending(
            hit,
            year,
            f"year {year}: the sentence speaks of the future, nearest"
            f" after reference {ctx.reference}",
        )
    elif ctx.reference is not None:
        year = _nearest_past(hit, ctx.reference)
        why = f"year {year}: nearest past to reference {ctx.reference}"
        if day is not None and weekday is not None and not weekday_fits(month, day, weekday, year):
            if weekday_fits(month, day, weekday, year + 1):
                year, why = year + 1, f"year {year + 1}: the next one, where the weekday fits"
            else:
                why += " (the stated weekday does not fit)"
        resolve_pending(hit, year, why)
    elif text_year is not None:
        why = f"year {text_year.year} from '{text_year.surface}' earlier in the paragraph"
        resolve_pending(hit, text_year.year, why + " (no reference date)")
    else:
        hit.pending = None
        hit.note = "no year stated and no reference date"


def _resolve_leaning(hit: Hit, reference: date) -> None:
    """For "next 6 April" (the next one after the reference), "last 6 April" (the one before)
    and "this 6 April" (the one in the reference's year)."""
    assert hit.pending is not None and hit.lean is not None
    if hit.lean > 0:
        year = _nearest_past(hit, reference) + 1
    elif hit.lean < 0:
        year = _nearest_past(hit, reference - timedelta(days=1))
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
    if mode == "clock":
        hit.period = Period.day(ref)
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
CLOCK_AFTER_DAY = re.compile(
    r"""\s*[,-]?\s*(?:(?:early|late)\s+)?(?:(?:morning|afternoon|evening|night)\s+)?
    (?:(?:at|@|around|about|from|between|before|after|by|until|till|for|
          (?:no\s+)?later\s+than|earlier\s+than)\s+)?$""",
    re.I | re.X,
)
CLOCK_BEFORE_DAY = re.compile(r"\s*,?\s*(?:(?:on|of)\s+)?(?:the\s+)?$", re.I)


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


def _apply_offsets(hits: list[Hit]) -> None:
    for hit in hits:
        if hit.offset is not None and hit.period is not None and hit.period.start is not None:
            amount, unit = hit.offset
            hit.period = Period.day(P.shift(hit.period.start, unit, amount))
            hit.kind = MentionKind.DATE
            hit.trace.append(f"{amount:+d} {unit}(s) from it")


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


def _merge_ranges(hits: list[Hit], pairs: list[tuple[int, int, int]]) -> list[Hit]:
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
                if start == hit.start and _full_day(hit) and _full_day(other):
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
    """A third of a year or month: early / mid / late (or beginning / middle / end)."""
    p = hit.period
    if p is None or p.start is None or p.granularity not in (Granularity.YEAR, Granularity.MONTH):
        return None
    third = 0 if word in ("early", "beginning", "start") else 1 if word in ("mid", "middle") else 2
    start: date
    end: date | None
    if p.granularity == Granularity.YEAR:
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
        lean = LEAN_PREFIX.search(text[: hit.start])
        if lean and hit.pending is not None and hit.pending[1] is not None:
            hit.lean = REL_OFFSET[lean["word"].lower().split()[-1]]
            hit.start = lean.start()
            continue
        later = LATER_PREFIX.search(text[: hit.start])
        part = PART_PREFIX.search(text[: hit.start])
        week = WEEK_OF.search(text[: hit.start])
        stretch = STRETCH_FROM.search(text[: hit.start])
        count = parse_number(stretch["n"]) if stretch else None
        if stretch and count is not None and count == int(count) and 0 < count <= 1000:
            hit.narrow, hit.start = "stretch", stretch.start()
            hit.stretch = (int(count), stretch["unit"].lower())
        elif week:
            hit.narrow, hit.start = "week", week.start()
        elif later:
            hit.narrow, hit.start = later["word"].lower(), later.start()
        elif part:
            words = part["word"].lower().split()
            hit.narrow, hit.start = words[-2] if words[-1] == "of" else words[-1], part.start()


def _drop_absorbed(hits: list[Hit]) -> list[Hit]:
    """Candidates a prefix swallowed: the "3 days" of "3 days starting Monday"."""
    return [
        hit
        for hit in hits
        if not any(
            other is not hit and other.start <= hit.start and hit.end <= other.end for other in hits
        )
    ]


def _apply_narrowing(hits: list[Hit], reference: date | None) -> None:
    for hit in hits:
        p, word = hit.period, hit.narrow
        if p is None or word is None or p.start is None or p.end is None:
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


def _open_periods(hits: list[Hit], text: str) -> None:
    """For "since 2023", "by 2025", "before March", "2018 or later": one side left open. A time
    of day only names its day, so "after 2 pm" starts on that day and "before 11 am" ends
    with it."""
    for hit in hits:
        if not is_time(hit) or hit.period is None:
            continue
        p = hit.period
        prefix, suffix = OPEN_PREFIX.search(text[: hit.start]), OPEN_SUFFIX.match(text[hit.end :])
        if prefix and prefix["word"].isupper():  # an all-caps word is a label, not a cue
            prefix = None
        if prefix:
            word = re.sub(r"\s+", " ", prefix["word"].lower())
            after = word in ("since", "after", "later than", "as early as", "starting", "beginning")
            bound = (
                (p.end if word in ("after", "later than") and not hit.clock else p.start)
                if after
                else (p.start if word in _BEFORE and not hit.clock else p.end)
            )
            hit.start = prefix.start()
        elif suffix:
            word = re.sub(r"\s+", " ", suffix["word"].lower())
            after = "later" in word or "after" in word or word.startswith("onward")
            bound = p.start if after else p.end
            hit.end += suffix.end()
        else:
            continue
        if bound is None:
            continue
        hit.period = P.span_period(bound, None) if after else P.span_period(None, bound)
        hit.kind = MentionKind.PERIOD
        hit.trace.append(f"open period: '{word}'")


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
    ctx = Context(text, reference, fiscal, _date_order(text), prefer)
    hits = _attach_clocks(_candidates(ctx), text)
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
    _apply_offsets(hits)
    _apply_narrowing(hits, reference)
    hits = _merge_ranges(hits, pairs)
    _open_periods(hits, text)
    return [_mention(hit, text) for hit in hits]

"""Money, percentages, percentage points, counts, numbers and physical quantities.

`find_quantities(text)` reads in four passes, each over the previous one's output:

1. numerals (`numerals.find_numerals`): digits, words, scales, Chinese numerals;
2. figures: each numeral with the marks glued to it — a currency before or after, a percent
   sign, a unit of measure — dropping numerals that are part of dates, times, phone numbers,
   model names and years;
3. ranges ("$12-15 billion", "between 320,000 and 330,000") and qualifiers ("more than",
   "-plus"), which turn a figure into an interval (`amounts`);
4. links: a parenthetical restatement in another currency ("50 billion yuan ($7 billion)")
   points back at the amount it restates; an unmarked number followed by a plural noun
   becomes a count.

A mention's span covers its qualifier, currency and (for counts) noun: the whole evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from factcheck.extract.amounts import Bound, amount_for, qualifier_after, qualifier_before
from factcheck.extract.counts import cjk_counter_after, count_noun_after
from factcheck.extract.currencies import (
    AMBIGUOUS,
    CODES,
    DOLLAR,
    NAMES,
    PREFIXES,
    WHOLE_UNIT_CURRENCIES,
)
from factcheck.extract.money import (
    CurrencyMark,
    common_reading,
    currency_after,
    currency_before,
    currency_name_before,
    is_unsettled,
    may_mean,
    resolve_dollar,
    resolve_mark,
)
from factcheck.extract.numeral_words import SCALE_WORDS
from factcheck.extract.numerals import Numeral, find_numerals
from factcheck.extract.percent import BASIS_POINT, change_before, percent_after
from factcheck.extract.units import canonical, unit_after
from factcheck.regex_cache import compile_pattern
from factcheck.text import SpanIndex, search_before
from factcheck.values import (
    Amount,
    Count,
    Mention,
    MentionKind,
    Money,
    Number,
    Percent,
    PercentagePoints,
    Quantity,
    Span,
)

__all__ = ["find_quantities"]


@dataclass(slots=True)
class _Figure:
    """A numeral (or two, for a range) with its marks, on its way to becoming a Mention."""

    start: int
    end: int
    kind: MentionKind
    low: Numeral
    high: Numeral | None = None  # set for a range
    currency: CurrencyMark | None = None
    minor: Decimal = Decimal(1)
    points_factor: Decimal = Decimal(1)  # basis points → percentage points
    unit: tuple[str, str] | None = None  # (surface, pint unit)
    noun: str | None = None
    bound: Bound = Bound.POINT
    qualifier: str | None = None
    equivalent_of: int | None = None
    with_cents: bool = False  # "15 dollars and 50 cents" already read as one amount
    steps: list[str] = field(default_factory=list)


# Spans that hold digits but no quantity: dates, clock times, phone numbers, versions.
_NOT_QUANTITIES = compile_pattern(
    r"""
      \b\d{4}-\d{1,2}-\d{1,2}\b                  # 2024-08-27
    | \b\d{1,2}/\d{1,2}/\d{2,4}\b                # 8/27/2024
    | \b\d{1,2}\.\d{1,2}\.\d{4}\b                # 27.08.2024
    | \b\d{1,2}:\d{2}(?::\d{2})?\b               # 4:02, 16:02:30
    | \+?\(?\b\d{2,4}\)?[-.\s]\d{3,4}[-.]\d{3,4}\b  # phone numbers 555-123-4567
    | \+\d{1,3}[-\s]\d[\d/\s-]{5,}\d               # international numbers +1-222-2222
    | \b(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])\b       # 1995-01 (year and month)
    | \b(?:1[89]|20)\d\d[-–/]\d\d\b                # 2023-24, 1995/96 (seasons, fiscal years)
    | \b(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b  # 20250326 (a date stamp)
    | (?<![\d.,])0\d{4,}\b                      # 002594 (a stock or postal code)
    | \b[vV]\d+(?:\.\d+)+\b                      # version numbers v1.2.3
    | \b\d{1,3}(?:\.\d{1,3}){3}\b                # IP addresses
    | (?:https?://|www\.)\S+                    # URLs (their %-escapes are no percentages)
    """,
    re.VERBOSE,
)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_BEFORE = compile_pattern(rf"(?<![A-Za-z]){_MONTH}[ \u00a0]\Z", re.IGNORECASE)
_MONTH_AFTER = compile_pattern(
    rf"(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?{_MONTH}(?![A-Za-z])", re.IGNORECASE
)
_POSSESSIVE = compile_pattern(r"['’]s(?![A-Za-z])")
_GLUED_LETTER = compile_pattern(r"[A-Za-z]")
_NEXT_DIGITS = compile_pattern(r"[ \u00a0]?\d")
_DOT_THOUSANDS = compile_pattern(r"\d{1,3}\.\d{3}")
_NAME_BEFORE = compile_pattern(
    r"""
    (?<![\w&.'-])
    (?!(?:In|On|At|By|Of|For|From|To|And|Or|But|About|Over|Under|Some|Nearly|Almost|Around|
       Roughly|Only|Just|All|The|A|An|Since|Until|With|Than|Top|Page|Item|Step|Chapter)\b)
    (?P<word>[A-Z][\w&.'-]*|[a-z]+[A-Z][\w&.'-]*)   # Windows, S&P, No., iPhone
    [ \u00a0]+\Z
    """,
    re.VERBOSE,
)
# A minus glued before a currency mark, after a space or an opening bracket: not the dash of
# a range ("$38-$42 billion"), whose dash follows a digit.
_MINUS_BEFORE = compile_pattern(r"(?:(?<=[\s(\[:=])|(?<![\s\S]))[-−]\Z")
_MULTIPLE_AFTER = compile_pattern(
    r"[ \u00a0-]?fold(?![A-Za-z])|(?-i:[x×])(?![A-Za-z0-9])|[ \u00a0]+(?P<times>times)(?![A-Za-z])",
    re.IGNORECASE,
)
_COMPARED_AFTER = compile_pattern(
    r"[ \u00a0]+(?:more|less|higher|lower|larger|smaller|bigger|greater|faster|as|the|that|"
    r"over|what)(?![A-Za-z])",
    re.IGNORECASE,
)
_CHANGE_BEFORE = compile_pattern(
    r"(?<![A-Za-z])(?:grew|grow|grows|rose|rise|rises|increased|jumped|surged|climbed|soared|"
    r"expanded|multiplied|doubled|fell|dropped|up|down|by)[ \u00a0]+\Z",
    re.IGNORECASE,
)
_BARE_SCALE = compile_pattern(r"(?:hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
_VAGUE_BEFORE = compile_pattern(
    r"(?<![A-Za-z])(?:few|several|many|some|tens\s+of|hundreds\s+of|thousands\s+of)[ \u00a0]+\Z",
    re.IGNORECASE,
)
_DETERMINER_BEFORE = compile_pattern(
    r"(?<![A-Za-z])(?:the|this|that|which|each|any|every|no|another|one|a|little)[ \u00a0]+\Z",
    re.IGNORECASE,
)
_HYPHEN_WORD = compile_pattern(r"-[A-Za-z]")
_CAPITALS = compile_pattern(r"[A-Z][A-Za-z.]*")
_WORD_NEXT = compile_pattern(r"[ \u00a0]+[A-Za-z]")
_OF_AFTER = compile_pattern(r"[ \u00a0]+of(?![A-Za-z])", re.IGNORECASE)
_PERCENT_OF_BEFORE = compile_pattern(
    r"(?:\A|[.!?;:(][ \u00a0]+)(?:per[ \u00a0]?cents?|percents?)[ \u00a0]+of[ \u00a0]+\Z",
    re.IGNORECASE,
)
_PHRASE_END = compile_pattern(r"[ \u00a0]*(?:[.,;:!?)]|\Z)")

_RANGE_JOIN = compile_pattern(
    r"[ \u00a0]*(?:(?P<dash>[-–—~〜～至到])|(?P<word>to|through|thru|and|till|until))[ \u00a0]*\Z",
    re.IGNORECASE,
)
_BETWEEN = compile_pattern(r"(?<![A-Za-z])between[ \u00a0]+\Z", re.IGNORECASE)
_FROM = compile_pattern(r"(?<![A-Za-z])from[ \u00a0]+\Z", re.IGNORECASE)

_ACCOUNTS_OPEN = compile_pattern(
    r"(?:(?<![A-Za-z])(?:is|was|were|are|be|been)|:)[ \u00a0]*\([ \u00a0]*\Z", re.IGNORECASE
)
_A_CURRENCY = compile_pattern(
    r"(?<![A-Za-z])an?(?=[ \u00a0]+(?:dollar|buck|penny|cent|dime|nickel|pound|euro|quid)"
    r"[ \u00a0]*(?:[.,;:!?)]|\Z|(?:and|or|each|per|a)\b))",  # "a dollar." but not "a euro fund"
    re.IGNORECASE,
)
_EQUIVALENT_OPEN = compile_pattern(r"[ \u00a0]*[(（][ \u00a0]*(?:or[ \u00a0]+)?", re.IGNORECASE)
_EQUIVALENT_NEXT = compile_pattern(r"[ \u00a0]*[;,/][ \u00a0]*")
_EQUIVALENT_CLOSE = compile_pattern(r"[ \u00a0]*[)）]")

_AND_CENTS = compile_pattern(r"[ \u00a0]+(?:and[ \u00a0]+)?", re.IGNORECASE)
_CENTS_END = compile_pattern(r"[ \u00a0]*(?:[.,;:!?)]|\Z)")
_SCALE_AFTER_MARK = compile_pattern(
    r"[ \u00a0]+(?P<scale>thousand|million|billion|trillion|mn|bn|mln|bln|tn)(?![A-Za-z])",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- pass 2: figures


def _excluded(text: str) -> SpanIndex:
    return SpanIndex([(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)])


def _figure(text: str, numeral: Numeral, taken: int) -> _Figure | None:
    """The figure a numeral makes with the marks glued to it, or None if it is no quantity.

    `taken` is where the previous figure ended: a mark before it is already spoken for.
    """
    start, end = numeral.start, numeral.end
    before = currency_before(text, start)
    if before is not None and before.start < taken:
        before = None
    if before is None and _PHRASE_END.match(text, end):  # "ringgit 42", "dollar 22.5 million"
        before = currency_name_before(text, start)
        if before is not None and before.start < taken:
            before = None
    if before is not None:
        start = before.start
        minus = _MINUS_BEFORE.search(text, max(0, start - 2), start)
        if minus is not None and numeral.value > 0:  # "-€5 million", "−US$3bn"
            start = minus.start()
            numeral = replace(
                numeral, value=-numeral.value, steps=(*numeral.steps, "negative sign")
            )
    elif start and text[start - 1].isalpha() and text[start - 1].isascii():
        return None  # "COVID19", "GPT4": letters glued before the digits and no currency
        # (Chinese runs without spaces: "超过4500亿元" is fine)
    if numeral.words and before is None and _no_share(text, numeral):
        return None
    proportion_of = _OF_AFTER.match(text, end) if numeral.fraction else None
    if before is None and proportion_of:  # "a quarter of", "1/4 of": a share, in percent
        return _Figure(start, proportion_of.end(), MentionKind.PERCENT, _as_percent(numeral))
    percent_first = search_before(_PERCENT_OF_BEFORE, text, start)
    if before is None and percent_first and _PHRASE_END.match(text, end):
        fig = _Figure(percent_first.start(), end, MentionKind.PERCENT, numeral)
        fig.steps.append(f"{percent_first.group().strip()!r} before the number")
        return fig
    percent = percent_after(text, end)
    if percent is not None and before is None:
        new_end, how, surface = percent
        kind = MentionKind.PERCENT if how == "percent" else MentionKind.PERCENTAGE_POINTS
        fig = _Figure(start, new_end, kind, numeral)
        if how == "basis":
            fig.points_factor = BASIS_POINT
            fig.steps.append(f"{surface!r}: basis points, 100 to a percentage point")
        return fig
    after = currency_after(text, end)
    if (
        before is not None
        and after is not None
        and not after.surface[0].isalpha()
        and _NEXT_DIGITS.match(text, after.end)
    ):
        after = None  # "$ 20.00 $ 37.50": a second sign opens the next amount
    if (
        after is not None
        and numeral.year_like
        and _CAPITALS.fullmatch(after.surface)
        and after.surface.lower() not in NAMES
        and _WORD_NEXT.match(text, after.end)
    ):
        after = None  # "in 2024 DT reported", "the 2023 BD report": a year, then a name
    if after is not None and (
        before is None
        or is_unsettled(after.code)
        or is_unsettled(before.code)
        or after.code == before.code
    ):
        # "US$ 5 dollars", "新台幣5元": the more precise mark wins; "$1,190.00 AUD": the code does
        mark = before if before is not None and is_unsettled(after.code) else after
        if before is not None and is_unsettled(before.code) and is_unsettled(after.code):
            mark = common_reading(before, after) or mark  # "¥45亿元": yuan
        fig = _Figure(
            start, after.end, MentionKind.MONEY, _whole_units(text, numeral, mark), currency=mark
        )
        fig.minor = after.factor
        _scale_after_currency(text, fig)
        return fig
    if before is not None:
        fig = _Figure(
            start, end, MentionKind.MONEY, _whole_units(text, numeral, before), currency=before
        )
        fig.minor = before.factor
        return fig
    multiple = _multiple(text, numeral)
    if multiple is not None:
        fig = _Figure(start, multiple, MentionKind.NUMBER, numeral)
        fig.steps.append(f"a multiple: {text[start:multiple]!r} is × {numeral.value}")
        return fig
    unit = unit_after(text, end)
    if unit is not None:
        unit_end, surface, pint_unit = unit
        return _Figure(start, unit_end, MentionKind.QUANTITY, numeral, unit=(surface, pint_unit))
    if end < len(text) and _GLUED_LETTER.match(text, end) and not numeral.words:
        return None  # "4o" of GPT-4o, "20th", "5G": a name or an ordinal, not a number
    if _MONTH_BEFORE.search(text, max(0, start - 12), start) or _MONTH_AFTER.match(text, end):
        return None  # "February 20", "26 Aug": a date
    name = _NAME_BEFORE.search(text, max(0, start - 24), start)
    if name and not numeral.words and not _is_currency_word(name["word"]):
        return None  # "S&P 500", "iPhone 15", "No. 1": part of a name
    if text[start:end].lower() == "one" and _DETERMINER_BEFORE.search(
        text, max(0, start - 10), start
    ):
        return None  # "which one", "the one": a pronoun
    if _BARE_SCALE.match(text, start) and _VAGUE_BEFORE.search(text, max(0, start - 16), start):
        return None  # "a few thousand", "several million": no figure is stated
    return _Figure(start, end, MentionKind.NUMBER, numeral)


def _multiple(text: str, numeral: Numeral) -> int | None:
    """Where a multiple ends: "threefold", "3-fold", "10x", "2.5 times higher", "grew 2.5
    times"; None for a plain number, and for "called 3 times" (occasions, not a multiple)."""
    if numeral.multiple:
        return numeral.end
    if numeral.fraction or numeral.value <= 0:
        return None
    match = _MULTIPLE_AFTER.match(text, numeral.end)
    if match is None:
        return None
    if match["times"] and not (
        _COMPARED_AFTER.match(text, match.end())
        or _CHANGE_BEFORE.search(text, max(0, numeral.start - 16), numeral.start)
    ):
        return None
    return match.end()


def _no_share(text: str, numeral: Numeral) -> bool:
    """ "a quarter-over-quarter rise", "a half-hour": a fraction word inside a compound; "six
    quarters" (more than one whole, no "of"): quarters of a year, which the time reader takes."""
    if numeral.fraction and _HYPHEN_WORD.match(text, numeral.end):
        return True
    words = text[numeral.start : numeral.end].lower().split()
    return (
        len(words) == 2
        and words[1] == "quarters"
        and numeral.value >= 1
        and not _OF_AFTER.match(text, numeral.end)
    )


def _whole_units(text: str, numeral: Numeral, mark: CurrencyMark) -> Numeral:
    """ "Rp 31.500": in a currency written without minor units, ".500" groups thousands (but
    "74.683 trillion won" is a decimal: a scale follows)."""
    if numeral.scaled or not _DOT_THOUSANDS.fullmatch(numeral.digits):
        return numeral
    code = resolve_mark(mark.code, text)[0] if mark.code in AMBIGUOUS else mark.code
    if code not in WHOLE_UNIT_CURRENCIES:
        return numeral
    return replace(
        numeral,
        value=numeral.value * 1000,
        unit=numeral.unit * 1000,
        steps=(*numeral.steps, f"{code} has no minor units: the dot groups thousands"),
    )


def _as_percent(numeral: Numeral) -> Numeral:
    """A proportion ("a quarter of", "1 in 5") as a percentage."""
    return replace(
        numeral,
        value=numeral.value * 100,
        unit=numeral.unit * 100,
        steps=(*numeral.steps, "a proportion: × 100 %"),
    )


def _proportions(text: str, figures: list[_Figure]) -> list[_Figure]:
    """ "one out of three", "1 in 5": a proportion, read as a percentage."""
    kept: list[_Figure] = []
    for fig in figures:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and prev.kind is MentionKind.NUMBER is fig.kind
            and prev.high is None
            and fig.high is None
            and not fig.low.year_like
            and _OUT_OF.fullmatch(text, prev.end, fig.start)
            and 0 < prev.low.value < fig.low.value
        ):
            ratio = prev.low.value / fig.low.value
            numeral = replace(
                prev.low,
                end=fig.end,
                value=ratio,
                unit=Decimal("1e-6"),
                steps=(
                    *prev.low.steps,
                    *fig.low.steps,
                    f"proportion {prev.low.value}/{fig.low.value}",
                ),
            )
            kept[-1] = _Figure(prev.start, fig.end, MentionKind.PERCENT, _as_percent(numeral))
            continue
        kept.append(fig)
    return kept


def _is_currency_word(word: str) -> bool:
    """ "USD", "Rupees": a currency written before a number is no name ("17 USD 25")."""
    return word.upper() in CODES or word in PREFIXES or word.lower() in NAMES


def _scale_after_currency(text: str, fig: _Figure) -> None:
    """ "75 USD million": a scale word after the currency still scales the amount."""
    if fig.low.scaled:
        return
    match = _SCALE_AFTER_MARK.match(text, fig.end)
    if match:
        factor = SCALE_WORDS[match["scale"].lower()]
        fig.low = replace(
            fig.low,
            value=fig.low.value * factor,
            unit=fig.low.unit * factor,
            factor=factor,
            scaled=True,
            steps=(*fig.low.steps, f"scale {match['scale']!r} after the currency × {factor:,}"),
        )
        fig.end = match.end()


# --------------------------------------------------------------------------- pass 3: ranges


def _joinable(text: str, left: _Figure, right: _Figure) -> re.Match[str] | None:
    gap = text[left.end : right.start]
    join = _RANGE_JOIN.fullmatch(gap)
    if join is None:
        return None
    if join["word"] and join["word"].lower() == "and":
        return join if _BETWEEN.search(text, max(0, left.start - 10), left.start) else None
    return join


def _merge_range(text: str, left: _Figure, right: _Figure) -> _Figure | None:
    """One figure for "X to Y" when the two sides agree in kind and currency."""
    if _joinable(text, left, right) is None or left.high or right.high:
        return None
    kinds = {left.kind, right.kind}
    if len(kinds) == 2 and MentionKind.NUMBER not in kinds:
        return None
    currency = left.currency or right.currency
    if left.currency and right.currency and left.currency.code != right.currency.code:
        # "$5 to HK$7", "新台幣1.64兆元到1.76兆元": a bare mark takes the other end's currency
        one, other = sorted((left.currency, right.currency), key=lambda m: is_unsettled(m.code))
        if not may_mean(other.code, one.code):
            return None
        currency = one
    low, high = left.low, right.low
    if low.year_like and high.scaled and low.value > high.value / high.factor:
        return None  # "from 18.6 billion in 2023 to 5.5 billion": a year, then an amount
    if not low.scaled and high.factor > 1 and low.value <= high.value / high.factor:
        low = replace(
            low,
            value=low.value * high.factor,
            unit=low.unit * high.factor,
            factor=high.factor,
            scaled=True,
            steps=(*low.steps, f"scale of the range's other end × {high.factor:,}"),
        )
    if low.value > high.value:
        return None
    marked = right if right.kind is not MentionKind.NUMBER else left
    start = left.start
    between = _BETWEEN.search(text, max(0, start - 10), start) or _FROM.search(
        text, max(0, start - 10), start
    )
    if between:
        start = between.start()
    return _Figure(
        start,
        right.end,
        marked.kind,
        low,
        high,
        currency=currency,
        minor=marked.minor,
        points_factor=marked.points_factor,
        unit=marked.unit,
        bound=Bound.POINT,
        qualifier="range",
        steps=[*left.steps, *right.steps, f"range {text[start : right.end]!r}"],
    )


def _ranges(text: str, figures: list[_Figure]) -> list[_Figure]:
    merged: list[_Figure] = []
    for fig in figures:
        if merged:
            joined = _merge_range(text, merged[-1], fig)
            if joined is not None:
                merged[-1] = joined
                continue
        merged.append(fig)
    return merged


_OUT_OF = compile_pattern(r"[ \u00a0]+(?:out[ \u00a0]+of|in)[ \u00a0]+", re.IGNORECASE)
_BOTH_BOUNDS_JOIN = compile_pattern(
    r"[ \u00a0]*(?:,[ \u00a0]*)?(?:and|but|,)[ \u00a0]+", re.IGNORECASE
)


def _two_sided(text: str, figures: list[_Figure]) -> list[_Figure]:
    """ "more than 10 and less than 20", "at most 100 and at least 20": one range."""
    kept: list[_Figure] = []
    for fig in figures:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and prev.high is None
            and fig.high is None
            and {prev.bound, fig.bound} == {Bound.LOWER, Bound.UPPER}
            and (prev.kind is fig.kind or MentionKind.NUMBER in (prev.kind, fig.kind))
            and _BOTH_BOUNDS_JOIN.fullmatch(text, prev.end, fig.start)
        ):
            low, high = (prev, fig) if prev.bound is Bound.LOWER else (fig, prev)
            if low.low.value <= high.low.value:
                marked = prev if prev.kind is not MentionKind.NUMBER else fig
                merged = _Figure(
                    prev.start,
                    fig.end,
                    marked.kind,
                    low.low,
                    high.low,
                    currency=prev.currency or fig.currency,
                    minor=marked.minor,
                    unit=marked.unit,
                    noun=fig.noun,
                    qualifier="range",
                    steps=[*prev.steps, *fig.steps, "two bounds make one range"],
                )
                kept[-1] = merged
                continue
        kept.append(fig)
    return kept


def _qualify(text: str, fig: _Figure) -> None:
    """Widen or bound a figure by the qualifier before or after it (ranges keep their ends)."""
    before = qualifier_before(text, fig.start)
    if before is not None:
        q_start, bound, words = before
        fig.start = q_start
        fig.steps.append(f"qualifier {words!r}: {bound.value}")
        if fig.high is None:
            fig.bound, fig.qualifier = bound, words
    after = qualifier_after(text, fig.end)
    if after is not None and fig.high is None and fig.bound is Bound.POINT:
        q_end, bound, words = after
        fig.end = q_end
        fig.bound, fig.qualifier = bound, words
        fig.steps.append(f"qualifier {words!r}: {bound.value}")


# --------------------------------------------------------------------------- pass 4: links


def _dollars_and_cents(text: str, figures: list[_Figure]) -> list[_Figure]:
    """ "15 dollars and 15 cents", "$20 43", "3 CAD 3 cents": a whole amount followed by a
    number under 100 (unmarked at the end of a phrase, or in minor units) is one amount."""
    kept: list[_Figure] = []
    for fig in figures:
        prev = kept[-1] if kept else None
        if prev is not None and _cents_of(text, prev, fig):
            cents = fig.low.value * (
                fig.minor if fig.kind is MentionKind.MONEY else Decimal("0.01")
            )
            prev.low = replace(
                prev.low,
                value=prev.low.value + cents,
                unit=Decimal("0.01"),
                steps=(*prev.low.steps, f"and {fig.low.value} cents"),
            )
            prev.end = fig.end
            prev.minor = Decimal(1)
            prev.with_cents = True  # complete: no second helping
            continue
        kept.append(fig)
    return kept


def _cents_of(text: str, prev: _Figure, fig: _Figure) -> bool:
    if prev.kind is not MentionKind.MONEY or prev.high is not None or prev.with_cents:
        return False
    if prev.minor != 1 or prev.low.value != prev.low.value.to_integral_value():
        return False
    if not _AND_CENTS.fullmatch(text, prev.end, fig.start):
        return False
    value = fig.low.value
    if value != value.to_integral_value() or not 0 < value < 100 or fig.high is not None:
        return False
    if fig.kind is MentionKind.MONEY:
        return fig.minor < 1 and fig.start == fig.low.start
    return fig.kind is MentionKind.NUMBER and _CENTS_END.match(text, fig.end) is not None


def _link_equivalents(text: str, figures: list[_Figure]) -> None:
    """ "50 billion yuan ($7 billion)", "777 billion yuan ($107bn; £83bn)": the amounts in
    parentheses right after an amount restate it, in other currencies."""
    for i, prev in enumerate(figures):
        if prev.kind is not MentionKind.MONEY or i + 1 == len(figures):
            continue
        if not _EQUIVALENT_OPEN.fullmatch(text, prev.end, figures[i + 1].start):
            continue
        last = i + 1
        while (
            last + 1 < len(figures)
            and figures[last + 1].kind is MentionKind.MONEY
            and _EQUIVALENT_NEXT.fullmatch(text, figures[last].end, figures[last + 1].start)
        ):
            last += 1
        glosses = figures[i + 1 : last + 1]
        if any(f.kind is not MentionKind.MONEY for f in glosses):
            continue
        if _EQUIVALENT_CLOSE.match(text, glosses[-1].end) is None:
            continue
        for fig in glosses:
            fig.equivalent_of = prev.start
            fig.steps.append(f"restates the amount at offset {prev.start} in another currency")


def _is_year(text: str, fig: _Figure) -> bool:
    """A bare four-digit number in a year's place ("in 2024", "2023-24") is a date, and so is
    one before a noun ("2024 results": news groups the thousands of a count, "2,024 jets") or
    a possessive ("higher than 2022's")."""
    if not fig.low.year_like or fig.high is not None:
        return False
    if cjk_counter_after(text, fig.low.start, fig.low.end):
        return False  # "2024機": a count of aircraft, as a counter says
    if _POSSESSIVE.match(text, fig.low.end):
        return True
    return fig.bound is Bound.POINT


def _count(text: str, fig: _Figure) -> None:
    noun = count_noun_after(text, fig.end) or cjk_counter_after(text, fig.start, fig.end)
    if noun is not None:
        fig.end, fig.noun = noun
        fig.kind = MentionKind.COUNT
        fig.steps.append(f"counts {fig.noun!r}")
        after = qualifier_after(text, fig.end)  # "820機前後", "100 staff or more"
        if after is not None and fig.high is None and fig.bound is Bound.POINT:
            fig.end, fig.bound, fig.qualifier = after
            fig.steps.append(f"qualifier {fig.qualifier!r}: {fig.bound.value}")


# --------------------------------------------------------------------------- mentions


def _plain(value: Decimal) -> Decimal:
    """A Decimal without exponent or trailing zeros ("7E+9" → 7000000000, "3.2200" → 3.22)."""
    if value == value.to_integral_value():
        return Decimal(int(value))  # exact, however many digits
    return value.normalize()


def _amount(fig: _Figure, factor: Decimal) -> Amount:
    if fig.high is not None:
        return Amount(
            stated=None,
            low=_plain(fig.low.value * factor),
            high=_plain(fig.high.value * factor),
            qualifier="range",
        )
    stated = _plain(fig.low.value * factor)
    unit = fig.low.unit * factor
    amount = amount_for(stated, unit, fig.bound, fig.qualifier)
    return Amount(
        stated=amount.stated,
        low=None if amount.low is None else _plain(amount.low),
        high=None if amount.high is None else _plain(amount.high),
        qualifier=amount.qualifier,
    )


def _interval_note(amount: Amount, bound: Bound) -> str:
    """How the interval was drawn, for `--explain`."""
    low = "…" if amount.low is None else f"{amount.low:,}"
    high = "…" if amount.high is None else f"{amount.high:,}"
    why = {
        Bound.POINT: "± half a unit of the last stated digit",
        Bound.APPROX: "± half a unit of the last stated digit, plus 5 % for the qualifier",
        Bound.LOWER: "a lower bound",
        Bound.UPPER: "an upper bound",
        Bound.EXACT: "exact",
    }[bound]
    if amount.stated is None:
        why = "a stated range"
    return f"interval [{low}, {high}]: {why}"


def _mention(text: str, fig: _Figure, dollar: tuple[str, str] | None) -> Mention:
    steps = [*fig.low.steps, *(fig.high.steps if fig.high else ()), *fig.steps]
    value: Money | Percent | PercentagePoints | Count | Number | Quantity
    if fig.kind is MentionKind.MONEY and fig.currency is not None:
        code, note = fig.currency.code, None
        if code == DOLLAR:
            code, note = dollar or resolve_dollar(text)
            steps.append(note)
        elif code in AMBIGUOUS:
            code, note = resolve_mark(code, text)
            steps.append(note)
        else:
            steps.append(f"currency {fig.currency.surface!r} → {code}")
        if fig.minor != 1:
            steps.append(f"minor unit × {fig.minor}")
        value = Money(amount=_amount(fig, fig.minor), currency=code, currency_note=note)
    elif fig.kind is MentionKind.PERCENT:
        value = Percent(amount=_amount(fig, Decimal(1)), change=change_before(text, fig.start))
    elif fig.kind is MentionKind.PERCENTAGE_POINTS:
        value = PercentagePoints(
            amount=_amount(fig, fig.points_factor), change=change_before(text, fig.start)
        )
    elif fig.kind is MentionKind.QUANTITY and fig.unit is not None:
        surface, pint_unit = fig.unit
        amount = _amount(fig, Decimal(1))
        zero, target, dimension = canonical(Decimal(0), pint_unit)
        factor = canonical(Decimal(1), pint_unit)[0] - zero  # °C → K: a factor and an offset

        def convert(x: Decimal | None) -> Decimal | None:
            return None if x is None else _plain(x * factor + zero)

        value = Quantity(
            amount=Amount(
                stated=convert(amount.stated),
                low=convert(amount.low),
                high=convert(amount.high),
                qualifier=amount.qualifier,
            ),
            unit=target,
            dimension=dimension,
            stated_unit=surface,
        )
        steps.append(f"unit {surface!r} → {target} (×{factor})")
    elif fig.kind is MentionKind.COUNT and fig.noun is not None:
        value = Count(amount=_amount(fig, Decimal(1)), noun=fig.noun)
    else:
        value = Number(amount=_amount(fig, Decimal(1)))
    steps.append(_interval_note(value.amount, fig.bound))
    return Mention(
        kind=fig.kind,
        span=Span(start=fig.start, end=fig.end, text=text[fig.start : fig.end]),
        value=value,
        equivalent_of=fig.equivalent_of,
        trace=tuple(steps),
    )


def find_quantities(text: str) -> list[Mention]:
    """Every money amount, percentage, count, number and physical quantity in `text`."""
    excluded = _excluded(text)
    figures: list[_Figure] = []
    for numeral in _with_single_units(text, find_numerals(text)):
        if excluded.holds(numeral.start, numeral.end):
            continue
        fig = _figure(text, numeral, figures[-1].end if figures else 0)
        if fig is not None:
            figures.append(fig)
    figures = _proportions(text, _dollars_and_cents(text, _ranges(text, figures)))
    kept: list[_Figure] = []
    for fig in figures:
        _qualify(text, fig)
        if fig.kind is MentionKind.NUMBER:
            _count(text, fig)
        if fig.kind in (MentionKind.NUMBER, MentionKind.COUNT) and _is_year(text, fig):
            continue
        kept.append(fig)
    kept = _two_sided(text, kept)
    _link_equivalents(text, kept)
    _accounting_negatives(text, kept)
    dollar = resolve_dollar(text) if any(_bare_dollar(f) for f in kept) else None
    return [_mention(text, fig, dollar) for fig in kept]


def _with_single_units(text: str, numerals: Sequence[Numeral]) -> Sequence[Numeral]:
    """Add the "a" of "a dollar", "a penny": one of the currency named right after it."""
    singles = [
        Numeral(m.start(), m.end(), Decimal(1), Decimal(1), (f"{m.group()!r} → 1",), words=True)
        for m in _A_CURRENCY.finditer(text)
    ]
    if not singles:
        return numerals
    return sorted([*numerals, *singles], key=lambda n: n.start)


def _accounting_negatives(text: str, figures: list[_Figure]) -> None:
    """ "revenue was ($99.99)": an amount alone in parentheses after a verb or a colon is
    negative, as accounts write it; a restatement after another amount never is."""
    for fig in figures:
        if (
            fig.kind is MentionKind.MONEY
            and fig.equivalent_of is None
            and fig.high is None
            and fig.bound is Bound.POINT
            and fig.low.value > 0
            and _ACCOUNTS_OPEN.search(text, max(0, fig.start - 12), fig.start)
            and _EQUIVALENT_CLOSE.match(text, fig.end)
        ):
            fig.low = replace(
                fig.low,
                value=-fig.low.value,
                steps=(*fig.low.steps, "in parentheses after a verb: negative, as in accounts"),
            )


def _bare_dollar(fig: _Figure) -> bool:
    return fig.currency is not None and fig.currency.code == DOLLAR

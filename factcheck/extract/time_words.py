"""Time words as data: month and weekday names, units, number words, ordinals, relative
words and holidays, with the regex fragments built from them and small parsers of their
surfaces. Tables are module-level so that the patterns in `time_rules` compile once.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from factcheck.normalize import periods as P
from factcheck.regex_cache import compile_pattern
from factcheck.text import blank_after, blank_before, search_before

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed", "weds"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
# Lower-case surfaces that are ordinary English words more often than dates: taken as dates
# only when capitalised or next to another date word.
COMMON_WORDS = frozenset({"may", "march", "mar", "jan", "sat", "sun", "wed", "mon", "dec"})
# After "may"/"march" as a month: an end, punctuation, a number or a date word.
MONTH_FOLLOW = compile_pattern(
    r"\s*(?:$|[.,;:!?)\d]|(?:of|this|last|next|and|to|through|till|until|"
    r"in|-)\b)",
    re.I,
)
# "May I ask", "March on": the word used as a verb.
MODAL_USE = compile_pattern(
    r"\s+(?:i|we|you|he|she|it|they|not|also|be|have|the|a|an|this|that|on|out|to)\b", re.I
)
UNITS: dict[str, str] = {
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "wk": "week",
    "wks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "mo": "month",
    "mos": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "qtr": "quarter",
    "qtrs": "quarter",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
}
SECONDS = {"hour": 3600, "minute": 60, "second": 1}
CALENDAR_UNITS = frozenset({"day", "week", "fortnight", "month", "quarter", "year", "decade"})


def numbered(words: str, first: int) -> dict[str, int]:
    """Space-separated words numbered in order from `first`."""
    return {word: n for n, word in enumerate(words.split(), first)}


SMALL_NUMBERS = numbered(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen",
    first=0,
)
TENS = {
    word: 10 * n
    for word, n in numbered(
        "twenty thirty forty fifty sixty seventy eighty ninety", first=2
    ).items()
}
NUMBER_PHRASES: dict[str, Decimal] = {
    "a": Decimal(1),
    "an": Decimal(1),
    "a single": Decimal(1),
    "a couple of": Decimal(2),
    "couple": Decimal(2),
    "a couple": Decimal(2),
    "couple of": Decimal(2),
    "half a": Decimal("0.5"),
    "half an": Decimal("0.5"),
    "a half": Decimal("0.5"),
    "a dozen": Decimal(12),
    "dozen": Decimal(12),
    "½": Decimal("0.5"),
}
ORDINALS = numbered(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth",
    first=1,
)
ORDINALS.update({"twenty-" + w: 20 + n for w, n in list(ORDINALS.items())[:9]})
ORDINALS.update({"twenty " + w: 20 + n for w, n in list(ORDINALS.items())[:9]})
ORDINALS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
ORDINALS.update({"last": -1, "final": -1})


def alternation(words: object) -> str:
    """A regex alternation of `words`, longest first so that "sept" wins over "sep"."""
    assert isinstance(words, dict | frozenset | set | list | tuple)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len)[::-1])


NUMBER_WORD = (
    rf"(?:(?:{alternation(TENS)})(?:[-\s](?:{alternation(SMALL_NUMBERS)}))?"
    rf"|{alternation(SMALL_NUMBERS)})"
)
# Full names, or abbreviations with an optional dot ("Aug.", "Tues.").
MONTH = (
    rf"(?:{alternation([m for m in MONTHS if len(m) > 4])}"
    rf"|(?:{alternation([m for m in MONTHS if len(m) <= 4])})\.?)(?![a-z])"
)
WEEKDAY = (  # never inside a word: "Tomon Textiles" holds no Monday
    rf"(?<![A-Za-z])(?:{alternation([w for w in WEEKDAYS if len(w) > 5])}"
    rf"|(?:{alternation([w for w in WEEKDAYS if len(w) <= 5])})\.?)(?![a-z])"
)
UNIT = rf"(?:{alternation(UNITS)})(?![a-z])"
# A day of the month as a number (not the 12 of "$ 12").
DAY_NUM = r"(?<![$€£¥\d.,])(?<![$€£¥]\s)(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY_ORD = rf"(?:{alternation([w for w in ORDINALS if w not in ('last', 'final')])})"
# More number words after "January nineteen": a spelled-out year, not a day.
SPELLED_MORE = compile_pattern(rf"\s+(?:hundred|thousand|{NUMBER_WORD})\b", re.I)
NUM = rf"(?<![\w.])(?:\d+(?:\.\d+)?|{NUMBER_WORD}|{alternation(NUMBER_PHRASES)})"


def parse_number(surface: str) -> Decimal | None:
    """A small number written in digits or words ("3", "three", "twenty-one", "a couple of")."""
    s = re.sub(r"\s+", " ", surface.strip().lower())
    if s in NUMBER_PHRASES:
        return NUMBER_PHRASES[s]
    if s in SMALL_NUMBERS:
        return Decimal(SMALL_NUMBERS[s])
    tens, _, unit = s.replace("-", " ").partition(" ")
    if tens in TENS and (not unit or unit in SMALL_NUMBERS):
        return Decimal(TENS[tens] + SMALL_NUMBERS.get(unit, 0))
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


# An amount of time said loosely, for offsets within a day ("in a few hours", "in 3/4 h",
# "in three-quarters of an hour", "in 2 and a half hours"); fractions first, so that "a
# quarter of an hour" is not "a quarter".
LOOSE_AMOUNT = rf"""(?:(?<![\w./])[1-3]/[24](?![\d/])
    |(?:a|three)[\s-]quarters?\s+of\s+an
    |(?:a\s+)?few|a\s+pair\s+of
    |{NUM})(?:\s+and\s+an?\s+half)?"""
QUARTERS = {"a": Decimal("0.25"), "three": Decimal("0.75")}


def loose_amount(surface: str) -> Decimal | None:
    """The number of a `LOOSE_AMOUNT` ("a few" is 3, "a pair of" 2, "3/4" 0.75)."""
    s = re.sub(r"[\s-]+", " ", surface.strip().lower())
    s, half, _ = s.partition(" and a")
    extra = Decimal("0.5") if half else Decimal(0)
    fraction = re.fullmatch(r"(\d)/(\d)", s)
    quarters = re.fullmatch(r"(a|three) quarters? of an", s)
    value: Decimal | None
    if fraction:
        value = Decimal(fraction[1]) / Decimal(fraction[2])
    elif quarters:
        value = QUARTERS[quarters[1]]
    elif s in ("few", "a few", "a pair of"):
        value = Decimal(2 if "pair" in s else 3)
    else:
        value = parse_number(s)
    return None if value is None else value + extra


# The first word of a year said aloud: "nineteen" ninety-six, "seventeen" hundred.
CENTURY_WORDS = numbered(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty", 10
)
SPELLED_YEAR = rf"""(?:
    (?:{alternation(CENTURY_WORDS)})[\s-]+(?:hundred\s+(?:and\s+)?)?{NUMBER_WORD}  # nineteen six
    |(?:one|two)\s+thousand(?:\s+(?:and\s+)?{NUMBER_WORD})?)(?![\w-])  # two thousand and five
"""


def spelled_year(surface: str) -> int | None:
    """A year said aloud ("nineteen ninety six", "two thousand and fifteen", "seventeen
    hundred thirty three"); None when the words do not make one ("nineteen five")."""
    words = re.sub(r"[\s-]+", " ", surface.lower()).replace(" and ", " ").split()
    if "thousand" in words:
        rest = parse_number(" ".join(words[2:])) if words[2:] else Decimal(0)
        base = 1000 * SMALL_NUMBERS.get(words[0], 0)
        return base + int(rest) if rest is not None and 0 <= rest < 100 else None
    century = CENTURY_WORDS.get(words[0]) if words else None
    hundred = "hundred" in words
    rest = parse_number(" ".join(w for w in words[1:] if w != "hundred"))
    if century is None or rest is None or not 0 <= rest < 100 or (rest < 10 and not hundred):
        return None
    return 100 * century + int(rest)


def year_of(surface: str) -> int:
    """A written year: "2024", "'24" / "24" (2000s up to 2069, else 1900s), or said aloud
    ("nineteen ninety six"; 0 when the words make no year)."""
    if re.search(r"[a-z]", surface, re.I):
        return spelled_year(surface) or 0
    digits = surface.strip("'’ ")
    if len(digits) == 4:
        return int(digits)
    n = int(digits)
    return 2000 + n if n < 70 else 1900 + n


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def day_of(surface: str) -> int | None:
    s = re.sub(r"\s+", " ", surface.strip().lower())
    if s in ORDINALS:
        return ORDINALS[s]
    digits = re.match(r"\d+", s)
    return int(digits.group()) if digits else None


def lower_word_ok(surface: str, text: str, start: int, end: int) -> bool:
    """A bare month/weekday word that is also a common word ("may", "sun") counts only when
    capitalised (but not "May I …"), after a word that introduces a date or alone; `surface`
    is `text[start:end]`."""
    word = surface.rstrip(".")
    if word.lower() not in COMMON_WORDS or (blank_before(text, start) and blank_after(text, end)):
        return True  # alone, the whole text, it is the date word
    if word[:1].isupper() and not MODAL_USE.match(text, end):
        return True
    return search_before(_DATE_WORD_BEFORE, text, start) is not None


_DATE_WORD_BEFORE = compile_pattern(
    r"(?:\b(?:in|on|of|since|until|till|by|from|to|through|during|early|"
    r"late|mid|last|next|this|before|after|between|and)|-)\s*$",
    re.I,
)


# Offsets of relative words: "last year" is -1, "this year" 0, "next year" +1.
REL_OFFSET = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "preceding": -1,
    "this": 0,
    "current": 0,
    "present": 0,
    "same": 0,
    "next": 1,
    "coming": 1,
    "upcoming": 1,
    "following": 1,
}
# With "the", these read against the sentence's earlier period ("the previous year").
ANAPHORIC = frozenset({"previous", "prior", "preceding", "following", "same"})
DAY_WORDS = {
    "today": 0,
    "tonight": 0,
    "now": 0,
    "right now": 0,
    "at present": 0,
    "at the moment": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "at this time": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "tmrw": 1,
    "tmr": 1,
    "tonite": 0,
    "the day after tomorrow": 2,
    "the day before yesterday": -2,
    "day after tomorrow": 2,
    "day before yesterday": -2,
    "last night": -1,
    "last morning": -1,
    "last afternoon": -1,
    "last evening": -1,
    "next morning": 1,
    "next afternoon": 1,
    "next evening": 1,
    "till date": 0,
    "at the present time": 0,
    "at this moment": 0,
    "at the minute": 0,
}


def holiday_key(surface: str) -> str | None:
    """The `HOLIDAYS` key of a written holiday name ("St. Patrick’s Day")."""
    return HOLIDAY_KEYS.get(plain_name(surface))


def plain_name(name: str) -> str:
    """A holiday name without case, apostrophes, dots or "saint"."""
    name = re.sub(r"['’.]", "", name.lower())
    return re.sub(r"\bsaint\b", "st", re.sub(r"\s+", " ", name))


HOLIDAY_KEYS = {plain_name(name): name for name in P.HOLIDAYS}
YEAR4 = r"(?:1[0-9]\d\d|20\d\d|2100)"


def holiday_names(names: Iterable[str]) -> str:
    """Holiday names as written, as one alternation (longest first): apostrophes optional or
    curly, "St." or "Saint"."""
    return "|".join(
        re.escape(name)
        .replace("'", "['’]?")
        .replace(r"\ ", r"\s+")
        .replace(r"st\s+", r"(?:st\.?|saint)\s+")
        for name in sorted(names, key=len, reverse=True)
    )

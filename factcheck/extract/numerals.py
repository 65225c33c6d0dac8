"""Numerals: digits (with any common separators), number words, scales and Chinese numerals.

A numeral is read together with its precision: `unit` is the place value of its last stated
digit ("7 billion" → 1e9, "3.22 billion" → 1e7), which is what turns a stated figure into an
interval later. Everything here is plain data classes and compiled regexes: this module is on
the hot path of every extraction and imports nothing heavy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from factcheck.extract.numeral_words import (
    CHINESE_DIGITS,
    CHINESE_SCALES,
    DENOMINATORS,
    DIGIT_SCALES,
    DOT_GROUPING_MIN_WORDS,
    DOT_GROUPING_WORDS,
    ENGLISH_WORDS,
    FOREIGN_SCALES,
    FRACTION_WORDS,
    ORDINAL_UNITS,
    SCALE_SUFFIXES,
    SCALE_WORDS,
    TEENS,
    TENS,
    UNICODE_FRACTIONS,
    UNITS,
)
from factcheck.regex_cache import compile_pattern
from factcheck.text import SpanIndex

__all__ = ["Numeral", "find_numerals", "parse_numeral"]


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as written: its span, value, the place value of its last stated digit, and
    the steps that read it (shown by `--explain`)."""

    start: int
    end: int
    value: Decimal
    unit: Decimal
    steps: tuple[str, ...] = ()
    scaled: bool = False  # a scale word or suffix was applied ("bn", "million", 万)
    factor: Decimal = Decimal(1)  # the scale applied (1e9 for "bn"); value = digits × factor
    words: bool = False  # spelled out ("twenty-three")
    year_like: bool = False  # a bare four-digit integer that reads as a year (1800-2199)
    fraction: bool = False  # a ratio as written: "3/4", "½", "two thirds"
    digits: str = ""  # the digits as written, separators included ("31.500")
    multiple: bool = False  # "threefold": a number of times as much, not of things


_SPACE_GROUP = "[ \u00a0\u202f\u2009]"

_DIGITS = compile_pattern(
    r"""
    (?:
        (?<![\w.,/:])                      # not inside a word or a date
        (?:(?<![A-Za-z]-)|(?<=\d[kKmMbB]-)) # nor a model name (GPT-4), but "5k-20k" is fine
        (?P<sign>[-−](?=\.?\d))?          # a minus sign glued to the digits
      | (?<=[^\W\d_])                     # "CNY450", "R8,499": the currency is checked later
    )
    (?P<num>
        \d+(?:\.\d+)?[eE][+-]?\d+(?![\w])    # 1e10, 12.32e+14 (scientific)
      | \d+(?:\.\d+)?[ ]?[x×][ ]?10\^[-+]?\d+  # 1.3x10^6
      | (?:\d+(?:\.\d+)?[ ]?[x×][ ]?)?       # 8x2^10 (a multiple of a power),
        \d+(?:\.\d+)?\^[-+]{0,2}\d{1,3}(?!\d)  # 2^10, 2.5^-1 (a power)
      | \d{1,3}(?:[.,\s]\d{3})*              # a price tag whose cents end the text:
        (?:\.[ ]\d{2}(?=[ \u00a0]*[^\d\s.,;:!?]{0,5}\Z)   # "$119. 95", "8. 94 €"
          | ,[ ]\d{2}(?=[ \u00a0]*[^\d\s.,;:!?]{1,5}\Z))  # "118, 99 TL", not "aged 12, 50"
      | \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![,\d])  # 12,34,567.89 (Indian lakh grouping)
      | \d{1,3}(?:,\d{3})+(?:\.\d+)?        # 1,234,567.89
      | \d{1,3}(?:\.\d{3})+,\d{1,2}(?!\d)   # 1.234,56 (European)
      | \d{1,3}(?:\.\d{3}){2,}(?![\d,])     # 1.234.567 (European, no decimals)
      | \d{1,3}(?:'\d{3})+(?:[.,]\d+)?     # 1'234.50, 1'234,50 (Swiss)
      | \d{1,3}(?:"""
    + _SPACE_GROUP
    + r"""\d{3})+(?:[.,]\d{1,2})?(?!\d)      # 1 234 567,89 (spaced groups)
      | \d+,\d{1,2}(?![,.]?\d)              # 2,5 (decimal comma, unambiguous)
      | \d*\.\d+                            # 3.22, .08
      | \d+                                 # 42
    )
    (?:\s?(?P<frac>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]))?    # 2½
    """,
    re.VERBOSE,
)

_SCALE_AFTER = compile_pattern(
    r"""
    (?P<gap>[ \u00a0-]*)                    # "7 billion", "7-billion", "7billion"
    (?P<scale>"""
    + "|".join(
        sorted(
            (re.escape(w) for w in (*SCALE_WORDS, *DIGIT_SCALES, *FOREIGN_SCALES)),
            key=len,
            reverse=True,
        )
    )
    + r"""|k(?=\s*\Z|[^\w])                   # "2.33 k"
    )
    (?![A-Za-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)

_SUFFIX_AFTER = compile_pattern(
    r"""
    (?P<scale>"""
    + "|".join(sorted((re.escape(w) for w in SCALE_SUFFIXES), key=len, reverse=True))
    + r""")
    (?![A-Za-z])                            # "23bn", "$5m", "32K" glued to the digits
    """,
    re.VERBOSE,
)

# glued to digits: 億 and 兆 as much as 亿 and 万亿 ("1兆2724億"), but 兆 before a unit is mega
_CHINESE_SCALE_AFTER = compile_pattern(
    "(?P<scale>"
    + "|".join(
        w + "(?![瓦赫帕焦字位比])" if w == "兆" else w
        for w in sorted((w for w, f in CHINESE_SCALES.items() if f >= 100), key=len, reverse=True)
    )
    + ")"
)
# the next part of a compound: digits glued to a smaller scale ("…2724億", "…683억")
_CJK_PART_DIGITS = compile_pattern(
    r"\d{1,3},\d{3}(?!\d)|\d{1,4}(?:\.\d+)?"
)  # "9조8,413억": the part may group its thousands
_FOREIGN_SCALE_AFTER = compile_pattern(
    r"[ \u00a0]+(?:"
    + "|".join(sorted((re.escape(w) for w in FOREIGN_SCALES), key=len, reverse=True))
    + r")(?![^\W\d_])",
    re.IGNORECASE,
)

_FIRST_WORDS = (*UNITS, *TEENS, *TENS, *SCALE_WORDS, "hundred", "dozen", "dozens")
_SINGULAR_SCALES = ("thousand", "million", "billion", "trillion")
_WORD_RUN = compile_pattern(
    r"""
    (?<![A-Za-z])
    (?:minus\s+|negative\s+)?
    (?:"""
    + "|".join(sorted((*_FIRST_WORDS, "half", "quarter", "a", "an"), key=len, reverse=True))
    + r""")
    (?:(?:\s+|\s*-\s*|\s*,\s*(?=(?:and\s+)?[a-z]))  # joiners: space, hyphen, a comma inside
       (?:"""
    + "|".join(
        sorted(
            (
                *_FIRST_WORDS,
                *DENOMINATORS,
                *ORDINAL_UNITS,
                "and",
                "a",
                "an",
                "point",
                "couple",
                "pair",
            ),
            key=len,
            reverse=True,
        )
    )
    + r"""))*
    (?![A-Za-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)

_CHINESE_RUN = compile_pattern(r"[零〇一二两三四五六七八九十百千万亿]+")

_UNICODE_FRACTION = compile_pattern("[" + "".join(UNICODE_FRACTIONS) + "]")

_SIGN_WORD_BEFORE = compile_pattern(
    r"(?:(?<![A-Za-z])(?:minus|negative)[ \u00a0]+|(?<![\s\S])-[ \u00a0])\Z", re.I
)

_SLASH_FRACTION = compile_pattern(
    r"""
    (?<![\w/.,])
    (?P<sign>-\s?)?                          # -4/5, - 1 4/5
    (?:(?P<whole>\d{1,3})\s+)?               # 2 1/4 (a mixed number)
    (?P<num>\d{1,3})\s?/\s?(?P<den>\d{1,3})
    (?![\w/.,]|\s?/)
    """,
    re.VERBOSE,
)

_TOKEN = compile_pattern(r"[A-Za-z]+")

_HALF_OF = compile_pattern(r"(?<![A-Za-z-])half(?=[ \u00a0]+of(?![A-Za-z]))", re.IGNORECASE)
_WORD_BEFORE = compile_pattern(r"(?P<word>[A-Za-z0-9]+)[ \u00a0]+\Z")
# "the first half of 2024", "each half of the deal": a part of a period or a thing, no share
_HALF_PART = frozenset(
    "first second 1st 2nd latter former other back front the one each this that its".split()
)


def _halves(text: str) -> list[Numeral]:
    """ "half of the staff", "more than half of sales": a share of one half."""
    found = []
    for match in _HALF_OF.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
        if before is not None and before["word"].lower() in _HALF_PART:
            continue
        found.append(
            Numeral(
                start=match.start(),
                end=match.end(),
                value=Decimal("0.5"),
                unit=Decimal("1e-6"),
                steps=("'half' of a whole",),
                words=True,
                fraction=True,
            )
        )
    return found


_FOLD_WORD = compile_pattern(
    r"(?<![A-Za-z])(?P<n>"
    + "|".join(sorted((*UNITS, *TEENS, *TENS, "hundred", "thousand"), key=len, reverse=True))
    + r")-?fold(?![A-Za-z])",
    re.IGNORECASE,
)
_FOLD_VALUES = {**UNITS, **TEENS, **TENS, "hundred": 100, "thousand": 1000}


def _folds(text: str) -> list[Numeral]:
    """ "threefold", "ten-fold": a multiple spelled as one word."""
    return [
        Numeral(
            start=match.start(),
            end=match.end(),
            value=Decimal(_FOLD_VALUES[match["n"].lower()]),
            unit=Decimal(1),
            steps=(f"words {match.group()!r}: a multiple",),
            words=True,
            multiple=True,
        )
        for match in _FOLD_WORD.finditer(text)
    ]


def _place(digits: str) -> Decimal:
    """Place value of the last significant digit of a plain decimal string ("3.22" → 0.01).

    Trailing zeros of a whole number are not significant ("800" → 100, "70" → 10): "$70
    billion" is how a writer rounds 69.2 billion, not a claim precise to the billion.
    """
    whole, _, frac = digits.partition(".")
    if frac:
        return Decimal(1).scaleb(-len(frac))
    stripped = whole.rstrip("0")
    return Decimal(1).scaleb(len(whole) - len(stripped)) if stripped else Decimal(1)


_MAX_DIGITS = 30
_TIMES_TEN = compile_pattern(r"(?P<mantissa>\d+(?:\.\d+)?) ?[x×] ?10\^(?P<exponent>[-+]?\d+)")
_POWER = compile_pattern(
    r"(?:(?P<times>\d+(?:\.\d+)?) ?[x×] ?)?"  # 8x
    r"(?P<base>\d+(?:\.\d+)?)\^(?P<signs>[-+]*)(?P<exponent>\d+)"  # 2^10
)
_SPLIT_CENTS = compile_pattern(r"(?P<whole>[\d.,\s]+)[.,] (?P<cents>\d\d)")
_DOT_THOUSANDS = compile_pattern(r"\d{1,3}(?:\.\d{3})+")
_EUROPEAN = compile_pattern(r"\d{1,3}(?:\.\d{3})+,\d{1,2}|\d{1,3}(?:\.\d{3}){2,}")
_DECIMAL_COMMA = compile_pattern(r"\d+,\d{1,2}")
_SPACED_DECIMAL_COMMA = compile_pattern(r"[ \u00a0\u202f\u2009']\d{3},\d{1,2}\Z")
_GROUP_MARKS = compile_pattern(r"[,' \u00a0\u202f\u2009]")
_SPACE_MARKS = compile_pattern(r"[ \u00a0\u202f\u2009']")
_PRICE_MARKS = compile_pattern(r"[.,\s]")
_YEAR = compile_pattern(r"1[89]\d\d|2[01]\d\d")


def _normalise_digits(raw: str) -> tuple[str, str]:
    """A digit string with separators → a plain decimal string, and how it was read."""
    if raw.isdigit():
        return raw, ""
    power = _TIMES_TEN.fullmatch(raw)
    if power:
        return f"{power['mantissa']}e{power['exponent']}", "scientific notation"
    split = _SPLIT_CENTS.fullmatch(raw)
    if split:
        whole = _PRICE_MARKS.sub("", split["whole"])
        return f"{whole}.{split['cents']}", "price tag: a space after the decimal mark"
    if _EUROPEAN.fullmatch(raw):
        return raw.replace(".", "").replace(
            ",", "."
        ), "European separators (. thousands, , decimal)"
    if _DECIMAL_COMMA.fullmatch(raw):
        return raw.replace(",", "."), "decimal comma"
    if _SPACED_DECIMAL_COMMA.search(raw):
        plain = _SPACE_MARKS.sub("", raw).replace(",", ".")
        return plain, "spaced thousands, decimal comma"
    return _GROUP_MARKS.sub("", raw), ""


def _scale_value(word: str) -> Decimal:
    key = word.lower()
    return (
        SCALE_WORDS.get(key)
        or DIGIT_SCALES.get(key)
        or FOREIGN_SCALES.get(key)
        or SCALE_SUFFIXES.get(word)
        or SCALE_SUFFIXES[key]
    )


def _apply_scales(text: str, end: int) -> tuple[int, Decimal, list[str]]:
    """Read scale words after a numeral ("billion", "thousand millions", "bn", 亿): the new
    end, the factor and the steps."""
    glued = _SUFFIX_AFTER.match(text, end)
    if glued:
        factor = _scale_value(glued["scale"])
        return glued.end(), factor, [f"scale {glued['scale']!r} × {factor:,}"]
    chinese = _cjk_scales(text, end)
    if chinese:
        scales_end, factor, surface = chinese
        return scales_end, factor, [f"scale {surface!r} × {factor:,}"]
    steps: list[str] = []
    total = Decimal(1)
    while match := _SCALE_AFTER.match(text, end):
        factor = _scale_value(match["scale"])
        steps.append(f"scale {match['scale']!r} × {factor:,}")
        total, end = total * factor, match.end()
    return end, total, steps


def _power(raw: str) -> Decimal | None:
    """ "2^10", "2.5^-1", "8x2^10": the base raised to the exponent (an even count of minus
    signs cancels out), times any multiple; None when it has no finite value or is far too
    large to be stated."""
    match = _POWER.fullmatch(raw)
    if match is None:
        return None
    exponent = int(match["exponent"]) * (-1) ** match["signs"].count("-")
    base = Decimal(match["base"])
    if base == 0 or abs(exponent * base.adjusted()) > _MAX_DIGITS:
        return None
    power: Decimal = base**exponent
    return power * Decimal(match["times"] or 1)


_MORE_DIGITS = compile_pattern(r"[.,]\d")


def _cjk_scales(text: str, end: int) -> tuple[int, Decimal, str] | None:
    """The CJK scales glued at `end`, a smaller one times the larger after it ("千亿" 10^11,
    "천만" 10^7): their end, their product and their surface."""
    match = _CHINESE_SCALE_AFTER.match(text, end)
    if match is None:
        return None
    last = factor = CHINESE_SCALES[match["scale"]]
    while (more := _CHINESE_SCALE_AFTER.match(text, match.end())) and (
        CHINESE_SCALES[more["scale"]] > last
    ):
        last = CHINESE_SCALES[more["scale"]]
        factor *= last
        match = more
    return match.end(), factor, text[end : match.end()]


def _cjk_part(text: str, end: int) -> tuple[int, str, Decimal] | None:
    """The next part of a CJK compound: digits and their scales ("2724億", "5천억")."""
    digits = _CJK_PART_DIGITS.match(text, end)
    scales = _cjk_scales(text, digits.end()) if digits else None
    if digits is None or scales is None:
        return None
    return scales[0], digits.group(), scales[1]


def _cjk_compound(
    text: str, end: int, value: Decimal, factor: Decimal
) -> tuple[int, Decimal, Decimal, list[str]]:
    """ "1兆2724億", "6686億9800万", "1조5천억": parts glued to ever smaller scales add up.

    Returns the new end, the value, the place of its last digit and the steps.
    """
    steps: list[str] = []
    unit = factor
    while (part := _cjk_part(text, end)) and part[2] < factor:
        begin, (end, written, factor) = end, part
        digits = written.replace(",", "")
        value += Decimal(digits) * factor
        unit = _place(digits) * factor
        steps.append(f"plus {text[begin:end]!r}: {written} × {factor:,}")
    return end, value, unit, steps


def _read_digits(text: str, match: re.Match[str], thousands_dots: bool = False) -> Numeral | None:
    raw = match["num"]
    if _MORE_DIGITS.match(text, match.end()):
        return None  # "1.2.3", "$.750.30": a code or a garbled figure, no number
    if "^" in raw and not _TIMES_TEN.fullmatch(raw):
        power = _power(raw)
        if power is None:
            return None
        plain, how = format(power.normalize(), "f"), f"power {raw!r}"
    else:
        plain, how = _normalise_digits(raw)
    try:
        value = Decimal(plain)
    except InvalidOperation:
        return None
    if not -_MAX_DIGITS <= value.adjusted() <= _MAX_DIGITS:
        return None  # "1e999": no quantity anyone states; keeps the arithmetic bounded
    unit = _place(plain)
    steps = [f"digits {raw!r} → {plain}" + (f" ({how})" if how else "")]
    if match["frac"]:
        value += UNICODE_FRACTIONS[match["frac"]]
        unit = min(unit, Decimal("0.01"))
        steps.append(f"plus fraction {match['frac']}")
    start = match.start()
    sign_word = _SIGN_WORD_BEFORE.search(text, max(0, start - 10), start)
    if match["sign"] or sign_word:
        value = -value
        start = sign_word.start() if sign_word else start
        steps.append("negative sign")
    end = match.end()
    if text.startswith((",-", ",–"), end):  # "50,- Kč", "1.899,-": a whole amount
        end += 2
        steps.append("',-': no minor units")
        if _DOT_THOUSANDS.fullmatch(raw):  # so "1.899" groups thousands
            value = Decimal(raw.replace(".", "")).copy_sign(value)
            unit = Decimal(1)
            steps.append("'.' groups thousands before ',-'")
    foreign_scale = _DOT_THOUSANDS.fullmatch(raw) and _FOREIGN_SCALE_AFTER.match(text, end)
    if foreign_scale or (thousands_dots and _DOT_THOUSANDS.fullmatch(raw)):
        # "5.520 milhões", "2.319" in a text that writes decimal commas: the dot groups thousands
        value = Decimal(raw.replace(".", "")).copy_sign(value)
        unit = _place(raw.replace(".", ""))
        why = (
            "before a scale word of a language that does so"
            if foreign_scale
            else "the text writes no decimal points, and decimal commas or a language that does"
        )
        steps.append(f"'.' groups thousands: {why}")
    end, factor, scale_steps = _apply_scales(text, end)
    if scale_steps and factor >= 10**4 and _cjk_part(text, end):
        end, value, unit, more = _cjk_compound(text, end, value * factor, factor)
        factor = Decimal(1)
        scale_steps.extend(more)
    year_like = (
        not scale_steps
        and not match["sign"]
        and not match["frac"]
        and _YEAR.fullmatch(raw) is not None
    )
    return Numeral(
        start=start,
        end=end,
        value=value * factor,
        unit=unit * factor,
        steps=(*steps, *scale_steps),
        scaled=bool(scale_steps),
        factor=factor,
        year_like=year_like,
        digits=raw,
    )


# --------------------------------------------------------------------------- words


@dataclass(slots=True)
class _WordState:
    """Running state of the spelled-number reader (a small left-to-right automaton)."""

    total: Decimal = Decimal(0)
    group: Decimal = Decimal(0)
    last: str = ""  # kind of the last token accepted
    top_scale: Decimal = Decimal(0)
    decimals: str | None = None
    fraction: Decimal | None = None  # "and a half" waiting for its scale
    and_mark: Decimal | None = None  # value before an inner "and" ("one hundred and three …")


def _tens_ordinal(tok: str, nxt: str) -> int | None:
    """The denominator of "twenty-fifth(s)", "thirty first": tens plus an ordinal unit."""
    if tok in TENS and nxt in ORDINAL_UNITS:
        return TENS[tok] + ORDINAL_UNITS[nxt]
    return None


def _fraction_tail(tokens: list[str]) -> tuple[int, Decimal] | None:
    """ "three fifths", "fifty-four hundredths" after an "and": (tokens used, value)."""
    numerator = 0
    used = 0
    if used < len(tokens) and tokens[used] in TENS:
        numerator, used = TENS[tokens[used]], used + 1
    if (
        used < len(tokens)
        and (tokens[used] in UNITS or tokens[used] in TEENS)
        and numerator % 10 == 0
    ):
        numerator += UNITS.get(tokens[used], TEENS.get(tokens[used], 0))
        used += 1
    if used == 0 or used >= len(tokens) or tokens[used] not in DENOMINATORS:
        return None
    if (
        tokens[used] in FRACTION_WORDS
        and used + 1 < len(tokens)
        and tokens[used + 1] in SCALE_WORDS
    ):
        return None
    return used + 1, Decimal(numerator) / DENOMINATORS[tokens[used]]


def _read_words(tokens: list[str]) -> tuple[int, Decimal, Decimal] | None:
    """Read the longest spelled number at the start of `tokens`.

    Returns (tokens consumed, value, unit) or None. Follows how numbers are said: "two
    hundred and five", "three thousand millions", "one and a half billion", "half a
    million", "two point zero three".
    """
    s = _WordState()
    used = 0
    sign = Decimal(1)
    i = 0
    if tokens and tokens[0] in ("minus", "negative"):
        sign, i = Decimal(-1), 1
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if s.decimals is not None:
            if tok in UNITS and UNITS[tok] < 10:
                s.decimals += str(UNITS[tok])
                i += 1
                used = i
                continue
            if tok in TEENS and not s.decimals:  # "nought point eleven"
                s.decimals = str(TEENS[tok])
                used = i + 1
                break
            if tok in TENS and not s.decimals:
                digits = str(TENS[tok] + (UNITS.get(nxt, 0) if UNITS.get(nxt, 10) < 10 else 0))
                i += 2 if nxt in UNITS and UNITS[nxt] < 10 else 1
                s.decimals = digits
                used = i
            break
        compound = _tens_ordinal(tok, nxt)
        if compound and s.last in ("unit", "teen", "tens", "hundred", "scale", "a"):
            return i + 2, sign * (s.total + s.group) / compound, Decimal("-1")  # "one twenty-fifth"
        if (
            tok in DENOMINATORS
            and s.last in ("unit", "teen", "tens", "hundred", "scale", "a")
            and not (tok in FRACTION_WORDS and nxt in SCALE_WORDS)  # "half a million" differs
        ):
            numerator = s.total + s.group
            base = s.and_mark if s.and_mark is not None else Decimal(0)
            value = base + (numerator - base) / DENOMINATORS[tok]
            return i + 1, sign * value, Decimal("-1")  # unit -1 marks a fraction
        if (
            tok in ("half", "quarter", "quarters")
            and s.last in ("", "a", "unit")
            and nxt in SCALE_WORDS
        ):
            s.group = (s.group or Decimal(1)) * FRACTION_WORDS[tok.rstrip("s")]
            s.last = "half"  # "half million", "a quarter million", "three quarters billion"
            i += 1
            continue
        if s.last == "" and tok in ("hundred", *_SINGULAR_SCALES):
            s.group, s.last = Decimal(1), "a"  # "hundred", "million": one of them
            continue
        if tok in ("a", "an") and nxt in ("couple", "pair") and s.last == "":
            return i + 2, sign * 2, Decimal(1)  # "a couple", "a pair"
        if tok in ("a", "an"):
            if s.last in ("", "and") and (
                nxt in ("hundred", "dozen", "dozens", "half", "quarter")
                or nxt in SCALE_WORDS
                or nxt in DENOMINATORS
                or _tens_ordinal(nxt, tokens[i + 2] if i + 2 < len(tokens) else "")
            ):
                s.group, s.last = Decimal(1), "a"
                i += 1
                continue
            break
        if tok in UNITS or tok in TEENS:
            said = UNITS.get(tok, TEENS.get(tok, 0))
            small = tok in UNITS
            if s.last in ("", "hundred", "scale", "and") or (
                small and s.last == "tens" and said > 0
            ):
                s.group += said
                s.last = "unit" if small else "teen"
                i += 1
                used = i
                continue
            break
        if tok in TENS:
            if s.last in ("", "hundred", "scale", "and"):
                s.group += TENS[tok]
                s.last = "tens"
                i += 1
                used = i
                continue
            break
        if tok == "hundred":
            if s.last in ("unit", "teen", "tens", "a") and s.group < 100:
                s.group = (s.group or Decimal(1)) * 100
                s.last = "hundred"
                i += 1
                used = i
                continue
            break
        if tok in ("dozen", "dozens"):
            if s.last in ("unit", "teen", "tens", "a", "hundred", "half"):
                s.group *= 12
                s.last = "scale"
                i += 1
                used = i
                continue
            break
        if tok in SCALE_WORDS:
            factor = SCALE_WORDS[tok]
            if s.last in ("unit", "teen", "tens", "hundred", "a", "half", "frac"):
                amount = s.group + (s.fraction or 0)
                s.fraction = None
                if factor > s.top_scale:
                    s.total = (s.total + amount) * factor
                    s.top_scale = factor
                else:
                    s.total += amount * factor
                s.group = Decimal(0)
                s.last = "scale"
                i += 1
                used = i
                continue
            if s.last == "scale" and factor > s.top_scale:  # "three thousand millions"
                s.total *= factor
                s.top_scale *= factor
                i += 1
                used = i
                continue
            break
        if tok == "half":  # "half a billion", "half a dozen"
            after = tokens[i + 2] if i + 2 < len(tokens) else ""
            if (
                s.last == ""
                and nxt in ("a", "an")
                and (after in SCALE_WORDS or after in ("hundred", "dozen"))
            ):
                s.group, s.last = Decimal("0.5"), "half"
                i += 2
                continue
            break
        if tok == "and":
            after = tokens[i + 2] if i + 2 < len(tokens) else ""
            if nxt in ("a", "an", "one") and after in FRACTION_WORDS:
                tail: tuple[int, Decimal] | None = (2, FRACTION_WORDS[after])
            else:
                tail = _fraction_tail(tokens[i + 1 :])
            if tail is not None and s.last in ("unit", "teen", "tens", "hundred", "scale"):
                # "twenty and three fifths", "two million and a half" (of a million),
                # "one billion and a half million" (half of the scale named after it)
                taken, frac = tail
                end = i + 1 + taken
                then = tokens[end] if end < len(tokens) else ""
                if then in SCALE_WORDS and SCALE_WORDS[then] < s.top_scale:
                    value = s.total + s.group + frac * SCALE_WORDS[then]
                    return end + 1, sign * value, SCALE_WORDS[then] / 10
                if s.last == "scale":
                    value = s.total + s.group + frac * s.top_scale
                    return end, sign * value, s.top_scale / 10
                if after in FRACTION_WORDS and nxt in ("a", "an") and then in SCALE_WORDS:
                    s.fraction = frac  # "one and a half billion": waits for its scale
                    s.last = "frac"
                    i = used = end
                    continue
                return end, sign * (s.total + s.group + frac), Decimal("-1")
            if s.last in ("hundred", "scale") and (nxt in UNITS or nxt in TEENS or nxt in TENS):
                s.and_mark = s.total + s.group
                s.last = "and"
                i += 1
                continue
            break
        if tok == "point":
            if s.last in ("unit", "teen", "tens", "hundred", "scale") and (
                nxt in UNITS or nxt in TENS or nxt in TEENS
            ):
                s.decimals = ""
                i += 1
                continue
            break
        break
    if used == 0 or (used == 1 and tokens[0] in ("a", "an")):
        return None
    value = s.total + s.group + (s.fraction or 0)
    # precision: the last scale said ("twenty-three billion" → 1e9), a tenth of it after
    # "and a half" ("one and a half billion" → 1e8), the last decimal said, else units
    unit = Decimal(1)
    if s.decimals:
        value += Decimal("0." + s.decimals)
        unit = Decimal(1).scaleb(-len(s.decimals))
    elif s.top_scale and not s.group:
        unit = s.top_scale if value % s.top_scale == 0 else s.top_scale / 10
    return used, sign * value, unit


def _read_word_run(text: str, match: re.Match[str]) -> list[Numeral]:
    """Split a run of number words into the numbers it says ("one, two and three" → 3)."""
    found: list[Numeral] = []
    tokens = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(match.group())]
    base = match.start()
    k = 0
    while k < len(tokens):
        read = _read_words([t for t, _, _ in tokens[k:]])
        if read is None:
            k += 1
            continue
        used, value, unit = read
        start, end = base + tokens[k][1], base + tokens[k + used - 1][2]
        surface = text[start:end]
        fraction = unit < 0 and abs(value) < 1  # a ratio: "two thirds", "a fifth"
        if unit < 0:
            unit = Decimal("1e-6") if fraction else Decimal("0.01")
        found.append(
            Numeral(
                start=start,
                end=end,
                value=value,
                unit=unit,
                fraction=fraction,
                steps=(f"words {surface!r} → {value:,}",),
                scaled=any(t in SCALE_WORDS for t, _, _ in tokens[k : k + used]),
                words=True,
            )
        )
        k += used
    return found


# --------------------------------------------------------------------------- Chinese


def _read_chinese(run: str) -> Decimal | None:
    """Value of a Chinese numeral (三千五百, 两万, 四千五百亿); None when it is not one."""
    total = Decimal(0)
    section = Decimal(0)
    digit: Decimal | None = None
    for ch in run:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in ("十", "百", "千"):
            section += (digit if digit is not None else Decimal(1)) * CHINESE_SCALES[ch]
            digit = None
        elif ch in ("万", "亿"):
            section += digit or 0
            factor = CHINESE_SCALES[ch]
            total = (total + section) * factor if total < factor else total + section * factor
            section, digit = Decimal(0), None
    value = total + section + (digit or 0)
    return value if value > 0 or run in ("零", "〇") else None


def _chinese_numerals(text: str) -> list[Numeral]:
    found = []
    for match in _CHINESE_RUN.finditer(text):
        run = match.group()
        if not any(ch in CHINESE_DIGITS or ch == "十" for ch in run):
            continue  # a bare 万 or 亿 is a scale, read with the digits before it
        value = _read_chinese(run)
        if value is None:
            continue
        stripped = str(int(value)).rstrip("0") or "0"
        unit = Decimal(10) ** (len(str(int(value))) - len(stripped))
        found.append(
            Numeral(
                start=match.start(),
                end=match.end(),
                value=value,
                unit=unit,
                steps=(f"Chinese numeral {run!r} → {value:,}",),
                scaled=any(ch in "万亿" for ch in run),
            )
        )
    return found


# --------------------------------------------------------------------------- public


_LIST = compile_pattern(r"(?<![\w.,])\d{1,3}(?:,\d{1,3}){2,}(?![\w,]|\.\d)")
_GROUPED = compile_pattern(r"\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}")
_LIST_ITEM = compile_pattern(r"\d+")


def _listed(text: str) -> list[Numeral]:
    """ "pages 22,24,26": three or more small numbers joined by bare commas that do not
    group thousands are a list, one numeral per item."""
    items = []
    for run in _LIST.finditer(text):
        if _GROUPED.fullmatch(run.group()):
            continue
        for item in _LIST_ITEM.finditer(text, run.start(), run.end()):
            items.append(
                Numeral(
                    start=item.start(),
                    end=item.end(),
                    value=Decimal(item.group()),
                    unit=_place(item.group()),
                    steps=(f"item {item.group()!r} of the list {run.group()!r}",),
                    digits=item.group(),
                )
            )
    return items


_DECIMAL_COMMA_USE = compile_pattern(r"(?<![\d,.])\d+,\d{1,2}(?![\d,]|\.\d)")
_DECIMAL_POINT_USE = compile_pattern(r"(?<![\d.,])\d*\.(?:\d{1,2}|\d{4,})(?![\d,]|\.\d)")


_LOWER_WORD = compile_pattern(r"(?<![^\W\d_])[^\W\d_A-Z]+(?![^\W\d_])")


def _in_dot_grouping_language(text: str) -> bool:
    """Whether the text is in German, Italian, Portuguese … rather than English, by the
    function words of each."""
    english = foreign = 0
    for word in _LOWER_WORD.findall(text):
        english += word in ENGLISH_WORDS
        foreign += word in DOT_GROUPING_WORDS
    return foreign >= DOT_GROUPING_MIN_WORDS and foreign >= 2 * english


def _groups_with_dots(text: str) -> bool:
    """Whether "2.319" groups thousands in this text, as "1.557,6" does: it writes no decimal
    point anywhere ("3.22"), and it writes decimal commas ("16,7") or is in a language that
    groups thousands with dots."""
    return (
        "." in text
        and _DECIMAL_POINT_USE.search(text) is None
        and (_DECIMAL_COMMA_USE.search(text) is not None or _in_dot_grouping_language(text))
    )


@lru_cache(maxsize=4)
def find_numerals(text: str) -> tuple[Numeral, ...]:
    """Every numeral in `text`, in order, without overlaps; never raises.

    Remembered for the last few texts: quantities read a text's numerals, and the bench
    contract asks again for the numbers nested in its figures.
    """
    found = _listed(text) if "," in text else []
    listed = SpanIndex([(n.start, n.end) for n in found])
    thousands_dots = _groups_with_dots(text)
    for match in _DIGITS.finditer(text):
        if listed.first_covering(match.start()) is not None:
            continue
        numeral = _read_digits(text, match, thousands_dots)
        if numeral is not None:
            found.append(numeral)
    for match in _SLASH_FRACTION.finditer(text):
        den = int(match["den"])
        if int(match["num"]) < den:  # "24/7", "9/11" are no fractions
            value = Decimal(int(match["num"])) / den + int(match["whole"] or 0)
            if match["sign"]:
                value = -value
            found.append(
                Numeral(
                    start=match.start(),
                    end=match.end(),
                    value=value.quantize(Decimal("1e-12")).normalize(),
                    unit=Decimal("1e-6"),
                    steps=(f"fraction {match.group()!r}",),
                    fraction=True,
                )
            )
    for match in _UNICODE_FRACTION.finditer(text):
        if match.start() and text[match.start() - 1].isdigit():
            continue
        found.append(
            Numeral(
                start=match.start(),
                end=match.end(),
                value=UNICODE_FRACTIONS[match.group()],
                unit=Decimal("1e-6"),
                steps=(f"fraction {match.group()!r}",),
                fraction=True,
            )
        )
    found.extend(_halves(text))
    if "fold" in text:
        found.extend(_folds(text))
    digit_ends = {n.start: n.end for n in found}
    for match in _word_runs(text, digit_ends):
        for numeral in _read_word_run(text, match):
            end, factor, scale_steps = numeral.end, Decimal(1), list[str]()
            if not numeral.scaled:
                end, factor, scale_steps = _apply_scales(text, numeral.end)
            found.append(
                Numeral(
                    start=numeral.start,
                    end=end,
                    value=numeral.value * factor,
                    unit=numeral.unit * factor,
                    steps=(*numeral.steps, *scale_steps),
                    scaled=numeral.scaled or bool(scale_steps),
                    factor=factor,
                    words=True,
                    fraction=numeral.fraction,
                )
            )
    if not text.isascii():
        found.extend(_chinese_numerals(text))
    return tuple(_compounds(text, _without_overlaps(found)))


_COMPOUND_JOIN = compile_pattern(r"[ \u00a0]+(?:and[ \u00a0]+)?", re.IGNORECASE)
_AND = compile_pattern(r"[ \u00a0]+and[ \u00a0]+", re.IGNORECASE)
_OF = compile_pattern(r"[ \u00a0]+of[ \u00a0]+", re.IGNORECASE)
_BARE_SCALE_WORDS = compile_pattern(
    r"(?:an?[ \u00a0]+)?(?:hundred|thousand|million|billion|trillion)", re.I
)
_POINT = compile_pattern(r"[ \u00a0]+point[ \u00a0]+", re.IGNORECASE)
_OVER = compile_pattern(r"[ \u00a0]+over[ \u00a0]+", re.IGNORECASE)


def _compounds(text: str, numerals: list[Numeral]) -> list[Numeral]:
    """Join numerals that say one number together.

    - "4 thousand 3 hundred and 21": a numeral scaled by hundred or thousand and a smaller
      one after it add up;
    - "1 over 3": a numeral over another is a fraction (when nothing follows the second).
    """
    kept: list[Numeral] = []
    for numeral in numerals:
        prev = kept[-1] if kept else None
        if (
            prev is not None
            and numeral.fraction
            and prev.factor > 1
            and not prev.fraction
            and _AND.fullmatch(text, prev.end, numeral.start)
        ):  # "3 million and a half"
            kept[-1] = replace(
                prev,
                end=numeral.end,
                value=prev.value + numeral.value * prev.factor,
                unit=prev.factor / 10,
                steps=(*prev.steps, f"and {numeral.value} of the scale"),
            )
            continue
        if (
            prev is not None
            and prev.fraction
            and numeral.words
            and _OF.fullmatch(text, prev.end, numeral.start)
            and _BARE_SCALE_WORDS.fullmatch(text, numeral.start, numeral.end)
        ):  # "two thirds of a million"
            kept[-1] = replace(
                prev,
                end=numeral.end,
                value=prev.value * numeral.value,
                unit=numeral.value / 100,
                fraction=False,
                steps=(*prev.steps, f"of {numeral.value}"),
            )
            continue
        if prev is None or numeral.year_like or numeral.fraction or prev.fraction:
            kept.append(numeral)
            continue
        if (
            # larger scales are amounts ("$5 billion and 30%") unless the rest is spelled out
            # as a smaller scaled number: "6 crore and two hundred"
            (prev.factor in (100, 1000) or (numeral.words and numeral.value >= 100))
            and prev.value > 0
            and 0 < numeral.value < prev.factor
            and numeral.value == numeral.value.to_integral_value()
            and _COMPOUND_JOIN.fullmatch(text, prev.end, numeral.start)
        ):
            kept[-1] = replace(
                prev,
                end=numeral.end,
                value=prev.value + numeral.value,
                unit=numeral.unit,
                factor=numeral.factor,
                steps=(*prev.steps, f"plus {numeral.value}"),
            )
            continue
        if (
            numeral.digits.isdigit()
            and prev.digits.isdigit()
            and _POINT.fullmatch(text, prev.end, numeral.start)
        ):  # "1 point 1"
            decimals = Decimal(numeral.digits).scaleb(-len(numeral.digits))
            kept[-1] = replace(
                prev,
                end=numeral.end,
                value=prev.value + decimals,
                unit=Decimal(1).scaleb(-len(numeral.digits)),
                steps=(*prev.steps, f"point {numeral.digits}"),
            )
            continue
        if (
            numeral.value != 0
            and _OVER.fullmatch(text, prev.end, numeral.start)
            and _ENDS_PHRASE.match(text, numeral.end)
        ):
            kept[-1] = replace(
                prev,
                end=numeral.end,
                value=prev.value / numeral.value,
                unit=Decimal("1e-6"),
                fraction=True,
                steps=(*prev.steps, f"over {numeral.value}"),
            )
            continue
        kept.append(numeral)
    return kept


_ENDS_PHRASE = compile_pattern(r"[ \u00a0]*(?:[.,;:!?)]|\Z)")


def _word_runs(text: str, taken: dict[int, int]) -> list[re.Match[str]]:
    """Runs of number words that do not start inside a numeral already read from digits (the
    "million" of "3 million and a half" belongs to the 3)."""
    runs = []
    spans = SpanIndex(list(taken.items()))
    pos = 0
    while match := _WORD_RUN.search(text, pos):
        inside = spans.first_covering(match.start())
        if inside is not None:
            pos = inside[1]
            continue
        runs.append(match)
        pos = match.end()
    return runs


def _without_overlaps(found: list[Numeral]) -> list[Numeral]:
    """Keep the longest numeral where several overlap (a fraction "3/4" over "3" and "4")."""
    found.sort(key=lambda n: (n.start, -(n.end - n.start)))
    kept: list[Numeral] = []
    for numeral in found:
        if kept and numeral.start < kept[-1].end:
            continue
        kept.append(numeral)
    return kept


def parse_numeral(surface: str) -> Numeral | None:
    """The numeral that spans the whole of `surface` (surrounding spaces allowed), or None."""
    stripped = surface.strip()
    offset = surface.find(stripped) if stripped else 0
    for numeral in find_numerals(surface):
        if numeral.start == offset and numeral.end == offset + len(stripped):
            return numeral
    return None

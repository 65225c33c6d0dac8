"""Surface forms of numbers and scales, kept as data (English words, suffixes, Chinese).

The scales of other languages, read after digits ("4,2 Milliarden", "74조683억"), are in
data/scale_words.toml with their provenance.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

UNITS: dict[str, int] = {
    "zero": 0,
    "nought": 0,
    "naught": 0,
    "nil": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}

TEENS: dict[str, int] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}

TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# Scale words, written out; plurals ("millions") read the same.
SCALE_WORDS: dict[str, Decimal] = {
    "thousand": Decimal(10) ** 3,
    "thousands": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "millions": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "billions": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "trillions": Decimal(10) ** 12,
    "quadrillion": Decimal(10) ** 15,
    "quintillion": Decimal(10) ** 18,
    "sextillion": Decimal(10) ** 21,
    "septillion": Decimal(10) ** 24,
    "koti": Decimal(10) ** 7,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "lac": Decimal(10) ** 5,
    "lacs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "cr": Decimal(10) ** 7,
    "krores": Decimal(10) ** 7,
    "lkh": Decimal(10) ** 5,
    "lkhs": Decimal(10) ** 5,
    "mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "mio": Decimal(10) ** 6,
    "bn": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "tln": Decimal(10) ** 12,
}

# Abbreviations glued to the digits ("23bn", "$5m", "32K"); case matters for the one-letter
# ones, so they are listed as written.
SCALE_SUFFIXES: dict[str, Decimal] = {
    "k": Decimal(10) ** 3,
    "K": Decimal(10) ** 3,
    "m": Decimal(10) ** 6,
    "M": Decimal(10) ** 6,
    "mm": Decimal(10) ** 6,
    "MM": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "B": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "Bn": Decimal(10) ** 9,
    "BN": Decimal(10) ** 9,
    "bln": Decimal(10) ** 9,
    "mn": Decimal(10) ** 6,
    "Mn": Decimal(10) ** 6,
    "mln": Decimal(10) ** 6,
    "tn": Decimal(10) ** 12,
    "trn": Decimal(10) ** 12,
    "T": Decimal(10) ** 12,
    "mil": Decimal(10) ** 6,
}

# Words for small counts that are numbers all the same ("a couple of", "a pair").
COUNT_WORDS: dict[str, int] = {"couple": 2, "pair": 2, "dozen": 12}

FRACTION_WORDS: dict[str, Decimal] = {
    "half": Decimal("0.5"),
    "quarter": Decimal("0.25"),
    "third": Decimal(1) / 3,
    "fourth": Decimal("0.25"),
    "fifth": Decimal("0.2"),
}

# Ordinal units that end a compound denominator: "twenty-first(s)", "thirty fifth(s)".
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
ORDINAL_UNITS: dict[str, int] = {
    word + plural: n for n, word in enumerate(_ORDINALS, start=1) for plural in ("", "s")
}

# Ordinal words as denominators: "three fifths", "a hundredth", "two thirds".
_LARGE_ORDINALS = (
    ("tenth", 10),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 10**6),
    ("billionth", 10**9),
    ("trillionth", 10**12),
)
DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "quarter": 4,
    "quarters": 4,
    **{word: n for word, n in ORDINAL_UNITS.items() if n >= 3},
    **{word + plural: n for word, n in _LARGE_ORDINALS for plural in ("", "s")},
}

# Scales that follow digits but are read as ordinary words inside spelled numbers.
DIGIT_SCALES: dict[str, Decimal] = {
    "hundred": Decimal(100),
    "hundreds": Decimal(100),
    "dozen": Decimal(12),
    "dozens": Decimal(12),
    "doz": Decimal(12),
    "dozs": Decimal(12),
    "dz": Decimal(12),
    "dzs": Decimal(12),
}

UNICODE_FRACTIONS: dict[str, Decimal] = {
    "½": Decimal("0.5"),
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
    "¼": Decimal("0.25"),
    "¾": Decimal("0.75"),
    "⅕": Decimal("0.2"),
    "⅖": Decimal("0.4"),
    "⅗": Decimal("0.6"),
    "⅘": Decimal("0.8"),
    "⅙": Decimal(1) / 6,
    "⅚": Decimal(5) / 6,
    "⅛": Decimal("0.125"),
    "⅜": Decimal("0.375"),
    "⅝": Decimal("0.625"),
    "⅞": Decimal("0.875"),
}

CHINESE_DIGITS: dict[str, Decimal] = {
    "零": Decimal(0),
    "〇": Decimal(0),
    "一": Decimal(1),
    "二": Decimal(2),
    "两": Decimal(2),
    "三": Decimal(3),
    "四": Decimal(4),
    "五": Decimal(5),
    "六": Decimal(6),
    "七": Decimal(7),
    "八": Decimal(8),
    "九": Decimal(9),
}

_SCALE_DATA = tomllib.loads(
    (Path(__file__).parent / "data" / "scale_words.toml").read_text("utf-8")
)

_CONVENTIONS = tomllib.loads(
    (Path(__file__).parent / "data" / "number_conventions.toml").read_text("utf-8")
)
# The function words that tell English text from text in a language that groups thousands
# with dots, and how many a text needs (data/number_conventions.toml).
ENGLISH_WORDS: frozenset[str] = frozenset(_CONVENTIONS["english"]["words"])
DOT_GROUPING_WORDS: frozenset[str] = frozenset(
    word for words in _CONVENTIONS["dot_grouping"].values() for word in words
)
DOT_GROUPING_MIN_WORDS: int = _CONVENTIONS["min_words"]

# Scale words of other languages, after digits only, keyed in lower case.
FOREIGN_SCALES: dict[str, Decimal] = {
    word.lower(): Decimal(10) ** power for word, power in _SCALE_DATA["after_digits"].items()
}

# 亿 is 10^8, not a billion: misreading it is the classic tenfold error.
CHINESE_SCALES: dict[str, Decimal] = {
    word: Decimal(10) ** power for word, power in _SCALE_DATA["cjk"].items()
}

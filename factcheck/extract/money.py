"""Currency marks around a numeral, and how a bare "$" is resolved.

Readers look only at the few characters next to a numeral: a prefix ending where the numeral
starts ("US$", "RMB ", "€"), or a suffix starting where it ends ("yuan", "€", "元", "USD").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.extract.currencies import (
    CODE_ALIASES,
    CODE_WORDS,
    CODES,
    DOLLAR,
    DOLLAR_MARKS,
    DOLLAR_PREFIX_LETTERS,
    MINOR_UNITS,
    NAMES,
    PREFIXES,
    SUFFIXES,
)
from factcheck.regex_cache import compile_pattern

__all__ = [
    "CurrencyMark",
    "currency_after",
    "currency_before",
    "currency_name_before",
    "resolve_dollar",
]


@dataclass(frozen=True, slots=True)
class CurrencyMark:
    """A currency written next to an amount: where, as what, and which ISO code it means."""

    start: int
    end: int
    surface: str
    code: str  # ISO 4217, or DOLLAR for a bare dollar
    factor: Decimal = Decimal(1)  # minor units: "cents" → 0.01


def _alternation(surfaces: object) -> str:
    return "|".join(re.escape(s) for s in sorted(surfaces, key=len, reverse=True))  # type: ignore[call-overload]


_ALPHA_PREFIXES = [p for p in PREFIXES if p[0].isalpha() and "$" not in p] + [
    s for s in SUFFIXES if s[0].isalpha() and "$" not in s and s not in PREFIXES and len(s) > 1
]
_SYMBOL_PREFIXES = [p for p in PREFIXES if not p[0].isalpha()] + [
    s for s in SUFFIXES if not s[0].isalpha() and s not in PREFIXES
]
_MILLION = Decimal(10) ** 6

_PREFIX = compile_pattern(
    r"""
    (?:
        (?<![A-Za-z])(?P<letters>[A-Za-z]{1,3}|[Uu]\.[Ss]\.?)[ \u00a0]?\$  # US$, HK $, c $, u.s $
      | (?<![A-Za-z])(?P<alpha>"""
    + _alternation(_ALPHA_PREFIXES)
    + r""")(?![A-Za-z])                      # RMB, Rs., RM, Rp
      | (?<!\d)(?P<symbol>"""
    + _alternation(_SYMBOL_PREFIXES)
    + r""")                                  # $, €, £, ¥, ₹ (not glued to digits before)
      | (?<![A-Za-z])(?P<mcode>M[A-Z]{3})    # MUSD 30: millions of the currency
      | (?<![A-Za-z])(?P<code>[A-Za-z]{3})   # USD 200, CNY450, rmb 10
    )
    [ \u00a0]?                               # at most one space before the digits
    \Z
    """,
    re.VERBOSE,
)

_NAME_AFTER = compile_pattern(
    r"""
    (?:[ \u00a0]?-?[ \u00a0]?)              # "7 billion yuan", "5-dollar"
    (?:of\s+)?                              # "a million of dollars"
    (?P<name>"""
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True))
    + r""")
    (?![A-Za-z])
    """,
    re.VERBOSE | re.IGNORECASE,
)

_NAME_BEFORE = compile_pattern(
    r"(?<![A-Za-z])(?P<name>"
    + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True))
    + r")[ \u00a0]+\Z",
    re.IGNORECASE,
)

_SYMBOL_AFTER = compile_pattern(
    r"""
    [ \u00a0]?
    (?:
        (?P<symbol>"""
    + _alternation([x for x in SUFFIXES if not x[-1].isalpha()])
    + r""")                                  # €, $, 元: whatever follows ("€HT")
      | (?P<word>"""
    + _alternation([x for x in SUFFIXES if x[-1].isalpha()])
    + r""")(?![A-Za-z])                      # zł, руб, TL: a whole word
    )
    """,
    re.VERBOSE,
)

_CODE_AFTER = compile_pattern(r"[ \u00a0]?(?P<m>M)?(?P<code>[A-Za-z]{3})(?![A-Za-z])")

_MINOR_AFTER = compile_pattern(
    r"[ \u00a0-]?(?P<minor>"
    + _alternation([m for m in MINOR_UNITS if len(m) > 1])
    + r")(?![A-Za-z])|(?P<glued>[pc])(?![A-Za-z])|[ \u00a0]?(?P<cent>¢)",
    re.IGNORECASE,
)
_GLUED_DIGIT = compile_pattern(r"\d")

_WINDOW = 12


def _code(raw: str) -> str | None:
    """An ISO code as written, if it is one; lower case only when it is not also a word."""
    code = raw.upper()
    if code in CODE_ALIASES:
        return CODE_ALIASES[code]
    if code not in CODES or (raw != code and code in CODE_WORDS):
        return None
    return code


def currency_before(text: str, start: int) -> CurrencyMark | None:
    """The currency mark that ends where a numeral starts ("US$7bn", "RMB 50bn"), if any."""
    lo = max(0, start - _WINDOW)
    match = _PREFIX.search(text[lo:start])
    if match is None:
        return None
    factor = Decimal(1)
    if match["letters"]:
        letters = match["letters"].replace(".", "").upper()
        code = DOLLAR_PREFIX_LETTERS.get(letters) or _code(match["letters"])
        if code is None:  # unknown letters before "$": the "$" alone
            dollar = text.rfind("$", lo, start)
            return CurrencyMark(dollar, dollar + 1, "$", DOLLAR)
        surface = match.group().rstrip()
    elif match["alpha"] or match["symbol"]:
        surface = match["alpha"] or match["symbol"]
        code = PREFIXES.get(surface) or SUFFIXES[surface]
    elif match["mcode"]:
        surface = match["mcode"]
        code = _code(surface[1:]) or ""
        factor = _MILLION
    else:
        surface = match["code"]
        code = "" if surface.upper() in CODE_WORDS else _code(surface) or ""  # "ALL 5 of them"
    if not code:
        return None
    begin = lo + match.start()
    return CurrencyMark(begin, begin + len(surface), surface, code, factor)


def currency_name_before(text: str, start: int) -> CurrencyMark | None:
    """A currency named in words before the amount ("ringgit 42", "dollar 22.5 million")."""
    lo = max(0, start - 30)
    match = _NAME_BEFORE.search(text, lo, start)
    if match is None:
        return None
    name = re.sub(r"\s+", " ", match["name"].lower())
    return CurrencyMark(match.start("name"), match.end("name"), match["name"], NAMES[name])


def currency_after(text: str, end: int) -> CurrencyMark | None:
    """The currency mark that starts where a numeral ends ("3.2 billion RMB", "45亿元").

    A mark glued to the next digits ("10 $30") belongs to that next amount, not this one.
    """
    match = _NAME_AFTER.match(text, end)
    if match:
        name = re.sub(r"\s+", " ", match["name"].lower())
        return CurrencyMark(match.start("name"), match.end(), match["name"], NAMES[name])
    match = _SYMBOL_AFTER.match(text, end)
    if match and not _GLUED_DIGIT.match(text, match.end()):
        surface = match["symbol"] or match["word"]
        start = match.start("symbol") if match["symbol"] else match.start("word")
        return CurrencyMark(start, match.end(), surface, SUFFIXES[surface])
    match = _CODE_AFTER.match(text, end)
    if match and (code := _code(match["code"])) and not _GLUED_DIGIT.match(text, match.end()):
        factor = _MILLION if match["m"] else Decimal(1)
        return CurrencyMark(match.start(), match.end(), match.group().strip(), code, factor)
    match = _MINOR_AFTER.match(text, end)
    if match:
        surface = match["minor"] or match["glued"] or match["cent"]
        factor, code = MINOR_UNITS[surface.lower()]
        return CurrencyMark(match.start(match.lastgroup or 0), match.end(), surface, code, factor)
    return None


_DOLLAR_MARK = compile_pattern(_alternation(DOLLAR_MARKS))
_OTHER_DOLLARS = compile_pattern(r"(?<![A-Za-z])(?:HK|S|SG|A|AU|C|CA|NZ|NT)\$")


def resolve_dollar(text: str) -> tuple[str, str]:
    """The currency a bare "$" stands for in `text`, and a note saying why.

    A US mark elsewhere in the same text ("US$", "U.S. dollars") settles it; otherwise USD
    is assumed, and the note says so (and names any other dollar the text uses).
    """
    mark = _DOLLAR_MARK.search(text)
    if mark:
        return DOLLAR_MARKS[mark.group()], f"bare '$' read as USD: the text writes {mark.group()!r}"
    other = _OTHER_DOLLARS.search(text)
    if other:
        return "USD", (
            f"bare '$' assumed USD, but the text also writes {other.group()!r}: check the currency"
        )
    return "USD", "bare '$' assumed USD (no other dollar is named in the text)"


def is_dollar(code: str) -> bool:
    return code == DOLLAR

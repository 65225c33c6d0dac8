"""Currency marks around a numeral, and how a bare "$" is resolved.

Readers look only at the few characters next to a numeral: a prefix ending where the numeral
starts ("US$", "RMB ", "€"), or a suffix starting where it ends ("yuan", "€", "元", "USD").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from factcheck.extract.currencies import (
    AMBIGUOUS,
    CODE_ALIASES,
    CODE_WORDS,
    CODES,
    DOLLAR,
    DOLLAR_MARKS,
    DOLLAR_PREFIX_LETTERS,
    MINOR_UNITS,
    NAME_LIKE_CODES,
    NAMES,
    PREFIXES,
    SUFFIXES,
    WORDS_NOT_BEFORE,
)
from factcheck.regex_cache import compile_pattern

__all__ = [
    "CurrencyMark",
    "common_reading",
    "currency_after",
    "currency_before",
    "currency_name_before",
    "is_unsettled",
    "may_mean",
    "resolve_dollar",
    "resolve_mark",
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

# Letters open a prefix token only at the start of a word: not after a letter or digit, nor
# after an apostrophe ("the company's $5bn" is no S$, nor is a tokenised "the group ' s $").
_PREFIX_TOKEN = r"(?<![A-Za-z0-9'’ʼ])(?<!['’ʼ][ ])"
# Written apart from the "$", a word that is an article is no currency: "a $3.6bn round".
_ARTICLES = frozenset({"a", "an"})

_PREFIX = compile_pattern(
    r"""
    (?:
        """
    + _PREFIX_TOKEN
    + r"""(?P<letters>[A-Za-z]{1,3}|[Uu]\.[Ss]\.?)(?P<gap>[ \u00a0]?)\$  # US$, HK $, c $, u.s $
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
    (?:(?:of|de|di)\s+|d['’])?              # "a million of dollars", "milhões de euros"
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


def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    """Cues in capitals match as written, other Latin cues as words in any case, the rest
    (Chinese, Japanese) anywhere."""
    parts = []
    for cue in sorted(cues, key=len, reverse=True):
        if not cue.isascii():
            parts.append(re.escape(cue))
        elif cue.isupper() or not cue.isalpha():
            parts.append(rf"(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z])")
        else:
            parts.append(rf"(?i:(?<![A-Za-z]){re.escape(cue)}(?![A-Za-z]))")
    return compile_pattern("|".join(parts)) if parts else None


def _code(raw: str, text: str = "") -> str | None:
    """An ISO code as written, if it is one; lower case only when it is not also a word, never
    capitalised like a name ("Ars", "Ron"), and a name-like code ("AMD", "NPR") only where
    `text` names its currency or country."""
    code = raw.upper()
    if code in CODE_ALIASES:
        return CODE_ALIASES[code]
    if code not in CODES or (raw != code and (code in CODE_WORDS or raw.istitle())):
        return None
    if code in NAME_LIKE_CODES and not _names_currency(code, text):
        return None
    return code


# The per-text caches below answer a document's repeated questions (one per mention) and
# hold its text until a few later ones push it out: never more than this many entries.
TEXTS_KEPT = 8

_NAME_LIKE_CUES = {
    code: [p for p in (_cue_pattern(r.names), _cue_pattern(r.places)) if p is not None]
    for code, r in NAME_LIKE_CODES.items()
}


@lru_cache(maxsize=TEXTS_KEPT)
def _names_currency(code: str, text: str) -> bool:
    return any(pattern.search(text) is not None for pattern in _NAME_LIKE_CUES[code])


def clear_caches() -> None:
    """Forget the texts remembered by the per-text caches."""
    _names_currency.cache_clear()
    resolve_mark.cache_clear()


def currency_before(text: str, start: int) -> CurrencyMark | None:
    """The currency mark that ends where a numeral starts ("US$7bn", "RMB 50bn"), if any."""
    lo = max(0, start - _WINDOW)
    match = _PREFIX.search(text[lo:start])
    if match is None:
        return None
    factor = Decimal(1)
    if match["letters"] and match["gap"] and match["letters"].lower() in _ARTICLES:
        dollar = text.rfind("$", lo, start)  # "a $3.6bn": the article and a bare dollar
        return CurrencyMark(dollar, dollar + 1, "$", DOLLAR)
    if match["letters"]:
        letters = match["letters"].replace(".", "").upper()
        code = DOLLAR_PREFIX_LETTERS.get(letters) or _code(match["letters"], text)
        if code is None:  # unknown letters before "$": the "$" alone
            dollar = text.rfind("$", lo, start)
            return CurrencyMark(dollar, dollar + 1, "$", DOLLAR)
        surface = match.group().rstrip()
    elif match["alpha"] or match["symbol"]:
        surface = match["alpha"] or match["symbol"]
        code = PREFIXES.get(surface) or SUFFIXES[surface]
    elif match["mcode"]:
        surface = match["mcode"]
        code = _code(surface[1:], text) or ""
        factor = _MILLION
    else:
        surface = match["code"]
        code = "" if surface.upper() in CODE_WORDS else _code(surface, text) or ""  # "ALL 5"
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
    if name in WORDS_NOT_BEFORE:
        return None  # "the team won 3": a verb
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
    if match and (code := _code(match["code"], text)) and not _GLUED_DIGIT.match(text, match.end()):
        factor = _MILLION if match["m"] else Decimal(1)
        return CurrencyMark(match.start(), match.end(), match.group().strip(), code, factor)
    match = _MINOR_AFTER.match(text, end)
    if match:
        surface = match["minor"] or match["glued"] or match["cent"]
        factor, code = MINOR_UNITS[surface.lower()]
        return CurrencyMark(match.start(match.lastgroup or 0), match.end(), surface, code, factor)
    return None


_DOLLAR_MARK = compile_pattern(_alternation(DOLLAR_MARKS))
_OTHER_DOLLARS = compile_pattern(_PREFIX_TOKEN + r"(?:HK|S|SG|A|AU|C|CA|NZ|NT)\$")


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


def is_unsettled(code: str) -> bool:
    """A bare dollar or another ambiguous mark: any more precise mark next to it wins."""
    return code == DOLLAR or code in AMBIGUOUS


_DOLLARS = frozenset(DOLLAR_PREFIX_LETTERS.values()) | frozenset(DOLLAR_MARKS.values())


def _readings(unsettled: str) -> frozenset[str]:
    if unsettled == DOLLAR:
        return _DOLLARS
    entry = AMBIGUOUS.get(unsettled)
    if entry is None:
        return frozenset()
    return frozenset({entry.default, *(r.code for r in entry.readings)})


def may_mean(unsettled: str, code: str) -> bool:
    """Whether a bare "$" or an ambiguous mark can stand for `code` ("$" for HKD, "¥" for CNY)."""
    return code in _readings(unsettled)


def common_reading(one: CurrencyMark, other: CurrencyMark) -> CurrencyMark | None:
    """Two ambiguous marks around one amount settle each other when they share one reading:
    "¥45亿元" is yuan (¥ is yen or yuan, 元 yuan or a Taiwan or Hong Kong dollar)."""
    shared = _readings(one.code) & _readings(other.code)
    if one.code == other.code or len(shared) != 1:
        return None
    (code,) = shared
    return CurrencyMark(one.start, other.end, f"{one.surface}…{other.surface}", code)


@dataclass(frozen=True, slots=True)
class _Cues:
    code: str
    names: re.Pattern[str] | None
    places: re.Pattern[str] | None


_CUES = {
    mark: [_Cues(r.code, _cue_pattern(r.names), _cue_pattern(r.places)) for r in entry.readings]
    for mark, entry in AMBIGUOUS.items()
}


@lru_cache(maxsize=TEXTS_KEPT)
def resolve_mark(mark: str, text: str) -> tuple[str, str]:
    """The currency an ambiguous mark ("¥", "T$", "元") stands for in `text`, and why.

    The reading whose currency the text names most often wins ("yuan" makes "¥" CNY); if it
    names none, the one whose places it names most ("Taiwan" makes "T$" TWD); else the usual
    reading of the mark.
    """
    entry = AMBIGUOUS[mark]
    for kind in ("currency", "place"):
        counts = []
        for cues in _CUES[mark]:
            pattern = cues.names if kind == "currency" else cues.places
            found = [] if pattern is None else pattern.findall(text)
            counts.append((len(found), cues.code, found[0] if found else ""))
        counts.sort(key=lambda c: -c[0])
        if counts and counts[0][0] and (len(counts) == 1 or counts[1][0] < counts[0][0]):
            _, code, cue = counts[0]
            return code, f"bare {mark!r} read as {code}: the text names the {kind} {cue!r}"
    return entry.default, f"bare {mark!r} read as {entry.default} (no other reading is named)"

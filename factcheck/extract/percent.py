"""Percent and percentage-point marks after a numeral, and the verb that makes it a change."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from factcheck.regex_cache import compile_pattern

__all__ = ["change_before", "percent_after"]

_PERCENT_AFTER = compile_pattern(
    r"""
    [ \u00a0]?
    (?:
        (?P<points>percentage[ \u00a0-]points?|percent(?:age)?[ \u00a0]points?|pp\b|ppts?\b
          |[个個]?百分[点點])                         # 0.77个百分点
      | (?P<basis>basis[ \u00a0-]points?|bps\b|bp\b)
      | (?P<percent>%|％|percent(?:age|s)?|per[ \u00a0]?cento?|pct\b|pc\b
          |Prozent|por[ \u00a0]ciento|por[ \u00a0]cento|pour[ \u00a0]cent
          |procent|процент(?:а|ов)?|퍼센트|パーセント)  # the word in other languages
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

_RISE = (
    r"rose|rise[sn]?|rising|up|increased?|increases|increasing|grew|grow(?:s|n|ing)?|"
    r"gain(?:ed|s)?|jump(?:ed|s)?|climb(?:ed|s)?|surg(?:ed|es)|soar(?:ed|s)?|added|"
    r"higher|boost(?:ed)?|expand(?:ed)?|advanced"
)
_FALL = (
    r"fell|fall(?:s|ing|en)?|down|decreased?|decreases|decreasing|declin(?:ed|es|ing)|"
    r"drop(?:ped|s)?|slid|slipped|plunged|tumbled|lost|lower|shr[au]nk|contracted|"
    r"cut|slump(?:ed)?|sank|dipped"
)

_CHANGE_BEFORE = compile_pattern(
    rf"""
    (?<![A-Za-z])
    (?:(?P<rise>{_RISE})|(?P<fall>{_FALL}))
    (?:\s+(?:by|some|about|nearly|almost|more\s+than|over|around|roughly|approximately|a\s+further))*
    \s*\Z
    """,
    re.VERBOSE | re.IGNORECASE,
)

_WINDOW = 40
BASIS_POINT = Decimal("0.01")


def percent_after(text: str, end: int) -> tuple[int, str, str] | None:
    """(end, "percent" | "points" | "basis", surface) when a percent mark follows `end`."""
    match = _PERCENT_AFTER.match(text, end)
    if match is None or match.lastgroup is None:
        return None
    return match.end(), match.lastgroup, match[match.lastgroup]


def change_before(text: str, start: int) -> Literal["rise", "fall"] | None:
    """ "rise" or "fall" when a change verb leads up to the figure ("fell 2.8 percent")."""
    lo = max(0, start - _WINDOW)
    match = _CHANGE_BEFORE.search(text[lo:start])
    if match is None:
        return None
    return "rise" if match["rise"] else "fall"

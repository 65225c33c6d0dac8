"""Counts: a number of things, read as the numeral plus the plural noun that follows it
("190 AI model products", "more than a million of these processors", "100 LLMs"), or the
Chinese, Japanese or Korean counter glued to it ("427万辆", "820機").
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from factcheck.regex_cache import compile_pattern

__all__ = ["cjk_counter_after", "count_noun_after"]

_WORDS_AFTER = compile_pattern(
    r"""
    [ \u00a0]
    (?:of[ \u00a0]+(?:these|those|the|its|their|our|such)[ \u00a0]+)?  # "a million of these"
    (?P<words>[A-Za-z][\w'’-]*(?:[ \u00a0]+[A-Za-z][\w'’-]*){0,4})
    """,
    re.VERBOSE,
)

# Words that end a noun phrase: function words, auxiliaries and common verbs.
_STOP = frozenset(
    """a an the and or but nor of in on at to for from by with without into onto over under
    than as per via about after before since until during between among across through
    is are was were be been being has have had do does did will would shall should can could
    may might must this that these those it its their his her our your my we they he she
    who which what when where while if so also more less most least each every other such
    only just very too not no yes than then there here said says say told according""".split()
)

# Time words make durations, not counts (the time extractor reads them).
_TIME_NOUNS = frozenset(
    """seconds minutes hours days weeks months quarters years decades centuries times
    percent cents pence dollars euros pounds yuan yen""".split()
)

_IRREGULAR_PLURALS = frozenset(
    """people staff personnel children men women police cattle sheep fish aircraft
    offspring deer employees""".split()
)

_WORD = compile_pattern(r"\S+")
_NOT_PLURAL = compile_pattern(r"(?:ss|us|is|ics|ous|ess)\Z", re.IGNORECASE)


def _plural(word: str) -> bool:
    low = word.lower()
    if low in _IRREGULAR_PLURALS:
        return True
    if low in _STOP or len(word) < 3:
        return False
    return word.endswith("s") and not _NOT_PLURAL.search(word)


def count_noun_after(text: str, end: int) -> tuple[int, str] | None:
    """(end of noun, noun) when a plural noun phrase follows a numeral ending at `end`."""
    match = _WORDS_AFTER.match(text, end)
    if match is None:
        return None
    base = match.start("words")
    taken: list[re.Match[str]] = []
    for word in _WORD.finditer(match["words"]):
        if word.group().lower() in _STOP:
            break
        taken.append(word)
    for head in reversed(taken):
        if _plural(head.group()):
            if head.group().lower() in _TIME_NOUNS:
                return None
            return base + head.end(), " ".join(w.group() for w in taken[: taken.index(head) + 1])
    return None


# counter → the English plural it counts (data/cjk_counters.toml, with its provenance)
_COUNTERS: dict[str, str] = tomllib.loads(
    (Path(__file__).parent / "data" / "cjk_counters.toml").read_text("utf-8")
)["counters"]
_COUNTER = compile_pattern("|".join(sorted(_COUNTERS, key=len, reverse=True)))


def cjk_counter_after(text: str, start: int, end: int) -> tuple[int, str] | None:
    """(end of counter, the noun it counts) when a counter is glued to the numeral spanning
    `start`–`end`; none after 第, which makes an ordinal."""
    match = _COUNTER.match(text, end)
    if match is None or (start and text[start - 1] == "第"):
        return None
    return match.end(), _COUNTERS[match.group()]

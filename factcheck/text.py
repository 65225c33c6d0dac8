"""Sentences: the unit a claim's quote, subject and period are read from.

A deliberately small splitter: a line break always ends a sentence (news text loses its
markup into lines), and `.`, `!` or `?` end one when followed by white space and an
upper-case letter, a digit or a quote — unless the word before is a known abbreviation
("U.S.", "Corp.", "Mr.").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from factcheck.values import Span

# How far a cue before (or after) a position is looked for: every left-context pattern is a
# few words long ("no later than the", "the tenth closest Wednesday to the "), so a bounded
# window keeps extraction linear in a document's length (docs/performance.md).
WINDOW = 240
_NON_BLANK = re.compile(r"\S")

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr inc corp co ltd plc llc no vs etc jan feb mar apr jun jul aug "
    "sep sept oct nov dec u.s u.k e.g i.e a.m p.m".split()
)
_END = re.compile(r"""[.!?]+["'”’)\]]*(?=\s+(?:[-•*–]\s+)?["'“‘(]?[A-Z0-9])""")  # "… [1]. - In Q4"
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentences(text: str) -> list[Span]:
    """Non-blank sentences of `text` as spans, in order, stripped of surrounding space."""
    out: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end_match in _END.finditer(text, line.start(), line.end()):
            # the word before the stop, read back at most WINDOW characters (an abbreviation
            # is a short word: a longer run is none, cut or not)
            stop = end_match.start()
            before = _WORD_BEFORE.search(text, max(line.start(), stop - WINDOW), stop)
            if before and before.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            _append(out, text, start, end_match.end())
            start = end_match.end()
        _append(out, text, start, line.end())
    return out


def _append(out: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append(Span(start=start, end=end, text=text[start:end]))


def sentence_at(spans: list[Span], offset: int) -> Span | None:
    """The sentence containing `offset` (spans sorted, as `sentences` returns them)."""
    index = bisect_right(spans, offset, key=lambda span: span.start) - 1
    if index >= 0 and offset < spans[index].end:
        return spans[index]
    return None


def search_before(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """`pattern` (anchored on `$`) in the bounded left context of `pos`: never the whole
    text before it. Offsets are the text's; `\\b` and look-behinds see the real text."""
    return pattern.search(text, max(0, pos - WINDOW), pos)


def left(text: str, pos: int) -> str:
    """The bounded left context of `pos`, as a string: at most `WINDOW` characters, starting
    after a white space (so that a word boundary at its start is one in the text)."""
    lo = pos - WINDOW
    if lo <= 0:
        return text[:pos]
    space = re.compile(r"\s").search(text, lo, pos)
    return text[space.end() if space else pos : pos]


def blank_before(text: str, pos: int) -> bool:
    """Whether only white space comes before `pos` (read from the start: it stops at the
    first non-blank character)."""
    return _NON_BLANK.search(text, 0, pos) is None


def blank_after(text: str, pos: int) -> bool:
    """Whether only white space comes after `pos`."""
    return _NON_BLANK.search(text, pos) is None


class TakenSpans:
    """Disjoint spans already taken, kept sorted: whether a span is free is a bisect, not a
    scan of every span taken so far."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps no taken span."""
        index = bisect_right(self._starts, start) - 1
        if index >= 0 and self._ends[index] > start:
            return False
        nxt = index + 1
        return nxt >= len(self._starts) or self._starts[nxt] >= end

    def add(self, start: int, end: int) -> None:
        """Take [start, end) (free, as `free` said)."""
        index = bisect_right(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)


class SpanIndex:
    """Spans (overlapping or not) sorted once, with the furthest end reached so far: which
    span covers a position, or holds a span, is a bisect rather than a scan."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._spans = sorted(spans)
        self._starts = [start for start, _ in self._spans]
        self._reach: list[int] = []
        for _, end in self._spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def first_covering(self, pos: int) -> tuple[int, int] | None:
        """The first span (in sorted order) with start <= pos < end."""
        before = bisect_right(self._starts, pos)
        index = bisect_right(self._reach, pos, 0, before)
        return self._spans[index] if index < before else None

    def holds(self, start: int, end: int) -> bool:
        """Whether some span has lo <= start and end <= hi."""
        before = bisect_right(self._starts, start)
        return before > 0 and self._reach[before - 1] >= end


class Breaks:
    """Offsets of a text's breaks (line breaks, sentence ends), found once: which break a
    position follows is a bisect."""

    def __init__(self, ends: list[int]) -> None:
        self.ends = ends

    def count_before(self, pos: int) -> int:
        """How many breaks end at or before `pos`."""
        return bisect_right(self.ends, pos)


def line_breaks(text: str) -> Breaks:
    """The offsets just after each line break of `text`."""
    return Breaks([m.end() for m in re.finditer("\n", text)])

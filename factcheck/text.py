"""Sentences: the unit a claim's quote, subject and period are read from.

A deliberately small splitter: a line break always ends a sentence (news text loses its
markup into lines), and `.`, `!` or `?` end one when followed by white space and an
upper-case letter, a digit or a quote — unless the word before is a known abbreviation
("U.S.", "Corp.", "Mr.").
"""

from __future__ import annotations

import re

from factcheck.values import Span

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr inc corp co ltd plc llc no vs etc jan feb mar apr jun jul aug "
    "sep sept oct nov dec u.s u.k e.g i.e a.m p.m".split()
)
_END = re.compile(r"""[.!?]+["'”’)]*(?=\s+["'“‘(]?[A-Z0-9])""")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def sentences(text: str) -> list[Span]:
    """Non-blank sentences of `text` as spans, in order, stripped of surrounding space."""
    out: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        start = line.start()
        for end_match in _END.finditer(line.group()):
            before = _WORD_BEFORE.search(line.group()[: end_match.start()])
            if before and before.group(1).lower().rstrip(".") in _ABBREVIATIONS:
                continue
            _append(out, text, start, line.start() + end_match.end())
            start = line.start() + end_match.end()
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
    for span in spans:
        if span.start <= offset < span.end:
            return span
    return None

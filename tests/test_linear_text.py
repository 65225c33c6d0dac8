"""Extraction reads a bounded context around each position, never the whole text before it
(docs/performance.md): a document made of one paragraph repeated k times yields k times the
paragraph's mentions, each shifted by the paragraph's length. The paragraphs are chosen so
that no extractor legitimately reads across them: each states its own year (a year-less date
would take the year of an earlier paragraph), names its own organisation before "its" or "the
company", and a bare "$" sits with a "US$" in the same paragraph.

The bisect indexes that replace the scans of taken spans are checked against the scans."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract import extract
from factcheck.extract.time_rules import SENTENCE_END, Context
from factcheck.extract.time_rules import sentence_at as time_sentence_at
from factcheck.text import SpanIndex, TakenSpans, sentence_at, sentences
from factcheck.values import Mention, Span

PARAGRAPHS = [
    "Harbourline Freight said on 14 March 2023 that its revenue rose 12.5% to $4.2 billion, "
    "while chief executive Maria Olsen expects margins of about 8 percent in 2024.",
    "Volkswagen reported a net profit of 3.1 billion euros for the first half of 2022, down "
    "from 4.4 billion euros a year earlier; the company employs 670,000 people.",
    "Between January and June 2021 the city spent US$18 million, or 2.3 per cent of its "
    "budget, on repairs, mayor Tomas Reyes told reporters on Tuesday, 6 July 2021.",
    "Alibaba's chairman Joe Tsai said in September 2019 that the group would invest 100 "
    "billion yuan ($14 billion) over three years, a rise of 40 percent.",
]
COPIES = [1, 2, 3, 17, 1000]


def _shifted(mention: Mention, by: int, text: str) -> Mention:
    span = Span(start=mention.span.start + by, end=mention.span.end + by, text=mention.span.text)
    assert text[span.start : span.end] == span.text
    moved = None if mention.equivalent_of is None else mention.equivalent_of + by
    trace = tuple(  # "restates the amount at offset 79": the trace names the other's offset
        re.sub(r"(?<=at offset )\d+", lambda m: str(int(m.group()) + by), step)
        for step in mention.trace
    )
    return replace(mention, span=span, equivalent_of=moved, trace=trace)


@pytest.mark.parametrize("paragraph", PARAGRAPHS)
@pytest.mark.parametrize("published", [None, date(2024, 8, 27)])
def test_a_repeated_paragraph_yields_its_mentions_once_per_copy(
    paragraph: str, published: date | None
) -> None:
    unit = paragraph + "\n"
    one = extract(unit, published)
    assert len({m.kind for m in one}) >= 4  # figures, dates and names: not a trivial case
    for k in COPIES:
        text = unit * k
        expected = [_shifted(m, i * len(unit), text) for i in range(k) for m in one]
        assert extract(text, published) == expected, k


def _scan_free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    return all(end <= s or start >= e for s, e in taken)


SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=30)


@given(SPANS)
def test_taken_spans_say_what_a_scan_of_them_says(candidates: list[tuple[int, int]]) -> None:
    taken, scanned = TakenSpans(), list[tuple[int, int]]()
    for start, length in candidates:
        free = taken.free(start, start + length)
        assert free == _scan_free(scanned, start, start + length)
        if free:
            taken.add(start, start + length)
            scanned.append((start, start + length))


@given(SPANS, st.integers(0, 70), st.integers(0, 8))
def test_a_span_index_finds_what_a_scan_finds(
    raw: list[tuple[int, int]], pos: int, length: int
) -> None:
    spans = [(start, start + n) for start, n in raw]
    index = SpanIndex(spans)
    covering = next((s for s in sorted(spans) if s[0] <= pos < s[1]), None)
    assert index.first_covering(pos) == covering
    held = any(lo <= pos and pos + length <= hi for lo, hi in spans)
    assert index.holds(pos, pos + length) == held


SENTENCE_TEXT = st.lists(st.sampled_from(["A", "b", " ", "\n", ".", "!", '"', "(", "1"])).map(
    "".join
)


@given(SENTENCE_TEXT, st.data())
def test_the_sentence_around_a_date_is_the_one_a_search_of_the_text_before_finds(
    text: str, data: st.DataObject
) -> None:
    pos = data.draw(st.integers(0, len(text)))
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, pos)]
    end = SENTENCE_END.search(text, pos)
    expected = text[starts[-1] if starts else 0 : end.end() if end else len(text)]
    assert time_sentence_at(Context(text, None, None), pos) == expected


@given(SENTENCE_TEXT, st.data())
def test_sentence_at_finds_the_sentence_a_scan_finds(text: str, data: st.DataObject) -> None:
    spans = sentences(text)
    pos = data.draw(st.integers(0, len(text)))
    expected = next((s for s in spans if s.start <= pos < s.end), None)
    assert sentence_at(spans, pos) == expected


def test_a_left_context_cue_is_read_from_a_bounded_window() -> None:
    # "between ... and": the opener is a few words before the range, however long the text
    text = "x. " * 5000 + "between 3 March 2020 and 5 March 2020"
    ranges = [m for m in extract(text) if m.span.text.startswith("between")]
    assert [m.span.start for m in ranges] == [text.index("between")]
    assert re.fullmatch(r"between 3 March 2020 and 5 March 2020", ranges[0].span.text)


def test_an_open_side_after_a_date_ends_the_mention_where_its_words_end() -> None:
    # the suffix is read in place (not from a copy of the rest of the text): its end is the
    # text's offset, not one counted from the date's end
    text = "Can we meet in year 2012 or later, is that fine?"
    (period,) = [m for m in extract(text) if "2012" in m.span.text]
    assert period.span.text == "year 2012 or later"


def test_an_abbreviation_far_into_a_long_line_still_does_not_end_a_sentence() -> None:
    line = "Sales rose. " * 400 + "Shares of Acme Corp. Rose again. Then they fell."
    ends = [s.end for s in sentences(line)]
    corp = line.index("Corp.")
    assert corp + len("Corp.") not in ends  # "Corp." is an abbreviation: the sentence goes on
    assert len(ends) == 400 + 2

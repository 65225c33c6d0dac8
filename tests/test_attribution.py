"""Attribution cues: who a claim is credited to."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.attribution import find_attributions


@pytest.mark.parametrize(
    ("text", "credited"),
    [
        ("Baidu spent $2 billion, according to the FT.", "Financial Times"),
        ("The deal closed in May, as reported by Reuters.", "Reuters"),
        ("Bloomberg reported that the round was oversubscribed.", "Bloomberg"),
        ("The Wall Street Journal reported on Sunday that talks stalled.", "Wall Street Journal"),
        ("Revenue rose 8%, Robin Li said on a call.", "Robin Li"),
        ("Analysts predict a slowdown next year.", "analysts"),
        ("Sources say the unit will be spun off.", "sources"),
        ("Data compiled by research firm Canalys shows shipments fell.", "Canalys"),
        (
            "According to people familiar with the matter, the price was cut.",
            "people familiar with the matter",
        ),
        ("Prices rose, adds Counterpoint Research.", "Counterpoint Research"),
    ],
)
def test_credited_party(text: str, credited: str) -> None:
    assert [m.name for m in find_attributions(text)] == [credited]


def test_the_cue_span_covers_the_words() -> None:
    text = "Xiaomi shipped 10 million phones, according to the Financial Times."
    (m,) = find_attributions(text)
    assert m.span.text == "according to the Financial Times"


def test_pronouns_and_plain_verbs_credit_nobody() -> None:
    assert find_attributions("It said revenue rose. This shows growth.") == []


@given(st.text(max_size=300))
def test_never_raises_and_spans_slice(text: str) -> None:
    for m in find_attributions(text):
        assert text[m.span.start : m.span.end] == m.span.text
        assert m.name

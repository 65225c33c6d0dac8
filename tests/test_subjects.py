"""Subjects and attributions: who each figure is about, and who says so."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.extract.attribution import find_attributions
from factcheck.extract.entities import find_entities
from factcheck.models import Span, Subject
from factcheck.reference import load_reference
from factcheck.subjects import bind_attribution, bind_subject
from factcheck.text import sentence_at, sentences

REF = load_reference()


def _bind(text: str, figure: str, nth: int = 0) -> tuple[Subject, str | None]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    span = Span(start=start, end=start + len(figure), text=figure)
    sentence = sentence_at(sentences(text), start)
    assert sentence is not None
    mentions = [*find_entities(text, REF), *find_attributions(text)]
    return (
        bind_subject(text, span, sentence, mentions, REF),
        bind_attribution(text, span, sentence, mentions),
    )


def _single(name: str) -> Subject:
    return Subject(name=name)


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("Last quarter, Baidu spent 3 billion yuan on servers.", "3 billion", _single("Baidu")),
        (
            "Tencent Holdings Ltd has pledged $2 billion to gaming.",
            "$2 billion",
            _single("Tencent"),
        ),
        ("Baidu, which trails Alibaba in cloud, spent $1 billion.", "$1 billion", _single("Baidu")),
        (
            "Zhipu, the Beijing start-up backed by Tencent, raised $400 million.",
            "$400 million",
            _single("Zhipu AI"),
        ),
        ("Alibaba's $4 billion buyback was approved.", "$4 billion", _single("Alibaba")),
        ("Nvidia's roughly $30 billion in sales beat forecasts.", "$30 billion", _single("Nvidia")),
        (
            "TikTok's parent company holds a $40 billion cash pile.",
            "$40 billion",
            _single("ByteDance"),
        ),
    ],
)
def test_single_subjects(text: str, figure: str, subject: Subject) -> None:
    assert _bind(text, figure)[0] == subject


def test_a_coordinated_list_is_a_group_not_its_first_member() -> None:
    text = "Alibaba, Tencent and Baidu together spent 60 billion yuan on data centres."
    subject, _ = _bind(text, "60 billion")
    assert subject.kind == "group"
    assert subject.members == ("Alibaba", "Tencent", "Baidu")


def test_a_scraped_list_with_tickers_glued_on_is_still_the_group() -> None:
    text = (
        "Why: Alibaba BABA, Tencent TCEHYAnd Baidu BEGINNING In 2024, firms spent 9 billion yuan."
    )
    subject, _ = _bind(text, "9 billion")
    assert subject.members == ("Alibaba", "Tencent", "Baidu")


def test_percentages_of_each_possessor() -> None:
    text = "About 25% of Baidu's and 15% of Tencent's deals went to robotics."
    assert _bind(text, "25%")[0] == _single("Baidu")
    assert _bind(text, "15%")[0] == _single("Tencent")


def test_funding_is_about_the_investee() -> None:
    text = "Tencent and others poured $300 million into MiniMax last year."
    assert _bind(text, "$300 million")[0] == _single("MiniMax")


def test_funding_to_a_products_creators_is_about_the_maker() -> None:
    text = "Investors gave $200 million to the developers of ChatGPT."
    assert _bind(text, "$200 million")[0] == _single("OpenAI")


def test_the_company_and_pronouns_resolve_within_the_paragraph() -> None:
    text = (
        "Baidu Inc reported results on Tuesday. The company said it would spend $5 billion.\n"
        "Tencent cut costs. They expect 2 billion yuan in savings."
    )
    assert _bind(text, "$5 billion")[0] == _single("Baidu")
    assert _bind(text, "2 billion")[0] == _single("Tencent")  # not reaching the other paragraph


def test_they_prefers_a_group() -> None:
    text = "Alibaba and Tencent signed deals. They invested $900 million in robotics."
    subject, _ = _bind(text, "$900 million")
    assert subject.members == ("Alibaba", "Tencent")


@pytest.mark.parametrize(
    ("text", "figure", "name"),
    [
        ("Chinese tech giants spent $20 billion on chips.", "$20 billion", "Chinese tech giants"),
        ("Global chipmakers shipped 2 million units.", "2 million", "Global chipmakers"),
        (
            'The so-called "four tigers" are startups valued at over $2 billion each.',
            "$2 billion",
            "four tigers",
        ),
    ],
)
def test_generic_subjects_stay_generic(text: str, figure: str, name: str) -> None:
    assert _bind(text, figure)[0] == Subject(name=name, kind="generic")


def test_no_subject_is_unknown_not_a_guess() -> None:
    text = "Alibaba reported results.\nRevenue rose to $40 billion."
    assert _bind(text, "$40 billion")[0].kind == "unknown"


def test_attribution_from_the_sentence_or_the_paragraph() -> None:
    text = (
        "Baidu spent $1 billion, according to Reuters. Tencent spent $2 billion.\n"
        "ByteDance spent $3 billion."
    )
    assert _bind(text, "$1 billion")[1] == "Reuters"
    assert _bind(text, "$2 billion")[1] == "Reuters"  # the paragraph's source
    assert _bind(text, "$3 billion")[1] is None


def test_attribution_is_kept_apart_from_the_subject() -> None:
    text = "Alibaba invested $2 billion, the Financial Times reported."
    assert _bind(text, "$2 billion") == (_single("Alibaba"), "Financial Times")


@given(st.text(max_size=200), st.data())
def test_never_raises(text: str, data: st.DataObject) -> None:
    spans = sentences(text)
    if not spans:
        return
    sentence = data.draw(st.sampled_from(spans))
    start = data.draw(st.integers(sentence.start, sentence.end - 1))
    figure = Span(start=start, end=start + 1, text=text[start : start + 1])
    mentions = find_entities(text, REF)
    subject = bind_subject(text, figure, sentence, mentions, REF)
    assert subject.kind in ("single", "group", "generic", "unknown")

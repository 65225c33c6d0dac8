"""Organisations the reference does not know, told by the shape of their names and by what
surrounds them, and a story's company named only by its web address."""

from __future__ import annotations

import pytest

from factcheck.document import document_context
from factcheck.extract import extract
from factcheck.extract.entities import find_entities


def _names(text: str) -> list[str]:
    return [m.name or "" for m in find_entities(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Korea Shipbuilding Industries said orders rose.", "Korea Shipbuilding Industries"),
        ("Brazil Petroleum raised its dividend.", "Brazil Petroleum"),
        ("Quill Dynamics (QDX) gained 4% on Monday.", "Quill Dynamics"),
        ("Shares of Merrow Textiles (NYSE: MRW) fell.", "Merrow Textiles"),
        ("Ostwind Logistik N.V. reported results.", "Ostwind Logistik N.V."),
    ],
)
def test_unknown_companies_by_shape_and_context(text: str, name: str) -> None:
    assert name in _names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Net profit rose 5% in the quarter.",
        "Total sales reached a record.",
        "Operating income fell sharply.",
        "Q3 revenue beat forecasts.",
        "CEO Mara Lind expects growth.",
        "Last year Japan's exports grew.",
    ],
)
def test_statement_words_titles_periods_and_places_are_not_companies(text: str) -> None:
    assert _names(text) == []


def test_a_period_label_after_a_name_is_not_part_of_it() -> None:
    assert "Orbital Freight" in _names("Orbital Freight Q3 2025: margins hold")


def test_a_url_that_opens_with_an_acronym_names_the_story_company() -> None:
    text = "Consolidated revenue reached a record in the quarter, the filing showed.\n"
    url = "https://example.com/qdx-2025q3-report"
    ctx = document_context(None, url, text, extract(text), extract("qdx 2025q3 report"))
    assert ctx.organization == "QDX"


def test_a_url_that_opens_with_a_word_names_no_company() -> None:
    text = "Revenue reached a record in the quarter, the filing showed.\n"
    url = "https://example.com/record-revenue-in-q3"
    ctx = document_context(None, url, text, extract(text), extract("record revenue in q3"))
    assert ctx.organization is None

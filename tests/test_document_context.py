"""Document context: a claim's subject and period from the headline, the URL or the lead when
its sentence does not name them, and what that does to the findings."""

from __future__ import annotations

from datetime import date

from text_reports import report_of as _report

from factcheck.document import document_context, paragraphs, reporting_day, slug_words
from factcheck.extract import extract
from factcheck.models import Granularity, Severity


def _context(text: str, title: str | None = None, url: str | None = None) -> object:
    headline = title or slug_words(url)
    return document_context(title, url, text, extract(text), extract(headline) if headline else [])


def test_the_title_names_the_main_organisation_and_the_reporting_period() -> None:
    text = "Orbital Freight said demand held up.\nThe operating margin stood at 41.2%.\n"
    ctx = _context(text, title="Orbital Freight posts record third-quarter 2025 results")
    assert ctx.organization == "Orbital Freight"  # type: ignore[attr-defined]
    assert ctx.organization_basis == "the headline"  # type: ignore[attr-defined]


def test_a_lower_case_url_slug_finds_the_organisation_the_text_names() -> None:
    text = "Harbor Robotics Inc held its Q3 2025 earnings call on Thursday.\nMargins rose."
    ctx = _context(text, url="https://example.com/markets/harbor-robotics-q3-2025-call.html")
    assert ctx.organization == "Harbor Robotics Inc"  # type: ignore[attr-defined]
    assert ctx.period is not None  # type: ignore[attr-defined]
    assert ctx.period.granularity == Granularity.QUARTER  # type: ignore[attr-defined]
    assert (ctx.period.start, ctx.period_basis) == (  # type: ignore[attr-defined]
        date(2025, 7, 1),
        "the headline",
    )


def test_without_a_headline_the_lead_paragraph_gives_subject_and_period() -> None:
    text = (
        "Lotus Pharma Holdings reported its results for the first half of 2025 on Tuesday, "
        "citing strong demand for its generics.\n"
        "Revenue rose 8% to $2.1 billion.\n"
    )
    ctx = _context(text)
    assert ctx.organization == "Lotus Pharma Holdings"  # type: ignore[attr-defined]
    assert ctx.organization_basis == "the first paragraph"  # type: ignore[attr-defined]
    assert ctx.period is not None and ctx.period.granularity == Granularity.HALF  # type: ignore[attr-defined]


def test_an_organisation_governed_by_a_preposition_is_not_the_story_subject() -> None:
    text = "Shares of Vega Mining Corp fell sharply in early trading, analysts said on Monday.\n"
    ctx = _context(text)
    assert ctx.organization is None  # type: ignore[attr-defined]


def test_paragraphs_are_the_non_blank_lines_with_their_offsets() -> None:
    text = "  First line.\n\n   Second one  \n"
    spans = paragraphs(text)
    assert [s.text for s in spans] == ["First line.", "Second one"]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_slug_words_skip_ids_and_extensions() -> None:
    assert slug_words("https://x.org/news/2025/10/16/acme-lifts-guidance-1234567.html") == (
        "acme lifts guidance"
    )
    assert slug_words("https://x.org/") is None
    assert slug_words(None) is None


def test_an_undated_source_reads_year_less_quarters_in_its_reporting_year() -> None:
    ctx = _context("Zenith Motors Q3 2025 results.\nGuidance covers the fourth quarter.\n")
    day = reporting_day(ctx)  # type: ignore[arg-type]
    assert day is not None and day.year == 2025


def test_two_sources_naming_the_company_only_in_their_headlines_are_compared() -> None:
    a = "# Orbital Freight third-quarter 2025 results\n\nThe operating margin stood at 41.2%.\n"
    b = "# Orbital Freight Q3 2025: margins hold\n\nOperating margin was 44.8% in the period.\n"
    report = _report(("a", a), ("b", b))
    (finding,) = [f for f in report.findings if f.code == "FC101"]
    assert finding.severity == Severity.WARNING, "a finding on an inferred subject is a warning"
    assert "what the document implies" in finding.message
    claims = {c.source_id: c for c in report.claims}
    assert claims["a"].subject.name == "Orbital Freight"
    assert any("from the heading" in w or "from the headline" in w for w in claims["a"].inferred)


def test_a_comparison_base_does_not_date_the_figure_it_is_compared_with() -> None:
    text = (
        "# Lotus Pharma first-half 2025 results\n\n"
        "Lotus Pharma's revenue stood at $4.6 billion, down from $4.9 billion in the first "
        "half of 2024.\n"
    )
    report = _report(("a", text))
    by_figure = {c.span.text: c for c in report.claims}
    current, base = by_figure["$4.6 billion"], by_figure["$4.9 billion"]
    assert current.period is not None and current.period.start == date(2025, 1, 1)
    assert base.period is not None and base.period.start == date(2024, 1, 1)
    assert not [f for f in report.findings if f.severity != Severity.INFO]


def test_the_year_a_report_covers_does_not_date_the_day_it_came_out() -> None:
    from factcheck.extract.time import find_times

    text = "Lotus Pharma published its results for the 2023 financial year on Thursday, March 7."
    day = next(m for m in find_times(text, None) if "March" in m.span.text)
    assert day.value is not None and day.value.kind == "period" and day.value.period is None
    dated = next(m for m in find_times(text, date(2024, 2, 28)) if "March" in m.span.text)
    assert dated.value is not None and dated.value.kind == "period"
    assert dated.value.period is not None and dated.value.period.start == date(2024, 3, 7)


def test_a_day_after_a_figure_dates_it() -> None:
    report = _report(("a", "Lotus Pharma raised $3 million on 3 May 2024.\n"))
    (claim,) = report.claims
    assert claim.period is not None and claim.period.start == date(2024, 5, 3)


def test_a_bullet_after_a_full_stop_starts_a_sentence() -> None:
    from factcheck.text import sentences

    text = "Revenue rose 5% in 2025 [2]. - In Q4, profit grew 3%. • Sales fell. Mr. Lind spoke."
    assert [s.text for s in sentences(text)] == [
        "Revenue rose 5% in 2025 [2].",
        "- In Q4, profit grew 3%.",
        "• Sales fell.",
        "Mr. Lind spoke.",
    ]


def test_a_comparisons_base_year_does_not_date_a_later_quarter() -> None:
    from factcheck.extract.time import find_times

    text = "Annual revenue reached $38 billion, up 31.6% from 2024. In Q4, net profit grew 35%."
    quarter = next(m for m in find_times(text, date(2026, 1, 31)) if m.span.text == "Q4")
    assert quarter.value is not None and quarter.value.kind == "period"
    assert quarter.value.period is not None and quarter.value.period.start == date(2025, 10, 1)

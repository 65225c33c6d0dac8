"""End-to-end checks on short texts of our own: what only a whole pipeline run can show."""

from __future__ import annotations

from datetime import date

import factcheck
from factcheck.models import Report, Severity
from factcheck.sources import source_from_text

DAY = date(2024, 9, 1)


def run(*texts: str) -> Report:
    return factcheck.check(
        [source_from_text(f"s{i}", t, published=DAY) for i, t in enumerate(texts)]
    )


def codes(report: Report) -> list[str]:
    return [f.code for f in report.findings]


def test_a_growth_rate_that_contradicts_its_two_figures_is_flagged() -> None:
    r = run("Zeta Corp's revenue rose 50% to 10 billion yuan from 4 billion yuan in 2023.")
    assert codes(r) == ["FC108"]
    assert "50%" in r.findings[0].message


def test_a_growth_rate_that_fits_its_two_figures_is_not() -> None:
    r = run("Zeta Corp's revenue rose 150% to 10 billion yuan from 4 billion yuan in 2023.")
    assert codes(r) == []


def test_a_weekday_that_does_not_fit_its_date_is_flagged() -> None:
    r = run("On Friday, 22 August 2024, Zeta Corp said its revenue was $5 billion.")
    (finding,) = r.findings
    assert finding.code == "FC106" and "Thursday" in finding.message


def test_two_outlets_with_different_figures_for_one_quarter() -> None:
    r = run(
        "Orbital Freight reported revenue of $4.1 billion for the second quarter of 2024.",
        "Orbital Freight's revenue in the second quarter of 2024 was $5.3 billion, it said.",
    )
    errors = [f for f in r.findings if f.severity == Severity.ERROR]
    assert [f.code for f in errors] == ["FC101"]
    assert set(errors[0].sources) == {"s0", "s1"}


def test_the_same_figure_in_dollars_and_yuan_agrees() -> None:
    r = run(
        "Harbor Robotics invested 70 billion yuan in factories in 2024.",
        "Harbor Robotics invested about $9.8 billion in factories in 2024.",
    )
    assert codes(r) == ["FC901"]


def test_claim_ids_include_the_source_id_and_offsets() -> None:
    r = run("Quill Media raised $12 million.")
    (claim,) = r.claims
    assert claim.id == f"s0:{claim.span.start}-{claim.span.end}"
    assert claim.span.text == "$12 million"


def test_the_order_of_sources_does_not_change_the_report() -> None:
    texts = [
        "Orbital Freight reported revenue of $4.1 billion for the second quarter of 2024.",
        "Orbital Freight's revenue in the second quarter of 2024 was $5.3 billion.",
        "Orbital Freight said second-quarter 2024 revenue was about $4.1 billion.",
    ]
    sources = [source_from_text(f"s{i}", t, published=DAY) for i, t in enumerate(texts)]
    forward = factcheck.check(sources).to_json()
    assert factcheck.check(list(reversed(sources))).to_json() == forward

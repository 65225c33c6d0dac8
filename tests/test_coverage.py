"""Coverage in every report: figures found, claims made, and which claims went uncompared."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal

from claim_factory import money_claim, rounding, source
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck.coverage import claim_reasons, count_figures, measure_coverage, no_findings
from factcheck.extract import extract
from factcheck.models import Claim, CoverageReason, Granularity, Period, Report, Subject
from factcheck.pipeline import read_source
from factcheck.reference import load_reference
from factcheck.report.html import render_html
from factcheck.report.json_report import render_json
from factcheck.report.markdown import render_markdown
from factcheck.report.text import render_text
from factcheck.sources import source_from_text

DAY = date(2024, 9, 1)
YEAR = Period(
    start=date(2023, 1, 1), end=date(2024, 1, 1), granularity=Granularity.YEAR, label="2023"
)
NO_SUBJECT = Subject(name="unknown", kind="unknown")


def figure(
    offset: int,
    *,
    subject: Subject | None = None,
    metric: str = "revenue",
    period: Period | None = YEAR,
    period_text: str | None = "in 2023",
) -> Claim:
    """A claim in source "a" at `offset`, tied to what the arguments give."""
    claim = money_claim("a", "$5 billion", rounding(Decimal("5e9"), Decimal("1e9")), offset=offset)
    update: dict[str, object] = {"metric": metric, "period": period, "period_text": period_text}
    if subject is not None:
        update["subject"] = subject
    return claim.model_copy(update=update)


def report_of(*claims: Claim, figures: int | None = None) -> Report:
    """A report with no findings over `claims` (every claim its own figure unless told)."""
    coverage = measure_coverage(claims, 0, len(claims) if figures is None else figures)
    return Report(sources=(source("a", "x" * 200),), claims=claims, coverage=coverage)


def flat(text: str) -> str:
    """Text with its line wrapping undone, so a sentence can be found whatever the width."""
    return " ".join(text.split())


def html_text(page: str) -> str:
    return flat(re.sub(r"<[^>]+>", " ", page))


def every_format(report: Report) -> dict[str, str]:
    return {
        "text": flat(render_text(report)),
        "markdown": flat(render_markdown(report)),
        "html": html_text(render_html(report)),
    }


# --------------------------------------------------------------------------- the reasons


def test_each_reason_is_decided_from_the_claim() -> None:
    assert claim_reasons(figure(0)) == ()
    assert claim_reasons(figure(0, subject=NO_SUBJECT)) == (CoverageReason.NO_SUBJECT,)
    assert claim_reasons(figure(0, metric="unknown")) == (CoverageReason.NO_METRIC,)
    assert claim_reasons(figure(0, metric="unknown_share")) == (CoverageReason.NO_METRIC,)
    assert claim_reasons(figure(0, period=None, period_text=None)) == (
        CoverageReason.PERIOD_NOT_STATED,
    )
    assert claim_reasons(figure(0, period=None, period_text="last quarter")) == (
        CoverageReason.PERIOD_UNRESOLVED,
    )


def test_a_claim_that_is_not_compared_is_not_also_counted_as_loose() -> None:
    both = figure(0, subject=NO_SUBJECT, metric="unknown", period=None, period_text=None)
    assert claim_reasons(both) == (CoverageReason.NO_SUBJECT, CoverageReason.NO_METRIC)
    coverage = measure_coverage([both], 0, 1)
    assert coverage.not_compared == 1 and coverage.compared_loosely == 0
    assert coverage.reasons == {CoverageReason.NO_SUBJECT: 1}  # counted once, first reason


subjects = st.sampled_from([Subject(name="Acme"), NO_SUBJECT])
metrics = st.sampled_from(["revenue", "unknown", "unknown_share", "profit.operating"])
periods = st.sampled_from([(YEAR, "in 2023"), (None, None), (None, "that quarter")])


@settings(deadline=None)  # no wall-clock limit: the machine is shared
@given(st.lists(st.tuples(subjects, metrics, periods), max_size=12), st.integers(0, 5))
def test_the_counts_add_up_and_the_lists_partition_the_claims(
    kinds: list[tuple[Subject, str, tuple[Period | None, str | None]]], extra: int
) -> None:
    claims = [
        figure(i * 20, subject=s, metric=m, period=p, period_text=t)
        for i, (s, m, (p, t)) in enumerate(kinds)
    ]
    coverage = measure_coverage(claims, 2, len(claims) + extra)
    assert coverage.figures == len(claims) + extra and coverage.role_claims == 2
    assert coverage.compared + coverage.not_compared == coverage.claims == len(claims)
    assert coverage.not_compared == len(coverage.uncompared)
    assert coverage.compared_loosely == len(coverage.loose) <= coverage.compared
    assert sum(coverage.reasons.values()) == coverage.not_compared + coverage.compared_loosely
    listed = [gap.claim for gap in (*coverage.uncompared, *coverage.loose)]
    assert sorted(listed) == sorted(c.id for c in claims if claim_reasons(c))
    for gap in coverage.uncompared:
        assert {CoverageReason.NO_SUBJECT, CoverageReason.NO_METRIC} & set(gap.reasons)
    assert all(n > 0 for n in coverage.reasons.values())


# --------------------------------------------------------------------------- "No findings"


def test_no_findings_is_never_alone_when_claims_went_uncompared() -> None:
    report = report_of(
        figure(0),
        figure(20, subject=NO_SUBJECT),
        figure(40, metric="unknown"),
        figure(60, subject=NO_SUBJECT, metric="unknown"),
    )
    expected = (
        "No findings among 1 compared claim; 3 claims were not compared "
        "(2 no subject, 1 no metric)."
    )
    for name, rendered in every_format(report).items():
        assert expected in rendered, name
        assert "No findings." not in rendered, name


def test_no_findings_names_the_loosely_compared_claims() -> None:
    report = report_of(
        figure(0, period=None, period_text=None), figure(20, period=None, period_text="then")
    )
    expected = (
        "No findings among 2 compared claims "
        "(2 only loosely: 1 period not stated, 1 period unresolved)."
    )
    for name, rendered in every_format(report).items():
        assert expected in rendered, name


def test_no_findings_when_nothing_could_be_compared_or_found() -> None:
    nothing = report_of(figure(0, subject=NO_SUBJECT), figure(20, subject=NO_SUBJECT))
    assert no_findings(nothing.coverage) == (
        "No findings: none of the 2 claims could be compared (2 no subject)."
    )
    assert no_findings(report_of().coverage) == "No findings: no figures were found."
    assert no_findings(report_of(figures=3).coverage) == (
        "No findings: none of the 3 figures became a claim."
    )
    assert no_findings(report_of(figure(0), figure(20)).coverage) == (
        "No findings among 2 compared claims."
    )


# --------------------------------------------------------------------------- every format


def test_every_format_gives_the_coverage_counts() -> None:
    report = report_of(figure(0), figure(20, subject=NO_SUBJECT), figures=5)
    sentence = "5 figures found, 2 claims made: 1 compared, 1 not compared (1 no subject)."
    for name, rendered in every_format(report).items():
        assert sentence in rendered, name
    coverage = json.loads(render_json(report))["coverage"]
    assert (coverage["figures"], coverage["claims"], coverage["compared"]) == (5, 2, 1)
    assert coverage["not_compared"] == 1 and coverage["reasons"] == {"no subject": 1}


def test_json_lists_the_uncompared_claims_with_their_reasons() -> None:
    lost = figure(20, subject=NO_SUBJECT, metric="unknown")
    loose = figure(40, period=None, period_text=None)
    report = report_of(figure(0), lost, loose)
    coverage = json.loads(render_json(report))["coverage"]
    assert coverage["uncompared"] == [{"claim": lost.id, "reasons": ["no subject", "no metric"]}]
    assert coverage["loose"] == [{"claim": loose.id, "reasons": ["period not stated"]}]
    assert Report.model_validate_json(render_json(report)).coverage == report.coverage


def test_html_and_markdown_list_the_claims_not_fully_compared() -> None:
    lost = figure(20, metric="unknown")
    report = report_of(figure(0), lost)
    page = render_html(report)
    row = re.search(r'<tr data-compared="no">(.*?)</tr>', page)
    assert row and lost.id in row.group(1) and "no metric" in row.group(1)
    assert f"| {lost.id} | $5 billion | no | no metric |" in render_markdown(report)


# --------------------------------------------------------------------------- the pipeline


TEXTS = (
    "Orvik Ltd spent 40 billion yuan ($5.6 billion) on plants in 2023 and hired 300 workers.",
    "Orvik Ltd's revenue reached $2 billion in 2023. The crowd numbered 4,000 people, police said.",
)


def run(*texts: str) -> Report:
    return factcheck.check(
        [source_from_text(f"s{i}", t, published=DAY) for i, t in enumerate(texts)]
    )


def test_a_restatement_in_another_currency_is_not_a_figure() -> None:
    mentions = extract(TEXTS[0], DAY)
    assert [m.span.text for m in mentions if m.equivalent_of is not None] == ["$5.6 billion"]
    assert count_figures(mentions) == 2  # 40 billion yuan, 300 workers; not $5.6 billion


def test_the_report_counts_each_sources_figures_and_its_claims() -> None:
    report = run(*TEXTS)
    coverage = report.coverage
    assert coverage is not None
    reference = load_reference()
    assert (
        coverage.figures
        == sum(read_source(s, reference).figures for s in report.sources)
        == sum(count_figures(extract(t, DAY)) for t in TEXTS)
    )
    assert (coverage.claims, coverage.role_claims) == (len(report.claims), len(report.role_claims))
    lost = {
        c.id for c in report.claims if c.subject.kind == "unknown" or c.metric.startswith("unknown")
    }
    assert {gap.claim for gap in coverage.uncompared} == lost


def test_the_claim_counts_agree_across_formats() -> None:
    report = run(*TEXTS, "Orvik Ltd's chief executive, Mara Lind, opened a plant.")
    coverage = report.coverage
    assert coverage is not None and report.role_claims, "the corpus makes a role claim"
    claims, roles = len(report.claims), len(report.role_claims)
    counted = f"{claims} claims, {roles} role claim{'s' * (roles != 1)}"
    formats = every_format(report)
    assert counted in formats["text"] and counted in formats["markdown"]
    summary = re.search(r'data-testid="summary">(.*?)</ul>', render_html(report), re.DOTALL)
    assert summary
    tiles = html_text(summary.group(1))
    assert f"{claims} claims" in tiles and f"{roles} role claims" in tiles
    assert f"{coverage.figures} figures" in tiles
    assert f"{coverage.not_compared} not compared" in tiles
    document = json.loads(render_json(report))
    assert (len(document["claims"]), len(document["role_claims"])) == (claims, roles)
    assert document["coverage"]["claims"] == claims
    made = f"{coverage.figures} figures found, {claims} claims made"
    assert all(made in rendered for rendered in formats.values())

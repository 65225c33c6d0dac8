"""The main job on the seed documents: what the report must flag (a–e) and must not (f–i)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

import factcheck
from factcheck.extract.quantities import find_quantities
from factcheck.models import Finding, Report, Severity

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SOURCE_001 = "001_3e1cbd5dd9935cb3"


@cache
def report(published_001: date | None = None) -> Report:
    published = {SOURCE_001: published_001} if published_001 else None
    return factcheck.check([SEEDS], published=published)


def claim_id(r: Report, source: str, figure: str) -> str:
    """The id of the claim whose figure is `figure` in the source whose id starts `source`."""
    (found,) = [c.id for c in r.claims if c.source_id.startswith(source) and c.span.text == figure]
    return found


def findings_between(r: Report, *claim_ids: str) -> list[Finding]:
    return [f for f in r.findings if set(claim_ids) <= set(f.claims)]


def serious(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]


def assert_names_both_sides(finding: Finding, *sources: str) -> None:
    text = {e.source_id: e.quote.text for e in finding.evidence}
    for prefix in sources:
        (source_id,) = [s for s in text if s.startswith(prefix)]
        assert source_id in finding.sources
        assert text[source_id], "each side carries its quoted sentence"
    for ev in finding.evidence:
        source = next(s for s in r_sources() if s.id == ev.source_id)
        assert source.text[ev.quote.start : ev.quote.end] == ev.quote.text


def r_sources() -> tuple[factcheck.Source, ...]:
    return report().sources


def test_a_same_7_billion_credited_to_alibaba_and_to_three_companies() -> None:
    r = report()
    a = claim_id(r, "003", "$7 billion")
    b = claim_id(r, "004", "50 billion yuan")
    (finding,) = [f for f in findings_between(r, a, b) if f.code == "FC102"]
    assert finding.severity == Severity.WARNING
    assert_names_both_sides(finding, "003", "004")
    claims = {c.id: c for c in r.claims}
    assert claims[a].subject.name == "Alibaba"
    assert sorted(claims[b].subject.members) == ["Alibaba", "Baidu", "Tencent"]
    assert claims[b].equivalents[0].currency == "USD"


def test_b_alibaba_7_billion_against_23_billion_yuan() -> None:
    r = report()
    found = serious(
        findings_between(r, claim_id(r, "003", "$7 billion"), claim_id(r, "001", "23 billion yuan"))
    )
    assert found, "the differing Alibaba AI spend is flagged"
    assert_names_both_sides(found[0], "003", "001")
    assert "23 billion yuan" in found[0].message and "$7 billion" in found[0].message


@pytest.mark.parametrize("published", [None, date(2025, 2, 21)])
def test_c_23_billion_yuan_alibaba_alone_against_three_combined(published: date | None) -> None:
    r = report(published)
    a = claim_id(r, "001", "23 billion yuan")
    b = claim_id(r, "004", "23 billion yuan")
    (finding,) = [f for f in findings_between(r, a, b) if f.code == "FC102"]
    assert_names_both_sides(finding, "001", "004")
    claims = {c.id: c for c in r.claims}
    period = claims[b].period
    assert period is not None and (period.start, period.end) == (date(2023, 1, 1), date(2023, 7, 1))


def test_d_moonshot_1_billion_against_800_million_to_kimi_creators() -> None:
    r = report()
    a = claim_id(r, "002", "$1 billion")
    b = claim_id(r, "002", "$800 million")
    claims = {c.id: c for c in r.claims}
    assert claims[a].subject.name == claims[b].subject.name == "Moonshot AI"
    (finding,) = serious(findings_between(r, a, b))
    assert finding.code == "FC101"
    assert "$800 million" in finding.message and "$1 billion" in finding.message


def test_e_ceo_named_after_leaving_is_a_warning_when_the_date_is_unknown() -> None:
    r = report()
    (finding,) = [f for f in r.findings if f.code == "FC301"]
    assert finding.severity == Severity.WARNING
    assert "Daniel Zhang" in finding.message and "2023-09-10" in finding.message
    assert finding.sources == (SOURCE_001,)
    assert finding.evidence[0].figure is not None
    assert "Daniel Zhang" in finding.evidence[0].figure.text


def test_e_ceo_named_after_leaving_is_an_error_once_the_date_is_known() -> None:
    r = report(date(2025, 2, 21))
    (finding,) = [f for f in r.findings if f.code == "FC301"]
    assert finding.severity == Severity.ERROR
    assert "Eddie Wu" in finding.message


def test_f_stated_conversions_agree_with_the_reference_rate() -> None:
    r = report()
    for figure in ("50 billion yuan", "23 billion yuan"):
        cid = claim_id(r, "004", figure)
        mine = [f for f in r.findings if f.claims == (cid,)]
        assert [f.code for f in mine] == ["FC902"]
        assert mine[0].severity == Severity.INFO
        assert "ECB reference rate CNY→USD" in mine[0].rule


def test_g_bytedance_chip_spend_and_cash_reserve_are_different_metrics() -> None:
    r = report()
    a = claim_id(r, "001", "around 12 billion dollars")
    b = claim_id(r, "004", "$50 billion")
    assert not serious(findings_between(r, a, b))
    claims = {c.id: c for c in r.claims}
    assert claims[a].subject.name == claims[b].subject.name == "ByteDance"
    assert claims[a].metric != claims[b].metric


def test_h_a_part_within_its_whole_is_consistent() -> None:
    for published in (None, date(2025, 2, 21)):
        r = report(published)
        a = claim_id(r, "001", "23 billion yuan")
        b = claim_id(r, "004", "50 billion yuan")
        assert not serious(findings_between(r, a, b))


def test_i_dragon_valuations_and_moonshot_funding_are_different_metrics() -> None:
    r = report()
    a = claim_id(r, "000", "more than $1 billion")
    b = claim_id(r, "002", "$1 billion")
    assert not serious(findings_between(r, a, b))


def test_publication_dates_stated_in_the_text_are_detected() -> None:
    dates = {s.id[:3]: s.published for s in report().sources}
    assert dates["003"] is not None and dates["003"].start == date(2024, 8, 26)
    assert dates["004"] is not None and dates["004"].start == date(2024, 8, 27)
    assert dates["000"] is None and dates["001"] is None and dates["002"] is None


# Every money, percent and count figure of the seeds: (source, kind, text, value, currency).
SEED_FIGURES = [
    ("000", "percent", "approximately 40%", "40", None),
    ("000", "percent", "30%", "30", None),
    ("000", "money", "more than $1 billion", "1e9", "USD"),
    ("000", "count", "more than 190 AI model products", "190", None),
    ("001", "money", "23 billion yuan", "23e9", "CNY"),
    ("001", "money", "4.2 billion yuan", "4.2e9", "CNY"),
    ("001", "money", "around 12 billion dollars", "12e9", "USD"),
    ("002", "money", "$1 billion", "1e9", "USD"),
    ("002", "money", "$800 million", "800e6", "USD"),
    ("003", "money", "$7 billion", "7e9", "USD"),
    ("003", "count", "over 100 large language models", "100", None),
    ("004", "money", "50 billion yuan", "50e9", "CNY"),
    ("004", "money", "$7 billion", "7e9", "USD"),
    ("004", "money", "23 billion yuan", "23e9", "CNY"),
    ("004", "money", "$3.22 billion", "3.22e9", "USD"),
    ("004", "money", "$50 billion", "50e9", "USD"),
    ("004", "count", "more than a million of these processors", "1e6", None),
]


def test_every_seed_figure_is_extracted_with_value_currency_and_span() -> None:
    found = []
    for source in report().sources:
        for m in find_quantities(source.text):
            if m.kind.value in ("money", "percent", "count") and m.value is not None:
                assert source.text[m.span.start : m.span.end] == m.span.text
                found.append((source.id[:3], m.kind.value, m.span.text, m.value))
    texts = {(s, k, t) for s, k, t, _ in found}
    for source, kind, text, value, currency in SEED_FIGURES:
        assert (source, kind, text) in texts, (source, kind, text)
        (v,) = [v for s, k, t, v in found if (s, k, t) == (source, kind, text)]
        assert v.kind != "period" and v.amount.stated == Decimal(value)
        assert getattr(v, "currency", None) == currency


def test_the_report_is_deterministic() -> None:
    first = factcheck.check([SEEDS]).to_json()
    second = factcheck.check([SEEDS]).to_json()
    assert first == second

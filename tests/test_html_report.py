"""The self-contained HTML report and the ClaimReview export."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import UTC, datetime

from review_fixtures import HOSTILE_SCRIPT, make_hostile_report, make_report

from factcheck.report.claimreview import render_claimreview
from factcheck.report.html import render_html
from factcheck.review import Decision, DecisionSet

WHEN = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def decision(fingerprint: str, status: str, note: str = "") -> Decision:
    return Decision(
        fingerprint=fingerprint, status=status, reviewer="Ana", note=note, decided_at=WHEN
    )


def test_report_is_self_contained() -> None:
    page = render_html(make_report())
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"\ssrc=", page)
    external = set(re.findall(r'href="([^"]+)"', page))
    assert external == {f"https://news.example/{s}" for s in ("alpha", "beta", "gamma", "delta")}


def test_script_is_allowed_by_its_hash_only() -> None:
    page = render_html(make_report())
    script = re.search(r"<script>(.*?)</script>", page, re.DOTALL)
    assert script
    digest = base64.b64encode(hashlib.sha256(script.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in page
    assert "unsafe-inline'; img" not in page.split("script-src")[1][:80]


def test_summary_and_grouping() -> None:
    page = render_html(make_report())
    summary = re.search(r'data-testid="summary">(.*?)</ul>', page, re.DOTALL)
    assert summary
    text = " ".join(re.sub(r"<[^>]+>", " ", summary.group(1)).split())
    assert text == "4 sources read 4 claims 1 errors 1 warnings 1 info 1 agreements"
    headings = re.findall(r"<h2>(Error|Warning|Info)</h2>", page)
    assert headings == ["Error", "Warning", "Info"]
    assert "<h3>Alibaba</h3>" in page and "<h3>Tencent</h3>" in page


def test_both_sides_with_figure_highlighted_and_metadata() -> None:
    page = render_html(make_report())
    assert "<mark>$7 billion</mark> in AI chips and cloud." in page
    assert "23 billion yuan (<mark>$3.2 billion</mark>) on AI." in page
    assert "Alpha News" in page and "2024-08-26" in page and "The beta story" in page
    assert "USD 7 bn (6.5 bn–7.5 bn)" in page
    assert "Rule: intervals overlap" in page


def test_source_text_is_escaped_and_unsafe_links_are_not_linked() -> None:
    page = render_html(make_hostile_report())
    assert page.count("<script") == 1  # the report's own script only
    assert HOSTILE_SCRIPT not in page
    assert "<img" not in page and "<b onmouseover" not in page
    assert 'href="javascript:' not in page
    assert "javascript:alert(4)" in page  # shown as text


def test_decisions_and_stale_decisions_are_shown() -> None:
    report = make_report()
    fp = report.findings[0].fingerprint
    decided = DecisionSet(
        current={fp: decision(fp, "confirmed", "matches the filing")},
        stale=(decision("0123456789abcdef", "dismissed"),),
    )
    page = render_html(report, decided)
    assert 'data-decision="confirmed"' in page
    assert "Confirmed by Ana on 2025-03-01 12:00 UTC" in page
    assert "matches the filing" in page
    assert "Stale decisions" in page and "0123456789abcdef" in page


def test_rendering_is_deterministic() -> None:
    assert render_html(make_report()) == render_html(make_report())


def test_claimreview_exports_reviewed_findings_only() -> None:
    report = make_report()
    conflict, agreement, role = report.findings
    decided = DecisionSet(
        current={
            conflict.fingerprint: decision(conflict.fingerprint, "confirmed", "real conflict"),
            agreement.fingerprint: decision(agreement.fingerprint, "dismissed"),
            role.fingerprint: decision(role.fingerprint, "follow_up"),
        }
    )
    document = json.loads(render_claimreview(report, decided))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    assert {r["identifier"] for r in reviews} == {conflict.fingerprint, agreement.fingerprint}
    review = next(r for r in reviews if r["identifier"] == conflict.fingerprint)
    assert review["@type"] == "ClaimReview"
    assert review["author"] == {"@type": "Person", "name": "Ana"}
    assert review["datePublished"] == "2025-03-01"
    assert review["reviewRating"]["alternateName"] == "Inconsistent across sources"
    appearances = review["itemReviewed"]["appearance"]
    assert {a["url"] for a in appearances} == {
        "https://news.example/alpha",
        "https://news.example/beta",
    }
    assert "real conflict" in review["reviewBody"]


def test_claimreview_of_nothing_reviewed_is_empty() -> None:
    assert json.loads(render_claimreview(make_report(), None))["@graph"] == []

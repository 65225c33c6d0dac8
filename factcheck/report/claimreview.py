"""ClaimReview (schema.org) JSON-LD of the findings an editor has ruled on.

Only confirmed and dismissed findings are exported: a finding still awaiting follow-up has no
verdict to publish. Each review names the sources where the claim appeared, with the quoted
sentence, so a reader can find it.
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.models import (
    Decision,
    DecisionSet,
    DecisionStatus,
    Finding,
    Granularity,
    Report,
    Source,
)
from factcheck.report.html_view import is_agreement, safe_url

# (is the finding an agreement?, the editor's ruling) -> (rating value 1-5, rating name)
_RATINGS: dict[tuple[bool, DecisionStatus], tuple[int, str]] = {
    (False, DecisionStatus.CONFIRMED): (1, "Inconsistent across sources"),
    (False, DecisionStatus.DISMISSED): (5, "No inconsistency found"),
    (True, DecisionStatus.CONFIRMED): (5, "Consistent across sources"),
    (True, DecisionStatus.DISMISSED): (3, "Agreement not confirmed"),
}


def _appearance(source: Source | None, source_id: str, quote: str) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "identifier": source_id, "text": quote}
    if source is None:
        return work
    if url := safe_url(source.url):
        work["url"] = url
    if source.title:
        work["headline"] = source.title
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    published = source.published
    if published and published.granularity is Granularity.DAY and published.start:
        work["datePublished"] = published.start.isoformat()
    return work


def _review(finding: Finding, decision: Decision, sources: dict[str, Source]) -> dict[str, Any]:
    value, name = _RATINGS[(is_agreement(finding), decision.status)]
    body = finding.message + (f"\n\nEditor's note: {decision.note}" if decision.note else "")
    return {
        "@type": "ClaimReview",
        "identifier": finding.fingerprint,
        "claimReviewed": finding.message,
        "datePublished": decision.decided_at.date().isoformat(),
        "author": {"@type": "Person", "name": decision.reviewer},
        "reviewBody": body,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": finding.rule or f"{finding.code} {finding.slug}",
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": [
                _appearance(sources.get(e.source_id), e.source_id, e.quote.text)
                for e in finding.evidence
            ],
        },
    }


def render_claimreview(report: Report, decisions: DecisionSet | None) -> str:
    """A JSON-LD document whose `@graph` holds one ClaimReview per ruled-on finding."""
    current = decisions.current if decisions else {}
    sources = {source.id: source for source in report.sources}
    reviews = [
        _review(finding, current[finding.fingerprint], sources)
        for finding in sorted(report.findings, key=lambda f: f.fingerprint)
        if finding.fingerprint in current
        and current[finding.fingerprint].status is not DecisionStatus.FOLLOW_UP
    ]
    document = {"@context": "https://schema.org", "@graph": reviews}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

"""What an editor sees of a report, ready for a template: shared by the HTML report and the
review web app so both show the same evidence the same way.

Every string here is plain text; the templates escape it (Jinja2 autoescape). The quoted
sentence is cut into before / figure / after so the figure can be highlighted without ever
building HTML from source text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from factcheck.coverage import describe_coverage, no_findings, plural
from factcheck.describe import describe_normalization
from factcheck.models import (
    Claim,
    Coverage,
    Decision,
    Evidence,
    Finding,
    Report,
    RoleClaim,
    Severity,
    Source,
    Span,
)

NO_SUBJECT = "(no subject)"
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_SAFE_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class QuoteView:
    """The quoted sentence split around the figure (`figure` empty when it cannot be placed)."""

    before: str
    figure: str
    after: str


@dataclass(frozen=True)
class SourceView:
    id: str
    outlet: str | None
    title: str | None
    published: str | None
    url: str | None  # only http(s) links: anything else is shown as text, never linked
    url_text: str | None


@dataclass(frozen=True)
class SideView:
    """One side of a finding: the source, its quote, and the claim's values."""

    evidence: Evidence
    source: SourceView
    quote: QuoteView
    normalized: str | None


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    subjects: tuple[str, ...]
    sides: tuple[SideView, ...]
    decision: Decision | None

    @property
    def subject_label(self) -> str:
        return " · ".join(self.subjects)


@dataclass(frozen=True)
class Summary:
    """The counts every format leads with, so that all formats give the same ones."""

    sources: int
    skipped: int
    claims: int
    role_claims: int
    by_severity: tuple[tuple[Severity, int], ...]
    agreements: int
    coverage: Coverage | None
    coverage_text: str | None  # the coverage in one sentence, when the report has it
    no_findings: str  # what to say when there is no finding

    @property
    def counted(self) -> str:
        """ "5 sources, 18 claims, 1 role claim"."""
        return ", ".join(
            (
                plural(self.sources, "source"),
                plural(self.claims, "claim"),
                plural(self.role_claims, "role claim"),
            )
        )

    @property
    def counts(self) -> str:
        """ "0 error, 5 warning, 2 info": the findings by severity."""
        return ", ".join(f"{n} {severity.value}" for severity, n in self.by_severity)


@dataclass(frozen=True)
class GapView:
    """A claim compared only loosely or not at all: its figure, source and why."""

    claim_id: str
    source_id: str
    figure: str
    compared: str  # "no" or "loosely"
    reasons: str


def is_agreement(finding: Finding) -> bool:
    """Agreements are the informational findings: sources that say the same thing."""
    return finding.severity is Severity.INFO


def summarize(report: Report) -> Summary:
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in report.findings:
        counts[finding.severity] += 1
    coverage = report.coverage
    return Summary(
        sources=len(report.sources),
        skipped=len(report.skipped),
        claims=len(report.claims),
        role_claims=len(report.role_claims),
        by_severity=tuple(counts.items()),
        agreements=sum(1 for finding in report.findings if is_agreement(finding)),
        coverage=coverage,
        coverage_text=describe_coverage(coverage) if coverage else None,
        no_findings=no_findings(coverage),
    )


def gap_views(report: Report) -> list[GapView]:
    """The claims not compared, then those compared only loosely, in report order."""
    if report.coverage is None:
        return []
    claims = {claim.id: claim for claim in report.claims}
    views = []
    for compared, gaps in (
        ("no", report.coverage.uncompared),
        ("loosely", report.coverage.loose),
    ):
        for gap in gaps:
            claim = claims.get(gap.claim)
            views.append(
                GapView(
                    claim_id=gap.claim,
                    source_id=claim.source_id if claim else "",
                    figure=claim.span.text if claim else "",
                    compared=compared,
                    reasons=", ".join(reason.value for reason in gap.reasons),
                )
            )
    return views


def split_quote(quote: Span, figure: Span | None) -> QuoteView:
    """Cut the quote at the figure, by offsets when they agree, else by the figure's text."""
    if figure is not None and figure.text:
        at = figure.start - quote.start
        if at < 0 or quote.text[at : at + len(figure.text)] != figure.text:
            at = quote.text.find(figure.text)
        if at >= 0:
            end = at + len(figure.text)
            return QuoteView(quote.text[:at], quote.text[at:end], quote.text[end:])
    return QuoteView(quote.text, "", "")


def safe_url(url: str | None) -> str | None:
    """The url when it is an http(s) link; `javascript:` and the like are never linked."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in _SAFE_SCHEMES else None


def source_view(source: Source | None, source_id: str) -> SourceView:
    if source is None:
        return SourceView(source_id, None, None, None, None, None)
    return SourceView(
        id=source.id,
        outlet=source.outlet,
        title=source.title,
        published=source.published.describe() if source.published else None,
        url=safe_url(source.url),
        url_text=source.url,
    )


def finding_subjects(
    finding: Finding, claims: Mapping[str, Claim], roles: Mapping[str, RoleClaim]
) -> tuple[str, ...]:
    """The subjects the finding's claims speak of, in order, without repeats."""
    names: list[str] = []
    for claim_id in finding.claims:
        if claim_id in claims:
            names.append(claims[claim_id].subject.name)
        elif claim_id in roles:
            names.append(roles[claim_id].organization)
    return tuple(dict.fromkeys(names)) or (NO_SUBJECT,)


def finding_views(
    report: Report, decisions: Mapping[str, Decision] | None = None
) -> list[FindingView]:
    """Every finding with its sides, most severe first, in the report's order within a level."""
    claims = {claim.id: claim for claim in report.claims}
    roles = {role.id: role for role in report.role_claims}
    sources = {source.id: source for source in report.sources}
    decided = decisions or {}
    views = []
    for finding in report.findings:
        sides = []
        for evidence in finding.evidence:
            claim = claims.get(evidence.claim_id or "")
            sides.append(
                SideView(
                    evidence=evidence,
                    source=source_view(sources.get(evidence.source_id), evidence.source_id),
                    quote=split_quote(evidence.quote, evidence.figure),
                    normalized=describe_normalization(claim.normalized)
                    if claim and claim.normalized
                    else None,
                )
            )
        views.append(
            FindingView(
                finding=finding,
                subjects=finding_subjects(finding, claims, roles),
                sides=tuple(sides),
                decision=decided.get(finding.fingerprint),
            )
        )
    return sorted(views, key=lambda view: -view.finding.severity.rank)


def group_views(
    views: Sequence[FindingView],
) -> list[tuple[Severity, list[tuple[str, list[FindingView]]]]]:
    """Findings by severity (most severe first), then by subject (alphabetical)."""
    groups = []
    for severity in SEVERITIES:
        by_subject: dict[str, list[FindingView]] = {}
        for view in views:
            if view.finding.severity is severity:
                by_subject.setdefault(view.subject_label, []).append(view)
        if by_subject:
            groups.append((severity, sorted(by_subject.items())))
    return groups

"""The Markdown report: the same content as the terminal one, for sharing and pasting."""

from __future__ import annotations

from factcheck.describe import describe_decision, format_period
from factcheck.models import Decision, Finding, Report
from factcheck.report.html_view import gap_views, split_quote, summarize


def _md(text: str) -> str:
    """Escape what Markdown would read as markup in running text."""
    for ch in "\\`*_[]<>|":
        text = text.replace(ch, "\\" + ch)
    return text.replace("\n", " ")


def render_markdown(report: Report) -> str:
    s = summarize(report)
    lines = [
        "# factcheck report",
        "",
        f"{s.counted}. Findings: {s.counts}.",
        "",
    ]
    if s.coverage_text:
        lines += [f"Coverage: {_md(s.coverage_text)}", ""]
    if report.skipped:
        lines += ["## Skipped", ""]
        lines += [f"- `{_md(k.path)}`: {_md(k.reason)}" for k in report.skipped]
        lines.append("")
    lines += ["## Sources", "", "| id | outlet | title | published |", "|---|---|---|---|"]
    for src in report.sources:
        published = src.published.describe() if src.published else "unknown"
        if src.published_basis:
            published += f" ({src.published_basis})"
        cells = (src.id, src.outlet or "", src.title or "", published)
        lines.append("| " + " | ".join(_md(c) for c in cells) + " |")
    lines += ["", "## Findings", ""]
    current = report.review.current if report.review else {}
    for finding in report.findings:
        lines += _finding(finding, current.get(finding.fingerprint))
    if not report.findings:
        lines += [_md(s.no_findings), ""]
    if report.review and report.review.stale:
        lines += ["## Stale decisions (their findings are gone)", ""]
        lines += [f"- `{d.fingerprint}` {_md(describe_decision(d))}" for d in report.review.stale]
        lines.append("")
    lines += _claims(report)
    lines += _gaps(report)
    return "\n".join(lines).rstrip() + "\n"


def _claims(report: Report) -> list[str]:
    """Every claim with what it was bound to: subject, metric, scope, period, attribution."""
    lines = [
        "## Claims",
        "",
        "| claim | figure | subject | metric | scope | period | according to |",
        "|---|---|---|---|---|---|---|",
    ]
    for c in report.claims:
        cells = (
            c.id,
            c.span.text,
            c.subject.name,
            c.metric,
            ", ".join(c.scope),
            format_period(c.period, c.period_text),
            c.attributed_to or "",
        )
        lines.append("| " + " | ".join(_md(x) for x in cells) + " |")
    return [*lines, ""]


def _gaps(report: Report) -> list[str]:
    """The claims compared only loosely or not at all, and why."""
    gaps = gap_views(report)
    if not gaps:
        return []
    lines = ["## Claims not fully compared", "", "| claim | figure | compared | why |"]
    lines.append("|---|---|---|---|")
    for gap in gaps:
        cells = (gap.claim_id, gap.figure, gap.compared, gap.reasons)
        lines.append("| " + " | ".join(_md(x) for x in cells) + " |")
    return [*lines, ""]


def _finding(finding: Finding, decision: Decision | None) -> list[str]:
    out = [
        f"### {finding.severity.value.upper()} {finding.code} `{finding.slug}`",
        "",
        _md(finding.message),
        "",
    ]
    for ev in finding.evidence:
        q = split_quote(ev.quote, ev.figure)
        figure = f"**{_md(q.figure)}**" if q.figure else ""
        out.append(
            f"- **{_md(ev.source_id)}** [{ev.quote.start}:{ev.quote.end}] {_md(ev.summary)}  \n"
            f"  > {_md(q.before)}{figure}{_md(q.after)}"
        )
    if finding.rule:
        out += ["", f"*Rule:* {_md(finding.rule)}"]
    if decision is not None:
        out += ["", f"*Decision:* {_md(describe_decision(decision))}"]
    out += ["", f"<sub>fingerprint {finding.fingerprint}</sub>", ""]
    return out

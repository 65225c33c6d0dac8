"""The Markdown report: the same content as the terminal one, for sharing and pasting."""

from __future__ import annotations

from factcheck.models import Finding, Report
from factcheck.report.html_view import split_quote, summarize


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
        f"{s.sources} sources, {len(report.claims)} claims, {len(report.role_claims)} role claims. "
        + "Findings: "
        + ", ".join(f"{n} {sev.value}" for sev, n in s.by_severity)
        + ".",
        "",
    ]
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
    for finding in report.findings:
        lines += _finding(finding)
    return "\n".join(lines).rstrip() + "\n"


def _finding(finding: Finding) -> list[str]:
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
    out += ["", f"<sub>fingerprint {finding.fingerprint}</sub>", ""]
    return out

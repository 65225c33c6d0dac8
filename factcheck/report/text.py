"""The terminal report (rich): summary, sources, then findings most severe first.

Rendered to a string so the CLI can print it, write it to a file or test it; colour only
when asked (a terminal), so files and pipes get plain, byte-stable text. Every piece of
source text goes through `_text`, so no control character of a source reaches a terminal.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from factcheck.describe import describe_decision
from factcheck.models import Decision, Finding, Report, Severity
from factcheck.report.html_view import split_quote, summarize
from factcheck.terminal import printable

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WHILE = {"read": "while reading", "extract": "while extracting", "claims": "while building claims"}
QUOTE_CONTEXT = 160  # characters of the sentence shown on each side of the figure


def render_text(
    report: Report, *, color: bool = False, width: int = 100, explain: bool = False
) -> str:
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )
    _summary(console, report)
    _sources(console, report)
    current = report.review.current if report.review else {}
    for finding in report.findings:
        _finding(console, finding, current.get(finding.fingerprint))
    if not report.findings:
        console.print()
        console.print(escape(summarize(report).no_findings))
    for stale in report.review.stale if report.review else ():
        console.print()
        console.print(f"[dim]STALE decision #{_text(stale.fingerprint)}[/]: finding gone")
        _indented(console, _text(describe_decision(stale)), 2)
    if explain:
        _explain(console, report)
    # rich pads blocks to the full width; trailing spaces only make diffs noisy.
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _text(value: str) -> str:
    """Text from sources or decisions as markup: rich's markup escaped, control characters
    shown rather than sent to the terminal."""
    return escape(printable(value))


def _summary(console: Console, report: Report) -> None:
    s = summarize(report)
    console.print(f"[bold]factcheck report[/]: {s.counted}; findings: {s.counts}")
    if s.coverage_text:
        console.print(f"[bold]coverage[/]: {escape(s.coverage_text)}")
    for skipped in report.skipped:
        during = _WHILE[skipped.stage]
        console.print(f"[red]skipped[/] {_text(skipped.path)} {during}: {_text(skipped.reason)}")


def _sources(console: Console, report: Report) -> None:
    table = Table(title="Sources", title_justify="left", expand=False)
    for column in ("id", "outlet", "published", "claims"):
        table.add_column(column)
    per_source: dict[str, int] = {}
    for claim in report.claims:
        per_source[claim.source_id] = per_source.get(claim.source_id, 0) + 1
    for source in report.sources:
        published = source.published.describe() if source.published else "unknown"
        if source.published_basis:
            published += f" ({source.published_basis.split(':')[0]})"
        table.add_row(
            _text(source.id),
            _text(source.outlet or "—"),
            _text(published),
            str(per_source.get(source.id, 0)),
        )
    console.print(table)


def _finding(console: Console, finding: Finding, decision: Decision | None) -> None:
    style = _STYLE[finding.severity]
    console.print()
    console.print(
        f"[{style}]{finding.severity.value.upper()}[/] {finding.code} {finding.slug} "
        f"[dim]#{finding.fingerprint}[/]"
    )
    _indented(console, _text(finding.message), 2)
    marks = console.color_system is not None
    for ev in finding.evidence:
        quote = split_quote(ev.quote, ev.figure)
        before = quote.before[-QUOTE_CONTEXT:]
        after = quote.after[:QUOTE_CONTEXT]
        lead = "…" if len(quote.before) > len(before) else ""
        tail = "…" if len(quote.after) > len(after) else ""
        figure = _text(quote.figure)
        if quote.figure:
            figure = f"[reverse]{figure}[/]" if marks else f"«{figure}»"
        where = f"{ev.source_id} [{ev.quote.start}:{ev.quote.end}]"
        _indented(console, f"• [bold]{_text(where)}[/]: {_text(ev.summary)}", 2)
        _indented(console, f"“{lead}{_text(before)}{figure}{_text(after)}{tail}”", 4)
    if finding.rule:
        _indented(console, f"[dim]rule: {_text(finding.rule)}[/]", 2)
    if decision is not None:
        _indented(console, f"[bold]decision:[/] {_text(describe_decision(decision))}", 2)


def _indented(console: Console, markup: str, left: int) -> None:
    """Print `markup` wrapped with every line indented, so blocks stay readable."""
    console.print(Padding(Text.from_markup(markup), (0, 0, 0, left)))


def _explain(console: Console, report: Report) -> None:
    console.print()
    console.print("[bold]Publication dates[/]")
    for source in report.sources:
        console.print(f"{_text(source.id)}: {_text(source.published_basis or 'unknown')}")
    console.print()
    console.print("[bold]Normalisation trail of each claim[/]")
    for claim in report.claims:
        console.print(f"[bold]{_text(claim.id)}[/] {_text(claim.span.text)}")
        for step in claim.trace:
            _indented(console, f"- {_text(step)}", 2)

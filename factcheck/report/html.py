"""A self-contained HTML report: one file, inline CSS and JS, nothing fetched from anywhere.

Source text is only ever inserted through Jinja2 autoescape, and the page's Content Security
Policy allows exactly the one inline script (by its hash), so even a source that smuggles
markup past the escaping could not run code.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.models import DecisionSet, Report
from factcheck.report.html_view import (
    finding_views,
    gap_views,
    group_views,
    source_view,
    summarize,
)

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment(*folders: Path) -> jinja2.Environment:
    """The template environment over `folders` then this package's templates; autoescaped."""
    import jinja2  # lazily: the CLI's other commands never pay for it

    loader = jinja2.FileSystemLoader([*folders, TEMPLATES])
    return jinja2.Environment(
        loader=loader, autoescape=True, undefined=jinja2.StrictUndefined, keep_trailing_newline=True
    )


@cache
def _script() -> tuple[str, str]:
    """The report's inline script and its CSP source expression."""
    script = (TEMPLATES / "_report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


def render_html(report: Report, decisions: DecisionSet | None = None) -> str:
    """The report as one HTML page; each finding shows its review decision when given."""
    from markupsafe import Markup

    decided = decisions or report.review or DecisionSet()
    views = finding_views(report, decided.current)
    script, script_hash = _script()
    return (
        environment()
        .get_template("report.html.j2")
        .render(
            summary=summarize(report),
            gaps=gap_views(report),
            sources=[source_view(source, source.id) for source in report.sources],
            skipped=report.skipped,
            groups=group_views(views),
            total=len(views),
            stale=decided.stale,
            script=Markup(script),  # our own file, never source text
            script_hash=script_hash,
        )
    )

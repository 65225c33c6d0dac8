"""The catalogue of checks, for `factcheck checks`: codes, severities and examples."""

from __future__ import annotations

from factcheck.compare import CHECKS
from factcheck.compare.base import EXAMPLE_PUBLISHED


def render_catalog_markdown() -> str:
    lines = [
        "# Checks",
        "",
        "Every check has a stable code and slug (codes are never reused) and a default severity.",
        "Each fires on the first example and stays quiet on the second: both are run through the",
        "whole pipeline by `tests/test_check_examples.py`, with each line one source published",
        f"on {EXAMPLE_PUBLISHED.isoformat()}. Regenerate this page with",
        "`factcheck checks --format markdown > docs/checks.md`.",
        "",
    ]
    for check in sorted(CHECKS, key=lambda c: c.code):
        lines += [f"## {check.code} `{check.slug}` ({check.severity.value})", "", check.title, ""]
        lines += ["Fires on (one source a line):", ""] + [f"- {t}" for t in check.fires] + [""]
        lines += ["Quiet on:", ""] + [f"- {t}" for t in check.quiet] + [""]
    return "\n".join(lines).rstrip() + "\n"


def render_catalog_text() -> str:
    rows = [
        f"{c.code}  {c.severity.value:7}  {c.slug:36} {c.title}"
        for c in sorted(CHECKS, key=lambda c: c.code)
    ]
    return "\n".join(rows) + "\n"

"""The README stays true: its quick start is what CI runs, and it lists every check."""

from __future__ import annotations

import re
from pathlib import Path

from factcheck.compare import CHECKS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def quick_start_commands() -> list[str]:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_test_one_verbatim() -> None:
    main_job, tests = quick_start_commands()
    assert main_job.endswith("factcheck report seeds/")
    assert "pytest" in tests
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert tests in ci


def test_readme_lists_every_check() -> None:
    for check in CHECKS:
        assert f"| {check.code} | `{check.slug}` | {check.severity.value} |" in README


def test_docs_checks_page_is_the_generated_catalogue() -> None:
    from factcheck.report.catalog import render_catalog_markdown

    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == render_catalog_markdown()

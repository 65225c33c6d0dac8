"""Checking sources given as strings: the reports the tests read findings and claims from."""

from __future__ import annotations

import factcheck
from factcheck.models import Report, Severity


def report_of(*texts: tuple[str, str]) -> Report:
    """The report on sources given as (id, text), none of them dated."""
    return factcheck.check(
        [factcheck.source_from_text(sid, body, published=None) for sid, body in texts]
    )


def codes_of(a: str, b: str) -> list[tuple[str, Severity]]:
    """(code, severity) of every finding on two undated sources "a" and "b"."""
    return [(f.code, f.severity) for f in report_of(("a", a), ("b", b)).findings]

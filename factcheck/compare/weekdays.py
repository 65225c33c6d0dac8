"""Weekday–date consistency: "Friday, 22 August 2024" when that day was a Thursday."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.extract.published import WeekdayMismatch
from factcheck.models import Evidence, Finding, Severity, Source
from factcheck.text import sentence_at, sentences

WEEKDAY_MISMATCH = CheckInfo(
    "FC106",
    "date.weekday_mismatch",
    Severity.WARNING,
    "A date is written with a weekday it does not fall on.",
    fires=("On Friday, 22 August 2024, Zeta Corp said its revenue was $5 billion.",),
    quiet=("On Thursday, 22 August 2024, Zeta Corp said its revenue was $5 billion.",),
)


def check_weekdays(found: Iterable[tuple[Source, Sequence[WeekdayMismatch]]]) -> list[Finding]:
    """One finding per date whose stated weekday is wrong (`found`: each source's mismatches).

    Conflicting: "on Friday, 22 August 2024" (a Thursday).
    Consistent: "on Thursday, 22 August 2024"; "Mon, 26 Aug" with "© 2024" (a Monday).
    """
    findings = []
    for source, mismatches in found:
        if not mismatches:
            continue
        spans = sentences(source.text)
        for miss in mismatches:
            quote = sentence_at(spans, miss.span.start) or miss.span
            findings.append(
                make_finding(
                    WEEKDAY_MISMATCH,
                    f"{source.id}: {miss.span.text!r} says {miss.stated}, but "
                    f"{miss.day.isoformat()} was a {miss.actual}.",
                    [
                        Evidence(
                            source_id=source.id,
                            quote=quote,
                            figure=miss.span,
                            summary=f"{miss.day.isoformat()} is a {miss.actual}",
                        )
                    ],
                    keys=[source.id, miss.span.text, miss.day.isoformat()],
                    rule="the calendar's weekday of the resolved date",
                )
            )
    return findings

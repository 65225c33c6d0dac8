"""Weekday–date consistency: "Friday, 22 August 2024" when that day was a Thursday."""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.extract.published import weekday_mismatches
from factcheck.models import Evidence, Finding, Granularity, Severity, Source
from factcheck.text import sentence_at, sentences

WEEKDAY_MISMATCH = CheckInfo(
    "FC106",
    "date.weekday_mismatch",
    Severity.WARNING,
    "A date is written with a weekday it does not fall on.",
)


def check_weekdays(sources: Sequence[Source]) -> list[Finding]:
    """One finding per date whose stated weekday is wrong.

    Conflicting: "on Friday, 22 August 2024" (a Thursday).
    Consistent: "on Thursday, 22 August 2024"; "Mon, 26 Aug" with "© 2024" (a Monday).
    """
    findings = []
    for source in sources:
        published = source.published
        day = published.start if published and published.granularity == Granularity.DAY else None
        found = weekday_mismatches(source.text, day)
        if not found:
            continue
        spans = sentences(source.text)
        for miss in found:
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

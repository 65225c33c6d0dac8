"""Weekday–date consistency: "Friday, 22 August 2024" when that day was a Thursday."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.compare.base import CheckInfo, make_finding
from factcheck.extract.published import LEADING_WEEKDAY, WEEKDAY_NAMES, WeekdayMismatch
from factcheck.extract.time import WEEKDAYS
from factcheck.models import Evidence, Finding, Mention, MentionKind, Severity, Source
from factcheck.text import sentence_at, sentences

WEEKDAY_MISMATCH = CheckInfo(
    "FC106",
    "date.weekday_mismatch",
    Severity.WARNING,
    "A date is written with a weekday it does not fall on.",
    fires=("On Friday, 22 August 2024, Zeta Corp said its revenue was $5 billion.",),
    quiet=("On Thursday, 22 August 2024, Zeta Corp said its revenue was $5 billion.",),
)


def weekday_mismatches_in(mentions: Iterable[Mention]) -> list[WeekdayMismatch]:
    """Dates among already extracted mentions written with a weekday they do not fall on.

    Given the mentions `extract(text, day)` finds, this is what
    `published.weekday_mismatches(text, day)` gives, without running the time extractor (the
    costliest one) over the text a second time.
    """
    found: list[WeekdayMismatch] = []
    for mention in mentions:
        value = mention.value
        if mention.kind != MentionKind.DATE or value is None or value.kind != "period":
            continue
        stated = LEADING_WEEKDAY.match(mention.span.text)
        if stated is None or value.period is None or value.period.start is None:
            continue
        day = value.period.start
        weekday = WEEKDAYS[stated["wd"].lower().rstrip(".")]
        if day.weekday() != weekday:
            found.append(
                WeekdayMismatch(
                    span=mention.span,
                    stated=WEEKDAY_NAMES[weekday],
                    day=day,
                    actual=WEEKDAY_NAMES[day.weekday()],
                )
            )
    return found


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

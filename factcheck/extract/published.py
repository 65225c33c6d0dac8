"""The publication date a text states about itself, and weekdays that contradict dates.

Metadata (front matter, `sources.toml`, `--published`) wins over anything found here; this
module reads only the text: a labelled line ("date 2024-08-27", "Published: 26 Aug 2024"), a
dateline near the top ("On Mon, 26 Aug, 4:02 PM UTC", "BEIJING, Aug 26 (Reuters) -"), and a
copyright line ("© 2024") that supplies a missing year, the stated weekday picking among the
candidate years. Unknown stays unknown: with only a copyright year the result is a window
(published no later than that year), and with nothing usable it is None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from factcheck.extract.time import find_times
from factcheck.extract.time_words import WEEKDAY, WEEKDAYS
from factcheck.regex_cache import compile_pattern
from factcheck.values import Granularity, Mention, MentionKind, Period, Span

__all__ = ["WeekdayMismatch", "detect_published", "weekday_mismatches", "weekday_mismatches_in"]

HEAD_CHARS = 1500  # a dateline or label sits near the top
# "date 2024-08-27", "Published: …", "Posted on …", "Updated …": label, then the date.
LABELLED = compile_pattern(
    r"""^[ \t]*(?P<label>date|dated|published(?:\s+on)?|posted(?:\s+on)?|publication\s+date|
        first\s+published(?:\s+on)?|updated(?:\s+on)?|last\s+updated(?:\s+on)?)
        [ \t]*[:\-–]?[ \t]*(?P<rest>[^\n]{4,80})""",
    re.X | re.I | re.M,
)
# A short line near the top that is mostly a date: "On Mon, 26 Aug, 4:02 PM UTC".
DATELINE = compile_pattern(r"^[ \t]*(?:on[ \t]+)?(?P<rest>[^\n]{4,60})$", re.I | re.M)
# What a dateline may hold besides its date: a time of day and a zone.
TIME_OF_DAY = compile_pattern(
    r"\b(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b[ap]m\b|\b[A-Z]{2,4}\b"
)
# "BEIJING, Aug 26 (Reuters) -": a place, a date and an agency before the first sentence.
AGENCY_DATELINE = compile_pattern(
    r"^[ \t]*[A-Z][A-Za-z .'-]{1,40},[ \t]+(?P<rest>[^\n(]{4,40})\([A-Za-z .]+\)[ \t]*[-–—]", re.M
)
COPYRIGHT = compile_pattern(
    r"(?:©|\(c\)|copyright)[ \t]*(?:\(c\)[ \t]*)?(?P<y>(?:19|20)\d\d)", re.I
)
LEADING_WEEKDAY = compile_pattern(rf"\b(?P<wd>{WEEKDAY})", re.I)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _first_day(fragment: str, year: int | None) -> tuple[Period, str] | None:
    """The first single day in `fragment`, a year-less one placed in `year` (the weekday,
    when stated, picking among `year` and the six before it)."""
    for mention in find_times(fragment, None):
        if mention.kind != MentionKind.DATE or mention.value is None:
            continue
        if mention.value.kind != "period":
            continue
        if mention.value.period is not None:
            return mention.value.period, mention.span.text
        if year is not None:
            anchored = _place_in_year(mention.span.text, year)
            if anchored is not None:
                return anchored
    return None


def _place_in_year(surface: str, year: int) -> tuple[Period, str] | None:
    """A year-less day in `year`, or in the latest earlier year where its weekday fits."""
    stated = LEADING_WEEKDAY.search(surface)
    for candidate in range(year, year - 7, -1):
        for mention in find_times(surface, date(candidate, 12, 31)):
            value = mention.value
            if value is None or value.kind != "period" or value.period is None:
                continue
            day = value.period.start
            if day is None or day.year != candidate or value.period.granularity != Granularity.DAY:
                continue
            if stated is None:
                return value.period, f"{surface} (year {candidate} from the copyright line)"
            if day.weekday() == WEEKDAYS[stated["wd"].lower().rstrip(".")]:
                return value.period, f"{surface} ({stated['wd']} fits {candidate})"
    return None


def _mostly_other_words(line: str, surface: str) -> bool:
    """True when a line holds more than its date, a time and a zone: a sentence, not a
    dateline."""
    rest = TIME_OF_DAY.sub("", line.replace(surface.split(" (")[0], ""))
    return len(re.sub(r"[^A-Za-z]", "", rest)) > 3


def detect_published(text: str) -> tuple[Period, str] | None:
    """The publication date stated in `text`, and how it was found; None when unknown."""
    head = text[:HEAD_CHARS]
    copyright_ = COPYRIGHT.search(text)
    year = int(copyright_["y"]) if copyright_ else None
    sources = (
        ("labelled", LABELLED),
        ("agency dateline", AGENCY_DATELINE),
        ("dateline", DATELINE),
    )
    for name, pattern in sources:
        for line in pattern.finditer(head):
            found = _first_day(line["rest"], year)
            if found is None:
                continue
            period, surface = found
            if pattern is DATELINE and _mostly_other_words(line["rest"], surface):
                continue
            shown = (
                line.group().strip()
                if pattern is not LABELLED
                else (f"{line['label']} {surface.split(' (')[0]}")
            )
            basis = f"{name} in the text: '{shown}'"
            if " (" in surface:
                basis += f", read as {surface}"
            return period, basis
    if year is not None:
        window = Period(
            start=None,
            end=date(year + 1, 1, 1),
            granularity=Granularity.OPEN,
            label=f"no later than {year}",
        )
        return window, f"only a copyright line: '{copyright_.group() if copyright_ else ''}'"
    return None


@dataclass(frozen=True)
class WeekdayMismatch:
    """A date whose stated weekday is not the weekday it falls on ("Friday, Aug 22, 2024"
    when that day was a Thursday): the lead turns these into findings."""

    span: Span
    stated: str
    day: date
    actual: str


def weekday_mismatches(text: str, reference: date | None) -> list[WeekdayMismatch]:
    """Dates in `text` written with a weekday that the resolved day does not fall on."""
    return weekday_mismatches_in(find_times(text, reference))


def weekday_mismatches_in(mentions: Iterable[Mention]) -> list[WeekdayMismatch]:
    """The same, among mentions already extracted (the pipeline has them: no second pass)."""
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

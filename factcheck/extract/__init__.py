"""Extractors: text in, typed mentions out. Each never raises on any text, and every span
slices to its own text.

- `quantities.find_quantities`: money, percent, percentage points, numbers, counts and
  physical quantities.
- `time.find_times`: dates, periods and durations, relative ones resolved against a
  reference date (the publication date).
- `entities.find_entities`, `roles.find_roles`, `attribution.find_attributions`: who.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from factcheck.extract.quantities import find_quantities
from factcheck.extract.time import find_times
from factcheck.extract.time_rules import Prefer
from factcheck.text import SpanIndex
from factcheck.values import Mention, MentionKind

if TYPE_CHECKING:
    from factcheck.reference import Reference

__all__ = ["extract", "figures_and_times"]


def extract(
    text: str,
    published: date | None = None,
    reference: Reference | None = None,
    prefer: Prefer = "past",
) -> list[Mention]:
    """All mentions in `text`, ordered by position; `published` anchors relative dates, and
    `reference` (default: the bundled facts) names organisations, people and roles.

    `prefer` is where a tenseless year-less date ("on 3 March") falls: "past" for news (the
    default), "future" for schedules and announcements.
    """
    # Imported here: the who-extractors load the reference, which the benchmark contract
    # (quantities and time only, see `figures_and_times`) never needs.
    from factcheck.extract.attribution import find_attributions
    from factcheck.extract.entities import find_entities
    from factcheck.extract.roles import find_roles

    entities = find_entities(text, reference)
    mentions = [
        *_figures_then_times(text, published, prefer),
        *entities,
        *find_roles(text, reference, entities),
        *find_attributions(text),
    ]
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.kind.value))


def figures_and_times(
    text: str, published: date | None = None, prefer: Prefer = "past"
) -> list[Mention]:
    """Only the figures and the time expressions of `text`: what the benchmark contract scores."""
    mentions = _figures_then_times(text, published, prefer)
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.kind.value))


_AMOUNTS = (MentionKind.MONEY, MentionKind.COUNT, MentionKind.QUANTITY)


def _figures_then_times(text: str, published: date | None, prefer: Prefer) -> list[Mention]:
    """The figures, and the time expressions but the bare years inside an amount: the "2023"
    of "2023 billion euros" is the amount's digits, not a year."""
    figures = find_quantities(text)
    amounts = SpanIndex([(m.span.start, m.span.end) for m in figures if m.kind in _AMOUNTS])
    times = [
        t
        for t in find_times(text, published, prefer=prefer)
        if not (t.span.text.isdigit() and amounts.holds(t.span.start, t.span.end))
    ]
    return [*figures, *times]

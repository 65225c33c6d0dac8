"""The pipeline end to end: load → extract → claims → normalise → link → compare → report.

Each stage is a plain function over the glossary's models; this module only strings them
together. Extraction and claim building work per source — in worker processes when
`jobs` > 1, results gathered in source order so the report is the same byte for byte
whatever the number of workers; linking and comparing need all claims, but only within
blocking keys (see `link`).

Each source is read inside its own boundary: an error while extracting or building its
claims, or running past its time budget (`factcheck.budget`), skips that source — listed
in `Report.skipped` with the stage it reached — and never the others.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from factcheck.budget import DEFAULT_SECONDS, time_budget, valid_budget
from factcheck.claims import build_claims
from factcheck.compare import compare, order_findings
from factcheck.compare.roles import check_roles
from factcheck.compare.weekdays import check_weekdays
from factcheck.coverage import count_figures, measure_coverage
from factcheck.document import DocumentContext, document_context, reporting_day, slug_words
from factcheck.errors import BudgetExceeded, failure_reason
from factcheck.extract import extract
from factcheck.extract.published import WeekdayMismatch, weekday_mismatches_in
from factcheck.extract.roles import role_claims
from factcheck.extract.time import find_times
from factcheck.link import link, members
from factcheck.models import (
    Claim,
    Granularity,
    Mention,
    MentionKind,
    Period,
    Report,
    RoleClaim,
    SkippedSource,
    Source,
)
from factcheck.org_names import canonical_names
from factcheck.reference import Reference, load_reference
from factcheck.sources import load_sources
from factcheck.subjects import group_subject

Progress = Callable[[int, int], None]  # (sources done, sources in all)
TIME_MENTION_KINDS = frozenset({MentionKind.DATE, MentionKind.PERIOD, MentionKind.DURATION})
CHUNK = 32  # sources sent to a worker at a time: few round trips, still an even spread


@dataclass(frozen=True)
class SourceReading:
    """What one source yields on its own: its claims, role claims, wrong weekdays, and how
    many figures it holds (for the report's coverage)."""

    claims: list[Claim]
    roles: list[RoleClaim]
    weekdays: list[WeekdayMismatch]
    figures: int


def reference_day(source: Source) -> date | None:
    """The day relative expressions resolve against: the publication day, when known."""
    published = source.published
    if published is not None and published.granularity == Granularity.DAY:
        return published.start
    return None


def read_source(
    source: Source, reference: Reference, budget: float | None = None
) -> SourceReading | SkippedSource:
    """Extract one source's mentions once, read its document context, and build everything
    made from them — or, when that fails or takes longer than `budget` seconds, why the
    source was skipped: the boundary that keeps one bad source from ending the run."""
    stage: Literal["extract", "claims"] = "extract"
    try:
        with time_budget(budget):
            day = reference_day(source)
            mentions = extract(source.text, day, reference)
            context = read_context(source, mentions, day, reference)
            if day is None and (guess := reporting_day(context)) is not None:
                # No publication date: year-less dates resolve against the reporting period.
                mentions = retimed(source.text, mentions, guess)
            stage = "claims"
            return SourceReading(
                claims=build_claims(source, mentions, reference, context),
                roles=role_claims(source, mentions, reference),
                weekdays=weekday_mismatches_in(mentions),
                figures=count_figures(mentions),
            )
    except BudgetExceeded:
        reason = f"not done within its time budget of {budget:g} s (--budget)"
    except Exception as exc:  # any bug meets this boundary, not the rest of the corpus
        reason = failure_reason(exc)
    return SkippedSource(path=source.path or source.id, stage=stage, reason=reason)


def read_context(
    source: Source, mentions: Sequence[Mention], day: date | None, reference: Reference
) -> DocumentContext:
    """The source's document context; a headline that is not part of the text (its title, its
    URL's words) is extracted on its own."""
    headline = source.title or slug_words(source.url)
    headline_mentions = extract(headline, day, reference) if headline else []
    return document_context(source.title, source.url, source.text, mentions, headline_mentions)


def retimed(text: str, mentions: Sequence[Mention], day: date) -> list[Mention]:
    """`mentions` with the time expressions read again against `day`."""
    kept = [m for m in mentions if m.kind not in TIME_MENTION_KINDS]
    found = [m for m in find_times(text, day) if m.kind in TIME_MENTION_KINDS]
    return sorted([*kept, *found], key=lambda m: (m.span.start, m.span.end, m.kind.value))


def check(
    sources: Iterable[str | Path | Source],
    published: Mapping[str, date] | None = None,
    reference: Reference | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    budget: float | None = DEFAULT_SECONDS,
) -> Report:
    """Check `sources` (paths to files or folders, or `Source` objects) against each other.

    `published` maps a source id (file stem) to its publication date, overriding metadata
    and the date found in the text. Unreadable paths are listed in `Report.skipped`.
    `jobs` is how many processes read sources (0: one per CPU); the report does not depend
    on it. Workers are spawned, so a script calling this with `jobs` > 1 needs the usual
    `if __name__ == "__main__":` guard. `budget` is the most seconds one source may take
    (None or 0: no limit); a source that fails or runs over is skipped, not in
    `Report.sources`.
    """
    budget = valid_budget(budget)
    given = list(sources)
    paths = [s for s in given if not isinstance(s, Source)]
    loaded = load_sources(paths, published)
    in_memory = [_with_published(s, published) for s in given if isinstance(s, Source)]
    corpus = sorted((*loaded.sources, *in_memory), key=lambda s: s.id)
    reference = reference or load_reference()
    claims: list[Claim] = []
    roles: list[RoleClaim] = []
    weekdays: list[tuple[Source, list[WeekdayMismatch]]] = []
    figures = 0
    checked: list[Source] = []
    skipped = list(loaded.skipped)
    readings = _read_all(corpus, reference, jobs, budget)
    for done, (source, reading) in enumerate(readings, start=1):
        if isinstance(reading, SkippedSource):
            skipped.append(reading)
        else:
            checked.append(source)
            claims.extend(reading.claims)
            roles.extend(reading.roles)
            weekdays.append((source, reading.weekdays))
            figures += reading.figures
        if progress is not None:
            progress(done, len(corpus))
    claims, roles = one_name_each(claims, roles, reference)
    groups = link(claims)
    by_id = {s.id: s for s in checked}
    findings = [
        *compare(claims, groups, by_id),
        *check_roles(roles, by_id, reference),
        *check_weekdays(weekdays),
    ]
    claims.sort(key=lambda c: (c.source_id, c.span.start, c.span.end))
    return Report(
        sources=tuple(checked),
        skipped=tuple(skipped),
        claims=tuple(claims),
        groups=tuple(groups),
        role_claims=tuple(sorted(roles, key=lambda r: (r.source_id, r.span.start, r.span.end))),
        findings=tuple(order_findings(findings)),
        coverage=measure_coverage(claims, len(roles), figures),
    )


def one_name_each(
    claims: list[Claim], roles: list[RoleClaim], reference: Reference
) -> tuple[list[Claim], list[RoleClaim]]:
    """Claims and role claims with each organisation called by one name across the corpus
    (`org_names.canonical_names`): "Samsung Electronics Co." and "Samsung Electronics" are
    one subject, and link as one."""
    surfaces = reference.org_surfaces()
    names = [
        *(n for c in claims if c.subject.kind in ("single", "group") for n in members(c.subject)),
        *(r.organization for r in roles),
    ]
    canonical = canonical_names(names, surfaces.get)

    def renamed(claim: Claim) -> Claim:
        subject = claim.subject
        if subject.kind == "single" and canonical.get(subject.name, subject.name) != subject.name:
            new = canonical[subject.name]
            return claim.model_copy(
                update={
                    "subject": subject.model_copy(update={"name": new}),
                    "trace": (*claim.trace, f"subject {subject.name!r} is called {new!r} here"),
                }
            )
        if subject.kind == "group" and any(canonical.get(m, m) != m for m in subject.members):
            group = tuple(dict.fromkeys(canonical.get(m, m) for m in subject.members))
            return claim.model_copy(update={"subject": group_subject(group)})
        return claim

    return (
        [renamed(c) for c in claims],
        [
            r.model_copy(update={"organization": canonical[r.organization]})
            if canonical.get(r.organization, r.organization) != r.organization
            else r
            for r in roles
        ],
    )


def _read_all(
    corpus: Sequence[Source], reference: Reference, jobs: int, budget: float | None
) -> Iterator[tuple[Source, SourceReading | SkippedSource]]:
    """Each source with its reading, in corpus order, from `jobs` processes."""
    workers = min(jobs if jobs > 0 else os.cpu_count() or 1, len(corpus))
    if workers <= 1:
        for source in corpus:
            yield source, read_source(source, reference, budget)
        return
    # "spawn": a fresh interpreter per worker, safe whatever threads the caller runs.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(reference, budget)
    ) as pool:
        yield from zip(corpus, pool.map(_read_in_worker, corpus, chunksize=CHUNK), strict=True)


_worker_state: tuple[Reference, float | None] | None = None


def _start_worker(reference: Reference, budget: float | None) -> None:
    global _worker_state
    _worker_state = (reference, budget)


def _read_in_worker(source: Source) -> SourceReading | SkippedSource:
    assert _worker_state is not None, "worker started without a reference"
    return read_source(source, *_worker_state)


def _with_published(source: Source, published: Mapping[str, date] | None) -> Source:
    if published and source.id in published:
        return source.model_copy(
            update={
                "published": Period.day(published[source.id]),
                "published_basis": "command line (--published)",
            }
        )
    return source

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
from factcheck.errors import BudgetExceeded, failure_reason
from factcheck.extract import extract
from factcheck.extract.published import WeekdayMismatch, weekday_mismatches_in
from factcheck.extract.roles import role_claims
from factcheck.link import link
from factcheck.models import (
    Claim,
    Granularity,
    Period,
    Report,
    RoleClaim,
    SkippedSource,
    Source,
)
from factcheck.reference import Reference, load_reference
from factcheck.sources import load_sources

Progress = Callable[[int, int], None]  # (sources done, sources in all)
CHUNK = 32  # sources sent to a worker at a time: few round trips, still an even spread


@dataclass(frozen=True)
class SourceReading:
    """What one source yields on its own: its claims, role claims and wrong weekdays."""

    claims: list[Claim]
    roles: list[RoleClaim]
    weekdays: list[WeekdayMismatch]


def reference_day(source: Source) -> date | None:
    """The day relative expressions resolve against: the publication day, when known."""
    published = source.published
    if published is not None and published.granularity == Granularity.DAY:
        return published.start
    return None


def read_source(
    source: Source, reference: Reference, budget: float | None = None
) -> SourceReading | SkippedSource:
    """Extract one source's mentions once and build everything made from them — or, when
    that fails or takes longer than `budget` seconds, why the source was skipped: the
    boundary that keeps one bad source from ending the run."""
    stage: Literal["extract", "claims"] = "extract"
    try:
        with time_budget(budget):
            mentions = extract(source.text, reference_day(source))
            stage = "claims"
            return SourceReading(
                claims=build_claims(source, mentions, reference),
                roles=role_claims(source, mentions, reference),
                weekdays=weekday_mismatches_in(mentions),
            )
    except BudgetExceeded:
        reason = f"not done within its time budget of {budget:g} s (--budget)"
    except Exception as exc:  # any bug meets this boundary, not the rest of the corpus
        reason = failure_reason(exc)
    return SkippedSource(path=source.path or source.id, stage=stage, reason=reason)


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
        if progress is not None:
            progress(done, len(corpus))
    groups = link(claims)
    by_id = {s.id: s for s in checked}
    findings = [
        *compare(claims, groups, by_id),
        *check_roles(roles, by_id, reference),
        *check_weekdays(weekdays),
    ]
    return Report(
        sources=tuple(checked),
        skipped=tuple(skipped),
        claims=tuple(sorted(claims, key=lambda c: (c.source_id, c.span.start, c.span.end))),
        groups=tuple(groups),
        role_claims=tuple(sorted(roles, key=lambda r: (r.source_id, r.span.start, r.span.end))),
        findings=tuple(order_findings(findings)),
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

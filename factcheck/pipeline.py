"""The pipeline end to end: load → extract → claims → normalise → link → compare → report.

Each stage is a plain function over the glossary's models; this module only strings them
together. Extraction and claim building work per source; linking and comparing need all
claims, but only within blocking keys (see `link`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from pathlib import Path

from factcheck.claims import build_claims
from factcheck.compare import compare, order_findings
from factcheck.compare.roles import check_roles
from factcheck.compare.weekdays import check_weekdays
from factcheck.extract import extract
from factcheck.extract.roles import role_claims
from factcheck.link import link
from factcheck.models import Claim, Granularity, Period, Report, RoleClaim, Source
from factcheck.reference import Reference, load_reference
from factcheck.sources import load_sources

Progress = Callable[[int, int], None]  # (sources done, sources in all)


def reference_day(source: Source) -> date | None:
    """The day relative expressions resolve against: the publication day, when known."""
    published = source.published
    if published is not None and published.granularity == Granularity.DAY:
        return published.start
    return None


def check(
    sources: Iterable[str | Path | Source],
    published: Mapping[str, date] | None = None,
    reference: Reference | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check `sources` (paths to files or folders, or `Source` objects) against each other.

    `published` maps a source id (file stem) to its publication date, overriding metadata
    and the date found in the text. Unreadable paths are listed in `Report.skipped`.
    """
    given = list(sources)
    paths = [s for s in given if not isinstance(s, Source)]
    loaded = load_sources(paths, published)
    in_memory = [_with_published(s, published) for s in given if isinstance(s, Source)]
    corpus = sorted((*loaded.sources, *in_memory), key=lambda s: s.id)
    reference = reference or load_reference()
    claims: list[Claim] = []
    roles: list[RoleClaim] = []
    for done, source in enumerate(corpus, start=1):
        mentions = extract(source.text, reference_day(source), reference)
        claims.extend(build_claims(source, mentions, reference))
        roles.extend(role_claims(source, mentions, reference))
        if progress is not None:
            progress(done, len(corpus))
    groups = link(claims)
    by_id = {s.id: s for s in corpus}
    findings = [
        *compare(claims, groups, by_id),
        *check_roles(roles, by_id, reference),
        *check_weekdays(corpus),
    ]
    return Report(
        sources=tuple(corpus),
        skipped=loaded.skipped,
        claims=tuple(sorted(claims, key=lambda c: (c.source_id, c.span.start, c.span.end))),
        groups=tuple(groups),
        role_claims=tuple(sorted(roles, key=lambda r: (r.source_id, r.span.start, r.span.end))),
        findings=tuple(order_findings(findings)),
    )


def _with_published(source: Source, published: Mapping[str, date] | None) -> Source:
    if published and source.id in published:
        return source.model_copy(
            update={
                "published": Period.day(published[source.id]),
                "published_basis": "command line (--published)",
            }
        )
    return source

"""Check a draft against its sources before publication: every claim in the draft is
supported (a source says the same), contradicted (a finding puts it in conflict), or
unsupported (nothing speaks to it).

This is a thin layer over the pipeline: the draft is checked as one more source, and its
claims are classified by the findings that involve them. Linking and comparison are the
pipeline's own, so the gate never disagrees with `factcheck report`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from factcheck.cli_common import add_published_option, parse_published, write_output
from factcheck.models import (
    Evidence,
    Finding,
    Frozen,
    Report,
    Severity,
    SkippedSource,
    Source,
    Span,
)
from factcheck.terminal import printable, warn

Verdict = Literal["supported", "contradicted", "unsupported"]
STDIN = "-"
STDIN_ID = "draft"
EXIT_OK, EXIT_CONTRADICTED, EXIT_USAGE = 0, 1, 2


class DraftClaim(Frozen):
    """One claim of the draft and what the sources say about it.

    `evidence` holds the other sources' sides: the supporting quotes of a supported claim,
    the opposing ones of a contradicted claim; `findings` the findings that decided.
    """

    claim_id: str
    quote: Span
    figure: Span
    verdict: Verdict
    evidence: tuple[Evidence, ...] = ()
    findings: tuple[Finding, ...] = ()
    cautions: tuple[Finding, ...] = ()  # e.g. another source credits the figure elsewhere


#: Findings that caution a draft's claim without contradicting it: the same figure credited
#: to another subject says the figure is used elsewhere, not that the draft is wrong.
CAUTION_CODES = frozenset({"FC102"})


class DraftCheck(Frozen):
    draft_id: str
    claims: tuple[DraftClaim, ...]
    report: Report

    @property
    def contradicted(self) -> bool:
        return any(claim.verdict == "contradicted" for claim in self.claims)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for claim in self.claims if claim.verdict == verdict)


def classify_draft(report: Report, draft_id: str) -> DraftCheck:
    """Classify each of the draft's claims (and role claims) by the findings involving it.

    A warning or error finding makes it contradicted (its other sources, or the reference,
    disagree) — except a caution (`CAUTION_CODES`), which is listed beside the verdict; an
    informational finding shared with another source makes it supported.
    """
    own: list[tuple[str, Span, Span]] = [
        (c.id, c.quote, c.span) for c in report.claims if c.source_id == draft_id
    ]
    own += [(r.id, r.quote, r.span) for r in report.role_claims if r.source_id == draft_id]
    verdicts = []
    for claim_id, quote, figure in sorted(own, key=lambda item: (item[2].start, item[0])):
        involving = [f for f in report.findings if claim_id in f.claims]
        cautions = [f for f in involving if f.code in CAUTION_CODES]
        conflicts = [
            f for f in involving if f.severity is not Severity.INFO and f.code not in CAUTION_CODES
        ]
        agreements = [
            f
            for f in involving
            if f.severity is Severity.INFO and any(e.source_id != draft_id for e in f.evidence)
        ]
        deciding = conflicts or agreements
        verdict: Verdict = (
            "contradicted" if conflicts else "supported" if agreements else "unsupported"
        )
        others = tuple(e for f in deciding for e in f.evidence if e.source_id != draft_id)
        verdicts.append(
            DraftClaim(
                claim_id=claim_id,
                quote=quote,
                figure=figure,
                verdict=verdict,
                evidence=tuple(dict.fromkeys(others)),
                findings=tuple(deciding),
                cautions=tuple(cautions),
            )
        )
    return DraftCheck(draft_id=draft_id, claims=tuple(verdicts), report=report)


def check_draft(
    draft: str | Path | Source,
    against: Sequence[str | Path],
    published: Mapping[str, date] | None = None,
) -> DraftCheck:
    """Run the pipeline over the draft and the sources, and classify the draft's claims.

    Raises `UsageError` when the draft cannot be read or its id is also a source's id, and
    `NoSourcesError` when none of the sources could be read.
    """
    from factcheck.errors import NoSourcesError, UsageError
    from factcheck.pipeline import check
    from factcheck.sources import load_sources

    beside_draft: tuple[SkippedSource, ...] = ()  # e.g. a broken sources.toml in its folder
    if isinstance(draft, Source):
        draft_source = draft
    else:
        loaded_draft = load_sources([draft], published)
        beside_draft = loaded_draft.skipped
        if loaded_draft.skipped and not loaded_draft.sources:
            skipped = loaded_draft.skipped[0]
            raise UsageError(f"draft {skipped.path}: {skipped.reason}")
        if len(loaded_draft.sources) != 1:
            raise UsageError(f"draft {draft}: expected one file")
        draft_source = loaded_draft.sources[0]
    loaded = load_sources(against, published)
    if not loaded.sources:
        raise NoSourcesError("none of the sources to check the draft against could be read")
    if draft_source.id in {source.id for source in loaded.sources}:
        raise UsageError(f"the draft's id {draft_source.id!r} is also a source's id: rename it")
    report = check([draft_source, *loaded.sources], published=published)
    report = report.model_copy(
        update={"skipped": (*report.skipped, *beside_draft, *loaded.skipped)}
    )
    return classify_draft(report, draft_source.id)


def _side(evidence: Evidence, sources: Mapping[str, Source]) -> str:
    source = sources.get(evidence.source_id)
    about = [evidence.source_id]
    if source is not None and source.outlet:
        about.append(source.outlet)
    if source is not None and source.published:
        about.append(source.published.describe())
    return f"    {', '.join(about)}: “{evidence.quote.text.strip()}”"


def render_draft_text(result: DraftCheck) -> str:
    """Every claim of the draft with its verdict and the quotes behind it."""
    sources = {source.id: source for source in result.report.sources}
    lines = [
        f"Draft {result.draft_id}: {len(result.claims)} claims — "
        f"{result.count('supported')} supported, {result.count('contradicted')} contradicted, "
        f"{result.count('unsupported')} unsupported"
    ]
    for skipped in result.report.skipped:
        lines.append(f"  skipped {skipped.path}: {skipped.reason}")
    for claim in result.claims:
        lines += ["", f"{claim.verdict.upper():<13} {claim.figure.text}"]
        lines.append(f"    draft: “{claim.quote.text.strip()}”")
        lines += [_side(evidence, sources) for evidence in claim.evidence]
        if claim.verdict == "contradicted":
            lines += [f"    {f.code} {f.slug}: {f.message}" for f in claim.findings]
        lines += [f"    caution {f.code} {f.slug}: {f.message}" for f in claim.cautions]
    return printable("\n".join(lines) + "\n")  # read in a terminal: no control characters


def render_draft_json(result: DraftCheck) -> str:
    document = {
        "draft": result.draft_id,
        "contradicted": result.contradicted,
        "skipped": [s.model_dump(mode="json") for s in result.report.skipped],
        "claims": [claim.model_dump(mode="json") for claim in result.claims],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cmd_check(args: argparse.Namespace) -> int:
    from factcheck.errors import NoSourcesError
    from factcheck.sources import source_from_text

    published = parse_published(args.published)
    draft: str | Source = args.draft
    if args.draft == STDIN:
        draft = source_from_text(STDIN_ID, sys.stdin.read(), published=published.get(STDIN_ID))
    try:
        result = check_draft(draft, args.against, published)
    except NoSourcesError as exc:
        warn(str(exc))
        return EXIT_USAGE
    for skipped in result.report.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    rendered = render_draft_json(result) if args.format == "json" else render_draft_text(result)
    write_output(rendered, args.output, args.against, keep=[args.draft])
    return EXIT_CONTRADICTED if result.contradicted else EXIT_OK


def register_check(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `factcheck check DRAFT --against SOURCES...` to the CLI."""
    parser = subparsers.add_parser(
        "check",
        help="check a draft's claims against its sources (exit 1 when one is contradicted)",
    )
    parser.add_argument("draft", metavar="DRAFT", help="the draft to check ('-': standard input)")
    parser.add_argument(
        "--against", nargs="+", required=True, metavar="SOURCE", help="source files or folders"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--output", "-o", metavar="FILE", help="write the result here")
    add_published_option(parser, "a source or of the draft")
    parser.set_defaults(run=_cmd_check)

"""`factcheck review list|set|export|import|serve`: review decisions for scripts and editors.

Each command takes the sources' PATH (a folder or a file), which must exist: a mistyped one
must not put decisions in the parent folder's store. The decisions live beside it in
`.factcheck/review.sqlite`, or in `--db FILE`. Commands that need the findings re-run the
pipeline, so what they show always matches `factcheck report PATH`. `list` and `export` only
read the store; a store that cannot be used is a usage error naming it (exit 2).
"""

from __future__ import annotations

import argparse
import functools
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from factcheck.cli_common import add_published_option, parse_published, write_output
from factcheck.errors import UsageError
from factcheck.models import DecisionSet, DecisionStatus, Finding, Report
from factcheck.review import DEFAULT_HOST, DEFAULT_PORT
from factcheck.review.store import (
    DecisionStore,
    StoreError,
    export_json,
    store_files,
    store_path,
)
from factcheck.terminal import printable

REVIEWER_ENV = "FACTCHECK_REVIEWER"
EXIT_OK = 0


def _report(args: argparse.Namespace) -> Report:
    from factcheck.pipeline import check

    report = check([args.path], published=parse_published(args.published))
    if not report.sources:
        raise UsageError(f"{args.path}: no source could be read")
    return report


def _store_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else store_path(Path(args.path))


def _store(args: argparse.Namespace) -> DecisionStore:
    """The store to write to, created when missing."""
    return DecisionStore(_store_path(args))


def _reading(args: argparse.Namespace) -> DecisionStore | None:
    """The store opened read-only; None when PATH has none yet (a --db must exist)."""
    path = _store_path(args)
    if path.exists():
        return DecisionStore(path, read_only=True)
    if args.db:
        raise UsageError(f"--db {args.db}: no such file")
    return None


def _decisions(args: argparse.Namespace, report: Report) -> DecisionSet:
    """The report's decisions; reading never creates a store."""
    store = _reading(args)
    return store.decisions_for(report) if store else DecisionSet()


def default_reviewer() -> str:
    """$FACTCHECK_REVIEWER, else the login name."""
    return os.environ.get(REVIEWER_ENV) or getpass.getuser()


def find_finding(report: Report, fingerprint: str) -> Finding:
    """The finding with this fingerprint, or the only one it is a prefix of."""
    matches = [f for f in report.findings if f.fingerprint.startswith(fingerprint)]
    exact = [f for f in matches if f.fingerprint == fingerprint]
    if exact or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise UsageError(
            f"no finding {fingerprint!r} in the current report (see `factcheck review list`)"
        )
    raise UsageError(f"{fingerprint!r} is a prefix of {len(matches)} findings: give more of it")


def _cmd_list(args: argparse.Namespace) -> int:
    report = _report(args)
    decided = _decisions(args, report)
    rows = []
    for finding in report.findings:
        decision = decided.current.get(finding.fingerprint)
        if args.status and (decision.status.value if decision else "undecided") != args.status:
            continue
        rows.append((finding, decision))
    if args.format == "json":
        document = {
            "findings": [
                {
                    "fingerprint": f.fingerprint,
                    "code": f.code,
                    "slug": f.slug,
                    "severity": f.severity.value,
                    "message": f.message,
                    "decision": d.model_dump(mode="json") if d else None,
                }
                for f, d in rows
            ],
            "stale": [d.model_dump(mode="json") for d in decided.stale],
        }
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    for finding, decision in rows:
        verdict = decision.status.value if decision else "undecided"
        who = f" ({decision.reviewer})" if decision else ""
        print(
            printable(
                f"{finding.fingerprint}  {finding.severity.value:<7}  {finding.code}  "
                f"{verdict}{who}  {finding.message}"
            )
        )
    for stale in decided.stale:
        print(
            printable(
                f"{stale.fingerprint}  stale    {stale.finding_code or '-'}  {stale.status.value}"
                f" ({stale.reviewer})  {stale.finding_message or ''}"
            )
        )
    return EXIT_OK


def _cmd_set(args: argparse.Namespace) -> int:
    finding = find_finding(_report(args), args.fingerprint)
    decision = _store(args).record(
        finding.fingerprint, args.status, args.reviewer or default_reviewer(), args.note, finding
    )
    print(printable(f"{decision.fingerprint}: {decision.status.value} by {decision.reviewer}"))
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:

    if args.format == "claimreview":
        from factcheck.report.claimreview import render_claimreview

        report = _report(args)
        text = render_claimreview(report, _decisions(args, report))
    else:
        store = _reading(args)
        text = store.export_json() if store else export_json(())
    write_output(text, args.output, [args.path], keep=store_files(_store_path(args)))
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    text = Path(args.file).read_text(encoding="utf-8")
    try:
        added = _store(args).import_json(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: JSON nested too deeply
        raise UsageError(f"{args.file}: {exc}") from exc
    print(printable(f"imported {added} new decision row(s) from {args.file}"))
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from factcheck.review.app import serve

    db = _store_path(args)
    serve(Path(args.path), args.host, args.port, args.reviewer or default_reviewer(), db=db)
    return EXIT_OK


def _command(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`run`, refused on a PATH that does not exist (whose folder's store is someone else's),
    and ended with its message (exit 2) by a store that cannot be used."""

    @functools.wraps(run)
    def guarded(args: argparse.Namespace) -> int:
        if not Path(args.path).exists():
            raise UsageError(f"{args.path}: no such file or folder")
        try:
            return run(args)
        except StoreError as exc:
            raise UsageError(str(exc)) from exc

    return guarded


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `factcheck review ...` to the CLI."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("path", metavar="PATH", help="the sources (folder or file)")
    common.add_argument(
        "--db", metavar="FILE", help="the decision store (default: PATH/.factcheck/review.sqlite)"
    )
    pipeline = argparse.ArgumentParser(add_help=False)
    add_published_option(pipeline)
    review = subparsers.add_parser("review", help="record and list editors' decisions on findings")
    actions = review.add_subparsers(dest="review_command", required=True, metavar="ACTION")

    listing = actions.add_parser(
        "list", parents=[common, pipeline], help="findings with their decisions, and stale ones"
    )
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.add_argument(
        "--status",
        choices=("undecided", *(s.value for s in DecisionStatus)),
        help="only findings with this decision",
    )
    listing.set_defaults(run=_command(_cmd_list))

    setting = actions.add_parser("set", parents=[common, pipeline], help="decide on a finding")
    setting.add_argument("fingerprint", metavar="FINGERPRINT", help="the finding (or a prefix)")
    setting.add_argument("status", choices=[s.value for s in DecisionStatus])
    setting.add_argument("--note", default="", help="why")
    setting.add_argument("--reviewer", help=f"your name (default: ${REVIEWER_ENV} or login)")
    setting.set_defaults(run=_command(_cmd_set))

    export = actions.add_parser(
        "export", parents=[common, pipeline], help="the decision history as JSON, or ClaimReview"
    )
    export.add_argument("--format", choices=("json", "claimreview"), default="json")
    export.add_argument("--output", "-o", metavar="FILE", help="write here (default: stdout)")
    export.set_defaults(run=_command(_cmd_export))

    importing = actions.add_parser(
        "import", parents=[common], help="append decisions from an export (idempotent)"
    )
    importing.add_argument("file", metavar="FILE", help="a `factcheck review export` file")
    importing.set_defaults(run=_command(_cmd_import))

    serving = actions.add_parser("serve", parents=[common], help="the local review web app")
    serving.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"default {DEFAULT_HOST}; any other address needs the access token printed at start",
    )
    serving.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    serving.add_argument("--reviewer", help=f"default name (${REVIEWER_ENV} or login)")
    serving.set_defaults(run=_command(_cmd_serve))

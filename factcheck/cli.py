"""The command line: parses options, calls the library, sets exit codes. Nothing else.

Exit codes: 0 nothing at or above `--fail-on`; 1 there is; 2 a usage error, an input that
cannot be read or parsed, or no source could be read.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date

from factcheck.budget import DEFAULT_SECONDS
from factcheck.cli_common import add_published_option, parse_published, write_output
from factcheck.errors import FactcheckError, UsageError
from factcheck.terminal import warn

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
FORMATS = ("text", "markdown", "json", "html")
PROGRESS_MIN_SOURCES = 20  # below this a run is too short for a progress bar to help


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A rich progress bar on stderr, or None when stderr is not a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("checking sources", total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def _cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from factcheck.pipeline import check
    from factcheck.reference import load_reference

    published = parse_published(args.published)
    reference = load_reference(tuple(Path(p) for p in args.reference))
    with progress_bar(not args.no_progress) as progress:
        report = check(
            args.paths,
            published=published,
            reference=reference,
            progress=progress,
            jobs=args.jobs,
            budget=args.budget,
        )
    for skipped in report.skipped:
        warn(f"skipped {skipped.path}: {skipped.reason}")
    if not report.sources:
        warn("no source could be read")
        return EXIT_USAGE
    from factcheck.review.store import StoreError, decisions_beside

    try:
        review = decisions_beside(args.paths, report)
    except StoreError as exc:  # the report does not need the decisions: say so, go on
        warn(f"decisions not shown: {exc}")
        review = None
    report = report.model_copy(update={"review": review})
    write_output(
        _render(report, args),
        args.output,
        args.paths,
        keep=args.reference,
        printable_already=args.format == "text",  # the text renderer shows sources' controls
    )
    threshold = {"error": 2, "warning": 1, "never": 3}[args.fail_on]
    worst = max((f.severity.rank for f in report.findings), default=-1)
    return EXIT_FINDINGS if worst >= threshold else EXIT_OK


def _render(report: object, args: argparse.Namespace) -> str:
    from factcheck.models import Report

    assert isinstance(report, Report)
    match args.format:
        case "json":
            from factcheck.report.json_report import render_json

            return render_json(report)
        case "markdown":
            from factcheck.report.markdown import render_markdown

            return render_markdown(report)
        case "html":
            from factcheck.report.html import render_html

            return render_html(report)
        case _:
            from factcheck.report.text import render_text

            color = args.output in (None, "-") and sys.stdout.isatty()
            return render_text(report, color=color, explain=args.explain)


def _cmd_extract(args: argparse.Namespace) -> int:
    if args.jsonl:
        from functools import partial

        from factcheck.contract import run_jsonl
        from factcheck.extract import figures_and_times
        from factcheck.extract.time_rules import Prefer

        # The contract's reference_date is "today" (bench README): a tenseless "2/15" said
        # today is the coming one, unless its sentence speaks of the past.
        prefer: Prefer = args.prefer or "future"
        return run_jsonl(sys.stdin, sys.stdout, partial(figures_and_times, prefer=prefer))
    from factcheck.extract import extract

    try:
        published = date.fromisoformat(args.published) if args.published else None
    except ValueError as exc:
        raise UsageError(f"--published {args.published!r} is not a YYYY-MM-DD date") from exc
    if args.file:
        from pathlib import Path

        from factcheck.sources import read_file

        text = read_file(Path(args.file))[1]  # the reader `report` uses: the same offsets
    else:
        text = sys.stdin.read()
    from pydantic import TypeAdapter

    from factcheck.values import Mention

    as_json = TypeAdapter(Mention)
    for mention in extract(text, published, prefer=args.prefer or "past"):
        sys.stdout.write(as_json.dump_json(mention, exclude_none=True).decode() + "\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from factcheck.report.json_report import report_schema

    sys.stdout.write(report_schema())
    return EXIT_OK


def _cmd_checks(args: argparse.Namespace) -> int:
    from factcheck.report.catalog import render_catalog_markdown, render_catalog_text

    sys.stdout.write(
        render_catalog_markdown() if args.format == "markdown" else render_catalog_text()
    )
    return EXIT_OK


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given the `command` about to run, only what that command needs (the
    review and draft commands are registered by modules too heavy for `extract` to import)."""
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Cross-source fact consistency checker: where do the figures, dates and "
        "names of several sources disagree?",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="check sources against each other and report")
    report.add_argument("paths", nargs="+", metavar="PATH", help="source files or folders")
    report.add_argument("--format", choices=FORMATS, default="text")
    report.add_argument("--output", "-o", metavar="FILE", help="write the report here")
    add_published_option(report)
    report.add_argument(
        "--fail-on",
        choices=("error", "warning", "never"),
        default="error",
        help="exit 1 when a finding of this severity or worse is found (default: error)",
    )
    report.add_argument(
        "--explain", action="store_true", help="show each claim's normalisation trail"
    )
    report.add_argument(
        "--reference",
        action="append",
        default=[],
        metavar="FILE",
        help="extra reference facts (TOML, CSV or Wikidata JSON); repeatable",
    )
    report.add_argument("--no-progress", action="store_true", help="no progress bar")
    report.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=1,
        metavar="N",
        help="processes reading sources (0: one per CPU); the report is the same for any N",
    )
    report.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_SECONDS,
        metavar="SECONDS",
        help="skip (and list) a source not read within this time (0: no limit; default: "
        f"{DEFAULT_SECONDS:g})",
    )
    report.set_defaults(run=_cmd_report)

    extract = commands.add_parser("extract", help="print the mentions found in a text")
    extract.add_argument("file", nargs="?", help="a text file (default: standard input)")
    extract.add_argument("--jsonl", action="store_true", help="speak the benchmark JSONL contract")
    extract.add_argument("--published", metavar="DATE", help="reference date for relative dates")
    extract.add_argument(
        "--prefer",
        choices=("past", "future"),
        help="where a tenseless year-less date falls: past (news) or future (schedules); "
        "default past against --published, future with --jsonl, whose reference_date is today",
    )
    extract.set_defaults(run=_cmd_extract)

    schema = commands.add_parser("schema", help="print the JSON schema of the report")
    schema.set_defaults(run=_cmd_schema)

    checks = commands.add_parser("checks", help="list every check with its code and examples")
    checks.add_argument("--format", choices=("text", "markdown"), default="text")
    checks.set_defaults(run=_cmd_checks)

    if command in _CORE_COMMANDS:
        return parser
    from factcheck.draft import register_check
    from factcheck.review.cli import register

    register(commands)
    register_check(commands)
    return parser


_CORE_COMMANDS = ("report", "extract", "schema", "checks")


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(next((w for w in words if not w.startswith("-")), None))
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except BrokenPipeError:
        return EXIT_OK
    # The command-line boundary: what is left (a usage error, a file that cannot be read,
    # invalid data, pydantic's ValidationError — a ValueError — or input nested too deeply
    # to parse) is one line on stderr and exit 2, never a traceback read as "findings".
    except (ValueError, OSError, RecursionError) as exc:
        warn(_one_line(exc))
        return EXIT_USAGE
    return code


def _one_line(exc: BaseException) -> str:
    """An error's message on one line; a kind not raised on purpose also names its type."""
    text = " ".join(str(exc).split())
    if text and (type(exc) is ValueError or isinstance(exc, FactcheckError | OSError)):
        return text
    return f"{type(exc).__name__}: {text}"


if __name__ == "__main__":
    raise SystemExit(main())

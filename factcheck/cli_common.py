"""What the command-line modules share: the --published option and safe output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from factcheck.errors import UsageError
from factcheck.terminal import printable

if TYPE_CHECKING:
    from pathlib import Path


def add_published_option(parser: argparse.ArgumentParser, what: str = "a source") -> None:
    parser.add_argument(
        "--published",
        action="append",
        default=[],
        metavar="SOURCE=DATE",
        help=f"publication date of {what} (its file stem), YYYY-MM-DD; repeatable",
    )


def parse_published(values: Sequence[str]) -> dict[str, date]:
    """`--published SOURCE=DATE` options as a mapping; a malformed one is a usage error."""
    out: dict[str, date] = {}
    for item in values:
        source, sep, day = item.partition("=")
        if not sep or not source:
            raise UsageError(f"--published {item!r}: expected SOURCE=YYYY-MM-DD")
        try:
            out[source.strip()] = date.fromisoformat(day.strip())
        except ValueError as exc:
            raise UsageError(f"--published {item!r}: {day!r} is not a YYYY-MM-DD date") from exc
    return out


def write_output(
    text: str,
    output: str | None,
    sources: Sequence[str] = (),
    keep: Sequence[str | Path] = (),
    printable_already: bool = False,
) -> None:
    """Print, or write to the file `output` (never over what the user wrote: see
    `factcheck.output_file`); `sources` are the command's source paths, `keep` its other
    input files. On a terminal, control characters a source holds are shown, never obeyed
    (`printable_already`: the text keeps its own styling, its sources' parts made printable)."""
    if output is None or output == "-":
        terminal = sys.stdout.isatty() and not printable_already
        sys.stdout.write(printable(text) if terminal else text)
        return
    # imported here: `factcheck extract`, timed at start-up, writes no file
    from factcheck.output_file import write_file

    write_file(text, output, sources, keep)

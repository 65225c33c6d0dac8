"""What the command-line modules share: the --published option and safe output."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from factcheck.errors import UsageError

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
    text: str, output: str | None, sources: Sequence[str] = (), keep: Sequence[str | Path] = ()
) -> None:
    """Print, or write to the file `output` (never over what the user wrote: see
    `factcheck.output_file`); `sources` are the command's source paths, `keep` its other
    input files."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    # imported here: `factcheck extract`, timed at start-up, writes no file
    from factcheck.output_file import write_file

    write_file(text, output, sources, keep)

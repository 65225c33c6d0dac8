"""What the command-line modules share: the --published option and safe output."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date

from factcheck.errors import UsageError


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


def write_output(text: str, output: str | None, inputs: Sequence[str] = ()) -> None:
    """Print, or write atomically to `output`; never over one of the inputs."""
    if output is None or output == "-":
        sys.stdout.write(text)
        return
    import tempfile  # imported here: `factcheck extract`, timed at start-up, writes no file
    from pathlib import Path

    target = Path(output)
    for given in inputs:
        path = Path(given)
        inside = path.is_dir() and target.resolve().parent == path.resolve()
        if (path.exists() and target.exists() and target.resolve() == path.resolve()) or (
            inside and target.suffix.lower() in (".txt", ".md")
        ):
            raise UsageError(f"--output {output}: would overwrite or add to a source ({given})")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    os.replace(tmp, target)

"""Whatever format goes to a terminal, a source's control characters are shown, not obeyed;
piped to a file, the output keeps the source's text as it is."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

HOSTILE = "Vega Mining\x1b]0;owned\x07 raised $3 million on 3 May 2024.\x1b[2J\n"


def _run_on_a_terminal(argv: list[str]) -> bytes:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", *argv],
            stdout=follower, stderr=subprocess.DEVNULL, check=False, timeout=120,
        )  # fmt: skip
        assert done.returncode in (0, 1)
        os.close(follower)
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        os.close(leader)


@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_no_control_character_of_a_source_reaches_a_terminal(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "a.txt").write_text(HOSTILE, encoding="utf-8")
    out = _run_on_a_terminal(["report", str(tmp_path), "--format", fmt, "--no-progress"])
    assert {"html": b"<html", "markdown": b"Vega Mining", "text": b"factcheck report"}[fmt] in out
    assert b"\x1b]0;" not in out and b"\x1b[2J" not in out and b"\x07" not in out


def test_output_that_is_not_a_terminal_is_written_as_it_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from factcheck.cli_common import write_output

    write_output("a\x1b[2Jb\n", None)
    assert capsys.readouterr().out == "a\x1b[2Jb\n"

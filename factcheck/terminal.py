"""What reaches a terminal is shown, never obeyed: control characters made visible.

Source text, file names and imported decisions can carry ESC sequences that retitle or
clear the terminal or plant a hyperlink (OSC 8). Every output meant for a terminal — the
text report, `review list`, messages on stderr — passes through `printable`.
"""

from __future__ import annotations

import re
import sys

# C0 controls but tab and newline, DEL, and the C1 controls (U+0080–U+009F, which some
# terminals obey as 8-bit ESC sequences: U+009B is CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with each control character but newline and tab shown as `\\xNN`."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def warn(message: str) -> None:
    """One message on stderr, prefixed with the program's name."""
    print(printable(f"factcheck: {message}"), file=sys.stderr)

"""A time budget per source, so that one pathological text cannot hang the whole run.

Some extraction rules still take more than linear time on degenerate input (a long run of
"5% ", pages of capital letters); until they do not, a source that is not done within its
budget is skipped with a reason rather than waited for. The budget is generous by default:
no ordinary article comes near it, so reports stay the same byte for byte.

It is enforced with an interval timer (SIGALRM), which interrupts Python code wherever it
is. That needs the main thread of a process on a system with `setitimer` (POSIX): a
worker process of `--jobs` is one, and so is the command line. Elsewhere (a thread, or
Windows) the budget is not enforced and a source simply takes as long as it takes.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from factcheck.errors import BudgetExceeded

DEFAULT_SECONDS = 60.0
MAX_SECONDS = 1e6  # what every platform's interval timer takes (about 11 days)


def valid_budget(seconds: float | None) -> float | None:
    """A budget as `time_budget` takes it: None for no limit (None or 0), else a number of
    seconds up to `MAX_SECONDS`; anything else (negative, NaN, infinite) is a ValueError."""
    if not seconds:
        return None
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(
            f"a time budget is 0 (no limit) or up to {MAX_SECONDS:g} seconds, not {seconds!r}"
        )
    return seconds


def enforceable() -> bool:
    """Whether a budget can interrupt work here (main thread, a POSIX interval timer)."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `BudgetExceeded` in the block if it runs longer than `seconds` (None or 0: no
    limit). The SIGALRM handler set before is restored when the block ends."""
    if not seconds or not enforceable():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)


def _expire(signum: int, frame: FrameType | None) -> None:
    raise BudgetExceeded

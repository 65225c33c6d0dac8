"""One exception hierarchy: each error is also the builtin it resembles, so callers that
catch `ValueError` or `OSError` keep working, and each carries structured fields.

Problems in the data (a conflict, an unresolved date) are values, never exceptions.
"""

from __future__ import annotations


class FactcheckError(Exception):
    """Base of every error this package raises on purpose."""


class SourceError(FactcheckError, ValueError):
    """A source could not be read; `path` names it and `reason` says why, in one line."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoSourcesError(FactcheckError, ValueError):
    """Nothing could be read at all: there is no report to make."""


class UsageError(FactcheckError, ValueError):
    """An option or argument the user gave is not valid; the message says which and why."""


class BudgetExceeded(BaseException):
    """One source took longer than its time budget (`factcheck.budget`).

    A `BaseException`, like `KeyboardInterrupt`, so that no `except Exception` inside the
    extractors can swallow it on the way out to the source's boundary.
    """


MAX_REASON = 300  # characters of an unexpected error kept in a skipped source's reason


def failure_reason(exc: BaseException) -> str:
    """An error as the one-line reason a report or stderr shows: a `SourceError`'s own
    reason, otherwise the exception's type and message, white space collapsed, shortened."""
    if isinstance(exc, SourceError):
        return exc.reason
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"

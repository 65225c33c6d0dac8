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

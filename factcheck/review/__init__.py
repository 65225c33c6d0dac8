"""Editorial review: decisions on findings that survive every re-run, and the local web app."""

from factcheck.models import Decision, DecisionSet, DecisionStatus
from factcheck.review.store import DecisionStore, decisions_beside, store_path

DEFAULT_HOST = "127.0.0.1"  # the review app listens on loopback unless told otherwise
DEFAULT_PORT = 8765

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "Decision",
    "DecisionSet",
    "DecisionStatus",
    "DecisionStore",
    "decisions_beside",
    "store_path",
]

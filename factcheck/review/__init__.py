"""Editorial review: decisions on findings that survive every re-run, and the local web app."""

from factcheck.models import Decision, DecisionSet, DecisionStatus
from factcheck.review.store import DecisionStore, decisions_beside, store_path

__all__ = [
    "Decision",
    "DecisionSet",
    "DecisionStatus",
    "DecisionStore",
    "decisions_beside",
    "store_path",
]

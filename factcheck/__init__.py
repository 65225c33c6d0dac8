"""factcheck: where do the figures, dates and names of several sources disagree?

The public API::

    import factcheck
    report = factcheck.check(["seeds/"])          # paths, folders or Source objects
    print(report.to_text())                       # or to_markdown(), to_json()
    factcheck.extract("Alibaba invested 23 billion yuan")  # -> list[Mention]

Only the names in `__all__` are public. They are imported on first use, so that
`factcheck extract` (started once per benchmark run) does not pay for the whole pipeline.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.extract import extract
    from factcheck.models import (
        Claim,
        Finding,
        Mention,
        Period,
        Report,
        RoleClaim,
        Severity,
        Source,
        Span,
    )
    from factcheck.pipeline import check
    from factcheck.sources import load_sources, source_from_text

__all__ = [
    "Claim",
    "Finding",
    "Mention",
    "Period",
    "Report",
    "RoleClaim",
    "Severity",
    "Source",
    "Span",
    "check",
    "extract",
    "load_sources",
    "source_from_text",
]
__version__ = "0.1.0"

_MODELS = ("Claim", "Finding", "Mention", "Period", "Report", "RoleClaim", "Severity", "Source")
_HOMES = {
    "extract": "factcheck.extract",
    "check": "factcheck.pipeline",
    "load_sources": "factcheck.sources",
    "source_from_text": "factcheck.sources",
    "Span": "factcheck.models",
    **dict.fromkeys(_MODELS, "factcheck.models"),
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")

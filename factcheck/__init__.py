"""factcheck: where do the figures, dates and names of several sources disagree?

The public API::

    import factcheck
    report = factcheck.check(["seeds/"])          # paths, folders or Source objects
    print(report.to_text())                       # or to_markdown(), to_json()
    factcheck.extract("Alibaba invested 23 billion yuan")  # -> list[Mention]

Everything not listed in `__all__` is private to the package.
"""

from __future__ import annotations

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

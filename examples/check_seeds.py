"""Check the seed articles against each other and print the serious findings.

Run from the repository root: ``python examples/check_seeds.py``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import factcheck

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

report = factcheck.check(
    [SEEDS],
    # The seed 001 states no date; say when it was published and the CEO check gets sharper.
    published={"001_3e1cbd5dd9935cb3": date(2025, 2, 21)},
)
for finding in report.findings:
    if finding.severity is not factcheck.Severity.INFO:
        print(f"{finding.severity.value:7} {finding.code} {finding.message}")
        for side in finding.evidence:
            print(f"          {side.source_id}: “{side.quote.text}”")

"""What every check shares: its identity (code, slug, severity) and how a finding is built.

A finding's fingerprint hashes what it is about (the check's code and the sources and
normalised content of the claims involved), never positions or wording, so an editor's
decision stays attached to it across re-runs and unrelated edits.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from factcheck.models import Evidence, Finding, Severity

EXAMPLE_PUBLISHED = date(2024, 9, 1)  # the publication date the examples are checked at


@dataclass(frozen=True)
class CheckInfo:
    """A check's stable identity (codes are never reused) and its executable examples.

    `fires` are sources (one text each) on which the check reports; `quiet` similar sources
    on which it must not. `tests/test_check_examples.py` runs both through the pipeline,
    and `factcheck checks` prints them, so the documentation cannot drift from behaviour.
    """

    code: str  # "FC101"
    slug: str  # "money.value_mismatch"
    severity: Severity
    title: str
    fires: tuple[str, ...] = ()
    quiet: tuple[str, ...] = ()


def fingerprint(code: str, keys: Iterable[str]) -> str:
    """A stable short hash of a finding's identity; `keys` are order-independent."""
    payload = json.dumps([code, sorted(keys)], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def make_finding(
    info: CheckInfo,
    message: str,
    evidence: Sequence[Evidence],
    keys: Iterable[str],
    rule: str = "",
    severity: Severity | None = None,
) -> Finding:
    """Build a finding of `info`'s check; `keys` describe what it is about (for the fingerprint)."""
    ordered = tuple(sorted(evidence, key=lambda e: (e.source_id, e.quote.start, e.claim_id or "")))
    return Finding(
        code=info.code,
        slug=info.slug,
        severity=severity or info.severity,
        message=message,
        claims=tuple(e.claim_id for e in ordered if e.claim_id),
        sources=tuple(sorted({e.source_id for e in ordered})),
        evidence=ordered,
        rule=rule,
        fingerprint=fingerprint(info.code, keys),
    )

"""The glossary's models: every stage of the pipeline speaks these, and only these.

All models are frozen pydantic models that forbid unknown fields, so a value can be shared
between stages (and processes) without anyone changing it under another's feet, and a typo
in a field name fails loudly. The values extractors find (spans, periods, amounts, mentions)
are frozen dataclasses from `factcheck.values`, re-exported here.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck import values
from factcheck.values import (
    Amount,
    Count,
    Duration,
    Granularity,
    Mention,
    MentionKind,
    Money,
    Number,
    Percent,
    PercentagePoints,
    Period,
    PeriodValue,
    Quantity,
    Span,
)

__all__ = [
    "Amount",
    "Claim",
    "ClaimGroup",
    "Count",
    "Coverage",
    "CoverageReason",
    "Decision",
    "DecisionSet",
    "DecisionStatus",
    "Duration",
    "Evidence",
    "Finding",
    "Granularity",
    "Mention",
    "MentionKind",
    "Money",
    "Normalized",
    "Number",
    "Percent",
    "PercentagePoints",
    "Period",
    "PeriodValue",
    "Quantity",
    "Report",
    "RoleClaim",
    "Severity",
    "SkippedSource",
    "Source",
    "Span",
    "Subject",
    "UncomparedClaim",
    "Value",
]


class Frozen(BaseModel):
    """Base of every model: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# The values extractors produce are plain dataclasses (factcheck.values), so that extraction
# never imports pydantic; the models below embed them, and pydantic validates them here.
#: A claim's value, told apart by its `kind`.
Value = Annotated[values.Value, Field(discriminator="kind")]


# --------------------------------------------------------------------------- sources


class Source(Frozen):
    """One document with its metadata; `id` is the file stem."""

    id: str
    path: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    published: Period | None = None  # a day, or a window when only bounds are known
    published_basis: str | None = None  # where `published` came from
    text: str = Field(default="", exclude=True, repr=False)


class SkippedSource(Frozen):
    """A path that could not be read or checked, and why: listed in the report, never
    silently dropped. `stage` says how far it got: reading the file (or its folder, or its
    metadata), extracting its mentions, or building its claims."""

    path: str
    reason: str
    stage: Literal["read", "extract", "claims"] = "read"


# --------------------------------------------------------------------------- claims


class Subject(Frozen):
    """What a figure is about: one organisation, a group combined, or a generic subject."""

    name: str
    members: tuple[str, ...] = ()
    kind: Literal["single", "group", "generic", "unknown"] = "single"


class Normalized(Frozen):
    """A money value expressed in the common currency, and how."""

    amount: Amount
    currency: str
    rate: Decimal | None = None  # units of `currency` per unit of the stated currency
    rate_date: date | None = None
    rule: str


class Claim(Frozen):
    """What a source asserts: subject + metric + value + period (+ scope), with evidence."""

    id: str  # "<source id>:<start>-<end>"
    source_id: str
    span: Span
    quote: Span  # the sentence that carries the figure
    subject: Subject
    metric: str
    scope: tuple[str, ...] = ()
    value: Value
    equivalents: tuple[Money, ...] = ()  # the same amount stated in other currencies
    period: Period | None = None
    period_text: str | None = None
    attributed_to: str | None = None
    normalized: Normalized | None = None
    inferred: tuple[str, ...] = ()  # what came from the document, not the sentence, and whence
    trace: tuple[str, ...] = ()


class ClaimGroup(Frozen):
    """Claims that speak of the same subject and metric (their periods compared later)."""

    key: str  # the blocking key: subject × metric family × kind of value
    claims: tuple[str, ...]


class RoleClaim(Frozen):
    """ "Person P holds role R at organisation O", dated by its source."""

    id: str
    source_id: str
    span: Span
    quote: Span
    person: str
    role: str
    organization: str
    date: Period | None = None
    # How the person stands at `date`: "current", "new" (has just taken it over), "leaving"
    # (holds it, to step down), "former" (held it before) or "future" (holds it from
    # `date`); see extract/roles.py.
    status: Literal["current", "new", "leaving", "former", "future"] = "current"


# --------------------------------------------------------------------------- findings


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


class Evidence(Frozen):
    """One side of a finding as an editor sees it: source, quote and the figure's span."""

    claim_id: str | None = None
    source_id: str
    quote: Span
    figure: Span | None = None
    summary: str


class Finding(Frozen):
    code: str  # "FC101"
    slug: str  # "money.value_mismatch"
    severity: Severity
    message: str
    claims: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    rule: str = ""
    fingerprint: str


# --------------------------------------------------------------------------- coverage


class CoverageReason(StrEnum):
    """Why a claim was compared only loosely or not at all (decided in `factcheck.coverage`)."""

    NO_SUBJECT = "no subject"
    NO_METRIC = "no metric"
    PERIOD_NOT_STATED = "period not stated"
    PERIOD_UNRESOLVED = "period unresolved"


class UncomparedClaim(Frozen):
    """A claim that was not compared, or compared only loosely, and why."""

    claim: str
    reasons: tuple[CoverageReason, ...]


class Coverage(Frozen):
    """How much of the sources the report speaks for: a quiet report may have missed much.

    `figures` counts the money, percent, count and quantity mentions (restatements in another
    currency left out); `compared` counts the claims tied to a subject and a metric, and so
    compared with others, `compared_loosely` those of them tied to no period; `reasons` counts
    each claim of `uncompared` and `loose` once, under the first of its reasons in
    `CoverageReason` order (each listed claim carries all of its own).
    """

    figures: int
    claims: int
    role_claims: int
    compared: int
    compared_loosely: int
    not_compared: int
    reasons: dict[CoverageReason, int] = Field(default_factory=dict)
    uncompared: tuple[UncomparedClaim, ...] = ()  # the claims not compared at all
    loose: tuple[UncomparedClaim, ...] = ()  # the claims compared only loosely


# --------------------------------------------------------------------------- decisions


class DecisionStatus(StrEnum):
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    FOLLOW_UP = "follow_up"

    @property
    def label(self) -> str:
        return {"confirmed": "Confirmed", "dismissed": "Dismissed", "follow_up": "Follow up"}[
            self.value
        ]


class Decision(Frozen):
    """One row of a finding's review history; the latest row is the finding's decision."""

    fingerprint: str = Field(min_length=1, max_length=128)
    status: DecisionStatus
    note: str = Field(default="", max_length=10_000)
    reviewer: str = Field(min_length=1, max_length=200)
    decided_at: datetime
    finding_code: str | None = None
    finding_message: str | None = None

    @field_validator("decided_at")
    @classmethod
    def _aware(cls, value: datetime) -> datetime:
        if value.tzinfo is None:
            raise ValueError("decided_at needs a time zone")
        return value.astimezone(UTC)


class DecisionSet(Frozen):
    """The decisions that bear on one report.

    `current` maps each of the report's fingerprints that has a decision to its latest one;
    `stale` holds the latest decision of every fingerprint the report no longer contains.
    """

    current: dict[str, Decision] = Field(default_factory=dict)
    stale: tuple[Decision, ...] = ()


class Report(Frozen):
    version: Literal[1] = 1
    sources: tuple[Source, ...]
    skipped: tuple[SkippedSource, ...] = ()
    claims: tuple[Claim, ...] = ()
    groups: tuple[ClaimGroup, ...] = ()
    role_claims: tuple[RoleClaim, ...] = ()
    findings: tuple[Finding, ...] = ()
    review: DecisionSet | None = None  # editors' decisions, when a review store exists
    coverage: Coverage | None = None  # None only for a report built by hand, not by `check`

    def to_text(self, *, color: bool = False, explain: bool = False) -> str:
        from factcheck.report.text import render_text

        return render_text(self, color=color, explain=explain)

    def to_markdown(self) -> str:
        from factcheck.report.markdown import render_markdown

        return render_markdown(self)

    def to_json(self) -> str:
        from factcheck.report.json_report import render_json

        return render_json(self)

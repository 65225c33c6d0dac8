"""The glossary's models: every stage of the pipeline speaks these, and only these.

All models are frozen pydantic models that forbid unknown fields, so a value can be shared
between stages (and processes) without anyone changing it under another's feet, and a typo
in a field name fails loudly.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class Frozen(BaseModel):
    """Base of every model: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# --------------------------------------------------------------------------- evidence


class Span(Frozen):
    """`[start, end)` character offsets into a source's text; `text` is that slice."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


# --------------------------------------------------------------------------- time


class Granularity(StrEnum):
    """How precise a period is; a part of a coarser period is never a conflict with it."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    SPAN = "span"  # any other stretch of days: "the past two years", "2014-2018"
    OPEN = "open"  # one bound unknown: "since 2023", "by 2025"


class Period(Frozen):
    """A stretch of days: `start` inclusive, `end` exclusive; `None` is an open bound."""

    start: date | None
    end: date | None
    granularity: Granularity
    label: str | None = None  # a human name such as "H1 2024" or "fiscal 2025"

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is None and self.end is None:
            raise ValueError("a period needs at least one bound")
        if self.start is not None and self.end is not None and not self.start < self.end:
            raise ValueError(f"period start {self.start} is not before end {self.end}")
        return self

    @classmethod
    def day(cls, d: date) -> Period:
        from datetime import timedelta

        return cls(start=d, end=d + timedelta(days=1), granularity=Granularity.DAY)

    def overlaps(self, other: Period) -> bool:
        """True when the two periods share at least one day (open bounds reach forever)."""
        if self.end is not None and other.start is not None and self.end <= other.start:
            return False
        return not (other.end is not None and self.start is not None and other.end <= self.start)

    def contains(self, other: Period) -> bool:
        """True when every day of `other` lies in this period."""
        if self.start is not None and (other.start is None or other.start < self.start):
            return False
        return not (self.end is not None and (other.end is None or other.end > self.end))

    def describe(self) -> str:
        if self.label:
            return self.label
        if self.granularity == Granularity.DAY and self.start is not None:
            return self.start.isoformat()
        lo = self.start.isoformat() if self.start else "…"
        hi = self.end.isoformat() if self.end else "…"
        return f"{lo} to {hi} (end exclusive)"


# --------------------------------------------------------------------------- values


class Amount(Frozen):
    """A stated number as an interval: what the words allow, not just the digits written.

    `stated` is the figure as written ("7" of "$7 billion", scaled), `low`/`high` the bounds
    that its precision and qualifier allow (`None`: unbounded on that side).
    """

    stated: Decimal | None
    low: Decimal | None
    high: Decimal | None
    qualifier: str | None = None  # "about", "more than", "range", "up to", ...

    @model_validator(mode="after")
    def _ordered(self) -> Amount:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} above high {self.high}")
        return self

    def overlaps(self, other: Amount) -> bool:
        if self.high is not None and other.low is not None and self.high < other.low:
            return False
        return not (other.high is not None and self.low is not None and other.high < self.low)


class Money(Frozen):
    kind: Literal["money"] = "money"
    amount: Amount
    currency: str = Field(pattern=r"^[A-Z]{3}$")  # ISO 4217
    currency_note: str | None = None  # how the currency was decided, e.g. bare "$" assumed USD


class Percent(Frozen):
    kind: Literal["percent"] = "percent"
    amount: Amount
    change: Literal["rise", "fall"] | None = None


class PercentagePoints(Frozen):
    kind: Literal["percentage_points"] = "percentage_points"
    amount: Amount
    change: Literal["rise", "fall"] | None = None


class Count(Frozen):
    kind: Literal["count"] = "count"
    amount: Amount
    noun: str


class Number(Frozen):
    kind: Literal["number"] = "number"
    amount: Amount


class Quantity(Frozen):
    """A physical quantity, in the canonical unit of its pint dimension."""

    kind: Literal["quantity"] = "quantity"
    amount: Amount
    unit: str  # canonical unit, e.g. "watt"
    dimension: str  # pint dimensionality, e.g. "[length] ** 2 * [mass] / [time] ** 3"
    stated_unit: str


class Duration(Frozen):
    kind: Literal["duration"] = "duration"
    amount: Amount
    unit: str  # "day", "week", "month", "quarter", "year", "decade", ...


class PeriodValue(Frozen):
    """A date or period mention's value; `period` is None while a relative one is unresolved."""

    kind: Literal["period"] = "period"
    period: Period | None
    relative: bool = False
    note: str | None = None  # how it was resolved, or why it could not be


Value = Annotated[
    Money | Percent | PercentagePoints | Count | Number | Quantity | Duration | PeriodValue,
    Field(discriminator="kind"),
]


# --------------------------------------------------------------------------- mentions


class MentionKind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"
    PERCENTAGE_POINTS = "percentage_points"
    NUMBER = "number"
    COUNT = "count"
    QUANTITY = "quantity"
    DATE = "date"
    PERIOD = "period"
    DURATION = "duration"
    ORGANIZATION = "organization"
    PERSON = "person"
    ROLE = "role"
    ATTRIBUTION = "attribution"


class Mention(Frozen):
    """A raw typed span found by an extractor.

    `value` carries numbers, money and time; `name` the canonical name of an organisation or
    person (or the role title, or the attributed source); `equivalent_of` the start offset of
    the amount this one restates in another currency ("50 billion yuan ($7 billion)").
    """

    kind: MentionKind
    span: Span
    value: Value | None = None
    name: str | None = None
    equivalent_of: int | None = None
    person: str | None = None  # a ROLE's holder (canonical when known)
    organization: str | None = None  # a ROLE's organisation; a product's maker
    trace: tuple[str, ...] = ()


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
    """A path that could not be read, and why: listed in the report, never silently dropped."""

    path: str
    reason: str


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

    def to_text(self, *, color: bool = False, explain: bool = False) -> str:
        from factcheck.report.text import render_text

        return render_text(self, color=color, explain=explain)

    def to_markdown(self) -> str:
        from factcheck.report.markdown import render_markdown

        return render_markdown(self)

    def to_json(self) -> str:
        from factcheck.report.json_report import render_json

        return render_json(self)

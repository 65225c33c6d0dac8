"""The values extractors find: spans, periods, amounts, money, … and the mentions that hold them.

Plain frozen dataclasses rather than pydantic models, so that extraction (`factcheck extract`,
started once per benchmark run and once per worker process) never imports pydantic; the
pydantic models of `factcheck.models` embed them as fields, and pydantic validates and
serialises them there. Each checks its own invariants on construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Literal, TypeVar, dataclass_transform

from factcheck.regex_cache import compile_pattern

__all__ = [
    "Amount",
    "Count",
    "Duration",
    "Granularity",
    "Mention",
    "MentionKind",
    "Money",
    "Number",
    "Percent",
    "PercentagePoints",
    "Period",
    "PeriodValue",
    "Quantity",
    "Span",
    "Value",
]

_ISO_CODE = compile_pattern(r"[A-Z]{3}")
_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, kw_only_default=True)
def _value_type(cls: type[_T]) -> type[_T]:
    """A frozen, slotted, keyword-only dataclass that pydantic (where models embed it)
    validates with unknown fields forbidden, as it does the models themselves."""
    cls.__pydantic_config__ = {"extra": "forbid"}  # type: ignore[attr-defined]
    return dataclass(frozen=True, slots=True, kw_only=True)(cls)


# --------------------------------------------------------------------------- evidence


@_value_type
class Span:
    """`[start, end)` character offsets into a source's text; `text` is that slice."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"span [{self.start}, {self.end}) is not an ordered pair of offsets")


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


@_value_type
class Period:
    """A stretch of days: `start` inclusive, `end` exclusive; `None` is an open bound."""

    start: date | None
    end: date | None
    granularity: Granularity
    label: str | None = None  # a human name such as "H1 2024" or "fiscal 2025"

    def __post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a period needs at least one bound")
        if self.start is not None and self.end is not None and not self.start < self.end:
            raise ValueError(f"period start {self.start} is not before end {self.end}")

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


@_value_type
class Amount:
    """A stated number as an interval: what the words allow, not just the digits written.

    `stated` is the figure as written ("7" of "$7 billion", scaled), `low`/`high` the bounds
    that its precision and qualifier allow (`None`: unbounded on that side).
    """

    stated: Decimal | None
    low: Decimal | None
    high: Decimal | None
    qualifier: str | None = None  # "about", "more than", "range", "up to", ...

    def __post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"interval low {self.low} above high {self.high}")

    def overlaps(self, other: Amount) -> bool:
        if self.high is not None and other.low is not None and self.high < other.low:
            return False
        return not (other.high is not None and self.low is not None and other.high < self.low)


@_value_type
class Money:
    kind: Literal["money"] = "money"
    amount: Amount
    currency: str  # ISO 4217
    currency_note: str | None = None  # how the currency was decided, e.g. bare "$" assumed USD

    def __post_init__(self) -> None:
        if not _ISO_CODE.fullmatch(self.currency):
            raise ValueError(f"currency {self.currency!r} is not an ISO 4217 code")


@_value_type
class Percent:
    kind: Literal["percent"] = "percent"
    amount: Amount
    change: Literal["rise", "fall"] | None = None


@_value_type
class PercentagePoints:
    kind: Literal["percentage_points"] = "percentage_points"
    amount: Amount
    change: Literal["rise", "fall"] | None = None


@_value_type
class Count:
    kind: Literal["count"] = "count"
    amount: Amount
    noun: str


@_value_type
class Number:
    kind: Literal["number"] = "number"
    amount: Amount


@_value_type
class Quantity:
    """A physical quantity, in the canonical unit of its pint dimension."""

    kind: Literal["quantity"] = "quantity"
    amount: Amount
    unit: str  # canonical unit, e.g. "watt"
    dimension: str  # pint dimensionality, e.g. "[length] ** 2 * [mass] / [time] ** 3"
    stated_unit: str


@_value_type
class Duration:
    kind: Literal["duration"] = "duration"
    amount: Amount
    unit: str  # "day", "week", "month", "quarter", "year", "decade", ...


@_value_type
class PeriodValue:
    """A date or period mention's value; `period` is None while a relative one is unresolved."""

    kind: Literal["period"] = "period"
    period: Period | None
    relative: bool = False
    note: str | None = None  # how it was resolved, or why it could not be


#: A mention's value; `kind` tells them apart (models.py adds the discriminator for pydantic).
Value = Money | Percent | PercentagePoints | Count | Number | Quantity | Duration | PeriodValue


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


@_value_type
class Mention:
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

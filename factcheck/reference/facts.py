"""The reference's facts: organisations, products, people and time-scoped roles.

Plain frozen dataclasses rather than glossary models: they are the user's trusted input, read
once per report, and never serialised into the report itself (findings quote them in words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = ["Citation", "DatePrecision", "FuzzyDate", "Organization", "Person", "Product", "Tenure"]


@dataclass(frozen=True)
class Citation:
    """Where a fact was taken from: a public document's description and address."""

    text: str
    url: str | None = None

    def describe(self) -> str:
        return f"{self.text} <{self.url}>" if self.url else self.text


class DatePrecision(StrEnum):
    """How precise a reference date is; Wikidata's precision 11 / 10 / 9."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


_ISO_PARTIAL = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True)
class FuzzyDate:
    """A date known to some precision: "2021" is some day in 2021."""

    value: date
    precision: DatePrecision = DatePrecision.DAY

    @classmethod
    def parse(cls, raw: str | date) -> FuzzyDate:
        """Read "2023-09-10", "2023-03" or "2021"; a `date` is day-precise."""
        if isinstance(raw, date):
            return cls(raw)
        match = _ISO_PARTIAL.match(raw)
        if not match:
            raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {raw!r}")
        year, month, day = match.groups()
        if day:
            return cls(date(int(year), int(month), int(day)))
        if month:
            return cls(date(int(year), int(month), 1), DatePrecision.MONTH)
        return cls(date(int(year), 1, 1), DatePrecision.YEAR)

    @property
    def earliest(self) -> date:
        return self.value

    @property
    def latest(self) -> date:
        """The last day this date may stand for."""
        if self.precision == DatePrecision.DAY:
            return self.value
        if self.precision == DatePrecision.MONTH:
            nxt = date(self.value.year + self.value.month // 12, self.value.month % 12 + 1, 1)
            return nxt - timedelta(days=1)
        return date(self.value.year, 12, 31)

    def describe(self) -> str:
        if self.precision == DatePrecision.DAY:
            return self.value.isoformat()
        if self.precision == DatePrecision.MONTH:
            return self.value.strftime("%Y-%m")
        return str(self.value.year)


@dataclass(frozen=True)
class Organization:
    """A legal entity; a subsidiary names its `parent` and is never an alias of it."""

    name: str
    aliases: tuple[str, ...] = ()
    legal_names: tuple[str, ...] = ()
    tickers: tuple[str, ...] = ()
    parent: str | None = None
    kind: str = "company"
    founded: FuzzyDate | None = None
    source: Citation | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every name this organisation is written as, canonical first."""
        return (self.name, *self.aliases, *self.legal_names, *self.tickers)


@dataclass(frozen=True)
class Product:
    """A product (a chatbot, a chip): it points at its `maker` but is not the maker."""

    name: str
    maker: str
    aliases: tuple[str, ...] = ()
    source: Citation | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    source: Citation | None = None

    @property
    def surfaces(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Tenure:
    """`person` held `role` at `organization` from `start` until `end` (exclusive).

    `end` is the successor's first day; None means held to this day. An unknown `start`
    (None) means "held at some time before `end`, or now".
    """

    person: str
    organization: str
    role: str
    start: FuzzyDate | None
    end: FuzzyDate | None = None
    source: Citation | None = None

    def covers(self, on: date) -> bool | None:
        """True if the role was surely held on `on`, False if surely not, None if the
        dates' precision leaves it open."""
        if self.end is not None and on >= self.end.latest:
            return False
        if self.start is not None and on < self.start.earliest:
            return False
        sure_after_start = self.start is not None and on >= self.start.latest
        sure_before_end = self.end is None or on < self.end.earliest
        return True if sure_after_start and sure_before_end else None

    def describe_dates(self) -> str:
        """ "from 2015-05-10 to 2023-09-10", "from 2023-09-10", "until 2013"."""
        if self.start is None:
            return f"until {self.end.describe()}" if self.end else "at an unknown time"
        if self.end is None:
            return f"from {self.start.describe()}"
        return f"from {self.start.describe()} to {self.end.describe()}"

    def describe(self) -> str:
        source = f" (source: {self.source.describe()})" if self.source else ""
        return f"{self.person}, {self.role} of {self.organization} {self.describe_dates()}{source}"

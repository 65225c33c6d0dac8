"""Fiscal calendars as reference data: when each organisation's fiscal year ends.

"Fiscal 2025" means different stretches of days for Alibaba (April 2024 to March 2025) and
Nvidia (February 2024 to late January 2025); comparing their figures by calendar year would
raise false conflicts. The table lives in `data/fiscal.toml`, each entry with its public
source; organisations not listed fall back to the calendar year, and the calendar says so.
"""

from __future__ import annotations

import calendar
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

__all__ = ["FiscalCalendar", "default_calendar", "fiscal_calendar"]


@dataclass(frozen=True)
class FiscalCalendar:
    """When `org`'s fiscal year ends: a fixed month/day, or the last `weekday` of `month`."""

    org: str
    rule: Literal["fixed", "last_weekday"]
    month: int
    day: int = 31
    weekday: int = 6
    note: str = ""
    source: str = ""
    is_default: bool = False

    def last_day(self, fiscal_year: int) -> date:
        """The last day of fiscal year `fiscal_year` (the one that ends in that year)."""
        last = calendar.monthrange(fiscal_year, self.month)[1]
        if self.rule == "fixed":
            return date(fiscal_year, self.month, min(self.day, last))
        end = date(fiscal_year, self.month, last)
        return end - timedelta(days=(end.weekday() - self.weekday) % 7)

    def year_end(self, fiscal_year: int) -> date:
        """The exclusive end of fiscal year `fiscal_year`: the day after its last day."""
        return self.last_day(fiscal_year) + timedelta(days=1)

    def fiscal_year_of(self, d: date) -> int:
        """The fiscal year that contains `d`."""
        return d.year if d <= self.last_day(d.year) else d.year + 1


def _calendar(org: str, entry: dict[str, Any], is_default: bool = False) -> FiscalCalendar:
    return FiscalCalendar(
        org=org,
        rule=entry["rule"],
        month=int(entry["month"]),
        day=int(entry.get("day", 31)),
        weekday=int(entry.get("weekday", 6)),
        note=str(entry.get("note", "")),
        source=str(entry.get("source", "")),
        is_default=is_default,
    )


@cache
def _table() -> dict[str, Any]:
    return tomllib.loads((Path(__file__).parent / "data" / "fiscal.toml").read_text("utf-8"))


def fiscal_calendar(org: str) -> FiscalCalendar | None:
    """The fiscal calendar on record for `org` (a canonical name such as "Alibaba"), matched
    case-insensitively; None when there is none (use `default_calendar`)."""
    wanted = org.strip().casefold()
    for name, entry in _table().get("org", {}).items():
        if name.casefold() == wanted:
            return _calendar(name, entry)
    return None


def default_calendar(org: str = "calendar year") -> FiscalCalendar:
    """The calendar-year fallback, marked `is_default` and with a note saying so."""
    return _calendar(org, _table()["default"], is_default=True)

"""An editor's verdict on a finding, keyed by the finding's fingerprint.

The finding's code and message are kept beside the verdict as a snapshot, so a decision whose
finding has disappeared (a stale one) still says what it was about.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import Field, field_validator

from factcheck.models import Frozen


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

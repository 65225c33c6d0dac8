"""Words for values and claims, shared by finding messages and every report format.

One place decides how an amount reads ("USD 7 bn (6.5–7.5 bn)"), so the terminal, the
Markdown, the HTML and the finding messages never disagree about a figure.
"""

from __future__ import annotations

from decimal import Decimal

from factcheck.models import Amount, Claim, Decision, Normalized, Period, PeriodValue, Value

_SCALES = (
    (Decimal(10) ** 12, "tn"),
    (Decimal(10) ** 9, "bn"),
    (Decimal(10) ** 6, "m"),
)


def possessive(name: str) -> str:
    """ "Alibaba's", "Zenith Motors'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def format_number(value: Decimal) -> str:
    """A readable number: scaled (bn, m, tn) and with at most four significant digits."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    for size, word in _SCALES:
        if value >= size:
            return f"{sign}{_trim(value / size)} {word}"
    return sign + _trim(value)


def _trim(value: Decimal) -> str:
    rounded = round(value, 4) if value < 10 else round(value, 3 if value < 100 else 2)
    text = f"{rounded:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def format_amount(amount: Amount) -> str:
    """The stated figure and the interval it allows."""
    low = None if amount.low is None else format_number(amount.low)
    high = None if amount.high is None else format_number(amount.high)
    if low is not None and high is None:
        bounds = f"≥ {low}"
    elif high is not None and low is None:
        bounds = f"≤ {high}"
    else:
        bounds = f"{low}–{high}"
    if amount.stated is None:
        return bounds
    return f"{format_number(amount.stated)} ({bounds})"


def format_value(value: Value) -> str:
    if isinstance(value, PeriodValue):
        return value.period.describe() if value.period else "unresolved date"
    text = format_amount(value.amount)
    match value.kind:
        case "money":
            return f"{value.currency} {text}"
        case "percent":
            return f"{text} %"
        case "percentage_points":
            return f"{text} percentage points"
        case "count":
            return f"{text} {value.noun}"
        case "quantity" | "duration":
            return f"{text} {value.unit}"
        case _:
            return text


def format_normalized(normalized: Normalized) -> str:
    return f"{normalized.currency} {format_amount(normalized.amount)}"


def describe_normalization(normalized: Normalized) -> str:
    """The normalised value and the rule (rate, date, tolerance) that produced it."""
    return f"{format_normalized(normalized)} ({normalized.rule})"


def format_period(period: Period | None, period_text: str | None = None) -> str:
    if period is not None:
        return period.describe()
    if period_text:
        return f"unresolved ({period_text!r})"
    return "period not stated"


def describe_claim(claim: Claim) -> str:
    """One line an editor can read: who, what, how much, when."""
    scope = f" ({', '.join(claim.scope)})" if claim.scope else ""
    value = format_value(claim.value)
    if claim.normalized is not None and claim.normalized.currency != getattr(
        claim.value, "currency", None
    ):
        value += f" ≈ {format_normalized(claim.normalized)}"
    said = f"; according to {claim.attributed_to}" if claim.attributed_to else ""
    return (
        f"{claim.subject.name} · {claim.metric}{scope} · {value} · "
        f"{format_period(claim.period, claim.period_text)}{said}"
    )


def describe_decision(decision: Decision) -> str:
    """ "confirmed by Ana on 2024-09-02: note", with the finding it was about when stale."""
    when = decision.decided_at.strftime("%Y-%m-%d %H:%M UTC")
    note = f": {decision.note}" if decision.note else ""
    about = (
        f" [{decision.finding_code}] {decision.finding_message}" if decision.finding_code else ""
    )
    return f"{decision.status.label.lower()} by {decision.reviewer} on {when}{note}{about}"

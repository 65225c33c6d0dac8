"""The bench JSONL contract (../shared/bench/README.md): mentions as prediction lines.

`factcheck extract --jsonl` reads `{"id", "text", "reference_date"}` lines and writes one
`{"id", "mentions": [...]}` line per input. Values are floats here only, for the scorer;
the library keeps Decimals.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, TextIO

from factcheck.regex_cache import compile_pattern
from factcheck.values import (
    Amount,
    Count,
    Duration,
    Granularity,
    Mention,
    Money,
    Number,
    Percent,
    PeriodValue,
)

__all__ = ["mention_to_contract", "run_jsonl"]

Extractor = Callable[[str, date | None], list[Mention]]


def _float(x: object) -> float | None:
    return None if x is None else float(x)  # type: ignore[arg-type]


def _bounds(amount: Amount) -> tuple[float | None, float | None]:
    """low/high as the contract means them: a range, a one-sided bound or an exact figure;
    the rounding margin of a plain figure is not a range and is left out."""
    if amount.stated is None or amount.low is None or amount.high is None:
        return _float(amount.low), _float(amount.high)
    if amount.low == amount.high == amount.stated:
        return _float(amount.low), _float(amount.high)
    return None, None


def _numeric(kind: str, amount: Amount, **extra: Any) -> dict[str, Any]:
    low, high = _bounds(amount)
    return {"kind": kind, "value": _float(amount.stated), "low": low, "high": high, **extra}


def mention_to_contract(m: Mention) -> dict[str, Any] | None:
    """One prediction object for a mention, or None for kinds the contract has no room for."""
    value = m.value
    fields: dict[str, Any]
    if isinstance(value, Money):
        fields = _numeric("money", value.amount, currency=value.currency)
    elif isinstance(value, Percent):
        fields = _numeric("percent", value.amount)
    elif isinstance(value, Count):
        fields = _numeric("count", value.amount, unit=value.noun)
    elif isinstance(value, Number):
        fields = _numeric("number", value.amount)
    elif isinstance(value, Duration):
        fields = _numeric("duration", value.amount, unit=value.unit)
    elif isinstance(value, PeriodValue) and value.period is not None:
        period = value.period
        day = period.granularity == Granularity.DAY
        fields = {
            "kind": "date" if day else "period",
            "date_start": period.start.isoformat() if period.start else None,
            "date_end": None if day or period.end is None else period.end.isoformat(),
        }
    else:
        return None
    return {"start": m.span.start, "end": m.span.end, "text": m.span.text, **fields}


_PERCENT_MARK = compile_pattern(r"%|％|‰|per\s?cent|pct|percent", re.IGNORECASE)


def _inner_numbers(m: Mention, text: str) -> list[dict[str, Any]]:
    """The numerals inside a money or percent mention of `text`, as numbers of their own.

    Number suites label the "20" of "$20" too; the scorer counts such a nested number as a
    match when labelled and never as a false alarm. A share written without a percent mark
    ("one out of three", "a quarter of") is also the ratio it states (1/3, 0.25).
    """
    if not isinstance(m.value, Money | Percent):
        return []
    from factcheck.extract.numerals import find_numerals

    out = []
    if isinstance(m.value, Percent) and not _PERCENT_MARK.search(m.span.text):
        low, high = _bounds(m.value.amount)
        out.append(
            {
                "kind": "number",
                "start": m.span.start,
                "end": m.span.end,
                "text": m.span.text,
                "value": _ratio(m.value.amount.stated),
                "low": _ratio(low),
                "high": _ratio(high),
            }
        )
    for numeral in find_numerals(text):  # read once per text, shared with the extractors
        if m.span.start <= numeral.start and numeral.end <= m.span.end:
            out.append(
                {
                    "kind": "number",
                    "start": numeral.start,
                    "end": numeral.end,
                    "text": text[numeral.start : numeral.end],
                    "value": float(numeral.value),
                    "low": None,
                    "high": None,
                }
            )
    return out


def _ratio(percent: float | Decimal | None) -> float | None:
    return None if percent is None else float(percent) / 100


def _reference_date(raw: object) -> date | None:
    if not isinstance(raw, str):
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def run_jsonl(stdin: TextIO, stdout: TextIO, extractor: Extractor | None = None) -> int:
    """Answer every input line with one prediction line; returns the exit status (0).

    `extractor` defaults to `factcheck.extract.figures_and_times` (the kinds the contract
    scores); a line that is not JSON is skipped rather than stopping the run.
    """
    if extractor is None:
        from factcheck.extract import figures_and_times

        extractor = figures_and_times
    for line in stdin:
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError:
            continue
        text = case.get("text") or ""
        mentions = extractor(text, _reference_date(case.get("reference_date")))
        out = [c for m in mentions if (c := mention_to_contract(m)) is not None]
        out.extend(n for m in mentions for n in _inner_numbers(m, text))
        stdout.write(json.dumps({"id": case.get("id"), "mentions": out}, ensure_ascii=False))
        stdout.write("\n")
    stdout.flush()
    return 0

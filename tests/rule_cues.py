"""What the tests of rule cues share: a rule skipped for a text must find nothing in it."""

from __future__ import annotations

from datetime import date

from factcheck.extract.time_rules import RULES, Context, Prefer, rules_for


def assert_skipped_rules_find_nothing(text: str, prefer: Prefer, reference: date | None) -> None:
    kept = {index for index, _ in rules_for(text)}
    ctx = Context(text, reference, None, None, prefer)
    for index, rule in enumerate(RULES):
        if index not in kept:
            for m in rule.pattern.finditer(text):
                try:
                    hit = rule.handler(m, ctx)
                except (ValueError, OverflowError):  # find_times skips these matches too
                    hit = None
                assert hit is None, (text, rule.handler.__name__, rule.cues, m.group())

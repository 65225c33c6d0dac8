"""The bench JSONL contract: one prediction line per input line."""

import io
import json
from datetime import date

from factcheck.contract import mention_to_contract, run_jsonl
from factcheck.extract.quantities import find_quantities
from factcheck.models import Mention


def quantities_only(text: str, published: date | None) -> list[Mention]:
    return find_quantities(text)


def test_money_range_and_bound_fields() -> None:
    (point,) = [mention_to_contract(m) for m in find_quantities("It cost $7 billion.")]
    assert point is not None
    assert point["kind"] == "money" and point["currency"] == "USD"
    assert point["value"] == 7e9 and point["low"] is None and point["high"] is None
    (rng,) = [mention_to_contract(m) for m in find_quantities("$12-15 billion")]
    assert rng is not None and (rng["low"], rng["high"]) == (12e9, 15e9)
    (bound,) = [mention_to_contract(m) for m in find_quantities("under 7 euros")]
    assert bound is not None and bound["high"] == 7 and bound["low"] is None


def test_run_jsonl_answers_every_line() -> None:
    lines: list[dict[str, str | None]] = [
        {"id": "a", "text": "Sales rose 5% to $3 million.", "reference_date": None},
        {"id": "b", "text": "", "reference_date": "2016-11-07"},
    ]
    stdin = io.StringIO("".join(json.dumps(x) + "\n" for x in lines))
    stdout = io.StringIO()
    assert run_jsonl(stdin, stdout, quantities_only) == 0
    out = [json.loads(x) for x in stdout.getvalue().splitlines()]
    assert [o["id"] for o in out] == ["a", "b"]
    kinds = sorted(m["kind"] for m in out[0]["mentions"])
    assert kinds == ["money", "number", "number", "percent"]  # numerals inside, as numbers
    text = lines[0]["text"] or ""
    for m in out[0]["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]


def test_a_share_without_a_percent_mark_is_also_its_ratio() -> None:
    stdin = io.StringIO(json.dumps({"id": "r", "text": "two in five voters agreed"}) + "\n")
    stdout = io.StringIO()
    run_jsonl(stdin, stdout, quantities_only)
    (line,) = [json.loads(x) for x in stdout.getvalue().splitlines()]
    share = [m for m in line["mentions"] if m["kind"] == "percent"]
    ratio = [m for m in line["mentions"] if m["kind"] == "number" and m["text"] == "two in five"]
    assert share[0]["value"] == 40 and ratio[0]["value"] == 0.4


def test_a_marked_percentage_is_not_repeated_as_a_ratio() -> None:
    stdin = io.StringIO(json.dumps({"id": "p", "text": "up 40% on the year"}) + "\n")
    stdout = io.StringIO()
    run_jsonl(stdin, stdout, quantities_only)
    (line,) = [json.loads(x) for x in stdout.getvalue().splitlines()]
    assert [m["value"] for m in line["mentions"] if m["kind"] == "number"] == [40]

"""The draft check understands claims as the report does: a restatement is supported (a
figure credited elsewhere is a caution, not a contradiction), another figure for the same
thing is contradicted, capital expenditure is investment."""

from __future__ import annotations

import shutil
from pathlib import Path

import factcheck
from factcheck.draft import check_draft
from factcheck.metrics import classify_metric

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_004 = SEEDS / "004_d70817dae149bb6c.txt"


def _verdicts(draft: Path) -> dict[str, str]:
    result = check_draft(draft, [str(SEEDS)])
    return {c.figure.text: c.verdict for c in result.claims}


def test_a_draft_restating_seed_004_is_supported(tmp_path: Path) -> None:
    draft = tmp_path / "restated.txt"
    shutil.copy(SEED_004, draft)
    result = check_draft(draft, [str(SEEDS)])
    assert not result.contradicted
    verdicts = {c.figure.text: c for c in result.claims}
    assert verdicts["50 billion yuan"].verdict == "supported"
    assert [f.code for f in verdicts["50 billion yuan"].cautions] == ["FC102"]


def test_ninety_billion_yuan_of_capex_for_the_three_is_contradicted(tmp_path: Path) -> None:
    draft = tmp_path / "capex.txt"
    draft.write_text(
        "Alibaba, Tencent and Baidu spent 90 billion yuan on capital expenditure in the first "
        "half of 2024.\n",
        encoding="utf-8",
    )
    assert _verdicts(draft) == {"90 billion yuan": "contradicted"}


def test_the_object_of_spending_names_the_measure() -> None:
    sentence = "Orbital Freight spent $2 billion on capital expenditure last year."
    assert classify_metric(sentence, sentence.index("$2"))[0] == "capex"
    plain = "Orbital Freight spent $2 billion last year."
    assert classify_metric(plain, plain.index("$2"))[0] == "spending"


def test_capex_and_investment_of_one_subject_and_period_are_compared() -> None:
    report = factcheck.check(
        [
            factcheck.source_from_text(
                "a",
                "Orbital Freight invested $4.1 billion in the second quarter of 2024.",
                published=None,
            ),
            factcheck.source_from_text(
                "b",
                "Orbital Freight's capital expenditure was $5.9 billion in the second "
                "quarter of 2024.",
                published=None,
            ),
        ]
    )
    assert "FC101" in {f.code for f in report.findings}

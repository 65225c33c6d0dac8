"""`factcheck check DRAFT --against SOURCES`: each draft claim supported, contradicted or not."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from review_fixtures import AGREEMENT, claim, evidence, make_report, make_sources

from factcheck.compare.base import make_finding
from factcheck.draft import classify_draft, render_draft_json, render_draft_text


def test_a_claim_in_conflict_is_contradicted_with_both_sides() -> None:
    result = classify_draft(make_report(), "alpha")
    (only,) = result.claims
    assert only.verdict == "contradicted"
    assert only.figure.text == "$7 billion"
    assert [e.source_id for e in only.evidence] == ["beta"]
    assert [f.code for f in only.findings] == ["FC101"]
    assert result.contradicted
    text = render_draft_text(result)
    assert "CONTRADICTED" in text and "$3.2 billion" in text and "FC101" in text


def test_a_claim_another_source_agrees_with_is_supported_with_its_quote() -> None:
    result = classify_draft(make_report(), "gamma")
    (only,) = result.claims
    assert only.verdict == "supported"
    assert [e.quote.text for e in only.evidence] == [
        "Tencent put $5 billion into capital spending, the filing showed."
    ]
    assert not result.contradicted


def test_a_claim_nothing_speaks_to_is_unsupported() -> None:
    report = make_report().model_copy(update={"findings": ()})
    result = classify_draft(report, "alpha")
    assert [c.verdict for c in result.claims] == ["unsupported"]
    assert json.loads(render_draft_json(result))["claims"][0]["verdict"] == "unsupported"


def test_an_agreement_within_the_draft_alone_is_not_support() -> None:
    texts = {"draft": "It paid $5 billion. That is $5 billion in all."}
    source = make_sources(texts)["draft"]
    first = claim(source, "$5 billion", "Tencent", "5", "capital spending")
    second_at = source.text.rindex("$5 billion")
    second = first.model_copy(
        update={
            "id": f"draft:{second_at}-{second_at + 10}",
            "span": replace(first.span, start=second_at, end=second_at + 10),
        }
    )
    own = make_finding(AGREEMENT, "agrees with itself", [evidence(first), evidence(second)], ["k"])
    report = make_report().model_copy(
        update={
            "sources": (source,),
            "claims": (first, second),
            "findings": (own,),
        }
    )
    assert [c.verdict for c in classify_draft(report, "draft").claims] == [
        "unsupported",
        "unsupported",
    ]


def test_only_the_drafts_claims_are_classified() -> None:
    result = classify_draft(make_report(), "nobody")
    assert result.claims == ()
    assert not result.contradicted


# --------------------------------------------------------------------------- with the pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_cli_gate_fails_on_a_contradicted_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A seed that conflicts with the others, checked as a draft against them, fails the gate."""
    from factcheck.cli import main

    sources = tmp_path / "sources"
    shutil.copytree(SEEDS, sources)
    seed = next(sources.glob("003_*"))
    draft = tmp_path / "draft.txt"
    draft.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    seed.unlink()
    code = main(["check", str(draft), "--against", str(sources), "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert code == 1
    assert result["contradicted"] is True
    contradicted = [c for c in result["claims"] if c["verdict"] == "contradicted"]
    assert contradicted and all(c["evidence"] for c in contradicted)


def test_cli_gate_passes_a_draft_without_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    draft = tmp_path / "note.txt"
    draft.write_text("The editors met to discuss the layout of the page.\n", encoding="utf-8")
    assert main(["check", str(draft), "--against", str(SEEDS)]) == 0
    assert "0 contradicted" in capsys.readouterr().out


def test_cli_gate_refuses_an_unreadable_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    assert main(["check", str(tmp_path / "missing.txt"), "--against", str(SEEDS)]) == 2
    assert "missing.txt" in capsys.readouterr().err

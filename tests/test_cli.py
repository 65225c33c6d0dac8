"""The command line: formats, exit codes, bad input, and the benchmark contract."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_report_on_the_seeds_prints_findings_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["report", str(SEEDS), "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "FC102 subject.same_figure_other_subject" in out
    assert "FC301 role.contradicts_reference" in out
    assert "«$7 billion»" in out


def test_fail_on_warning_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS), "--fail-on", "warning"]) == 1


def test_published_date_turns_the_ceo_finding_into_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(
        ["report", str(SEEDS), "--published", "001_3e1cbd5dd9935cb3=2025-02-21", "--format", "json"]
    )
    assert code == 1
    report = json.loads(capsys.readouterr().out)
    (ceo,) = [f for f in report["findings"] if f["code"] == "FC301"]
    assert ceo["severity"] == "error"
    assert all(c.startswith("001_3e1cbd5dd9935cb3:") for c in ceo["claims"])


def test_json_findings_name_their_claims_by_source_id(capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", str(SEEDS), "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    ids = {c["id"] for c in report["claims"]} | {r["id"] for r in report["role_claims"]}
    stems = {s["id"] for s in report["sources"]}
    for finding in report["findings"]:
        assert finding["claims"] and set(finding["claims"]) <= ids
        assert set(finding["sources"]) <= stems


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", str(SEEDS), "--format", "markdown"])
    out = capsys.readouterr().out
    assert out.startswith("# factcheck report")
    assert "**$7 billion**" in out


def test_schema_is_json_schema_of_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Report"
    assert {"sources", "claims", "findings"} <= set(schema["properties"])


def test_bad_sources_are_named_and_the_rest_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text("Nimbus Ltd raised $3 million.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    code = main(["report", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0
    report = json.loads(captured.out)
    assert [s["id"] for s in report["sources"]] == ["good"]
    assert len(report["skipped"]) == 3
    assert f"skipped {tmp_path / 'empty.txt'}: empty file" in captured.err
    assert "missing.txt: no such file or folder" in captured.err


def test_no_readable_source_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(tmp_path / "nothing.txt")]) == 2
    assert "no source could be read" in capsys.readouterr().err


def test_bad_published_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEEDS), "--published", "001=yesterday"]) == 2
    assert "--published" in capsys.readouterr().err


def test_output_never_overwrites_a_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Orion Corp raised $3 million.", encoding="utf-8")
    assert main(["report", str(src), "--output", str(src)]) == 2
    assert src.read_text(encoding="utf-8") == "Orion Corp raised $3 million."
    out = tmp_path / "out" / "report.md"
    assert main(["report", str(src), "--format", "markdown", "--output", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# factcheck report")


def test_extract_jsonl_speaks_the_benchmark_contract() -> None:
    line = json.dumps(
        {"id": "t1", "text": "Vega paid $2.5 million on 3 May 2021.", "reference_date": None}
    )
    done = subprocess.run(
        [sys.executable, "-m", "factcheck", "extract", "--jsonl"],
        input=line + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    (prediction,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert prediction["id"] == "t1"
    money = [m for m in prediction["mentions"] if m["kind"] == "money"]
    assert money and money[0]["value"] == 2_500_000 and money[0]["currency"] == "USD"
    assert any(
        m["kind"] == "date" and m["date_start"] == "2021-05-03" for m in prediction["mentions"]
    )


@pytest.mark.parametrize(
    ("flags", "text", "day"),
    [
        ([], "Deadline: 9 March.", "2024-03-09"),  # today's tenseless date: the coming one
        ([], "The fund was closed on 9 March.", "2023-03-09"),  # a past sentence looks back
        (["--prefer", "past"], "Deadline: 9 March.", "2023-03-09"),
    ],
)
def test_extract_jsonl_resolves_tenseless_dates_from_today(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    flags: list[str],
    text: str,
    day: str,
) -> None:
    line = json.dumps({"id": "d", "text": text, "reference_date": "2024-02-01"})
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n"))
    assert main(["extract", "--jsonl", *flags]) == 0
    (prediction,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [m["date_start"] for m in prediction["mentions"] if m["kind"] == "date"] == [day]


def test_extract_prints_mentions_of_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "t.txt"
    f.write_text("Sirius Ltd earned 4.5 billion yuan.", encoding="utf-8")
    assert main(["extract", str(f)]) == 0
    kinds = [json.loads(x)["kind"] for x in capsys.readouterr().out.splitlines()]
    assert "money" in kinds


def test_reports_show_decisions_and_list_stale_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import shutil

    from factcheck.review.store import DecisionStore

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    main(["report", str(corpus), "--format", "json"])
    first = json.loads(capsys.readouterr().out)
    assert first["review"] is None
    moonshot = next(f for f in first["findings"] if f["code"] == "FC101")
    store = DecisionStore.for_sources(corpus)
    store.record(moonshot["fingerprint"], "confirmed", "Ana", note="two figures, one deal")
    main(["report", str(corpus), "--format", "markdown"])
    assert "*Decision:* confirmed by Ana" in capsys.readouterr().out
    (corpus / "002_a22f8cba99e61204.txt").write_text("Nothing to see.", encoding="utf-8")
    main(["report", str(corpus), "--format", "json"])
    after = json.loads(capsys.readouterr().out)
    assert [d["fingerprint"] for d in after["review"]["stale"]] == [moonshot["fingerprint"]]


def test_explain_shows_each_claims_normalisation_trail(capsys: pytest.CaptureFixture[str]) -> None:
    main(["report", str(SEEDS), "--explain"])
    out = capsys.readouterr().out
    trail = out.split("Normalisation trail of each claim", 1)[1]
    block = trail.split("004_d70817dae149bb6c:284-299", 1)[1].split("\n004_", 1)[0]
    assert "subject: Alibaba, Tencent and Baidu (group)" in block
    assert "ECB reference rate CNY→USD" in block and "2024-08-27" in block
    assert "003_23e9fba3dfd2d339: text: dateline" in out


def test_no_progress_bar_when_stderr_is_not_a_terminal() -> None:
    from factcheck.cli import progress_bar

    with progress_bar(True) as progress:
        assert progress is None  # pytest captures stderr: not a terminal


@pytest.mark.parametrize(("prefer", "day"), [("past", "2023-03-03"), ("future", "2024-03-03")])
def test_extract_prefer_decides_where_a_tenseless_date_falls(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], prefer: str, day: str
) -> None:
    f = tmp_path / "t.txt"
    f.write_text("The board of Lumen Ltd meets on 3 March.", encoding="utf-8")
    assert main(["extract", str(f), "--published", "2024-02-01", "--prefer", prefer]) == 0
    dates = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    (found,) = [m for m in dates if m["kind"] == "date"]
    assert found["value"]["period"]["start"] == day


def test_extract_with_a_bad_date_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    f = tmp_path / "t.txt"
    f.write_text("Lumen Ltd raised $3 million.", encoding="utf-8")
    assert main(["extract", str(f), "--published", "soon"]) == 2
    assert "--published 'soon'" in capsys.readouterr().err

"""Ordinary but awkward input never ends the run: each defect of issue 11 (sections A–C),
one test each — shifted day dates, TOML date-times, unreadable folders, nested TOML and
JSON, special files and huge files as `sources.toml`, UTF-16 and UTF-32, failures inside
one source, the per-source budget, exit codes, and control characters on a terminal."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from file_helpers import write

import factcheck.pipeline
import factcheck.sources
from factcheck.cli import main
from factcheck.draft import check_draft
from factcheck.models import Report
from factcheck.pipeline import check
from factcheck.report.text import render_text
from factcheck.sources import load_sources
from factcheck.terminal import printable

SHIFTED = [
    ("On 28 February 2024 sales at Acme Corp rose 5% from a year earlier.", date(2023, 2, 28)),
    ("On 30 March 2024 Acme Corp sold $5 million, up from $4 million a month earlier.", None),
    ("On 30 May 2024 Acme Corp sold $5 million, against $4 million a month earlier.", None),
    ("On 29 January 2024 Acme Corp sold $5 million; a month later it sold $6 million.", None),
    ("On 30 December 2023 Acme Corp sold $5 million, up from $4 million a quarter earlier.", None),
]
DEEP = 100_000  # far past Python's recursion limit


def good(folder: Path) -> Path:
    return write(folder / "good.txt", "Nimbus Ltd raised $3 million in 2023.")


# --------------------------------------------------------------------------- A. shifted days


@pytest.mark.parametrize(("sentence", "day"), SHIFTED)
def test_a_shifted_day_date_is_checked_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sentence: str, day: date | None
) -> None:
    source = write(tmp_path / "s.txt", sentence)
    assert main(["extract", str(source), "--published", "2024-06-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    days = [
        v["period"] for v in (json.loads(line).get("value", {}) for line in lines) if "period" in v
    ]
    assert len(days) == 2
    assert all(p["granularity"] == "day" and p["start"] < p["end"] for p in days if p)
    if day is not None:
        assert {"start": "2023-02-28", "end": "2023-03-01", "granularity": "day"} in days
    report = check([tmp_path])
    assert report.skipped == () and [s.id for s in report.sources] == ["s"]


# --------------------------------------------------------------------------- A. TOML date-times


def test_a_toml_datetime_in_front_matter_gives_its_date_and_says_so(tmp_path: Path) -> None:
    write(
        tmp_path / "f.md", "+++\npublished = 2024-05-01T23:30:00-05:00\n+++\nAcme paid $5 million."
    )
    (source,) = load_sources([tmp_path / "f.md"]).sources
    assert source.published is not None and source.published.start == date(2024, 5, 1)
    assert source.published_basis == "metadata (the date of a TOML date-time)"


def test_a_toml_datetime_in_sources_toml_keeps_the_json_report_to_its_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", "Acme Corp won a contract.")  # no dated claim at all
    write(tmp_path / "sources.toml", "[a]\npublished = 2024-05-01T09:00:00Z\n")
    assert main(["report", str(tmp_path), "--format", "json"]) == 0
    text = capsys.readouterr().out
    assert Report.model_validate_json(text).sources[0].published is not None
    assert json.loads(text)["sources"][0]["published"]["start"] == "2024-05-01"


# --------------------------------------------------------------------------- A. folders, files


def test_an_unlistable_folder_is_named_and_the_others_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good(tmp_path / "ok")
    locked = tmp_path / "locked"
    write(locked / "x.txt", "Acme paid $1 million.")
    listing = Path.iterdir

    def iterdir(self: Path) -> Iterator[Path]:
        if self == locked:  # what a folder without read permission does (tests run as root)
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    loaded = load_sources([locked, tmp_path / "ok"])
    assert [s.id for s in loaded.sources] == ["good"]
    (skipped,) = loaded.skipped
    assert (skipped.path, skipped.reason) == (str(locked), "cannot list: Permission denied")


def test_an_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good(tmp_path)
    secret = write(tmp_path / "secret.txt", "Acme paid $1 million.")
    opening = os.open

    def refuse(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return opening(path, flags, *args)

    monkeypatch.setattr(factcheck.sources.os, "open", refuse)
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.skipped[0].reason == "cannot read: Permission denied"


@pytest.mark.parametrize("where", ["sources.toml", "front matter"])
def test_deeply_nested_toml_is_named_not_a_recursion_error(tmp_path: Path, where: str) -> None:
    good(tmp_path)
    nested = "outlet = " + "[" * DEEP + "]" * DEEP + "\n"
    if where == "sources.toml":
        write(tmp_path / "sources.toml", nested)
    else:
        write(tmp_path / "deep.md", f"+++\n{nested}+++\nAcme paid $1 million.")
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    (skipped,) = loaded.skipped
    assert skipped.reason.endswith("nested too deeply")


def test_deeply_nested_json_or_toml_reference_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good(tmp_path / "c")
    for name, text in [("deep.json", "[" * DEEP + "]" * DEEP), ("deep.toml", "a = " + "[" * DEEP)]:
        reference = write(tmp_path / name, text)
        assert main(["report", str(tmp_path / "c"), "--reference", str(reference)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"factcheck: {reference}: not valid") and err.count("\n") == 1


def test_deeply_nested_json_import_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good(tmp_path / "c")
    export = write(tmp_path / "deep.json", "[" * DEEP + "]" * DEEP)
    assert main(["review", "import", str(tmp_path / "c"), str(export)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"factcheck: {export}:") and err.count("\n") == 1


def test_a_fifo_named_sources_toml_is_refused_without_waiting(tmp_path: Path) -> None:
    good(tmp_path)
    os.mkfifo(tmp_path / "sources.toml")  # no writer: opening it to read would block
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert [(s.path, s.reason) for s in loaded.skipped] == [
        (str(tmp_path / "sources.toml"), "not a regular file")
    ]


@pytest.mark.parametrize("name", ["sources.toml", "zero.txt"])
def test_dev_zero_as_metadata_or_source_is_refused_without_reading(
    tmp_path: Path, name: str
) -> None:
    good(tmp_path)
    (tmp_path / name).symlink_to("/dev/zero")
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert [s.reason for s in loaded.skipped] == ["not a regular file"]


def test_a_300_mb_sources_toml_is_refused_by_its_size(tmp_path: Path) -> None:
    good(tmp_path)
    with (tmp_path / "sources.toml").open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)  # sparse: nothing is written, nothing is read
    loaded = load_sources([tmp_path])
    assert [s.id for s in loaded.sources] == ["good"]
    assert loaded.skipped[0].reason.startswith("too large (314572800 bytes")


def test_metadata_beside_a_single_file_argument_is_reported_once(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Acme paid $1 million.")
    write(tmp_path / "b.txt", "Acme paid $2 million.")
    write(tmp_path / "sources.toml", "[a\n")
    loaded = load_sources([tmp_path / "a.txt", tmp_path / "b.txt"])
    assert [s.id for s in loaded.sources] == ["a", "b"]
    assert [s.path for s in loaded.skipped] == [str(tmp_path / "sources.toml")]


def test_a_draft_beside_a_broken_sources_toml_is_still_checked(tmp_path: Path) -> None:
    draft = write(tmp_path / "draft" / "d.md", "Nimbus Ltd raised $3 million in 2023.")
    write(tmp_path / "draft" / "sources.toml", "[d\n")
    result = check_draft(draft, [good(tmp_path / "sources")])
    assert [c.verdict for c in result.claims] == ["supported"]
    assert [s.path for s in result.report.skipped] == [str(tmp_path / "draft" / "sources.toml")]


def test_a_file_name_that_is_not_utf8_is_named_and_the_others_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good(tmp_path)
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Acme paid $1 million.", encoding="utf-8")
    missing = tmp_path / os.fsdecode(b"nowhere\xff.txt")
    assert main(["report", str(tmp_path), str(missing), "--format", "json"]) == 0
    report = Report.model_validate_json(capsys.readouterr().out)
    assert [s.id for s in report.sources] == ["good"]
    assert [(s.path, s.reason) for s in report.skipped] == [
        (str(tmp_path / "caf\ufffd.txt"), "file name is not valid UTF-8: rename it"),
        (str(tmp_path / "nowhere\ufffd.txt"), "no such file or folder"),
    ]


# --------------------------------------------------------------------------- A. encodings


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_a_byte_order_mark_alone_is_an_empty_file(tmp_path: Path, codec: str) -> None:
    write(tmp_path / "bom.txt", "\ufeff \n".encode(codec))
    (skipped,) = load_sources([tmp_path / "bom.txt"]).skipped
    assert skipped.reason == "empty file"


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_nul_inside_wide_text_is_refused(tmp_path: Path, codec: str) -> None:
    write(tmp_path / "nul.txt", "Acme paid\x00 $1 million.".encode(codec))
    (skipped,) = load_sources([tmp_path / "nul.txt"]).skipped
    assert skipped.reason == "binary file (contains NUL characters), not text"


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_utf32_is_read_as_utf32(tmp_path: Path, codec: str) -> None:
    text = "Rho Ltd paid €7 million."
    data = text.encode(codec) if codec == "utf-32" else "\ufeff".encode(codec) + text.encode(codec)
    write(tmp_path / "w.txt", data)
    (source,) = load_sources([tmp_path / "w.txt"]).sources
    assert source.text == text


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16", "utf-32"])
def test_extract_and_report_read_a_file_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], codec: str
) -> None:
    text = '+++\noutlet = "The Ledger"\n+++\nAcme Corp raised $5 million.\n'
    path = write(tmp_path / "a.txt", text.encode(codec))
    assert main(["extract", str(path)]) == 0
    spans = [json.loads(line)["span"] for line in capsys.readouterr().out.splitlines()]
    money = next(s for s in spans if s["text"] == "$5 million")
    assert money["start"] == text.index("$5 million")
    assert not any("Ledger" in s["text"] for s in spans)  # front matter is not prose
    (claim,) = check([path]).claims
    assert (claim.span.start, claim.span.end) == (money["start"], money["end"])


# --------------------------------------------------------------------------- B. boundaries


def test_a_failure_while_loading_skips_that_source_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good(tmp_path)
    write(tmp_path / "odd.txt", "Acme paid $1 million.")
    detect = factcheck.sources.detect_published

    def fragile(text: str) -> object:
        if "Acme" in text:
            raise IndexError("a bug in date detection")
        return detect(text)

    monkeypatch.setattr(factcheck.sources, "detect_published", fragile)
    report = check([tmp_path])
    assert [s.id for s in report.sources] == ["good"]
    (skipped,) = report.skipped
    assert (skipped.stage, skipped.reason) == ("read", "IndexError: a bug in date detection")


@pytest.mark.parametrize(("target", "stage"), [("extract", "extract"), ("build_claims", "claims")])
def test_a_failure_while_reading_one_source_skips_it_with_its_stage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str, stage: str
) -> None:
    good(tmp_path)
    write(tmp_path / "odd.txt", "Acme paid $1 million.")
    real = getattr(factcheck.pipeline, target)

    def fragile(*args: object, **kwargs: object) -> object:
        text = args[0] if target == "extract" else args[0].text  # type: ignore[attr-defined]
        if "Acme" in str(text):
            raise ValueError("period start 2024-02-29 is not before end\n2024-02-29")
        return real(*args, **kwargs)

    monkeypatch.setattr(factcheck.pipeline, target, fragile)
    report = check([tmp_path])
    assert [s.id for s in report.sources] == ["good"] and len(report.claims) == 1
    (skipped,) = report.skipped
    assert skipped.path == str(tmp_path / "odd.txt") and skipped.stage == stage
    assert skipped.reason == "ValueError: period start 2024-02-29 is not before end 2024-02-29"
    during = {"extract": "while extracting", "claims": "while building claims"}[stage]
    assert f"skipped {tmp_path / 'odd.txt'} {during}: ValueError: " in render_text(
        report, width=500
    )


def test_a_source_over_its_budget_is_skipped_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "slow.txt", "Acme paid $1 million.")

    def hangs(text: str, *args: object, **kwargs: object) -> object:
        while text:  # never ends by itself: only the budget stops it
            pass
        raise AssertionError("unreachable")

    monkeypatch.setattr(factcheck.pipeline, "extract", hangs)
    before = signal.getsignal(signal.SIGALRM)
    report = check([tmp_path], budget=0.2)
    assert report.sources == ()
    (skipped,) = report.skipped
    assert skipped.stage == "extract"
    assert skipped.reason == "not done within its time budget of 0.2 s (--budget)"
    assert signal.getsignal(signal.SIGALRM) is before  # the handler is put back


def test_the_budget_holds_in_worker_processes(tmp_path: Path) -> None:
    good(tmp_path)
    write(tmp_path / "slow.txt", "5% " * 5000)  # takes seconds; its budget is a microsecond
    report = check([tmp_path], jobs=2, budget=1e-6)
    assert {s.path: s.stage for s in report.skipped} == {
        str(tmp_path / "good.txt"): "extract",
        str(tmp_path / "slow.txt"): "extract",
    }


def test_budget_option_reaches_the_pipeline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "slow.txt", "5% " * 5000)
    assert main(["report", str(tmp_path), "--budget", "0.000001", "--no-progress"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"factcheck: skipped {tmp_path / 'slow.txt'}: not done within its time budget of "
        "1e-06 s (--budget)",
        "factcheck: no source could be read",
    ]


@pytest.mark.parametrize("budget", ["-1", "nan", "inf", "1e12"])
def test_a_budget_no_timer_can_take_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], budget: str
) -> None:
    good(tmp_path)
    assert main(["report", str(tmp_path), "--budget", budget]) == 2
    assert capsys.readouterr().err.startswith("factcheck: a time budget is 0 (no limit) or up")


def test_an_unexpected_value_error_at_the_cli_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    good(tmp_path)

    def broken(*args: object, **kwargs: object) -> Report:
        Report.model_validate({"sources": "not a list"})  # pydantic's ValidationError
        raise AssertionError("unreachable")

    monkeypatch.setattr(factcheck.pipeline, "check", broken)
    assert main(["report", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("factcheck: ValidationError: ") and err.count("\n") == 1


def test_an_os_error_at_the_cli_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(tmp_path)]) == 2  # a folder, not a file
    assert capsys.readouterr().err == f"factcheck: {tmp_path}: not a regular file\n"


# --------------------------------------------------------------------------- C. terminal

HOSTILE = "\x1b]0;owned\x07\x1b[2J\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\x9b31m"
IN_A_NAME = "\x1b]0;owned\x07\x1b[2J\x9b31m"  # no "/": a file name can hold it


def toml(text: str) -> str:
    """`text` as the inside of a TOML basic string (control characters as escapes)."""
    return "".join(
        f"\\u{ord(c):04x}" if c in '"\\' or ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F else c
        for c in text
    )


def test_printable_shows_every_control_but_newline_and_tab() -> None:
    assert printable("a\tb\nc\x1b[2Jd\x07\x00\x7f\x85\x9b") == (
        "a\tb\nc\\x1b[2Jd\\x07\\x00\\x7f\\x85\\x9b"
    )
    assert printable("Zürich — 5 € ﬁ") == "Zürich — 5 € ﬁ"


@pytest.mark.parametrize("color", [False, True])
def test_the_text_report_carries_no_control_character_of_a_source(
    tmp_path: Path, color: bool
) -> None:
    write(tmp_path / f"a{IN_A_NAME}.txt", f"Acme Corp raised $5 million in 2023. {HOSTILE}")
    write(tmp_path / "b.txt", "Acme Corp raised $9 million in 2023.")
    write(tmp_path / "sources.toml", f'["a{toml(IN_A_NAME)}"]\noutlet = "{toml(HOSTILE)}"\n')
    text = render_text(check([tmp_path]), color=color, explain=True)
    assert "owned" in text and "\\x1b]0;owned\\x07" in text
    for control in ("\x07", "\x9b", "\x1b]", "\x1b[2J", "\x1b\\"):
        assert control not in text


def test_stderr_messages_carry_no_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good(tmp_path)
    write(tmp_path / f"e{IN_A_NAME}.txt", "")
    assert main(["report", str(tmp_path), "--format", "json"]) == 0
    err = capsys.readouterr().err
    assert "\\x1b]0;owned" in err and "\x1b" not in err and "\x07" not in err


def test_review_list_carries_no_control_character(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "a.txt", "Acme Corp raised $5 million in 2023.")
    write(tmp_path / "b.txt", "Acme Corp raised $9 million in 2023.")
    assert main(["review", "list", str(tmp_path), "--format", "json"]) == 0
    fingerprint = json.loads(capsys.readouterr().out)["findings"][0]["fingerprint"]
    assert (
        main(["review", "set", str(tmp_path), fingerprint, "confirmed", "--reviewer", HOSTILE]) == 0
    )
    capsys.readouterr()
    assert main(["review", "list", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "\\x1b]0;owned" in out and "\x1b" not in out and "\x9b" not in out

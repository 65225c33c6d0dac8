"""The decision store: append-only history, latest wins, stale detection, export/import."""

from __future__ import annotations

import json
import multiprocessing
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from review_fixtures import TEXTS, make_report

from factcheck.review import Decision, DecisionStatus, DecisionStore, store_path

START = datetime(2025, 1, 2, 9, 30, tzinfo=UTC)


def ticking_clock(step: timedelta = timedelta(minutes=1)) -> Callable[[], datetime]:
    """A clock that moves one step forward each time it is read."""
    ticks: Iterator[datetime] = (START + n * step for n in range(10**6))
    return lambda: next(ticks)


@pytest.fixture
def store(tmp_path: Path) -> DecisionStore:
    return DecisionStore.for_sources(tmp_path, clock=ticking_clock())


def test_store_lives_beside_the_sources(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert store_path(tmp_path) == tmp_path / ".factcheck" / "review.sqlite"
    assert store_path(tmp_path / "a.txt") == tmp_path / ".factcheck" / "review.sqlite"
    DecisionStore.for_sources(tmp_path)
    with sqlite3.connect(store_path(tmp_path)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_latest_decision_wins_and_history_is_kept(store: DecisionStore) -> None:
    store.record("fp1", "confirmed", "Ana", "checked the filing")
    store.record("fp1", DecisionStatus.DISMISSED, "Ben", "same figure, different basis")
    current = store.current()["fp1"]
    assert current.status is DecisionStatus.DISMISSED
    assert current.reviewer == "Ben"
    assert current.decided_at == START + timedelta(minutes=1)
    assert [d.status for d in store.history("fp1")] == [
        DecisionStatus.CONFIRMED,
        DecisionStatus.DISMISSED,
    ]


def test_history_rows_cannot_be_changed_or_deleted(store: DecisionStore) -> None:
    store.record("fp1", "confirmed", "Ana")
    with sqlite3.connect(store.path) as db, pytest.raises(sqlite3.DatabaseError, match="append"):
        db.execute("UPDATE decisions SET status = 'dismissed'")
    with sqlite3.connect(store.path) as db, pytest.raises(sqlite3.DatabaseError, match="append"):
        db.execute("DELETE FROM decisions")
    assert len(store.history()) == 1


def test_decisions_for_a_report_split_current_and_stale(store: DecisionStore) -> None:
    report = make_report()
    finding = report.findings[0]
    store.record(finding.fingerprint, "confirmed", "Ana", finding=finding)
    store.record("gone-finding", "follow_up", "Ana", "ask the desk")
    decided = store.decisions_for(report)
    assert set(decided.current) == {finding.fingerprint}
    assert decided.current[finding.fingerprint].finding_code == finding.code
    assert [d.fingerprint for d in decided.stale] == ["gone-finding"]


def test_decisions_follow_findings_across_an_unrelated_edit(store: DecisionStore) -> None:
    before = make_report()
    for finding in before.findings:
        store.record(finding.fingerprint, "confirmed", "Ana", finding=finding)
    edited = dict(TEXTS, gamma="A new opening sentence. " + TEXTS["gamma"])
    after = make_report(edited)
    assert after.findings != before.findings  # offsets moved
    decided = store.decisions_for(after)
    assert set(decided.current) == {f.fingerprint for f in after.findings}
    assert decided.stale == ()


def test_export_import_round_trip_is_idempotent(tmp_path: Path) -> None:
    first = DecisionStore(tmp_path / "one.sqlite", clock=ticking_clock())
    first.record("fp1", "confirmed", "Ana", "ok")
    first.record("fp1", "dismissed", "Ben")
    first.record("fp2", "follow_up", "Ana", "call them")
    exported = first.export_json()

    second = DecisionStore(tmp_path / "two.sqlite", clock=ticking_clock(timedelta(hours=1)))
    assert second.import_json(exported) == 3
    assert second.import_json(exported) == 0
    assert second.history() == first.history()
    assert second.current() == first.current()
    assert json.loads(second.export_json()) == json.loads(exported)


def test_import_appends_and_never_rewrites_history(tmp_path: Path) -> None:
    mine = DecisionStore(tmp_path / "mine.sqlite", clock=lambda: START + timedelta(days=1))
    mine.record("fp1", "confirmed", "Ana", "mine")
    theirs = DecisionStore(tmp_path / "theirs.sqlite", clock=lambda: START)
    theirs.record("fp1", "dismissed", "Ben", "dated earlier")
    assert mine.import_json(theirs.export_json()) == 1
    assert [d.note for d in mine.history("fp1")] == ["mine", "dated earlier"]
    # the row appended last is the decision, whatever the dates say (clocks can be wrong)
    assert mine.current()["fp1"].note == "dated earlier"


def test_import_refuses_other_documents(store: DecisionStore) -> None:
    with pytest.raises(ValueError, match="factcheck-review"):
        store.import_json('{"decisions": []}')
    bad_row = {"format": "factcheck-review", "version": 1, "decisions": [{"fingerprint": "x"}]}
    with pytest.raises(ValueError):
        store.import_json(json.dumps(bad_row))
    assert store.history() == []


def test_a_failed_import_adds_nothing(store: DecisionStore) -> None:
    good = Decision(fingerprint="a", status="confirmed", reviewer="Ana", decided_at=START)
    rows = [good.model_dump(mode="json"), {**good.model_dump(mode="json"), "status": "maybe"}]
    with pytest.raises(ValueError):
        store.import_json(
            json.dumps({"format": "factcheck-review", "version": 1, "decisions": rows})
        )
    assert store.history() == []


def test_decisions_need_a_time_zone() -> None:
    with pytest.raises(ValueError, match="time zone"):
        Decision(fingerprint="a", status="confirmed", reviewer="A", decided_at=datetime(2025, 1, 1))


def _write_many(path: str, reviewer: str, count: int) -> None:
    store = DecisionStore(Path(path))
    for n in range(count):
        store.record(f"fp{n % 5}", "confirmed", reviewer, f"{reviewer} {n}")


def test_two_writers_at_once_both_keep_every_decision(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    DecisionStore(path)
    context = multiprocessing.get_context("spawn")
    writers = [
        context.Process(target=_write_many, args=(str(path), name, 40)) for name in ("Ana", "Ben")
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0
    history = DecisionStore(path).history()
    assert len(history) == 80
    assert {d.reviewer for d in history} == {"Ana", "Ben"}


texts = st.text(st.characters(blacklist_categories=["Cs"]), max_size=60)


@settings(max_examples=40, deadline=None)
@given(note=texts, reviewer=texts.filter(lambda s: s.strip() != ""))
def test_any_note_and_reviewer_round_trip(note: str, reviewer: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = DecisionStore(Path(folder) / "prop.sqlite", clock=lambda: START)
        recorded = store.record("fp", "follow_up", reviewer, note)
        assert store.history("fp") == [recorded]
        other = DecisionStore(Path(folder) / "prop-copy.sqlite")
        other.import_json(store.export_json())
        assert other.current()["fp"] == recorded


# --------------------------------------------------------------------------- with the pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns(".factcheck"))
    return folder


def run_cli(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    from factcheck.cli import main

    code = main(list(argv))
    return code, capsys.readouterr().out


def test_decisions_survive_a_rerun_after_editing_an_unrelated_source(seeds_copy: Path) -> None:
    from factcheck import check

    before = check([seeds_copy])
    assert before.findings, "the seeds give findings"
    store = DecisionStore.for_sources(seeds_copy, clock=ticking_clock())
    for finding in before.findings:
        store.record(finding.fingerprint, "confirmed", "Ana", finding=finding)
    involved = {source for finding in before.findings for source in finding.sources}
    ids = sorted(s.id for s in before.sources)
    edited = next((sid for sid in ids if sid not in involved), ids[0])
    path = next(seeds_copy.glob(f"{edited}.*"))
    text = path.read_text(encoding="utf-8")
    path.write_text("Editor's note: this page was updated.\n\n" + text, encoding="utf-8")

    after = check([seeds_copy])
    decided = store.decisions_for(after)
    assert decided.stale == ()
    assert set(decided.current) == {f.fingerprint for f in before.findings}


def test_review_commands_round_trip(
    seeds_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run_cli("review", "list", str(seeds_copy), "--format", "json", capsys=capsys)
    assert code == 0
    assert not store_path(seeds_copy).exists()  # reading creates no store
    listed = json.loads(out)["findings"]
    first = listed[0]["fingerprint"]
    assert all(item["decision"] is None for item in listed)

    code, out = run_cli(
        "review", "set", str(seeds_copy), first[:10], "confirmed", "--note", "ok",
        "--reviewer", "Ana", capsys=capsys,
    )  # fmt: skip
    assert code == 0 and first in out
    code, out = run_cli("review", "list", str(seeds_copy), "--status", "confirmed", capsys=capsys)
    assert out.splitlines()[0].startswith(first) and "confirmed (Ana)" in out

    exported = tmp_path / "decisions.json"
    assert run_cli("review", "export", str(seeds_copy), "-o", str(exported), capsys=capsys)[0] == 0
    other = tmp_path / "other"
    shutil.copytree(SEEDS, other, ignore=shutil.ignore_patterns(".factcheck"))
    code, out = run_cli("review", "import", str(other), str(exported), capsys=capsys)
    assert code == 0 and "imported 1 " in out
    code, out = run_cli("review", "import", str(other), str(exported), capsys=capsys)
    assert "imported 0 " in out
    assert DecisionStore.for_sources(other).current()[first].note == "ok"

    code, out = run_cli(
        "review", "export", str(seeds_copy), "--format", "claimreview", capsys=capsys
    )
    assert [r["identifier"] for r in json.loads(out)["@graph"]] == [first]


def test_review_set_refuses_an_unknown_finding(
    seeds_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    assert main(["review", "set", str(seeds_copy), "zzzz", "confirmed"]) == 2
    assert "no finding" in capsys.readouterr().err
    assert not store_path(seeds_copy).exists()

"""The decision store under bad conditions: future-dated rows, a newer schema, a store that is
read-only, garbage, truncated or locked, a mistyped PATH, `--db` everywhere it is offered."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.models import Decision
from factcheck.review import store as store_module
from factcheck.review.store import DecisionStore, StoreError, store_path

TEXTS = {
    "a": "Orion Corp raised $3 million on 3 May 2024.\n",
    "b": "Orion Corp raised $4 million on 3 May 2024.\n",
}
NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    for stem, text in TEXTS.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    return folder


def fingerprint_of(corpus: Path) -> str:
    from factcheck import check

    (finding,) = check([corpus]).findings
    return finding.fingerprint


@pytest.fixture
def decided(corpus: Path) -> Path:
    """The corpus with Zoe's decision on its one finding."""
    DecisionStore.for_sources(corpus).record(fingerprint_of(corpus), "confirmed", "Zoe")
    return corpus


def export_of(*decisions: Decision) -> str:
    rows = [d.model_dump(mode="json") for d in decisions]
    return json.dumps({"format": "factcheck-review", "version": 1, "decisions": rows})


def files_and_times(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in folder.rglob("*")
        if p.is_file()
    }


def report_json(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, dict[str, object], str]:
    code = main(["report", str(corpus), "--format", "json"])
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


# --------------------------------------------------------------------------- future dates


def test_a_later_decision_wins_over_one_dated_in_the_future(tmp_path: Path) -> None:
    """A store that already holds a far-future row (as older versions imported them)."""
    store = DecisionStore(tmp_path / "r.sqlite", clock=lambda: NOW)
    forged = Decision(
        fingerprint="fp",
        status="dismissed",
        reviewer="Mallory",
        decided_at=datetime(9999, 12, 31, tzinfo=UTC),
    )
    with sqlite3.connect(store.path) as db:
        db.execute(store_module._INSERT, store_module._row(forged))
    store.record("fp", "confirmed", "Ana", "checked")
    assert store.current()["fp"].reviewer == "Ana"
    assert [d.reviewer for d in store.history("fp")] == ["Mallory", "Ana"]


def test_import_refuses_a_decision_dated_in_the_future(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "r.sqlite", clock=lambda: NOW)
    fine = Decision(fingerprint="fp", status="confirmed", reviewer="Ana", decided_at=NOW)
    forged = fine.model_copy(
        update={"reviewer": "Mallory", "decided_at": datetime(9999, 12, 31, tzinfo=UTC)}
    )
    with pytest.raises(ValueError, match=r"decision 2 \(confirmed of fp by Mallory\).*9999-12-31"):
        store.import_json(export_of(fine, forged))
    assert store.history() == []  # nothing of a refused file is imported


def test_import_allows_a_little_clock_skew(tmp_path: Path) -> None:
    store = DecisionStore(tmp_path / "r.sqlite", clock=lambda: NOW)
    ahead = Decision(
        fingerprint="fp", status="confirmed", reviewer="Ana", decided_at=NOW + timedelta(minutes=2)
    )
    assert store.import_json(export_of(ahead)) == 1
    late = ahead.model_copy(update={"decided_at": NOW + timedelta(hours=1)})
    with pytest.raises(ValueError, match="after now"):
        store.import_json(export_of(late))


def test_review_import_of_a_future_decision_is_a_usage_error(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    future = datetime.now(UTC) + timedelta(days=400)
    forged = Decision(fingerprint="fp", status="dismissed", reviewer="Mallory", decided_at=future)
    exported = tmp_path / "forged.json"
    exported.write_text(export_of(forged), encoding="utf-8")
    assert main(["review", "import", str(corpus), str(exported)]) == 2
    err = capsys.readouterr().err
    assert "Mallory" in err and "after now" in err
    assert DecisionStore.for_sources(corpus).history() == []


# --------------------------------------------------------------------------- schema version


def stamp_version(path: Path, version: int) -> None:
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {version}")


def version_of(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("PRAGMA user_version").fetchone()[0])


def test_a_newer_store_is_refused_and_never_restamped(
    decided: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store_path(decided)
    stamp_version(db, 7)
    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"newer factcheck.*version 7"):
            DecisionStore(db, read_only=read_only)
    code, report, err = report_json(decided, capsys)
    assert code == 1 and report["findings"] and report["review"] is None
    assert "decisions not shown" in err and "newer factcheck" in err
    assert main(["review", "set", str(decided), "", "dismissed", "--reviewer", "Ben"]) == 2
    assert "newer factcheck" in capsys.readouterr().err
    assert version_of(db) == 7


def test_a_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE accounts (name TEXT)")
    with pytest.raises(StoreError, match="not a factcheck review store"):
        DecisionStore(other)
    with sqlite3.connect(other) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master")]
    assert tables == ["accounts"] and version_of(other) == 0


# --------------------------------------------------------------------------- reading never writes


def test_reading_the_store_writes_nothing(
    decided: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files_and_times(decided)
    code, report, err = report_json(decided, capsys)
    assert code == 1 and err == ""
    assert report["review"]["current"]  # type: ignore[index]
    assert main(["review", "list", str(decided)]) == 0
    assert "confirmed (Zoe)" in capsys.readouterr().out
    assert main(["review", "export", str(decided)]) == 0
    assert json.loads(capsys.readouterr().out)["decisions"][0]["reviewer"] == "Zoe"
    after = files_and_times(decided)
    # SQLite may add its -wal/-shm companions beside a WAL database; nothing else changes
    assert {k: v for k, v in after.items() if not k.endswith(("-wal", "-shm"))} == {
        k: v for k, v in before.items() if not k.endswith(("-wal", "-shm"))
    }


def test_export_without_a_store_creates_none(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "export", str(corpus)]) == 0
    assert json.loads(capsys.readouterr().out)["decisions"] == []
    assert not (corpus / ".factcheck").exists()


def _modes_bind(folder: Path) -> bool:
    """Whether a folder without write permission stops us (it does not stop root)."""
    probe = folder / "probe"
    try:
        probe.touch()
    except PermissionError:
        return True
    probe.unlink()
    return False


@contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Make `paths` (the last a folder) unwritable: by mode, or where modes do not bind (root),
    with the immutable attribute."""
    modes = {path: path.stat().st_mode for path in paths}
    for path in paths:
        path.chmod(modes[path] & ~0o222)
    immutable: list[Path] = []
    try:
        if not _modes_bind(paths[-1]):
            for path in paths:
                made = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
                if made.returncode != 0:
                    pytest.skip(f"cannot make {path} read-only here: {made.stderr!r}")
                immutable.append(path)
        yield
    finally:
        for path in reversed(immutable):
            subprocess.run(["chattr", "-i", str(path)], check=True)
        for path in paths:
            path.chmod(modes[path])


def test_a_read_only_corpus_still_shows_its_decisions(
    decided: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store_path(decided)
    with read_only(db, db.parent, decided):
        with pytest.raises(OSError):
            (decided / "probe").touch()
        code, report, err = report_json(decided, capsys)
        assert main(["review", "set", str(decided), "", "dismissed", "--reviewer", "Ben"]) == 2
        refusal = capsys.readouterr().err
    assert code == 1 and err == ""
    assert [d["reviewer"] for d in report["review"]["current"].values()] == ["Zoe"]  # type: ignore[index]
    assert "decision store" in refusal


def test_unread_changes_in_a_read_only_wal_are_named_not_dropped(
    decided: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A store copied while a writer had changes in its -wal, into a folder that cannot be
    written: reading without the -wal would silently show older decisions."""
    copy = tmp_path / "copy"
    shutil.copytree(decided, copy)
    db = store_path(decided)
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        writer.execute(
            store_module._INSERT, ("fp", "dismissed", "", "Ben", NOW.isoformat(), None, None)
        )
        shutil.copy(db, store_path(copy))
        shutil.copy(f"{db}-wal", f"{store_path(copy)}-wal")
    finally:
        writer.close()
    with read_only(store_path(copy), store_path(copy).parent):
        code, report, err = report_json(copy, capsys)
    assert code == 1 and report["review"] is None
    assert "decisions not shown" in err and "-wal" in err


@pytest.mark.parametrize(
    ("damage", "named"),
    [
        (lambda data: b"not a database at all " * 50, "not an SQLite database"),
        (lambda data: data[: len(data) // 2], "damaged or truncated"),
        (lambda data: data[:100], "damaged or truncated"),
        (lambda data: b"", "not a factcheck review store"),
    ],
    ids=["garbage", "truncated", "header-only", "empty"],
)
def test_a_damaged_store_is_named_and_the_report_still_made(
    decided: Path, capsys: pytest.CaptureFixture[str], damage: object, named: str
) -> None:
    db = store_path(decided)
    store = DecisionStore(db)
    for n in range(200):  # enough rows for the file to span many pages
        store.record(f"fp{n}", "follow_up", "Ana", "x" * 200)
    data = db.read_bytes()
    assert callable(damage)
    db.write_bytes(damage(data))
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    code, report, err = report_json(decided, capsys)
    assert code == 1 and report["findings"] and report["review"] is None
    assert "decisions not shown" in err and named in err and str(db) in err
    assert main(["review", "list", str(decided)]) == 2
    assert named in capsys.readouterr().err


def test_a_locked_store_is_named_and_the_report_still_made(
    decided: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "READ_TIMEOUT_SECONDS", 0.05)
    holder = sqlite3.connect(store_path(decided), isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        code, report, err = report_json(decided, capsys)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1 and report["findings"] and report["review"] is None
    assert "decisions not shown" in err and "locked" in err


def test_a_folder_where_the_store_should_be_is_named(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_path(corpus).mkdir(parents=True)
    with pytest.raises(StoreError, match="not a file"):
        DecisionStore(store_path(corpus), read_only=True)
    with pytest.raises(StoreError, match="unable to open"):
        DecisionStore(store_path(corpus))
    code, report, err = report_json(corpus, capsys)
    assert code == 1 and report["review"] is None and "not a file" in err


def test_a_read_only_store_refuses_writes_with_a_store_error(decided: Path) -> None:
    store = DecisionStore(store_path(decided), read_only=True)
    assert [d.reviewer for d in store.history()] == ["Zoe"]
    with pytest.raises(StoreError, match="read-only"):
        store.record("fp", "confirmed", "Ana")


# --------------------------------------------------------------------------- PATH and --db


@pytest.mark.parametrize("action", ["import", "serve", "set", "list", "export"])
def test_a_missing_path_is_refused_and_no_parent_store_is_made(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    action: str,
) -> None:
    import uvicorn

    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: None)  # never really serve
    exported = tmp_path / "decisions.json"
    exported.write_text(export_of(), encoding="utf-8")
    extra = {"import": [str(exported)], "set": ["abc", "confirmed"]}.get(action, [])
    assert main(["review", action, str(corpus / "typo"), *extra]) == 2
    assert "typo: no such file or folder" in capsys.readouterr().err
    assert not (corpus / ".factcheck").exists()


def test_review_serve_uses_the_db_it_is_given(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from starlette.testclient import TestClient

    db = tmp_path / "desk.sqlite"
    DecisionStore(db).record(fingerprint_of(corpus), "follow_up", "Zoe", "ask the desk")
    served: list[object] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, *a, **k: served.append(self.config.app))
    assert main(["review", "serve", str(corpus), "--db", str(db)]) == 0
    (app,) = served
    page = TestClient(app, base_url="http://127.0.0.1:8765", client=("127.0.0.1", 50000)).get("/")  # type: ignore[arg-type]
    assert page.status_code == 200 and "ask the desk" in page.text
    assert not (corpus / ".factcheck").exists()


def test_review_list_with_a_missing_db_is_refused(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["review", "list", str(corpus), "--db", str(tmp_path / "typo.sqlite")]) == 2
    assert "typo.sqlite: no such file" in capsys.readouterr().err
    assert not (tmp_path / "typo.sqlite").exists()

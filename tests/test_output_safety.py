"""`--output` never destroys what the user wrote: sources, their metadata, the decision store,
the --db file, inputs; special files are written in place; the file gets the umask's mode."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.cli_common import write_output
from factcheck.errors import UsageError
from factcheck.review.store import DecisionStore, store_path

TEXTS = {
    "000": "Orion Corp raised $3 million on 3 May 2024.\n",
    "001": "Orion Corp raised $4 million on 3 May 2024.\n",
}
METADATA = '[000]\noutlet = "Daily Orion"\n'


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    for stem, text in TEXTS.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / "sources.toml").write_text(METADATA, encoding="utf-8")
    return folder


@pytest.fixture
def decided(corpus: Path) -> Path:
    """The corpus with one decision in its store."""
    DecisionStore.for_sources(corpus).record("fp", "confirmed", "Ana", "kept")
    return corpus


def refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """Run the CLI, expect exit 2, return what it said on stderr."""
    assert main(argv) == 2
    return capsys.readouterr().err


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_decision_store_is_never_an_output(
    decided: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = store_path(decided)
    for argv in (
        ["report", str(decided), "-o", str(db)],
        ["review", "export", str(decided), "--format", "claimreview", "-o", str(db)],
        ["review", "export", str(decided), "-o", str(db)],
        ["report", str(decided / "000.txt"), "-o", str(db.parent / "notes.txt")],
    ):
        assert ".factcheck" in refused(argv, capsys)
    assert [d.note for d in DecisionStore(db).history()] == ["kept"]


def test_sources_toml_is_never_an_output(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "sources.toml" in refused(
        ["report", str(corpus), "-o", str(corpus / "sources.toml")], capsys
    )
    assert (corpus / "sources.toml").read_text(encoding="utf-8") == METADATA
    elsewhere = tmp_path / "other" / "sources.toml"
    assert "sources.toml" in refused(["report", str(corpus), "-o", str(elsewhere)], capsys)
    assert not elsewhere.exists()


def test_a_neighbouring_source_is_never_overwritten(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(corpus)
    for name in ("001.txt", "000.txt", "new.md"):
        refused(["report", str(corpus / "000.txt"), "-o", str(corpus / name)], capsys)
    assert snapshot(corpus) == before


def test_nothing_is_written_into_a_source_folder(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(corpus)
    for name in ("report.html", "001.txt"):
        assert "source folder" in refused(["report", str(corpus), "-o", str(corpus / name)], capsys)
    assert snapshot(corpus) == before


def test_a_source_reached_through_a_symlink_is_refused(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    link = tmp_path / "alias.txt"
    link.symlink_to(corpus / "001.txt")
    refused(["report", str(corpus), "-o", str(link)], capsys)
    hard = tmp_path / "copy.txt"
    hard.hardlink_to(corpus / "000.txt")
    refused(["report", str(corpus / "000.txt"), "-o", str(hard)], capsys)
    assert hard.read_text(encoding="utf-8") == TEXTS["000"]
    store_link = tmp_path / "store-alias"
    DecisionStore.for_sources(corpus)
    store_link.symlink_to(store_path(corpus))
    refused(["report", str(corpus / "000.txt"), "-o", str(store_link)], capsys)
    assert (corpus / "001.txt").read_text(encoding="utf-8") == TEXTS["001"]
    assert link.is_symlink() and store_link.is_symlink()


def test_the_db_file_and_its_companions_are_never_an_output(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "desk" / "decisions.sqlite"
    DecisionStore(db).record("fp", "dismissed", "Ben")
    for target in (db, Path(f"{db}-wal")):
        argv = ["review", "export", str(corpus), "--db", str(db), "-o", str(target)]
        assert f"would overwrite {target}" in refused(argv, capsys)
    assert [d.reviewer for d in DecisionStore(db).history()] == ["Ben"]


def test_a_reference_file_is_never_an_output(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_text("", encoding="utf-8")
    refused(["report", str(corpus), "--reference", str(facts), "-o", str(facts)], capsys)
    assert facts.exists()


def test_a_drafts_folder_is_not_a_source_folder(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    draft = desk / "draft.md"
    draft.write_text("Orion Corp raised $3 million on 3 May 2024.\n", encoding="utf-8")
    verdict = desk / "verdict.md"
    assert main(["check", str(draft), "--against", str(corpus), "-o", str(verdict)]) == 1
    assert verdict.read_text(encoding="utf-8")
    refused(["check", str(draft), "--against", str(corpus), "-o", str(draft)], capsys)
    assert draft.read_text(encoding="utf-8").startswith("Orion Corp")


def test_a_folder_is_not_an_output(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="folder"):
        write_output("x", str(tmp_path))


def test_a_symlink_loop_is_named(tmp_path: Path) -> None:
    (tmp_path / "one").symlink_to(tmp_path / "two")
    (tmp_path / "two").symlink_to(tmp_path / "one")
    with pytest.raises(UsageError, match="--output"):
        write_output("x", str(tmp_path / "one"))


# --------------------------------------------------------------------------- how it is written


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_umasks_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "out" / "report.json"
    write_output("{}\n", str(target))
    assert mode(target) == 0o644
    os.umask(0o027)
    other = tmp_path / "report.txt"
    write_output("x\n", str(other))
    assert mode(other) == 0o640


def test_an_existing_file_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    for kept in (0o600, 0o664):
        target.chmod(kept)
        write_output("new\n", str(target))
        assert mode(target) == kept and target.read_text(encoding="utf-8") == "new\n"


def test_a_symlinked_output_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.html"
    link.symlink_to(real)
    write_output("new\n", str(link))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_the_temporary_file_is_removed_when_writing_fails(tmp_path: Path) -> None:
    with pytest.raises(UnicodeEncodeError):
        write_output("a lone surrogate \udc80\n", str(tmp_path / "report.txt"))
    assert leftovers(tmp_path) == [] and not (tmp_path / "report.txt").exists()


def test_the_temporary_file_is_removed_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(UsageError, match="No space left"):
        write_output("x\n", str(tmp_path / "report.txt"))
    assert leftovers(tmp_path) == []


def test_a_fifo_is_written_in_place(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader waits: writing never blocks
    try:
        write_output("through the pipe\n", str(fifo))
        received = os.read(reader, 1024)
    finally:
        os.close(reader)
    assert received == b"through the pipe\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and leftovers(tmp_path) == []


def test_a_link_to_standard_output_is_written_in_place(corpus: Path, tmp_path: Path) -> None:
    """`-o /dev/stdout` while stdout is a file appended to: the file is kept, and appended."""
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n", encoding="utf-8")
    with open(log, "a", encoding="utf-8") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "factcheck", "report", str(corpus), "--format", "json",
             "-o", str(link)],
            stdout=handle, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert link.is_symlink()
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier line\n{") and '"findings"' in text

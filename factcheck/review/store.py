"""Review decisions in SQLite beside the sources: append-only history, the last row wins.

Why SQLite: one file that travels with the sources, atomic writes, and WAL so the web app can
read while a script writes. Every write is its own `BEGIN IMMEDIATE` transaction and every
connection waits (busy timeout) instead of failing, so two editors deciding at the same moment
both keep their decisions. Rows are never updated or deleted (triggers refuse it); a change of
mind is a new row, and the row inserted last is the decision: a clock, which can be wrong or
forged in an export, never decides which decision is current.

A store is opened for writing (created when missing) or read-only, which never writes: what
`factcheck report` does to show decisions, so a read-only corpus is fine. Either way the schema
version is read first and a store made by a newer factcheck is refused, never re-stamped. Every
SQLite failure (not a database, malformed, locked) is a `StoreError` naming the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import TypeAdapter

from factcheck.errors import FactcheckError
from factcheck.models import Decision, DecisionSet, DecisionStatus, Finding, Report

STORE_DIR = ".factcheck"
STORE_FILE = "review.sqlite"
EXPORT_FORMAT = "factcheck-review"
EXPORT_VERSION = 1
SCHEMA_VERSION = 1
BUSY_TIMEOUT_SECONDS = 30.0
READ_TIMEOUT_SECONDS = 5.0  # a report waits this long for a locked store, then goes without
CLOCK_SKEW = timedelta(minutes=5)  # an imported decision may be this far ahead of our clock
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")  # files SQLite keeps beside a database

_COLUMNS = (
    "fingerprint",
    "status",
    "note",
    "reviewer",
    "decided_at",
    "finding_code",
    "finding_message",
)
_INSERT = f"INSERT INTO decisions ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed', 'follow_up')),
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decided_at TEXT NOT NULL,  -- UTC, ISO 8601 with microseconds
    finding_code TEXT,
    finding_message TEXT
)""",
    # each entry also holds the rowid (seq): enough for "the last row of a fingerprint"
    "CREATE INDEX IF NOT EXISTS decisions_by_fingerprint ON decisions (fingerprint)",
    """CREATE TRIGGER IF NOT EXISTS decisions_append_only_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS decisions_append_only_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END""",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)

# The last row inserted for each fingerprint (`seq` only grows: AUTOINCREMENT).
_CURRENT = f"""
SELECT {", ".join(_COLUMNS)} FROM decisions AS d
WHERE seq = (SELECT MAX(seq) FROM decisions AS e WHERE e.fingerprint = d.fingerprint)
ORDER BY fingerprint
"""  # correlated: a filter on fingerprint (the paged reads) seeks the index per fingerprint

_EXPORT_ROWS = TypeAdapter(list[Decision])

# Paged reads (for the web app): the current rows are _CURRENT's, so "current" means one thing.
_CURRENT_OF = f"SELECT * FROM ({_CURRENT}) WHERE fingerprint IN (SELECT value FROM json_each(?))"
_STALE = f"SELECT * FROM ({_CURRENT}) WHERE fingerprint NOT IN (SELECT value FROM json_each(?))"
_HISTORY_OF = f"SELECT seq, {', '.join(_COLUMNS)} FROM decisions WHERE fingerprint = ?"

K = TypeVar("K", str, int)


@dataclass(frozen=True)
class Page(Generic[K]):
    """One page of decisions, and the keys that open its neighbours (None at either end).

    `previous` goes back as `before=`, `next` goes on as `after=`: keyset paging, so a page
    costs the same however many rows come before it.
    """

    decisions: tuple[Decision, ...]
    previous: K | None = None
    next: K | None = None


def _keyset_page(
    db: sqlite3.Connection,
    query: str,
    params: tuple[str, ...],
    key: str,
    *,
    after: K | None,
    before: K | None,
    limit: int,
    descending: bool,
) -> Page[K]:
    """The `limit` rows of `query` (a SELECT ending in WHERE ...) next to a key, in key order."""
    if limit < 1:
        raise ValueError("a page holds at least one decision")
    onward, back = ("<", ">") if descending else (">", "<")
    order, reverse = ("DESC", "ASC") if descending else ("ASC", "DESC")

    def rows(op: str, at: K | None, direction: str, count: int) -> list[sqlite3.Row]:
        bound = "" if at is None else f" AND {key} {op} ?"
        sql = f"{query}{bound} ORDER BY {key} {direction} LIMIT ?"
        return db.execute(sql, (*params, *(() if at is None else (at,)), count)).fetchall()

    if before is not None:
        page = rows(back, before, reverse, limit)[::-1]
    else:
        page = rows(onward, after, order, limit)
    if not page:
        return Page(())
    first, last = page[0][key], page[-1][key]
    return Page(
        tuple(_decision(row) for row in page),
        previous=first if rows(back, first, reverse, 1) else None,
        next=last if rows(onward, last, order, 1) else None,
    )


def store_path(sources: Path) -> Path:
    """Where the decisions about the sources at `sources` (a folder or one file) live."""
    folder = sources if sources.is_dir() else sources.parent
    return folder / STORE_DIR / STORE_FILE


def store_files(path: Path) -> tuple[Path, ...]:
    """The database at `path` and the companion files SQLite keeps beside it."""
    return (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS))


class StoreError(FactcheckError, OSError):
    """The decision store cannot be used; `path` names it and `reason` says why, in one line."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"decision store {path}: {reason}")
        self.path = path
        self.reason = reason


def _utcnow() -> datetime:
    return datetime.now(UTC)


def _timestamp(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def _row(decision: Decision) -> tuple[str | None, ...]:
    return (
        decision.fingerprint,
        decision.status.value,
        decision.note,
        decision.reviewer,
        _timestamp(decision.decided_at),
        decision.finding_code,
        decision.finding_message,
    )


def _decision(row: sqlite3.Row) -> Decision:
    return Decision(
        fingerprint=row["fingerprint"],
        status=DecisionStatus(row["status"]),
        note=row["note"],
        reviewer=row["reviewer"],
        decided_at=datetime.fromisoformat(row["decided_at"]),
        finding_code=row["finding_code"],
        finding_message=row["finding_message"],
    )


class DecisionStore:
    """The review history of one corpus. Safe to share between threads and processes.

    `read_only=True` opens an existing store without writing anything (no folder, no journal
    mode, no schema); `record` and `import_json` then fail with `StoreError`.
    """

    def __init__(
        self,
        path: Path,
        clock: Callable[[], datetime] = _utcnow,
        *,
        read_only: bool = False,
        timeout: float | None = None,
    ) -> None:
        self.path = path
        self._clock = clock
        self._read_only = read_only
        self._timeout = timeout or (READ_TIMEOUT_SECONDS if read_only else BUSY_TIMEOUT_SECONDS)
        self._immutable = False
        if read_only:
            self._open_for_reading()
        else:
            self._open_for_writing()

    @classmethod
    def for_sources(cls, sources: Path, clock: Callable[[], datetime] = _utcnow) -> DecisionStore:
        """The store beside `sources`: `<folder>/.factcheck/review.sqlite`."""
        return cls(store_path(sources), clock)

    def _open_for_reading(self) -> None:
        if not self.path.is_file():
            raise StoreError(self.path, "not a file" if self.path.exists() else "no such file")
        try:
            with self._connect() as db:
                self._check_version(db)
        except StoreError as exc:
            # A WAL database in a folder that cannot be written: SQLite cannot make its
            # shared-memory file, but nobody can be writing there either, so the file is
            # whole, unless a -wal holds changes, which only a writable folder lets us read.
            if not any(why in exc.reason for why in ("unable to open", "readonly database")):
                raise
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size:
                raise StoreError(
                    self.path,
                    f"{exc.reason}; its {wal.name} holds changes that cannot be read "
                    "where nothing can be written",
                ) from exc
            self._immutable = True
            with self._connect() as db:
                self._check_version(db)

    def _open_for_writing(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(self.path, f"cannot make its folder: {exc.strerror}") from exc
        with self._connect() as db:
            if self._check_version(db) == SCHEMA_VERSION:
                return
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                if self._check_version(db) == 0:  # nobody created it meanwhile
                    for statement in _SCHEMA:
                        db.execute(statement)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _check_version(self, db: sqlite3.Connection) -> int:
        """The store's schema version, read before anything else; refuses what is not ours."""
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                self.path,
                f"made by a newer factcheck (schema version {version}; this one knows "
                f"{SCHEMA_VERSION}): upgrade factcheck to use it",
            )
        if version == 0:
            tables = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
            if tables or self._read_only:
                raise StoreError(self.path, "not a factcheck review store (no schema version)")
        return version

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # Autocommit mode: transactions are opened explicitly where writes happen.
        try:
            if self._read_only:
                mode = "ro&immutable=1" if self._immutable else "ro"
                target = f"{self.path.absolute().as_uri()}?mode={mode}"
                db = sqlite3.connect(target, timeout=self._timeout, isolation_level=None, uri=True)
            else:
                db = sqlite3.connect(self.path, timeout=self._timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(self.path, self._reason(exc)) from exc
        db.row_factory = sqlite3.Row
        try:
            yield db
        except sqlite3.Error as exc:
            raise StoreError(self.path, self._reason(exc)) from exc
        finally:
            db.close()

    def _reason(self, exc: sqlite3.Error) -> str:
        """SQLite's message, with what it means for an editor."""
        message = str(exc)
        meaning = {
            "file is not a database": "not an SQLite database",
            "database disk image is malformed": "damaged or truncated",
            "database is locked": f"locked by another program (waited {self._timeout:g} s)",
            "attempt to write a readonly database": "read-only",
        }.get(message)
        return f"{meaning} ({message})" if meaning else message

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: all of it lands or none of it does."""
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def record(
        self,
        fingerprint: str,
        status: DecisionStatus | str,
        reviewer: str,
        note: str = "",
        finding: Finding | None = None,
    ) -> Decision:
        """Append a decision (now, by the store's clock); it becomes the finding's current one."""
        decision = Decision(
            fingerprint=fingerprint,
            status=DecisionStatus(status),
            note=note.strip(),
            reviewer=reviewer.strip(),
            decided_at=self._clock(),
            finding_code=finding.code if finding else None,
            finding_message=finding.message if finding else None,
        )
        with self._write() as db:
            db.execute(_INSERT, _row(decision))
        return decision

    def current(self) -> dict[str, Decision]:
        """Each fingerprint's latest decision."""
        with self._connect() as db:
            return {row["fingerprint"]: _decision(row) for row in db.execute(_CURRENT)}

    def history(self, fingerprint: str | None = None) -> list[Decision]:
        """Every row in the order it was recorded; only `fingerprint`'s when given."""
        query = f"SELECT {', '.join(_COLUMNS)} FROM decisions"
        params: tuple[str, ...] = ()
        if fingerprint is not None:
            query += " WHERE fingerprint = ?"
            params = (fingerprint,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY seq", params)
            return [_decision(row) for row in rows]

    def current_of(self, fingerprints: Collection[str]) -> dict[str, Decision]:
        """The latest decision of each of `fingerprints` that has one; reads only those."""
        with self._connect() as db:
            rows = db.execute(_CURRENT_OF, (json.dumps(sorted(fingerprints)),))
            return {row["fingerprint"]: _decision(row) for row in rows}

    def stale_page(
        self,
        present: Collection[str],
        *,
        after: str | None = None,
        before: str | None = None,
        limit: int = 50,
    ) -> Page[str]:
        """A page of the current decisions of fingerprints not in `present`, by fingerprint."""
        with self._connect() as db:
            return _keyset_page(
                db,
                _STALE,
                (json.dumps(sorted(present)),),
                "fingerprint",
                after=after,
                before=before,
                limit=limit,
                descending=False,
            )

    def history_pages(
        self,
        fingerprints: Iterable[str],
        *,
        after: int | None = None,
        before: int | None = None,
        limit: int = 20,
    ) -> dict[str, Page[int]]:
        """One page of each fingerprint's history, newest (last inserted) first.

        The keys are insertion numbers: `after=` goes to older rows, `before=` to newer ones.
        """
        with self._connect() as db:
            return {
                fingerprint: _keyset_page(
                    db,
                    _HISTORY_OF,
                    (fingerprint,),
                    "seq",
                    after=after,
                    before=before,
                    limit=limit,
                    descending=True,
                )
                for fingerprint in fingerprints
            }

    def decisions_for(self, report: Report) -> DecisionSet:
        """The report's findings' current decisions, and the stale ones beside them."""
        present = {finding.fingerprint for finding in report.findings}
        latest = self.current()
        return DecisionSet(
            current={fp: d for fp, d in latest.items() if fp in present},
            stale=tuple(d for fp, d in latest.items() if fp not in present),
        )

    def export_json(self) -> str:
        """The whole history as JSON, in recording order (the input of `import_json`)."""
        return export_json(self.history())

    def import_json(self, text: str) -> int:
        """Append the exported rows this store lacks, in the export's order; returns how many.

        Identical rows are skipped, so importing the same file twice changes nothing, and
        existing history is never touched. Imported rows are appended after this store's, so
        the export's last decision on a finding becomes its current one here. A decision dated
        after now (beyond `CLOCK_SKEW`) is refused, and then nothing is imported: its date
        would be a lie in every history, whoever forged or mis-set it.
        """
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            raise ValueError(f"not a {EXPORT_FORMAT} export")
        if document.get("version") != EXPORT_VERSION:
            raise ValueError(f"unsupported {EXPORT_FORMAT} version {document.get('version')!r}")
        decisions = _EXPORT_ROWS.validate_python(document.get("decisions", []))
        now = self._clock()
        for number, decision in enumerate(decisions, 1):
            if decision.decided_at > now + CLOCK_SKEW:
                raise ValueError(
                    f"decision {number} ({decision.status.value} of {decision.fingerprint} by "
                    f"{decision.reviewer}) is dated {_timestamp(decision.decided_at)}, after "
                    f"now ({_timestamp(now)}): nothing imported"
                )
        return self._append_missing(decisions)

    def _append_missing(self, decisions: Iterable[Decision]) -> int:
        match = " AND ".join(f"{column} IS ?" for column in _COLUMNS)
        added = 0
        with self._write() as db:
            for decision in decisions:
                row = _row(decision)
                if db.execute(f"SELECT 1 FROM decisions WHERE {match}", row).fetchone():
                    continue
                db.execute(_INSERT, row)
                added += 1
        return added


def export_json(decisions: Iterable[Decision]) -> str:
    """`decisions` as a `factcheck review export` document."""
    rows = [d.model_dump(mode="json") for d in decisions]
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "decisions": rows}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def decisions_beside(paths: Sequence[str | Path], report: Report) -> DecisionSet | None:
    """The decisions stored beside the first of `paths`, or None when there is no store yet.

    For `factcheck report`: the store is opened read-only, so nothing is ever written; a store
    that cannot be read raises `StoreError`, for the caller to name (the report stands alone).
    """
    if not paths:
        return None
    path = store_path(Path(paths[0]))
    return DecisionStore(path, read_only=True).decisions_for(report) if path.exists() else None

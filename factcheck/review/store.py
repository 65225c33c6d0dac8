"""Review decisions in SQLite beside the sources: append-only history, latest row wins.

Why SQLite: one file that travels with the sources, atomic writes, and WAL so the web app can
read while a script writes. Every write is its own `BEGIN IMMEDIATE` transaction and every
connection waits (busy timeout) instead of failing, so two editors deciding at the same moment
both keep their decisions. Rows are never updated or deleted (triggers refuse it); a change of
mind is a new row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import TypeAdapter

from factcheck.models import Decision, DecisionSet, DecisionStatus, Finding, Report

STORE_DIR = ".factcheck"
STORE_FILE = "review.sqlite"
EXPORT_FORMAT = "factcheck-review"
EXPORT_VERSION = 1
BUSY_TIMEOUT_SECONDS = 30.0

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

_SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    fingerprint TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('confirmed', 'dismissed', 'follow_up')),
    note TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    decided_at TEXT NOT NULL,  -- UTC, ISO 8601 with microseconds: sorts as text
    finding_code TEXT,
    finding_message TEXT
);
CREATE INDEX IF NOT EXISTS decisions_by_fingerprint ON decisions (fingerprint, decided_at, seq);
CREATE TRIGGER IF NOT EXISTS decisions_append_only_update BEFORE UPDATE ON decisions
BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS decisions_append_only_delete BEFORE DELETE ON decisions
BEGIN SELECT RAISE(ABORT, 'review history is append-only'); END;
PRAGMA user_version = 1;
"""

# The latest row of each fingerprint: by decision time, then by insertion order.
_CURRENT = """
SELECT fingerprint, status, note, reviewer, decided_at, finding_code, finding_message
FROM decisions AS d
WHERE seq = (
    SELECT seq FROM decisions AS e WHERE e.fingerprint = d.fingerprint
    ORDER BY decided_at DESC, seq DESC LIMIT 1
)
ORDER BY fingerprint
"""

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
    """The review history of one corpus. Safe to share between threads and processes."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = _utcnow) -> None:
        self.path = path
        self._clock = clock
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode = WAL")
            db.executescript(_SCHEMA)

    @classmethod
    def for_sources(cls, sources: Path, clock: Callable[[], datetime] = _utcnow) -> DecisionStore:
        """The store beside `sources`: `<folder>/.factcheck/review.sqlite`."""
        return cls(store_path(sources), clock)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        # Autocommit mode: transactions are opened explicitly where writes happen.
        db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        db.row_factory = sqlite3.Row
        try:
            yield db
        finally:
            db.close()

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
        """Every row, oldest first; only `fingerprint`'s when given."""
        query = f"SELECT {', '.join(_COLUMNS)} FROM decisions"
        params: tuple[str, ...] = ()
        if fingerprint is not None:
            query += " WHERE fingerprint = ?"
            params = (fingerprint,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY decided_at, seq", params)
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
        """The whole history as JSON, oldest first (the input of `import_json`)."""
        rows = [d.model_dump(mode="json") for d in self.history()]
        document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "decisions": rows}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    def import_json(self, text: str) -> int:
        """Append the exported rows this store lacks; returns how many were added.

        Identical rows are skipped, so importing the same file twice changes nothing, and
        existing history is never touched: an imported older decision stays older.
        """
        document = json.loads(text)
        if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
            raise ValueError(f"not a {EXPORT_FORMAT} export")
        if document.get("version") != EXPORT_VERSION:
            raise ValueError(f"unsupported {EXPORT_FORMAT} version {document.get('version')!r}")
        return self._append_missing(_EXPORT_ROWS.validate_python(document.get("decisions", [])))

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


def decisions_beside(paths: Sequence[str | Path], report: Report) -> DecisionSet | None:
    """The decisions stored beside the first of `paths`, or None when there is no store yet.

    For `factcheck report`: reading never creates a store.
    """
    if not paths:
        return None
    path = store_path(Path(paths[0]))
    return DecisionStore(path).decisions_for(report) if path.exists() else None

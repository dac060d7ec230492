"""SQLite persistence: one table of JSON documents keyed by (kind, id), plus a meta table.

One connection guarded by a lock; every request's reads and writes run in one transaction,
so concurrent requests never interleave half-written state.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

Doc = dict[str, Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS objects (
    kind TEXT NOT NULL,
    id TEXT NOT NULL,
    doc TEXT NOT NULL,
    expires_at REAL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX IF NOT EXISTS objects_expiry ON objects (expires_at) WHERE expires_at IS NOT NULL;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class Tx:
    """Operations inside one open transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def get(self, kind: str, ident: str) -> Doc | None:
        row = self._conn.execute(
            "SELECT doc FROM objects WHERE kind = ? AND id = ?", (kind, ident)
        ).fetchone()
        return None if row is None else dict(json.loads(row[0]))

    def all(self, kind: str) -> list[Doc]:
        rows = self._conn.execute(
            "SELECT doc FROM objects WHERE kind = ? ORDER BY rowid", (kind,)
        ).fetchall()
        return [json.loads(r[0]) for r in rows]

    def put(self, kind: str, ident: str, doc: Doc, expires_at: float | None = None) -> None:
        self._conn.execute(
            "INSERT INTO objects (kind, id, doc, expires_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (kind, id) DO UPDATE SET doc = excluded.doc, "
            "expires_at = excluded.expires_at",
            (kind, ident, json.dumps(doc, separators=(",", ":")), expires_at),
        )

    def delete(self, kind: str, ident: str) -> bool:
        cur = self._conn.execute("DELETE FROM objects WHERE kind = ? AND id = ?", (kind, ident))
        return cur.rowcount > 0

    def meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def next_id(self, counter: str, start: int) -> int:
        """A monotonically increasing id per counter, persisted with the data."""
        key = f"seq:{counter}"
        current = self.meta(key)
        value = start if current is None else int(current) + 1
        self.set_meta(key, str(value))
        return value

    def clear(self) -> None:
        """Drop every object and counter; keep other meta (the signing key)."""
        self._conn.execute("DELETE FROM objects")
        self._conn.execute("DELETE FROM meta WHERE key LIKE 'seq:%' OR key = 'seeded'")


class Store:
    """The emulator's database. `:memory:` is allowed (state then dies with the process)."""

    def __init__(self, path: str) -> None:
        self._lock = threading.RLock()
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        if path != ":memory:":
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)

    @contextmanager
    def tx(self) -> Iterator[Tx]:
        """One serialised transaction; objects whose expiry passed are purged first."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute(
                    "DELETE FROM objects WHERE expires_at IS NOT NULL AND expires_at <= ?",
                    (time.time(),),
                )
                yield Tx(self._conn)
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

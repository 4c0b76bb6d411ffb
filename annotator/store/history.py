"""The reviewer's operations, newest last, kept in the case file so undo survives a restart.

A linear history with a cursor: entries marked `undone` are the redo stack; recording a new
operation drops them. What an operation means is the review layer's business; here it is JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import sqlite_utils


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    seq: int
    at: str
    who: str
    label: str
    operation: dict[str, Any]
    undone: bool


class History:
    """The `history` table of one case file; every call runs inside the caller's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def push(self, at: str, who: str, label: str, operation: dict[str, Any]) -> int:
        """Record a new operation; whatever was undone can no longer be redone."""
        self.db.execute("DELETE FROM history WHERE undone = 1")
        table = self.db["history"]
        table.insert(
            {"at": at, "who": who, "label": label, "operation": _dump(operation), "undone": 0}
        )
        return int(table.last_pk)

    def replace(self, seq: int, label: str, operation: dict[str, Any]) -> None:
        """Fold a follow-on change into the newest entry (more typing in the same note)."""
        self.db["history"].update(seq, {"label": label, "operation": _dump(operation)})

    def newest_done(self) -> HistoryEntry | None:
        return self._one("undone = 0 ORDER BY seq DESC")

    def oldest_undone(self) -> HistoryEntry | None:
        return self._one("undone = 1 ORDER BY seq ASC")

    def newest(self) -> HistoryEntry | None:
        return self._one("1 ORDER BY seq DESC")

    def mark(self, seq: int, undone: bool) -> None:
        self.db["history"].update(seq, {"undone": int(undone)})

    def drop(self, seq: int) -> None:
        """Forget an entry that can no longer be applied (its finding is gone)."""
        self.db.execute("DELETE FROM history WHERE seq = ?", [seq])

    def entries(self) -> list[HistoryEntry]:
        rows = self.db.execute("SELECT * FROM history ORDER BY seq").fetchall()
        return [_entry(r) for r in rows]

    def _one(self, where: str) -> HistoryEntry | None:
        row = self.db.execute(f"SELECT * FROM history WHERE {where} LIMIT 1").fetchone()
        return _entry(row) if row else None


def _dump(operation: dict[str, Any]) -> str:
    return json.dumps(operation, ensure_ascii=False, sort_keys=True)


def _entry(row: tuple[Any, ...]) -> HistoryEntry:
    seq, at, who, label, operation, undone = row
    return HistoryEntry(seq, at or "", who or "", label or "", json.loads(operation), bool(undone))

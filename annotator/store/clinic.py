"""Several reviews of one case: packages merged in, the conflicts they raised, assignments.

The rows here are written by the review layer's operations (annotator.review.clinic_ops), inside
the caller's transaction, so a merge or a resolution and its undo step are committed together.
A conflict holds both sides as they stood when it was raised: who, when, what, their notes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils


@dataclass(frozen=True, slots=True)
class Side:
    """One reviewer's position on a finding: their values, or that they deleted it."""

    who: str
    at: str
    values: dict[str, str] = field(default_factory=dict)
    deleted: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"who": self.who, "at": self.at, "values": self.values, "deleted": self.deleted}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Side:
        return cls(
            str(data.get("who", "")),
            str(data.get("at", "")),
            {str(k): str(v) for k, v in dict(data.get("values", {})).items()},
            bool(data.get("deleted", False)),
        )


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two reviews that disagree on one finding, and how (whether) it was resolved."""

    id: int
    finding_id: int
    digest: str
    """The package whose merge raised it."""
    fields: tuple[str, ...]
    """What they disagree on: reviewer fields, and "deleted" when one deleted it."""
    mine: Side
    """What the case held."""
    theirs: Side
    """What the package said."""
    resolution: str = ""
    """"" while open; then "mine", "theirs" or "edited"."""
    resolved_by: str = ""
    resolved_at: str = ""

    @property
    def open(self) -> bool:
        return not self.resolution

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "finding_id": self.finding_id,
            "digest": self.digest,
            "fields": list(self.fields),
            "mine": self.mine.to_dict(),
            "theirs": self.theirs.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class MergedPackage:
    digest: str
    reviewer: str
    file: str
    merged_at: str
    merged_by: str
    findings: int


class ClinicRecords:
    """The `merged_packages`, `conflicts` and `assignments` tables of one case file."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    # -- packages merged ------------------------------------------------------------------------

    def merged(self, digest: str) -> MergedPackage | None:
        row = self.db.execute("SELECT * FROM merged_packages WHERE digest = ?", [digest]).fetchone()
        return MergedPackage(*row) if row else None

    def merged_packages(self) -> list[MergedPackage]:
        rows = self.db.execute("SELECT * FROM merged_packages ORDER BY merged_at").fetchall()
        return [MergedPackage(*r) for r in rows]

    def record_merge(self, package: MergedPackage) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO merged_packages "
            "(digest, reviewer, file, merged_at, merged_by, findings) VALUES (?, ?, ?, ?, ?, ?)",
            [
                package.digest,
                package.reviewer,
                package.file,
                package.merged_at,
                package.merged_by,
                package.findings,
            ],
        )

    def forget_merge(self, digest: str) -> None:
        self.db.execute("DELETE FROM merged_packages WHERE digest = ?", [digest])

    # -- conflicts ------------------------------------------------------------------------------

    def next_conflict_id(self) -> int:
        return int(self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM conflicts").fetchone()[0])

    def add_conflict(self, conflict: Conflict) -> None:
        self.db.execute(
            "INSERT INTO conflicts (id, finding_id, digest, fields, mine, theirs) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                conflict.id,
                conflict.finding_id,
                conflict.digest,
                json.dumps(list(conflict.fields)),
                json.dumps(conflict.mine.to_dict(), ensure_ascii=False),
                json.dumps(conflict.theirs.to_dict(), ensure_ascii=False),
            ],
        )

    def remove_conflict(self, conflict_id: int) -> None:
        self.db.execute("DELETE FROM conflicts WHERE id = ?", [conflict_id])

    def conflict(self, conflict_id: int) -> Conflict | None:
        row = self.db.execute("SELECT * FROM conflicts WHERE id = ?", [conflict_id]).fetchone()
        return _conflict(row) if row else None

    def conflicts(
        self, *, open_only: bool = False, finding_id: int | None = None
    ) -> list[Conflict]:
        where, args = ["1"], []
        if open_only:
            where.append("resolution = ''")
        if finding_id is not None:
            where.append("finding_id = ?")
            args.append(finding_id)
        sql = f"SELECT * FROM conflicts WHERE {' AND '.join(where)} ORDER BY id"
        return [_conflict(r) for r in self.db.execute(sql, args).fetchall()]

    def set_resolution(self, conflict_id: int, resolution: str, who: str, at: str) -> None:
        self.db.execute(
            "UPDATE conflicts SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
            [resolution, who if resolution else "", at if resolution else "", conflict_id],
        )

    # -- assignments ----------------------------------------------------------------------------

    def assign(self, sha256: str, reviewer: str, who: str, at: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO assignments (sha256, reviewer, assigned_at, assigned_by) "
            "VALUES (?, ?, ?, ?)",
            [sha256, reviewer, at, who],
        )

    def assigned(self, reviewer: str) -> set[str]:
        """The SHA-256 of each document assigned to `reviewer`."""
        rows = self.db.execute("SELECT sha256 FROM assignments WHERE reviewer = ?", [reviewer])
        return {r[0] for r in rows.fetchall()}


def _conflict(row: tuple[Any, ...]) -> Conflict:
    cid, finding_id, digest, fields, mine, theirs, resolution, by, at = row
    return Conflict(
        cid,
        finding_id,
        digest,
        tuple(json.loads(fields)),
        Side.from_dict(json.loads(mine)),
        Side.from_dict(json.loads(theirs)),
        resolution or "",
        by or "",
        at or "",
    )

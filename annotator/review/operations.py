"""The reviewer's changes as operations: each applies itself and its inverse through the store.

An operation is plain data (it is kept as JSON in the case file's history) naming findings by
id. Ids are stable: a finding deleted by hand stays as a tombstone, so undoing the deletion
restores the same finding, and its audit trail runs on unbroken.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from annotator.core.errors import CaseError
from annotator.core.model import Category
from annotator.nlp.user_lexicon import add_phrase, remove_phrase
from annotator.store import CaseStore


class Operation(Protocol):
    def apply(self, case: CaseStore, who: str) -> None: ...
    def revert(self, case: CaseStore, who: str) -> None: ...
    def finding_ids(self) -> list[int]: ...
    def to_dict(self) -> dict[str, Any]: ...


@dataclass(frozen=True, slots=True)
class SetFields:
    """Change some of a finding's reviewer fields (status, note, exhibit…), as one action."""

    finding_id: int
    before: dict[str, str]
    after: dict[str, str]

    def apply(self, case: CaseStore, who: str) -> None:
        case.set_fields(self.finding_id, self.after, who)

    def revert(self, case: CaseStore, who: str) -> None:
        case.set_fields(self.finding_id, self.before, who)

    def finding_ids(self) -> list[int]:
        return [self.finding_id]

    def to_dict(self) -> dict[str, Any]:
        return {"op": "set", "id": self.finding_id, "before": self.before, "after": self.after}

    @property
    def only_note(self) -> bool:
        return set(self.after) == {"note"}


@dataclass(frozen=True, slots=True)
class AddFinding:
    """A finding added by hand (already stored when the operation is recorded)."""

    finding_id: int

    def apply(self, case: CaseStore, who: str) -> None:
        case.restore_finding(self.finding_id, who)

    def revert(self, case: CaseStore, who: str) -> None:
        case.delete_finding(self.finding_id, who)

    def finding_ids(self) -> list[int]:
        return [self.finding_id]

    def to_dict(self) -> dict[str, Any]:
        return {"op": "add", "id": self.finding_id}


@dataclass(frozen=True, slots=True)
class DeleteFinding:
    """A finding added by hand, deleted (kept as a tombstone)."""

    finding_id: int

    def apply(self, case: CaseStore, who: str) -> None:
        case.delete_finding(self.finding_id, who)

    def revert(self, case: CaseStore, who: str) -> None:
        case.restore_finding(self.finding_id, who)

    def finding_ids(self) -> list[int]:
        return [self.finding_id]

    def to_dict(self) -> dict[str, Any]:
        return {"op": "delete", "id": self.finding_id}


@dataclass(frozen=True, slots=True)
class Batch:
    """Several operations taken as one step ("dismiss all identical", "accept all like this")."""

    operations: tuple[Operation, ...] = field(default_factory=tuple)

    def apply(self, case: CaseStore, who: str) -> None:
        for operation in self.operations:
            operation.apply(case, who)

    def revert(self, case: CaseStore, who: str) -> None:
        for operation in reversed(self.operations):
            operation.revert(case, who)

    def finding_ids(self) -> list[int]:
        return [i for operation in self.operations for i in operation.finding_ids()]

    def to_dict(self) -> dict[str, Any]:
        return {"op": "batch", "operations": [o.to_dict() for o in self.operations]}


@dataclass(frozen=True, slots=True)
class AddToLexicon:
    """A finding's phrase added to the user's own lexicon (a file in the user's data folder that
    every later scan reads); the finding's audit trail records it, and undo takes it out."""

    finding_id: int
    phrase: str
    category: str
    language: str | None = None

    def apply(self, case: CaseStore, who: str) -> None:
        add_phrase(self.phrase, Category(self.category), self.language)
        case.record_event(self.finding_id, who, "lexicon", "", self.phrase)

    def revert(self, case: CaseStore, who: str) -> None:
        remove_phrase(self.phrase)
        case.record_event(self.finding_id, who, "lexicon", self.phrase, "")

    def finding_ids(self) -> list[int]:
        return [self.finding_id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": "lexicon",
            "id": self.finding_id,
            "phrase": self.phrase,
            "category": self.category,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class SetRole:
    """Who a gang reference is about, as the reviewer decides it; undo gives the detector back
    its say when the role was the detector's."""

    finding_id: int
    before: str | None
    before_by_reviewer: bool
    after: str | None

    def apply(self, case: CaseStore, who: str) -> None:
        case.set_role(self.finding_id, self.after, who, by_reviewer=True)

    def revert(self, case: CaseStore, who: str) -> None:
        case.set_role(self.finding_id, self.before, who, by_reviewer=self.before_by_reviewer)

    def finding_ids(self) -> list[int]:
        return [self.finding_id]

    def to_dict(self) -> dict[str, Any]:
        return {
            "op": "role",
            "id": self.finding_id,
            "before": self.before,
            "before_by_reviewer": self.before_by_reviewer,
            "after": self.after,
        }


LOADERS: dict[str, Callable[[dict[str, Any]], Operation]] = {}
"""How to read the operations other modules of annotator.review define (clinic_ops), by kind."""


def from_dict(data: dict[str, Any]) -> Operation:
    """The operation a history entry holds."""
    kind = data.get("op")
    if kind == "set":
        return SetFields(int(data["id"]), dict(data["before"]), dict(data["after"]))
    if kind == "add":
        return AddFinding(int(data["id"]))
    if kind == "delete":
        return DeleteFinding(int(data["id"]))
    if kind == "batch":
        return Batch(tuple(from_dict(d) for d in data["operations"]))
    if kind == "role":
        return SetRole(
            int(data["id"]), data["before"], bool(data["before_by_reviewer"]), data["after"]
        )
    if kind == "lexicon":
        language = data.get("language")
        return AddToLexicon(int(data["id"]), str(data["phrase"]), str(data["category"]), language)
    if kind in LOADERS:
        return LOADERS[str(kind)](data)
    raise CaseError(f"the case's history holds an operation this version does not know ({kind})")

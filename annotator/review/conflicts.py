"""Resolving the conflicts a merge raised, each resolution one undoable, audited step."""

from __future__ import annotations

from typing import Any

from annotator.review.clinic_ops import CHOICES, OnBehalf, ResolveConflict
from annotator.review.merge import field_text
from annotator.review.operations import AddFinding, Batch, DeleteFinding, Operation, SetFields
from annotator.review.review import Change, Review, ReviewError
from annotator.store import CaseStore
from annotator.store.case import EDITABLE
from annotator.store.clinic import Conflict, Side


def resolve(
    review: Review, conflict_id: int, choice: str, values: dict[str, str] | None = None
) -> Change:
    """Take "mine" (the case's values stay), "theirs" (the package's, credited to its reviewer)
    or "edited" (`values`, the supervisor's own) for the conflict."""
    case = review.case
    conflict = case.clinic.conflict(conflict_id)
    if conflict is None:
        raise ReviewError(f"{case.path}: no conflict {conflict_id}")
    if not conflict.open:
        raise ReviewError(
            f"conflict {conflict_id} was resolved already ({conflict.resolution}, by "
            f"{conflict.resolved_by})"
        )
    if choice not in CHOICES:
        raise ReviewError(f"a conflict is resolved by one of {', '.join(CHOICES)}, not {choice!r}")
    finding = case.finding(conflict.finding_id, include_deleted=True)
    operation: Operation = Batch()
    label = "take mine"
    if choice == "theirs":
        steps = _towards(case, finding.id, conflict.theirs, conflict.fields)
        operation = OnBehalf(conflict.theirs.who, Batch(tuple(steps)))
        label = f"take {conflict.theirs.who}'s"
    elif choice == "edited":
        edited = _checked(values or {})
        steps = _towards(case, finding.id, Side(review.reviewer, "", edited), tuple(edited))
        operation = Batch(tuple(steps))
        label = "edit the conflict"
    return review.run(ResolveConflict(conflict_id, finding.id, choice, operation), label)


def _checked(values: dict[str, str]) -> dict[str, str]:
    if not values:
        raise ReviewError("say what the finding should be (a status, a note…)")
    try:
        return {k: EDITABLE[k](v) for k, v in values.items()}
    except KeyError as err:
        raise ReviewError(f"not a reviewer's field: {err}") from err
    except ValueError as err:
        raise ReviewError(str(err)) from err


def _towards(
    case: CaseStore, finding_id: int, side: Side, fields: tuple[str, ...]
) -> list[Operation]:
    """The steps that make the finding what `side` says on `fields` (or wholly, when the
    conflict is over its deletion)."""
    finding = case.finding(finding_id, include_deleted=True)
    if side.deleted:
        return [] if finding.deleted else [DeleteFinding(finding_id)]
    steps: list[Operation] = [AddFinding(finding_id)] if finding.deleted else []
    wanted = side.values if "deleted" in fields else {k: side.values.get(k, "") for k in fields}
    after = {k: v for k, v in wanted.items() if k in EDITABLE and field_text(finding, k) != v}
    if after:
        steps.append(SetFields(finding_id, {k: field_text(finding, k) for k in after}, after))
    return steps


def conflict_json(case: CaseStore, conflict: Conflict) -> dict[str, Any]:
    """A conflict as the command line's --json and the window list it: both sides at once."""
    finding = case.finding(conflict.finding_id, include_deleted=True)
    document = case.document(finding.document_id)
    return {
        "id": conflict.id,
        "finding": finding.id,
        "document": document.title,
        "page": finding.page,
        "category": finding.category.value,
        "text": finding.text,
        "fields": list(conflict.fields),
        "mine": _side(conflict.mine),
        "theirs": _side(conflict.theirs),
        "resolution": conflict.resolution,
        "resolved_by": conflict.resolved_by,
    }


def _side(side: Side) -> dict[str, Any]:
    return {
        "who": side.who,
        "at": side.at,
        "status": "deleted" if side.deleted else side.values.get("status", "untagged"),
        "note": side.values.get("note", ""),
        "values": side.values,
        "deleted": side.deleted,
    }


def describe(side: Side) -> str:
    """One line for a side: "Student A, 2026-12-01: rebutted — school record"."""
    what = "deleted it" if side.deleted else side.values.get("status", "untagged")
    note = side.values.get("note", "")
    return f"{side.who or '?'}, {side.at[:16].replace('T', ' ')}: {what}" + (
        f" — {note}" if note else ""
    )

"""Review: one reviewer's changes to one open case, each an operation recorded for undo.

Applying an operation and recording it happen in one transaction, so a crash leaves either both
or neither. The history lives in the case file: `annotator undo CASE` undoes what the window
did yesterday. Consecutive edits of one finding's note are one step, as typing is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.errors import AnnotatorError, CaseError
from annotator.core.model import Category, Finding, Rect, Role, Status
from annotator.nlp.normalize import join_lines
from annotator.nlp.sentences import sentence_around
from annotator.review.alike import ALIKE, Candidate, identical, like_this
from annotator.review.operations import (
    AddFinding,
    AddToLexicon,
    Batch,
    DeleteFinding,
    Operation,
    SetFields,
    SetRole,
    from_dict,
)
from annotator.store import CaseStore
from annotator.store.case import now
from annotator.store.history import HistoryEntry


class ReviewError(AnnotatorError):
    """An undo or redo that cannot be carried out (its finding is no longer in the case)."""


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation, an undo or a redo touched: the views refresh these findings."""

    label: str
    finding_ids: tuple[int, ...]
    undone: bool = False


class Review:
    def __init__(self, case: CaseStore, reviewer: str = "") -> None:
        self.case = case
        self.reviewer = reviewer

    # -- changes --------------------------------------------------------------------------------

    def tag(
        self,
        finding_id: int,
        status: Status | str | None = None,
        *,
        note: str | None = None,
        exhibit: str | None = None,
    ) -> Change:
        """Set any of status, note and exhibit as one action (one transaction, one undo step)."""
        values = {"status": status, "note": note, "exhibit": exhibit}
        return self.set_fields(finding_id, {k: v for k, v in values.items() if v is not None})

    def set_fields(self, finding_id: int, values: dict[str, str | Status]) -> Change:
        finding = self.case.finding(finding_id)
        after = {k: (v.value if isinstance(v, Status) else str(v)) for k, v in values.items()}
        after = {k: v for k, v in after.items() if str(getattr(finding, k)) != v}
        if not after:
            return Change("", ())
        before = {k: str(getattr(finding, k)) for k in after}
        return self.run(SetFields(finding_id, before, after), _label(after))

    def add_finding(
        self,
        document_id: int,
        page: int,
        category: Category,
        start: int,
        end: int,
        rects: list[Rect],
        subtype: str = "manual",
    ) -> Finding:
        """A finding the detector missed, from a stretch of a stored page's text."""
        with self.case.transaction():
            finding = self._create(document_id, page, category, start, end, rects, subtype)
            self._record(AddFinding(finding.id), f"add “{finding.text[:40]}”")
        return finding

    def _create(
        self,
        document_id: int,
        page: int,
        category: Category,
        start: int,
        end: int,
        rects: list[Rect],
        subtype: str,
    ) -> Finding:
        stored = self.case.page(document_id, page)
        if not 0 <= start < end <= len(stored.text):
            raise CaseError(f"page {page} has no text at {start}–{end}")
        return self.case.add_manual_finding(
            document_id,
            page,
            category,
            join_lines(stored.text[start:end]),
            start,
            end,
            rects,
            sentence=sentence_around(stored.text, start, end, stored.language),
            who=self.reviewer,
            subtype=subtype,
        )

    def find_like(self, finding_id: int) -> list[Candidate]:
        """Where the finding's phrase recurs in the case, written alike, not yet found."""
        return like_this(self.case, self.case.finding(finding_id))

    def accept_like(self, finding_id: int, candidates: list[Candidate]) -> Change:
        """Add these places as findings of the finding's category, as one step."""
        finding = self.case.finding(finding_id)
        if not candidates:
            return Change("", ())
        with self.case.transaction():
            added = [
                self._create(
                    c.document_id, c.page, finding.category, c.start, c.end, c.rects, ALIKE
                )
                for c in candidates
            ]
            operation = Batch(tuple(AddFinding(f.id) for f in added))
            label = f"add {len(added)} like “{finding.text[:30]}”"
            self._record(operation, label)
        return Change(label, tuple(operation.finding_ids()))

    def identical(self, finding_id: int) -> list[Finding]:
        """The untagged findings of the same claim elsewhere in the case."""
        return identical(self.case, self.case.finding(finding_id))

    def dismiss_identical(self, finding_id: int) -> Change:
        """Dismiss the finding and every untagged finding of the same claim, as one step."""
        finding = self.case.finding(finding_id)
        targets = [finding, *identical(self.case, finding)]
        steps = tuple(
            SetFields(f.id, {"status": f.status.value}, {"status": Status.DISMISSED.value})
            for f in targets
            if f.status is not Status.DISMISSED
        )
        if not steps:
            return Change("", ())
        return self.run(Batch(steps), f"dismiss {len(steps)} “{finding.text[:30]}”")

    def set_role(self, finding_id: int, role: Role | None) -> Change:
        """Say who a gang reference is about (the reviewer's say survives every re-scan)."""
        finding = self.case.finding(finding_id)
        before = finding.role.value if finding.role else None
        after = role.value if role else None
        if before == after and finding.role_set_by_reviewer:
            return Change("", ())
        operation = SetRole(finding_id, before, finding.role_set_by_reviewer, after)
        label = f"role: {role.label.lower()}" if role else "role: none"
        return self.run(operation, label)

    def add_to_lexicon(self, finding_id: int, language: str | None = None) -> Change:
        """Put the finding's phrase in the user's own lexicon, for every later scan."""
        finding = self.case.finding(finding_id)
        operation = AddToLexicon(finding_id, finding.text, finding.category.value, language)
        return self.run(operation, f"add “{finding.text[:30]}” to my lexicon")

    def delete_finding(self, finding_id: int) -> Change:
        finding = self.case.finding(finding_id)
        return self.run(DeleteFinding(finding_id), f"delete “{finding.text[:40]}”")

    def run(self, operation: Operation, label: str) -> Change:
        """Apply an operation and record it, in one transaction."""
        with self.case.transaction():
            operation.apply(self.case, self.reviewer)
            if not self._fold_note(operation, label):
                self._record(operation, label)
        return Change(label, tuple(operation.finding_ids()))

    def _record(self, operation: Operation, label: str) -> None:
        self.case.history.push(now(), self.reviewer, label, operation.to_dict())

    def _fold_note(self, operation: Operation, label: str) -> bool:
        """More typing in the note last edited: fold it into that step."""
        if not isinstance(operation, SetFields) or not operation.only_note:
            return False
        newest = self.case.history.newest()
        if newest is None or newest.undone:
            return False
        last = from_dict(newest.operation)
        if not isinstance(last, SetFields) or not last.only_note:
            return False
        if last.finding_id != operation.finding_id:
            return False
        merged = SetFields(operation.finding_id, last.before, operation.after)
        self.case.history.replace(newest.seq, label, merged.to_dict())
        return True

    # -- undo and redo --------------------------------------------------------------------------

    def undo(self) -> Change | None:
        """Undo the newest step; None when there is none."""
        entry = self.case.history.newest_done()
        if entry is None:
            return None
        operation = from_dict(entry.operation)
        self._replay(entry, lambda: operation.revert(self.case, self.reviewer), undone=True)
        return Change(entry.label, tuple(operation.finding_ids()), undone=True)

    def redo(self) -> Change | None:
        """Redo the step undone last; None when there is none."""
        entry = self.case.history.oldest_undone()
        if entry is None:
            return None
        operation = from_dict(entry.operation)
        self._replay(entry, lambda: operation.apply(self.case, self.reviewer), undone=False)
        return Change(entry.label, tuple(operation.finding_ids()))

    def _replay(self, entry: HistoryEntry, step: Callable[[], None], undone: bool) -> None:
        """Carry out an undo or redo and move the history's cursor, in one transaction."""
        try:
            with self.case.transaction():
                step()
                self.case.history.mark(entry.seq, undone)
        except CaseError as err:  # its finding went away (a re-scan removed it): drop the step
            with self.case.transaction():
                self.case.history.drop(entry.seq)
            raise ReviewError(f"“{entry.label}” can no longer be undone or redone: {err}") from err

    def undo_label(self) -> str | None:
        entry = self.case.history.newest_done()
        return entry.label if entry else None

    def redo_label(self) -> str | None:
        entry = self.case.history.oldest_undone()
        return entry.label if entry else None


def _label(after: dict[str, str]) -> str:
    if "status" in after:
        status = Status(after["status"])
        return "clear the tag" if status is Status.UNTAGGED else f"tag {status.label.lower()}"
    if set(after) == {"note"}:
        return "edit the note"
    return "edit the " + " and ".join(sorted(after))

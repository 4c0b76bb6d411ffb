"""CaseSession: the open case as the window sees it. It wraps the store, emits, and views listen.

Every change goes through the store and is committed before the signal fires; the in-memory
findings are a cache refreshed from what the store returns. Status, note and exhibit changes are
undo commands whose undo writes the old value back through the store, so the audit log has it.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.model import Category, Document, Finding, PageText, Rect, Status
from annotator.store import CaseStore

_PAGE_CACHE = 24


class CaseSession(QObject):
    findings_reset = Signal()
    finding_changed = Signal(int)
    documents_changed = Signal()
    focus_requested = Signal(int)
    """Undo or redo touched this finding: the window shows it."""

    def __init__(self, case: CaseStore, reviewer: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.reviewer = reviewer
        self.undo_stack = QUndoStack(self)
        self._findings: dict[int, Finding] = {}
        self._documents: dict[int, Document] = {}
        self._pages: OrderedDict[tuple[int, int], PageText] = OrderedDict()
        self.reload()

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._documents = {d.id: d for d in self.case.documents()}
        self._findings = {f.id: f for f in self.case.findings()}
        self.documents_changed.emit()
        self.findings_reset.emit()

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, document_id: int) -> Document | None:
        return self._documents.get(document_id)

    def findings(self) -> list[Finding]:
        return list(self._findings.values())

    def finding(self, finding_id: int) -> Finding | None:
        return self._findings.get(finding_id)

    def page_findings(self, document_id: int, page: int) -> list[Finding]:
        return [
            f for f in self._findings.values() if f.document_id == document_id and f.page == page
        ]

    def page(self, document_id: int, number: int) -> PageText | None:
        key = (document_id, number)
        if key in self._pages:
            self._pages.move_to_end(key)
            return self._pages[key]
        try:
            page = self.case.page(document_id, number)
        except Exception:  # a page not stored yet (ingest running) has no words to select
            return None
        self._pages[key] = page
        while len(self._pages) > _PAGE_CACHE:
            self._pages.popitem(last=False)
        return page

    def also_in(self, finding: Finding) -> list[Finding]:
        """The same category and text in other documents of the case."""
        key = _normal(finding.text)
        return [
            f
            for f in self._findings.values()
            if f.document_id != finding.document_id
            and f.category is finding.category
            and _normal(f.text) == key
        ]

    def get_state(self, key: str, default: str = "") -> str:
        return self.case.get_state(key, default)

    def set_state(self, key: str, value: str) -> None:
        self.case.set_state(key, value)

    # -- changing -------------------------------------------------------------------------------

    def set_status(self, finding_id: int, status: Status) -> None:
        self._push(finding_id, "status", status.value)

    def set_note(self, finding_id: int, note: str) -> None:
        self._push(finding_id, "note", note)

    def set_exhibit(self, finding_id: int, exhibit: str) -> None:
        self._push(finding_id, "exhibit", exhibit)

    def _push(self, finding_id: int, field: str, value: str) -> None:
        finding = self._findings[finding_id]
        old = str(getattr(finding, field))
        if old != value:
            self.undo_stack.push(SetFieldCommand(self, finding_id, field, old, value))

    def write(self, finding_id: int, field: str, value: str) -> None:
        """Commit one field through the store (audited), then tell the views."""
        setter = {
            "status": self.case.set_status,
            "note": self.case.set_note,
            "exhibit": self.case.set_exhibit,
        }[field]
        self._findings[finding_id] = setter(finding_id, value, self.reviewer)
        self.finding_changed.emit(finding_id)

    def add_manual_finding(
        self,
        document_id: int,
        page: int,
        category: Category,
        start: int,
        end: int,
        rects: list[Rect],
    ) -> Finding:
        page_text = self.page(document_id, page)
        text = page_text.text[start:end] if page_text else ""
        finding = self.case.add_manual_finding(
            document_id,
            page,
            category,
            " ".join(text.split()),
            start,
            end,
            rects,
            sentence=_sentence(page_text.text if page_text else "", start, end),
            who=self.reviewer,
        )
        self._findings = {f.id: f for f in self.case.findings()}
        self.findings_reset.emit()
        return finding

    def delete_manual_finding(self, finding_id: int) -> None:
        self.case.delete_manual_finding(finding_id, self.reviewer)
        self._findings.pop(finding_id, None)
        self.findings_reset.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.case.close()


class SetFieldCommand(QUndoCommand):
    """One status, note or exhibit change; consecutive typing in one note merges into one step."""

    NOTE_ID = 1

    def __init__(self, session: CaseSession, finding_id: int, field: str, old: str, new: str):
        super().__init__(f"{field} of finding {finding_id}")
        self.session, self.finding_id, self.field = session, finding_id, field
        self.old, self.new = old, new
        self._first = True

    def id(self) -> int:
        return self.NOTE_ID if self.field == "note" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other.finding_id != self.finding_id:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session.write(self.finding_id, self.field, self.new)
        if not self._first:
            self.session.focus_requested.emit(self.finding_id)
        self._first = False

    def undo(self) -> None:
        self.session.write(self.finding_id, self.field, self.old)
        self.session.focus_requested.emit(self.finding_id)


def _normal(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _sentence(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence around [start, end): back to the previous full stop, on to the next."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = " ".join(text[left + 1 : right].split())
    return sentence[:limit]

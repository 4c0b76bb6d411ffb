"""CaseSession: the open case as the window sees it. It wraps the store, emits, and views listen.

Every change goes through the store and is committed before the signal fires; the in-memory
findings are a cache refreshed from what the store returns. Status, note and exhibit changes are
undo commands whose undo writes the old value back through the store, so the audit log has it.
Adding and deleting a manual finding are undo commands too. A finding re-created by undo or redo
may get a new id from the store (and SQLite may give its old id to another finding), so commands
hold a `FindingRef`, one per finding, that follows it to its current id.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.core.model import Category, Document, Finding, PageText, Rect, Source, Status
from annotator.store import CaseStore

_PAGE_CACHE = 24


class CaseSession(QObject):
    findings_reset = Signal()
    findings_added = Signal(list)
    """These finding ids are new (a document's ingest finished): views insert, not reset."""
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
        self._refs: dict[int, FindingRef] = {}
        self.reload()

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._documents = {d.id: d for d in self.case.documents()}
        self._findings = {f.id: f for f in self.case.findings()}
        self.documents_changed.emit()
        self.findings_reset.emit()

    def add_document_findings(self, document: Document, findings: list[Finding]) -> None:
        """A document's ingest is stored: take its findings in without reloading the case."""
        self._documents[document.id] = document
        had = [fid for fid, f in self._findings.items() if f.document_id == document.id]
        for fid in had:  # a partly stored document, added again: its findings may have changed
            del self._findings[fid]
        self._findings.update((f.id, f) for f in findings)
        self.documents_changed.emit()
        if had:
            self.findings_reset.emit()
        else:
            self.findings_added.emit([f.id for f in findings])

    def refresh_document(self, document_id: int) -> None:
        """Re-read one document's row (its path changed)."""
        self._documents[document_id] = self.case.document(document_id)
        self.documents_changed.emit()

    def documents(self) -> list[Document]:
        return list(self._documents.values())

    def document(self, document_id: int) -> Document | None:
        return self._documents.get(document_id)

    def findings(self) -> list[Finding]:
        return list(self._findings.values())

    def finding(self, finding_id: int) -> Finding | None:
        return self._findings.get(finding_id)

    def ref(self, finding_id: int) -> FindingRef:
        """The one reference undo commands hold to this finding, whatever its id later."""
        return self._refs.setdefault(finding_id, FindingRef(finding_id))

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

    def forget_page(self, document_id: int, number: int) -> None:
        """The stored page changed (OCR read it): read it again when next asked."""
        self._pages.pop((document_id, number), None)

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
        finding = self._findings.get(finding_id)
        if finding is None:  # deleted (an undo took it away) while its editor was open
            return
        old = str(getattr(finding, field))
        if old != value:
            self.undo_stack.push(SetFieldCommand(self, self.ref(finding_id), field, old, value))

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
        """Add a finding by hand, as one undoable step."""
        page_text = self.page(document_id, page)
        text = page_text.text[start:end] if page_text else ""
        spec = Finding(
            id=0,
            document_id=document_id,
            page=page,
            category=category,
            subtype="manual",
            text=" ".join(text.split()),
            start=start,
            end=end,
            rects=list(rects),
            sentence=_sentence(page_text.text if page_text else "", start, end),
            source=Source.MANUAL,
        )
        command = AddFindingCommand(self, spec)
        self.undo_stack.push(command)
        assert command.ref is not None
        return self._findings[command.ref.id]

    def delete_manual_finding(self, finding_id: int) -> None:
        """Delete a finding added by hand, as one undoable step."""
        if finding_id in self._findings:
            self.undo_stack.push(DeleteFindingCommand(self, self._findings[finding_id]))

    def create(self, spec: Finding, ref: FindingRef | None = None) -> Finding:
        """Store a manual finding like `spec` (with its status, note and exhibit); `ref` follows."""
        finding = self.case.add_manual_finding(
            spec.document_id,
            spec.page,
            spec.category,
            spec.text,
            spec.start,
            spec.end,
            spec.rects,
            sentence=spec.sentence,
            who=self.reviewer,
            subtype=spec.subtype or "manual",
        )
        for field, setter in (
            ("status", self.case.set_status),
            ("note", self.case.set_note),
            ("exhibit", self.case.set_exhibit),
        ):
            value = str(getattr(spec, field))
            if value != str(getattr(finding, field)):
                finding = setter(finding.id, value, self.reviewer)
        if ref is not None:
            ref.id = finding.id
            self._refs[finding.id] = ref
        self._findings[finding.id] = finding
        self.findings_reset.emit()
        return finding

    def delete(self, finding_id: int) -> None:
        self.case.delete_manual_finding(finding_id, self.reviewer)
        self._findings.pop(finding_id, None)
        self._refs.pop(finding_id, None)  # SQLite may hand this id to a new finding
        self.findings_reset.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.case.close()


class FindingRef:
    """A finding as undo commands know it: its id changes when undo or redo re-creates it."""

    __slots__ = ("id",)

    def __init__(self, finding_id: int) -> None:
        self.id = finding_id


class SetFieldCommand(QUndoCommand):
    """One status, note or exhibit change; consecutive typing in one note merges into one step."""

    NOTE_ID = 1

    def __init__(self, session: CaseSession, ref: FindingRef, field: str, old: str, new: str):
        super().__init__(f"{field} of finding {ref.id}")
        self.session, self.ref, self.field = session, ref, field
        self.old, self.new = old, new
        self._first = True

    @property
    def finding_id(self) -> int:
        return self.ref.id

    def id(self) -> int:
        return self.NOTE_ID if self.field == "note" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand) or other.ref is not self.ref:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.session.write(self.ref.id, self.field, self.new)
        if not self._first:
            self.session.focus_requested.emit(self.ref.id)
        self._first = False

    def undo(self) -> None:
        self.session.write(self.ref.id, self.field, self.old)
        self.session.focus_requested.emit(self.ref.id)


class AddFindingCommand(QUndoCommand):
    """Adding a manual finding; undo deletes it, redo re-creates it (perhaps with a new id)."""

    def __init__(self, session: CaseSession, spec: Finding) -> None:
        super().__init__(f"add finding “{spec.text[:30]}”")
        self.session, self.spec = session, spec
        self.ref: FindingRef | None = None

    def redo(self) -> None:
        finding = self.session.create(self.spec, self.ref)
        if self.ref is None:
            self.ref = self.session.ref(finding.id)
        else:
            self.session.focus_requested.emit(finding.id)

    def undo(self) -> None:
        assert self.ref is not None
        self.session.delete(self.ref.id)


class DeleteFindingCommand(QUndoCommand):
    """Deleting a manual finding; undo re-creates it with its status, note and exhibit."""

    def __init__(self, session: CaseSession, finding: Finding) -> None:
        super().__init__(f"delete finding “{finding.text[:30]}”")
        self.session, self.finding = session, finding
        self.ref = session.ref(finding.id)

    def redo(self) -> None:
        self.finding = self.session.finding(self.ref.id) or self.finding
        self.session.delete(self.ref.id)

    def undo(self) -> None:
        finding = self.session.create(self.finding, self.ref)
        self.session.focus_requested.emit(finding.id)


def _normal(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def _sentence(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence around [start, end): back to the previous full stop, on to the next."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = " ".join(text[left + 1 : right].split())
    return sentence[:limit]

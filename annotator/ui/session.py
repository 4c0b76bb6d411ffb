"""CaseSession: the open case as the window's views see it. It runs the review's operations and
emits; the views listen and re-read.

Every change is an operation of annotator.review, committed (with its step in the case's
history) before the signal fires; undo and redo are the review's too, so they work the same from
the command line and survive a restart. The in-memory findings are a cache of the store, mended
from what each change touched.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Signal

from annotator.core.errors import CaseError
from annotator.core.model import Category, Document, Finding, PageText, Rect, Status
from annotator.review import Change, Review, also_in
from annotator.review.supervise import reviewers_of
from annotator.store import CaseStore

_PAGE_CACHE = 24


class CaseSession(QObject):
    findings_reset = Signal()
    findings_added = Signal(list)
    """These finding ids are new (a document's ingest finished): views insert, not reset."""
    finding_changed = Signal(int)
    documents_changed = Signal()
    history_changed = Signal()
    """A step was done, undone or redone: undo and redo may have become (un)available."""
    focus_requested = Signal(int)
    """Undo or redo touched this finding: the window shows it."""

    def __init__(
        self,
        case: CaseStore,
        reviewer: str = "",
        parent: QObject | None = None,
        passphrase: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.case = case
        self.passphrase = passphrase
        """An encrypted case's passphrase, held in memory only, for the background ingest and
        the memo's writer (each opens a connection of its own)."""
        self.review = Review(case, reviewer)
        self._findings: dict[int, Finding] = {}
        self._documents: dict[int, Document] = {}
        self._pages: OrderedDict[tuple[int, int], PageText] = OrderedDict()
        self._reviewers: dict[int, str] = {}
        """finding id -> who last set its status (the findings panel filters by it)."""
        self._state: dict[str, str] = {}
        """The case's state values (where the reviewer was) as last read or written here."""
        self._poorly_read: dict[int, list[int]] = {}
        """document id -> the pages OCR read but could not make out, once asked."""
        self.reload()

    @property
    def reviewer(self) -> str:
        return self.review.reviewer

    @reviewer.setter
    def reviewer(self, name: str) -> None:
        self.review.reviewer = name
        self._documents = self._ordered(self._documents.values())
        self.documents_changed.emit()

    def _ordered(self, documents: Iterable[Document]) -> dict[int, Document]:
        """The reviewer's assigned documents first, each group in the order they were added."""
        assigned = self.case.clinic.assigned(self.reviewer)
        ranked = sorted(documents, key=lambda d: (d.sha256 not in assigned, d.id))
        return {d.id: d for d in ranked}

    def assigned(self) -> set[int]:
        """The documents assigned to this reviewer."""
        shas = self.case.clinic.assigned(self.reviewer)
        return {d.id for d in self._documents.values() if d.sha256 in shas}

    # -- reading --------------------------------------------------------------------------------

    def reload(self) -> None:
        self._documents = self._ordered(self.case.documents())
        self._findings = {f.id: f for f in self.case.findings()}
        self._reviewers = reviewers_of(self.case)
        self._poorly_read.clear()
        self.documents_changed.emit()
        self.findings_reset.emit()

    def reload_document(self, document_id: int) -> None:
        """A document was stored (by the background ingest): take it and its findings in."""
        self._documents[document_id] = self.case.document(document_id)
        had = [fid for fid, f in self._findings.items() if f.document_id == document_id]
        for fid in had:
            del self._findings[fid]
        fresh = self.case.findings(document_id=document_id)
        self._findings.update((f.id, f) for f in fresh)
        self._pages = OrderedDict((k, v) for k, v in self._pages.items() if k[0] != document_id)
        self._poorly_read.pop(document_id, None)
        self.documents_changed.emit()
        if had:
            self.findings_reset.emit()
        else:
            self.findings_added.emit([f.id for f in fresh])

    def reload_pages(self, document_id: int, numbers: tuple[int, ...]) -> None:
        """These pages were stored with their findings (OCR read them). Pages read for the
        first time only add findings, which the views insert as rows; a reset, which rebuilds
        every view of a long file's findings, only when some went (a page read again)."""
        wanted = set(numbers)
        gone = [
            fid
            for fid, f in self._findings.items()
            if f.document_id == document_id and f.page in wanted
        ]
        for fid in gone:
            del self._findings[fid]
        added: list[int] = []
        for number in sorted(wanted):
            self._pages.pop((document_id, number), None)
            fresh = self.case.findings(document_id=document_id, pages=range(number, number + 1))
            self._findings.update((f.id, f) for f in fresh)
            added += [f.id for f in fresh]
        self._documents[document_id] = self.case.document(document_id)
        self._poorly_read.pop(document_id, None)
        self.documents_changed.emit()
        if gone:
            self.findings_reset.emit()
        elif added:
            self.findings_added.emit(added)

    def refresh_document(self, document_id: int) -> None:
        """Re-read one document's row (its path changed)."""
        self._documents[document_id] = self.case.document(document_id)
        self.documents_changed.emit()

    def poorly_read(self, document_id: int) -> list[int]:
        """The pages of a document OCR read but could not make out: to be read by eye."""
        if document_id not in self._poorly_read:
            self._poorly_read[document_id] = self.case.poorly_read_pages(document_id)
        return self._poorly_read[document_id]

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
        except CaseError:  # a page not stored yet (ingest running) has no words to select
            return None
        self._pages[key] = page
        while len(self._pages) > _PAGE_CACHE:
            self._pages.popitem(last=False)
        return page

    def reviewer_of(self, finding_id: int) -> str:
        """Who last set the finding's status ("" if nobody has)."""
        return self._reviewers.get(finding_id, "")

    def reviewers(self) -> list[str]:
        return sorted(set(self._reviewers.values()))

    def also_in(self, finding: Finding) -> list[Finding]:
        """The same claim in the case's other documents."""
        return also_in(finding, self._findings.values())

    def get_state(self, key: str, default: str = "") -> str:
        if key not in self._state:
            self._state[key] = self.case.get_state(key, default)
        return self._state[key]

    def set_state(self, key: str, value: str) -> None:
        """Where the reviewer was (document, page, finding): written only when it changed, as
        each write is a commit that waits its turn behind the background ingest's."""
        if self._state.get(key) != value:
            self.case.set_state(key, value)
            self._state[key] = value

    # -- changing: every change an operation of the review --------------------------------------

    def set_status(self, finding_id: int, status: Status) -> None:
        self._change(finding_id, {"status": status.value})

    def set_note(self, finding_id: int, note: str) -> None:
        self._change(finding_id, {"note": note})

    def set_exhibit(self, finding_id: int, exhibit: str) -> None:
        self._change(finding_id, {"exhibit": exhibit})

    def _change(self, finding_id: int, values: dict[str, str]) -> None:
        if finding_id not in self._findings:  # deleted (an undo took it away) while being edited
            return
        self._apply(self.review.set_fields(finding_id, dict(values)))

    def add_finding(
        self,
        document_id: int,
        page: int,
        category: Category,
        start: int,
        end: int,
        rects: list[Rect],
    ) -> Finding:
        """Add a finding the detector missed, as one undoable step."""
        finding = self.review.add_finding(document_id, page, category, start, end, rects)
        self._apply(Change("add", (finding.id,)))
        return self._findings[finding.id]

    def delete_finding(self, finding_id: int) -> None:
        """Delete a finding added by hand, as one undoable step."""
        if finding_id in self._findings:
            self._apply(self.review.delete_finding(finding_id))

    def run(self, step: Callable[[Review], Change]) -> Change:
        """Run a review-layer step on this session's review (approve, resolve a conflict…)."""
        change = step(self.review)
        self._apply(change)
        return change

    def undo(self) -> Change | None:
        return self._step(self.review.undo)

    def redo(self) -> Change | None:
        return self._step(self.review.redo)

    def _step(self, step: Callable[[], Change | None]) -> Change | None:
        change = step()
        if change is not None:
            self._apply(change)
            present = [i for i in change.finding_ids if i in self._findings]
            if present:
                self.focus_requested.emit(present[0])
        return change

    def _apply(self, change: Change) -> None:
        """Mend the cache from the store for what a change touched, then tell the views."""
        arrived_or_left = False
        for finding_id in dict.fromkeys(change.finding_ids):
            self._reviewer_from_audit(finding_id)
            try:
                finding = self.case.finding(finding_id)
            except CaseError:
                arrived_or_left |= self._findings.pop(finding_id, None) is not None
                continue
            arrived_or_left |= finding_id not in self._findings
            self._findings[finding_id] = finding
        if arrived_or_left:
            self.findings_reset.emit()
        else:
            for finding_id in dict.fromkeys(change.finding_ids):
                self.finding_changed.emit(finding_id)
        self.history_changed.emit()

    def _reviewer_from_audit(self, finding_id: int) -> None:
        tags = [e.who for e in self.case.audit(finding_id) if e.field == "status"]
        if tags:
            self._reviewers[finding_id] = tags[-1]
        else:
            self._reviewers.pop(finding_id, None)

    def can_undo(self) -> bool:
        return self.review.undo_label() is not None

    def can_redo(self) -> bool:
        return self.review.redo_label() is not None

    def close(self) -> None:
        self.case.close()

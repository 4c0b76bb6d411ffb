"""Navigator: what the reviewer is looking at (a document, a page, a finding) and showing it.

It keeps the selection and moves every view to it: the documents list, the page view (or the
stored text when the PDF on disk is not the one added), the findings panel and the detail pane.
Highlights are drawn only over the very file they were found in.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pymupdf
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QListView, QStackedWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import Finding, PageText
from annotator.pdf.extract import open_pdf
from annotator.ui.detail import DetailPane
from annotator.ui.dialogs import Dialogs
from annotator.ui.documents import DocumentsModel
from annotator.ui.findings_panel import FindingsPanel
from annotator.ui.integrity import FileChecks, FileState
from annotator.ui.pageview.view import PageView
from annotator.ui.session import CaseSession
from annotator.ui.status import StatusLine
from annotator.ui.stored_text import FileNotice, StoredTextView

_STATE_DELAY_MS = 400


class Navigator(QObject):
    def __init__(
        self,
        session: CaseSession,
        documents: QListView,
        documents_model: DocumentsModel,
        view: PageView,
        stored_text: StoredTextView,
        notice: FileNotice,
        pages_stack: QStackedWidget,
        panel: FindingsPanel,
        detail: DetailPane,
        checks: FileChecks,
        dialogs: Dialogs,
        status: StatusLine,
    ) -> None:
        super().__init__(view)
        self.session = session
        self.documents, self.documents_model = documents, documents_model
        self.view, self.stored_text, self.notice, self.pages_stack = (
            view,
            stored_text,
            notice,
            pages_stack,
        )
        self.panel, self.detail = panel, detail
        self.checks, self.dialogs, self.status = checks, dialogs, status
        self.current: int | None = None
        """The selected finding."""
        self.document_id: int | None = None
        self.document_path: str | None = None
        self._state_timer = QTimer(self, singleShot=True, interval=_STATE_DELAY_MS)
        self._state_timer.timeout.connect(self.save_state)
        view.findings_for = self._findings_on
        view.text_for = self._text_of
        view.page_changed.connect(self.page_changed)
        session.findings_reset.connect(self._forget_gone_finding)

    # -- documents ------------------------------------------------------------------------------

    def show_document(self, document_id: int) -> None:
        document = self.session.document(document_id)
        if document is None or document_id == self.document_id:
            return
        self.document_id, self.document_path = document_id, document.path
        self.checks.ensure(document_id)  # a small file is checked on the spot
        if not self.show_file_state():
            self.view.set_pdf(None)  # never draw highlights on a different PDF
        else:
            try:
                self.view.set_pdf(open_pdf(document.path))
            except AnnotatorError as err:
                self.view.set_pdf(None)
                self.dialogs.error(
                    "Cannot show the document",
                    f"{err}\nIts findings are still in the case; locate the PDF to see the pages.",
                )
        self._select_row(self.documents_model.row_of(document_id))
        self.page_changed(1)

    def show_pdf_path(self, path: str, pdf: pymupdf.Document | None = None) -> None:
        """Show a PDF still being ingested, straight from the file."""
        self.document_id, self.document_path = None, path
        self.show_file_state()
        self.view.set_pdf(pdf if pdf is not None else open_pdf(path))
        self._select_row(self.documents_model.row_of_path(path))
        self.page_changed(1)

    def stored(self, path: str, document_id: int) -> None:
        """The PDF shown from its path is now a document of the case: show its highlights."""
        self.checks.mark_ok(document_id)  # just read from this very file
        if self.document_path == path:
            self.document_id = document_id
            self._select_row(self.documents_model.row_of(document_id))
            self.view.viewport().update()

    def forget_path(self, path: str) -> None:
        """The PDF shown from its path could not be added: show nothing of it."""
        if self.document_path == path:
            self.document_id = self.document_path = None
            self.view.set_pdf(None)

    def _select_row(self, row: int) -> None:
        self.documents.setCurrentIndex(self.documents_model.index(row))

    def file_ok(self) -> bool:
        return (
            self.document_id is not None and self.checks.state_of(self.document_id) is FileState.OK
        )

    def show_file_state(self, page: int = 1) -> bool:
        """Notice and stored text for the shown document's file; True if its pages can show."""
        document = self.session.document(self.document_id) if self.document_id else None
        state = self.checks.state_of(document.id) if document else FileState.OK
        if document is not None:
            where = Path(document.path)
            self.notice.show_state(state, where.name, str(where.parent))
        else:
            self.notice.hide()
        bad = state in (FileState.MISSING, FileState.CHANGED)
        self.pages_stack.setCurrentWidget(self.stored_text if bad else self.view)
        if bad:
            self.show_stored_page(page)
        return not bad

    def show_stored_page(self, page: int) -> None:
        if self.document_id is None:
            return
        self.stored_text.show_page(
            self.session.page(self.document_id, page),
            page,
            self.session.page_findings(self.document_id, page),
        )

    def _findings_on(self, page: int) -> list[Finding]:
        if not self.file_ok() or self.document_id is None:
            return []
        return self.session.page_findings(self.document_id, page)

    def _text_of(self, page: int) -> PageText | None:
        return self.session.page(self.document_id, page) if self.document_id is not None else None

    # -- findings -------------------------------------------------------------------------------

    def select_finding(self, finding_id: int) -> None:
        finding = self.session.finding(finding_id)
        if finding is None:
            return
        self.current = finding_id
        if finding.document_id != self.document_id:
            self.show_document(finding.document_id)
        self.view.show_finding(finding)
        if self.pages_stack.currentWidget() is self.stored_text:
            self.show_stored_page(finding.page)
        self.panel.select(finding_id)
        self.detail.show_finding(finding)
        self._state_timer.start()

    def clear_selection(self) -> None:
        self.current = None
        self.detail.show_finding(None)

    def step(self, delta: int) -> int | None:
        """The finding `delta` places on from the current one, in the panel's order."""
        ordered = self.panel.model.ordered()
        if not ordered:
            return None
        if self.current not in ordered:
            return ordered[0] if delta > 0 else ordered[-1]
        at = ordered.index(self.current) + delta
        return ordered[at] if 0 <= at < len(ordered) else None

    def _forget_gone_finding(self) -> None:
        """Undo or redo took the current finding away: show nothing rather than a ghost."""
        if self.current is not None and self.session.finding(self.current) is None:
            self.clear_selection()

    # -- where the reviewer was -----------------------------------------------------------------

    def page_changed(self, page: int) -> None:
        total = len(self.view.pages)
        zoom = f"{round(self.view.zoom * 100)}%"
        self.status.page_label.setText(f"Page {page} of {total} · {zoom}" if total else "")
        self._state_timer.start()

    def restore_state(self) -> None:
        documents = self.session.documents()
        last_doc = self.session.get_state("last_document")
        document_id = (
            int(last_doc) if last_doc.isdigit() else (documents[0].id if documents else None)
        )
        if document_id is None or self.session.document(document_id) is None:
            return
        self.show_document(document_id)
        last_page = self.session.get_state("last_page")
        last_finding = self.session.get_state("last_finding")
        if last_finding.isdigit() and self.session.finding(int(last_finding)) is not None:
            self.select_finding(int(last_finding))
        if last_page.isdigit():
            self.view.go_to_page(int(last_page))

    def save_state(self) -> None:
        try:
            self.session.set_state("last_document", str(self.document_id or ""))
            self.session.set_state("last_page", str(self.view.page))
            self.session.set_state("last_finding", str(self.current or ""))
        except (AnnotatorError, sqlite3.Error):  # the case may be gone; state is a convenience
            self.status.message("The view's place could not be saved", 4000)

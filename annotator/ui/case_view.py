"""CaseView: everything the window shows of one open case, built whole when the case opens.

Documents and search results on the left, the page (or its stored text) in the middle, the
findings panel and the detail pane on the right; the controllers that act on them get exactly
the parts they use. Closing the case drops the whole view, so nothing of it outlives the case.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.clinic_controller import ClinicController
from annotator.ui.conflicts_view import ConflictsView
from annotator.ui.detail import DetailPane
from annotator.ui.dialogs import Dialogs
from annotator.ui.documents import DOCUMENT_ROLE, PATH_ROLE, DocumentDelegate, DocumentsModel
from annotator.ui.documents_controller import DocumentsController
from annotator.ui.findings_panel import FindingsPanel
from annotator.ui.ingest_runner import IngestRunner
from annotator.ui.integrity import FileChecks
from annotator.ui.memo_export import MemoExport
from annotator.ui.navigator import Navigator
from annotator.ui.pageview.view import PageView
from annotator.ui.review_controller import ReviewController
from annotator.ui.session import CaseSession
from annotator.ui.status import StatusLine
from annotator.ui.stored_text import FileNotice, StoredTextView
from annotator.ui.withheld_list import WithheldList


class CaseView(QSplitter):
    def __init__(
        self,
        session: CaseSession,
        dialogs: Dialogs,
        status: StatusLine,
        review_actions: list[QAction],
        workers: int | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, objectName="main_splitter")
        self.session, self.dialogs, self.status = session, dialogs, status
        self.view = PageView()
        self.view.setObjectName("page_view")
        self.documents_model = DocumentsModel(session)
        self.documents = self._documents_list()
        self.search_title = QLabel("<b>Search results</b>", objectName="pane_title", visible=False)
        self.search_results = QListWidget(objectName="search_results", visible=False)
        self.withheld = WithheldList(session)
        self.notice = FileNotice()
        self.stored_text = StoredTextView()
        self.pages_stack = QStackedWidget(objectName="pages_stack")
        self.panel = FindingsPanel(session)
        self.detail = DetailPane(session)
        self.conflicts = ConflictsView()
        self.conflicts.hide()
        self.checks = FileChecks(self)
        self.runner = IngestRunner(session, workers, self)
        self.memo = MemoExport(status, self)
        self.navigator = Navigator(
            session,
            self.documents,
            self.documents_model,
            self.view,
            self.stored_text,
            self.notice,
            self.pages_stack,
            self.panel,
            self.detail,
            self.checks,
            dialogs,
            status,
        )
        self.review = ReviewController(session, self.navigator, self.detail, status, dialogs)
        self.clinic = ClinicController(
            session, self.navigator, self.detail, self.conflicts, dialogs, status
        )
        self.files = DocumentsController(
            session,
            self.navigator,
            self.documents_model,
            self.checks,
            self.runner,
            dialogs,
            status,
        )
        self._lay_out()
        self.withheld.refresh()
        self._connect(review_actions)
        self.files.start()
        self.navigator.restore_state()

    def _documents_list(self) -> QListView:
        documents = QListView(objectName="documents_list")
        documents.setModel(self.documents_model)
        documents.setItemDelegate(DocumentDelegate(documents))
        documents.setWordWrap(True)
        documents.setSpacing(2)
        documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        documents.setResizeMode(QListView.ResizeMode.Adjust)
        return documents

    def _lay_out(self) -> None:
        left = QWidget(objectName="left_pane")
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        column.addWidget(QLabel("<b>Documents</b>", objectName="pane_title"))
        column.addWidget(self.documents, 2)
        column.addWidget(self.search_title)
        column.addWidget(self.search_results, 1)
        column.addWidget(self.withheld, 1)
        self.pages_stack.addWidget(self.view)
        self.pages_stack.addWidget(self.stored_text)
        centre = QWidget(objectName="centre")
        middle = QVBoxLayout(centre)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.setSpacing(0)
        middle.addWidget(self.notice)
        middle.addWidget(self.pages_stack, 1)
        right = QSplitter(Qt.Orientation.Vertical, objectName="right_splitter")
        right.addWidget(self.conflicts)
        right.addWidget(self.panel)
        right.addWidget(self.detail)
        right.setSizes([300, 480, 440])
        for widget in (left, centre, right):
            self.addWidget(widget)
        self.setStretchFactor(1, 1)
        self.setSizes([230, 720, 490])

    def _connect(self, review_actions: list[QAction]) -> None:
        for widget in (self.view, self.panel.tree, self.documents):
            widget.addActions(review_actions)
        navigator, session = self.navigator, self.session
        self.documents.clicked.connect(self._document_clicked)
        self.search_results.itemActivated.connect(self._search_result_activated)
        self.search_results.itemClicked.connect(self._search_result_activated)
        self.notice.locate_requested.connect(self.files.locate_document)
        self.withheld.page_requested.connect(self._go_to)
        self.view.page_changed.connect(lambda page: self.runner.want(navigator.document_id, page))
        self.runner.text_stored.connect(
            lambda _path, _id: self.runner.want(navigator.document_id, self.view.page)
        )
        self.view.finding_clicked.connect(navigator.select_finding)
        self.view.add_finding_requested.connect(self.review.add_manual_finding)
        self.panel.finding_selected.connect(navigator.select_finding)
        self.panel.model.modelReset.connect(lambda: self.panel.select(navigator.current))
        self.detail.jump_requested.connect(navigator.select_finding)
        self.detail.done_editing.connect(lambda: self.view.setFocus())
        session.finding_changed.connect(lambda _fid: self.view.viewport().update())
        session.findings_reset.connect(self.view.viewport().update)
        session.findings_added.connect(lambda _ids: self.view.viewport().update())
        session.focus_requested.connect(navigator.select_finding)
        self.memo.finished.connect(self._memo_written)
        self.review.lexicon_changed.connect(
            lambda: self.runner.reread([d.id for d in session.documents()])
        )
        self.memo.failed.connect(self._memo_failed)

    # -- the view -------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.view.zoom_in()
        self.navigator.page_changed(self.view.page)

    def zoom_out(self) -> None:
        self.view.zoom_out()
        self.navigator.page_changed(self.view.page)

    def fit_width(self) -> None:
        self.view.set_zoom(None)
        self.navigator.page_changed(self.view.page)

    def go_to_page_dialog(self) -> None:
        answer = self.dialogs.ask_text("Go to page", f"Page (1–{len(self.view.pages)}):")
        if answer and answer.isdigit():
            self.view.go_to_page(int(answer))

    def _document_clicked(self, index: QModelIndex) -> None:
        document_id = index.data(DOCUMENT_ROLE)
        if document_id is not None:
            self.navigator.show_document(int(document_id))
        elif index.data(PATH_ROLE):
            self.navigator.show_pdf_path(str(index.data(PATH_ROLE)))

    # -- search ---------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        hits = self.session.case.search(query)
        self.search_results.clear()
        for hit in hits:
            document = self.session.document(hit.document_id)
            snippet = " ".join(hit.snippet.split())
            item = QListWidgetItem(
                f"{document.title if document else '?'} · p.{hit.page}\n{snippet}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (hit.document_id, hit.page))
            self.search_results.addItem(item)
        self.search_title.setText(f"<b>Search results</b> · {len(hits)} for “{query}”")
        self.search_title.setVisible(True)
        self.search_results.setVisible(True)
        if hits:
            self.search_results.setCurrentRow(0)
            self._search_result_activated(self.search_results.item(0))
        return len(hits)

    def _search_result_activated(self, item: QListWidgetItem) -> None:
        self._go_to(*item.data(Qt.ItemDataRole.UserRole))

    def _go_to(self, document_id: int, page: int) -> None:
        self.navigator.show_document(document_id)
        self.view.go_to_page(page)

    # -- the case -------------------------------------------------------------------------------

    def edit_case_details(self) -> str | None:
        """Ask for the respondent and A-number; the new title, or None if nothing changed."""
        info = self.session.case.info()
        respondent = self.dialogs.ask_text("Case details", "Respondent's name:", info.respondent)
        if respondent is None:
            return None
        a_number = self.dialogs.ask_text("Case details", "A-number:", info.a_number) or ""
        self.session.case.set_info(respondent=respondent, a_number=a_number)
        return respondent

    def export_memo(self, approved_only: bool = False) -> None:
        if self.memo.busy:
            self.status.message("The memo is still being written", 4000)
            return
        case = self.session.case.path
        name = case.stem + (" approved memo.docx" if approved_only else " memo.docx")
        target = self.dialogs.save_memo(str(case.with_name(name)), self.session.case.encrypted)
        if not target:
            return
        self.detail.commit_note()
        self.memo.start(case, target, self.session.reviewer, approved_only, self.session.passphrase)

    def export_approved_memo(self) -> None:
        """The memo of the findings a supervisor approved."""
        self.export_memo(approved_only=True)

    def _memo_failed(self, problem: str) -> None:
        self.dialogs.error("Cannot export the memo", problem)

    def _memo_written(self, target: str, waiting: int) -> None:
        note = f"; {waiting} finding(s) not yet reviewed are listed apart" if waiting else ""
        if self.session.case.encrypted:
            note += " (an ordinary file: only the case file is encrypted)"
        self.status.message(f"Memo written to {target}{note}", 8000)

    def close_case(self) -> None:
        self.detail.commit_note()
        self.navigator.save_state()
        self.memo.shutdown()
        self.runner.shutdown()
        self.checks.shutdown()
        self.view.set_pdf(None)
        self.session.close()


def case_title(session: CaseSession) -> str:
    info = session.case.info()
    who = " — ".join(v for v in (info.respondent, info.a_number) if v)
    path = Path(session.case.path)
    return f"{who or path.stem} · {path.name}"

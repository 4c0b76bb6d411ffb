"""MainWindow: documents | page view | findings and detail, built from the action table."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.store import CaseStore
from annotator.ui.actions import build_actions, review_actions
from annotator.ui.commands import Commands
from annotator.ui.detail import DetailPane
from annotator.ui.dialogs import Dialogs
from annotator.ui.documents import DOCUMENT_ROLE, PATH_ROLE, DocumentDelegate, DocumentsModel
from annotator.ui.findings_panel import FindingsPanel
from annotator.ui.ingest_runner import IngestRunner
from annotator.ui.integrity import CHANGED, MISSING, OK, FileChecks
from annotator.ui.pageview.view import PageView
from annotator.ui.session import CaseSession
from annotator.ui.settings import Settings
from annotator.ui.stored_text import FileNotice, StoredTextView

log = logging.getLogger(__name__)
APP_TITLE = "Case-File Annotator"


class MainWindow(Commands, QMainWindow):
    def __init__(
        self,
        settings: Settings | None = None,
        dialogs: Dialogs | None = None,
        workers: int | None = None,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings.load()
        self.dialogs = dialogs or Dialogs(self)
        self.workers = workers
        self.session: CaseSession | None = None
        self.runner: IngestRunner | None = None
        self.checks: FileChecks | None = None
        self.current: int | None = None
        self.document_id: int | None = None
        self.document_path: str | None = None
        self.resize(1440, 900)
        self.view = PageView()
        self.view.setObjectName("page_view")
        self.view.hide()
        self.toolbar = QToolBar("Main", objectName="toolbar", movable=False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.actions_ = build_actions(self, self.toolbar)
        self._search_box()
        self._status_bar()
        self._state_timer = QTimer(self, singleShot=True, interval=400)
        self._state_timer.timeout.connect(self.save_state)
        self.view.finding_clicked.connect(self.select_finding)
        self.view.page_changed.connect(self._page_changed)
        self.view.add_finding_requested.connect(self.add_manual_finding)
        self.setCentralWidget(self._placeholder())
        self._enable()

    # -- building -------------------------------------------------------------------------------

    def _search_box(self) -> None:
        self.toolbar.addSeparator()
        self.search_edit = QLineEdit(
            objectName="search_box", placeholderText="Search the case (Ctrl+F)"
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaximumWidth(280)
        self.search_edit.returnPressed.connect(lambda: self.search(self.search_edit.text()))
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.search_edit)

    def _status_bar(self) -> None:
        self.page_label = QLabel(objectName="page_label")
        self.progress = QProgressBar(maximumWidth=220, visible=False)
        self.cancel_button = QPushButton("Cancel", visible=False, flat=True)
        self.cancel_button.clicked.connect(lambda: self.runner and self.runner.cancel())
        self.ocr_notice = QLabel(objectName="ocr_notice", visible=False, wordWrap=True)
        self.ocr_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = self.statusBar()
        bar.addPermanentWidget(self.ocr_notice, 1)  # a status message must not hide it
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.page_label)

    def _placeholder(self) -> QWidget:
        label = QLabel(
            "<h2>Case-File Annotator</h2><p>Open a case (Ctrl+Shift+O), start a new one "
            "(Ctrl+N), or add PDFs to a new case (Ctrl+O).</p>",
            alignment=Qt.AlignmentFlag.AlignCenter,
        )
        label.setObjectName("placeholder")
        return label

    def _build_case_ui(self, session: CaseSession) -> None:
        self.documents_model = DocumentsModel(session)
        self.documents = QListView(objectName="documents_list")
        self.documents.setModel(self.documents_model)
        self.documents.setItemDelegate(DocumentDelegate(self.documents))
        self.documents.setWordWrap(True)
        self.documents.setSpacing(2)
        self.documents.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.documents.setResizeMode(QListView.ResizeMode.Adjust)
        self.documents.clicked.connect(self._document_clicked)
        self.search_results = QListWidget(objectName="search_results", visible=False)
        self.search_results.itemActivated.connect(self._search_result_activated)
        self.search_results.itemClicked.connect(self._search_result_activated)
        left = QWidget(objectName="left_pane")
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        column.addWidget(QLabel("<b>Documents</b>", objectName="pane_title"))
        column.addWidget(self.documents, 2)
        self.search_title = QLabel("<b>Search results</b>", objectName="pane_title", visible=False)
        column.addWidget(self.search_title)
        column.addWidget(self.search_results, 1)
        self.panel = FindingsPanel(session)
        self.panel.finding_selected.connect(self.select_finding)
        self.panel.model.modelReset.connect(lambda: self.panel.select(self.current))
        self.detail = DetailPane(session)
        self.detail.jump_requested.connect(self.select_finding)
        self.detail.done_editing.connect(lambda: self.view.setFocus())
        right = QSplitter(Qt.Orientation.Vertical, objectName="right_splitter")
        right.addWidget(self.panel)
        right.addWidget(self.detail)
        right.setSizes([480, 440])
        main = QSplitter(Qt.Orientation.Horizontal, objectName="main_splitter")
        for widget in (left, self._centre(), right):
            main.addWidget(widget)
        main.setStretchFactor(1, 1)
        main.setSizes([230, 720, 490])
        self.setCentralWidget(main)
        self.view.show()
        for widget in (self.view, self.panel.tree, self.documents):
            widget.addActions(review_actions(self.actions_))
        self.view.findings_for = lambda page: (
            session.page_findings(self.document_id, page) if self._file_ok() else []
        )
        self.view.text_for = lambda page: (
            session.page(self.document_id, page) if self.document_id is not None else None
        )
        session.finding_changed.connect(lambda _fid: self.view.viewport().update())
        session.findings_reset.connect(self._forget_gone_finding)
        session.findings_reset.connect(self.view.viewport().update)
        session.findings_added.connect(lambda _ids: self.view.viewport().update())
        session.focus_requested.connect(self.select_finding)

    def _centre(self) -> QWidget:
        """The page view, or the stored text when the PDF is not the one added; a notice above."""
        self.notice = FileNotice()
        self.notice.locate_requested.connect(self.locate_document)
        self.stored_text = StoredTextView()
        self.pages_stack = QStackedWidget(objectName="pages_stack")
        self.pages_stack.addWidget(self.view)
        self.pages_stack.addWidget(self.stored_text)
        centre = QWidget(objectName="centre")
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.notice)
        column.addWidget(self.pages_stack, 1)
        return centre

    # -- the case -------------------------------------------------------------------------------

    def open_case(self, path: str | Path) -> bool:
        """Open the case file (created if absent); a locked or broken case gets a clear dialog."""
        try:
            case = CaseStore(path, lock=True)
        except AnnotatorError as err:
            self.dialogs.error("Cannot open the case", str(err))
            return False
        self.close_case()
        reviewer = self.reviewer()
        self.session = CaseSession(case, reviewer, self)
        self.runner = IngestRunner(self.session, self.workers, self)
        self.runner.progress.connect(self._ingest_progress)
        self.runner.finished.connect(self._ingest_finished)
        self.runner.failed.connect(self._ingest_failed)
        self.runner.ocr_progress.connect(self._ocr_progress)
        self.runner.ocr_finished.connect(self._ocr_finished)
        self.runner.ocr_unavailable.connect(self._ocr_unavailable)
        self.session.undo_stack.cleanChanged.connect(lambda _c: self._enable())
        self.session.undo_stack.indexChanged.connect(lambda _i: self._enable())
        self._build_case_ui(self.session)
        self.checks = FileChecks(self)
        self.checks.checked.connect(self._file_checked)
        self.documents_model.file_state = self.checks.state_of
        self.checks.check(self.session.documents())
        self.settings.add_recent(path)
        self._update_title()
        self.restore_state()
        self._enable()
        return True

    def close_case(self) -> None:
        if self.session is None:
            return
        if hasattr(self, "detail"):
            self.detail.commit_note()
        self.save_state()
        if self.runner is not None:
            self.runner.shutdown()
            self.runner = None
        if self.checks is not None:
            self.checks.shutdown()
            self.checks = None
        self.view.set_pdf(None)
        self.ocr_notice.hide()
        self.session.close()
        self.session = None
        self.current = self.document_id = self.document_path = None
        self.view.setParent(self)  # keep the view when the case's widgets go
        self.view.hide()
        self.setCentralWidget(self._placeholder())
        self._update_title()
        self._enable()

    def _update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle(APP_TITLE)
            return
        info = self.session.case.info()
        who = " — ".join(v for v in (info.respondent, info.a_number) if v)
        self.setWindowTitle(
            f"{who or self.session.case.path.stem} · {self.session.case.path.name} — {APP_TITLE}"
        )

    def _enable(self) -> None:
        has_case = self.session is not None
        for key, action in self.actions_.items():
            if key not in (
                "new_case",
                "open_case",
                "open_recent",
                "quit",
                "shortcuts",
                "reviewer",
                "add_documents",
            ):
                action.setEnabled(has_case)
        self.search_edit.setEnabled(has_case)
        if self.session is not None:
            self.actions_["undo"].setEnabled(self.session.undo_stack.canUndo())
            self.actions_["redo"].setEnabled(self.session.undo_stack.canRedo())
        self._enable_export()

    def restore_state(self) -> None:
        assert self.session is not None
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
        if self.session is None:
            return
        try:
            self.session.set_state("last_document", str(self.document_id or ""))
            self.session.set_state("last_page", str(self.view.page))
            self.session.set_state("last_finding", str(self.current or ""))
        except Exception:  # the case may be gone from under us; state is a convenience
            log.exception("cannot save the view state")

    # -- is the PDF on disk the one added? ------------------------------------------------------

    def _file_ok(self) -> bool:
        return (
            self.document_id is not None
            and self.checks is not None
            and self.checks.state_of(self.document_id) == OK
        )

    def show_file_state(self, page: int = 1) -> bool:
        """Notice and stored text for the shown document's file; True if its pages can show."""
        assert self.session is not None and self.checks is not None
        document = self.session.document(self.document_id) if self.document_id else None
        state = self.checks.state_of(document.id) if document else OK
        if document is not None:
            where = Path(document.path)
            self.notice.show_state(state, where.name, str(where.parent))
        else:
            self.notice.hide()
        bad = state in (MISSING, CHANGED)
        self.pages_stack.setCurrentWidget(self.stored_text if bad else self.view)
        if bad:
            self.show_stored_page(page)
        return not bad

    def show_stored_page(self, page: int) -> None:
        assert self.session is not None and self.document_id is not None
        self.stored_text.show_page(
            self.session.page(self.document_id, page),
            page,
            self.session.page_findings(self.document_id, page),
        )

    def _file_checked(self, document_id: int, state: str) -> None:
        assert self.session is not None
        self.documents_model.refresh()
        document = self.session.document(document_id)
        if state in (MISSING, CHANGED) and document is not None:
            self.statusBar().showMessage(
                f"{Path(document.path).name}: the PDF is {state}; its pages show the stored text",
                8000,
            )
        if document_id != self.document_id:
            return
        if state == OK and self.runner is not None:
            self.runner.start_ocr(document_id)  # scanned pages an earlier run could not read
        if state == OK and self.view.renderer.pdf is None:  # located again: show its pages
            self.document_id = None
            self.show_document(document_id)
        elif state in (MISSING, CHANGED):
            self.view.set_pdf(None)
            finding = self.session.finding(self.current) if self.current else None
            self.show_file_state(finding.page if finding else 1)
        else:
            self.show_file_state()
        self.view.viewport().update()

    def locate_document(self) -> None:
        """Ask where the shown document's PDF is now; accept it only if its hash matches."""
        if self.session is None or self.checks is None or self.document_id is None:
            return
        document = self.session.document(self.document_id)
        if document is None:
            return
        path = self.dialogs.locate_pdf(document.title, Path(document.path).name)
        if not path:
            return
        if not self.checks.matches(document.id, path):
            self.dialogs.error(
                "Not the same file",
                f"{path}: is not the file added as “{document.title}” (its SHA-256 fingerprint "
                "differs), so its pages would not match the findings. Nothing was changed.",
            )
            return
        self.session.case.update_document(document.id, path=str(Path(path).resolve()))
        self.session.refresh_document(document.id)
        self.checks.mark_ok(document.id, force=True)
        self.statusBar().showMessage(f"Found “{document.title}” at {path}", 6000)

    def _forget_gone_finding(self) -> None:
        """Undo or redo took the current finding away: show nothing rather than a ghost."""
        gone = self.current is not None and self.session is not None
        if gone and self.session.finding(self.current) is None:  # type: ignore[union-attr, arg-type]
            self.current = None
            self.detail.show_finding(None)

    def _page_changed(self, page: int) -> None:
        total = len(self.view.pages)
        zoom = f"{round(self.view.zoom * 100)}%"
        self.page_label.setText(f"Page {page} of {total} · {zoom}" if total else "")
        self._state_timer.start()

    def _document_clicked(self, index: QModelIndex) -> None:
        document_id = index.data(DOCUMENT_ROLE)
        if document_id is not None:
            self.show_document(int(document_id))
        elif index.data(PATH_ROLE):
            self.show_pdf_path(str(index.data(PATH_ROLE)))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_case()
        super().closeEvent(event)

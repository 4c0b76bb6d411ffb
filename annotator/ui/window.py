"""MainWindow: the shell — menus, toolbar and shortcuts from the action table, the status line,
and the open case's view (case_view.py), built when a case opens and dropped when it closes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.store import CaseStore
from annotator.ui.actions import ACTIONS, build_actions, review_actions, shortcuts_html
from annotator.ui.case_view import CaseView, case_title
from annotator.ui.dialogs import Dialogs
from annotator.ui.session import CaseSession
from annotator.ui.settings import Settings, default_case_dir, unique_case_path
from annotator.ui.status import StatusLine

APP_TITLE = "Case-File Annotator"


class MainWindow(QMainWindow):
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
        self.case: CaseView | None = None
        """The open case's view; None while no case is open."""
        self.resize(1440, 900)
        self.toolbar = QToolBar("Main", objectName="toolbar", movable=False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.actions_ = build_actions(self, self.toolbar)
        self.search_edit = self._search_box()
        self.status = StatusLine(self.statusBar())
        self.setCentralWidget(_placeholder())
        self._enable()

    @property
    def session(self) -> CaseSession | None:
        return self.case.session if self.case is not None else None

    def _search_box(self) -> QLineEdit:
        self.toolbar.addSeparator()
        edit = QLineEdit(objectName="search_box", placeholderText="Search the case (Ctrl+F)")
        edit.setClearButtonEnabled(True)
        edit.setMaximumWidth(280)
        edit.returnPressed.connect(lambda: self.case and self.case.search(edit.text()))
        spacer = QWidget()
        spacer.setSizePolicy(
            spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Preferred
        )
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(edit)
        return edit

    # -- the case -------------------------------------------------------------------------------

    def open_case(self, path: str | Path) -> bool:
        """Open the case file (created if absent); a locked or broken case gets a clear dialog."""
        try:
            store = CaseStore(path, lock=True)
        except AnnotatorError as err:
            self.dialogs.error("Cannot open the case", str(err))
            return False
        self.close_case()
        session = CaseSession(store, self.reviewer(), self)
        self.case = CaseView(
            session, self.dialogs, self.status, review_actions(self.actions_), self.workers
        )
        session.history_changed.connect(self._enable)
        self.setCentralWidget(self.case)
        self.settings.add_recent(path)
        self._update_title()
        self._enable()
        return True

    def close_case(self) -> None:
        if self.case is None:
            return
        self.case.close_case()
        self.case = None
        self.status.hide_progress()
        self.status.notice("")
        self.status.page_label.setText("")
        self.setCentralWidget(_placeholder())  # the case's view goes with it
        self._update_title()
        self._enable()

    def new_case(self) -> None:
        target = self.dialogs.save_case(str(unique_case_path(default_case_dir(), "New case")))
        if target:
            Path(target).unlink(missing_ok=True)
            if self.open_case(target):
                self.edit_case_details()

    def open_case_dialog(self) -> None:
        path = self.dialogs.open_case()
        if path:
            self.open_case(path)

    def fill_recent_menu(self, menu: QMenu) -> None:
        """The recent cases, newest first; one no longer on disk is shown greyed out."""
        menu.clear()
        for n, path in enumerate(self.settings.recent, 1):
            where = Path(path)
            action = menu.addAction(f"&{n % 10}  {where.stem}  —  {where.parent}")
            action.setData(path)
            action.setToolTip(path)
            action.setEnabled(where.is_file())
            action.triggered.connect(lambda _=False, p=path: self.open_recent(p))
        if not self.settings.recent:
            menu.addAction("No recent cases").setEnabled(False)
            return
        menu.addSeparator()
        menu.addAction("Clear the list", self.clear_recent)

    def open_recent(self, path: str) -> None:
        if not Path(path).is_file():
            self.dialogs.error("Cannot open the case", f"{path}: is no longer there")
            self.settings.recent = [p for p in self.settings.recent if p != path]
            self.settings.save()
            return
        if self.session is None or self.session.case.path.resolve() != Path(path).resolve():
            self.open_case(path)

    def clear_recent(self) -> None:
        self.settings.recent = []
        self.settings.save()

    def edit_case_details(self) -> None:
        if self.case is not None and self.case.edit_case_details() is not None:
            self._update_title()

    def add_documents_dialog(self) -> None:
        paths = self.dialogs.open_pdfs()
        if paths:
            self.add_documents(paths)

    def add_documents(self, paths: list[str]) -> None:
        """Add PDFs to the open case; with none open, to a new case named after them."""
        if self.case is None:
            stem = Path(paths[0]).stem if len(paths) == 1 else "New case"
            target = self.dialogs.save_case(str(unique_case_path(default_case_dir(), stem)))
            if not target or not self.open_case(target):
                return
        assert self.case is not None
        self.case.files.add_documents(paths)

    # -- the reviewer, search and help ----------------------------------------------------------

    def reviewer(self) -> str:
        if not self.settings.reviewer:
            name = self.dialogs.ask_text(
                "Your name", "Your name, recorded with every change you make:"
            )
            if name:
                self.settings.reviewer = name
                self.settings.save()
        return self.settings.reviewer

    def change_reviewer(self) -> None:
        name = self.dialogs.ask_text(
            "Your name", "Your name, recorded with every change:", self.settings.reviewer
        )
        if name:
            self.settings.reviewer = name
            self.settings.save()
            if self.session is not None:
                self.session.reviewer = name

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def show_shortcuts(self) -> None:
        dialog = QDialog(self, objectName="shortcuts_sheet")
        dialog.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(shortcuts_html(), textFormat=Qt.TextFormat.RichText))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- the window -----------------------------------------------------------------------------

    def _update_title(self) -> None:
        session = self.session
        self.setWindowTitle(f"{case_title(session)} — {APP_TITLE}" if session else APP_TITLE)

    def _enable(self) -> None:
        session = self.session
        for spec in ACTIONS:
            self.actions_[spec.id].setEnabled(session is not None or not spec.needs_case)
        self.search_edit.setEnabled(session is not None)
        if session is not None:
            self.actions_["undo"].setEnabled(session.can_undo())
            self.actions_["redo"].setEnabled(session.can_redo())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_case()
        super().closeEvent(event)


def _placeholder() -> QWidget:
    label = QLabel(
        "<h2>Case-File Annotator</h2><p>Open a case (Ctrl+Shift+O), start a new one "
        "(Ctrl+N), or add PDFs to a new case (Ctrl+O).</p>",
        alignment=Qt.AlignmentFlag.AlignCenter,
    )
    label.setObjectName("placeholder")
    return label

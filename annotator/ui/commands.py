"""What the actions do: walking and tagging findings, documents, search, zoom, export."""

from __future__ import annotations

import functools
import importlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QListWidgetItem, QMenu, QVBoxLayout

from annotator.core.errors import AnnotatorError
from annotator.core.model import Category, Source, Status
from annotator.pdf.extract import document_title, open_pdf
from annotator.ui.actions import shortcuts_html
from annotator.ui.settings import default_case_dir, unique_case_path

if TYPE_CHECKING:
    from annotator.ui.window import MainWindow

    _Base = MainWindow
else:
    _Base = object

log = logging.getLogger(__name__)


class Commands(_Base):
    """Mixed into MainWindow; each public method is named by the action table."""

    # -- reviewer -------------------------------------------------------------------------------

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

    # -- documents ------------------------------------------------------------------------------

    def show_document(self, document_id: int) -> None:
        assert self.session is not None
        document = self.session.document(document_id)
        if document is None or document_id == self.document_id:
            return
        self.document_id, self.document_path = document_id, document.path
        assert self.checks is not None
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
        self.documents.setCurrentIndex(
            self.documents_model.index(self.documents_model.row_of(document_id))
        )
        self._page_changed(1)

    def show_pdf_path(self, path: str, pdf: Any = None) -> None:
        """Show a PDF still being ingested, straight from the file."""
        self.document_id, self.document_path = None, path
        self.show_file_state()
        self.view.set_pdf(pdf if pdf is not None else open_pdf(path))
        self.documents.setCurrentIndex(
            self.documents_model.index(self.documents_model.row_of_path(path))
        )
        self._page_changed(1)

    def add_documents_dialog(self) -> None:
        paths = self.dialogs.open_pdfs()
        if paths:
            self.add_documents(paths)

    def add_documents(self, paths: list[str]) -> None:
        """Check each PDF now (a bad one gets a dialog), show the first, ingest the rest behind."""
        if self.session is None and not self._new_case_for(paths):
            return
        assert self.runner is not None
        problems, shown = [], False
        for path in paths:
            try:
                pdf = open_pdf(path)
            except AnnotatorError as err:
                problems.append(str(err))
                continue
            resolved = str(Path(path).resolve())
            title, pages = document_title(pdf, path), pdf.page_count
            self.documents_model.set_pending(resolved, title, pages)
            if not shown:
                self.show_pdf_path(resolved, pdf)
                shown = True
            else:
                pdf.close()
            self.runner.add(resolved, title, pages)
        if shown:
            self.progress.setVisible(True)
            self.cancel_button.setVisible(True)
        if problems:
            self.dialogs.error(
                "Some files could not be added",
                "\n".join(problems) + "\n\nThe rest of the case is unaffected.",
            )

    def _new_case_for(self, paths: list[str]) -> bool:
        stem = Path(paths[0]).stem if len(paths) == 1 else "New case"
        target = self.dialogs.save_case(str(unique_case_path(default_case_dir(), stem)))
        return bool(target) and self.open_case(str(target))

    def _ingest_progress(self, path: str, done: int, total: int) -> None:
        self.documents_model.set_pending(
            path, *self.documents_model.pending[path][:2], done
        ) if path in self.documents_model.pending else None
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"{Path(path).name[:24]}: %p%")

    def _ingest_finished(self, path: str, document_id: int, duplicate: bool) -> None:
        self.documents_model.drop_pending(path)
        if self.checks is not None:
            self.checks.mark_ok(document_id)  # just read from this very file
        if self.document_path == path:
            self.document_id = document_id
            self.documents.setCurrentIndex(
                self.documents_model.index(self.documents_model.row_of(document_id))
            )
            self.view.viewport().update()
        if duplicate:
            self.statusBar().showMessage(f"{Path(path).name} is already in the case", 5000)
        self._ingest_idle()

    def _ingest_failed(self, path: str, problem: str) -> None:
        self.documents_model.drop_pending(path)
        if self.document_path == path:
            self.document_id = self.document_path = None
            self.view.set_pdf(None)
        if problem != "cancelled":
            self.dialogs.error(
                "A document could not be added",
                f"{path}: {problem}\n\nThe rest of the case is unaffected.",
            )
        self._ingest_idle()

    def _ocr_progress(self, document_id: int, done: int, total: int) -> None:
        self.documents_model.set_ocr(document_id, (done, total))
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)
        self.progress.setFormat(f"OCR page {done} of {total}")

    def _ocr_finished(self, document_id: int, read: int, cancelled: bool) -> None:
        self.documents_model.set_ocr(document_id, None)
        document = self.session.document(document_id) if self.session is not None else None
        if document is not None:
            left = document.pages_needing_ocr
            how = "OCR cancelled" if cancelled else "OCR done"
            rest = f"; {left} pages not searched" if left else ""
            self.statusBar().showMessage(f"{document.title}: {how}, {read} pages read{rest}", 8000)
        if document_id == self.document_id:
            self.view.viewport().update()
        self._ingest_idle()

    def _ocr_unavailable(self, message: str) -> None:
        """Once, without a modal dialog: scanned pages stay marked "not searched" in the list."""
        text = message[:1].upper() + message[1:]
        self.ocr_notice.setText(f"⚠ Scanned pages are not searched: {text}")
        self.ocr_notice.setToolTip(message)
        self.ocr_notice.setVisible(True)

    def _ingest_idle(self) -> None:
        if self.runner is None or not self.runner.busy:
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)

    # -- findings -------------------------------------------------------------------------------

    def select_finding(self, finding_id: int) -> None:
        if self.session is None or (finding := self.session.finding(finding_id)) is None:
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

    def _step(self, delta: int) -> int | None:
        ordered = self.panel.model.ordered()
        if not ordered:
            return None
        if self.current not in ordered:
            return ordered[0] if delta > 0 else ordered[-1]
        at = ordered.index(self.current) + delta
        return ordered[at] if 0 <= at < len(ordered) else None

    def next_finding(self) -> None:
        target = self._step(1)
        if target is None:
            self.statusBar().showMessage("That was the last finding", 3000)
        else:
            self.select_finding(target)

    def previous_finding(self) -> None:
        target = self._step(-1)
        if target is not None:
            self.select_finding(target)

    def tag(self, status: Status) -> None:
        if self.session is None or self.current is None:
            return
        following = self._step(1)
        self.detail.commit_note()
        self.session.set_status(self.current, status)
        if following is not None:
            self.select_finding(following)
        else:
            self.select_finding(self.current)

    def tag_unverified(self) -> None:
        self.tag(Status.UNVERIFIED)

    def tag_rebutted(self) -> None:
        self.tag(Status.REBUTTED)

    def tag_dismissed(self) -> None:
        self.tag(Status.DISMISSED)

    def tag_untagged(self) -> None:
        self.tag(Status.UNTAGGED)

    def edit_note(self) -> None:
        if self.current is not None:
            self.detail.edit_note()

    def undo(self) -> None:
        if self.session is not None:
            self.detail.commit_note()
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def add_manual_finding(
        self, page: int, category: str, start: int, end: int, rects: list[Any]
    ) -> None:
        if self.session is None or self.document_id is None:
            return
        finding = self.session.add_manual_finding(
            self.document_id, page, Category(category), start, end, rects
        )
        self.select_finding(finding.id)

    def delete_manual(self) -> None:
        if self.session is None or self.current is None:
            return
        finding = self.session.finding(self.current)
        if finding is None or finding.source is not Source.MANUAL:
            self.statusBar().showMessage(
                "Only findings added by hand can be deleted; dismiss this one (D)", 4000
            )
            return
        following = self._step(1) or self._step(-1)
        self.session.delete_manual_finding(finding.id)
        self.current = None
        self.detail.show_finding(None)
        if following is not None:
            self.select_finding(following)

    # -- search, view, help ---------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def search(self, query: str) -> int:
        if self.session is None:
            return 0
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
        document_id, page = item.data(Qt.ItemDataRole.UserRole)
        self.show_document(document_id)
        self.view.go_to_page(page)

    def zoom_in(self) -> None:
        self.view.zoom_in()
        self._page_changed(self.view.page)

    def zoom_out(self) -> None:
        self.view.zoom_out()
        self._page_changed(self.view.page)

    def fit_width(self) -> None:
        self.view.set_zoom(None)
        self._page_changed(self.view.page)

    def go_to_page_dialog(self) -> None:
        answer = self.dialogs.ask_text("Go to page", f"Page (1–{len(self.view.pages)}):")
        if answer and answer.isdigit():
            self.view.go_to_page(int(answer))

    def show_shortcuts(self) -> None:
        dialog = QDialog(self, objectName="shortcuts_sheet")
        dialog.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(shortcuts_html(), textFormat=Qt.TextFormat.RichText))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    # -- case files -----------------------------------------------------------------------------

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
        if self.session is None:
            return
        info = self.session.case.info()
        respondent = self.dialogs.ask_text("Case details", "Respondent's name:", info.respondent)
        if respondent is None:
            return
        a_number = self.dialogs.ask_text("Case details", "A-number:", info.a_number) or ""
        self.session.case.set_info(respondent=respondent, a_number=a_number)
        self._update_title()

    def export_memo(self) -> None:
        export = _export_function()
        if self.session is None or export is None:
            return
        suggested = str(
            self.session.case.path.with_name(self.session.case.path.stem + " memo.docx")
        )
        target = self.dialogs.save_memo(suggested)
        if not target:
            return
        self.detail.commit_note()
        try:
            export(self.session.case, target, reviewer=self.session.reviewer, force=True)
        except AnnotatorError as err:
            self.dialogs.error("Cannot export the memo", str(err))
            return
        self.statusBar().showMessage(f"Memo written to {target}", 6000)

    def _enable_export(self) -> None:
        action = self.actions_["export_memo"]
        if _export_function() is None:
            action.setEnabled(False)
            action.setToolTip("Memo export is not available in this build")


@functools.cache
def _export_function() -> Any:
    try:
        return getattr(importlib.import_module("annotator.export"), "export_memo", None)
    except ImportError:
        log.warning("annotator.export cannot be imported", exc_info=True)
        return None

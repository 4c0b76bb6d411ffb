"""DocumentsController: adding PDFs and following their ingest, scanned pages read by OCR, and a
document's PDF that moved or changed on disk."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject

from annotator.core.errors import AnnotatorError
from annotator.pdf.extract import document_title, open_pdf
from annotator.ui.dialogs import Dialogs
from annotator.ui.documents import DocumentsModel
from annotator.ui.ingest_runner import IngestRunner
from annotator.ui.integrity import FileChecks, FileState
from annotator.ui.navigator import Navigator
from annotator.ui.session import CaseSession
from annotator.ui.status import StatusLine


class DocumentsController(QObject):
    def __init__(
        self,
        session: CaseSession,
        navigator: Navigator,
        model: DocumentsModel,
        checks: FileChecks,
        runner: IngestRunner,
        dialogs: Dialogs,
        status: StatusLine,
    ) -> None:
        super().__init__(navigator)
        self.session, self.navigator, self.model = session, navigator, model
        self.checks, self.runner, self.dialogs, self.status = checks, runner, dialogs, status
        runner.progress.connect(self._reading)
        runner.text_stored.connect(self._text_stored)
        runner.finished.connect(self._stored)
        runner.failed.connect(self._failed)
        runner.ocr_progress.connect(self._ocr_progress)
        runner.ocr_unavailable.connect(self._ocr_unavailable)
        runner.idle.connect(self._idle)
        checks.checked.connect(self._file_checked)
        model.file_state = checks.state_of

    def start(self) -> None:
        """Check every document's file, and finish what an interrupted ingest left."""
        self.checks.check(self.session.documents())
        self.runner.finish([d.id for d in self.session.documents() if not d.detection_complete])

    # -- adding ---------------------------------------------------------------------------------

    def add_documents(self, paths: list[str]) -> None:
        """Check each PDF now (a bad one gets a dialog), show the first, ingest them behind."""
        problems, shown, good = [], False, []
        for path in paths:
            try:
                pdf = open_pdf(path)
            except AnnotatorError as err:
                problems.append(str(err))
                continue
            resolved = str(Path(path).resolve())
            self.model.set_pending(resolved, document_title(pdf, path), pdf.page_count)
            if not shown:
                self.navigator.show_pdf_path(resolved, pdf)
                shown = True
            else:
                pdf.close()
            good.append(resolved)
        if good:
            self.runner.add(good)
            self.status.show_progress("Reading…", 0, 0, self.cancel)
        if problems:
            self.dialogs.error(
                "Some files could not be added",
                "\n".join(problems) + "\n\nThe rest of the case is unaffected.",
            )

    def cancel(self) -> None:
        """Stop the ingest; what it stored stays, and the case's next opening finishes it."""
        self.runner.cancel()
        for path in list(self.model.pending):
            self.model.drop_pending(path)
            self.navigator.forget_path(path)
        self.status.hide_progress()
        self.status.message("Stopped; what was read is kept, and reopening the case finishes it")

    def _reading(self, path: str, done: int, total: int) -> None:
        if path in self.model.pending:
            title, pages, *_ = self.model.pending[path]
            self.model.set_pending(path, title, pages, done)
        self.status.show_progress(f"{Path(path).name[:24]}: %p%", done, total, self.cancel)

    def _text_stored(self, path: str, document_id: int) -> None:
        self.model.drop_pending(path)
        self.navigator.stored(path, document_id)

    def _stored(self, path: str, document_id: int, duplicate: bool) -> None:
        added_now = path in self.model.pending
        self.model.drop_pending(path)
        self.model.set_ocr(document_id, None)
        self.navigator.stored(path, document_id)
        if duplicate and added_now:
            self.status.message(f"{Path(path).name} is already in the case", 5000)

    def _failed(self, path: str, problem: str) -> None:
        self.model.drop_pending(path)
        self.navigator.forget_path(path)
        if problem != "cancelled":
            self.dialogs.error(
                "A document could not be added",
                f"{path}: {problem}\n\nThe rest of the case is unaffected.",
            )

    def _idle(self) -> None:
        self.status.hide_progress()
        for path in list(self.model.pending):  # a cancelled request's files never started
            self.model.drop_pending(path)
        for document_id in list(self.model.ocr):  # OCR stopped (cancelled): no more progress
            self.model.set_ocr(document_id, None)

    # -- scanned pages --------------------------------------------------------------------------

    def _ocr_progress(self, document_id: int, done: int, total: int) -> None:
        self.model.set_ocr(document_id, (done, total))
        self.status.show_progress(f"OCR page {done} of {total}", done, total, self.cancel)
        if document_id == self.navigator.document_id:
            self.navigator.view.viewport().update()

    def _ocr_unavailable(self, message: str) -> None:
        """Once, without a modal dialog: scanned pages stay marked "not searched" in the list."""
        text = message[:1].upper() + message[1:]
        self.status.notice(f"⚠ Scanned pages are not searched: {text}", message)

    # -- the PDF on disk ------------------------------------------------------------------------

    def _file_checked(self, document_id: int, state: str) -> None:
        self.model.refresh()
        document = self.session.document(document_id)
        if state in (FileState.MISSING, FileState.CHANGED) and document is not None:
            self.status.message(
                f"{Path(document.path).name}: the PDF is {state}; its pages show the stored text",
                8000,
            )
        if state == FileState.OK and document is not None and document.pages_needing_ocr:
            self.runner.finish([document_id])  # scanned pages an earlier run could not read
        if document_id != self.navigator.document_id:
            return
        view = self.navigator.view
        if state == FileState.OK and view.renderer.pdf is None:  # located again: show its pages
            self.navigator.document_id = None
            self.navigator.show_document(document_id)
        elif state in (FileState.MISSING, FileState.CHANGED):
            view.set_pdf(None)
            current = self.navigator.current
            finding = self.session.finding(current) if current is not None else None
            self.navigator.show_file_state(finding.page if finding else 1)
        else:
            self.navigator.show_file_state()
        view.viewport().update()

    def locate_document(self) -> None:
        """Ask where the shown document's PDF is now; accept it only if its hash matches."""
        document_id = self.navigator.document_id
        document = self.session.document(document_id) if document_id is not None else None
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
        self.status.message(f"Found “{document.title}” at {path}", 6000)

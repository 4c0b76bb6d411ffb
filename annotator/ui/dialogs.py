"""Every modal question the window asks, in one replaceable object (tests pass a fake)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from annotator.review.alike import Candidate
from annotator.ui.alike_dialog import AlikeDialog
from annotator.ui.passphrase import PassphraseDialog

PACKAGES = "Review packages (*.cfr)"
KEYS = "Course keys (*.cfk)"


class Dialogs:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def error(self, title: str, message: str) -> None:
        QMessageBox.warning(self.parent, title, message)

    def info(self, title: str, message: str) -> None:
        QMessageBox.information(self.parent, title, message)

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self.parent, title, label, text=text)
        return value.strip() if ok else None

    def open_pdfs(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(
            self.parent, "Add documents", "", "PDF files (*.pdf)"
        )
        return list(files)

    def locate_pdf(self, title: str, name: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, f"Where is “{name}” ({title}) now?", "", "PDF files (*.pdf)"
        )
        return path or None

    def open_case(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent, "Open case", "", "Case files (*.case);;All files (*)"
        )
        return path or None

    def save_case(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, "New case", suggested, "Case files (*.case)"
        )
        if path and not path.endswith(".case"):
            path += ".case"
        return path or None

    def save_memo(self, suggested: str, encrypted_case: bool = False) -> str | None:
        """Where to write the memo; for an encrypted case the title says the memo is not."""
        title = "Export rebuttal memo"
        if encrypted_case:
            title += " (written as an ordinary file, for the court: it is not encrypted)"
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            title,
            suggested,
            "Word document (*.docx);;Markdown (*.md);;PDF (*.pdf)",
        )
        return path or None

    def ask_passphrase(self, name: str) -> str | None:
        """The passphrase of an encrypted case (None: cancelled)."""
        dialog = PassphraseDialog(name, new=False, parent=self.parent)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def new_passphrase(self, name: str) -> str | None:
        """A new case's passphrase, "" to leave it unencrypted (None: cancelled)."""
        dialog = PassphraseDialog(name, new=True, parent=self.parent)
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose_alike(
        self, phrase: str, candidates: list[Candidate], titles: dict[int, str]
    ) -> list[Candidate] | None:
        """Which of the places a phrase recurs to add as findings (None: cancelled)."""
        dialog = AlikeDialog(phrase, candidates, titles, self.parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose(self, title: str, label: str, items: list[str], current: int = 0) -> str | None:
        value, ok = QInputDialog.getItem(self.parent, title, label, items, current, False)
        return value if ok else None

    def open_packages(self) -> list[str]:
        files, _ = QFileDialog.getOpenFileNames(self.parent, "Merge reviews", "", PACKAGES)
        return list(files)

    def save_package(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent, "Export my review package", suggested, PACKAGES
        )
        if path and not path.endswith(".cfr"):
            path += ".cfr"
        return path or None

    def open_key(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, "Compare with a course key", "", KEYS)
        return path or None

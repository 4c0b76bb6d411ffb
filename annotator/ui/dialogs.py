"""Every modal question the window asks, in one replaceable object (tests pass a fake)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

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

    def save_memo(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self.parent,
            "Export rebuttal memo",
            suggested,
            "Word document (*.docx);;Markdown (*.md);;PDF (*.pdf)",
        )
        return path or None

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

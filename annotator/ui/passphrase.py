"""The passphrase dialogs: one to open an encrypted case, one to protect a new case (on by
default: a lost laptop must not give away a client's file)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

MIN_LENGTH = 8


class PassphraseDialog(QDialog):
    """Ask for a passphrase; with `new`, whether to encrypt at all, and the passphrase twice."""

    def __init__(self, name: str, new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="passphrase_dialog")
        self.new = new
        self.setWindowTitle("Protect the new case" if new else "Encrypted case")
        self.encrypt = QCheckBox("Encrypt the case file (recommended)", checked=True)
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase")
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="repeat")
        self.problem = QLabel(objectName="passphrase_problem", wordWrap=True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if new:
            layout.addWidget(
                QLabel(
                    f"“{name}” will hold the client's documents, notes and strategy. Encrypted, "
                    "it cannot be read without the passphrase: keep the passphrase safe, it "
                    "cannot be recovered. Exported memos and exhibits are ordinary files.",
                    wordWrap=True,
                )
            )
            layout.addWidget(self.encrypt)
            self.encrypt.toggled.connect(self._toggled)
        else:
            layout.addWidget(QLabel(f"“{name}” is encrypted. Its passphrase:", wordWrap=True))
        form = QFormLayout()
        form.addRow("Passphrase", self.first)
        if new:
            form.addRow("Again", self.second)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def passphrase(self) -> str | None:
        """The passphrase; "" for a new case left unencrypted."""
        if self.new and not self.encrypt.isChecked():
            return ""
        return self.first.text()

    def _toggled(self, on: bool) -> None:
        self.first.setEnabled(on)
        self.second.setEnabled(on)

    def _accept(self) -> None:
        problem = self._problem()
        self.problem.setText(problem)
        if not problem:
            self.accept()

    def _problem(self) -> str:
        if self.new and not self.encrypt.isChecked():
            return ""
        text = self.first.text()
        if not text:
            return "Type the passphrase."
        if self.new and len(text) < MIN_LENGTH:
            return f"Use at least {MIN_LENGTH} characters; a sentence is easiest to remember."
        if self.new and text != self.second.text():
            return "The two passphrases differ."
        return ""

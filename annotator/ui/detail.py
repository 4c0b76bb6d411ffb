"""The detail pane: the selected finding's sentence, hedge cue, status, note, exhibit, "also in"."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Category, Finding, Status
from annotator.ui.session import CaseSession
from annotator.ui.theme import CATEGORY_COLOURS

_NOTE_DEBOUNCE_MS = 700


class DetailPane(QWidget):
    jump_requested = Signal(int)
    """A finding in "also in" was clicked."""
    done_editing = Signal()

    def __init__(self, session: CaseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.finding: Finding | None = None
        self.heading = QLabel(objectName="detail_heading", wordWrap=True)
        self.sentence = QLabel(objectName="detail_sentence", wordWrap=True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hedge = QLabel(objectName="detail_hedge", wordWrap=True)
        self.status_buttons = QButtonGroup(self)
        self.note = QPlainTextEdit(objectName="note_editor")
        self.note.setPlaceholderText(
            "Note or rebuttal — why this is unreliable, what contradicts it…"
        )
        self.note.installEventFilter(self)
        self.exhibit = QLineEdit(objectName="exhibit_field")
        self.exhibit.setPlaceholderText(
            "Exhibit that rebuts it, e.g. Ex. 12 (school attendance record)"
        )
        self.also_in = QLabel(objectName="detail_also_in", wordWrap=True)
        self.also_in.linkActivated.connect(lambda link: self.jump_requested.emit(int(link)))
        self._note_timer = QTimer(self, singleShot=True, interval=_NOTE_DEBOUNCE_MS)
        self._note_timer.timeout.connect(self.commit_note)
        self._build()
        self.note.textChanged.connect(self._note_timer.start)
        self.exhibit.editingFinished.connect(self._commit_exhibit)
        session.finding_changed.connect(self._changed)
        self.show_finding(None)

    def _build(self) -> None:
        buttons = QHBoxLayout()
        for status in (Status.UNVERIFIED, Status.REBUTTED, Status.DISMISSED, Status.UNTAGGED):
            button = QPushButton(
                f"{status.label}  {_key_hint(status)}",
                objectName=f"status_{status.value}",
                checkable=True,
            )
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=status: self._set_status(s))
            self.status_buttons.addButton(button)
            buttons.addWidget(button)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Exhibit", self.exhibit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.sentence)
        layout.addWidget(self.hedge)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("Note / rebuttal", objectName="detail_caption"))
        layout.addWidget(self.note, 1)
        layout.addLayout(form)
        layout.addWidget(self.also_in)

    def show_finding(self, finding: Finding | None) -> None:
        if self.finding is not None and (finding is None or finding.id != self.finding.id):
            self.commit_note()
            self._commit_exhibit()
        self.finding = finding
        self.setEnabled(finding is not None)
        if finding is None:
            self.heading.setText("<i>No finding selected</i>")
            for widget in (self.sentence, self.hedge, self.also_in):
                widget.setText("")
            self._set_editors("", "")
            return
        document = self.session.document(finding.document_id)
        colour = CATEGORY_COLOURS[finding.category].name()
        manual = " · added by hand" if finding.subtype == "manual" else ""
        stale = " · <b>no longer detected</b>" if not finding.detected else ""
        self.heading.setText(
            f"<span style='color:{colour}'>■</span> <b>{finding.category.short}</b>"
            f" · {html.escape(document.title if document else '')} · page {finding.page}"
            f"{manual}{stale}{_role_and_source(finding)}"
        )
        self.sentence.setText(_sentence_html(finding))
        self.hedge.setText(
            f"Hedged: “{html.escape(finding.hedge_cue)}”"
            if finding.hedged and finding.hedge_cue
            else ("Hedged" if finding.hedged else "")
        )
        self.hedge.setVisible(finding.hedged)
        self._set_editors(finding.note, finding.exhibit)
        self._show_status(finding.status)
        self._show_also_in(finding)

    def _set_editors(self, note: str, exhibit: str) -> None:
        if self.note.toPlainText() != note:
            self.note.blockSignals(True)
            cursor_at = self.note.textCursor().position()
            self.note.setPlainText(note)
            cursor = self.note.textCursor()
            cursor.setPosition(min(cursor_at, len(note)))
            self.note.setTextCursor(cursor)
            self.note.blockSignals(False)
        if self.exhibit.text() != exhibit:
            self.exhibit.setText(exhibit)

    def _show_status(self, status: Status) -> None:
        for button in self.status_buttons.buttons():
            button.setChecked(button.objectName() == f"status_{status.value}")

    def _show_also_in(self, finding: Finding) -> None:
        others = self.session.also_in(finding)
        if not others:
            self.also_in.setText("")
            return
        links = []
        for f in others[:4]:
            document = self.session.document(f.document_id)
            name = document.title if document else "?"
            title = html.escape(name if len(name) <= 40 else name[:39].rstrip() + "…")
            links.append(f"<a href='{f.id}'>{title}, p. {f.page}</a>")
        more = f" and {len(others) - 4} more" if len(others) > 4 else ""
        self.also_in.setText("<b>Also in:</b> " + "; ".join(links) + more)

    def _changed(self, finding_id: int) -> None:
        if self.finding is not None and finding_id == self.finding.id:
            self.show_finding(self.session.finding(finding_id))

    def _set_status(self, status: Status) -> None:
        if self.finding is not None:
            self.session.set_status(self.finding.id, status)

    def commit_note(self) -> None:
        self._note_timer.stop()
        if self.finding is not None and self.note.toPlainText() != self.finding.note:
            self.session.set_note(self.finding.id, self.note.toPlainText())

    def _commit_exhibit(self) -> None:
        if self.finding is not None and self.exhibit.text().strip() != self.finding.exhibit:
            self.session.set_exhibit(self.finding.id, self.exhibit.text().strip())

    def edit_note(self) -> None:
        self.note.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.note.moveCursor(self.note.textCursor().MoveOperation.End)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the note: Escape or Ctrl+Enter commits it and hands the keyboard back."""
        if watched is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            ctrl_enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and bool(
                mods & Qt.KeyboardModifier.ControlModifier
            )
            if key == Qt.Key.Key_Escape or ctrl_enter:
                self.commit_note()
                self.done_editing.emit()
                return True
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        return super().eventFilter(watched, event)


def _role_and_source(finding: Finding) -> str:
    """Who a gang reference is about (G changes it) and who asserted the finding."""
    parts = []
    if finding.category is Category.GANG_LABEL:
        role = finding.role
        label = role.label if role else "Role not decided"
        colour = role.colour if role else "#6b7280"
        mine = " (yours)" if finding.role_set_by_reviewer else ""
        parts.append(f"<span style='color:{colour}'><b>{html.escape(label)}</b></span>{mine} · G")
    asserted = " · ".join(x for x in (finding.agency, finding.attributed_to) if x)
    if asserted:
        hearsay = ", relayed" if finding.relayed else ""
        parts.append(f"asserted by {html.escape(asserted)}{hearsay}")
    return "<br>" + " — ".join(parts) if parts else ""


def _key_hint(status: Status) -> str:
    key = status.key
    return "⌫" if key == "Backspace" else key


def _sentence_html(finding: Finding) -> str:
    sentence = " ".join((finding.sentence or finding.text).split())
    text = " ".join(finding.text.split())
    at = sentence.lower().find(text.lower())
    if at < 0:
        return f"“{html.escape(sentence)}”"
    colour = CATEGORY_COLOURS[finding.category]
    mark = f"background-color: rgba({colour.red()},{colour.green()},{colour.blue()},90)"
    return (
        f"“{html.escape(sentence[:at])}<span style='{mark}'><b>"
        f"{html.escape(sentence[at : at + len(text)])}</b></span>"
        f"{html.escape(sentence[at + len(text) :])}”"
    )

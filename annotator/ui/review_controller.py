"""ReviewController: walking and tagging findings from the keyboard, notes, undo and redo, and
findings added or deleted by hand. Each change is an operation of the session's review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from annotator.core.model import Category, Rect, Source, Status
from annotator.review import Change, ReviewError
from annotator.ui.detail import DetailPane
from annotator.ui.navigator import Navigator
from annotator.ui.session import CaseSession
from annotator.ui.status import StatusLine


class ReviewController(QObject):
    def __init__(
        self,
        session: CaseSession,
        navigator: Navigator,
        detail: DetailPane,
        status: StatusLine,
    ) -> None:
        super().__init__(navigator)
        self.session, self.navigator, self.detail, self.status = (
            session,
            navigator,
            detail,
            status,
        )

    @property
    def current(self) -> int | None:
        return self.navigator.current

    def next_finding(self) -> None:
        target = self.navigator.step(1)
        if target is None:
            self.status.message("That was the last finding", 3000)
        else:
            self.navigator.select_finding(target)

    def previous_finding(self) -> None:
        target = self.navigator.step(-1)
        if target is not None:
            self.navigator.select_finding(target)

    def tag(self, status: Status) -> None:
        """Tag the current finding and move on to the next."""
        current = self.current
        if current is None:
            return
        following = self.navigator.step(1)
        self.detail.commit_note()
        self.session.set_status(current, status)
        self.navigator.select_finding(following if following is not None else current)

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
        self.detail.commit_note()
        self._step(self.session.undo, "undo")

    def redo(self) -> None:
        self._step(self.session.redo, "redo")

    def _step(self, step: Callable[[], Change | None], verb: str) -> None:
        try:
            change = step()
        except ReviewError as err:
            self.status.message(str(err), 8000)
            return
        if change is None:
            self.status.message(f"Nothing to {verb}", 3000)
        else:
            done = "Undone" if change.undone else "Redone"
            self.status.message(f"{done}: {change.label}", 4000)

    def add_manual_finding(
        self, page: int, category: str, start: int, end: int, rects: list[Rect]
    ) -> None:
        document_id = self.navigator.document_id
        if document_id is None:
            return
        finding = self.session.add_finding(document_id, page, Category(category), start, end, rects)
        self.navigator.select_finding(finding.id)

    def delete_manual(self) -> None:
        current = self.current
        finding = self.session.finding(current) if current is not None else None
        if finding is None:
            return
        if finding.source is not Source.MANUAL:
            self.status.message(
                "Only findings added by hand can be deleted; dismiss this one (D)", 4000
            )
            return
        following = self.navigator.step(1) or self.navigator.step(-1)
        self.session.delete_finding(finding.id)
        self.navigator.clear_selection()
        if following is not None:
            self.navigator.select_finding(following)

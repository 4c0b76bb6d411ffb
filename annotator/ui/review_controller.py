"""ReviewController: walking and tagging findings from the keyboard, notes, undo and redo, and
findings added or deleted by hand. Each change is an operation of the session's review."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from annotator.core.model import Category, Rect, Role, Source, Status
from annotator.nlp.user_lexicon import user_stamp
from annotator.review import Change, ReviewError
from annotator.ui.detail import DetailPane
from annotator.ui.dialogs import Dialogs
from annotator.ui.navigator import Navigator
from annotator.ui.session import CaseSession
from annotator.ui.status import StatusLine


class ReviewController(QObject):
    lexicon_changed = Signal()
    """The user's lexicon changed (added to, or an undo took a phrase out)."""

    def __init__(
        self,
        session: CaseSession,
        navigator: Navigator,
        detail: DetailPane,
        status: StatusLine,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(navigator)
        self.session, self.navigator, self.detail = session, navigator, detail
        self.status, self.dialogs = status, dialogs
        self._lexicon = user_stamp()
        """The user's lexicon files as last seen: an undo may take a phrase out of them."""
        self._dismissed_last: int | None = None
        """The finding just dismissed with D, which Shift+D then dismisses everywhere."""

    @property
    def current(self) -> int | None:
        return self.navigator.current

    def next_finding(self) -> None:
        self._dismissed_last = None
        target = self.navigator.step(1)
        if target is None:
            self.status.message("That was the last finding", 3000)
        else:
            self.navigator.select_finding(target)

    def previous_finding(self) -> None:
        self._dismissed_last = None
        target = self.navigator.step(-1)
        if target is not None:
            self.navigator.select_finding(target)

    def tag(self, status: Status) -> None:
        """Tag the current finding and move on to the next."""
        current = self.current
        if current is None:
            return
        self._dismissed_last = None
        following = self.navigator.step(1)
        self.detail.commit_note()
        self.session.set_status(current, status)
        self.navigator.select_finding(following if following is not None else current)
        if status is Status.DISMISSED:
            self._offer_identical(current)

    def _offer_identical(self, finding_id: int) -> None:
        others = len(self.session.review.identical(finding_id))
        if others:
            self.status.message(
                f"{others} more untagged finding(s) of the same claim: Shift+D dismisses them all",
                8000,
            )
            self._dismissed_last = finding_id

    def dismiss_identical(self) -> None:
        """Dismiss the current finding (or the one just dismissed) everywhere it recurs."""
        target = self.current if self._dismissed_last is None else self._dismissed_last
        self._dismissed_last = None
        if target is None or self.session.finding(target) is None:
            return
        change = self.session.run(lambda review: review.dismiss_identical(target))
        self.status.message(f"Dismissed {len(change.finding_ids)} finding(s) of this claim", 5000)

    def cycle_role(self) -> None:
        """G: the current gang reference's role, the next in turn (labels the respondent, the
        gang as persecutor, someone else, background)."""
        current = self.current
        finding = self.session.finding(current) if current is not None else None
        if finding is None or finding.category is not Category.GANG_LABEL:
            self.status.message("Only gang references have a role", 3000)
            return
        roles = list(Role)
        after = roles[(roles.index(finding.role) + 1) % len(roles)] if finding.role else roles[0]
        self.session.run(lambda review: review.set_role(finding.id, after))
        self.status.message(f"Role: {after.label} (G again for the next; Ctrl+Z undoes)", 4000)

    def add_to_lexicon(self) -> None:
        """Put the current finding's phrase in the user's lexicon; the case is read again with
        it, so every place it recurs is found, now and in every later scan."""
        current = self.current
        finding = self.session.finding(current) if current is not None else None
        if finding is None:
            return
        self.session.run(lambda review: review.add_to_lexicon(finding.id))
        self._check_lexicon()
        self.status.message(
            f"“{finding.text}” is in your lexicon; the case is being read again with it", 6000
        )

    def find_like(self) -> None:
        """Offer every place the current finding's phrase recurs, to add as findings."""
        current = self.current
        finding = self.session.finding(current) if current is not None else None
        if finding is None:
            return
        candidates = self.session.review.find_like(finding.id)
        if not candidates:
            self.status.message(f"“{finding.text}” recurs nowhere else in the case", 5000)
            return
        titles = {d.id: d.title for d in self.session.documents()}
        chosen = self.dialogs.choose_alike(finding.text, candidates, titles)
        if chosen:
            self.session.run(lambda review: review.accept_like(finding.id, chosen))
            self.status.message(f"Added {len(chosen)} finding(s) like “{finding.text}”", 5000)

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

    def _check_lexicon(self) -> None:
        stamp = user_stamp()
        if stamp != self._lexicon:
            self._lexicon = stamp
            self.lexicon_changed.emit()

    def _step(self, step: Callable[[], Change | None], verb: str) -> None:
        try:
            change = step()
        except ReviewError as err:
            self.status.message(str(err), 8000)
            return
        self._check_lexicon()
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
        self.status.message("Added. L finds every other place it recurs in the case", 6000)

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

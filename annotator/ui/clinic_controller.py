"""ClinicController: several reviews of the open case — exporting my package, merging others',
resolving conflicts, approving and overturning, the per-reviewer table, and a course key laid
over my own review. Every change is the review layer's operation, as on the command line.

Merging runs on the GUI thread: it writes through the session's own connection (the case file
has one writer), and a clinic's packages of a few hundred findings merge in tens of
milliseconds (bench/bench_review.py: five of 1,000 findings in about a second).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.errors import AnnotatorError
from annotator.core.model import Approval, Category, Status
from annotator.review.collect import collect_review
from annotator.review.conflicts import conflict_json, resolve
from annotator.review.grading import StudentGrade, grade
from annotator.review.merge import MergeResult, merge_package
from annotator.review.package_file import read_package, write_package
from annotator.review.review import ReviewError
from annotator.review.supervise import judge, reviewer_stats
from annotator.ui.conflicts_view import ConflictsView, StatsDialog
from annotator.ui.detail import DetailPane
from annotator.ui.dialogs import Dialogs
from annotator.ui.navigator import Navigator
from annotator.ui.pageview.view import Outline
from annotator.ui.session import CaseSession
from annotator.ui.status import StatusLine


class ClinicController(QObject):
    def __init__(
        self,
        session: CaseSession,
        navigator: Navigator,
        detail: DetailPane,
        conflicts: ConflictsView,
        dialogs: Dialogs,
        status: StatusLine,
    ) -> None:
        super().__init__(navigator)
        self.session, self.navigator, self.detail = session, navigator, detail
        self.conflicts, self.dialogs, self.status = conflicts, dialogs, status
        self.stats_dialog: StatsDialog | None = None
        self.key_grade: StudentGrade | None = None
        self._outlines: dict[tuple[int, int], list[Outline]] = {}
        conflicts.resolve_requested.connect(self.resolve)
        conflicts.conflict_selected.connect(navigator.select_finding)
        session.history_changed.connect(self.refresh_conflicts)
        navigator.view.outlines_for = self._outlines_on

    # -- my package -----------------------------------------------------------------------------

    def export_package(self) -> None:
        case = self.session.case
        reviewer = self.session.reviewer
        name = f"{case.path.stem} - {reviewer or 'review'}.cfr"
        target = self.dialogs.save_package(str(case.path.with_name(name)))
        if not target:
            return
        self.detail.commit_note()
        try:
            package = collect_review(case, reviewer)
            write_package(target, package)
        except AnnotatorError as err:
            self.dialogs.error("Cannot export the review package", str(err))
            return
        only = " (your assigned documents)" if self.session.assigned() else ""
        self.status.message(
            f"Wrote {Path(target).name}: {len(package.findings)} findings{only}", 8000
        )

    # -- merging and conflicts ------------------------------------------------------------------

    def merge_dialog(self) -> None:
        paths = self.dialogs.open_packages()
        if paths:
            self.merge(paths)

    def merge(self, paths: list[str]) -> list[MergeResult]:
        """Merge each package (a bad one is named in a dialog; the others still merge)."""
        self.detail.commit_note()
        results, problems = [], []
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for path in paths:
                try:
                    results.append(merge_package(self.session.review, read_package(path)))
                except AnnotatorError as err:
                    problems.append(str(err))
        finally:
            QApplication.restoreOverrideCursor()
        self.session.reload()
        self.session.history_changed.emit()
        if problems:
            self.dialogs.error(
                "Some packages were not merged",
                "\n".join(problems) + "\n\nNothing of them was written; the rest were merged.",
            )
        merged = sum(r.merged for r in results)
        added = sum(r.added for r in results)
        raised = sum(len(r.conflicts) for r in results)
        again = sum(r.already for r in results)
        note = f"; {again} merged before, unchanged" if again else ""
        self.status.message(
            f"Merged {len(results)} package(s): {merged} agreed or filled in, {added} added, "
            f"{raised} conflict(s){note}",
            10000,
        )
        if self.session.case.clinic.conflicts(open_only=True):
            self.show_conflicts()
        return results

    def show_conflicts(self) -> None:
        self.refresh_conflicts(force=True)
        self.conflicts.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh_conflicts(self, force: bool = False) -> None:
        if not (force or self.conflicts.isVisible()):
            return
        case = self.session.case
        self.conflicts.show_rows(
            [conflict_json(case, c) for c in case.clinic.conflicts(open_only=True)]
        )
        self.conflicts.setVisible(True)

    def resolve(self, conflict_id: int, choice: str) -> None:
        values = self._edited(conflict_id) if choice == "edited" else None
        if choice == "edited" and values is None:
            return
        try:
            change = self.session.run(lambda review: resolve(review, conflict_id, choice, values))
        except ReviewError as err:
            self.status.message(str(err), 6000)
            return
        self.status.message(f"Conflict resolved: {change.label}", 4000)
        self.conflicts.tree.setFocus()

    def _edited(self, conflict_id: int) -> dict[str, str] | None:
        """Ask the supervisor for their own status and note."""
        row = next((r for r in self.conflicts.rows if r["id"] == conflict_id), None)
        if row is None:
            return None
        labels = [s.label for s in Status if s is not Status.UNTAGGED]
        choice = self.dialogs.choose("Edit the conflict", "Status:", labels)
        if choice is None:
            return None
        status = next(s for s in Status if s.label == choice)
        notes = [n for n in (row["mine"]["note"], row["theirs"]["note"]) if n]
        note = self.dialogs.ask_text("Edit the conflict", "Note:", " / ".join(notes))
        if note is None:
            return None
        return {"status": status.value, "note": note}

    # -- second-level review --------------------------------------------------------------------

    def approve(self) -> None:
        self._judge(Approval.APPROVED, "")

    def overturn(self) -> None:
        if self.navigator.current is None:
            return
        note = self.dialogs.ask_text("Overturn the tag", "Why is the tag overturned?")
        if note:
            self._judge(Approval.OVERTURNED, note)

    def _judge(self, verdict: Approval, note: str) -> None:
        current = self.navigator.current
        if current is None:
            return
        following = self.navigator.step(1)
        self.detail.commit_note()
        try:
            self.session.run(lambda review: judge(review, current, verdict, note))
        except ReviewError as err:
            self.status.message(str(err), 5000)
            return
        self.navigator.select_finding(following if following is not None else current)

    def show_stats(self, parent: QWidget | None = None) -> StatsDialog:
        self.stats_dialog = StatsDialog(reviewer_stats(self.session.case), parent)
        self.stats_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.stats_dialog.show()
        return self.stats_dialog

    # -- a course key over my review ------------------------------------------------------------

    def compare_key(self) -> None:
        path = self.dialogs.open_key()
        if not path:
            return
        self.detail.commit_note()
        try:
            key = read_package(path, "key")
            result = grade(key, collect_review(self.session.case, self.session.reviewer))
        except AnnotatorError as err:
            self.dialogs.error("Cannot compare with the key", str(err))
            return
        ids = {d.sha256: d.id for d in self.session.documents()}
        missed = set(result.missed)
        self._outlines = {}
        for k in key.findings:
            if k.uid in missed and k.document in ids:
                label = f"Missed: {Category(k.category).short}, expected {k.status}"
                outline = Outline(list(k.rects), k.category.colour, label)
                self._outlines.setdefault((ids[k.document], k.page), []).append(outline)
        self.key_grade = result
        self.navigator.view.viewport().update()
        agreement = result.status_agreement
        self.status.message(
            f"Key: found {len(result.found)} of {len(result.found) + len(result.missed)}, "
            f"{len(result.missed)} missed (outlined on the page), {len(result.extra)} extra"
            + ("" if agreement is None else f"; status agreement {agreement:.0%}"),
            15000,
        )

    def hide_key(self) -> None:
        self._outlines, self.key_grade = {}, None
        self.navigator.view.viewport().update()

    def _outlines_on(self, page: int) -> list[Outline]:
        document_id = self.navigator.document_id
        if document_id is None or not self.navigator.file_ok():
            return []
        return self._outlines.get((document_id, page), [])

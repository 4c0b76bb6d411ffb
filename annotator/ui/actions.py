"""The one table of actions: it builds the menus, the toolbar and every keyboard shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    title: str
    shortcuts: tuple[str, ...]
    callback: str
    """The window's method the action calls, dotted through its parts: "case.review.undo" is
    the open case's review controller's undo (nothing happens while no case is open)."""
    menu: str
    toolbar: str = ""
    """Short label when the action is also on the toolbar."""
    review: bool = False
    """A single-key action: it works where findings are reviewed, never while typing."""
    submenu: bool = False
    """The action opens a submenu; the callback fills it (it gets the QMenu) before it shows."""
    needs_case: bool = True
    """Only enabled while a case is open."""


# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_case", "&New case…", ("Ctrl+N",), "new_case", "File", needs_case=False),
    ActionSpec("open_case", "&Open case…", ("Ctrl+Shift+O",), "open_case_dialog", "File",
               needs_case=False),
    ActionSpec("open_recent", "Open &recent", (), "fill_recent_menu", "File", submenu=True,
               needs_case=False),
    ActionSpec("add_documents", "&Add documents…", ("Ctrl+O",), "add_documents_dialog", "File",
               "Add PDFs", needs_case=False),
    ActionSpec("export_memo", "&Export rebuttal memo…", ("Ctrl+E",), "case.export_memo",
               "File", "Export memo"),
    ActionSpec("export_approved", "Export memo of a&pproved findings…", (),
               "case.export_approved_memo", "File"),
    ActionSpec("export_package", "Export my review pac&kage…", (), "case.clinic.export_package",
               "File"),
    ActionSpec("merge_reviews", "&Merge reviews…", (), "case.clinic.merge_dialog", "File"),
    ActionSpec("compare_key", "Compare with a course ke&y…", (), "case.clinic.compare_key",
               "File"),
    ActionSpec("case_details", "Case &details…", (), "edit_case_details", "File"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "close", "File", needs_case=False),
    ActionSpec("undo", "&Undo", ("Ctrl+Z",), "case.review.undo", "Edit", "Undo"),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "case.review.redo", "Edit", "Redo"),
    ActionSpec("search", "&Search the case…", ("Ctrl+F",), "focus_search", "Edit"),
    ActionSpec("reviewer", "Reviewer &name…", (), "change_reviewer", "Edit", needs_case=False),
    ActionSpec("previous", "&Previous finding", ("K", "P"), "case.review.previous_finding",
               "Review", "▲ Prev", True),
    ActionSpec("next", "&Next finding", ("J", "N"), "case.review.next_finding", "Review", "Next ▼",
               True),
    ActionSpec("unverified", "Tag &unverified and next", ("U",), "case.review.tag_unverified",
               "Review", "Unverified", True),
    ActionSpec("rebutted", "Tag &rebutted and next", ("R",), "case.review.tag_rebutted", "Review",
               "Rebutted", True),
    ActionSpec("dismissed", "Tag &dismissed and next", ("D",), "case.review.tag_dismissed",
               "Review", "Dismissed", True),
    ActionSpec("untagged", "Clear the &tag and next", ("Backspace",), "case.review.tag_untagged",
               "Review", review=True),
    ActionSpec("role", "Change the gang reference's ro&le", ("G",), "case.review.cycle_role",
               "Review", review=True),
    ActionSpec("find_like", "Find all &like this…", ("L",), "case.review.find_like", "Review",
               review=True),
    ActionSpec("dismiss_identical", "Dismiss all &identical", ("Shift+D",),
               "case.review.dismiss_identical", "Review", review=True),
    ActionSpec("add_to_lexicon", "Add to my le&xicon", ("Ctrl+Shift+L",),
               "case.review.add_to_lexicon", "Review"),
    ActionSpec("note", "Edit the n&ote", ("Return", "Enter"), "case.review.edit_note", "Review",
               review=True),
    ActionSpec("approve", "&Approve the tag and next", ("A",), "case.clinic.approve", "Review",
               review=True),
    ActionSpec("overturn", "O&verturn the tag…", ("O",), "case.clinic.overturn", "Review",
               review=True),
    ActionSpec("delete_manual", "Delete a finding added by hand", ("Delete",),
               "case.review.delete_manual", "Review", review=True),
    ActionSpec("zoom_out", "Zoom &out", ("Ctrl+-",), "case.zoom_out", "View", "−"),
    ActionSpec("zoom_in", "Zoom &in", ("Ctrl+=", "Ctrl++"), "case.zoom_in", "View", "+"),
    ActionSpec("fit_width", "&Fit width", ("Ctrl+0",), "case.fit_width", "View", "Fit width"),
    ActionSpec("go_to_page", "&Go to page…", ("Ctrl+G",), "case.go_to_page_dialog", "View"),
    ActionSpec("conflicts", "&Conflicts between reviews", ("Ctrl+Shift+C",),
               "case.clinic.show_conflicts", "View"),
    ActionSpec("reviewer_stats", "&Reviewer statistics…", (), "case.clinic.show_stats", "View"),
    ActionSpec("hide_key", "&Hide the course key", (), "case.clinic.hide_key", "View"),
    ActionSpec("shortcuts", "&Keyboard shortcuts", ("F1",), "show_shortcuts", "Help",
               needs_case=False),
)
# fmt: on

MENUS = ("File", "Edit", "Review", "View", "Help")


def build_actions(window: QMainWindow, toolbar: QToolBar) -> dict[str, QAction]:
    """Create every action on `window`, put it in its menu and maybe the toolbar."""
    menus: dict[str, QMenu] = {name: window.menuBar().addMenu(f"&{name}") for name in MENUS}
    actions: dict[str, QAction] = {}
    group = ""
    for spec in ACTIONS:
        if spec.submenu:
            actions[spec.id] = _submenu(window, menus[spec.menu], spec)
            continue
        action = QAction(spec.title, window)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        action.setShortcutContext(
            Qt.ShortcutContext.WidgetWithChildrenShortcut
            if spec.review
            else Qt.ShortcutContext.WindowShortcut
        )
        keys = ", ".join(spec.shortcuts)
        plain = spec.title.replace("&", "").rstrip("…")
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        if spec.toolbar:
            action.setIconText(spec.toolbar)
        action.triggered.connect(_caller(window, spec.callback))
        menus[spec.menu].addAction(action)
        if spec.toolbar:
            if group and group != spec.menu:
                toolbar.addSeparator()
            toolbar.addAction(action)
            group = spec.menu
        actions[spec.id] = action
    return actions


def _submenu(window: QMainWindow, parent: QMenu, spec: ActionSpec) -> QAction:
    menu = parent.addMenu(spec.title)
    menu.setObjectName(f"{spec.id}_menu")
    menu.aboutToShow.connect(lambda: getattr(window, spec.callback)(menu))
    action = menu.menuAction()
    action.setObjectName(spec.id)
    return action


def review_actions(actions: dict[str, QAction]) -> list[QAction]:
    """Add these to each widget where the single-key review keys should work."""
    return [actions[spec.id] for spec in ACTIONS if spec.review]


def _caller(window: QMainWindow, callback: str) -> Callable[[], object]:
    def call() -> object:
        owner: Any = window
        for part in callback.split("."):
            owner = getattr(owner, part)
            if owner is None:  # no case open
                return None
        return owner()

    return call


def shortcuts_html() -> str:
    rows = []
    for menu in MENUS:
        rows.append(f"<tr><th colspan=2 align=left><br>{menu}</th></tr>")
        for spec in ACTIONS:
            if spec.menu == menu and spec.shortcuts:
                keys = " / ".join(f"<code>{k}</code>" for k in spec.shortcuts)
                rows.append(
                    f"<tr><td>{spec.title.replace('&', '').rstrip('…')}</td><td>{keys}</td></tr>"
                )
    return "<table cellspacing=4>" + "".join(rows) + "</table>"

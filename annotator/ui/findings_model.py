"""FindingsModel: the one adapter from the session's findings to a Qt item model.

Two levels: groups (by category, status or document, each with its count) and their findings.
Filters and grouping live here so that J/K walks exactly what the panel shows. A finding's index
carries its group's token, not the group's row, so rows can be inserted without a reset.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QFont

from annotator.core.model import Approval, Category, Finding, Status
from annotator.ui.session import CaseSession
from annotator.ui.theme import CATEGORY_COLOURS, STATUS_COLOURS

Index = QModelIndex | QPersistentModelIndex
COLUMNS = ("Finding", "Where", "Status")
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


_FILTER_KEYS = ("category", "status", "document", "reviewer", "approval")
"""The findings panel's filters, in the order all_counts() reads a finding's values."""


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


class FindingsModel(QAbstractItemModel):
    def __init__(self, session: CaseSession) -> None:
        super().__init__()
        self.session = session
        self.group_by = "category"
        self.filters: dict[str, str | int | None] = dict.fromkeys(_FILTER_KEYS)
        self._groups: list[tuple[str, list[int]]] = []
        self._keys: list[Any] = []
        self._tokens: dict[Any, int] = {}
        """Group key -> a number that stays put while groups are inserted (index internalId)."""
        self._row_of_token: dict[int, int] = {}
        self._row_of: dict[int, tuple[int, int]] = {}
        session.findings_reset.connect(self.rebuild)
        session.findings_added.connect(self.insert)
        session.finding_changed.connect(self._on_changed)
        self.rebuild()

    # -- filtering and grouping -----------------------------------------------------------------

    def set_filter(self, key: str, value: str | int | None) -> None:
        self.filters[key] = value
        self.rebuild()

    def set_group_by(self, key: str) -> None:
        self.group_by = key
        self.rebuild()

    def value(self, f: Finding, key: str) -> Any:
        """What a filter compares: the finding's category, status, document, reviewer (who set
        its status) or approval."""
        if key == "category":
            return f.category.value
        if key == "status":
            return f.status.value
        if key == "document":
            return f.document_id
        if key == "reviewer":
            return self.session.reviewer_of(f.id)
        if key == "approval":
            return f.approval.value
        raise KeyError(key)

    def accepts(self, f: Finding, ignore: str = "") -> bool:
        return all(
            value is None or key == ignore or self.value(f, key) == value
            for key, value in self.filters.items()
        )

    def rebuild(self) -> None:
        self.beginResetModel()
        findings = [f for f in self.session.findings() if self.accepts(f)]
        findings.sort(key=_order)
        groups: dict[Any, list[int]] = {key: [] for key, _ in self._group_keys()}
        for f in findings:
            groups.setdefault(self._key(f), []).append(f.id)
        titles = dict(self._group_keys())
        kept = [(k, ids) for k, ids in groups.items() if ids]
        self._groups = [(titles.get(k, str(k)), ids) for k, ids in kept]
        self._keys = [k for k, _ in kept]
        self._tokens = {k: n for n, k in enumerate(self._keys, 1)}
        self._index_rows()
        self.endResetModel()

    def insert(self, finding_ids: list[int]) -> None:
        """New findings (a document just stored) go in as inserted rows, without a reset."""
        new = [f for fid in finding_ids if (f := self.session.finding(fid)) and self.accepts(f)]
        new.sort(key=_order)
        by_key: dict[Any, list[Finding]] = {}
        for f in new:
            by_key.setdefault(self._key(f), []).append(f)
        if not self._appendable(by_key):
            self.rebuild()
            return
        rank = {k: n for n, (k, _) in enumerate(self._group_keys())}
        titles = dict(self._group_keys())
        for key, found in by_key.items():
            ids = [f.id for f in found]
            if key in self._tokens and self._tokens[key] in self._row_of_token:
                g = self._row_of_token[self._tokens[key]]
                group = self._groups[g][1]
                self.beginInsertRows(self.index(g, 0), len(group), len(group) + len(ids) - 1)
                group.extend(ids)
                self.endInsertRows()
                continue
            at = sum(rank.get(k, len(rank)) < rank.get(key, len(rank)) for k in self._keys)
            self.beginInsertRows(QModelIndex(), at, at)
            self._groups.insert(at, (titles.get(key, str(key)), ids))
            self._keys.insert(at, key)
            self._tokens.setdefault(key, max(self._tokens.values(), default=0) + 1)
            self._index_rows()
            self.endInsertRows()
        self._index_rows()

    def _appendable(self, by_key: dict[Any, list[Finding]]) -> bool:
        """Whether each group's new findings all sort after the ones it has."""
        for key, found in by_key.items():
            token = self._tokens.get(key)
            if token is None or token not in self._row_of_token:
                continue
            last = self.session.finding(self._groups[self._row_of_token[token]][1][-1])
            if last is None or _order(last) > _order(found[0]):
                return False
        return True

    def _index_rows(self) -> None:
        self._row_of_token = {self._tokens[k]: g for g, k in enumerate(self._keys)}
        self._row_of = {
            fid: (g, r) for g, (_, ids) in enumerate(self._groups) for r, fid in enumerate(ids)
        }

    def _group_keys(self) -> list[tuple[Any, str]]:
        if self.group_by == "status":
            return [(s, s.label) for s in Status]
        if self.group_by == "document":
            return [(d.id, d.title) for d in self.session.documents()]
        return [(c, c.label) for c in Category]

    def _key(self, f: Finding) -> Any:
        return {"status": f.status, "document": f.document_id}.get(self.group_by, f.category)

    def _on_changed(self, finding_id: int) -> None:
        filtered = any(self.filters[k] is not None for k in ("status", "reviewer", "approval"))
        if filtered or self.group_by == "status":
            self.rebuild()
            return
        where = self._row_of.get(finding_id)
        if where is not None:
            g, r = where
            self.dataChanged.emit(
                self.index(r, 0, self.index(g, 0)), self.index(r, 2, self.index(g, 0))
            )

    def ordered(self) -> list[int]:
        """Every visible finding id, in panel order: what next/previous walks."""
        return [fid for _, ids in self._groups for fid in ids]

    def all_counts(self) -> dict[str, dict[Any, int]]:
        """How many findings each value of each filter has under the other filters, in one
        pass over the findings (the panel's boxes are refreshed after each batch of findings an
        ingest stores: thousands of them). The vocabulary's members stand for their values: a
        StrEnum is equal to its string."""
        keys = _FILTER_KEYS
        wanted = tuple(self.filters.get(k) for k in keys)
        active = [i for i, v in enumerate(wanted) if v is not None]
        out: list[dict[Any, int]] = [{} for _ in keys]
        reviewer_of = self.session.reviewer_of
        for f in self.session.findings():
            values = (f.category, f.status, f.document_id, reviewer_of(f.id), f.approval)
            misses = [i for i in active if values[i] != wanted[i]]
            if len(misses) > 1:
                continue
            for i in misses or range(len(keys)):
                box = out[i]
                box[values[i]] = box.get(values[i], 0) + 1
        return {
            key: {_plain(v): n for v, n in box.items()} for key, box in zip(keys, out, strict=True)
        }

    # -- Qt model -------------------------------------------------------------------------------

    def index_of(self, finding_id: int) -> QModelIndex:
        where = self._row_of.get(finding_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], 0, self.index(where[0], 0))

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, self._tokens[self._keys[parent.row()]])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(self._row_of_token[index.internalId()], 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        fid = self._groups[self._row_of_token[index.internalId()]][1][index.row()]
        if role == FINDING_ROLE:
            return fid
        finding = self.session.finding(fid)
        return _finding_data(self.session, finding, index.column(), role) if finding else None

    def _group_data(self, index: Index, role: int) -> Any:
        title, ids = self._groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{title}  ({len(ids)})" if index.column() == 0 else None
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None


def _finding_data(session: CaseSession, f: Finding, column: int, role: int) -> Any:
    if role == Qt.ItemDataRole.DisplayRole:
        if column == 0:
            return " ".join(f.text.split())
        if column == 1:
            document = session.document(f.document_id)
            return f"{_short(document.title) if document else '?'} · p.{f.page}"
        return f.status.label + _APPROVAL_MARKS.get(f.approval, "")
    if role == Qt.ItemDataRole.ForegroundRole and column == 2:
        return QBrush(STATUS_COLOURS[f.status])
    if role == Qt.ItemDataRole.ForegroundRole and f.status is Status.DISMISSED:
        return QBrush(STATUS_COLOURS[Status.DISMISSED])
    if role == Qt.ItemDataRole.DecorationRole and column == 0:
        return CATEGORY_COLOURS[f.category]
    if role == Qt.ItemDataRole.ToolTipRole:
        manual = " (added by hand)" if f.subtype == "manual" else ""
        who = session.reviewer_of(f.id)
        checked = f"\n{f.approval.label}: {f.approval_note}" if f.approval_note else ""
        return (
            f"{f.category.short}{manual}: {f.sentence or f.text}"
            + (f"\nTagged by {who}" if who else "")
            + checked
        )
    return None


_APPROVAL_MARKS = {Approval.APPROVED: " ✓", Approval.OVERTURNED: " ✗"}


def _order(f: Finding) -> tuple[int, int, int, int]:
    return (f.document_id, f.page, f.start, f.id)


def _short(title: str, limit: int = 18) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"

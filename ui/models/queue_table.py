"""Today's queue as a table: arrival, minutes waiting (live), who, why, coach, status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk.models import VisitStatus
from desk.names import anonymous_label, shown_name
from desk.services.checkin import QueueEntry
from ui.formatting import local_time_text

Index = QModelIndex | QPersistentModelIndex


class QueueTableModel(QAbstractTableModel):
    ARRIVED, WAITING, NAME, PURPOSE, COACH, STATUS = range(6)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._entries: list[QueueEntry] = []
        self._private = True
        self._clock = clock or (lambda: datetime.now(UTC))
        self._headers = [
            self.tr("Arrived"),
            self.tr("Waiting"),
            self.tr("Name"),
            self.tr("Purpose"),
            self.tr("Coach"),
            self.tr("Status"),
        ]
        self._status_text = {
            VisitStatus.WAITING: self.tr("Waiting"),
            VisitStatus.WITH_COACH: self.tr("With coach"),
            VisitStatus.DONE: self.tr("Done"),
            VisitStatus.UNDONE: self.tr("Withdrawn"),
        }

    # -- data in ---------------------------------------------------------------------------
    def set_entries(self, entries: tuple[QueueEntry, ...] | list[QueueEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def set_private(self, private: bool) -> None:
        self._private = private
        if self._entries:
            self.dataChanged.emit(
                self.index(0, self.NAME), self.index(len(self._entries) - 1, self.NAME)
            )

    def tick(self) -> None:
        """The minutes-waiting column moves on by itself."""
        if self._entries:
            self.dataChanged.emit(
                self.index(0, self.WAITING), self.index(len(self._entries) - 1, self.WAITING)
            )

    def entry(self, row: int) -> QueueEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of_visit(self, visit_id: int) -> int:
        return next((row for row, e in enumerate(self._entries) if e.visit_id == visit_id), -1)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == self.EntryRole:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and entry.status is VisitStatus.DONE:
            return QBrush(QColor("#7a8a96"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.WAITING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.COACH:
            return self._coach_tooltip(entry)
        return None

    def minutes_waiting(self, entry: QueueEntry) -> int:
        until = entry.started_at or entry.departed_at or self._clock()
        return max(0, int((until - entry.arrived_at).total_seconds() // 60))

    def _text(self, entry: QueueEntry, column: int) -> str:
        if column == self.ARRIVED:
            return local_time_text(entry.arrived_at)
        if column == self.WAITING:
            if entry.status is not VisitStatus.WAITING:
                return ""
            return self.tr("%1 min").replace("%1", str(self.minutes_waiting(entry)))
        if column == self.NAME:
            if entry.is_anonymous:
                return anonymous_label(entry.anonymous_initials)
            return shown_name(
                entry.first_name, entry.last_name, entry.preferred_name, private=self._private
            )
        if column == self.PURPOSE:
            return ", ".join(entry.purposes)
        if column == self.COACH:
            if entry.coach_name:
                return entry.coach_name
            if entry.assigned_coach_name:
                return self.tr("%1 (their coach)").replace("%1", entry.assigned_coach_name)
            if entry.requested_coach_name:
                return self.tr("%1 (asked for)").replace("%1", entry.requested_coach_name)
            return ""
        if column == self.STATUS:
            return self._status_text[entry.status]
        return ""

    def _coach_tooltip(self, entry: QueueEntry) -> str | None:
        parts = []
        if entry.assigned_coach_name:
            parts.append(self.tr("Their coach: %1").replace("%1", entry.assigned_coach_name))
        if entry.requested_coach_name:
            parts.append(self.tr("Asked for: %1").replace("%1", entry.requested_coach_name))
        return "\n".join(parts) or None

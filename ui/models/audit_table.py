"""The activity log as a table: who did what, when, from which station."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.services.audit import AuditEntry
from ui.formatting import local_datetime_text

Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    WHEN, WHO, ACTION, RECORD, STATION = range(5)
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self._headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Record"),
            self.tr("Station"),
        ]

    def describe(self, entry: AuditEntry) -> str:
        """The act in words; the detail (before and after) where the act has one."""
        labels = {
            "settings.changed": self.tr("Changed a setting"),
            "demo.seeded": self.tr("Added sample data"),
            "coach.added": self.tr("Added a coach to the roster"),
            "coach.updated": self.tr("Changed a coach on the roster"),
            "coach.deactivated": self.tr("Made a coach inactive"),
            "coach.reactivated": self.tr("Made a coach active again"),
            "coach.specialty_added": self.tr("Added a coach specialty"),
            "coach.specialty_changed": self.tr("Changed a coach specialty"),
            "coaching.assigned": self.tr("Assigned a coach"),
            "coaching.reassigned": self.tr("Reassigned a coach"),
            "coaching.over_limit_override": self.tr("Assigned over a coach's caseload limit"),
            "coaching.ended": self.tr("Ended coaching"),
            "coaching.waitlisted": self.tr("Put on the coaching waitlist"),
            "coaching.waitlist_removed": self.tr("Took off the coaching waitlist"),
            "coaching.wishes_changed": self.tr("Changed what they asked of a coach"),
            "coaching.viewed": self.tr("Opened their coaching"),
            "coaching.contact_logged": self.tr("Logged a coaching contact"),
            "coaching.goal_added": self.tr("Added a recovery goal"),
            "coaching.goal_updated": self.tr("Changed a recovery goal"),
            "coaching.barc10_recorded": self.tr("Recorded a BARC-10"),
        }
        text = labels.get(entry.action, entry.action)
        if "before" in entry.detail and "after" in entry.detail:
            text += f": {entry.detail['before']!r} → {entry.detail['after']!r}"
        return text

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def append_entries(self, entries: list[AuditEntry]) -> None:
        if not entries:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(entries) - 1)
        self._entries.extend(entries)
        self.endInsertRows()

    def last_id(self) -> int | None:
        return self._entries[-1].id if self._entries else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
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
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.WHEN:
            return local_datetime_text(entry.occurred_at)
        if column == self.WHO:
            return entry.actor_name
        if column == self.ACTION:
            return self.describe(entry)
        if column == self.RECORD:
            return f"{entry.entity_type} {entry.entity_id or ''}".strip()
        if column == self.STATION:
            return entry.station or ""
        return None

"""The activity log as a table: when, who, what they did in words, whose record, where."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.audit.entry import AuditEntry, with_actor
from ui.error_words import said, word
from ui.formatting import CenterTime
from ui.models.row_table import RowTableModel


class AuditTableModel(RowTableModel[AuditEntry]):
    WHEN, WHO, ACTION, PERSON, STATION = range(5)
    EntryRole = RowTableModel.RowRole

    def __init__(self, parent=None, center_time: CenterTime | None = None) -> None:
        super().__init__([], parent)
        self.center_time = center_time or CenterTime()
        self._headers = [
            self.tr("When"),
            self.tr("Who"),
            self.tr("What"),
            self.tr("Whose record"),
            self.tr("Station"),
        ]

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.set_rows(entries)

    def append_entries(self, entries: list[AuditEntry]) -> None:
        self.append_rows(entries)

    @staticmethod
    def words(entry: AuditEntry) -> str:
        """What they did, in the staff member's language."""
        return word(entry.words) if entry.words is not None else ""

    def last_id(self) -> int | None:
        return self.rows[-1].id if self.rows else None

    def cell(self, entry: AuditEntry, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ACTION:
            return with_actor(entry.actor_name, self.words(entry))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.WHEN:
            return self.center_time.datetime_text(entry.occurred_at)
        if column == self.WHO:
            return entry.actor_name
        if column == self.ACTION:
            return self.words(entry)
        if column == self.PERSON:
            return said(entry.person_label)
        if column == self.STATION:
            return entry.station or ""
        return None

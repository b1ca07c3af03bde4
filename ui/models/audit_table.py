"""The activity log as a table: who did what, when, from which station."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.services.audit import AuditEntry
from ui.formatting import CenterTime
from ui.models.row_table import RowTableModel


class AuditTableModel(RowTableModel[AuditEntry]):
    WHEN, WHO, ACTION, RECORD, STATION = range(5)
    EntryRole = RowTableModel.RowRole

    def __init__(self, parent=None, center_time: CenterTime | None = None) -> None:
        super().__init__([], parent)
        self.center_time = center_time or CenterTime()
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
        }
        text = labels.get(entry.action, entry.action)
        if "before" in entry.detail and "after" in entry.detail:
            text += f": {entry.detail['before']!r} → {entry.detail['after']!r}"
        return text

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.set_rows(entries)

    def append_entries(self, entries: list[AuditEntry]) -> None:
        self.append_rows(entries)

    def last_id(self) -> int | None:
        return self.rows[-1].id if self.rows else None

    def cell(self, entry: AuditEntry, column: int, role: int):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.WHEN: lambda: self.center_time.datetime_text(entry.occurred_at),
            self.WHO: lambda: entry.actor_name,
            self.ACTION: lambda: self.describe(entry),
            self.RECORD: lambda: f"{entry.entity_type} {entry.entity_id or ''}".strip(),
            self.STATION: lambda: entry.station or "",
        }[column]()

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
            "coaching.match_viewed": self.tr("Opened the coaches suggested for them"),
            "coaching.caseload_viewed": self.tr("Opened a coach's caseload"),
            "coaching.contact_logged": self.tr("Logged a coaching contact"),
            "coaching.goal_added": self.tr("Added a recovery goal"),
            "coaching.goal_updated": self.tr("Changed a recovery goal"),
            "coaching.barc10_recorded": self.tr("Recorded a BARC-10"),
            "backup.made": self.tr("Made a backup"),
            "backup.failed": self.tr("A backup failed"),
            "backup.restored": self.tr("Restored a backup"),
            "backup.passphrase_set": self.tr("Set the backup passphrase"),
            "backup.passphrase_changed": self.tr("Changed the backup passphrase"),
        }
        text = labels.get(entry.action, entry.action)
        if entry.action == "backup.failed" and entry.detail.get("why"):
            text += f": {entry.detail['why']}"
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

"""The center's groups as a table: name, when they meet, room, who leads them, language."""

from __future__ import annotations

from PySide6.QtGui import QBrush

from desk.services.groups import GroupRecord
from ui.error_words import word
from ui.formatting import time_span_text
from ui.models.record_table import RecordTableModel
from ui.state_colours import State, state_colour
from ui.words import fill


class GroupsTableModel(RecordTableModel):
    NAME, WHEN, TIME, ROOM, FACILITATOR, LANGUAGE = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                self.tr("Group"),
                self.tr("Meets"),
                self.tr("Time"),
                self.tr("Room"),
                self.tr("Led by"),
                self.tr("Language"),
            ],
            parent,
        )

    def row_of(self, group_id: int) -> int:
        return next((n for n, group in enumerate(self._rows) if group.id == group_id), -1)

    def display(self, group: GroupRecord, column: int) -> str:
        details = group.details
        if column == self.NAME:
            return (
                details.name
                if details.active
                else fill(self.tr("%1 (off the schedule)"), details.name)
            )
        if column == self.WHEN:
            return word(group.rule_words)
        if column == self.TIME:
            return time_span_text(details.starts_at, details.ends_at)
        if column == self.ROOM:
            return details.room or ""
        if column == self.FACILITATOR:
            return group.facilitator
        if column == self.LANGUAGE:
            return details.language
        return ""

    def tooltip(self, group: GroupRecord, column: int) -> str | None:
        return group.details.description or None

    def foreground(self, group: GroupRecord, column: int):
        return None if group.details.active else QBrush(state_colour(State.MUTED))

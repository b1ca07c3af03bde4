"""A coach's caseload as a table: overdue follow-ups first, each peer's last contact."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desk.names import shown_name
from desk.services.caseload import CaseloadRow, FollowUp
from ui.coaching_words import language_name
from ui.formatting import CenterTime, date_text
from ui.models.record_table import RecordTableModel
from ui.state_colours import State, state_colour


class CaseloadTableModel(RecordTableModel):
    PEER, STATE, NEXT_FOLLOW_UP, LAST_CONTACT, SINCE, LANGUAGE, GOALS, BARC10 = range(8)

    def __init__(self, parent=None, *, center_time: CenterTime | None = None) -> None:
        super().__init__(
            [
                self.tr("Peer"),
                self.tr("Follow-up"),
                self.tr("Next follow-up"),
                self.tr("Last contact"),
                self.tr("Coached since"),
                self.tr("Language"),
                self.tr("Open goals"),
                self.tr("BARC-10"),
            ],
            parent,
        )
        self.center_time = center_time or CenterTime()
        self._private = True

    def set_private(self, private: bool) -> None:
        self._private = private
        self.refresh_display()

    def row_of_person(self, person_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.person_id == person_id), -1)

    def state_text(self, row: CaseloadRow) -> str:
        if row.follow_up is FollowUp.OVERDUE:
            days = row.days_overdue
            return self.tr("Overdue by %n day(s)", "", days)
        return {
            FollowUp.DUE_TODAY: self.tr("Due today"),
            FollowUp.NO_CONTACT_YET: self.tr("No contact yet"),
            FollowUp.UPCOMING: self.tr("Planned"),
            FollowUp.NONE_PLANNED: self.tr("None planned"),
        }[row.follow_up]

    def display(self, row: CaseloadRow, column: int) -> str:
        if column == self.PEER:
            name = shown_name(
                row.first_name, row.last_name, row.preferred_name, private=self._private
            )
            return f"{name} ⚑" if row.over_limit else name
        if column == self.LANGUAGE:
            return language_name(row.preferred_language)
        if column == self.SINCE:
            return self.center_time.date_text(row.started_at)
        if column == self.LAST_CONTACT:
            return self.center_time.date_text(row.last_contact_at)
        if column == self.NEXT_FOLLOW_UP:
            return date_text(row.next_follow_up)
        if column == self.STATE:
            return self.state_text(row)
        if column == self.GOALS:
            return str(row.open_goals) if row.open_goals else ""
        if column == self.BARC10:
            return str(row.latest_barc10) if row.latest_barc10 is not None else ""
        return ""

    def tooltip(self, row: CaseloadRow, column: int) -> str | None:
        if column == self.PEER and row.over_limit:
            return self.tr("Assigned over the coach's limit (an override, in the activity log)")
        return None

    def foreground(self, row: CaseloadRow, column: int):
        if column in (self.STATE, self.NEXT_FOLLOW_UP):
            if row.follow_up is FollowUp.OVERDUE:
                return QBrush(state_colour(State.OVERDUE))
            if row.follow_up in (FollowUp.DUE_TODAY, FollowUp.NO_CONTACT_YET):
                return QBrush(state_colour(State.DUE))
        return None

    def alignment(self, column: int) -> int | None:
        if column in (self.GOALS, self.BARC10):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

"""Referrals given, for the follow-up list and a person's record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desk.models import ReferralOutcome
from desk.services.referral_log import ReferralEntry
from ui.formatting import CenterTime, date_text
from ui.models.row_table import RowTableModel
from ui.state_colours import State, state_colour


class ReferralLogTableModel(RowTableModel[ReferralEntry]):
    GIVEN, PERSON, SERVICES, STAFF, LANGUAGE, FOLLOW_UP, OUTCOME = range(7)

    def __init__(self, parent=None, center_time: CenterTime | None = None) -> None:
        super().__init__([], parent)
        self.center_time = center_time or CenterTime()
        self._today: date | None = None
        self._headers = [
            self.tr("Given"),
            self.tr("For"),
            self.tr("Services"),
            self.tr("By"),
            self.tr("Language"),
            self.tr("Follow up"),
            self.tr("Outcome"),
        ]
        self._outcomes = {
            ReferralOutcome.PENDING: self.tr("Awaiting"),
            ReferralOutcome.CONNECTED: self.tr("Connected"),
            ReferralOutcome.NOT_CONNECTED: self.tr("Not connected"),
            ReferralOutcome.UNKNOWN: self.tr("Unknown"),
        }

    def set_entries(self, entries: list[ReferralEntry], today: date) -> None:
        self._today = today
        self.set_rows(entries)

    def entry(self, row: int) -> ReferralEntry | None:
        return self.row_at(row)

    def row_of(self, referral_id: int) -> int:
        return next((row for row, entry in enumerate(self.rows) if entry.id == referral_id), -1)

    def outcome_text(self, outcome: ReferralOutcome) -> str:
        return self._outcomes[outcome]

    def cell(self, entry: ReferralEntry, column: int, role: int):
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._today is not None and entry.is_due(self._today):
                return QBrush(state_colour(State.DUE_ROW))
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.OUTCOME:
            return entry.outcome_note or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.GIVEN:
            return self.center_time.datetime_text(entry.created_at)
        if column == self.PERSON:
            return entry.person_label if entry.person_id else self.tr("Anonymous")
        if column == self.SERVICES:
            return "; ".join(entry.services)
        if column == self.STAFF:
            return entry.staff_name
        if column == self.LANGUAGE:
            return {"en": self.tr("English"), "es": self.tr("Spanish")}.get(
                entry.language, entry.language
            )
        if column == self.FOLLOW_UP:  # ⚑: due, said as well as coloured
            due = self._today is not None and entry.is_due(self._today)
            return ("⚑ " if due else "") + date_text(entry.follow_up_on)
        if column == self.OUTCOME:
            text = self._outcomes[entry.outcome]
            return f"{text}: {entry.outcome_note}" if entry.outcome_note else text
        return None

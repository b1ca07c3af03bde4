"""Referrals given, for the follow-up list and a person's record."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk.models import ReferralOutcome
from desk.services.referral_log import ReferralEntry
from ui.formatting import date_text, local_datetime_text

Index = QModelIndex | QPersistentModelIndex
DUE_COLOUR = QColor("#fff4d6")


class ReferralLogTableModel(QAbstractTableModel):
    GIVEN, PERSON, SERVICES, STAFF, LANGUAGE, FOLLOW_UP, OUTCOME = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._entries: list[ReferralEntry] = []
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
        self.beginResetModel()
        self._entries = list(entries)
        self._today = today
        self.endResetModel()

    def entry(self, row: int) -> ReferralEntry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def row_of(self, referral_id: int) -> int:
        for row, entry in enumerate(self._entries):
            if entry.id == referral_id:
                return row
        return -1

    def outcome_text(self, outcome: ReferralOutcome) -> str:
        return self._outcomes[outcome]

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
        if role == Qt.ItemDataRole.BackgroundRole:
            if self._today is not None and entry.is_due(self._today):
                return QBrush(DUE_COLOUR)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.OUTCOME:
            return entry.outcome_note or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.GIVEN:
            return local_datetime_text(entry.created_at)
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
        if column == self.FOLLOW_UP:
            return date_text(entry.follow_up_on)
        if column == self.OUTCOME:
            text = self._outcomes[entry.outcome]
            return f"{text}: {entry.outcome_note}" if entry.outcome_note else text
        return None

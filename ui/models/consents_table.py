"""A person's consents to disclose, with their status today."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desk.services.consents import ConsentRecord, ConsentStatus
from ui.formatting import date_text

Index = QModelIndex | QPersistentModelIndex


class ConsentsTableModel(QAbstractTableModel):
    RECIPIENT, STATUS, SIGNED, ENDS = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._consents: list[ConsentRecord] = []
        self._headers = [
            self.tr("Recipient"),
            self.tr("Status"),
            self.tr("Signed"),
            self.tr("Ends"),
        ]
        self._status = {
            ConsentStatus.AWAITING_SIGNATURE: self.tr("Awaiting signature"),
            ConsentStatus.ACTIVE: self.tr("Active"),
            ConsentStatus.EXPIRED: self.tr("Expired"),
            ConsentStatus.REVOKED: self.tr("Revoked"),
        }

    def set_consents(self, consents: list[ConsentRecord]) -> None:
        self.beginResetModel()
        self._consents = list(consents)
        self.endResetModel()

    def consent(self, row: int) -> ConsentRecord | None:
        return self._consents[row] if 0 <= row < len(self._consents) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._consents)

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
        if not index.isValid() or not 0 <= index.row() < len(self._consents):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        consent = self._consents[index.row()]
        column = index.column()
        if column == self.RECIPIENT:
            return consent.recipient_name
        if column == self.STATUS:
            return self._status[consent.status]
        if column == self.SIGNED:
            return date_text(consent.signed_on)
        if column == self.ENDS:
            ends = [date_text(consent.expires_on)] if consent.expires_on else []
            if consent.expiry_event:
                ends.append(consent.expiry_event)
            if consent.revoked_on:
                ends = [self.tr("revoked %1").replace("%1", date_text(consent.revoked_on))]
            return "; ".join(ends)
        return None

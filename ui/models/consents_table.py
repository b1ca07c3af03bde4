"""A person's consents to disclose, with their status today."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desk.services.consents import ConsentRecord, ConsentStatus
from ui.formatting import date_text
from ui.models.row_table import RowTableModel
from ui.words import fill


class ConsentsTableModel(RowTableModel[ConsentRecord]):
    RECIPIENT, STATUS, SIGNED, ENDS = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Recipient"),
            self.tr("Status"),
            self.tr("Signed"),
            self.tr("Valid through"),
        ]
        self._status = {
            ConsentStatus.AWAITING_SIGNATURE: self.tr("Awaiting signature"),
            ConsentStatus.ACTIVE: self.tr("Active"),
            ConsentStatus.EXPIRED: self.tr("Expired"),
            ConsentStatus.REVOKED: self.tr("Revoked"),
        }

    def set_consents(self, consents: list[ConsentRecord]) -> None:
        self.set_rows(consents)

    def consent(self, row: int) -> ConsentRecord | None:
        return self.row_at(row)

    def cell(self, consent: ConsentRecord, column: int, role: int):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.RECIPIENT:
            return consent.recipient_name
        if column == self.STATUS:
            return self._status[consent.status]
        if column == self.SIGNED:
            return date_text(consent.signed_on)
        if column == self.ENDS:
            if consent.revoked_on:
                return fill(self.tr("revoked %1"), date_text(consent.revoked_on))
            ends = [date_text(consent.expires_on)] if consent.expires_on else []
            if consent.expiry_event:
                ends.append(consent.expiry_event)
            return "; ".join(ends)
        return None

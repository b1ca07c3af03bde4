"""Search results as a table: only ids are held; each row is drawn from the index's card."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desk.categories import CATEGORY_BY_CODE
from desk.directory.cards import ServiceCard
from desk.directory.freshness import days_since, is_stale
from desk.directory.hours_text import open_status_text
from desk.directory.opening import open_status

Index = QModelIndex | QPersistentModelIndex
STALE_COLOR = QColor("#a94442")


class DirectoryTableModel(QAbstractTableModel):
    NAME, CATEGORY, OPEN, TOWN, PHONE, VERIFIED = range(6)
    ServiceIdRole = Qt.ItemDataRole.UserRole + 1
    CardRole = Qt.ItemDataRole.UserRole + 2
    StaleRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._ids: list[str] = []
        self._cards: dict[str, ServiceCard] = {}
        self._open_text: dict[str, str] = {}
        self._now = datetime(2000, 1, 1)
        self._today = date(2000, 1, 1)
        self._stale_after = 90
        self._headers = [
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Open now"),
            self.tr("Town"),
            self.tr("Phone"),
            self.tr("Verified"),
        ]

    def set_results(
        self, cards: list[ServiceCard], now_local: datetime, stale_after_days: int
    ) -> None:
        self.beginResetModel()
        self._ids = [card.id for card in cards]
        self._cards = {card.id: card for card in cards}
        self._open_text = {}
        self._now = now_local
        self._today = now_local.date()
        self._stale_after = stale_after_days
        self.endResetModel()

    def service_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, service_id: str) -> int:
        try:
            return self._ids.index(service_id)
        except ValueError:
            return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

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

    def _open(self, card: ServiceCard) -> str:
        text = self._open_text.get(card.id)
        if text is None:
            status = open_status(card.rules, card.status, self._now)
            text = open_status_text(status, self._now, "en", service_status=card.status)
            if card.alert:
                text = f"⚠ {text}"
            self._open_text[card.id] = text
        return text

    def _verified(self, card: ServiceCard) -> str:
        age = days_since(card.assured_date, self._today)
        if age is None:
            return self.tr("never")
        if age == 0:
            return self.tr("today")
        return self.tr("%1 days ago").replace("%1", str(age))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        card = self._cards[self._ids[index.row()]]
        column = index.column()
        if role == self.ServiceIdRole:
            return card.id
        if role == self.CardRole:
            return card
        stale = is_stale(card.assured_date, self._today, self._stale_after)
        if role == self.StaleRole:
            return stale
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERIFIED and stale:
            return QBrush(STALE_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.OPEN and card.alert:
                return card.alert
            if column == self.VERIFIED and stale:
                return self.tr(
                    "Not verified for more than %1 days: check before referring."
                ).replace("%1", str(self._stale_after))
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return f"{card.name} (sample)" if card.is_sample else card.name
        if column == self.CATEGORY:
            names = [CATEGORY_BY_CODE[code].name for code in card.category_codes]
            return ", ".join(names or card.other_terms)
        if column == self.OPEN:
            return self._open(card)
        if column == self.TOWN:
            return ", ".join(card.towns)
        if column == self.PHONE:
            return card.phone
        if column == self.VERIFIED:
            text = self._verified(card)
            return f"⚑ {text}" if stale else text
        return None

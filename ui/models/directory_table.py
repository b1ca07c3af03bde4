"""Search results as a table: only ids are held; each row is drawn from the index's card."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desk.directory.cards import ServiceCard
from desk.directory.freshness import days_since, is_stale
from desk.directory.hours_text import open_status_text
from desk.directory.opening import open_status
from ui.desk_words import category_name_of
from ui.formatting import phone_type_label
from ui.i18n import screen_language
from ui.models.row_table import RowTableModel
from ui.state_colours import State, state_colour


class DirectoryTableModel(RowTableModel[ServiceCard]):
    NAME, CATEGORY, OPEN, TOWN, PHONE, VERIFIED = range(6)
    CardRole = RowTableModel.RowRole
    ServiceIdRole = Qt.ItemDataRole.UserRole + 2
    StaleRole = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
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
    ) -> bool:
        """Show these results; True when the rows were replaced (a reset), False when the
        same services in the same order were only redrawn where something changed."""
        same_services = [card.id for card in cards] == [card.id for card in self.rows]
        clock_moved = (now_local.replace(second=0, microsecond=0), stale_after_days) != (
            self._now.replace(second=0, microsecond=0),
            self._stale_after,
        )
        self._now = now_local
        self._today = now_local.date()
        self._stale_after = stale_after_days
        if same_services:
            if clock_moved:
                self._open_text = {}
            else:  # keep what is still true of cards that did not change
                unchanged = {
                    card.id for card, old in zip(cards, self.rows, strict=True) if card == old
                }
                self._open_text = {k: v for k, v in self._open_text.items() if k in unchanged}
            self.update_rows(cards, redraw_all=clock_moved)
            return False
        self._open_text = {}
        self.set_rows(cards)
        return True

    def service_id(self, row: int) -> str | None:
        card = self.row_at(row)
        return card.id if card is not None else None

    def row_of(self, service_id: str) -> int:
        return next((row for row, card in enumerate(self.rows) if card.id == service_id), -1)

    def _open(self, card: ServiceCard) -> str:
        text = self._open_text.get(card.id)
        if text is None:
            status = open_status(card.rules, card.status, self._now)
            text = open_status_text(
                status, self._now, screen_language(), service_status=card.status
            )
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
        return self.tr("%n day(s) ago", "", age)

    def cell(self, card: ServiceCard, column: int, role: int):
        if role == self.ServiceIdRole:
            return card.id
        stale = is_stale(card.assured_date, self._today, self._stale_after)
        if role == self.StaleRole:
            return stale
        if role == Qt.ItemDataRole.ForegroundRole and column == self.VERIFIED and stale:
            return QBrush(state_colour(State.STALE))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.OPEN and card.alert:
                return card.alert
            if column == self.VERIFIED and stale:
                return self.tr(
                    "Not verified for more than %n day(s): check before referring.",
                    "",
                    self._stale_after,
                )
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.NAME:
            return f"{card.name} (sample)" if card.is_sample else card.name
        if column == self.CATEGORY:
            names = [category_name_of(code) for code in card.category_codes]
            return ", ".join(names or card.other_terms)
        if column == self.OPEN:
            return self._open(card)
        if column == self.TOWN:
            return ", ".join(card.towns)
        if column == self.PHONE:
            label = phone_type_label(card.phone_type)
            return f"{label}: {card.phone}" if label and card.phone else card.phone
        if column == self.VERIFIED:
            text = self._verified(card)
            return f"⚑ {text}" if stale else text
        return None

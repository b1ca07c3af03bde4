"""The referral basket as a table: the services in order, each with its note (editable)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desk.referral_basket import BasketItem
from ui.basket import BasketModel
from ui.models.row_table import RowTableModel

Index = QModelIndex | QPersistentModelIndex


class BasketTableModel(RowTableModel[BasketItem]):
    POSITION, SERVICE, NOTE = range(3)

    def __init__(self, basket: BasketModel, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("#"), self.tr("Service"), self.tr("Note for them")]
        self.basket = basket
        self.set_rows(basket.items)
        basket.changed.connect(self._reload)

    def _reload(self) -> None:
        items = list(self.basket.items)
        if [i.service_id for i in items] == [i.service_id for i in self.rows]:
            self.update_rows(items)  # only notes changed: the view keeps its selection and editor
        else:
            self.set_rows(items)

    def service_id(self, row: int) -> str | None:
        item = self.row_at(row)
        return item.service_id if item is not None else None

    def row_of(self, service_id: str) -> int:
        return next((n for n, item in enumerate(self.rows) if item.service_id == service_id), -1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.NOTE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def cell(self, row: BasketItem, column: int, role: int):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.POSITION:
                return self.row_of(row.service_id) + 1
            if column == self.SERVICE:
                return row.service_name
            if column == self.NOTE:
                return row.note
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NOTE:
            return self.tr("Double-click to write a note for this service; it prints under it.")
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.NOTE:
            return False
        service_id = self.service_id(index.row())
        if service_id is None:
            return False
        self.basket.set_note(service_id, str(value))
        return True

"""The referral basket as a table: the services in order, each with its note (editable)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.basket import BasketModel

Index = QModelIndex | QPersistentModelIndex


class BasketTableModel(QAbstractTableModel):
    POSITION, SERVICE, NOTE = range(3)

    def __init__(self, basket: BasketModel, parent=None) -> None:
        super().__init__(parent)
        self.basket = basket
        self._headers = [self.tr("#"), self.tr("Service"), self.tr("Note for them")]
        self._items = list(basket.items)
        basket.changed.connect(self._reload)

    def _reload(self) -> None:
        items = list(self.basket.items)
        if [i.service_id for i in items] == [i.service_id for i in self._items]:
            self._items = items  # only notes changed: keep the view's selection and editor
            if items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, 2))
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def service_id(self, row: int) -> str | None:
        return self._items[row].service_id if 0 <= row < len(self._items) else None

    def row_of(self, service_id: str) -> int:
        for row, item in enumerate(self._items):
            if item.service_id == service_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.NOTE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.POSITION:
                return index.row() + 1
            if column == self.SERVICE:
                return item.service_name
            if column == self.NOTE:
                return item.note
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

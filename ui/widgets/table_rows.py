"""A table that never shrinks below a few rows in sight: in a column that scrolls (larger
text on a laptop) the column scrolls instead of squeezing the list to its header."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView


class _RowsInSight(QObject):
    def __init__(self, table: QTableView, rows: int) -> None:
        super().__init__(table)
        self._table = table
        self._rows = rows
        table.installEventFilter(self)
        self.fit()

    def fit(self) -> None:
        table = self._table
        header = table.horizontalHeader()
        height = header.sizeHint().height() if header.isVisible() else 0
        height += self._rows * table.verticalHeader().defaultSectionSize()
        table.setMinimumHeight(height + 2 * table.frameWidth())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.Show):
            self.fit()
        return False


def keep_rows_in_sight(table: QTableView, rows: int) -> None:
    """`table` keeps at least `rows` rows (and its header) in sight, at any text size."""
    _RowsInSight(table, rows)

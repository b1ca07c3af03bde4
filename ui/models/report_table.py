"""A report's table, or the list behind a figure: rows of plain values under named columns.
Numbers are right-aligned and shown with thousands separators; dates as dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ui.models.row_table import RowTableModel


def shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.1f}"
    if isinstance(value, date):
        return f"{value:%a %b} {value.day}, {value.year}"
    return str(value)


class ValuesTableModel(RowTableModel[tuple]):
    def __init__(self, columns: tuple[str, ...] = (), parent=None) -> None:
        super().__init__(list(columns), parent)

    def set_table(self, columns: tuple[str, ...], rows: tuple[tuple, ...]) -> None:
        self.beginResetModel()
        self._headers = list(columns)
        self._rows = list(rows)
        self.endResetModel()

    def cell(self, row: tuple, column: int, role: int):
        value = row[column] if column < len(row) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

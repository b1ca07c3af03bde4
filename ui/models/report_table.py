"""A report's table, or the list behind a figure: rows of plain values under named columns.
Numbers are right-aligned and shown with the language's separators; dates as dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt

from ui.formatting import weekday_date_text
from ui.models.row_table import RowTableModel


def shown(value: object) -> str:
    """A value as the screens' language writes it: numbers with its separators, a day with
    its weekday, yes and no in words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Report", "yes")
            if value
            else QCoreApplication.translate("Report", "no")
        )
    if isinstance(value, int):
        return QLocale().toString(value)
    if isinstance(value, float):
        return QLocale().toString(value, "f", 1)
    if isinstance(value, date):
        return weekday_date_text(value)
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

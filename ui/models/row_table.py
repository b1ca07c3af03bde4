"""The base of the tables here: a list of plain rows (dataclasses) under named columns.

Subclasses list their headers and say what a cell shows; counting, headers and the row
behind an index are the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


def two_lines(text: str) -> str:
    """`text` broken at the space nearest its middle ("Next follow-up" → "Next\nfollow-up")."""
    spaces = [i for i, character in enumerate(text) if character == " "]
    if not spaces:
        return text
    middle = len(text) / 2
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}\n{text[cut + 1 :]}"


class RowTableModel(QAbstractTableModel, Generic[Row]):
    RowRole = Qt.ItemDataRole.UserRole + 1  # the row object itself

    def __init__(self, headers: list[str], parent=None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[Row] = []
        self._two_line_headers = False

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Iterable[Row], *, redraw_all: bool = False) -> bool:
        """Take newer versions of the same rows, in the same order, without a reset.

        Views keep their selection and scroll position; only rows that differ are redrawn
        (every row with `redraw_all`, when what a cell shows depends on more than its row).
        False, and nothing done, when the rows are not the same ones: call set_rows instead.
        """
        new = list(rows)
        if len(new) != len(self._rows):
            return False
        changed = [
            i for i, (old, row) in enumerate(zip(self._rows, new, strict=True)) if old != row
        ]
        self._rows = new
        if redraw_all and new:
            changed = [0, len(new) - 1]
        if changed:
            last_column = max(0, len(self._headers) - 1)
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], last_column))
        return True

    def append_rows(self, rows: Iterable[Row]) -> None:
        added = list(rows)
        if not added:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(added) - 1)
        self._rows.extend(added)
        self.endInsertRows()

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def refresh_column(self, column: int) -> None:
        """Redraw one column (a clock moved on, a switch changed how names show)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def set_two_line_headers(self, two_lines: bool) -> None:
        """Headers of two words or more on two lines, for a table short of width."""
        if two_lines != self._two_line_headers:
            self._two_line_headers = two_lines
            if self._headers:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._headers[section]
            return two_lines(text) if self._two_line_headers else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == self.RowRole:
            return row
        shown = self.cell(row, index.column(), role)
        if shown is None and role == Qt.ItemDataRole.ToolTipRole:
            # A cell cut short to fit its column ends in "…": its whole text is its tooltip.
            text = self.cell(row, index.column(), Qt.ItemDataRole.DisplayRole)
            return text if isinstance(text, str) and text else None
        return shown

    def cell(self, row: Row, column: int, role: int):
        """What the cell at `column` of `row` shows for `role` (None: nothing)."""
        return None

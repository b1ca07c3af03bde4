"""A read-only table of plain records (dataclasses from the services), with named columns.

A RowTableModel whose subclasses say what a cell shows role by role (`display`, `tooltip`,
`foreground`, `alignment`); the record itself is available under RecordRole for the
controller.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from ui.models.row_table import RowTableModel


class RecordTableModel(RowTableModel[Any]):
    RecordRole = RowTableModel.RowRole

    def __init__(self, headers: Sequence[str], parent=None) -> None:
        super().__init__(list(headers), parent)

    # -- for subclasses ----------------------------------------------------------------------
    def display(self, record: Any, column: int) -> str:
        """The cell's text; every subclass says (a Qt class cannot also be an ABC)."""
        raise NotImplementedError

    def tooltip(self, record: Any, column: int) -> str | None:
        return None

    def foreground(self, record: Any, column: int):
        return None

    def alignment(self, column: int) -> int | None:
        return None

    # -- data in and out -------------------------------------------------------------------
    def set_records(self, records: Sequence[Any]) -> None:
        self.set_rows(records)

    def record(self, row: int) -> Any | None:
        return self.row_at(row)

    def records(self) -> list[Any]:
        return list(self.rows)

    def refresh_display(self) -> None:
        """Everything shown may read differently (privacy switched): redraw, keep selection."""
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self._headers) - 1)
            )

    def cell(self, row: Any, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.foreground(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(column)
        return None

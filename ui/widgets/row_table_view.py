"""The table every list of records here is shown in: whole rows chosen one at a time, no
row numbers, and columns sized to what they hold (ui/widgets/column_fit.py), one of them
taking the width left over."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QTableView

from ui.widgets.column_fit import fit_columns


def row_table_view(
    model: QAbstractItemModel,
    name: str,
    *,
    stretch: int | None = None,
    first: tuple[int, ...] | None = None,
    optional: tuple[int, ...] = (),
    spoken: str = "",
) -> QTableView:
    """`spoken`: what a screen reader calls the table ("Today's queue"), in the screens'
    words."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(spoken)
    table.setModel(model)
    table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    fit_columns(table, stretch=stretch, first=first, optional=optional)
    return table

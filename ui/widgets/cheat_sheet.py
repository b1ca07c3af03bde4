"""The keys of the page on screen, listed (F1 or Ctrl+/ from anywhere in the window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.widgets.keys import Key
from ui.words import fill


class CheatSheet(QDialog):
    def __init__(
        self, title: str, keys: list[Key], everywhere: list[Key], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cheatSheet")
        self.setWindowTitle(fill(self.tr("Keys: %1"), title))
        heading = QLabel(fill(self.tr("Keys on %1"), title))
        heading.setObjectName("sectionHeading")
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("cheatSheetTable")
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        rows = [*keys, Key("", ""), *everywhere] if keys else everywhere
        for key in rows:
            row = self.table.rowCount()
            self.table.insertRow(row)
            keys_item = QTableWidgetItem(key.keys)
            font = keys_item.font()
            font.setBold(True)
            keys_item.setFont(font)
            self.table.setItem(row, 0, keys_item)
            self.table.setItem(row, 1, QTableWidgetItem(key.what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(620, min(680, 120 + 30 * len(rows)))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def listed(self) -> list[tuple[str, str]]:
        """What the sheet shows, row by row (for tests)."""
        return [
            (self.table.item(row, 0).text(), self.table.item(row, 1).text())
            for row in range(self.table.rowCount())
            if self.table.item(row, 0).text()
        ]

"""The re-verify queue: resources not checked for too long, the stalest first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk.directory.freshness import QueueEntry
from desk.directory.hours_text import date_text
from ui.words import fill


class ReverifyQueueDialog(QDialog):
    open_requested = Signal(str)  # a service id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reverifyQueueDialog")
        self.setWindowTitle(self.tr("Re-verify queue"))
        self.resize(760, 480)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("reverifyTable")
        self.table.setAccessibleName(self.tr("Resources to verify again"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Resource"), self.tr("Organization"), self.tr("Last verified"), self.tr("By")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 300)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(2, 140)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.open_button = QPushButton(self.tr("Show it to check"))
        self.open_button.clicked.connect(lambda: self._open(self.table.currentRow()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.entries: list[QueueEntry] = []

    def set_entries(self, entries: list[QueueEntry], stale_after_days: int) -> None:
        self.entries = entries
        self.intro.setText(
            fill(
                self.tr(
                    "%1 resources have not been verified for more than %2 days. Call each one, "
                    "check the details, then press “Verified today”."
                ),
                str(len(entries)),
                str(stale_after_days),
            )
        )
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            verified = (
                self.tr("never")
                if entry.assured_date is None
                else fill(
                    self.tr("%1 (%2 days)"), date_text(entry.assured_date), str(entry.days_since)
                )
            )
            for column, text in enumerate(
                (entry.name, entry.organization, verified, entry.verified_by or "")
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if entries:
            self.table.selectRow(0)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.entries):
            self.open_requested.emit(self.entries[row].service_id)

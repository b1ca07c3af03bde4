"""Choosing the coach a visitor starts with now (Ctrl+G), shown as Assign coach shows it: the
coaches ranked for this visitor, each with their caseload and the reasons in words (their
language by name, room, on duty, a coach they know), the best one highlighted."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.coaching.ranking import Suggestion
from ui.models.suggestions_table import SuggestionsTableModel
from ui.widgets.column_fit import fit_columns
from ui.words import fill


class CoachPicker(QDialog):
    def __init__(
        self,
        suggestions: list[Suggestion],
        labels: Mapping[str, str],
        who: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("coachPicker")
        self.setWindowTitle(self.tr("Start with a coach"))
        self.model = SuggestionsTableModel(self)
        self.model.set_suggestions(suggestions, labels)
        self.table = QTableView()
        self.table.setObjectName("coachPickerTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setColumnHidden(SuggestionsTableModel.SCORE, True)
        fit_columns(
            self.table,
            stretch=SuggestionsTableModel.WHY,
            first=(SuggestionsTableModel.COACH, SuggestionsTableModel.PEERS),
        )
        self.table.selectRow(0)
        self.table.activated.connect(lambda _index: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        heading = QLabel(
            fill(self.tr("Who will %1 start with? The best match first; Enter chooses."), who)
        )
        heading.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(820, 380)  # the ranking's reasons in full, within a 1024-wide screen
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.model.modelReset.connect(self.table.resizeRowsToContents)
        self.table.resizeRowsToContents()

    def chosen_coach_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        suggestion = self.model.row_at(rows[0].row()) if rows else None
        return suggestion.coach.id if suggestion is not None else None

"""The list behind a figure, in a window of its own: loaded in the background, and its
opening recorded in the activity log with whose names it showed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
)

from desk.errors import DeskError
from desk.reports.periods import Period
from desk.reports.visit_lists import FigureList
from desk.services.reports import figure_list
from ui.context import AppContext
from ui.error_words import worded
from ui.models.report_table import ValuesTableModel
from ui.pages.reports.words import period_text, report_word
from ui.widgets.row_table_view import row_table_view
from ui.words import fill


class FigureListDialog(QDialog):
    def __init__(
        self,
        context: AppContext,
        period: Period,
        key: str,
        title: str,
        *,
        private: bool,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("figureListDialog")
        self.setWindowTitle(title)
        self.found: FigureList | None = None
        self.heading = QLabel(self.tr("Loading…"))
        self.heading.setObjectName("sectionHeading")
        self.heading.setWordWrap(True)
        self.model = ValuesTableModel((), self)
        self.table = row_table_view(self.model, "figureListTable")
        self.table.setAccessibleName(self.windowTitle())
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self._period = period
        self._title = title
        actor = context.actor
        context.tasks.submit(
            lambda session: figure_list(session, actor, period, key, title=title, private=private),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, found: FigureList) -> None:
        self.found = found
        self.model.set_table(
            tuple(report_word(c) for c in found.columns),
            tuple(
                tuple(report_word(v) if isinstance(v, str) else v for v in row)
                for row in found.rows
            ),
        )
        text = fill(
            self.tr("%1 · %2: %3"), self._title, period_text(self._period), f"{found.total:,}"
        )
        if found.cut_short:
            text += fill(
                self.tr(" (the first %1 shown; export the report for every count)"),
                f"{len(found.rows):,}",
            )
        self.heading.setText(text)

    def _failed(self, error: DeskError) -> None:
        self.heading.setText(worded(error)[0])

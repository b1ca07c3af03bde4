"""A report section on screen: its figures as cards (value, the previous period's, the
change), then its charts and tables. Clicking a card, or a table row that has a list
behind it, asks for that list (`list_wanted`), when the staff member may see lists.

Built from the section's data alone, so a new part of the report (group attendance, ...)
shows here without a change to this page.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.printing.monthly_report import change_text, figure_text
from desk.reports.model import Figure, Section, Table
from ui.models.report_table import ValuesTableModel
from ui.pages.reports.charts import chart_widget
from ui.widgets.row_table_view import row_table_view
from ui.words import fill

CARDS_PER_ROW = 4
TABLE_ROWS_SHOWN = 12


class FigureCard(QFrame):
    clicked = Signal(str, str)  # key, label

    def __init__(self, figure: Figure, clickable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.clickable = clickable
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        label = QLabel(figure.label)
        label.setWordWrap(True)
        self.value_label = QLabel(figure_text(figure.value, figure.unit))
        self.value_label.setObjectName("figureValue")
        font = self.value_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value_label.setFont(font)
        self.previous_label = QLabel(
            fill(
                self.tr("Previous: %1 · change %2"),
                figure_text(figure.previous, figure.unit),
                change_text(figure),
            )
        )
        self.previous_label.setObjectName("figurePrevious")
        self.previous_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.previous_label)
        tip = figure.note
        if clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            tip = (tip + "\n" if tip else "") + self.tr("Click for the list behind it")
        self.setToolTip(tip)
        self.setAccessibleName(
            f"{figure.label}: {self.value_label.text()}. {self.previous_label.text()}"
        )

    def mouseReleaseEvent(self, event) -> None:
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.figure.key, self.figure.label)
        super().mouseReleaseEvent(event)


class SectionWidget(QWidget):
    list_wanted = Signal(str, str)  # key, title

    def __init__(self, section: Section, clickable: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"section_{section.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        heading = QLabel(section.title)
        heading.setObjectName("sectionHeading")
        layout.addWidget(heading)
        grid = QGridLayout()
        self.cards: list[FigureCard] = []
        for n, figure in enumerate(section.figures):
            card = FigureCard(figure, clickable)
            card.clicked.connect(self.list_wanted)
            self.cards.append(card)
            grid.addWidget(card, n // CARDS_PER_ROW, n % CARDS_PER_ROW)
        layout.addLayout(grid)
        self.charts = [chart_widget(chart) for chart in section.charts]
        for chart in self.charts:
            layout.addWidget(chart)
        self.tables: list[QTableView] = []
        for table in section.tables:
            layout.addWidget(QLabel(table.title))
            view = self._table(table, clickable)
            self.tables.append(view)
            layout.addWidget(view)

    def _table(self, table: Table, clickable: bool) -> QTableView:
        model = ValuesTableModel(table.columns, self)
        model.set_table(table.columns, table.rows)
        # Its label column takes what is left; on a narrow screen or at larger text the
        # headers go onto two lines and the table grows to keep its rows in sight.
        view = row_table_view(model, f"table_{table.key}", stretch=0, spoken=table.title)
        rows = min(len(table.rows), TABLE_ROWS_SHOWN)

        def fit_height() -> None:
            height = view.horizontalHeader().sizeHint().height() + 4
            height += rows * view.verticalHeader().defaultSectionSize()
            view.setFixedHeight(height + (0 if len(table.rows) <= TABLE_ROWS_SHOWN else 2))

        fit_height()
        view.horizontalHeader().geometriesChanged.connect(fit_height)
        if clickable and table.row_keys:

            def opened(index, table=table) -> None:
                key = table.row_keys[index.row()] if index.row() < len(table.row_keys) else None
                if key:
                    label = str(table.rows[index.row()][0])
                    self.list_wanted.emit(key, f"{table.title}: {label}")

            view.doubleClicked.connect(opened)
            view.activated.connect(opened)
            view.setToolTip(self.tr("Double-click a row for the list behind it"))
        return view

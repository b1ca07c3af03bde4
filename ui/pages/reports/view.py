"""Layout of the Reports page: the range and what to do with it across the top; below, the
sections of the report, one under another, in a scrolling column."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desk.reports.periods import RANGE_WORDS, RangeKind
from ui.formatting import date_edit_format
from ui.pages.reports.words import report_word
from ui.widgets.banner import Banner


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate())
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_edit_format())
    return edit


class ReportsView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Reports"))
        heading.setObjectName("pageHeading")
        self.range_choice = QComboBox()
        self.range_choice.setObjectName("rangeChoice")
        for kind in RangeKind:
            self.range_choice.addItem(report_word(RANGE_WORDS[kind]), str(kind))
        self.first_day = _date_edit("firstDay")
        self.last_day = _date_edit("lastDay")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("showRangeButton")
        self.privacy = QCheckBox(self.tr("Privacy: first name and last initial"))
        self.privacy.setChecked(True)
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportButton")
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_xlsx = QAction(self.tr("Spreadsheet (XLSX), one sheet per table…"), self)
        self.export_csv = QAction(self.tr("CSV, every table…"), self)
        self.export_pdf = QAction(self.tr("Report for funders (PDF)…"), self)
        self.export_visits = QAction(self.tr("De-identified visits (CSV)…"), self)
        for action in (self.export_xlsx, self.export_csv, self.export_pdf):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.export_visits)
        self.export_button.setMenu(menu)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Range:")))
        top.addWidget(self.range_choice)
        top.addWidget(self.first_day)
        self.dash = QLabel("–")
        top.addWidget(self.dash)
        top.addWidget(self.last_day)
        top.addWidget(self.show_button)
        top.addStretch(1)
        top.addWidget(self.privacy)
        top.addWidget(self.export_button)

        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.banner = Banner()
        self.scroll = QScrollArea()
        self.scroll.setObjectName("reportScroll")
        self.scroll.setWidgetResizable(True)
        self.content = QWidget()
        self.scroll.setWidget(self.content)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.banner)
        layout.addWidget(self.scroll, 1)

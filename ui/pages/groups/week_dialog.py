"""Print the handout "This week at the center": the week's groups, in English or Spanish, in
large print if wanted, previewed as it will print. It names no one, so it needs no consent;
each print and saved copy is recorded in the activity log."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.groups.recurrence import week_of
from desk.services.week_handout import week_schedule
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_edit_format, date_text
from ui.pages.referrals.document_actions import DEFAULT_PRINTER, DIALOG, PDF_FILE, DocumentActions
from ui.printing.preview import PdfPreview, render_first_pages
from ui.words import fill

PREVIEW_DELAY_MS = 250


class WeekHandoutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.setWindowTitle(self.tr("Print “This week at the center”"))
        today = context.center_time.today()
        self.week = QDateEdit(QDate(today.year, today.month, today.day))
        self.week.setObjectName("weekDate")
        self.week.setAccessibleName(self.tr("A day of the week to print"))
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat(date_edit_format())
        self.next_week = QPushButton(self.tr("Next week"))
        self.next_week.setObjectName("nextWeek")
        self.language = QComboBox()
        self.language.setObjectName("weekLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish (Español)"), "es")
        self.large_print = QCheckBox(self.tr("Large print"))
        self.large_print.setObjectName("weekLargePrint")
        self.week_line = QLabel()
        self.week_line.setObjectName("hintLine")
        week_row = QHBoxLayout()
        week_row.addWidget(self.week, 1)
        week_row.addWidget(self.next_week)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        language_row.addWidget(self.large_print)
        form = QFormLayout()
        form.addRow(self.tr("Week of:"), week_row)
        form.addRow("", self.week_line)
        form.addRow(self.tr("Language:"), language_row)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printWeek")
        self.print_button.setDefault(True)
        self.quick_print_button = QPushButton(self.tr("Print to default printer"))
        self.quick_print_button.setObjectName("quickPrintWeek")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveWeek")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        for button in (self.print_button, self.quick_print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        self.status.setWordWrap(True)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addStretch(1)
        self.preview = PdfPreview()
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setSizes([320, 460])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.resize(860, 640)
        self.documents = DocumentActions(context, self, self.report)
        self._serial = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self.week.dateChanged.connect(lambda _day: self._timer.start())
        self.language.currentIndexChanged.connect(lambda _index: self._timer.start())
        self.large_print.toggled.connect(lambda _on: self._timer.start())
        self.next_week.clicked.connect(lambda: self.week.setDate(self.week.date().addDays(7)))
        self.print_button.clicked.connect(lambda: self.send(DIALOG))
        self.quick_print_button.clicked.connect(lambda: self.send(DEFAULT_PRINTER))
        self.save_button.clicked.connect(lambda: self.send(PDF_FILE))
        close.clicked.connect(self.accept)
        self.refresh_preview()

    def choice(self) -> tuple[date, str, bool]:
        monday, _ = week_of(self.week.date().toPython())
        return monday, self.language.currentData(), self.large_print.isChecked()

    def refresh_preview(self) -> None:
        self._timer.stop()
        self._serial += 1
        serial, (monday, language, large) = self._serial, self.choice()
        self.week_line.setText(
            fill(
                self.tr("Monday %1 to Sunday %2"),
                date_text(monday),
                date_text(monday + timedelta(days=6)),
            )
        )
        width = self.preview.first_pages_width()

        def work(session):
            _, pdf = week_schedule(session, monday, language, large)
            return pdf, render_first_pages(pdf, width)

        def done(result) -> None:
            if serial == self._serial:
                self.preview.show_pages(*result)

        def failed(error: DeskError) -> None:
            if serial == self._serial:
                self.preview.show_message(in_words(error))

        self.context.tasks.submit(work, done, failed, owner=self)

    def send(self, how: str) -> None:
        monday, language, large = self.choice()
        self.documents.week_schedule(monday, language, large, how)

    def report(self, message: str, level: str) -> None:
        self.status.setText(message)
        self.status.setProperty("invalid", level == "error")

"""Print a category handout: every current service of one category (say "Food"), for the
rack by the door. It names no person, so it needs no consent.

The preview shows the PDF's own pages; Print…, Print to default printer and Save as PDF… go
through the same document actions as every other document, each print, saved copy and
failed print recorded in the activity log.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desk.categories import CATEGORIES, CATEGORY_BY_CODE
from desk.errors import DeskError
from desk.services.handouts import category_handout
from desk.services.settings import center_today
from ui.context import AppContext
from ui.desk_words import category_name
from ui.error_words import in_words
from ui.pages.referrals.document_actions import (
    DEFAULT_PRINTER,
    DIALOG,
    PDF_FILE,
    DocumentActions,
)
from ui.printing.preview import PdfPreview, render_first_pages

PREVIEW_DELAY_MS = 250


class HandoutDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # not kept all day by its page
        self.context = context
        self.setWindowTitle(self.tr("Print a category handout"))
        self.category = QComboBox()
        self.category.setObjectName("handoutCategory")
        for category in CATEGORIES:
            self.category.addItem(category_name(category), category.code)
        self.language = QComboBox()
        self.language.setObjectName("handoutLanguage")
        self.language.addItem(self.tr("English"), "en")
        self.language.addItem(self.tr("Spanish (Español)"), "es")
        self.large_print = QCheckBox(self.tr("Large print"))
        self.large_print.setObjectName("handoutLargePrint")
        form = QFormLayout()
        form.addRow(self.tr("Category:"), self.category)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language, 1)
        language_row.addWidget(self.large_print)
        form.addRow(self.tr("Language:"), language_row)
        hint = QLabel(
            self.tr(
                "Every current listing of the category, as checked by our staff, with the help "
                "lines. No person is named on it."
            )
        )
        hint.setObjectName("hintLine")
        hint.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("printHandout")
        self.print_button.setDefault(True)
        self.quick_print_button = QPushButton(self.tr("Print to default printer"))
        self.quick_print_button.setObjectName("quickPrintHandout")
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("saveHandout")
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
        column.addWidget(hint)
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
        for combo in (self.category, self.language):
            combo.currentIndexChanged.connect(lambda _index: self._timer.start())
        self.large_print.toggled.connect(lambda _on: self._timer.start())
        self.print_button.clicked.connect(lambda: self.send(DIALOG))
        self.quick_print_button.clicked.connect(lambda: self.send(DEFAULT_PRINTER))
        self.save_button.clicked.connect(lambda: self.send(PDF_FILE))
        close.clicked.connect(self.accept)
        self.refresh_preview()

    def choice(self) -> tuple[str, str, bool]:
        return (
            self.category.currentData(),
            self.language.currentData(),
            self.large_print.isChecked(),
        )

    def refresh_preview(self) -> None:
        self._timer.stop()
        self._serial += 1
        serial, (code, language, large) = self._serial, self.choice()
        width = self.preview.first_pages_width()
        category = CATEGORY_BY_CODE[code]

        def work(session):
            _, pdf = category_handout(session, category, language, large, center_today(session))
            return pdf, render_first_pages(pdf, width)

        def done(result) -> None:
            if serial == self._serial:
                self.preview.show_pages(*result)

        def failed(error: DeskError) -> None:
            if serial == self._serial:
                self.preview.show_message(in_words(error))

        self.context.tasks.submit(work, done, failed, owner=self)

    def send(self, how: str) -> None:
        code, language, large = self.choice()
        self.documents.category_handout(code, language, large, how)

    def report(self, message: str, level: str) -> None:
        self.status.setText(message)
        self.status.setProperty("invalid", level == "error")

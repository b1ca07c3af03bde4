"""The preview: the actual PDF pages, as QtPdf draws them, scrolled like a document."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ui.printing.pdf_document import PdfInMemory


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPdfView()
        self.view.setObjectName("pdfPreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.view)
        self.pages = QLabel()
        self.pages.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.pages)
        self._pdf: PdfInMemory | None = None
        self.pdf_bytes: bytes | None = None
        self.show_message(self.tr("The sheet appears here as it will print."))

    def show_pdf(self, pdf: bytes) -> None:
        old = self._pdf
        self._pdf = PdfInMemory(pdf, self)
        self.pdf_bytes = pdf
        self.view.setDocument(self._pdf.document)
        if old is not None:
            old.deleteLater()
        self.stack.setCurrentWidget(self.view)
        self.pages.setText(self.tr("%n page(s), US Letter", "", self._pdf.page_count))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.pages.setText("")

    @property
    def page_count(self) -> int:
        return self._pdf.page_count if self._pdf is not None and self.pdf_bytes else 0

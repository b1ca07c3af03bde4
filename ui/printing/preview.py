"""The preview: the actual PDF pages, drawn by QtPdf, one under the other.

Pages are rendered to images by `render_pages` (on a worker thread, with the sheet) and
shown scaled to the pane's width; the PDF that prints is the very one these images show.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from ui.printing.pdf_document import PdfInMemory, render_on_white

RENDER_WIDTH = 1100  # pixels per page width: sharp on a large screen, light to scale down


def render_pages(pdf: bytes, width: int = RENDER_WIDTH) -> list[QImage]:
    """Each page of `pdf` as an image `width` pixels wide (safe on a worker thread)."""
    holder = PdfInMemory(pdf)
    images = []
    for page in range(holder.page_count):
        size = holder.document.pagePointSize(page)
        height = round(width * size.height() / size.width())
        images.append(render_on_white(holder.document, page, QSize(width, height)))
    return images


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages_box = QWidget()
        self.pages_box.setObjectName("pdfPreview")
        self.pages_layout = QVBoxLayout(self.pages_box)
        self.pages_layout.setSpacing(12)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.pages_box)
        self.scroll.setStyleSheet("QScrollArea { background: #8d99a3; }")
        self.pages_box.setStyleSheet("QWidget#pdfPreview { background: #8d99a3; }")
        self.message = QLabel()
        self.message.setObjectName("previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.scroll)
        self.pages = QLabel()
        self.pages.setObjectName("statusLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.pages)
        self.images: list[QImage] = []
        self.pdf_bytes: bytes | None = None
        self.show_message(self.tr("The sheet appears here as it will print."))

    def show_pages(self, pdf: bytes, images: list[QImage]) -> None:
        self.pdf_bytes = pdf
        self.images = images
        self.stack.setCurrentWidget(self.scroll)
        self._lay_out()
        self.pages.setText(self.tr("%n page(s), US Letter", "", len(images)))

    def _lay_out(self) -> None:
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        width = max(200, self.scroll.viewport().width() - 28)
        for number, image in enumerate(self.images, start=1):
            label = QLabel()
            label.setObjectName(f"previewPage{number}")
            label.setPixmap(
                QPixmap.fromImage(image).scaledToWidth(
                    width, Qt.TransformationMode.SmoothTransformation
                )
            )
            self.pages_layout.addWidget(label)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.images and self.stack.currentWidget() is self.scroll:
            self._lay_out()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        self.pages.setText("")
        self.images = []

    @property
    def page_count(self) -> int:
        return len(self.images) if self.pdf_bytes else 0

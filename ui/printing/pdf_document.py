"""A PDF held in memory as a QPdfDocument (QtPdf renders the very bytes that will print)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from desk.errors import DeskError


class PdfInMemory(QObject):
    """Owns the buffer a QPdfDocument reads from, which must live as long as the document."""

    def __init__(self, pdf: bytes, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self.buffer)
        if self.document.status() is not QPdfDocument.Status.Ready:
            raise DeskError(
                "The sheet could not be read back for printing.",
                hint="Save it as PDF instead; the log file has the details.",
            )

    @property
    def page_count(self) -> int:
        return self.document.pageCount()


def render_on_white(document: QPdfDocument, page: int, size: QSize) -> QImage:
    """A page as an opaque image: QtPdf leaves the paper transparent, which shows as grey
    in a preview and would let what is under the image show through in a PDF."""
    rendered = document.render(page, size)
    if rendered.isNull():
        return rendered
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image

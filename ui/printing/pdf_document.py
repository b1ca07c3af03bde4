"""A PDF held in memory as a QPdfDocument (QtPdf renders the very bytes that will print)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
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

"""Printing a PDF on a QPrinter: any printer the system knows, through Qt's print path.

Each page is rendered by QtPdf at the printer's resolution (at most 300 dpi) and painted on
the printer. Beneath each page image the page's text is laid, taken from the PDF, so that a
PDF printer's output stays searchable and copyable; on paper the image covers it.

A printer that is stopped (off, jammed, out of paper, paused) is refused before anything is
sent, with a message that says what to do; so is one that fails to open or to finish.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from desk.errors import DeskError
from ui.printing.pdf_document import PdfInMemory, render_on_white
from ui.printing.printer_messages import (
    CHECK_ON_AND_CONNECTED,
    CHECK_QUEUE,
    CHOOSE_ANOTHER_OR_SAVE,
    CHOOSE_IN_PRINT_DIALOG,
    CHOOSE_LETTER_PRINTER,
    CLOSE_PROGRAMS,
    COULD_NOT_OPEN,
    ERROR_WHILE_PRINTING,
    NO_PAPER_SIZE,
    NONE_CHOSEN,
    NOT_SET_UP,
    NOT_SET_UP_ANY_MORE,
    NOTHING_SENT_CHECK_IT,
    PAGE_NOT_PREPARED,
    STOPPED,
)

MAX_DPI = 300


class PrintFailed(DeskError):
    """The printer could not take the job: what happened and what to do instead."""


def printer_label(printer: QPrinter) -> str:
    return printer.printerName() or "?"


def check_printer_ready(printer: QPrinter) -> None:
    """Refuse a printer the system reports stopped or unknown, before sending anything."""
    name = printer.printerName()
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        if printer.outputFileName():
            return  # Qt's own PDF printer, writing a file
        # Qt falls back to a PDF printer when it knows no printer by the name asked for.
        raise PrintFailed(NOT_SET_UP.with_(name=name or "?"), hint=CHOOSE_ANOTHER_OR_SAVE)
    if not name:
        raise PrintFailed(NONE_CHOSEN, hint=CHOOSE_IN_PRINT_DIALOG)
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintFailed(NOT_SET_UP_ANY_MORE.with_(name=name), hint=CHOOSE_ANOTHER_OR_SAVE)
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(STOPPED.with_(name=name), hint=NOTHING_SENT_CHECK_IT)


def _prepare_page_setup(printer: QPrinter, document: QPdfDocument) -> None:
    size = document.pagePointSize(0)
    page_size = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    # setPageLayout with zero margins is refused by printers with a minimum margin, leaving
    # their default paper (often A4); the size alone is taken, and full-page drawing ignores
    # the margins.
    printer.setFullPage(True)
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    if not printer.setPageSize(page_size):
        raise PrintFailed(
            NO_PAPER_SIZE.with_(name=printer_label(printer), paper=page_size.name()),
            hint=CHOOSE_LETTER_PRINTER,
        )


def _draw_text_layer(painter: QPainter, document: QPdfDocument, page: int, scale: float) -> None:
    """The page's text, line by line where QtPdf found it, in white: the image covers it."""
    full = document.getAllText(page).text()
    painter.save()
    painter.scale(scale, scale)
    painter.setPen(QColor("white"))
    font = QFont("Noto Sans")
    position = 0
    for line in full.replace("\r\n", "\n").split("\n"):
        start = full.find(line, position)
        if start < 0 or not line.strip():
            continue
        position = start + len(line)
        selection = document.getSelectionAtIndex(page, start, len(line))
        heights = [polygon.boundingRect().height() for polygon in selection.bounds()]
        rect = selection.boundingRectangle()
        if not heights or rect.isEmpty():
            continue
        font.setPixelSize(max(1, round(min(heights) * 0.8)))
        painter.setFont(font)
        painter.drawText(rect.topLeft() + QPointF(0, min(heights) * 0.8), line)
    painter.restore()


def print_pdf(pdf: bytes, printer: QPrinter, document_name: str) -> int:
    """Send every page of `pdf` to `printer`; the number of pages sent, or PrintFailed."""
    check_printer_ready(printer)
    holder = PdfInMemory(pdf)
    document = holder.document
    pages = document.pageCount()
    printer.setDocName(document_name)
    _prepare_page_setup(printer, document)
    dpi = min(MAX_DPI, printer.resolution())
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(
            COULD_NOT_OPEN.with_(name=printer_label(printer)), hint=CHECK_ON_AND_CONNECTED
        )
    try:
        target = printer.pageLayout().fullRectPixels(printer.resolution())
        for page in range(pages):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            pixels = QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
            image = render_on_white(document, page, pixels)
            if image.isNull():
                raise PrintFailed(PAGE_NOT_PREPARED.with_(page=page + 1), hint=CLOSE_PROGRAMS)
            _draw_text_layer(painter, document, page, target.width() / size.width())
            painter.drawImage(QRectF(target), image)
    finally:
        painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(ERROR_WHILE_PRINTING.with_(name=printer_label(printer)), hint=CHECK_QUEUE)
    return pages

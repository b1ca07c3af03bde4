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

MAX_DPI = 300


class PrintFailed(DeskError):
    """The printer could not take the job: what happened and what to do instead."""


def printer_label(printer: QPrinter) -> str:
    return printer.printerName() or "the printer"


def check_printer_ready(printer: QPrinter) -> None:
    """Refuse a printer the system reports stopped or unknown, before sending anything."""
    name = printer.printerName()
    if printer.outputFormat() is QPrinter.OutputFormat.PdfFormat:
        if printer.outputFileName():
            return  # Qt's own PDF printer, writing a file
        # Qt falls back to a PDF printer when it knows no printer by the name asked for.
        raise PrintFailed(
            f"The printer “{name or '?'}” is not set up on this computer.",
            hint="Choose another printer, or save the sheet as PDF.",
        )
    if not name:
        raise PrintFailed(
            "No printer is chosen, or the chosen one is not set up on this computer.",
            hint="Choose a printer in Print…, or save the sheet as PDF.",
        )
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintFailed(
            f"The printer “{name}” is not set up on this computer any more.",
            hint="Choose another printer, or save the sheet as PDF.",
        )
    if info.state() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(
            f"The printer “{name}” is stopped: it may be off, jammed, out of paper or paused.",
            hint="Nothing was sent to it. Check the printer (and its queue in the system's "
            "printer settings), then press Print again; or choose another printer, or save "
            "the sheet as PDF.",
        )


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
            f"The printer “{printer_label(printer)}” has no {page_size.name()} paper.",
            hint="Choose a printer that takes US Letter, or save the sheet as PDF.",
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
            f"The printer “{printer_label(printer)}” could not be opened.",
            hint="Check that it is on and connected, then press Print again; or save the "
            "sheet as PDF.",
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
                raise PrintFailed(
                    f"Page {page + 1} could not be prepared for printing (out of memory?).",
                    hint="Close other programs and print again, or save the sheet as PDF.",
                )
            _draw_text_layer(painter, document, page, target.width() / size.width())
            painter.drawImage(QRectF(target), image)
    finally:
        painter.end()
    if printer.printerState() in (QPrinter.PrinterState.Error, QPrinter.PrinterState.Aborted):
        raise PrintFailed(
            f"The printer “{printer_label(printer)}” reported an error while printing.",
            hint="Check the printer and its queue, then press Print again; or save the sheet "
            "as PDF.",
        )
    return pages

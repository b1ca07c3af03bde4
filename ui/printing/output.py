"""Where a document goes: the system print dialog, the default printer, or a PDF file.

A page asks here for a target, then hands the bytes to `send`; printing runs in the
background and reports on the GUI thread. Tests replace the three `choose_*` methods.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QObject
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from desk.atomic_files import write_bytes_atomically
from desk.errors import DeskError
from ui.printing.printer_messages import CHOOSE_ANOTHER_FOLDER, COULD_NOT_SAVE
from ui.printing.printer_output import PrintFailed, print_pdf
from ui.tasks import TaskRunner


@dataclass
class Target:
    """A printer to print on, or a file to save to."""

    printer: QPrinter | None = None
    path: Path | None = None

    @property
    def saves_file(self) -> bool:
        return self.path is not None

    @property
    def label(self) -> str:
        if self.path is not None:
            return str(self.path)
        assert self.printer is not None
        return self.printer.printerName() or "printer"


class DocumentOutput(QObject):
    def __init__(self, tasks: TaskRunner, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.tasks = tasks
        self.parent_widget = parent_widget

    def choose_printer(self) -> Target | None:
        """The system print dialog: any printer the system knows; None when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.parent_widget)
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return Target(printer=printer)

    def default_printer(self) -> Target:
        info = QPrinterInfo.defaultPrinter()
        if info.isNull():
            raise PrintFailed(
                "No default printer is set up on this computer.",
                hint="Use Print… to choose a printer, or save the sheet as PDF.",
            )
        return Target(printer=QPrinter(info, QPrinter.PrinterMode.HighResolution))

    def choose_file(self, suggested_name: str) -> Target | None:
        start = QDir.home().filePath(suggested_name)
        path, _ = QFileDialog.getSaveFileName(
            self.parent_widget, self.tr("Save as PDF"), start, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        return Target(path=Path(path))

    def send(
        self,
        pdf: bytes,
        target: Target,
        document_name: str,
        on_done: Callable[[Target], None],
        on_error: Callable[[DeskError], None],
    ) -> None:
        """Print or write `pdf` in the background; then `on_done(target)` or `on_error`."""

        def work(_session) -> Target:
            if target.path is not None:
                try:
                    write_bytes_atomically(target.path, pdf)  # never a half-written PDF
                except OSError as error:
                    raise DeskError(
                        COULD_NOT_SAVE.with_(path=target.path, why=error.strerror),
                        hint=CHOOSE_ANOTHER_FOLDER,
                    ) from None
            else:
                assert target.printer is not None
                print_pdf(pdf, target.printer, document_name)
            return target

        self.tasks.submit(work, on_done, on_error)

"""The one dialog for unexpected errors: it names the log file and leaves every form as it was.

Nothing closes when it appears: what staff typed stays on screen, and forms keep their drafts.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.words import fill

logger = logging.getLogger("recovery_desk.crash")


class UnexpectedErrorDialog(QDialog):
    def __init__(
        self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setObjectName("unexpectedErrorDialog")
        where = (
            fill(self.tr("The details were written to the log file:\n%1"), str(log_path))
            if log_path
            else self.tr("The log file could not be written.")
        )
        intro = QLabel(
            self.tr(
                "Recovery Desk ran into a problem it did not expect. Nothing you typed has "
                "been cleared: close this message and carry on, or save your work and restart."
            )
            + "\n\n"
            + summary
            + "\n\n"
            + where
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        show = QPushButton(self.tr("Show details"))
        show.setCheckable(True)
        show.toggled.connect(self.details.setVisible)
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.addButton(show, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_path is not None:
            folder = QPushButton(self.tr("Open log folder"))
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
            )
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details)
        layout.addWidget(buttons)


class CrashReporter:
    """Logs every uncaught exception and shows it in the dialog, one dialog at a time."""

    def __init__(self, log_path: Path | None, parent_widget=lambda: None) -> None:
        self._log_path = log_path
        self._parent_widget = parent_widget
        self._showing = False
        self.last_error: BaseException | None = None

    def attach(self, parent_widget) -> None:
        """The window the dialog opens over, from now on (the one signed in at the moment)."""
        self._parent_widget = parent_widget

    def install(self) -> None:
        sys.excepthook = self.excepthook

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        self.report(error, trace)

    def report(self, error: BaseException, trace: TracebackType | None = None) -> None:
        self.last_error = error
        trace = trace or error.__traceback__
        details = "".join(traceback.format_exception(type(error), error, trace))
        logger.error("unexpected error\n%s", details)
        if self._showing:
            return
        self._showing = True
        try:
            dialog = UnexpectedErrorDialog(
                f"{type(error).__name__}: {error}",
                details,
                self._log_path,
                self._parent_widget(),
            )
            dialog.exec()
        finally:
            self._showing = False

"""Unexpected errors reach one dialog that names the log file; Qt's warnings reach the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from desk.logs import configure_logging
from tests.ui.typing_helpers import type_text
from ui.error_dialog import CrashReporter, UnexpectedErrorDialog
from ui.qt_log import route_qt_messages_to_logging


@pytest.fixture
def log_path(tmp_path: Path):
    path = configure_logging(tmp_path / "logs" / "recovery-desk.log")
    yield path
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "_recovery_desk", False):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_the_dialog_names_the_log_and_keeps_what_was_typed(qtbot, log_path: Path) -> None:
    form = QLineEdit()
    qtbot.addWidget(form)
    form.show()
    type_text(form, "María Pérez, wants detox info")
    seen: list[str] = []

    def close_dialog() -> None:
        dialog = next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, UnexpectedErrorDialog) and w.isVisible()
        )
        seen.append(" ".join(label.text() for label in dialog.findChildren(QLabel)))
        dialog.reject()

    reporter = CrashReporter(log_path, parent_widget=lambda: form)
    try:
        raise ZeroDivisionError("division by zero in a report")
    except ZeroDivisionError as error:
        QTimer.singleShot(50, close_dialog)
        reporter.report(error)
    text = seen[-1]
    assert str(log_path) in text
    assert "ZeroDivisionError: division by zero in a report" in text
    assert "Nothing you typed has been cleared" in text
    assert form.isVisible() and form.text() == "María Pérez, wants detox info"  # nothing closed
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "division by zero in a report" in logged


@pytest.mark.no_qt_log
def test_qt_warnings_are_written_to_the_log(log_path: Path) -> None:
    route_qt_messages_to_logging()
    try:
        qWarning("QPainter::begin: Paint device returned engine == 0")
    finally:
        qInstallMessageHandler(None)
    assert "WARNING qt: QPainter::begin" in log_path.read_text(encoding="utf-8")

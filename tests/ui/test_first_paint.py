"""The start waits for its window's first paint before loading the database code."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from ui.first_paint import wait_for_first_paint


class _Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_returns_once_the_window_and_its_boxes_are_painted(qtbot):
    window = QWidget()
    box = QLineEdit(window)
    QVBoxLayout(window).addWidget(box)
    qtbot.addWidget(window)
    paints = _Paints()
    box.installEventFilter(paints)
    window.show()
    started = time.monotonic()
    wait_for_first_paint(window, limit_ms=5000)
    assert paints.count >= 1  # the child box was drawn in the same pass
    assert time.monotonic() - started < 2
    window.removeEventFilter(paints)


def test_a_window_never_painted_waits_only_its_limit(qtbot):
    window = QWidget()  # never shown: never painted
    qtbot.addWidget(window)
    started = time.monotonic()
    wait_for_first_paint(window, limit_ms=200)
    assert 0.15 <= time.monotonic() - started < 2

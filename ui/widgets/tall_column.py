"""A column of a page that scrolls up and down when the page is short (larger text on a
laptop), and is never narrower than what it holds: nothing is cut at its right edge."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SHORTEST = 120  # px: the least height it gives way to, a few lines of the column


class TallColumn(QScrollArea):
    def __init__(self, column: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(column)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # The scroll bar's width is asked for only while it is there.
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self.updateGeometry())

    def _width_needed(self) -> int:
        column, bar = self.widget(), self.verticalScrollBar()
        scrolled = bar.maximum() > bar.minimum()
        return column.minimumSizeHint().width() + (bar.sizeHint().width() if scrolled else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_needed(), SHORTEST)

    def sizeHint(self) -> QSize:
        hint = self.widget().sizeHint()
        return QSize(max(hint.width(), self._width_needed()), hint.height())

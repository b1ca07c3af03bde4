"""A column of a page that scrolls up and down when the page is short (larger text on a
laptop), and is never narrower than what it holds: nothing is cut at its right edge.

The column is as tall as the area, or as its least height when that is more: then it
scrolls. (QScrollArea's own resizing asks a column with wrapping labels for its *preferred*
height at that width, and scrolls a column that would have fitted.)
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget

SHORTEST = 120  # px: the least height it gives way to, a few lines of the column


class TallColumn(QScrollArea):
    def __init__(self, column: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(column)
        self.setWidgetResizable(False)  # sized here (see the module's note)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setAutoFillBackground(False)  # the page's own background shows
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        column.installEventFilter(self)
        # The scroll bar's width is asked for only while it is there.
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self.updateGeometry())

    def _least_height(self, width: int) -> int:
        column = self.widget()
        layout = column.layout()
        least = column.minimumSizeHint().height()
        if layout is not None and layout.hasHeightForWidth():
            least = max(least, layout.minimumHeightForWidth(width))
        return least

    def _fit(self) -> None:
        column = self.widget()
        width = max(self.viewport().width(), column.minimumSizeHint().width())
        height = max(self.viewport().height(), self._least_height(width))
        if column.size() != QSize(width, height):
            column.resize(width, height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False

    def _width_needed(self) -> int:
        column, bar = self.widget(), self.verticalScrollBar()
        scrolled = bar.maximum() > bar.minimum()
        return column.minimumSizeHint().width() + (bar.sizeHint().width() if scrolled else 0)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._width_needed(), SHORTEST)

    def sizeHint(self) -> QSize:
        hint = self.widget().sizeHint()
        return QSize(max(hint.width(), self._width_needed()), hint.height())

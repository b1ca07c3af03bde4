"""The caseload chart: for each coach, active peers against their limit, drawn with QPainter.

One row per coach: the name, a bar as long as their active peers, a mark at their limit, and
"12 / 15" after it. A bar is green with room, amber when full, red when over the limit (an
override). Clicking a row chooses that coach.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desk.services.caseload import CaseloadBar
from ui.words import fill

ROOM = QColor("#4c9a6a")
FULL = QColor("#d9a23a")
OVER = QColor("#c4473a")
TRACK = QColor("#e8eef2")
LIMIT = QColor("#1f3a4d")
SELECTED = QColor("#cfe3f0")
ROW_HEIGHT = 26
NAME_WIDTH = 170
COUNT_WIDTH = 70
MARGIN = 8


class CaseloadChart(QWidget):
    coach_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseloadChart")
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._bars: list[CaseloadBar] = []
        self._selected: int | None = None
        self.setAccessibleName(self.tr("Caseload chart: active peers against each coach's limit"))

    def set_bars(self, bars: list[CaseloadBar]) -> None:
        self._bars = list(bars)
        self.setMinimumHeight(self.sizeHint().height())
        self.setMaximumHeight(self.sizeHint().height())
        self.setToolTip("\n".join(self.bar_text(bar) for bar in self._bars))
        self.update()

    def set_selected(self, coach_id: int | None) -> None:
        self._selected = coach_id
        self.update()

    def bars(self) -> list[CaseloadBar]:
        return list(self._bars)

    def bar_text(self, bar: CaseloadBar) -> str:
        text = fill(
            self.tr("%1: %2 active peers of %3"),
            bar.name,
            str(bar.active_peers),
            str(bar.caseload_limit),
        )
        if bar.over_limit:
            text += self.tr(" (over the limit)")
        elif not bar.on_roster:
            text += self.tr(" (inactive: reassign their peers)")
        return text

    def sizeHint(self) -> QSize:
        return QSize(480, max(1, len(self._bars)) * ROW_HEIGHT + 2 * MARGIN)

    def _scale(self) -> int:
        return max([1] + [max(b.active_peers, b.caseload_limit) for b in self._bars])

    def row_at(self, y: float) -> int:
        row = int((y - MARGIN) // ROW_HEIGHT)
        return row if 0 <= row < len(self._bars) else -1

    def bar_rect(self, row: int) -> QRectF:
        """Where the track of row `row` is drawn (its full width is the largest count)."""
        width = max(10, self.width() - NAME_WIDTH - COUNT_WIDTH - 2 * MARGIN)
        top = MARGIN + row * ROW_HEIGHT + 5
        return QRectF(MARGIN + NAME_WIDTH, top, width, ROW_HEIGHT - 10)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = self._scale()
        bold = QFont(self.font())
        bold.setBold(True)
        if not self._bars:
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No coaches yet"))
            return
        for row, bar in enumerate(self._bars):
            track = self.bar_rect(row)
            line = QRectF(0, MARGIN + row * ROW_HEIGHT, self.width(), ROW_HEIGHT)
            if bar.coach_id == self._selected:
                painter.fillRect(line, SELECTED)
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.setFont(bold if bar.coach_id == self._selected else self.font())
            name = QRectF(MARGIN, line.top(), NAME_WIDTH - 8, ROW_HEIGHT)
            painter.drawText(
                name,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                painter.fontMetrics().elidedText(
                    bar.name, Qt.TextElideMode.ElideRight, int(name.width())
                ),
            )
            painter.fillRect(track, TRACK)
            filled = QRectF(track)
            filled.setWidth(track.width() * bar.active_peers / scale)
            colour = (
                OVER if bar.over_limit else FULL if bar.active_peers >= bar.caseload_limit else ROOM
            )
            painter.fillRect(filled, colour)
            limit_x = track.left() + track.width() * bar.caseload_limit / scale
            painter.setPen(QPen(LIMIT, 2))
            painter.drawLine(
                QPointF(limit_x, track.top() - 3), QPointF(limit_x, track.bottom() + 3)
            )
            painter.setPen(self.palette().color(self.foregroundRole()))
            count = QRectF(track.right() + 6, line.top(), COUNT_WIDTH, ROW_HEIGHT)
            painter.drawText(
                count,
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                f"{bar.active_peers} / {bar.caseload_limit}",
            )
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row >= 0:
            self.coach_clicked.emit(self._bars[row].coach_id)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if row >= 0:
            QToolTip.showText(
                event.globalPosition().toPoint(), self.bar_text(self._bars[row]), self
            )
        super().mouseMoveEvent(event)

"""The caseload chart: for each coach, active peers against their limit, drawn with QPainter.

One row per coach: the name, a bar as long as their active peers, a mark at their limit, and
"12 / 15" after it. A bar is green with room, amber when full, red when over the limit (an
override). Clicking a row chooses that coach. Rows and the name's room grow with the text
(a staff member's larger text, ui/look.py); the chosen row takes the palette's highlight, so
it reads in the high-contrast theme too. It is as tall as its rows: put it in a scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from desk.services.caseload import CaseloadBar
from ui.words import fill

ROOM = QColor("#4c9a6a")
FULL = QColor("#d9a23a")
OVER = QColor("#c4473a")
TRACK = QColor("#e8eef2")
LIMIT = QColor("#1f3a4d")
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
        self._fit_height()
        self.setToolTip("\n".join(self.bar_text(bar) for bar in self._bars))
        self.update()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()
        super().changeEvent(event)

    def row_height(self) -> int:
        return self.fontMetrics().height() + 10

    def name_width(self) -> int:
        return 10 * self.fontMetrics().averageCharWidth() + 40

    def count_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("000 / 000") + 12

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
        return QSize(
            self.name_width() + self.count_width() + 120,
            max(1, len(self._bars)) * self.row_height() + 2 * MARGIN,
        )

    def _scale(self) -> int:
        return max([1] + [max(b.active_peers, b.caseload_limit) for b in self._bars])

    def row_at(self, y: float) -> int:
        row = int((y - MARGIN) // self.row_height())
        return row if 0 <= row < len(self._bars) else -1

    def bar_rect(self, row: int) -> QRectF:
        """Where the track of row `row` is drawn (its full width is the largest count)."""
        height, name = self.row_height(), self.name_width()
        width = max(10, self.width() - name - self.count_width() - 2 * MARGIN)
        top = MARGIN + row * height + 5
        return QRectF(MARGIN + name, top, width, height - 10)

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
        height, name_width = self.row_height(), self.name_width()
        palette = self.palette()
        for row, bar in enumerate(self._bars):
            track = self.bar_rect(row)
            line = QRectF(0, MARGIN + row * height, self.width(), height)
            chosen = bar.coach_id == self._selected
            text = palette.color(
                QPalette.ColorRole.HighlightedText if chosen else self.foregroundRole()
            )
            if chosen:
                painter.fillRect(line, palette.color(QPalette.ColorRole.Highlight))
            painter.setPen(text)
            painter.setFont(bold if chosen else self.font())
            name = QRectF(MARGIN, line.top(), name_width - 8, height)
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
            painter.setPen(text)
            count = QRectF(track.right() + 6, line.top(), self.count_width(), height)
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

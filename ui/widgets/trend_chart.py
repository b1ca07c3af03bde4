"""A peer's BARC-10 totals over time (10 to 60), as a line drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desk.coaching.barc10 import TOTAL_MAX, TOTAL_MIN, Trend
from ui.formatting import date_text

LINE = QColor("#2f6f8f")
GRID = QColor("#e3e8ec")
LEFT, RIGHT, TOP, BOTTOM = 34, 14, 10, 22


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("barc10Trend")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(140)
        self._trend = Trend(())

    def set_trend(self, trend: Trend) -> None:
        self._trend = trend
        self.setToolTip(
            "\n".join(f"{date_text(p.taken_on)}: {p.total}" for p in trend.points) or None
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(360, 140)

    def point_at(self, index: int) -> QPointF:
        points = self._trend.points
        area = QRectF(LEFT, TOP, self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM)
        x = area.left() + (
            area.width() * index / (len(points) - 1) if len(points) > 1 else 0.5 * area.width()
        )
        share = (points[index].total - TOTAL_MIN) / (TOTAL_MAX - TOTAL_MIN)
        return QPointF(x, area.bottom() - share * area.height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(self.foregroundRole())
        area = QRectF(LEFT, TOP, self.width() - LEFT - RIGHT, self.height() - TOP - BOTTOM)
        for value in (10, 20, 30, 40, 50, 60):
            y = area.bottom() - (value - TOTAL_MIN) / (TOTAL_MAX - TOTAL_MIN) * area.height()
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 8, LEFT - 6, 16),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )
        points = self._trend.points
        if not points:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No BARC-10 yet"))
            painter.end()
            return
        path = QPainterPath(self.point_at(0))
        for index in range(1, len(points)):
            path.lineTo(self.point_at(index))
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(path)
        painter.setBrush(LINE)
        for index, point in enumerate(points):
            centre = self.point_at(index)
            painter.drawEllipse(centre, 3.5, 3.5)
            painter.setPen(text)
            painter.drawText(
                QRectF(centre.x() - 20, centre.y() - 20, 40, 14),
                Qt.AlignmentFlag.AlignCenter,
                str(point.total),
            )
            painter.setPen(QPen(LINE, 2))
        painter.setPen(text)
        first, last = points[0], points[-1]
        painter.drawText(
            QRectF(area.left(), area.bottom() + 4, 120, 16),
            int(Qt.AlignmentFlag.AlignLeft),
            date_text(first.taken_on),
        )
        if len(points) > 1:
            painter.drawText(
                QRectF(area.right() - 120, area.bottom() + 4, 120, 16),
                int(Qt.AlignmentFlag.AlignRight),
                date_text(last.taken_on),
            )
        painter.end()

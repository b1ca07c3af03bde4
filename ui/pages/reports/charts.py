"""A report's charts on screen, from the same `Chart` data the PDF draws: visits per day
(with the previous period as a second line), referrals by category and outcome, and
caseloads per coach with QtCharts; the busy-hours heat map, a chart type QtCharts does not
have, painted as a grid."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desk.reports.model import Chart

ACCENT = QColor("#1f5c8a")
PREVIOUS = QColor("#9aa7b4")
OUTCOMES = (QColor("#4c9a6a"), QColor("#c4473a"), QColor("#9aa7b4"), QColor("#d9d2b8"))


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setMargins(QMargins(4, 4, 4, 4))
    return chart


def _view(chart: QChart, name: str, height: int) -> QChartView:
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    view.setAccessibleName(chart.title())
    return view


def _value_axis(top: float) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1.0, top * 1.1))
    axis.setLabelFormat("%d")
    axis.applyNiceNumbers()
    return axis


def line_chart(data: Chart) -> QChartView:
    chart = _chart(data.title)
    top = 0.0
    for n, (name, values) in enumerate(data.series):
        series = QLineSeries()
        series.setName(name)
        for x, value in enumerate(values):
            series.append(float(x), value)
            top = max(top, value)
        pen = QPen(ACCENT if n == 0 else PREVIOUS, 2 if n == 0 else 1.5)
        if n:
            pen.setStyle(Qt.PenStyle.DashLine)
        series.setPen(pen)
        chart.addSeries(series)
    x_axis = QValueAxis()
    x_axis.setRange(0, max(1, len(data.categories) - 1))
    x_axis.setLabelsVisible(False)
    x_axis.setGridLineVisible(False)
    x_axis.setTitleText(f"{data.categories[0]} – {data.categories[-1]}" if data.categories else "")
    y_axis = _value_axis(top)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    for series in chart.series():
        series.attachAxis(x_axis)
        series.attachAxis(y_axis)
    return _view(chart, "visitsPerDayChart", 260)


def stacked_bars(data: Chart) -> QChartView:
    chart = _chart(data.title)
    series = QStackedBarSeries()
    top = [0.0] * len(data.categories)
    for n, (name, values) in enumerate(data.series):
        bar_set = QBarSet(name)
        bar_set.setColor(OUTCOMES[n % len(OUTCOMES)])
        bar_set.append(list(values))
        series.append(bar_set)
        top = [a + b for a, b in zip(top, values, strict=False)]
    chart.addSeries(series)
    x_axis = QBarCategoryAxis()
    x_axis.append(list(data.categories) or [""])
    y_axis = _value_axis(max(top or [0]))
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x_axis)
    series.attachAxis(y_axis)
    return _view(chart, "referralsChart", 300)


def caseload_bars(data: Chart) -> QChartView:
    chart = _chart(data.title)
    values = list(data.series[0][1]) if data.series else []
    bars = QHorizontalBarSeries()
    bar_set = QBarSet(data.series[0][0] if data.series else "")
    bar_set.setColor(ACCENT)
    bar_set.append(values)
    bars.append(bar_set)
    chart.addSeries(bars)
    limits = QScatterSeries()
    limits.setName("Caseload limit")
    limits.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeRectangle)
    limits.setMarkerSize(9)
    limits.setColor(QColor("#1b1f24"))
    for n, mark in enumerate(data.marks):
        if mark is not None:
            limits.append(QPointF(mark, n))
    chart.addSeries(limits)
    y_axis = QBarCategoryAxis()
    y_axis.append(list(data.categories) or [""])
    x_axis = _value_axis(max(values + [m or 0 for m in data.marks] + [1]))
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    bars.attachAxis(y_axis)
    bars.attachAxis(x_axis)
    limits.attachAxis(x_axis)
    limits.attachAxis(y_axis)
    return _view(chart, "caseloadsChart", 80 + 28 * max(1, len(values)))


class HeatMap(QWidget):
    """Days of the week down the side, hours across; the busier, the darker."""

    ROW = 24
    LEFT = 44
    BOTTOM = 20

    def __init__(self, data: Chart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("busyHoursChart")
        self.data = data
        self.setAccessibleName(data.title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.sizeHint().height())
        self.setToolTip(self.tr("Visits by local hour of arrival and day of the week"))

    def sizeHint(self) -> QSize:
        return QSize(560, 28 + len(self.data.series) * self.ROW + self.BOTTOM)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        ink = self.palette().color(self.foregroundRole())
        painter.setPen(ink)
        painter.drawText(
            QRectF(0, 0, self.width(), 22), Qt.AlignmentFlag.AlignLeft, self.data.title
        )
        columns = max(1, len(self.data.categories))
        width = (self.width() - self.LEFT - 4) / columns
        top_value = max([v for _, values in self.data.series for v in values] + [1])
        for r, (name, values) in enumerate(self.data.series):
            y = 24 + r * self.ROW
            painter.setPen(ink)
            painter.drawText(
                QRectF(0, y, self.LEFT - 4, self.ROW), Qt.AlignmentFlag.AlignVCenter, name
            )
            for c, value in enumerate(values):
                share = value / top_value
                colour = QColor.fromRgbF(
                    1 - share * (1 - ACCENT.redF()),
                    1 - share * (1 - ACCENT.greenF()),
                    1 - share * (1 - ACCENT.blueF()),
                )
                painter.fillRect(
                    QRectF(self.LEFT + c * width, y + 1, width - 2, self.ROW - 2), colour
                )
        painter.setPen(ink)
        bottom = 24 + len(self.data.series) * self.ROW
        for c, label in enumerate(self.data.categories):
            painter.drawText(
                QRectF(self.LEFT + c * width, bottom, width, self.BOTTOM),
                Qt.AlignmentFlag.AlignCenter,
                label,
            )
        painter.end()


def chart_widget(data: Chart) -> QWidget:
    if data.kind == "lines":
        return line_chart(data)
    if data.kind == "stacked_bars":
        return stacked_bars(data)
    if data.kind == "heatmap":
        return HeatMap(data)
    return caseload_bars(data)

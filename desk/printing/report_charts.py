"""A report's charts drawn with reportlab.graphics, for the PDF: the same `Chart` data the
screen draws with QtCharts. Every label uses the bundled font."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from desk.printing.fonts import BODY_FONT
from desk.printing.styles import ACCENT, INK, MUTED, RULE
from desk.reports.model import Chart

SERIES_COLOURS = (
    ACCENT,
    colors.HexColor("#9aa7b4"),
    colors.HexColor("#4c9a6a"),
    colors.HexColor("#d9a23a"),
    colors.HexColor("#c4473a"),
)
OUTCOME_COLOURS = (
    colors.HexColor("#4c9a6a"),  # connected
    colors.HexColor("#c4473a"),  # not connected
    colors.HexColor("#9aa7b4"),  # unknown
    colors.HexColor("#d9d2b8"),  # pending
)
FONT_SIZE = 7


def _legend(drawing: Drawing, x: float, y: float, pairs) -> None:
    legend = Legend()
    legend.x, legend.y = x, y
    legend.fontName, legend.fontSize = BODY_FONT, FONT_SIZE
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx = legend.dy = 7
    legend.deltax = 150
    legend.colorNamePairs = list(pairs)
    drawing.add(legend)


def _axis_fonts(chart) -> None:
    for axis in (chart.categoryAxis, chart.valueAxis):
        axis.labels.fontName = BODY_FONT
        axis.labels.fontSize = FONT_SIZE
        axis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#e4e9ee")
    chart.valueAxis.valueMin = 0


def _thin(labels: tuple[str, ...], most: int) -> list[str]:
    step = max(1, -(-len(labels) // most))
    return [label if n % step == 0 else "" for n, label in enumerate(labels)]


def line_chart(chart: Chart, width: float, height: float = 150) -> Drawing:
    drawing = Drawing(width, height)
    plot = HorizontalLineChart()
    plot.x, plot.y, plot.width, plot.height = 30, 30, width - 40, height - 55
    plot.data = [list(values) for _, values in chart.series] or [[0]]
    plot.categoryAxis.categoryNames = _thin(chart.categories, 12)
    plot.categoryAxis.labels.angle = 0
    _axis_fonts(plot)
    for n in range(len(plot.data)):
        plot.lines[n].strokeColor = SERIES_COLOURS[n % len(SERIES_COLOURS)]
        plot.lines[n].strokeWidth = 1.6 if n == 0 else 1
    if len(plot.data) > 1:
        plot.lines[1].strokeDashArray = (3, 2)
    drawing.add(plot)
    _legend(
        drawing,
        30,
        height - 6,
        [(SERIES_COLOURS[n], name) for n, (name, _) in enumerate(chart.series)],
    )
    return drawing


def heat_map(chart: Chart, width: float, height: float = 150) -> Drawing:
    """Rows are days of the week, columns hours; darker is busier."""
    drawing = Drawing(width, height)
    rows, columns = len(chart.series), max(1, len(chart.categories))
    left, bottom = 30, 14
    cell_w = (width - left - 4) / columns
    cell_h = (height - bottom - 4) / max(1, rows)
    top_value = max([v for _, values in chart.series for v in values] + [1])
    for r, (name, values) in enumerate(chart.series):
        y = height - 4 - (r + 1) * cell_h
        drawing.add(String(0, y + cell_h / 3, name, fontName=BODY_FONT, fontSize=FONT_SIZE))
        for c, value in enumerate(values):
            share = value / top_value
            fill = colors.Color(
                1 - share * (1 - ACCENT.red),
                1 - share * (1 - ACCENT.green),
                1 - share * (1 - ACCENT.blue),
            )
            drawing.add(
                Rect(
                    left + c * cell_w,
                    y,
                    cell_w - 1,
                    cell_h - 1,
                    fillColor=fill,
                    strokeColor=None,
                )
            )
    for c, label in enumerate(chart.categories):
        drawing.add(
            String(
                left + c * cell_w + cell_w / 2,
                2,
                label,
                fontName=BODY_FONT,
                fontSize=FONT_SIZE,
                textAnchor="middle",
                fillColor=MUTED,
            )
        )
    return drawing


def stacked_bars(chart: Chart, width: float, height: float = 170) -> Drawing:
    drawing = Drawing(width, height)
    plot = VerticalBarChart()
    plot.x, plot.y, plot.width, plot.height = 30, 45, width - 40, height - 70
    plot.data = [list(values) for _, values in chart.series] or [[0]]
    plot.categoryAxis.style = "stacked"
    plot.categoryAxis.categoryNames = [name[:16] for name in chart.categories] or [""]
    plot.categoryAxis.labels.angle = 30
    plot.categoryAxis.labels.boxAnchor = "ne"
    _axis_fonts(plot)
    for n in range(len(plot.data)):
        plot.bars[n].fillColor = OUTCOME_COLOURS[n % len(OUTCOME_COLOURS)]
        plot.bars[n].strokeColor = None
    drawing.add(plot)
    _legend(
        drawing,
        30,
        height - 6,
        [(OUTCOME_COLOURS[n], name) for n, (name, _) in enumerate(chart.series)],
    )
    return drawing


def caseload_bars(chart: Chart, width: float) -> Drawing:
    rows = max(1, len(chart.categories))
    height = 20 + rows * 16
    drawing = Drawing(width, height)
    plot = HorizontalBarChart()
    plot.x, plot.y, plot.width, plot.height = 110, 14, width - 130, height - 20
    values = list(chart.series[0][1]) if chart.series else [0]
    plot.data = [values or [0]]
    plot.categoryAxis.categoryNames = [name[:22] for name in chart.categories] or [""]
    plot.categoryAxis.reverseDirection = True
    _axis_fonts(plot)
    top = max([v for v in values] + [m or 0 for m in chart.marks] + [1])
    plot.valueAxis.valueMax = top * 1.1
    plot.bars[0].fillColor = ACCENT
    plot.bars[0].strokeColor = None
    drawing.add(plot)
    step = plot.height / rows
    for n, mark in enumerate(chart.marks):
        if mark is None:
            continue
        x = plot.x + plot.width * mark / (top * 1.1)
        y = plot.y + plot.height - (n + 1) * step
        drawing.add(Line(x, y + 2, x, y + step - 2, strokeColor=INK, strokeWidth=1.5))
    return drawing


def nothing_to_draw(chart: Chart) -> bool:
    return not chart.categories or not any(values for _, values in chart.series)


def draw_chart(chart: Chart, width: float) -> Drawing:
    if nothing_to_draw(chart):
        drawing = Drawing(width, 20)
        drawing.add(
            String(
                0,
                6,
                "Nothing to show for this period.",
                fontName=BODY_FONT,
                fontSize=8,
                fillColor=MUTED,
            )
        )
        return drawing
    if chart.kind == "lines":
        return line_chart(chart, width)
    if chart.kind == "heatmap":
        return heat_map(chart, width)
    if chart.kind == "stacked_bars":
        return stacked_bars(chart, width)
    return caseload_bars(chart, width)

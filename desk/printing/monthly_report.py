"""The report fit to send to a funder: the center's name, the period, every figure beside
the previous period's with the change, and the charts; one to three US Letter pages.

It is in English, for funders and the state; the peer-facing handouts are the ones in two
languages. No one's name is on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from desk.printing.markup import inline
from desk.printing.referral_sheet import center_header
from desk.printing.renderer import HandoutRenderer
from desk.printing.report_charts import draw_chart
from desk.printing.sheet_content import CenterHeader
from desk.printing.styles import BAND_FILL, CONTENT_WIDTH, MUTED, RULE, table_style
from desk.reports.model import Figure, Report


def figure_text(value: int | float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "percent":
        return f"{value * 100:.0f}%"
    if isinstance(value, float):
        return f"{value:,.1f}"
    return f"{value:,}"


def change_text(figure: Figure) -> str:
    change = figure.change
    if change is None:
        return "–"
    if figure.unit == "percent":
        return f"{change * 100:+.0f} pts"
    text = f"{change:+,.1f}" if isinstance(change, float) else f"{change:+,}"
    share = figure.change_share
    if share is not None:
        text += f" ({share * 100:+.0f}%)"
    return text


class MonthlyReportRenderer(HandoutRenderer):
    def __init__(self, report: Report, center: CenterHeader) -> None:
        super().__init__("en", False, center)
        self.report = report

    def document_title(self) -> str:
        return f"Report: {self.report.period.label()}"

    def show_help_lines(self) -> bool:
        return False

    def _title(self) -> list[Flowable]:
        report = self.report
        return [
            center_header(self.center, self.styles),
            Spacer(1, 6),
            Paragraph(inline(self.document_title()), self.styles.title),
            Paragraph(
                inline(
                    f"{report.period.first:%B %-d, %Y} to {report.period.last:%B %-d, %Y}, "
                    f"compared with {report.previous.period.label()}. Days are the center's "
                    f"local days ({report.time_zone})."
                ),
                self.styles.small,
            ),
            Spacer(1, 8),
        ]

    def _figures(self) -> Flowable:
        styles = self.styles
        header = ["", "This period", "Previous", "Change"]
        rows: list[list] = [header]
        section_rows = []
        for section in self.report.sections:
            if not section.figures:
                continue
            section_rows.append(len(rows))
            rows.append([Paragraph(f"<b>{escape(section.title)}</b>", styles.small), "", "", ""])
            for figure in section.figures:
                rows.append(
                    [
                        Paragraph(inline(figure.label), styles.small),
                        figure_text(figure.value, figure.unit),
                        figure_text(figure.previous, figure.unit),
                        change_text(figure),
                    ]
                )
        table = Table(
            rows,
            colWidths=[
                CONTENT_WIDTH * 0.52,
                CONTENT_WIDTH * 0.15,
                CONTENT_WIDTH * 0.15,
                CONTENT_WIDTH * 0.18,
            ],
            repeatRows=1,
        )
        commands = [
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for row in section_rows:
            commands += [
                ("BACKGROUND", (0, row), (-1, row), BAND_FILL),
                ("SPAN", (0, row), (-1, row)),
            ]
        table.setStyle(table_style(*commands))
        return table

    def _charts(self) -> list[Flowable]:
        flowables: list[Flowable] = []
        for section in self.report.sections:
            for chart in section.charts:
                flowables.append(
                    KeepTogether(
                        [
                            Spacer(1, 8),
                            Paragraph(inline(chart.title), self.styles.subheading),
                            draw_chart(chart, CONTENT_WIDTH),
                        ]
                    )
                )
        return flowables

    def story(self) -> Sequence[Flowable]:
        notes = Paragraph(
            inline(
                "Visits count sign-ins that were not undone. Unique people are people with a "
                "record; anonymous visits (and visits of people whose record was removed at "
                "their request) count as visits only. New people came for the first time ever "
                "in the period. Waits run from arrival until a coach started with them. The "
                "connected rate is connected referrals out of those followed up."
            ),
            self.styles.small,
        )
        return [*self._title(), self._figures(), Spacer(1, 6), notes, *self._charts()]


def render_monthly_report(report: Report, center: CenterHeader) -> bytes:
    return MonthlyReportRenderer(report, center).render()

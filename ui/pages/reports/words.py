"""A report's own words (titles, figures, notes, columns, weekdays, outcomes) in the language
of the screens. desk/reports writes them in English, each marked for lupdate under the
context "Report" (desk/messages' plain QT_TRANSLATE_NOOP); the exports and the PDF for
funders keep that English. Words the report did not mark (names, the center's own purposes)
pass through as they are."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from desk.reports.model import Chart, Figure, Section, Table
from desk.reports.periods import Period
from ui.formatting import date_text
from ui.words import fill

ITEMS_GIVEN = QT_TRANSLATE_NOOP("Report", "%1: items given")
_ITEMS_GIVEN_ENGLISH = fill(ITEMS_GIVEN, "")  # as desk/reports writes it after a purpose

Names = Callable[[str], str]  # a purpose's English label to the one the screens show


def report_word(text: str) -> str:
    return QCoreApplication.translate("Report", text) if text else text


def _cell(value, purposes: Names):
    if not isinstance(value, str):
        return value
    shown = purposes(value)
    return shown if shown != value else report_word(value)


def _figure(figure: Figure, purposes: Names) -> Figure:
    label = figure.label
    if figure.key.startswith("purpose:"):
        label = purposes(label)
    elif figure.key.startswith("supplies:") and label.endswith(_ITEMS_GIVEN_ENGLISH):
        purpose = purposes(label[: -len(_ITEMS_GIVEN_ENGLISH)])
        label = fill(report_word(ITEMS_GIVEN), purpose)
    else:
        label = report_word(label)
    return replace(figure, label=label, note=report_word(figure.note))


def _table(table: Table, purposes: Names) -> Table:
    return replace(
        table,
        title=report_word(table.title),
        columns=tuple(report_word(c) for c in table.columns),
        rows=tuple(tuple(_cell(v, purposes) for v in row) for row in table.rows),
    )


def _chart(chart: Chart) -> Chart:
    """The chart's words in the screens' language: its days and weekdays named by the locale,
    its periods written as the page writes them."""
    locale = QLocale()
    categories = (
        tuple(date_text(day) for day in chart.days)
        if chart.days
        else tuple(report_word(c) for c in chart.categories)
    )
    names = [report_word(name) for name, _values in chart.series]
    if chart.weekdays:
        short = QLocale.FormatType.ShortFormat
        names = [locale.dayName(day + 1, short).rstrip(".") for day in chart.weekdays]
    elif chart.periods:
        names = [period_text(period) for period in chart.periods]
    return replace(
        chart,
        title=report_word(chart.title),
        categories=categories,
        series=tuple(
            (name, values) for name, (_old, values) in zip(names, chart.series, strict=True)
        ),
    )


def in_screen_words(section: Section, purposes: Names = str) -> Section:
    """`section` as the screen shows it: every marked word in the screens' language, and
    the visit purposes by the names the screens give them (ui/desk_words.PurposeNames)."""
    return replace(
        section,
        title=report_word(section.title),
        figures=tuple(_figure(f, purposes) for f in section.figures),
        tables=tuple(_table(t, purposes) for t in section.tables),
        charts=tuple(_chart(c) for c in section.charts),
    )


def period_text(period: Period) -> str:
    """ "December 2026" ("diciembre de 2026"), "12/1/26 – 12/7/26" ("1/12/26 – 7/12/26"),
    "Friday, December 4, 2026": a report's range as the screens' locale writes it."""
    locale = QLocale()
    first, last = (QDate(d.year, d.month, d.day) for d in (period.first, period.last))
    if period.first == period.last:
        return locale.toString(first, QLocale.FormatType.LongFormat)
    month_start = period.first.day == 1
    month_end = (period.last + timedelta(days=1)).day == 1
    if (
        month_start
        and month_end
        and (period.first.year, period.first.month)
        == (
            period.last.year,
            period.last.month,
        )
    ):
        return fill(
            QCoreApplication.translate("ReportPeriod", "%1 %2", "a month and its year"),
            locale.standaloneMonthName(period.first.month),
            str(period.first.year),
        )
    short = QLocale.FormatType.ShortFormat
    return f"{locale.toString(first, short)} – {locale.toString(last, short)}"

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
    return replace(
        chart,
        title=report_word(chart.title),
        categories=tuple(report_word(c) for c in chart.categories),
        series=tuple((report_word(name), values) for name, values in chart.series),
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
    """ "December 2026", "Dec 1 – Dec 7, 2026" (in Spanish "diciembre de 2026", "1 dic – 7 dic
    2026"), "Fri, Dec 4, 2026": a report's range as the screens' locale writes it."""
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
        return locale.standaloneMonthName(period.first.month) + f" {period.first.year}"
    short = QLocale.FormatType.ShortFormat
    return f"{locale.toString(first, short)} – {locale.toString(last, short)}"

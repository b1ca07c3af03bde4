"""A report's tables as CSV or as an XLSX workbook (one sheet per table).

Numbers stay numbers and dates stay dates, so a funder's spreadsheet can add them up; a
percentage is a number of percent (12.5), as the column's name says.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import TYPE_CHECKING

from desk.reports.model import Report, Table

# openpyxl (about 14 MB once loaded) is imported when a workbook is written, not with the
# Reports page: most stations never export one.
if TYPE_CHECKING:
    from openpyxl import Workbook

SHEET_NAME_MAX = 31


def about_rows(report: Report) -> list[tuple[str, object]]:
    return [
        ("Center", report.center_name),
        ("Period", report.period.label()),
        ("First day", report.period.first),
        ("Last day", report.period.last),
        ("Compared with", report.previous.period.label()),
        ("Previous first day", report.previous.period.first),
        ("Previous last day", report.previous.period.last),
        ("Days are the center's local days", report.time_zone),
        ("Made", report.made_at.astimezone().strftime("%Y-%m-%d %H:%M")),
    ]


def _cell(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else value


def report_csv(report: Report) -> bytes:
    """Every table one after another: its title, its header, its rows, a blank line. UTF-8
    with a byte-order mark, which spreadsheet programs need to read accents."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for name, value in about_rows(report):
        writer.writerow((name, _cell(value)))
    writer.writerow(())
    for table in report.tables():
        writer.writerow((table.title,))
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_cell(value) for value in row])
        writer.writerow(())
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sheet_name(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title).strip()[:SHEET_NAME_MAX].rstrip() or "Table"
    name, n = base, 2
    while name.casefold() in taken:
        suffix = f" ({n})"
        name, n = base[: SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(name.casefold())
    return name


def _write_sheet(book: Workbook, name: str, columns, rows) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(name)
    bold = Font(bold=True)
    widths = [len(str(c)) for c in columns]
    for row in rows:
        for n, value in enumerate(row):
            if n < len(widths):
                widths[n] = max(widths[n], len(str(_cell(value))))
    for n, width in enumerate(widths):
        sheet.column_dimensions[_column_letter(n)].width = min(60, max(10, width + 2))
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def tables_xlsx(about: list[tuple[str, object]], tables: list[Table]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    taken: set[str] = set()
    _write_sheet(book, sheet_name("About", taken), ("", ""), about)
    for table in tables:
        _write_sheet(book, sheet_name(table.title, taken), table.columns, table.rows)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def report_xlsx(report: Report) -> bytes:
    return tables_xlsx(about_rows(report), report.tables())

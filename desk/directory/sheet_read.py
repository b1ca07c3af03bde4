"""Reading a center's own list of resources: CSV (any common encoding) or XLSX (openpyxl).

Real lists have a title above the headings, merged banner cells, numbers where phone numbers
should be, and Excel's ANSI encoding. The heading row is found by looking for the headings
the mapping knows; rows above it are skipped and said so; merged cells below it are filled
from their first cell. A heading row whose own cells are merged across columns cannot be
read column by column, and is refused with a message saying how to fix it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from desk.directory.sheet_mapping import header_score
from desk.hsds.files import (
    MAX_PACKAGE_BYTES,
    UnreadableFile,
    input_file,
    megabytes,
    read_input_bytes,
)

HEADER_SEARCH_ROWS = 15


@dataclass
class Sheet:
    source: str
    header: list[str]
    header_line: int  # 1-based row number of the headings
    rows: list[tuple[int, list[str]]]  # (row number, cells)
    notes: list[str] = field(default_factory=list)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return (
            value.strftime("%Y-%m-%d %H:%M") if value.time() != time() else value.date().isoformat()
        )
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return str(value).strip()


def _decode(data: bytes, name: str, notes: list[str]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.append(
            f"{name} is not UTF-8; it was read as Windows-1252 (Excel's “CSV” on Windows). "
            "Check accented names in the preview."
        )
        return data.decode("cp1252", errors="replace")


def _csv_grid(data: bytes, name: str, notes: list[str]) -> list[list[str]]:
    text = _decode(data, name, notes)
    if "\x00" in text:
        raise UnreadableFile(
            f"{name} is not a text file (it holds binary data).",
            hint="Save the list as CSV or as an Excel .xlsx workbook.",
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error as error:
        raise UnreadableFile(
            f"{name} is not valid CSV near line {reader.line_num}: {error}.",
            hint="Check for a quote that is opened and never closed, then save it again.",
        ) from None


def _check_workbook(path: Path) -> None:
    """A workbook is a zip; one that unpacks to more than a package may is refused unread."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableFile(
            f"{path.name} is not an Excel workbook (it is empty, damaged, or another kind of "
            "file).",
            hint="Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
        ) from None
    if unpacked > MAX_PACKAGE_BYTES:
        raise UnreadableFile(
            f"{path.name} unpacks to {megabytes(unpacked)}; the most Recovery Desk reads is "
            f"{megabytes(MAX_PACKAGE_BYTES)}.",
            hint="Split the list into smaller files, and import each part.",
        )


def _xlsx_grid(
    path: Path, notes: list[str]
) -> tuple[list[list[str]], list[tuple[int, int, int, int, str]]]:
    """The first sheet's cells; any failure of a damaged workbook is the file's, in words."""
    _check_workbook(path)
    try:
        return _read_workbook(path, notes)
    except MemoryError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise UnreadableFile(
            f"{path.name} could not be read as an Excel workbook ({type(error).__name__}: "
            f"{str(error)[:120]}).",
            hint="Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
        ) from None


def _read_workbook(
    path: Path, notes: list[str]
) -> tuple[list[list[str]], list[tuple[int, int, int, int, str]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True)
    sheet = workbook.active
    if sheet is None:
        raise UnreadableFile(f"{path.name} has no sheet to read.")
    if len(workbook.worksheets) > 1:
        notes.append(f"Only the first sheet, “{sheet.title}”, was read.")
    merged = [
        (
            r.min_row,
            r.min_col,
            r.max_row,
            r.max_col,
            _cell_text(sheet.cell(r.min_row, r.min_col).value),
        )
        for r in sheet.merged_cells.ranges
    ]
    grid = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return grid, merged


def _find_header(grid: list[list[str]]) -> int:
    best, best_score = None, 0
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        score = header_score(row)
        if score > best_score:
            best, best_score = index, score
    if best is not None:
        return best
    for index, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        if sum(1 for cell in row if cell) >= 2:
            return index
    raise UnreadableFile(
        "No row of headings was found in the first rows of the list.",
        hint="Put one row of column names (Name, Address, City, Phone, ...) above the resources.",
    )


def read_sheet(path: Path) -> Sheet:
    """The list's headings and rows; UnreadableFile with a plain message when it cannot."""
    input_file(path, "spreadsheet")
    notes: list[str] = []
    merged: list[tuple[int, int, int, int, str]] = []
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid, merged = _xlsx_grid(path, notes)
    elif suffix in (".csv", ".txt", ".tsv"):
        grid = _csv_grid(read_input_bytes(path, "spreadsheet"), path.name, notes)
    elif suffix == ".xls":
        raise UnreadableFile(
            f"{path.name} is an old Excel 97-2003 workbook.",
            hint="Open it in Excel or LibreOffice and save it as .xlsx or CSV.",
        )
    else:
        raise UnreadableFile(f"{path.name} is not a CSV file or an Excel .xlsx workbook.")
    grid = [row for row in grid]
    if not any(any(row) for row in grid):
        raise UnreadableFile(f"{path.name} is empty.")
    header_index = _find_header(grid)
    header_line = header_index + 1
    for top, left, bottom, right, text in merged:
        if top <= header_line <= bottom and right > left:
            from openpyxl.utils import get_column_letter

            cells = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
            raise UnreadableFile(
                f"The row of headings (row {header_line}) has merged cells ({cells}, “{text}”), "
                "so its columns cannot be told apart.",
                hint="Unmerge those cells and give each column its own heading, then import again.",
            )
    if header_index:
        skipped = " / ".join(cell for row in grid[:header_index] for cell in row if cell)[:80]
        rows_text = "Row 1" if header_index == 1 else f"Rows 1–{header_index}"
        notes.append(
            f"{rows_text} above the headings {'was' if header_index == 1 else 'were'} skipped"
            + (f" (“{skipped}”)." if skipped else ".")
        )
    width = max(len(row) for row in grid)
    header = [cell.strip() for cell in grid[header_index]] + [""] * (
        width - len(grid[header_index])
    )
    fills = 0
    for top, left, bottom, right, text in merged:  # a category merged down several rows
        if top > header_line:
            for row in range(top, bottom + 1):
                for column in range(left, right + 1):
                    if (row, column) != (top, left) and row - 1 < len(grid):
                        line = grid[row - 1]
                        line.extend([""] * (column - len(line)))
                        line[column - 1] = text
                        fills += 1
    if fills:
        notes.append(f"{fills} merged cells below the headings were filled from their first cell.")
    rows = [
        (number, row + [""] * (width - len(row)))
        for number, row in enumerate(grid[header_index + 1 :], start=header_line + 1)
        if any(cell for cell in row)
    ]
    return Sheet(path.name, header, header_line, rows, notes)

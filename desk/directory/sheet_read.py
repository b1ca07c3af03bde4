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
from desk.messages import Message
from desk.messages.directory import (
    CHECK_FOR_QUOTE_THAT_IS,
    COULD_NOT_BE_READ_AS,
    HAS_NO_SHEET_TO_READ,
    IS_EMPTY,
    IS_NOT_CSV_FILE_OR,
    IS_NOT_EXCEL_WORKBOOK_IT,
    IS_NOT_TEXT_FILE_IT,
    IS_NOT_VALID_CSV_NEAR,
    IS_OLD_EXCEL_97_2003,
    NO_ROW_OF_HEADINGS_WAS,
    OPEN_IT_IN_EXCEL_OR,
    PUT_ONE_ROW_OF_COLUMN,
    ROW_OF_HEADINGS_ROW_HAS,
    SAVE_LIST_AS_CSV_OR,
    SPLIT_LIST_INTO_SMALLER_FILES,
    UNMERGE_THOSE_CELLS_AND_GIVE,
    UNPACKS_TO_MOST_RECOVERY_DESK,
)
from desk.messages.sheet_import import (
    FIRST_SHEET_ONLY,
    MERGED_FILLED,
    NOT_UTF8,
    ROW_ONE_SKIPPED,
    ROWS_SKIPPED,
    SKIPPED_TEXT,
)

HEADER_SEARCH_ROWS = 15


@dataclass
class Sheet:
    source: str
    header: list[str]
    header_line: int  # 1-based row number of the headings
    rows: list[tuple[int, list[str]]]  # (row number, cells)
    notes: list[Message] = field(default_factory=list)


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


def _decode(data: bytes, name: str, notes: list[Message]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        notes.append(NOT_UTF8.with_(name=name))
        return data.decode("cp1252", errors="replace")


def _csv_grid(data: bytes, name: str, notes: list[Message]) -> list[list[str]]:
    text = _decode(data, name, notes)
    if "\x00" in text:
        raise UnreadableFile(
            IS_NOT_TEXT_FILE_IT.with_(name=name),
            hint=SAVE_LIST_AS_CSV_OR,
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
            IS_NOT_VALID_CSV_NEAR.with_(name=name, line_num=reader.line_num, error=error),
            hint=CHECK_FOR_QUOTE_THAT_IS,
        ) from None


def _check_workbook(path: Path) -> None:
    """A workbook is a zip; one that unpacks to more than a package may is refused unread."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnreadableFile(
            IS_NOT_EXCEL_WORKBOOK_IT.with_(name=path.name),
            hint=OPEN_IT_IN_EXCEL_OR,
        ) from None
    if unpacked > MAX_PACKAGE_BYTES:
        raise UnreadableFile(
            UNPACKS_TO_MOST_RECOVERY_DESK.with_(
                name=path.name,
                unpacked=megabytes(unpacked),
                max_package_bytes=megabytes(MAX_PACKAGE_BYTES),
            ),
            hint=SPLIT_LIST_INTO_SMALLER_FILES,
        )


def _xlsx_grid(
    path: Path, notes: list[Message]
) -> tuple[list[list[str]], list[tuple[int, int, int, int, str]]]:
    """The first sheet's cells; any failure of a damaged workbook is the file's, in words."""
    _check_workbook(path)
    try:
        return _read_workbook(path, notes)
    except MemoryError:
        raise
    except Exception as error:  # openpyxl raises many kinds on a damaged file
        raise UnreadableFile(
            COULD_NOT_BE_READ_AS.with_(
                name=path.name, name_2=type(error).__name__, error=str(error)[:120]
            ),
            hint=OPEN_IT_IN_EXCEL_OR,
        ) from None


def _read_workbook(
    path: Path, notes: list[Message]
) -> tuple[list[list[str]], list[tuple[int, int, int, int, str]]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, data_only=True)
    sheet = workbook.active
    if sheet is None:
        raise UnreadableFile(HAS_NO_SHEET_TO_READ.with_(name=path.name))
    if len(workbook.worksheets) > 1:
        notes.append(FIRST_SHEET_ONLY.with_(title=sheet.title))
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
        NO_ROW_OF_HEADINGS_WAS,
        hint=PUT_ONE_ROW_OF_COLUMN,
    )


def read_sheet(path: Path) -> Sheet:
    """The list's headings and rows; UnreadableFile with a plain message when it cannot."""
    input_file(path, "spreadsheet")
    notes: list[Message] = []
    merged: list[tuple[int, int, int, int, str]] = []
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid, merged = _xlsx_grid(path, notes)
    elif suffix in (".csv", ".txt", ".tsv"):
        grid = _csv_grid(read_input_bytes(path, "spreadsheet"), path.name, notes)
    elif suffix == ".xls":
        raise UnreadableFile(
            IS_OLD_EXCEL_97_2003.with_(name=path.name),
            hint=OPEN_IT_IN_EXCEL_OR,
        )
    else:
        raise UnreadableFile(IS_NOT_CSV_FILE_OR.with_(name=path.name))
    grid = [row for row in grid]
    if not any(any(row) for row in grid):
        raise UnreadableFile(IS_EMPTY.with_(name=path.name))
    header_index = _find_header(grid)
    header_line = header_index + 1
    for top, left, bottom, right, text in merged:
        if top <= header_line <= bottom and right > left:
            from openpyxl.utils import get_column_letter

            cells = f"{get_column_letter(left)}{top}:{get_column_letter(right)}{bottom}"
            raise UnreadableFile(
                ROW_OF_HEADINGS_ROW_HAS.with_(header_line=header_line, cells=cells, text=text),
                hint=UNMERGE_THOSE_CELLS_AND_GIVE,
            )
    if header_index:
        skipped = " / ".join(cell for row in grid[:header_index] for cell in row if cell)[:80]
        what = SKIPPED_TEXT.with_(text=skipped) if skipped else ""
        notes.append(
            ROW_ONE_SKIPPED.with_(what=what)
            if header_index == 1
            else ROWS_SKIPPED.with_(last=header_index, what=what)
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
        notes.append(MERGED_FILLED.with_(count=fills))
    rows = [
        (number, row + [""] * (width - len(row)))
        for number, row in enumerate(grid[header_index + 1 :], start=header_line + 1)
        if any(cell for cell in row)
    ]
    return Sheet(path.name, header, header_line, rows, notes)

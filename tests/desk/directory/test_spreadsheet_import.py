"""A center's own list (CSV or XLSX): guessed columns, preview, all or nothing, no duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.directory.cards import load_cards
from desk.directory.sheet_import import import_resources, preview_resources
from desk.directory.sheet_mapping import guess_mapping
from desk.directory.sheet_read import read_sheet
from desk.hsds.files import UnreadableFile
from desk.hsds.report import ImportRefused
from desk.models import Organization, Service
from desk.services.actor import Actor

LIST = (
    "Program,Agency,Street,Town,Zip,Phone,Hours,Website,Category,Notes,Languages\n"
    "Café Esperanza Food Pantry,St. John's,44 Temple St,Worcester,01604,(508) 555-0190,"
    'Tue & Thu 10am-1pm,stjohns.example.org,Food pantry,Bring a bag,"English, Spanish"\n'
    'Night Shelter,City Mission,12 Front St,"Worcester, MA",01608,508-555-0191,Daily 7pm-7am,,'
    "Shelter,,\n"
)


def write(tmp_path: Path, text: str, name: str = "list.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_common_headings_are_guessed() -> None:
    header = [
        "Program Name",
        "Agency",
        "Street Address",
        "Town",
        "ZIP code",
        "Telephone",
        "Hours of operation",
        "Web site",
        "Type",
        "Description",
        "Something else",
    ]
    assert guess_mapping(header) == {
        "name": "Program Name",
        "organization": "Agency",
        "address": "Street Address",
        "city": "Town",
        "postal_code": "ZIP code",
        "phone": "Telephone",
        "hours": "Hours of operation",
        "website": "Web site",
        "description": "Description",
        "category": "Type",
    }


def test_preview_then_import_and_again_without_duplicates(
    database: Database, actor: Actor, tmp_path: Path
) -> None:
    sheet = read_sheet(write(tmp_path, LIST))
    mapping = guess_mapping(sheet.header)
    with database.session() as session:
        preview = preview_resources(session, sheet, mapping)
        assert (
            session.scalar(select(func.count()).select_from(Service)) == 0
        )  # preview writes nothing
    assert preview.ok and [r.action for r in preview.resources] == ["new", "new"]
    assert preview.resources[0].hours[0].byday == "TU,TH"
    with database.transaction() as session:
        import_resources(session, actor, preview)
    with database.transaction() as session:
        again = preview_resources(session, read_sheet(write(tmp_path, LIST)), mapping)
        assert [r.action for r in again.resources] == ["update", "update"]
        import_resources(session, actor, again)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 2
        assert session.scalar(select(func.count()).select_from(Organization)) == 2
        cards = {card.name: card for card in load_cards(session)}
    pantry = cards["Café Esperanza Food Pantry"]
    assert pantry.category_codes == ("food",) and pantry.languages == ("en", "es")
    assert pantry.towns == ("Worcester",) and pantry.phone == "(508) 555-0190"
    assert cards["Night Shelter"].rules[0].runs_past_midnight


def test_a_bad_row_refuses_the_whole_list(database: Database, actor: Actor, tmp_path: Path) -> None:
    bad = LIST + "Bad Phone Place,,1 Main St,Worcester,01604,555-01,Mon 25:00-26:00,not a url,,,\n"
    sheet = read_sheet(write(tmp_path, bad))
    with database.session() as session:
        preview = preview_resources(session, sheet, guess_mapping(sheet.header))
    text = preview.report.text()
    assert "row 4" in text and "not a phone number" in text and "not a time of day" in text
    assert "not a web address" in text
    with pytest.raises(ImportRefused), database.transaction() as session:
        import_resources(session, actor, preview)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Service)) == 0


def test_windows_1252_lists_are_read_with_a_note(tmp_path: Path) -> None:
    sheet = read_sheet(write(tmp_path, LIST, encoding="cp1252"))
    assert sheet.rows[0][1][0] == "Café Esperanza Food Pantry"
    assert any("Windows-1252" in str(note) for note in sheet.notes)


def test_malformed_csv_list(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="not valid CSV"):
        read_sheet(write(tmp_path, 'Name,Phone\n"Unclosed,508 555 0190\n'))


def test_a_50_mb_list_is_refused_plainly(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(b"Name,Phone\n")
        handle.write((b"x" * 1023 + b"\n") * (50 * 1024))
    with pytest.raises(UnreadableFile, match=r"50\.0 MB; the largest list"):
        read_sheet(path)


def xlsx(tmp_path: Path, merge: str | None, title_rows: int) -> Path:
    book = Workbook()
    sheet = book.active
    if title_rows:
        sheet["A1"] = "Worcester resources, updated November 2026"
        sheet.merge_cells("A1:F1")
    header_row = title_rows + 1
    for column, heading in enumerate(["Name", "Address", "City", "Zip", "Phone", "Category"], 1):
        sheet.cell(header_row, column, heading)
    rows = [
        ["Harbor Detox", "112 Harbor St", "Worcester", "01604", 5085550101, "Detox"],
        ["Grove Detox", "55 Grove St", "Worcester", "01605", 5085550104, None],
    ]
    for offset, row in enumerate(rows, 1):
        for column, value in enumerate(row, 1):
            sheet.cell(header_row + offset, column, value)
    sheet.merge_cells(f"F{header_row + 1}:F{header_row + 2}")  # one category for both rows
    if merge:
        sheet.merge_cells(merge)
    path = tmp_path / "list.xlsx"
    book.save(path)
    return path


def test_xlsx_with_a_merged_title_row(database: Database, tmp_path: Path) -> None:
    sheet = read_sheet(xlsx(tmp_path, None, title_rows=1))
    assert sheet.header_line == 2 and sheet.header[0] == "Name"
    assert any("Row 1 above the headings was skipped" in str(note) for note in sheet.notes)
    assert [row[1][5] for row in sheet.rows] == ["Detox", "Detox"]  # merged down, filled
    assert [row[1][4] for row in sheet.rows] == ["5085550101", "5085550104"]
    with database.session() as session:
        preview = preview_resources(session, sheet, guess_mapping(sheet.header))
    assert preview.ok and all(r.categories == ["detox"] for r in preview.resources)


def test_xlsx_whose_headings_are_merged_across_columns(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"row 2\) has merged cells \(B2:C2"):
        read_sheet(xlsx(tmp_path, "B2:C2", title_rows=1))

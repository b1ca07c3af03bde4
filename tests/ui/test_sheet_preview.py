"""The spreadsheet import preview: a model-backed table that stays quick for long lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest

from desk.directory.hours_parsing import HoursRule
from desk.directory.sheet_cells import PhoneRead
from desk.directory.sheet_import import PlannedResource, SheetPreview
from desk.directory.sheet_mapping import guess_mapping
from desk.directory.sheet_read import Sheet
from desk.hsds.report import ImportReport
from ui.models.sheet_preview_table import SheetPreviewModel
from ui.pages.resources.import_dialogs import SIZING_SAMPLE_ROWS, ColumnMappingDialog

HEADER = ["Program", "Town", "Phone", "Hours", "Category"]


def planned(line: int, *, exists: bool = False) -> PlannedResource:
    return PlannedResource(
        line=line,
        service_id=f"service-{line}",
        name=f"Drop-in Café {line}",
        organization="Main Street Recovery",
        street=None,
        city="Worcester",
        state="MA",
        postal_code=None,
        phones=[PhoneRead("+15085550190", "12" if line == 3 else None)],
        hours=[HoursRule("MO,TU,WE,TH,FR", time(9), time(17))] if line % 2 else [],
        hours_note=None if line % 2 else "By appointment only – call first",
        website=None,
        email=None,
        description=None,
        alert=None,
        categories=["support_groups"],
        languages=[],
        repairs=["phone “508-555-0190 x12”: extension 12 kept in the extension field"]
        if line == 3
        else [],
        exists=exists,
    )


def preview_of(count: int) -> SheetPreview:
    return SheetPreview(
        ImportReport(source="list.csv"),
        {"name": "Program"},
        [planned(line, exists=line == 3) for line in range(2, count + 2)],
    )


def test_the_preview_model_passes_qtmodeltester(qapp, qtmodeltester) -> None:
    model = SheetPreviewModel()
    model.set_rows(preview_of(12).resources)
    qtmodeltester.check(model)
    assert [model.index(1, column).data() for column in range(8)] == [
        "3",
        "updated",
        "Drop-in Café 3",
        "Worcester, MA (no street address)",
        "(508) 555-0190 ext. 12",
        "Mon–Fri 9 am–5 pm",
        "Support groups",
        "phone “508-555-0190 x12”: extension 12 kept in the extension field",
    ]
    assert model.index(0, model.HOURS).data() == "By appointment only – call first"
    assert model.index(0, model.ACTION).data() == "new"
    nowhere = SheetPreviewModel()
    nowhere.set_rows([replace(planned(2), city=None, state=None)])
    assert nowhere.index(0, nowhere.TOWN).data() == "(no street address)"


@pytest.fixture
def dialog(qtbot) -> ColumnMappingDialog:
    sheet = Sheet("list.csv", HEADER, 1, [(2, ["Drop-in Café", "Worcester", "", "", ""])])
    dialog = ColumnMappingDialog(sheet, guess_mapping(HEADER))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_long_list_is_shown_whole_but_sized_from_a_sample(
    dialog: ColumnMappingDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = dialog.preview_model
    asked: set[int] = set()
    drawn = model.cell

    def cell(row: PlannedResource, column: int, role: int):
        asked.add(row.line)
        return drawn(row, column, role)

    monkeypatch.setattr(model, "cell", cell)
    dialog.show_preview(preview_of(10_000))
    assert model.rowCount() == 10_000 and dialog.import_button.isEnabled()
    assert 0 < len(asked) <= SIZING_SAMPLE_ROWS
    name_width = dialog.preview_table.columnWidth(model.NAME)
    metrics = dialog.preview_table.fontMetrics()
    assert 2 in asked  # the first rows are in the sample, and the widest of it fits
    assert name_width >= max(metrics.horizontalAdvance(f"Drop-in Café {line}") for line in asked)


def test_columns_left_out_are_named_and_notes_are_kept_with_one_click(qtbot) -> None:
    header = ["Program", "location_id", "Street", "Notes"]
    rows = [(2, ["Night Shelter", "LOC-9", "12 Front St", "Bring a photo ID if you have one"])]
    sheet = Sheet("list.csv", header, 1, rows)
    dialog = ColumnMappingDialog(sheet, guess_mapping(header))
    qtbot.addWidget(dialog)
    assert dialog.mapping() == {"name": "Program", "address": "Street"}
    assert dialog.samples["address"].text() == "12 Front St"
    unused = dialog.unused.text()
    assert unused.startswith("Not imported:") and "“location_id” (LOC-9)" in unused
    assert "“Notes” (Bring a photo ID" in unused
    assert not dialog.keep_notes_button.isHidden()
    assert dialog.keep_notes_button.text() == "Keep “Notes” in the description"
    with qtbot.waitSignal(dialog.preview_requested) as asked:
        dialog.keep_notes_button.click()
    assert asked.args[0]["notes"] == "Notes"
    assert "Notes" not in dialog.unused.text() and dialog.keep_notes_button.isHidden()


def test_the_import_report_reads_in_spanish(qapp) -> None:
    """What an import found is worded on the screen in the staff member's language
    (desk/messages/sheet_import.py); the command line keeps the English."""
    from desk.messages.sheet_import import HAS_NO_NAME, NOT_UTF8, ROW, ZIP_LOST_ZERO
    from ui.error_words import report_text
    from ui.i18n import Translators

    report = ImportReport(source="lista.csv")
    report.reject(ROW.with_(line=4), HAS_NO_NAME)
    report.repair(ROW.with_(line=3), ZIP_LOST_ZERO.with_(text="1604", fixed="01604"))
    report.note("lista.csv", NOT_UTF8.with_(name="lista.csv"))
    translators = Translators(qapp)
    try:
        translators.use("es")
        spanish = report_text(report)
    finally:
        translators.use("en")
    assert spanish.splitlines()[:3] == [
        "No se importó nada de lista.csv: primero hay que corregir 1 problema.",
        "  - fila 4: no tiene nombre",
        "Corregido (1):",
    ]
    assert "fila 3: el código postal “1604” había perdido el cero inicial" in spanish
    assert "no está en UTF-8" in spanish
    assert "row 4: has no name" in report.text()

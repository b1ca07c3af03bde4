"""Rebuild messy-resources.xlsx: a center's hand-kept list with every case the import meets.

    uv run python tests/data/sheets/make_messy_resources.py

A title row merged above the headings; no State column; an id column ("location_id") beside
the address; ZIP codes typed as numbers (so 01604 became 1604) and a ZIP+4; phones with
extensions, typed as numbers, and placeholders; services with no street address (a van, a
phone line, an online group); hours as people write them, some that cannot be read for sure;
211/AIRS category terms and one that is none of the center's; long language names; and
columns no field takes (notes, a contact person). The services and numbers are made up.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

HEADER = [
    "Program Name", "Agency", "location_id", "Street Address", "Town", "ZIP", "Phone",
    "Hours", "Category", "Languages", "Website", "Notes", "Contact person",
]  # fmt: skip
ROWS = [
    ["Harbor Street Detox", "Harbor Health", "LOC-001", "112 Harbor St", "Worcester", 1604,
     "508-555-0101 x4385", "24/7", "Detoxification", "English, Spanish",
     "harborhealth.example.org", "Call ahead after 10 pm so the night nurse can meet you",
     "Dana (intake)"],
    ["Lincoln Square Recovery Center", "Community Recovery Partners", "LOC-002",
     "9-11 Lincoln Square", "Worcester", "01608-1234", "(774) 555-0140 ext. 12",
     "Mon–Fri 9:00-17:00", "Alcoholism services",
     "English, Cape Verdean Creole, Brazilian Portuguese", "", "Peer-run; coffee is always on",
     "Front desk"],
    ["Recovery on Wheels (mobile van)", "Outreach Partners", "LOC-003", "", "Worcester",
     "01610", "508-555-0199", "Tuesdays 6:30pm-8pm", "Harm reduction", "English", "",
     "Parks at Crompton Park on Tuesdays", ""],
    ["Peer Warmline", "Peer Warmline Inc", "", "", "", "", "877-555-0150", "7pm-7am nightly",
     "Support groups", "English, Spanish", "", "", ""],
    ["Online All Recovery Meeting", "Online Recovery Collective", "", "", "", "",
     "123-456-7890", "Mon, Wed, Fri 2pm-7pm", "Drug abuse services", "Chinese (Mandarin)",
     "allrecovery.example.org", "Zoom link sent after sign-up", ""],
    ["Main South Methadone Clinic", "Main South Health", "LOC-006", "20 Main St",
     "Worcester", 1610, 5085550116, "M-F 8:30a-4:30p", "Methadone", "Spanish", "", "", ""],
    ["Grove Street Sober House", "Grove Housing", "LOC-007", "55 Grove St", "Worcester",
     1605, "000-000-0000", "closed Sundays", "Sober living", "English", "", "", ""],
    ["Saint Anne's Food Pantry", "St. Anne Parish", "LOC-008", "130 Boston Tpke",
     "Shrewsbury", 1545, "508-555-0108", "noon-4", "Food pantry", "English, Portuguese", "",
     "Bring a bag", ""],
    ["Night Shelter", "City Mission", "LOC-009", "12 Front St", "Worcester", 1608,
     "508-555-0191", "Daily 7pm-7am", "Shelter", "English", "", "", ""],
    ["Legal Help Desk", "Community Legal Aid", "LOC-010", "405 Main St", "Worcester", 1608,
     "508-555-0110", "Mon 9am-03:00", "Legal aid", "English", "", "", ""],
    ["Harbor Intake Line", "Harbor Health", "LOC-011", "114 Harbor St", "Worcester", 1604,
     "508-555-0111 ext 2", "Mon-Fri 8am-4pm; Sat 9-12", "Drug abuse services; Detoxification",
     "English", "", "", ""],
]  # fmt: skip
TITLE = "Worcester County resources, kept by the front desk (updated November 2026)"


def build(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Resources"
    sheet["A1"] = TITLE
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=6)
    for column, heading in enumerate(HEADER, 1):
        sheet.cell(2, column, heading)
    for row, values in enumerate(ROWS, 3):
        for column, value in enumerate(values, 1):
            if value != "":
                sheet.cell(row, column, value)
    book.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(__file__).with_name("messy-resources.xlsx")))

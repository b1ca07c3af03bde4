"""What importing a spreadsheet of resources says about each row and about the list: what
was repaired, what is worth knowing, what must be fixed first, and the report's own lines.
See `desk.messages`; the screens say them in the staff member's language, the command line
in English."""

from desk.messages import QT_TRANSLATE_NOOP, Message

ROW = Message("sheet.row", QT_TRANSLATE_NOOP("DeskError", "row {line}"))

# A row's repairs and notes -------------------------------------------------------------------
PHONE_PLACEHOLDER = Message(
    "sheet.phone_placeholder",
    QT_TRANSLATE_NOOP("DeskError", "phone “{text}” is a placeholder, not a number: left out"),
)
PHONE_EXTENSION = Message(
    "sheet.phone_extension",
    QT_TRANSLATE_NOOP(
        "DeskError", "phone “{text}”: extension {extension} kept in the extension field"
    ),
)
PHONE_DESCRIPTION = Message(
    "sheet.phone_description",
    QT_TRANSLATE_NOOP("DeskError", "phone “{text}”: “{description}” kept with the number"),
)
PHONE_CELL_NUMBERS = Message(
    "sheet.phone_cell_numbers",
    QT_TRANSLATE_NOOP("DeskError", "phone cell “{text}” holds {count} numbers: each kept"),
)
LANGUAGE_WITHOUT_CODE = Message(
    "sheet.language_without_code",
    QT_TRANSLATE_NOOP(
        "DeskError", "language “{name}” is not one the desk can give a code to; kept as written"
    ),
)
ZIP_WRITTEN_AS = Message(
    "sheet.zip_written_as",
    QT_TRANSLATE_NOOP("DeskError", "ZIP code “{text}” written as {fixed}"),
)
ZIP_LOST_ZERO = Message(
    "sheet.zip_lost_zero",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "ZIP code “{text}” had lost its leading zero (a spreadsheet program drops it); "
        "imported as {fixed}",
    ),
)
ADDRESS_SPLIT = Message(
    "sheet.address_split",
    QT_TRANSLATE_NOOP("DeskError", "address “{text}” split into street and town"),
)
NO_STREET = Message(
    "sheet.no_street",
    QT_TRANSLATE_NOOP("DeskError", "no street address: imported as serving {place}"),
)
HOURS_KEPT_AS_WRITTEN = Message(
    "sheet.hours_kept",
    QT_TRANSLATE_NOOP(
        "DeskError", "hours “{text}” kept as written: {why} (open now cannot use them)"
    ),
)
HOURS_REFUSED = Message(
    "sheet.hours_refused", QT_TRANSLATE_NOOP("DeskError", "hours “{text}”: {error}")
)
CATEGORY_UNKNOWN = Message(
    "sheet.category_unknown",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "category “{text}” is not one of the center's categories: no category (staff can "
        "choose one)",
    ),
)

# What keeps a row out -------------------------------------------------------------------------
HAS_NO_NAME = Message("sheet.has_no_name", QT_TRANSLATE_NOOP("DeskError", "has no name"))
HAS_NO_STATE = Message(
    "sheet.has_no_state",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "has no state, and Center settings give none for the center; add a State column, or "
        "give the center's town, state and ZIP in Center settings",
    ),
)
ADDRESS_WITHOUT_ZIP = Message(
    "sheet.address_without_zip",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "the address has no ZIP code; add a ZIP column, or put the ZIP in the address",
    ),
)
ADDRESS_WITHOUT_TOWN = Message(
    "sheet.address_without_town",
    QT_TRANSLATE_NOOP("DeskError", "the address has no town; add a City column, or write the town"),
)
SAME_AS_ROW = Message(
    "sheet.same_as_row",
    QT_TRANSLATE_NOOP("DeskError", "the same resource as row {row} (same name and address)"),
)
NO_RESOURCES_BELOW = Message(
    "sheet.no_resources_below",
    QT_TRANSLATE_NOOP("DeskError", "has headings but no resources below them"),
)

# About the list as a whole ------------------------------------------------------------------
NOT_UTF8 = Message(
    "sheet.not_utf8",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{name} is not UTF-8; it was read as Windows-1252 (Excel's “CSV” on Windows). "
        "Check accented names in the preview.",
    ),
)
FIRST_SHEET_ONLY = Message(
    "sheet.first_sheet_only",
    QT_TRANSLATE_NOOP("DeskError", "Only the first sheet, “{title}”, was read."),
)
ROW_ONE_SKIPPED = Message(
    "sheet.row_one_skipped",
    QT_TRANSLATE_NOOP("DeskError", "Row 1 above the headings was skipped{what}."),
)
ROWS_SKIPPED = Message(
    "sheet.rows_skipped",
    QT_TRANSLATE_NOOP("DeskError", "Rows 1–{last} above the headings were skipped{what}."),
)
SKIPPED_TEXT = Message("sheet.skipped_text", QT_TRANSLATE_NOOP("DeskError", " (“{text}”)"))
MERGED_FILLED = Message(
    "sheet.merged_filled",
    QT_TRANSLATE_NOOP(
        "DeskError", "{count} merged cells below the headings were filled from their first cell."
    ),
)
ONE_ROW = Message("sheet.one_row", QT_TRANSLATE_NOOP("DeskError", "1 row"))
ROWS = Message("sheet.rows", QT_TRANSLATE_NOOP("DeskError", "{count} rows"))
GIVEN_CENTER_STATE = Message(
    "sheet.given_center_state",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{rows} with no state (row {lines}) were given {state}, the center's state (Center "
        "settings)",
    ),
)
NO_STATE_COLUMN = Message(
    "sheet.no_state_column",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "the list has no State column: {rows} were given {state}, the center's state (Center "
        "settings)",
    ),
)
UNUSED_COLUMN = Message(
    "sheet.unused_column", QT_TRANSLATE_NOOP("DeskError", "“{heading}” ({rows})")
)

# The report's own lines -----------------------------------------------------------------------
NOTHING_IMPORTED_BECAUSE = Message(
    "import_report.nothing_because",
    QT_TRANSLATE_NOOP("DeskError", "Nothing was imported from {source}: {message}"),
)
NOTHING_IMPORTED_ONE = Message(
    "import_report.nothing_one",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing was imported from {source}: 1 problem must be fixed first."
    ),
)
NOTHING_IMPORTED_MANY = Message(
    "import_report.nothing_many",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing was imported from {source}: {count} problems must be fixed first."
    ),
)
LISTED = Message(
    "import_report.listed", QT_TRANSLATE_NOOP("DeskError", "  - {where}{ident}: {message}")
)
WITH_ID = Message("import_report.with_id", QT_TRANSLATE_NOOP("DeskError", " (id {id})"))
AND_MORE = Message(
    "import_report.and_more", QT_TRANSLATE_NOOP("DeskError", "  … and {count} more.")
)
IMPORTED = Message(
    "import_report.imported", QT_TRANSLATE_NOOP("DeskError", "Imported {source}: {counts}.")
)
READY = Message(
    "import_report.ready", QT_TRANSLATE_NOOP("DeskError", "Ready to import {source}: {counts}.")
)
NOT_IMPORTED_COLUMNS = Message(
    "import_report.not_imported_columns",
    QT_TRANSLATE_NOOP("DeskError", "Not imported (no field takes these columns): {columns}."),
)
REPAIRED_HEADING = Message(
    "import_report.repaired", QT_TRANSLATE_NOOP("DeskError", "Repaired ({count}):")
)
NOTES_HEADING = Message("import_report.notes", QT_TRANSLATE_NOOP("DeskError", "Notes ({count}):"))
TABLE_COUNTS = Message(
    "import_report.table_counts",
    QT_TRANSLATE_NOOP("DeskError", "{table}: {new} new, {changed} updated"),
)
NOTHING = Message("import_report.nothing", QT_TRANSLATE_NOOP("DeskError", "nothing"))

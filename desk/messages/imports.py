"""The words of errors about importing and exporting directory data (HSDS).

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

EXPORT_COULD_NOT_BE_WRITTEN = Message(
    "hsds_export_json.export_could_not_be_written",
    QT_TRANSLATE_NOOP("DeskError", "The export could not be written to {path}: {value}."),
)

CHOOSE_FOLDER_YOU_MAY_WRITE = Message(
    "hsds_export_json.choose_folder_you_may_write",
    QT_TRANSLATE_NOOP("DeskError", "Choose a folder you may write to, with free space."),
)

IS_FILE_TABULAR_PACKAGE_IS = Message(
    "hsds_export_tabular.is_file_tabular_package_is",
    QT_TRANSLATE_NOOP("DeskError", "{path} is a file; a tabular package is a folder or a .zip."),
)

CHOOSE_FOLDER_OR_NAME_ENDING = Message(
    "hsds_export_tabular.choose_folder_or_name_ending",
    QT_TRANSLATE_NOOP("DeskError", "Choose a folder, or a name ending in .zip."),
)

IS_NOT_EXPORT_FORMAT = Message(
    "hsds_exporter.is_not_export_format",
    QT_TRANSLATE_NOOP("DeskError", "“{fmt}” is not an export format."),
)

USE_CSV_OR_JSON = Message(
    "hsds_exporter.use_csv_or_json", QT_TRANSLATE_NOOP("DeskError", "Use csv or json.")
)

IS_LARGEST_RECOVERY_DESK_IMPORTS = Message(
    "hsds_files.is_largest_recovery_desk_imports",
    QT_TRANSLATE_NOOP(
        "DeskError", "{name} is {size}; the largest {what} Recovery Desk imports is {limit}."
    ),
)

IS_FOLDER_NOT_FILE = Message(
    "hsds_files.is_folder_not_file",
    QT_TRANSLATE_NOOP("DeskError", "{path} is a folder, not a file."),
)

IS_NOT_REGULAR_FILE = Message(
    "hsds_files.is_not_regular_file",
    QT_TRANSLATE_NOOP("DeskError", "{path} is not a regular file."),
)

PACKAGE_NAMES_FILE_OUTSIDE_ITS = Message(
    "hsds_files.package_names_file_outside_its",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The package names a file outside its own folder (“{name}”); it was not opened.",
    ),
)

ASK_SENDER_FOR_PACKAGE_WHOSE = Message(
    "hsds_files.ask_sender_for_package_whose",
    QT_TRANSLATE_NOOP("DeskError", "Ask the sender for a package whose files all sit inside it."),
)

IS_NOT_CSV_FILE_IT = Message(
    "hsds_files.is_not_csv_file_it",
    QT_TRANSLATE_NOOP(
        "DeskError", "{name} is not a CSV file: it holds binary data (a NUL byte on line {line})."
    ),
)

EXPORT_TABLE_AGAIN_AS_CSV = Message(
    "hsds_files.export_table_again_as_csv",
    QT_TRANSLATE_NOOP("DeskError", "Export the table again as CSV."),
)

IS_EMPTY_IT_HAS_NO = Message(
    "hsds_files.is_empty_it_has_no",
    QT_TRANSLATE_NOOP("DeskError", "{name} is empty: it has no header row."),
)

HAS_COLUMN_WITH_NO_NAME = Message(
    "hsds_files.has_column_with_no_name",
    QT_TRANSLATE_NOOP("DeskError", "{name} has a column with no name (column {blanks})."),
)

THERE_IS_NO_FILE = Message(
    "hsds_files.there_is_no_file", QT_TRANSLATE_NOOP("DeskError", "There is no file {path}.")
)

CANNOT_BE_OPENED = Message(
    "hsds_files.cannot_be_opened",
    QT_TRANSLATE_NOOP("DeskError", "{path} cannot be opened ({strerror})."),
)

CANNOT_BE_READ = Message(
    "hsds_files.cannot_be_read",
    QT_TRANSLATE_NOOP("DeskError", "{path} cannot be read ({strerror})."),
)

THERE_IS_NO_FILE_OR = Message(
    "hsds_files.there_is_no_file_or",
    QT_TRANSLATE_NOOP("DeskError", "There is no file or folder {path}."),
)

UNPACKS_TO_MOST_RECOVERY_DESK = Message(
    "hsds_files.unpacks_to_most_recovery_desk",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{name} unpacks to {total}; the most Recovery Desk imports at once is {max_package_bytes}.",
    ),
)

SPLIT_PACKAGE = Message(
    "hsds_files.split_package", QT_TRANSLATE_NOOP("DeskError", "Split the package.")
)

PACKAGE_HAS_NO_FILE = Message(
    "hsds_files.package_has_no_file",
    QT_TRANSLATE_NOOP("DeskError", "The package has no file {name}."),
)

DECLARES_ENCODING_WHICH_IS_UNKNOWN = Message(
    "hsds_files.declares_encoding_which_is_unknown",
    QT_TRANSLATE_NOOP("DeskError", "{name} declares the encoding “{encoding}”, which is unknown."),
)

IS_NOT_UTF_8_TEXT = Message(
    "hsds_files.is_not_utf_8_text",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{name} is not UTF-8 text (byte 0x{data:02X} on line {line}). It is probably "
        "saved in the Windows-1252 (ANSI) encoding.",
    ),
)

SAVE_IT_AGAIN_AS_CSV = Message(
    "hsds_files.save_it_again_as_csv",
    QT_TRANSLATE_NOOP(
        "DeskError",
        'Save it again as “CSV UTF-8”, or add "encoding": "windows-1252" to its resource '
        "in datapackage.json, then import again.",
    ),
)

IS_NOT_VALID_CSV_NEAR = Message(
    "hsds_files.is_not_valid_csv_near",
    QT_TRANSLATE_NOOP("DeskError", "{name} is not valid CSV near line {line_num}: {error}."),
)

CHECK_FOR_QUOTE_THAT_IS = Message(
    "hsds_files.check_for_quote_that_is",
    QT_TRANSLATE_NOOP(
        "DeskError", "Check for a quote that is opened and never closed, then export it again."
    ),
)

HAS_TWO_COLUMNS_NAMED = Message(
    "hsds_files.has_two_columns_named",
    QT_TRANSLATE_NOOP("DeskError", "{name} has two columns named “{cell}”."),
)

IS_NEITHER_FOLDER_NOR_ZIP = Message(
    "hsds_files.is_neither_folder_nor_zip",
    QT_TRANSLATE_NOOP("DeskError", "{name} is neither a folder nor a .zip file."),
)

CHOOSE_FOLDER_HOLDING_DATAPACKAGE_JSON = Message(
    "hsds_files.choose_folder_holding_datapackage_json",
    QT_TRANSLATE_NOOP("DeskError", "Choose the folder holding datapackage.json, or a .zip of it."),
)

IS_DAMAGED_ZIP_FILE = Message(
    "hsds_files.is_damaged_zip_file",
    QT_TRANSLATE_NOOP("DeskError", "{name} is a damaged .zip file ({error})."),
)

ASK_SENDER_FOR_PACKAGE_AGAIN = Message(
    "hsds_files.ask_sender_for_package_again",
    QT_TRANSLATE_NOOP("DeskError", "Ask the sender for the package again."),
)

ZIP_FILE_HOLDS_LINK_WHICH = Message(
    "hsds_files.zip_file_holds_link_which",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The zip file holds a link (“{filename}”), which could point outside it; it was "
        "not opened.",
    ),
)

ASK_SENDER_FOR_ZIP_OF = Message(
    "hsds_files.ask_sender_for_zip_of",
    QT_TRANSLATE_NOOP("DeskError", "Ask the sender for a zip of plain files."),
)

CANNOT_BE_UNPACKED_FROM = Message(
    "hsds_files.cannot_be_unpacked_from",
    QT_TRANSLATE_NOOP("DeskError", "{name} cannot be unpacked from {name_2} ({error})."),
)

ASK_SENDER_FOR_PLAIN_ZIP = Message(
    "hsds_files.ask_sender_for_plain_zip",
    QT_TRANSLATE_NOOP(
        "DeskError", "Ask the sender for a plain .zip (no password, usual compression)."
    ),
)

IS_LINK_TO_WHICH_IS = Message(
    "hsds_files.is_link_to_which_is",
    QT_TRANSLATE_NOOP(
        "DeskError", "“{name}” is a link to {target}, which is not a file; it was not opened."
    ),
)

CANNOT_BE_READ_2 = Message(
    "hsds_files.cannot_be_read_2",
    QT_TRANSLATE_NOOP("DeskError", "{name} cannot be read ({strerror})."),
)

JSON_FILE = Message("hsds_files.json_file", QT_TRANSLATE_NOOP("DeskError", "JSON file"))
LIST = Message("hsds_files.list", QT_TRANSLATE_NOOP("DeskError", "list"))
FILE = Message("hsds_files.file", QT_TRANSLATE_NOOP("DeskError", "file"))
SPLIT_PACKAGE_HINT = Message(
    "hsds_files.split_package_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Split the package into smaller ones (fewer services in each), and import each.",
    ),
)
SPLIT_LIST_HINT = Message(
    "hsds_files.split_list_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Split the list into smaller files, or remove columns you do not need, and "
        "import each part.",
    ),
)
SPLIT_JSON_HINT = Message(
    "hsds_files.split_json_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Split its services into smaller files, or export the directory as a tabular "
        "package (.zip) instead, and import that.",
    ),
)

NOTHING_IMPORTED_ONE_PROBLEM = Message(
    "hsds_report.nothing_imported_one_problem",
    QT_TRANSLATE_NOOP("DeskError", "Nothing was imported from {source}: {count:,} problem found."),
)
NOTHING_IMPORTED_PROBLEMS = Message(
    "hsds_report.nothing_imported_problems",
    QT_TRANSLATE_NOOP("DeskError", "Nothing was imported from {source}: {count:,} problems found."),
)
FIX_ROWS_AND_IMPORT_AGAIN = Message(
    "hsds_report.fix_rows_and_import_again",
    QT_TRANSLATE_NOOP("DeskError", "Fix the rows listed in the report and import again."),
)

"""The words of errors about the resource directory and its spreadsheet import.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

THAT_RESOURCE_IS_NO_LONGER = Message(
    "directory_detail.that_resource_is_no_longer",
    QT_TRANSLATE_NOOP("DeskError", "That resource is no longer in the directory."),
)

IT_MAY_HAVE_BEEN_REMOVED = Message(
    "directory_detail.it_may_have_been_removed",
    QT_TRANSLATE_NOOP("DeskError", "It may have been removed on another station; search again."),
)

EXTENSION_SHOULD_BE_DIGITS_ONLY = Message(
    "directory_editing.extension_should_be_digits_only",
    QT_TRANSLATE_NOOP("DeskError", "The extension “{extension}” should be digits only."),
)

RESOURCE_NEEDS_NAME = Message(
    "directory_editing.resource_needs_name",
    QT_TRANSLATE_NOOP("DeskError", "A resource needs a name."),
)

IS_NOT_STATUS = Message(
    "directory_editing.is_not_status", QT_TRANSLATE_NOOP("DeskError", "“{status}” is not a status.")
)

CHOOSE_ONE_OF = Message(
    "directory_editing.choose_one_of", QT_TRANSLATE_NOOP("DeskError", "Choose one of: {statuses}.")
)

FREE_OUT_OF_CANNOT_BE = Message(
    "directory_editing.free_out_of_cannot_be",
    QT_TRANSLATE_NOOP("DeskError", "{available} free out of {total} cannot be right."),
)

CHECK_FREE_AND_TOTAL_COUNTS = Message(
    "directory_editing.check_free_and_total_counts",
    QT_TRANSLATE_NOOP("DeskError", "Check the free and total counts."),
)

THERE_IS_NO_CATEGORY = Message(
    "directory_editing.there_is_no_category",
    QT_TRANSLATE_NOOP("DeskError", "There is no category “{code}”."),
)

IS_NOT_LANGUAGE_DESK_KNOWS = Message(
    "directory_editing.is_not_language_desk_knows",
    QT_TRANSLATE_NOOP("DeskError", "“{typed}” is not a language the desk knows."),
)

TYPE_CODE_SUCH_AS_PT = Message(
    "directory_editing.type_code_such_as_pt",
    QT_TRANSLATE_NOOP("DeskError", "Type a code such as pt or ht, or a name such as Portuguese."),
)

IS_NOT_TIME_OF_DAY = Message(
    "directory_hours_parsing.is_not_time_of_day",
    QT_TRANSLATE_NOOP("DeskError", "“{text}” is not a time of day."),
)

OPENS_AND_CLOSES_AT_SAME = Message(
    "directory_hours_parsing.opens_and_closes_at_same",
    QT_TRANSLATE_NOOP("DeskError", "“{start_text}-{end_text}” opens and closes at the same time."),
)

IS_NOT_YES_OR_NO = Message(
    "directory_input_checks.is_not_yes_or_no",
    QT_TRANSLATE_NOOP("DeskError", "“{value}” is not yes or no."),
)

IS_NOT_TIME_OF_DAY_2 = Message(
    "directory_input_checks.is_not_time_of_day",
    QT_TRANSLATE_NOOP("DeskError", "{label} “{strip}” is not a time of day."),
)

TYPE_IT_LIKE_08_30 = Message(
    "directory_input_checks.type_it_like_08_30",
    QT_TRANSLATE_NOOP("DeskError", "Type it like 08:30, 17:00 or 5 pm."),
)

SAY_WHICH_DAYS_IT_IS = Message(
    "directory_input_checks.say_which_days_it_is",
    QT_TRANSLATE_NOOP("DeskError", "Say which days it is open."),
)

FOR_EXAMPLE_MO_TU_WE = Message(
    "directory_input_checks.for_example_mo_tu_we",
    QT_TRANSLATE_NOOP("DeskError", "For example MO,TU,WE,TH,FR."),
)

IT_OPENS_AND_CLOSES_AT = Message(
    "directory_input_checks.it_opens_and_closes_at",
    QT_TRANSLATE_NOOP("DeskError", "It opens and closes at the same time ({opens:%H:%M})."),
)

FOR_SERVICE_OPEN_AROUND_CLOCK = Message(
    "directory_input_checks.for_service_open_around_clock",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "For a service open around the clock, use 00:00 to 23:59; a time before the "
        "opening time means it closes after midnight.",
    ),
)

CANNOT_BE_BELOW_ZERO = Message(
    "directory_input_checks.cannot_be_below_zero",
    QT_TRANSLATE_NOOP("DeskError", "{label} cannot be below zero."),
)

DAYS = Message("directory_input_checks.days", QT_TRANSLATE_NOOP("DeskError", "Days: {error}."))

SEPARATE_DAYS_WITH_COMMAS_MO = Message(
    "directory_input_checks.separate_days_with_commas_mo",
    QT_TRANSLATE_NOOP("DeskError", "Separate days with commas: MO,TU,WE."),
)

MUST_BE_WHOLE_NUMBER = Message(
    "directory_input_checks.must_be_whole_number",
    QT_TRANSLATE_NOOP("DeskError", "{label} must be a whole number."),
)

ZIP_CODE_IS_NOT_ZIP = Message(
    "directory_sheet_cells.zip_code_is_not_zip",
    QT_TRANSLATE_NOOP(
        "DeskError", "ZIP code “{strip}” is not a ZIP code (5 digits, or ZIP+4 such as 01608-1234)."
    ),
)

IS_NOT_PHONE_NUMBER_WE = Message(
    "directory_sheet_cells.is_not_phone_number_we",
    QT_TRANSLATE_NOOP("DeskError", "“{strip}” is not a phone number we can dial."),
)

TYPE_TEN_DIGITS_FOR_US = Message(
    "directory_sheet_cells.type_ten_digits_for_us",
    QT_TRANSLATE_NOOP(
        "DeskError", "Type ten digits for a US number, such as 508 555 0142, or +country code."
    ),
)

EXTENSION_OF_IS_TOO_LONG = Message(
    "directory_sheet_cells.extension_of_is_too_long",
    QT_TRANSLATE_NOOP("DeskError", "The extension of “{strip}” is too long."),
)

LIST_HOLDS_NO_RESOURCES_TO = Message(
    "directory_sheet_import.list_holds_no_resources_to",
    QT_TRANSLATE_NOOP("DeskError", "The list holds no resources to import."),
)

MAPPING_NAMES_FIELDS_RECOVERY_DESK = Message(
    "directory_sheet_mapping.mapping_names_fields_recovery_desk",
    QT_TRANSLATE_NOOP(
        "DeskError", "The mapping names fields Recovery Desk does not know: {unknown}."
    ),
)

USE_THESE = Message(
    "directory_sheet_mapping.use_these", QT_TRANSLATE_NOOP("DeskError", "Use these: {fields}.")
)

LIST_HAS_NO_COLUMN = Message(
    "directory_sheet_mapping.list_has_no_column",
    QT_TRANSLATE_NOOP("DeskError", "The list has no column {missing}."),
)

ITS_COLUMNS_ARE = Message(
    "directory_sheet_mapping.its_columns_are",
    QT_TRANSLATE_NOOP("DeskError", "Its columns are: {header}."),
)

COLUMN_IS_CHOSEN_FOR_TWO = Message(
    "directory_sheet_mapping.column_is_chosen_for_two",
    QT_TRANSLATE_NOOP("DeskError", "The column {twice} is chosen for two fields."),
)

GIVE_EACH_FIELD_ITS_OWN = Message(
    "directory_sheet_mapping.give_each_field_its_own",
    QT_TRANSLATE_NOOP("DeskError", "Give each field its own column."),
)

NO_COLUMN_HOLDS_RESOURCES_NAMES = Message(
    "directory_sheet_mapping.no_column_holds_resources_names",
    QT_TRANSLATE_NOOP("DeskError", "No column holds the resources' names."),
)

CHOOSE_COLUMN_WITH_EACH_RESOURCE = Message(
    "directory_sheet_mapping.choose_column_with_each_resource",
    QT_TRANSLATE_NOOP("DeskError", "Choose the column with each resource's name."),
)

MAPPING_FILE_MUST_BE_ONE = Message(
    "directory_sheet_mapping.mapping_file_must_be_one",
    QT_TRANSLATE_NOOP(
        "DeskError", "The mapping file must be one JSON object of field names to column headings."
    ),
)

FOR_EXAMPLE = Message(
    "directory_sheet_mapping.for_example",
    QT_TRANSLATE_NOOP("DeskError", 'For example {{"name": "Program", "phone": "Tel."}}.'),
)

MAPPING_FILE_CANNOT_BE_READ = Message(
    "directory_sheet_mapping.mapping_file_cannot_be_read",
    QT_TRANSLATE_NOOP("DeskError", "The mapping file {path} cannot be read ({strerror})."),
)

MAPPING_FILE_IS_NOT_VALID = Message(
    "directory_sheet_mapping.mapping_file_is_not_valid",
    QT_TRANSLATE_NOOP("DeskError", "The mapping file {path} is not valid JSON ({error})."),
)

NO_ROW_OF_HEADINGS_WAS = Message(
    "directory_sheet_read.no_row_of_headings_was",
    QT_TRANSLATE_NOOP("DeskError", "No row of headings was found in the first rows of the list."),
)

PUT_ONE_ROW_OF_COLUMN = Message(
    "directory_sheet_read.put_one_row_of_column",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Put one row of column names (Name, Address, City, Phone, ...) above the resources.",
    ),
)

IS_NOT_TEXT_FILE_IT = Message(
    "directory_sheet_read.is_not_text_file_it",
    QT_TRANSLATE_NOOP("DeskError", "{name} is not a text file (it holds binary data)."),
)

SAVE_LIST_AS_CSV_OR = Message(
    "directory_sheet_read.save_list_as_csv_or",
    QT_TRANSLATE_NOOP("DeskError", "Save the list as CSV or as an Excel .xlsx workbook."),
)

UNPACKS_TO_MOST_RECOVERY_DESK = Message(
    "directory_sheet_read.unpacks_to_most_recovery_desk",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{name} unpacks to {unpacked}; the most Recovery Desk reads is {max_package_bytes}.",
    ),
)

SPLIT_LIST_INTO_SMALLER_FILES = Message(
    "directory_sheet_read.split_list_into_smaller_files",
    QT_TRANSLATE_NOOP("DeskError", "Split the list into smaller files, and import each part."),
)

HAS_NO_SHEET_TO_READ = Message(
    "directory_sheet_read.has_no_sheet_to_read",
    QT_TRANSLATE_NOOP("DeskError", "{name} has no sheet to read."),
)

IS_EMPTY = Message(
    "directory_sheet_read.is_empty", QT_TRANSLATE_NOOP("DeskError", "{name} is empty.")
)

IS_NOT_VALID_CSV_NEAR = Message(
    "directory_sheet_read.is_not_valid_csv_near",
    QT_TRANSLATE_NOOP("DeskError", "{name} is not valid CSV near line {line_num}: {error}."),
)

CHECK_FOR_QUOTE_THAT_IS = Message(
    "directory_sheet_read.check_for_quote_that_is",
    QT_TRANSLATE_NOOP(
        "DeskError", "Check for a quote that is opened and never closed, then save it again."
    ),
)

IS_NOT_EXCEL_WORKBOOK_IT = Message(
    "directory_sheet_read.is_not_excel_workbook_it",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{name} is not an Excel workbook (it is empty, damaged, or another kind of file).",
    ),
)

OPEN_IT_IN_EXCEL_OR = Message(
    "directory_sheet_read.open_it_in_excel_or",
    QT_TRANSLATE_NOOP("DeskError", "Open it in Excel or LibreOffice and save it as .xlsx or CSV."),
)

COULD_NOT_BE_READ_AS = Message(
    "directory_sheet_read.could_not_be_read_as",
    QT_TRANSLATE_NOOP(
        "DeskError", "{name} could not be read as an Excel workbook ({name_2}: {error})."
    ),
)

ROW_OF_HEADINGS_ROW_HAS = Message(
    "directory_sheet_read.row_of_headings_row_has",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The row of headings (row {header_line}) has merged cells ({cells}, “{text}”), "
        "so its columns cannot be told apart.",
    ),
)

UNMERGE_THOSE_CELLS_AND_GIVE = Message(
    "directory_sheet_read.unmerge_those_cells_and_give",
    QT_TRANSLATE_NOOP(
        "DeskError", "Unmerge those cells and give each column its own heading, then import again."
    ),
)

IS_OLD_EXCEL_97_2003 = Message(
    "directory_sheet_read.is_old_excel_97_2003",
    QT_TRANSLATE_NOOP("DeskError", "{name} is an old Excel 97-2003 workbook."),
)

IS_NOT_CSV_FILE_OR = Message(
    "directory_sheet_read.is_not_csv_file_or",
    QT_TRANSLATE_NOOP("DeskError", "{name} is not a CSV file or an Excel .xlsx workbook."),
)

QUOTED_NAME = Message("directory_freshness.quoted_name", QT_TRANSLATE_NOOP("DeskError", "“{name}”"))

YOUR_ENTRIES_ARE_STILL_ON_4 = Message(
    "directory_freshness.your_entries_are_still_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Your entries are still on screen. Reload it to see the other change, then save again.",
    ),
)

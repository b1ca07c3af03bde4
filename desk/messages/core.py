"""The words of errors about the database, the data folder and files.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

YOUR_ROLE_MAY_NOT = Message(
    "access.your_role_may_not",
    QT_TRANSLATE_NOOP("DeskError", "Your role ({role_words}) may not {value}."),
)

ASK_ADMIN_TO_DO_IT = Message(
    "access.ask_admin_to_do_it",
    QT_TRANSLATE_NOOP("DeskError", "Ask an admin to do it, or to change your role."),
)

COULD_NOT_BE_WRITTEN = Message(
    "atomic_files.could_not_be_written",
    QT_TRANSLATE_NOOP("DeskError", "{path} could not be written: {value}."),
)

NOTHING_WAS_CHANGED_CHECK_THAT = Message(
    "atomic_files.nothing_was_changed_check_that",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Nothing was changed. Check that the folder exists, can be written to, and that "
        "the disk has room.",
    ),
)

RECOVERY_DESK_WORKS_WITH_SQLITE = Message(
    "config.recovery_desk_works_with_sqlite",
    QT_TRANSLATE_NOOP(
        "DeskError", "Recovery Desk works with SQLite or PostgreSQL, not “{get_backend_name}”."
    ),
)

USE_SQLITE_PATH_TO_FILE = Message(
    "config.use_sqlite_path_to_file",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Use sqlite:///path/to/file.sqlite3 or postgresql+psycopg://user:password@host/database.",
    ),
)

IS_NOT_DATABASE_ADDRESS = Message(
    "config.is_not_database_address",
    QT_TRANSLATE_NOOP("DeskError", "“{text}” is not a database address."),
)

RECOVERY_DESK_CANNOT_WRITE_TO = Message(
    "db_engine.recovery_desk_cannot_write_to",
    QT_TRANSLATE_NOOP("DeskError", "Recovery Desk cannot write to the folder {folder} ({value})."),
)

MAKE_FOLDER_WRITABLE_OR_CHOOSE = Message(
    "db_engine.make_folder_writable_or_choose",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Make the folder writable, or choose another database with --database or "
        "RECOVERY_DESK_DATABASE_URL.",
    ),
)

ANOTHER_STATION_SAVED_THIS_AT = Message(
    "db_failures.another_station_saved_this_at",
    QT_TRANSLATE_NOOP(
        "DeskError", "Another station saved this at the same moment, and its change came first."
    ),
)

NOTHING_OF_YOURS_WAS_SAVED = Message(
    "db_failures.nothing_of_yours_was_saved",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing of yours was saved. Look at the refreshed screen and try again."
    ),
)

ANOTHER_STATION_HAS_JUST_DONE = Message(
    "db_failures.another_station_has_just_done",
    QT_TRANSLATE_NOOP(
        "DeskError", "Another station has just done the same thing, so this was not saved twice."
    ),
)

LOOK_AT_REFRESHED_SCREEN_IT = Message(
    "db_failures.look_at_refreshed_screen_it",
    QT_TRANSLATE_NOOP("DeskError", "Look at the refreshed screen: it is already there."),
)

FILE_IS_NOT_RECOVERY_DESK = Message(
    "db_failures.file_is_not_recovery_desk",
    QT_TRANSLATE_NOOP(
        "DeskError", "The file{place} is not a Recovery Desk database (SQLite says: {reason})."
    ),
)

CHOOSE_RIGHT_FILE_WITH_DATABASE = Message(
    "db_failures.choose_right_file_with_database",
    QT_TRANSLATE_NOOP(
        "DeskError", "Choose the right file with --database, or move this one aside."
    ),
)

DATABASE_CAN_ONLY_BE_READ = Message(
    "db_failures.database_can_only_be_read",
    QT_TRANSLATE_NOOP("DeskError", "The database{place} can only be read, not written: {reason}."),
)

CHECK_PERMISSIONS_OF_DATABASE_FILE = Message(
    "db_failures.check_permissions_of_database_file",
    QT_TRANSLATE_NOOP("DeskError", "Check the permissions of the database file and its folder."),
)

DATABASE_FILE_CANNOT_BE_OPENED = Message(
    "db_failures.database_file_cannot_be_opened",
    QT_TRANSLATE_NOOP(
        "DeskError", "The database file{place} cannot be opened or created: {reason}."
    ),
)

CHECK_THAT_ITS_FOLDER_EXISTS = Message(
    "db_failures.check_that_its_folder_exists",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Check that its folder exists and can be written, or choose another with --database.",
    ),
)

DATABASE_DID_NOT_ANSWER_IN = Message(
    "db_failures.database_did_not_answer_in",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The database{place} did not answer in time: another station may be holding what "
        "this needed, or the network is very slow.",
    ),
)

NOTHING_WAS_SAVED_TRY_AGAIN = Message(
    "db_failures.nothing_was_saved_try_again",
    QT_TRANSLATE_NOOP("DeskError", "Nothing was saved. Try again in a moment."),
)

DISK_THAT_HOLDS_DATABASE_IS = Message(
    "db_failures.disk_that_holds_database_is",
    QT_TRANSLATE_NOOP("DeskError", "The disk that holds the database{place} is full."),
)

NOTHING_WAS_SAVED_FREE_SOME = Message(
    "db_failures.nothing_was_saved_free_some",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Nothing was saved. Free some space on that disk (or ask whoever looks after "
        "this computer), then save again.",
    ),
)

DATABASE_IS_BUSY_ANOTHER_STATION = Message(
    "db_failures.database_is_busy_another_station",
    QT_TRANSLATE_NOOP(
        "DeskError", "The database{place} is busy: another station or program holds a lock."
    ),
)

WAIT_MOMENT_AND_TRY_AGAIN = Message(
    "db_failures.wait_moment_and_try_again",
    QT_TRANSLATE_NOOP("DeskError", "Wait a moment and try again."),
)

DATABASE_CANNOT_BE_REACHED = Message(
    "db_failures.database_cannot_be_reached",
    QT_TRANSLATE_NOOP("DeskError", "The database{place} cannot be reached: {reason}."),
)

DATABASE_SERVER_REFUSED_PASSWORD_FOR = Message(
    "db_failures.database_server_refused_password_for",
    QT_TRANSLATE_NOOP(
        "DeskError", "The database server{place} refused the password for this user ({reason})."
    ),
)

DATABASE_SERVER_ASKS_FOR_PASSWORD = Message(
    "db_failures.database_server_asks_for_password",
    QT_TRANSLATE_NOOP(
        "DeskError", "The database server{place} asks for a password, and none was given."
    ),
)

DATABASE_SERVER_DOES_NOT_KNOW = Message(
    "db_failures.database_server_does_not_know",
    QT_TRANSLATE_NOOP(
        "DeskError", "The database server{place} does not know this user ({reason})."
    ),
)

CHECK_USER_NAME_IN_DATABASE = Message(
    "db_failures.check_user_name_in_database",
    QT_TRANSLATE_NOOP(
        "DeskError", "Check the user name in the database address with whoever runs the server."
    ),
)

DATABASE_SERVER_HAS_NO_SUCH = Message(
    "db_failures.database_server_has_no_such",
    QT_TRANSLATE_NOOP("DeskError", "The database server{place} has no such database ({reason})."),
)

CHECK_DATABASE_NAME_AT_END = Message(
    "db_failures.check_database_name_at_end",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Check the database name at the end of the address, or create it (see Several "
        "stations in the README).",
    ),
)

DATABASE_SERVER_DOES_NOT_LET = Message(
    "db_failures.database_server_does_not_let",
    QT_TRANSLATE_NOOP(
        "DeskError", "The database server{place} does not let this user in from here ({reason})."
    ),
)

WHOEVER_RUNS_SERVER_MUST_ALLOW = Message(
    "db_failures.whoever_runs_server_must_allow",
    QT_TRANSLATE_NOOP(
        "DeskError", "Whoever runs the server must allow this station (pg_hba.conf) or this user."
    ),
)

WAS_UPGRADED_BY_NEWER_RECOVERY = Message(
    "db_migrate.was_upgraded_by_newer_recovery",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{description} was upgraded by a newer Recovery Desk (schema {current}); this "
        "version knows schemas up to {head}.",
    ),
)

INSTALL_NEWER_RECOVERY_DESK_ON = Message(
    "db_migrate.install_newer_recovery_desk_on",
    QT_TRANSLATE_NOOP(
        "DeskError", "Install the newer Recovery Desk on this station. Nothing was changed."
    ),
)

HOLDS_TABLES_BUT_NO_RECOVERY = Message(
    "db_migrate.holds_tables_but_no_recovery",
    QT_TRANSLATE_NOOP(
        "DeskError", "{description} holds tables but no Recovery Desk schema version."
    ),
)

POINT_RECOVERY_DESK_AT_EMPTY = Message(
    "db_migrate.point_recovery_desk_at_empty",
    QT_TRANSLATE_NOOP("DeskError", "Point Recovery Desk at an empty database or one it created."),
)

IS_CHARACTERS_LONG_MOST_IT = Message(
    "validation.is_characters_long_most_it",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{label} is {text_count:,} characters long; the most it can hold is {max_length:,}.",
    ),
)

SHORTEN_IT_OR_PUT_REST = Message(
    "validation.shorten_it_or_put_rest",
    QT_TRANSLATE_NOOP("DeskError", "Shorten it, or put the rest in the note."),
)

DOES_NOT_LOOK_LIKE_EMAIL = Message(
    "validation.does_not_look_like_email",
    QT_TRANSLATE_NOOP("DeskError", "“{text}” does not look like an email address."),
)

EMAIL_ADDRESS_LOOKS_LIKE_NAME = Message(
    "validation.email_address_looks_like_name",
    QT_TRANSLATE_NOOP("DeskError", "An email address looks like name@example.org."),
)

IS_NOT_PHONE_NUMBER_WE = Message(
    "validation.is_not_phone_number_we",
    QT_TRANSLATE_NOOP("DeskError", "“{text}” is not a phone number we can dial."),
)

TYPE_TEN_DIGITS_FOR_US = Message(
    "validation.type_ten_digits_for_us",
    QT_TRANSLATE_NOOP(
        "DeskError", "Type ten digits for a US number, such as 508 555 0142, or +country code."
    ),
)

BIRTH_YEAR_OF_CANNOT_BE = Message(
    "validation.birth_year_of_cannot_be",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "A birth year of {year} cannot be right: it must be between "
        "{earliest_birth_year} and {year_2}.",
    ),
)

LEAVE_IT_EMPTY_IF_PERSON = Message(
    "validation.leave_it_empty_if_person",
    QT_TRANSLATE_NOOP("DeskError", "Leave it empty if the person would rather not say."),
)

BIRTH_DATE_IS_IN_FUTURE = Message(
    "validation.birth_date_is_in_future",
    QT_TRANSLATE_NOOP("DeskError", "The birth date {value:%B} {day}, {year} is in the future."),
)

CHECK_YEAR_OR_LEAVE_IT = Message(
    "validation.check_year_or_leave_it",
    QT_TRANSLATE_NOOP("DeskError", "Check the year, or leave it empty."),
)

BIRTH_DATE_IS_BEFORE = Message(
    "validation.birth_date_is_before",
    QT_TRANSLATE_NOOP("DeskError", "The birth date {value} is before {earliest_birth_year}."),
)

IS_NOT_WEB_ADDRESS = Message(
    "validation.is_not_web_address",
    QT_TRANSLATE_NOOP("DeskError", "“{strip}” is not a web address."),
)

LOOKS_LIKE_HTTPS_EXAMPLE_ORG = Message(
    "validation.looks_like_https_example_org",
    QT_TRANSLATE_NOOP("DeskError", "{label} looks like https://example.org/page."),
)

EXTENSION_IS_LONGER_THAN_DIGITS = Message(
    "validation.extension_is_longer_than_digits",
    QT_TRANSLATE_NOOP(
        "DeskError", "The extension “{extension}” is longer than {extension_max} digits."
    ),
)

CHECK_EXTENSION_OR_PUT_IT = Message(
    "validation.check_extension_or_put_it",
    QT_TRANSLATE_NOOP("DeskError", "Check the extension, or put it in the note."),
)

UNEXPECTED_FAILURE = Message(
    "errors.unexpected_failure",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "That did not finish: something went wrong that Recovery Desk did not expect.",
    ),
)
UNEXPECTED_FAILURE_HINT = Message(
    "errors.unexpected_failure_hint",
    QT_TRANSLATE_NOOP(
        "DeskError", "Nothing was saved by it. Try again; the details are in the log file."
    ),
)

PRINT_RECORD_KEPT_HINT = Message(
    "print_journal.record_kept_hint",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "What was done is kept on this station, and is recorded as soon as the "
        "database is back (also if Recovery Desk is closed meanwhile).",
    ),
)

ACCOUNT_OF_IS_SWITCHED_OFF = Message(
    "access.account_of_is_switched_off",
    QT_TRANSLATE_NOOP(
        "DeskError", "The account of {display_name} is switched off, so nothing was done."
    ),
)

WHAT_YOU_TYPED_IS_STILL_2 = Message(
    "access.what_you_typed_is_still",
    QT_TRANSLATE_NOOP(
        "DeskError", "What you typed is still on screen. Ask an admin, or let a colleague sign in."
    ),
)

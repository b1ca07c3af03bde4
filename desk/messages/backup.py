"""The words of errors about backups and restores.

See `desk.messages`."""

from desk.messages import QT_TRANSLATE_NOOP, Message

BACKUP_IS_DAMAGED_OR_INCOMPLETE = Message(
    "backup_envelope.backup_is_damaged_or_incomplete",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The backup {name} is damaged or incomplete (it may have been cut short when it "
        "was copied).",
    ),
)

CHOOSE_ANOTHER_BACKUP_NOTHING_WAS = Message(
    "backup_envelope.choose_another_backup_nothing_was",
    QT_TRANSLATE_NOOP("DeskError", "Choose another backup. Nothing was changed."),
)

BACKUP_PASSPHRASE_NEEDS_AT_LEAST = Message(
    "backup_envelope.backup_passphrase_needs_at_least",
    QT_TRANSLATE_NOOP(
        "DeskError", "The backup passphrase needs at least {min_passphrase_length} characters."
    ),
)

SEVERAL_ORDINARY_WORDS_IN_ROW = Message(
    "backup_envelope.several_ordinary_words_in_row",
    QT_TRANSLATE_NOOP(
        "DeskError", "Several ordinary words in a row make a good one: long is what counts."
    ),
)

WAS_ENCRYPTED_BY_NEWER_RECOVERY = Message(
    "backup_envelope.was_encrypted_by_newer_recovery",
    QT_TRANSLATE_NOOP(
        "DeskError", "{name} was encrypted by a newer Recovery Desk (format {value})."
    ),
)

RESTORE_IT_WITH_NEWER_RECOVERY = Message(
    "backup_envelope.restore_it_with_newer_recovery",
    QT_TRANSLATE_NOOP("DeskError", "Restore it with the newer Recovery Desk. Nothing was changed."),
)

THAT_PASSPHRASE_DOES_NOT_OPEN = Message(
    "backup_envelope.that_passphrase_does_not_open",
    QT_TRANSLATE_NOOP("DeskError", "That passphrase does not open the backup {name}."),
)

CHECK_PASSPHRASE_BACKUP_MADE_BEFORE = Message(
    "backup_envelope.check_passphrase_backup_made_before",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Check the passphrase. A backup made before the passphrase was last changed "
        "needs the passphrase of that time. Nothing was changed.",
    ),
)

IS_NOT_ENCRYPTED_RECOVERY_DESK = Message(
    "backup_envelope.is_not_encrypted_recovery_desk",
    QT_TRANSLATE_NOOP("DeskError", "{name} is not an encrypted Recovery Desk backup."),
)

RECOVERY_DESK_CANNOT_WRITE_BACKUP = Message(
    "backup_files.recovery_desk_cannot_write_backup",
    QT_TRANSLATE_NOOP("DeskError", "Recovery Desk cannot write a backup in {folder}: {value}."),
)

CHECK_FOLDER_OR_CHOOSE_ANOTHER = Message(
    "backup_files.check_folder_or_choose_another",
    QT_TRANSLATE_NOOP("DeskError", "Check the folder, or choose another in Center settings."),
)

BACKUP_FOLDER_CANNOT_BE_FOUND = Message(
    "backup_files.backup_folder_cannot_be_found",
    QT_TRANSLATE_NOOP("DeskError", "The backup folder {folder} cannot be found."),
)

IF_IT_IS_ON_USB = Message(
    "backup_files.if_it_is_on_usb",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "If it is on a USB drive or a network share, plug it in or reconnect it; or "
        "choose another folder in Center settings.",
    ),
)

BACKUP_FOLDER_IS_READ_ONLY = Message(
    "backup_files.backup_folder_is_read_only",
    QT_TRANSLATE_NOOP(
        "DeskError", "The backup folder {folder} is read-only: Recovery Desk may not write there."
    ),
)

UNLOCK_DRIVE_SOME_USB_DRIVES = Message(
    "backup_files.unlock_drive_some_usb_drives",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Unlock the drive (some USB drives and SD cards have a switch), fix the folder's "
        "permissions, or choose another folder in Center settings.",
    ),
)

DISK_HOLDING_BACKUP_FOLDER_IS = Message(
    "backup_files.disk_holding_backup_folder_is",
    QT_TRANSLATE_NOOP("DeskError", "The disk holding the backup folder {folder} is full."),
)

MAKE_ROOM_ON_IT_OLD = Message(
    "backup_files.make_room_on_it_old",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Make room on it (old files other than backups), use a bigger drive, or keep "
        "fewer backups in Center settings.",
    ),
)

BACKUPS_OUTSIDE_DEFAULT_FOLDER_ARE = Message(
    "backup_making.backups_outside_default_folder_are",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Backups outside the default folder are encrypted, and no backup passphrase is set.",
    ),
)

ADMIN_SETS_ONE_IN_CENTER = Message(
    "backup_making.admin_sets_one_in_center",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "An admin sets one in Center settings (Backups), or the first `recovery-desk "
        "backup --to FOLDER` sets it.",
    ),
)

DATABASE_HELD_ONLY_IN_MEMORY = Message(
    "backup_making.database_held_only_in_memory",
    QT_TRANSLATE_NOOP("DeskError", "A database held only in memory cannot be backed up."),
)

PG_DUMP_POSTGRESQL_BACKUP_PROGRAM = Message(
    "backup_making.pg_dump_postgresql_backup_program",
    QT_TRANSLATE_NOOP(
        "DeskError", "pg_dump, PostgreSQL's backup program, is not on this station's PATH."
    ),
)

PG_DUMP_STOPPED_WITH_ERROR = Message(
    "backup_making.pg_dump_stopped_with_error",
    QT_TRANSLATE_NOOP("DeskError", "pg_dump stopped with an error: {said}"),
)

PG_DUMP_COULD_NOT_FINISH = Message(
    "backup_making.pg_dump_could_not_finish",
    QT_TRANSLATE_NOOP("DeskError", "pg_dump could not finish: {exc}."),
)

IS_NOT_RECOVERY_DESK_BACKUP = Message(
    "backup_restore.is_not_recovery_desk_backup",
    QT_TRANSLATE_NOOP("DeskError", "{name} is not a Recovery Desk backup."),
)

CHOOSE_FILE_NAMED_LIKE_RECOVERY = Message(
    "backup_restore.choose_file_named_like_recovery",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Choose a file named like recovery-desk-2026-11-28-090215-daily.sqlite3. Nothing "
        "was changed.",
    ),
)

DATABASE_IS_OPEN_ON_ANOTHER = Message(
    "backup_restore.database_is_open_on_another",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The database {database_path} is open on another station or in another program, "
        "so it cannot be replaced now.",
    ),
)

CLOSE_RECOVERY_DESK_ON_EVERY = Message(
    "backup_restore.close_recovery_desk_on_every",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Close Recovery Desk on every other station (and any program using the file), "
        "then restore again. Nothing was changed.",
    ),
)

IS_DAMAGED_OR_INCOMPLETE_SQLITE = Message(
    "backup_restore.is_damaged_or_incomplete_sqlite",
    QT_TRANSLATE_NOOP("DeskError", "{name} is damaged or incomplete (SQLite says: {problem})."),
)

WAS_MADE_BY_NEWER_RECOVERY = Message(
    "backup_restore.was_made_by_newer_recovery",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "{name} was made by a newer Recovery Desk (schema {schema}); this version cannot use it.",
    ),
)

INSTALL_NEWER_RECOVERY_DESK_ON = Message(
    "backup_restore.install_newer_recovery_desk_on",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Install the newer Recovery Desk on this station, then restore. Nothing was changed.",
    ),
)

IS_POSTGRESQL_BACKUP_PG_DUMP = Message(
    "backup_restore.is_postgresql_backup_pg_dump",
    QT_TRANSLATE_NOOP(
        "DeskError", "{name} is a PostgreSQL backup (pg_dump); it cannot replace a SQLite database."
    ),
)

RESTORE_IT_INTO_POSTGRESQL_SERVER = Message(
    "backup_restore.restore_it_into_postgresql_server",
    QT_TRANSLATE_NOOP(
        "DeskError", "Restore it into a PostgreSQL server with pg_restore. Nothing was changed."
    ),
)

IS_ENCRYPTED_ITS_PASSPHRASE_IS = Message(
    "backup_restore.is_encrypted_its_passphrase_is",
    QT_TRANSLATE_NOOP("DeskError", "{name} is encrypted: its passphrase is needed to restore it."),
)

TYPE_BACKUP_PASSPHRASE_OR_SET = Message(
    "backup_restore.type_backup_passphrase_or_set",
    QT_TRANSLATE_NOOP(
        "DeskError", "Type the backup passphrase, or set RECOVERY_DESK_BACKUP_PASSPHRASE."
    ),
)

IS_FOLDER_NOT_BACKUP_FILE = Message(
    "backup_restore.is_folder_not_backup_file",
    QT_TRANSLATE_NOOP("DeskError", "{path} is a folder, not a backup file."),
)

FILE_CANNOT_BE_READ = Message(
    "backup_restore.file_cannot_be_read",
    QT_TRANSLATE_NOOP("DeskError", "The file {path} cannot be read: {value}."),
)

CHECK_NAME_AND_THAT_DRIVE = Message(
    "backup_restore.check_name_and_that_drive",
    QT_TRANSLATE_NOOP("DeskError", "Check the name, and that the drive holding it is plugged in."),
)

COPY_OF_DATABASE_DID_NOT = Message(
    "backup_sqlite_copy.copy_of_database_did_not",
    QT_TRANSLATE_NOOP(
        "DeskError", "The copy of the database did not pass SQLite's check ({verdict})."
    ),
)

DATABASE_ITSELF_MAY_BE_DAMAGED = Message(
    "backup_sqlite_copy.database_itself_may_be_damaged",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "The database itself may be damaged: keep the older backups, and run "
        "`recovery-desk self-check`.",
    ),
)

MANUAL_PG_DUMP = Message(
    "making.manual_pg_dump",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "Install the PostgreSQL client tools on this station (pg_dump), or back up on the "
        "database server: pg_dump --format=custom --file=recovery-desk.dump {name}",
    ),
)
PG_DUMP_OLDER_THAN_SERVER = Message(
    "making.pg_dump_older_than_server",
    QT_TRANSLATE_NOOP(
        "DeskError",
        "A pg_dump older than the server cannot dump it: install the server's version of the "
        "PostgreSQL client tools. {manual}",
    ),
)

"""Opening the configured database for work: connect, refuse what is too new, migrate.

At most starts the schema is already the newest: that is read from the version table
without importing Alembic (desk.db.schema_version); only a database that is empty, behind
or ahead goes through the migration machinery.
"""

from __future__ import annotations

from desk.db.engine import Database, enable_wal, open_database
from desk.db.schema_version import (
    SchemaState,
    SchemaStatus,
    UpgradeResult,
    head_from_files,
    is_current,
)
from desk.file_privacy import secure_data_folder
from desk.paths import data_dir


def open_and_upgrade(url_text: str) -> tuple[Database, UpgradeResult]:
    """Open `url_text` and bring its schema up to date (copying a SQLite file aside first);
    the data folder and the database's files are made private to this account."""
    database = open_database(url_text)
    try:
        if is_current(database):
            if database.is_sqlite:
                enable_wal(database.engine)
            head = head_from_files()
            assert head is not None
            result = UpgradeResult(SchemaStatus(SchemaState.CURRENT, head, head), head, None)
        else:
            from desk.db.migrate import upgrade_database  # Alembic, only when there is work

            result = upgrade_database(database)
    except BaseException:
        database.dispose()
        raise
    secure_data_folder(data_dir(), database.sqlite_path)
    return database, result

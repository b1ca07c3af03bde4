"""Opening the configured database for work: connect, refuse what is too new, migrate."""

from __future__ import annotations

from desk.db.engine import Database, open_database
from desk.db.migrate import UpgradeResult, upgrade_database
from desk.file_privacy import secure_data_folder
from desk.paths import data_dir


def open_and_upgrade(url_text: str) -> tuple[Database, UpgradeResult]:
    """Open `url_text` and bring its schema up to date (copying a SQLite file aside first);
    the data folder and the database's files are made private to this account."""
    database = open_database(url_text)
    try:
        result = upgrade_database(database)
    except BaseException:
        database.dispose()
        raise
    secure_data_folder(data_dir(), database.sqlite_path)
    return database, result

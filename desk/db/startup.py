"""Opening the configured database for work: connect, refuse what is too new, migrate."""

from __future__ import annotations

from desk.db.engine import Database, open_database
from desk.db.migrate import UpgradeResult, upgrade_database


def open_and_upgrade(url_text: str) -> tuple[Database, UpgradeResult]:
    """Open `url_text` and bring its schema up to date (copying a SQLite file aside first)."""
    database = open_database(url_text)
    try:
        return database, upgrade_database(database)
    except BaseException:
        database.dispose()
        raise

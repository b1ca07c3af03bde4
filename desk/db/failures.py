"""Turn driver exceptions into messages a person at the desk can act on."""

from __future__ import annotations

import sqlite3

import psycopg
from sqlalchemy.exc import DBAPIError, OperationalError

from desk.errors import DatabaseUnavailable, DataFolderNotWritable, DeskError, NotADatabase

RETRY_HINT = "Check that the database server is running and reachable, then try again."


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def explain_database_error(exc: BaseException, *, where: str = "") -> DeskError | None:
    """A DeskError describing `exc`, or None when it is not an expected database failure."""
    if isinstance(exc, DeskError):
        return exc
    driver_error = isinstance(exc, sqlite3.Error | psycopg.Error)
    if not isinstance(exc, DBAPIError) and not driver_error:
        return None
    reason = _first_line(exc)
    lowered = reason.lower()
    place = f" ({where})" if where else ""
    if "file is not a database" in lowered or "file is encrypted" in lowered:
        return NotADatabase(
            f"The file{place} is not a Recovery Desk database (SQLite says: {reason}).",
            hint="Choose the right file with --database, or move this one aside.",
        )
    if "readonly database" in lowered or "read-only" in lowered:
        return DataFolderNotWritable(
            f"The database{place} can only be read, not written: {reason}.",
            hint="Check the permissions of the database file and its folder.",
        )
    if "unable to open database file" in lowered:
        return DataFolderNotWritable(
            f"The database file{place} cannot be opened or created: {reason}.",
            hint="Check that its folder exists and can be written, or choose another with "
            "--database.",
        )
    if "database is locked" in lowered or "database table is locked" in lowered:
        return DatabaseUnavailable(
            f"The database{place} is busy: another station or program holds a lock.",
            hint="Wait a moment and try again.",
        )
    unreachable = isinstance(
        exc, OperationalError | sqlite3.OperationalError | psycopg.OperationalError
    )
    if unreachable or getattr(exc, "connection_invalidated", False):
        return DatabaseUnavailable(
            f"The database{place} cannot be reached: {reason}.",
            hint=RETRY_HINT,
        )
    return None

"""Turn driver exceptions into messages a person at the desk can act on."""

from __future__ import annotations

import sqlite3
import sys

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from desk.errors import (
    ConflictError,
    DatabaseUnavailable,
    DataFolderNotWritable,
    DeskError,
    NotADatabase,
    StaleEdit,
)

RETRY_HINT = "Check that the database server is running and reachable, then try again."


def _psycopg_errors() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """psycopg's error classes, if psycopg is loaded: without it (a SQLite station) none of
    its errors can happen, and importing it only to check would cost every start."""
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return (), ()
    return (psycopg.Error,), (psycopg.OperationalError,)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def explain_database_error(exc: BaseException, *, where: str = "") -> DeskError | None:
    """A DeskError describing `exc`, or None when it is not an expected database failure."""
    if isinstance(exc, DeskError):
        return exc
    if isinstance(exc, StaleDataError):
        # Two stations saved the same record at the same moment; the other one was first.
        return StaleEdit(
            "Another station saved this at the same moment, and its change came first.",
            hint="Nothing of yours was saved. Look at the refreshed screen and try again.",
        )
    if isinstance(exc, IntegrityError) and _is_unique_violation(exc):
        return ConflictError(
            "Another station has just done the same thing, so this was not saved twice.",
            hint="Look at the refreshed screen: it is already there.",
        )
    psycopg_errors, psycopg_unreachable = _psycopg_errors()
    driver_error = isinstance(exc, (sqlite3.Error, *psycopg_errors))
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
        exc, (OperationalError, sqlite3.OperationalError, *psycopg_unreachable)
    )
    if unreachable or getattr(exc, "connection_invalidated", False):
        return DatabaseUnavailable(
            f"The database{place} cannot be reached: {reason}.",
            hint=RETRY_HINT,
        )
    return None


def _is_unique_violation(exc: IntegrityError) -> bool:
    text = str(exc.orig).lower()
    return "unique" in text or "duplicate key" in text

"""Turn driver exceptions into messages a person at the desk can act on."""

from __future__ import annotations

import sqlite3
import sys

from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from desk.errors import (
    ConflictError,
    DatabaseLoginRefused,
    DatabaseReadOnly,
    DatabaseTooSlow,
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
        return DatabaseReadOnly(
            f"The database{place} can only be read, not written: {reason}.",
            hint="Check the permissions of the database file and its folder.",
        )
    if "unable to open database file" in lowered:
        return DataFolderNotWritable(
            f"The database file{place} cannot be opened or created: {reason}.",
            hint="Check that its folder exists and can be written, or choose another with "
            "--database.",
        )
    refused = _login_refused(reason, lowered, place)
    if refused is not None:
        return refused
    if "statement timeout" in lowered or "lock timeout" in lowered:
        return DatabaseTooSlow(
            f"The database{place} did not answer in time: another station may be holding "
            "what this needed, or the network is very slow.",
            hint="Nothing was saved. Try again in a moment.",
        )
    if "disk is full" in lowered or "no space left" in lowered:
        return DatabaseUnavailable(
            f"The disk that holds the database{place} is full.",
            hint="Nothing was saved. Free some space on that disk (or ask whoever looks after "
            "this computer), then save again.",
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


LOGIN_HINT = (
    "Check the user name and password in the database address, or in the PostgreSQL "
    "password file (~/.pgpass, or the file PGPASSFILE names), with whoever runs the server."
)


def _login_refused(reason: str, lowered: str, place: str) -> DeskError | None:
    """The server answered, and said no: a wrong password or role is not an outage."""
    if "password authentication failed" in lowered or "authentication failed" in lowered:
        return DatabaseLoginRefused(
            f"The database server{place} refused the password for this user ({reason}).",
            hint=LOGIN_HINT,
        )
    if "no password supplied" in lowered:
        return DatabaseLoginRefused(
            f"The database server{place} asks for a password, and none was given.",
            hint=LOGIN_HINT,
        )
    if "role" in lowered and "does not exist" in lowered:
        return DatabaseLoginRefused(
            f"The database server{place} does not know this user ({reason}).",
            hint="Check the user name in the database address with whoever runs the server.",
        )
    if "database" in lowered and "does not exist" in lowered:
        return DatabaseLoginRefused(
            f"The database server{place} has no such database ({reason}).",
            hint="Check the database name at the end of the address, or create it "
            "(see Several stations in the README).",
        )
    if "pg_hba.conf" in lowered or "permission denied for database" in lowered:
        return DatabaseLoginRefused(
            f"The database server{place} does not let this user in from here ({reason}).",
            hint="Whoever runs the server must allow this station (pg_hba.conf) or this user.",
        )
    return None


def _is_unique_violation(exc: IntegrityError) -> bool:
    text = str(exc.orig).lower()
    return "unique" in text or "duplicate key" in text

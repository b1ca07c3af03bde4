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
from desk.messages.core import (
    ANOTHER_STATION_HAS_JUST_DONE,
    ANOTHER_STATION_SAVED_THIS_AT,
    CHECK_DATABASE_NAME_AT_END,
    CHECK_PERMISSIONS_OF_DATABASE_FILE,
    CHECK_THAT_ITS_FOLDER_EXISTS,
    CHECK_USER_NAME_IN_DATABASE,
    CHOOSE_RIGHT_FILE_WITH_DATABASE,
    DATABASE_CAN_ONLY_BE_READ,
    DATABASE_CANNOT_BE_REACHED,
    DATABASE_DID_NOT_ANSWER_IN,
    DATABASE_FILE_CANNOT_BE_OPENED,
    DATABASE_IS_BUSY_ANOTHER_STATION,
    DATABASE_SERVER_ASKS_FOR_PASSWORD,
    DATABASE_SERVER_DOES_NOT_KNOW,
    DATABASE_SERVER_DOES_NOT_LET,
    DATABASE_SERVER_HAS_NO_SUCH,
    DATABASE_SERVER_REFUSED_PASSWORD_FOR,
    DISK_THAT_HOLDS_DATABASE_IS,
    FILE_IS_NOT_RECOVERY_DESK,
    LOOK_AT_REFRESHED_SCREEN_IT,
    NOTHING_OF_YOURS_WAS_SAVED,
    NOTHING_WAS_SAVED_FREE_SOME,
    NOTHING_WAS_SAVED_TRY_AGAIN,
    WAIT_MOMENT_AND_TRY_AGAIN,
    WHOEVER_RUNS_SERVER_MUST_ALLOW,
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
            ANOTHER_STATION_SAVED_THIS_AT,
            hint=NOTHING_OF_YOURS_WAS_SAVED,
        )
    if isinstance(exc, IntegrityError) and _is_unique_violation(exc):
        return ConflictError(
            ANOTHER_STATION_HAS_JUST_DONE,
            hint=LOOK_AT_REFRESHED_SCREEN_IT,
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
            FILE_IS_NOT_RECOVERY_DESK.with_(place=place, reason=reason),
            hint=CHOOSE_RIGHT_FILE_WITH_DATABASE,
        )
    if "readonly database" in lowered or "read-only" in lowered:
        return DatabaseReadOnly(
            DATABASE_CAN_ONLY_BE_READ.with_(place=place, reason=reason),
            hint=CHECK_PERMISSIONS_OF_DATABASE_FILE,
        )
    if "unable to open database file" in lowered:
        return DataFolderNotWritable(
            DATABASE_FILE_CANNOT_BE_OPENED.with_(place=place, reason=reason),
            hint=CHECK_THAT_ITS_FOLDER_EXISTS,
        )
    refused = _login_refused(reason, lowered, place)
    if refused is not None:
        return refused
    if "statement timeout" in lowered or "lock timeout" in lowered:
        return DatabaseTooSlow(
            DATABASE_DID_NOT_ANSWER_IN.with_(place=place),
            hint=NOTHING_WAS_SAVED_TRY_AGAIN,
        )
    if "disk is full" in lowered or "no space left" in lowered:
        return DatabaseUnavailable(
            DISK_THAT_HOLDS_DATABASE_IS.with_(place=place),
            hint=NOTHING_WAS_SAVED_FREE_SOME,
        )
    if "database is locked" in lowered or "database table is locked" in lowered:
        return DatabaseUnavailable(
            DATABASE_IS_BUSY_ANOTHER_STATION.with_(place=place),
            hint=WAIT_MOMENT_AND_TRY_AGAIN,
        )
    unreachable = isinstance(
        exc, (OperationalError, sqlite3.OperationalError, *psycopg_unreachable)
    )
    if unreachable or getattr(exc, "connection_invalidated", False):
        return DatabaseUnavailable(
            DATABASE_CANNOT_BE_REACHED.with_(place=place, reason=reason),
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
            DATABASE_SERVER_REFUSED_PASSWORD_FOR.with_(place=place, reason=reason),
            hint=LOGIN_HINT,
        )
    if "no password supplied" in lowered:
        return DatabaseLoginRefused(
            DATABASE_SERVER_ASKS_FOR_PASSWORD.with_(place=place),
            hint=LOGIN_HINT,
        )
    if "role" in lowered and "does not exist" in lowered:
        return DatabaseLoginRefused(
            DATABASE_SERVER_DOES_NOT_KNOW.with_(place=place, reason=reason),
            hint=CHECK_USER_NAME_IN_DATABASE,
        )
    if "database" in lowered and "does not exist" in lowered:
        return DatabaseLoginRefused(
            DATABASE_SERVER_HAS_NO_SUCH.with_(place=place, reason=reason),
            hint=CHECK_DATABASE_NAME_AT_END,
        )
    if "pg_hba.conf" in lowered or "permission denied for database" in lowered:
        return DatabaseLoginRefused(
            DATABASE_SERVER_DOES_NOT_LET.with_(place=place, reason=reason),
            hint=WHOEVER_RUNS_SERVER_MUST_ALLOW,
        )
    return None


def _is_unique_violation(exc: IntegrityError) -> bool:
    text = str(exc.orig).lower()
    return "unique" in text or "duplicate key" in text

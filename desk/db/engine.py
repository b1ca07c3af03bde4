"""Opening a database: SQLite with WAL and foreign keys, or PostgreSQL through psycopg 3."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desk.config import describe_url, parse_database_url
from desk.db.failures import explain_database_error
from desk.errors import DataFolderNotWritable, DeskError
from desk.file_privacy import create_private_file, make_private_folder
from desk.messages.core import MAKE_FOLDER_WRITABLE_OR_CHOOSE, RECOVERY_DESK_CANNOT_WRITE_TO

SQLITE_BUSY_TIMEOUT_MS = 5000
POSTGRES_CONNECT_TIMEOUT_S = 5
# A frozen network (packets dropped, not refused) never fails a socket on its own: TCP keeps
# retrying for a quarter of an hour. These bound it. An idle connection is probed after 5 s
# and given up after 3 unanswered probes 2 s apart; data left unacknowledged for 9 s fails
# the connection (tcp_user_timeout), so a Save sent into a dead network fails in seconds.
POSTGRES_KEEPALIVES = {
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 9000,
}
# The server gives up on a statement after 15 s (a lock held by a stuck station), and ends a
# session left idle inside a transaction for 60 s (a station that vanished mid-save), so its
# locks do not hold up everyone else. Migrations and the demo seed lift the first for their
# own transaction (allow_long_statements).
POSTGRES_STATEMENT_TIMEOUT_MS = 15_000
POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000


def postgres_connect_args() -> dict[str, object]:
    """libpq options for every connection this program makes to PostgreSQL."""
    return {
        "connect_timeout": POSTGRES_CONNECT_TIMEOUT_S,
        **POSTGRES_KEEPALIVES,
        "options": f"-c statement_timeout={POSTGRES_STATEMENT_TIMEOUT_MS} "
        f"-c idle_in_transaction_session_timeout={POSTGRES_IDLE_IN_TRANSACTION_TIMEOUT_MS}",
    }


def allow_long_statements(connection: Session | Connection) -> None:
    """Lift the statement timeout for the current transaction (a migration, the demo seed)."""
    bind = connection if isinstance(connection, Connection) else connection.get_bind()
    if bind.dialect.name == "postgresql":
        connection.execute(text("SET LOCAL statement_timeout = 0"))


def _apply_sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def enable_wal(engine: Engine) -> None:
    """Put a SQLite file in WAL mode (a setting kept in the file), once it is known to be ours."""
    with engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        if str(mode).lower() not in ("wal", "memory"):
            connection.exec_driver_sql("PRAGMA journal_mode = WAL")
        connection.commit()


def ensure_writable_folder(folder: Path) -> None:
    """Create `folder` if needed and prove a file can be written there."""
    try:
        if not folder.exists():
            make_private_folder(folder)  # a folder made for the database is ours alone
        probe = folder / f".write-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataFolderNotWritable(
            RECOVERY_DESK_CANNOT_WRITE_TO.with_(folder=folder, value=exc.strerror or exc),
            hint=MAKE_FOLDER_WRITABLE_OR_CHOOSE,
        ) from None


def _loaded_psycopg_errors() -> tuple[type, ...]:
    """psycopg is imported by SQLAlchemy only for a PostgreSQL URL; a SQLite station never
    pays for it."""
    psycopg = sys.modules.get("psycopg")
    return (psycopg.Error,) if psycopg is not None else ()


def create_database_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            hide_parameters=True,  # errors in the log never carry names or notes
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _apply_sqlite_pragmas)
        return engine
    return create_engine(
        url,
        hide_parameters=True,
        # After a server restart or failover every pooled connection is dead; a ping on
        # checkout (one round trip) finds that out, so the first action afterwards does not
        # fail with "cannot be reached" while the server is up.
        pool_pre_ping=True,
        pool_size=5,
        max_overflow=5,
        connect_args=postgres_connect_args(),
    )


class Database:
    """One database, its engine and a session factory; short sessions per operation."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def open(cls, url_text: str, *, create_folder: bool = True) -> Database:
        """Open the database at `url_text` and prove a connection can be made."""
        url = parse_database_url(url_text)
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            path = Path(url.database).expanduser()
            if create_folder:
                ensure_writable_folder(path.parent)
                # Made 0600 before SQLite creates it; its WAL and SHM files take its mode.
                create_private_file(path)
            url = url.set(database=str(path))
        database = cls(url, create_database_engine(url))
        database.check_connection()
        return database

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    @property
    def sqlite_path(self) -> Path | None:
        if self.is_sqlite and self.url.database not in (None, "", ":memory:"):
            return Path(self.url.database)
        return None

    @property
    def description(self) -> str:
        return describe_url(self.url)

    def check_connection(self) -> None:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                if self.is_sqlite:
                    # Reading the schema proves the file really is a SQLite database.
                    connection.execute(text("SELECT count(*) FROM sqlite_master"))
        except (DBAPIError, sqlite3.Error, *_loaded_psycopg_errors()) as exc:
            self.engine.dispose()
            raise (explain_database_error(exc, where=self.description) or exc) from None

    def session(self) -> Session:
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url_text: str) -> Database:
    """Open a database, turning every expected failure into a DeskError."""
    try:
        return Database.open(url_text)
    except DeskError:
        raise
    except DBAPIError as exc:
        raise (explain_database_error(exc) or exc) from None

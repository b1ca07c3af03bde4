"""Opening a database: SQLite with WAL and foreign keys, or PostgreSQL through psycopg 3."""

from __future__ import annotations

import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desk.config import describe_url, parse_database_url
from desk.db.failures import explain_database_error
from desk.errors import DataFolderNotWritable, DeskError

SQLITE_BUSY_TIMEOUT_MS = 5000
POSTGRES_CONNECT_TIMEOUT_S = 5


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
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".write-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataFolderNotWritable(
            f"Recovery Desk cannot write to the folder {folder} ({exc.strerror or exc}).",
            hint="Make the folder writable, or choose another database with --database or "
            "RECOVERY_DESK_DATABASE_URL.",
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
        pool_pre_ping=False,  # a dropped connection fails one task, then the pool reconnects
        pool_size=5,
        max_overflow=5,
        connect_args={"connect_timeout": POSTGRES_CONNECT_TIMEOUT_S},
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

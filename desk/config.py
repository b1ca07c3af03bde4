"""Which database to use: the command line, then the environment, then the per-user default."""

from __future__ import annotations

import os

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from desk.errors import DeskError
from desk.messages.core import (
    IS_NOT_DATABASE_ADDRESS,
    RECOVERY_DESK_WORKS_WITH_SQLITE,
    USE_SQLITE_PATH_TO_FILE,
)
from desk.paths import data_dir

DATABASE_URL_ENV = "RECOVERY_DESK_DATABASE_URL"
DEFAULT_DATABASE_FILE = "recovery-desk.sqlite3"


def default_database_url() -> str:
    return f"sqlite:///{data_dir() / DEFAULT_DATABASE_FILE}"


def resolve_database_url(option: str | None = None) -> str:
    """The URL from `--database`, else RECOVERY_DESK_DATABASE_URL, else the default file."""
    return option or os.environ.get(DATABASE_URL_ENV) or default_database_url()


def parse_database_url(text: str) -> URL:
    """Parse a SQLAlchemy URL, naming the accepted forms when it is not one."""
    try:
        url = make_url(text)
    except ArgumentError:
        raise DeskError(
            IS_NOT_DATABASE_ADDRESS.with_(text=text),
            hint=USE_SQLITE_PATH_TO_FILE,
        ) from None
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DeskError(
            RECOVERY_DESK_WORKS_WITH_SQLITE.with_(get_backend_name=url.get_backend_name()),
            hint=USE_SQLITE_PATH_TO_FILE,
        )
    if url.get_backend_name() == "postgresql" and url.drivername != "postgresql+psycopg":
        url = url.set(drivername="postgresql+psycopg")
    return url


def describe_url(url: URL) -> str:
    """A short description for the status bar; never shows a password."""
    if url.get_backend_name() == "sqlite":
        return f"SQLite file {url.database or '(in memory)'}"
    service = url.query.get("service")
    if service and not url.host and not url.database:  # all of it in the service file
        return f"PostgreSQL service {service}"
    host = url.host or "localhost"
    port = f":{url.port}" if url.port else ""
    user = f"{url.username}@" if url.username else ""
    return f"PostgreSQL {user}{host}{port}/{url.database or ''}"

"""Noticing what other stations changed, within a second or two and without a click.

SQLite: `PRAGMA data_version` on a connection of our own changes whenever any other connection
commits. PostgreSQL: services NOTIFY on a channel inside their transaction (delivered at commit)
and a listening connection waits for it.
"""

from __future__ import annotations

import sqlite3
import time
from typing import Protocol

import psycopg
from sqlalchemy import text
from sqlalchemy.orm import Session

from desk.db.engine import Database

CHANNEL = "recovery_desk_changes"
ANY_TOPIC = "*"


def announce_change(session: Session, topic: str) -> None:
    """Tell other stations that `topic` (visits, people, directory, ...) changed, at commit."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :topic)"), {"channel": CHANNEL, "topic": topic}
        )


class ChangeWatcher(Protocol):
    def wait_for_changes(self, timeout: float) -> set[str]:
        """Block up to `timeout` seconds; the topics changed since the last call (maybe none)."""

    def close(self) -> None: ...


class SqliteChangeWatcher:
    POLL_SECONDS = 0.25

    def __init__(self, path: str) -> None:
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._last = self._data_version()

    def _data_version(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def wait_for_changes(self, timeout: float) -> set[str]:
        deadline = time.monotonic() + timeout
        while True:
            current = self._data_version()
            if current != self._last:
                self._last = current
                return {ANY_TOPIC}
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return set()
            time.sleep(min(self.POLL_SECONDS, remaining))

    def close(self) -> None:
        self._connection.close()


class PostgresChangeWatcher:
    def __init__(self, conninfo: str) -> None:
        self._connection = psycopg.connect(conninfo, autocommit=True, connect_timeout=5)
        self._connection.execute(f"LISTEN {CHANNEL}")

    def wait_for_changes(self, timeout: float) -> set[str]:
        topics: set[str] = set()
        for notice in self._connection.notifies(timeout=timeout, stop_after=1):
            topics.add(notice.payload or ANY_TOPIC)
        # Gather whatever else arrived in the same moment, without waiting again.
        for notice in self._connection.notifies(timeout=0.01):
            topics.add(notice.payload or ANY_TOPIC)
        return topics

    def close(self) -> None:
        self._connection.close()


def open_change_watcher(database: Database) -> ChangeWatcher | None:
    """A watcher for `database`, or None for an in-memory database that no one else can see."""
    if database.is_postgresql:
        url = database.url.set(drivername="postgresql")
        return PostgresChangeWatcher(url.render_as_string(hide_password=False))
    path = database.sqlite_path
    return SqliteChangeWatcher(str(path)) if path is not None else None

"""Noticing what other stations changed, within a second or two and without a click.

Services announce a topic (`Topic.VISITS`, `Topic.PEOPLE`, ...) inside their transaction.
PostgreSQL carries it with NOTIFY (delivered at commit) to a listening
connection. SQLite has no channel: the topic is written to `change_notice`, and a watcher
polls `PRAGMA data_version` (it changes whenever another connection commits) and then reads
the notices it has not seen.
"""

from __future__ import annotations

import enum
import sqlite3
import time
from typing import Protocol

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from desk.db.engine import Database, postgres_connect_args
from desk.models import ChangeNotice

CHANNEL = "recovery_desk_changes"
ANY_TOPIC = "*"  # the same as Topic.EVERYTHING, as the listener sends it


KEEP_NOTICES = 1000  # SQLite notices kept; a station reads new ones within a second


class Topic(enum.StrEnum):
    """What other stations are told changed, so that they refresh the views that show it."""

    VISITS = "visits"
    PEOPLE = "people"
    COACHING = "coaching"
    REFERRALS = "referrals"
    CONSENTS = "consents"
    DIRECTORY = "directory"
    SETTINGS = "settings"
    STAFF = "staff"
    GROUPS = "groups"
    CARDS = "cards"
    EVERYTHING = "*"  # a restore: every view may have changed


_ANNOUNCED = "desk.changes.announced"


def announce_change(session: Session, topic: Topic) -> None:
    """Tell other stations that `topic` changed, at commit (once per transaction)."""
    topic = Topic(topic)
    transaction = session.get_transaction()
    announced = session.info.get(_ANNOUNCED)
    if announced is None or announced[0] is not transaction:
        announced = (transaction, set())
        session.info[_ANNOUNCED] = announced
    if topic in announced[1]:
        return
    announced[1].add(topic)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT pg_notify(:channel, :topic)"), {"channel": CHANNEL, "topic": topic}
        )
        return
    notice = ChangeNotice(topic=topic)
    session.add(notice)
    session.flush()
    session.execute(delete(ChangeNotice).where(ChangeNotice.id <= notice.id - KEEP_NOTICES))


class ChangeWatcher(Protocol):
    def wait_for_changes(self, timeout: float) -> set[str]:
        """Block up to `timeout` seconds; the topics changed since the last call (maybe none)."""

    def close(self) -> None: ...


class SqliteChangeWatcher:
    POLL_SECONDS = 0.25

    def __init__(self, path: str) -> None:
        self._connection = sqlite3.connect(path, check_same_thread=False)
        self._last = self._data_version()
        self._last_notice = self._connection.execute(
            "SELECT coalesce(max(id), 0) FROM change_notice"
        ).fetchone()[0]

    def _data_version(self) -> int:
        return self._connection.execute("PRAGMA data_version").fetchone()[0]

    def _new_topics(self) -> set[str]:
        rows = self._connection.execute(
            "SELECT id, topic FROM change_notice WHERE id > ? ORDER BY id", (self._last_notice,)
        ).fetchall()
        if rows:
            self._last_notice = rows[-1][0]
        return {topic for _id, topic in rows}

    def wait_for_changes(self, timeout: float) -> set[str]:
        """Writes that announce nothing (an audit event of a record opened) wake no one."""
        deadline = time.monotonic() + timeout
        while True:
            current = self._data_version()
            if current != self._last:
                self._last = current
                topics = self._new_topics()
                if topics:
                    return topics
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return set()
            time.sleep(min(self.POLL_SECONDS, remaining))

    def close(self) -> None:
        self._connection.close()


class PostgresChangeWatcher:
    def __init__(self, conninfo: str) -> None:
        import psycopg  # only stations on PostgreSQL need it

        self._connection = psycopg.connect(conninfo, autocommit=True, **postgres_connect_args())
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

"""Copying a live SQLite database with SQLite's online backup API, while staff keep working.

The database is in WAL mode: the copy reads one consistent snapshot and never blocks the
desk's reads or writes (writers append to the WAL meanwhile). The copy is made in one
`backup` step: in steps with pauses between them, SQLite starts the copy again from the
beginning whenever another connection writes in a pause, and a busy desk would keep it from
ever finishing. The benchmark (benchmarks/bench_backup.py) measures what a sign-in lookup
feels while it runs.

The copy is then switched to an ordinary rollback journal (it is a file on its own, opened
read-only when restoring, and must not need -wal or -shm files beside it) and checked with
`PRAGMA quick_check` before it counts as a good backup.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from desk.errors import BackupFailed
from desk.messages.backup import COPY_OF_DATABASE_DID_NOT, DATABASE_ITSELF_MAY_BE_DAMAGED


def copy_sqlite_database(source: Path, target: Path) -> None:
    """Copy the database at `source` into the new, empty file `target`, and check the copy."""
    source_connection = sqlite3.connect(source, timeout=30)
    try:
        target_connection = sqlite3.connect(target)
        try:
            source_connection.backup(target_connection)
            target_connection.execute("PRAGMA journal_mode = DELETE")
            verdict = target_connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            target_connection.close()
    finally:
        source_connection.close()
    if verdict != "ok":
        raise BackupFailed(
            COPY_OF_DATABASE_DID_NOT.with_(verdict=verdict),
            hint=DATABASE_ITSELF_MAY_BE_DAMAGED,
        )


def integrity_problem(path: Path) -> str | None:
    """None when `path` is a sound SQLite database; otherwise SQLite's words for what is wrong.
    Opened read-only, so checking a file never changes it."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        return str(exc)
    finally:
        with contextlib.suppress(sqlite3.Error):
            connection.close()
    verdict = "; ".join(str(row[0]) for row in rows[:3])
    return None if verdict == "ok" else verdict

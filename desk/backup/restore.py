"""Putting a backup back: check the file first, keep the current database aside, then replace.

Checks, before anything is touched: the file can be read; an encrypted one opens with the
passphrase; it is a sound SQLite database (`PRAGMA integrity_check`); it is a Recovery Desk
database (a schema version and our tables); its schema is one this program knows, so the
usual start-up upgrade can bring it up to date.

Replacing uses SQLite's own tools, so it is all or nothing: the current database is locked
for this connection alone (EXCLUSIVE locking mode fails at once while any other station or
program has the file open, idle or not: each holds a shared lock on it), copied aside with
the backup API, and the backup is copied into it with the backup API, in one transaction
that SQLite rolls back if the machine stops half-way. A current file that SQLite cannot open
at all (a damaged disk) is renamed aside instead, and the backup copied in its place.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk.backup.envelope import decrypt_file, is_encrypted, read_header
from desk.backup.files import make_private, parse_backup_name, place_atomically, remove_quietly
from desk.backup.sqlite_copy import integrity_problem
from desk.errors import DatabaseInUse, NotABackup, SchemaTooNew
from desk.messages.backup import (
    CHECK_NAME_AND_THAT_DRIVE,
    CHOOSE_ANOTHER_BACKUP_NOTHING_WAS,
    CHOOSE_FILE_NAMED_LIKE_RECOVERY,
    CLOSE_RECOVERY_DESK_ON_EVERY,
    DATABASE_IS_OPEN_ON_ANOTHER,
    FILE_CANNOT_BE_READ,
    INSTALL_NEWER_RECOVERY_DESK_ON,
    IS_DAMAGED_OR_INCOMPLETE_SQLITE,
    IS_ENCRYPTED_ITS_PASSPHRASE_IS,
    IS_FOLDER_NOT_BACKUP_FILE,
    IS_NOT_RECOVERY_DESK_BACKUP,
    IS_POSTGRESQL_BACKUP_PG_DUMP,
    RESTORE_IT_INTO_POSTGRESQL_SERVER,
    TYPE_BACKUP_PASSPHRASE_OR_SET,
    WAS_MADE_BY_NEWER_RECOVERY,
)

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
OUR_TABLES = {"alembic_version", "person", "visit", "staff_member", "setting", "audit_event"}


@dataclass(frozen=True)
class DatabaseSummary:
    """What a database holds, in the words of a confirmation."""

    schema: str
    people: int
    visits: int
    last_activity: str | None  # the newest activity-log entry, as stored (UTC)


@dataclass(frozen=True)
class CheckedBackup:
    source: Path  # the file chosen
    database_file: Path  # a plain SQLite file: the source, or a private decrypted copy
    made_at: datetime | None
    summary: DatabaseSummary
    encrypted: bool

    def discard(self) -> None:
        """Remove the decrypted copy, if one was made."""
        if self.database_file != self.source:
            remove_quietly(self.database_file)


def file_kind(path: Path) -> str:
    """ "sqlite", "pg_dump", "encrypted", or "other"; unreadable files are refused in words."""
    try:
        with path.open("rb") as handle:
            start = handle.read(len(SQLITE_MAGIC))
    except IsADirectoryError:
        raise NotABackup(IS_FOLDER_NOT_BACKUP_FILE.with_(path=path)) from None
    except OSError as exc:
        raise NotABackup(
            FILE_CANNOT_BE_READ.with_(path=path, value=exc.strerror or exc),
            hint=CHECK_NAME_AND_THAT_DRIVE,
        ) from None
    if start == SQLITE_MAGIC:
        return "sqlite"
    if start.startswith(PG_DUMP_MAGIC):
        return "pg_dump"
    if path.stat().st_size and is_encrypted(path):
        return "encrypted"
    return "other"


def encrypted_content(path: Path) -> str:
    """What an encrypted backup holds ("sqlite" or "pg_dump"), read from its header."""
    header, _ = read_header(path)
    return str(header.get("content", "sqlite"))


def _not_ours(path: Path) -> NotABackup:
    return NotABackup(
        IS_NOT_RECOVERY_DESK_BACKUP.with_(name=path.name),
        hint=CHOOSE_FILE_NAMED_LIKE_RECOVERY,
    )


def _summarise(path: Path, original: Path, *, check: bool = True) -> DatabaseSummary:
    problem = integrity_problem(path) if check else None
    if problem is not None:
        raise NotABackup(
            IS_DAMAGED_OR_INCOMPLETE_SQLITE.with_(name=original.name, problem=problem),
            hint=CHOOSE_ANOTHER_BACKUP_NOTHING_WAS,
        )
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if not tables >= OUR_TABLES:
            raise _not_ours(original)
        schema = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        people = connection.execute("SELECT count(*) FROM person").fetchone()[0]
        visits = connection.execute("SELECT count(*) FROM visit").fetchone()[0]
        last = connection.execute("SELECT max(occurred_at) FROM audit_event").fetchone()[0]
    except sqlite3.Error:
        raise _not_ours(original) from None
    finally:
        connection.close()
    if schema is None:
        raise _not_ours(original)
    return DatabaseSummary(str(schema[0]), int(people), int(visits), last)


def refuse_unknown_schema(summary: DatabaseSummary, original: Path) -> None:
    from alembic.script import ScriptDirectory  # only for a restore, not at every start

    from desk.db.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    known = {revision.revision for revision in script.walk_revisions()}
    if summary.schema not in known:
        raise SchemaTooNew(
            WAS_MADE_BY_NEWER_RECOVERY.with_(name=original.name, schema=summary.schema),
            hint=INSTALL_NEWER_RECOVERY_DESK_ON,
        )


def summarise_database(path: Path, *, check: bool = True) -> DatabaseSummary | None:
    """What the current database holds, for the confirmation; None if it cannot be read.
    `check=False` skips the integrity check (seconds on a large file) for a database in use."""
    if not path.exists():
        return None
    try:
        return _summarise(path, path, check=check)
    except NotABackup:
        return None


def check_backup(path: Path, passphrase: str | None, *, work_folder: Path) -> CheckedBackup:
    """Every check of a SQLite backup, before anything is replaced. An encrypted backup is
    decrypted into a private file in `work_folder` (beside the database, not on the drive it
    came from); `passphrase` is needed only then."""
    kind = file_kind(path)
    if kind == "pg_dump" or (kind == "encrypted" and encrypted_content(path) == "pg_dump"):
        raise NotABackup(
            IS_POSTGRESQL_BACKUP_PG_DUMP.with_(name=path.name),
            hint=RESTORE_IT_INTO_POSTGRESQL_SERVER,
        )
    if kind == "other":
        raise _not_ours(path)
    named = parse_backup_name(path)
    made_at = named.made_at if named is not None else None
    if kind == "sqlite":
        summary = _summarise(path, path)
        refuse_unknown_schema(summary, path)
        return CheckedBackup(path, path, made_at, summary, encrypted=False)
    if passphrase is None:
        raise NotABackup(
            IS_ENCRYPTED_ITS_PASSPHRASE_IS.with_(name=path.name),
            hint=TYPE_BACKUP_PASSPHRASE_OR_SET,
        )
    plain = decrypt_to_private_file(path, passphrase, work_folder)
    try:
        summary = _summarise(plain, path)
        refuse_unknown_schema(summary, path)
    except BaseException:
        remove_quietly(plain)
        raise
    return CheckedBackup(path, plain, made_at, summary, encrypted=True)


def decrypt_to_private_file(path: Path, passphrase: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=".recovery-desk-restore-", suffix=".tmp", dir=folder)
    plain = Path(name)
    try:
        with os.fdopen(handle, "wb") as out:
            decrypt_file(path, out, passphrase)
    except BaseException:
        remove_quietly(plain)
        raise
    return plain


def _in_use(database_path: Path) -> DatabaseInUse:
    return DatabaseInUse(
        DATABASE_IS_OPEN_ON_ANOTHER.with_(database_path=database_path),
        hint=CLOSE_RECOVERY_DESK_ON_EVERY,
    )


def aside_path(database_path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    return database_path.with_name(
        f"{database_path.stem}.before-restore-{stamp}{database_path.suffix}"
    )


def replace_sqlite_database(
    checked: CheckedBackup, database_path: Path, now: datetime
) -> Path | None:
    """Put the checked backup in place of `database_path`; returns where the database that
    was there is kept (None when there was none)."""
    database_path.parent.mkdir(parents=True, exist_ok=True)
    existed = database_path.exists() and database_path.stat().st_size > 0
    live = sqlite3.connect(database_path, timeout=1, isolation_level=None)
    try:
        try:
            live.execute("PRAGMA locking_mode = EXCLUSIVE")
            live.execute("BEGIN EXCLUSIVE")
            live.execute("COMMIT")  # the lock stays: exclusive mode keeps it until close
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc).lower() or "busy" in str(exc).lower():
                raise _in_use(database_path) from None
            raise
        aside = _copy_aside(live, database_path, now) if existed else None
        source = sqlite3.connect(f"{checked.database_file.resolve().as_uri()}?mode=ro", uri=True)
        try:
            source.backup(live)
        finally:
            source.close()
        return aside
    except sqlite3.DatabaseError as exc:
        if "not a database" not in str(exc).lower() and "malformed" not in str(exc).lower():
            raise
    finally:
        live.close()
    return _replace_unreadable(checked, database_path, now)


def _copy_aside(live: sqlite3.Connection, database_path: Path, now: datetime) -> Path:
    aside = aside_path(database_path, now)
    temporary = aside.with_name(f".{aside.name}.partial")
    copy = sqlite3.connect(temporary)
    try:
        live.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()
    place_atomically(temporary, aside)
    return aside


def _replace_unreadable(checked: CheckedBackup, database_path: Path, now: datetime) -> Path:
    """The current file is not a database SQLite can read: rename it (and its -wal and -shm)
    aside, and copy the backup into its place."""
    aside = aside_path(database_path, now)
    for suffix in ("", "-wal", "-shm"):
        companion = Path(f"{database_path}{suffix}")
        if companion.exists():
            os.replace(companion, Path(f"{aside}{suffix}"))
    temporary = database_path.with_name(f".{database_path.name}.partial")
    shutil.copyfile(checked.database_file, temporary)
    place_atomically(temporary, database_path)
    with contextlib.suppress(OSError):
        make_private(database_path)
    return aside


def pg_restore_instructions(dump: Path, database_name: str) -> str:
    return (
        "Recovery Desk does not restore PostgreSQL databases itself: the server's own tool "
        "does it. Close Recovery Desk on every station, then, on a machine with the PostgreSQL "
        "client tools:\n"
        f"  pg_restore --clean --if-exists --no-owner --dbname={database_name} {dump}\n"
        "(add --host, --port and --username as for psql). To restore into a new, empty "
        "database instead, create it first (createdb) and leave out --clean. Then run "
        "`recovery-desk db upgrade` once."
    )

"""Making one backup: SQLite through its online backup API, PostgreSQL through pg_dump.

A backup in the default folder (beside the database, on the same disk) is a plain copy. A
backup anywhere else (a USB drive, a network share) leaves the machine, so it is encrypted
for the center's backup key (see `envelope`). The plain copy is then made first in a private
temporary file beside the database and encrypted from there: no unencrypted byte is ever
written to the drive that may be lost.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from desk.backup.envelope import BackupKey, encrypt_stream
from desk.backup.files import (
    backup_name,
    folder_problem,
    place_atomically,
    prepare_folder,
    remove_quietly,
    remove_stale_temporaries,
)
from desk.backup.sqlite_copy import copy_sqlite_database
from desk.db.engine import Database
from desk.errors import BackupFailed
from desk.messages import Message
from desk.messages.backup import (
    ADMIN_SETS_ONE_IN_CENTER,
    BACKUPS_OUTSIDE_DEFAULT_FOLDER_ARE,
    DATABASE_HELD_ONLY_IN_MEMORY,
    MANUAL_PG_DUMP,
    PG_DUMP_COULD_NOT_FINISH,
    PG_DUMP_OLDER_THAN_SERVER,
    PG_DUMP_POSTGRESQL_BACKUP_PROGRAM,
    PG_DUMP_STOPPED_WITH_ERROR,
)

PG_DUMP_TIMEOUT_S = 3600


@dataclass(frozen=True)
class BackupTarget:
    """Where a backup goes, and how: `encrypt_for` is None only for the default folder."""

    folder: Path
    is_default: bool
    encrypt_for: BackupKey | None = None


@dataclass(frozen=True)
class BackupResult:
    path: Path
    made_at: datetime
    kind: str
    size: int
    seconds: float
    encrypted: bool
    removed: list[Path] = field(default_factory=list)


def yield_to_the_desk() -> None:
    """Lower the calling thread's CPU priority (Linux, where each thread has its own), so a
    backup running beside the desk's work takes the processor only when the desk leaves it.
    Call it on the thread that makes automatic backups, never on the GUI thread."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)


def make_backup(
    database: Database,
    target: BackupTarget,
    kind: str,
    made_at: datetime,
    *,
    work_folder: Path,
    schema: str | None = None,
) -> BackupResult:
    """Write one backup of `database` into `target`, named for `made_at` (center time)."""
    if not target.is_default and target.encrypt_for is None:
        raise BackupFailed(
            BACKUPS_OUTSIDE_DEFAULT_FOLDER_ARE,
            hint=ADMIN_SETS_ONE_IN_CENTER,
        )
    started = time.perf_counter()
    content = "sqlite" if database.is_sqlite else "pg_dump"
    prepare_folder(target.folder, create=target.is_default)
    remove_stale_temporaries(target.folder)
    remove_stale_temporaries(work_folder)
    encrypted = target.encrypt_for is not None
    final = target.folder / backup_name(made_at, kind, content=content, encrypted=encrypted)
    plain_folder = work_folder if encrypted else target.folder
    plain = _temporary(plain_folder, ".partial")
    sealed: Path | None = None
    try:
        _copy_plain(database, plain)
        if target.encrypt_for is None:
            place_atomically(plain, final)
        else:
            sealed = _temporary(target.folder, ".partial")
            about = {"content": content, "made_at": made_at.isoformat(), "schema": schema}
            with plain.open("rb") as source, sealed.open("wb") as out:
                encrypt_stream(source, out, target.encrypt_for, about)
            place_atomically(sealed, final)
    except OSError as exc:
        raise folder_problem(exc, target.folder) from None
    finally:
        remove_quietly(plain)
        remove_quietly(sealed)
    return BackupResult(
        path=final,
        made_at=made_at,
        kind=kind,
        size=final.stat().st_size,
        seconds=time.perf_counter() - started,
        encrypted=encrypted,
    )


def _temporary(folder: Path, suffix: str) -> Path:
    try:
        handle, name = tempfile.mkstemp(prefix=".recovery-desk-", suffix=suffix, dir=folder)
    except OSError as exc:
        raise folder_problem(exc, folder) from None
    os.close(handle)  # mkstemp made it 0600; the copy writes into it by name
    return Path(name)


def _copy_plain(database: Database, target: Path) -> None:
    source = database.sqlite_path
    if source is not None:
        copy_sqlite_database(source, target)
        return
    if database.is_sqlite:
        raise BackupFailed(DATABASE_HELD_ONLY_IN_MEMORY)
    run_pg_dump(database, target)


def pg_dump_command() -> str | None:
    return shutil.which("pg_dump")


def manual_pg_dump_hint(database: Database) -> Message:
    return MANUAL_PG_DUMP.with_(name=database.url.database or "recovery_desk")


def run_pg_dump(database: Database, target: Path) -> None:
    """pg_dump's custom format (compressed, restorable table by table with pg_restore)."""
    program = pg_dump_command()
    if program is None:
        raise BackupFailed(
            PG_DUMP_POSTGRESQL_BACKUP_PROGRAM,
            hint=manual_pg_dump_hint(database),
        )
    url = database.url
    environment = {"PGPASSWORD": url.password or "", "PGCONNECT_TIMEOUT": "10"}
    command = [program, "--format=custom", f"--file={target}", "--no-password"]
    if url.host:
        command.append(f"--host={url.host}")
    if url.port:
        command.append(f"--port={url.port}")
    if url.username:
        command.append(f"--username={url.username}")
    command.append(f"--dbname={url.database}")
    try:
        finished = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=PG_DUMP_TIMEOUT_S,
            env={**os.environ, **environment},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BackupFailed(PG_DUMP_COULD_NOT_FINISH.with_(exc=exc)) from None
    if finished.returncode != 0:
        said = (finished.stderr.strip().splitlines() or ["no message"])[-1]
        raise BackupFailed(
            PG_DUMP_STOPPED_WITH_ERROR.with_(said=said),
            hint=PG_DUMP_OLDER_THAN_SERVER.with_(manual=manual_pg_dump_hint(database)),
        )

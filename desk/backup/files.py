"""Backup files: their names, their folders, and putting a finished file in place.

A backup's name says when it was made (center time), why, and what it holds:
`recovery-desk-2026-11-28-090215-daily.sqlite3`, `...-close.sqlite3.encrypted`,
`...-manual.dump` (PostgreSQL, pg_dump's custom format). Only files named so are ever
listed or removed: anything else in the folder is left alone.

A file appears under its name only once complete: it is written under a temporary name in the
same folder, flushed to the disk, then renamed, so a USB drive pulled out mid-way never holds a
half backup that looks whole. Files are made readable by their owner only (0600), folders
that Recovery Desk creates likewise (0700).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desk.errors import BackupFailed
from desk.messages.backup import (
    BACKUP_FOLDER_CANNOT_BE_FOUND,
    BACKUP_FOLDER_IS_READ_ONLY,
    CHECK_FOLDER_OR_CHOOSE_ANOTHER,
    DISK_HOLDING_BACKUP_FOLDER_IS,
    IF_IT_IS_ON_USB,
    MAKE_ROOM_ON_IT_OLD,
    RECOVERY_DESK_CANNOT_WRITE_BACKUP,
    UNLOCK_DRIVE_SOME_USB_DRIVES,
)

PREFIX = "recovery-desk-"
KINDS = ("daily", "close", "manual")
KIND_WORDS = {"daily": "daily", "close": "at closing", "manual": "made by hand"}
SQLITE_SUFFIX = ".sqlite3"
DUMP_SUFFIX = ".dump"
ENCRYPTED_SUFFIX = ".encrypted"
DEFAULT_FOLDER_NAME = "backups"
_NAME = re.compile(
    r"^recovery-desk-(\d{4}-\d{2}-\d{2}-\d{6})-(daily|close|manual)"
    r"(\.sqlite3|\.dump)(\.encrypted)?$"
)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime  # center time, naive, as in the name
    kind: str
    content: str  # "sqlite" or "pg_dump"
    encrypted: bool
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_name(made_at: datetime, kind: str, *, content: str, encrypted: bool) -> str:
    suffix = SQLITE_SUFFIX if content == "sqlite" else DUMP_SUFFIX
    stamp = made_at.strftime("%Y-%m-%d-%H%M%S")
    return f"{PREFIX}{stamp}-{kind}{suffix}{ENCRYPTED_SUFFIX if encrypted else ''}"


def parse_backup_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        made_at = datetime.strptime(match.group(1), "%Y-%m-%d-%H%M%S")
        size = path.stat().st_size
    except (ValueError, OSError):
        return None
    content = "sqlite" if match.group(3) == SQLITE_SUFFIX else "pg_dump"
    return BackupFile(path, made_at, match.group(2), content, bool(match.group(4)), size)


def list_backups(folder: Path) -> list[BackupFile]:
    """The backups in `folder`, newest first."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise folder_problem(exc, folder) from None
    found = [backup for entry in entries if (backup := parse_backup_name(entry)) is not None]
    return sorted(found, key=lambda backup: (backup.made_at, backup.name), reverse=True)


def default_backup_folder(database_folder: Path) -> Path:
    """The `backups/` folder beside the database: on the same disk, so unencrypted."""
    return database_folder / DEFAULT_FOLDER_NAME


def same_folder(first: Path, second: Path) -> bool:
    return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))


def folder_problem(exc: OSError, folder: Path) -> BackupFailed:
    """An OSError about the backup folder, in words a person can act on."""
    code = exc.errno
    if code in (errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO):
        return BackupFailed(
            BACKUP_FOLDER_CANNOT_BE_FOUND.with_(folder=folder),
            hint=IF_IT_IS_ON_USB,
        )
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupFailed(
            BACKUP_FOLDER_IS_READ_ONLY.with_(folder=folder),
            hint=UNLOCK_DRIVE_SOME_USB_DRIVES,
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return BackupFailed(
            DISK_HOLDING_BACKUP_FOLDER_IS.with_(folder=folder),
            hint=MAKE_ROOM_ON_IT_OLD,
        )
    return BackupFailed(
        RECOVERY_DESK_CANNOT_WRITE_BACKUP.with_(folder=folder, value=exc.strerror or exc),
        hint=CHECK_FOLDER_OR_CHOOSE_ANOTHER,
    )


def prepare_folder(folder: Path, *, create: bool) -> None:
    """Make sure a backup can be written in `folder`. Only the default folder is created: a
    chosen folder that is missing is usually an unplugged drive, and creating it would put
    the backups on the station's own disk without anyone knowing."""
    try:
        if create:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not folder.is_dir():
            raise FileNotFoundError(errno.ENOENT, "not a folder", str(folder))
        probe = folder / f".recovery-desk-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise folder_problem(exc, folder) from None


def make_private(path: Path) -> None:
    """Owner-only permissions; a no-op where the file system has none (FAT USB drives)."""
    with contextlib.suppress(OSError):
        path.chmod(0o600)


def fsync_path(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def place_atomically(temporary: Path, final: Path) -> None:
    """Flush `temporary` to the disk, then give it its final name in the same folder."""
    make_private(temporary)
    fsync_path(temporary)
    os.replace(temporary, final)
    if hasattr(os, "O_DIRECTORY"):  # the rename itself reaches the disk (POSIX)
        with contextlib.suppress(OSError):
            descriptor = os.open(final.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


STALE_AFTER_S = 3600


def remove_stale_temporaries(folder: Path) -> None:
    """Remove what an interrupted backup or restore left (the machine switched off mid-way):
    temporary files of ours more than an hour old. A plain copy must not linger."""
    with contextlib.suppress(OSError):
        for pattern in (".recovery-desk-*.partial", ".recovery-desk-restore-*.tmp"):
            for path in folder.glob(pattern):
                with contextlib.suppress(OSError):
                    if time.time() - path.stat().st_mtime > STALE_AFTER_S:
                        path.unlink()


def remove_quietly(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()

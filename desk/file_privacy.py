"""Files only this OS account can read: the data folder 0700, what is in it 0600.

A station often has several OS accounts (a shared front-desk login, a volunteer's, IT's).
The database, its WAL and SHM files, the log, `station.ini` (drafts, layout), the print
journal and the copies kept before an upgrade all hold, or may hold, what people told us:
none of them should be readable by another account. New files are made private from the
start; files an earlier version left readable are tightened at start-up, and the log says
which.

On Windows the per-user data folder (%LOCALAPPDATA%) is already private to the account, and
permission bits mean little: there these functions do nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

logger = logging.getLogger(__name__)

PRIVATE_FOLDER = 0o700
PRIVATE_FILE = 0o600
KEEP_PRE_UPGRADE_COPIES = 3
ENFORCED = os.name == "posix"


def make_private_folder(folder: Path) -> bool:
    """Create `folder` (and its parents) if needed, and make it 0700; True if an existing
    folder had to be tightened."""
    folder = Path(folder)
    if not folder.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    return _tighten(folder, PRIVATE_FOLDER)


def create_private_file(path: Path) -> None:
    """Create an empty file readable by this account only, unless it exists (a SQLite file
    made this way gives its WAL and SHM files the same mode)."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def make_private(path: Path) -> bool:
    """Make an existing file 0600; True if it was readable by others before."""
    return _tighten(Path(path), PRIVATE_FILE)


def _tighten(path: Path, mode: int) -> bool:
    if not ENFORCED:
        return False
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & ~mode & 0o777 == 0:
            return False
        os.chmod(path, current & mode)
        return True
    except OSError as error:  # not ours to change (a shared folder): say so, carry on
        logger.warning("could not make %s private: %s", path, error.strerror or error)
        return False


def database_files(database: Path) -> list[Path]:
    """A SQLite database, its WAL and SHM files, and the copies kept before upgrades."""
    beside = [database.with_name(database.name + suffix) for suffix in ("-wal", "-shm")]
    return [database, *beside, *pre_upgrade_copies(database)]


def pre_upgrade_copies(database: Path) -> list[Path]:
    """The copies kept before upgrades, oldest first (their names carry the time)."""
    return sorted(database.parent.glob(f"{database.stem}.before-*{database.suffix}"))


def prune_pre_upgrade_copies(database: Path, keep: int = KEEP_PRE_UPGRADE_COPIES) -> list[Path]:
    """Remove all but the `keep` newest copies kept before upgrades; returns those removed."""
    copies = sorted(pre_upgrade_copies(database), key=lambda p: p.stat().st_mtime)
    removed = []
    for old in copies[:-keep] if keep else copies:
        try:
            old.unlink()
            removed.append(old)
        except OSError as error:
            logger.warning("could not remove the old copy %s: %s", old, error.strerror)
    return removed


def secure_data_folder(folder: Path, database: Path | None = None) -> list[Path]:
    """Make the data folder (if there is one yet) private, and every file in it and in its
    logs folder, and the database's files wherever it is; returns what had to be tightened
    (and logs it)."""
    tightened: list[Path] = []
    if folder.is_dir() and make_private_folder(folder):
        tightened.append(folder)
    files = [p for p in folder.iterdir() if p.is_file()] if folder.is_dir() else []
    logs = folder / "logs"
    if logs.is_dir():
        if make_private_folder(logs):
            tightened.append(logs)
        files += [p for p in logs.iterdir() if p.is_file()]
    if database is not None:
        files += [p for p in database_files(database) if p.exists()]
    for path in dict.fromkeys(files):
        if make_private(path):
            tightened.append(path)
    if tightened:
        logger.warning(
            "made private (readable by this account only): %s",
            ", ".join(str(path) for path in tightened),
        )
    return tightened

"""One backup from start to end, as the app's schedule and the command line run it: read the
center's policy, make the backup, apply the retention, record it in the activity log.

Short sessions only: the copy itself runs with no session open, so the desk's work goes on.
A failure is recorded (when the database can take it) and raised as a BackupFailed in words;
the caller decides when to try again.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from desk.backup.envelope import BackupKey
from desk.backup.files import (
    default_backup_folder,
    list_backups,
    remove_quietly,
    same_folder,
)
from desk.backup.making import BackupResult, BackupTarget, make_backup
from desk.backup.retention import backups_to_remove
from desk.db.engine import Database
from desk.db.schema_version import current_revision
from desk.errors import BackupFailed, DeskError
from desk.models.base import utc_now
from desk.paths import data_dir
from desk.services.actor import Actor
from desk.services.backups import load_backup_policy, record_backup_failed, record_backup_made
from desk.services.settings import load_settings

logger = logging.getLogger(__name__)


def default_folder_for(database: Database) -> Path:
    """`backups/` beside a SQLite file; for PostgreSQL, in this station's data folder."""
    path = database.sqlite_path
    return default_backup_folder(path.parent if path is not None else data_dir())


def resolve_target(database: Database, folder: Path | None, key: BackupKey | None) -> BackupTarget:
    default = default_folder_for(database)
    chosen = folder if folder is not None else default
    if same_folder(chosen, default):
        return BackupTarget(default, is_default=True)
    return BackupTarget(chosen, is_default=False, encrypt_for=key)


def center_clock(database: Database, now: datetime | None) -> datetime:
    """`now` on the center's clock, naive: backup names and days follow the center's day."""
    with database.session() as session:
        zone = load_settings(session).timezone
    return (now or utc_now()).astimezone(zone).replace(tzinfo=None)


def backup_now(
    database: Database,
    actor: Actor,
    kind: str,
    *,
    folder: Path | None = None,
    now: datetime | None = None,
    key: BackupKey | None = None,
    record_failure: bool = True,
) -> BackupResult:
    """Make one backup into `folder` (None: the default folder), prune, and record it.
    `record_failure=False` leaves a failure out of the activity log (the log file still has
    it): a retry every few minutes of a drive that stays unplugged is recorded once."""
    target = None
    try:
        with database.session() as session:
            policy = load_backup_policy(session)
        schema = current_revision(database)
        target = resolve_target(database, folder, key or policy.key)
        made_at = center_clock(database, now)
        work_folder = database.sqlite_path.parent if database.sqlite_path else data_dir()
        result = make_backup(
            database, target, kind, made_at, work_folder=work_folder, schema=schema
        )
        removed = prune(target.folder, policy.keep_daily, policy.keep_monthly)
        result = replace(result, removed=removed)
        with database.transaction() as session:
            record_backup_made(session, actor, result)
    except DeskError as error:
        logger.warning("backup (%s) failed: %s", kind, error)
        if record_failure:
            _record_failure(database, actor, kind, target.folder if target else folder, error)
        if isinstance(error, BackupFailed):
            raise
        raise BackupFailed(error.wording, hint=error.hint_wording or "") from None
    logger.info("backup made: %s (%d bytes, %.1f s)", result.path, result.size, result.seconds)
    return result


def _record_failure(
    database: Database, actor: Actor, kind: str, folder: Path | None, error: DeskError
) -> None:
    # The database may be what failed: then the log file alone keeps the failure.
    with contextlib.suppress(Exception), database.transaction() as session:
        record_backup_failed(session, actor, kind, folder or Path(), error.message)


def prune(folder: Path, keep_daily: int, keep_monthly: int) -> list[Path]:
    """Remove the backups that fall outside the policy; what could not be removed stays."""
    backups = list_backups(folder)
    removed = []
    for backup in backups_to_remove(backups, keep_daily=keep_daily, keep_monthly=keep_monthly):
        remove_quietly(backup.path)
        if not backup.path.exists():
            removed.append(backup.path)
    return removed


def daily_backup_due(folder: Path, today: date) -> bool:
    """True unless `folder` already holds a backup made `today` (center time), of any kind.
    A folder that cannot be read counts as due: trying is how its problem gets reported."""
    try:
        backups = list_backups(folder)
    except BackupFailed:
        return True
    return not any(backup.made_at.date() == today for backup in backups)

"""Backups as the center sees them: the backup passphrase, the record of each backup, and
whether the last good one is recent enough.

The passphrase itself is never stored: only the public key derived from it (see
desk/backup/envelope.py), in the `backup.key` setting. Retention (how many daily and monthly
backups to keep) is an ordinary center setting. Each backup made, failed or restored is in
the activity log, which is also where "the last good backup" is read from, so every station
sees the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.backup.envelope import BackupKey, new_backup_key, passphrase_matches
from desk.backup.making import BackupResult
from desk.backup.restore import CheckedBackup, check_backup
from desk.db.changes import Topic
from desk.errors import WrongPassphrase
from desk.messages.center import (
    THAT_IS_NOT_CENTER_BACKUP,
    USE_PASSPHRASE_ADMIN_SET_CENTER,
)
from desk.models import AuditEvent, Setting, StaffMember
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change
from desk.services.settings import load_settings

KEY_SETTING = "backup.key"
OVERDUE_AFTER = timedelta(days=2)


@dataclass(frozen=True)
class BackupPolicy:
    keep_daily: int
    keep_monthly: int
    key: BackupKey | None
    key_set_at: datetime | None = None
    key_set_by: str | None = None


@dataclass(frozen=True)
class BackupStatus:
    last_good_at: datetime | None  # UTC
    last_good_file: str | None
    overdue: bool  # no good backup for OVERDUE_AFTER


@unrestricted("the retention numbers and the public key: nothing to keep secret")
def load_backup_policy(session: Session) -> BackupPolicy:
    settings = load_settings(session)
    row = session.get(Setting, KEY_SETTING)
    key = set_by = None
    if row is not None:
        key = BackupKey.from_json(row.value)
        if row.updated_by_id is not None:
            staff = session.get(StaffMember, row.updated_by_id)
            set_by = staff.display_name if staff is not None else None
    return BackupPolicy(
        keep_daily=int(settings["backup.keep_daily"]),
        keep_monthly=int(settings["backup.keep_monthly"]),
        key=key,
        key_set_at=row.updated_at if row is not None else None,
        key_set_by=set_by,
    )


@requires(Permission.MANAGE_BACKUPS)
def set_backup_passphrase(session: Session, actor: Actor, passphrase: str) -> BackupPolicy:
    """Set (or replace) the center's backup passphrase. Backups made before keep needing the
    passphrase they were made with."""
    key = new_backup_key(passphrase)
    row = session.get(Setting, KEY_SETTING)
    if row is None:
        session.add(Setting(key=KEY_SETTING, value=key.to_json(), updated_by_id=actor.staff_id))
        action = AuditAction.BACKUP_PASSPHRASE_SET
    else:
        row.value = key.to_json()
        row.updated_by_id = actor.staff_id
        action = AuditAction.BACKUP_PASSPHRASE_CHANGED
    record_change(session, actor, Topic.SETTINGS, action, "setting", KEY_SETTING)
    return load_backup_policy(session)


@requires(Permission.MANAGE_BACKUPS)
def key_for_passphrase(session: Session, actor: Actor, passphrase: str) -> BackupKey:
    """The center's key, set from `passphrase` if none is set yet; a passphrase that is not
    the center's is refused rather than silently ignored."""
    policy = load_backup_policy(session)
    if policy.key is None:
        policy = set_backup_passphrase(session, actor, passphrase)
        assert policy.key is not None
        return policy.key
    if not passphrase_matches(passphrase, policy.key):
        raise WrongPassphrase(
            THAT_IS_NOT_CENTER_BACKUP,
            hint=USE_PASSPHRASE_ADMIN_SET_CENTER,
        )
    return policy.key


@requires(Permission.MANAGE_BACKUPS)
def check_backup_for_restore(
    session: Session, actor: Actor, path: Path, passphrase: str | None, *, work_folder: Path
) -> CheckedBackup:
    """Every check of a backup before an admin restores it (see desk/backup/restore.py)."""
    return check_backup(path, passphrase, work_folder=work_folder)


@requires(Permission.MANAGE_BACKUPS)
def record_backup_made(session: Session, actor: Actor, result: BackupResult) -> None:
    """A backup made: by the station itself (the built-in account), or an admin's command."""
    record_event(
        session,
        actor,
        AuditAction.BACKUP_MADE,
        "backup",
        result.path.name,
        kind=result.kind,
        folder=str(result.path.parent),
        bytes=result.size,
        seconds=round(result.seconds, 1),
        encrypted=result.encrypted,
        removed=[path.name for path in result.removed],
    )


@requires(Permission.MANAGE_BACKUPS)
def record_backup_failed(
    session: Session, actor: Actor, kind: str, folder: Path, message: str
) -> None:
    record_event(
        session,
        actor,
        AuditAction.BACKUP_FAILED,
        "backup",
        None,
        kind=kind,
        folder=str(folder),
        why=message,
    )


@requires(Permission.MANAGE_BACKUPS)
def record_restore(
    session: Session,
    actor: Actor,
    source: Path,
    made_at: datetime | None,
    aside: Path | None,
) -> None:
    """Written in the restored database, once it is open: who put it back, from what."""
    record_change(
        session,
        actor,
        Topic.EVERYTHING,
        AuditAction.BACKUP_RESTORED,
        "backup",
        source.name,
        made_at=made_at.isoformat(sep=" ") if made_at else None,
        previous_kept_at=str(aside) if aside else None,
    )


@unrestricted("when the last good backup was made: no one's information")
def backup_status(session: Session, now: datetime | None = None) -> BackupStatus:
    """The last good backup, and whether it is overdue (the app warns admins of that)."""
    last = session.execute(
        select(AuditEvent.occurred_at, AuditEvent.entity_id)
        .where(AuditEvent.action == AuditAction.BACKUP_MADE.value)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(1)
    ).first()
    last_at = last[0] if last else None
    moment = now or utc_now()
    overdue = last_at is None or moment - last_at > OVERDUE_AFTER
    return BackupStatus(last_at, last[1] if last else None, overdue)

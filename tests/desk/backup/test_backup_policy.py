"""The center's side of backups, on both engines: the passphrase, the record, the warning,
pg_dump, and a backup folder that is missing or full."""

from __future__ import annotations

import errno
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desk.backup import making
from desk.backup.automatic import backup_now
from desk.db.engine import Database
from desk.errors import BackupFailed, PermissionDenied, WrongPassphrase
from desk.models import AuditEvent, Setting, StaffMember, StaffRole
from desk.models.base import utc_now
from desk.services.actor import Actor, command_line_actor
from desk.services.backups import (
    backup_status,
    check_backup_for_restore,
    key_for_passphrase,
    load_backup_policy,
    set_backup_passphrase,
)
from tests.desk.backup.conftest import PASSPHRASE


def a_coach(database: Database) -> Actor:
    with database.transaction() as session:
        staff = StaffMember(display_name="Rosa", login="rosa", role=StaffRole.COACH)
        session.add(staff)
        session.flush()
        return Actor(staff.id, staff.display_name, staff.role)


def test_only_an_admin_sets_the_passphrase_and_it_is_never_stored(
    database: Database, actor: Actor
) -> None:
    coach = a_coach(database)
    with database.transaction() as session, pytest.raises(PermissionDenied, match="admin"):
        set_backup_passphrase(session, coach, PASSPHRASE)
    with database.transaction() as session:
        admin = command_line_actor(session)
        policy = set_backup_passphrase(session, admin, PASSPHRASE)
    assert policy.key is not None and policy.key_set_by == "Command line"
    with database.session() as session:
        stored = [str(row.value) for row in session.scalars(select(Setting))]
        actions = list(session.scalars(select(AuditEvent.action)))
    assert not any(PASSPHRASE in value for value in stored)
    assert "backup.passphrase_set" in actions


def test_only_an_admin_restores(database: Database, tmp_path: Path) -> None:
    coach = a_coach(database)
    backup = tmp_path / "recovery-desk-2026-11-28-090215-daily.sqlite3"
    backup.write_bytes(b"whatever it holds, the check comes first")
    with database.transaction() as session, pytest.raises(PermissionDenied, match="restore"):
        check_backup_for_restore(session, coach, backup, None, work_folder=tmp_path)


def test_a_passphrase_other_than_the_centers_is_refused(database: Database) -> None:
    with database.transaction() as session:
        admin = command_line_actor(session)
        first = key_for_passphrase(session, admin, PASSPHRASE)  # sets it
        assert key_for_passphrase(session, admin, PASSPHRASE) == first
        with pytest.raises(WrongPassphrase, match="not the center's"):
            key_for_passphrase(session, admin, "some other long passphrase")
        assert load_backup_policy(session).keep_daily == 14


def test_a_backup_is_overdue_after_two_days_without_a_good_one(
    database: Database, actor: Actor
) -> None:
    with database.session() as session:
        assert backup_status(session).overdue  # never backed up
    if database.is_postgresql and making.pg_dump_command() is None:
        pytest.skip("pg_dump is not installed")
    backup_now(database, actor, "daily")
    with database.session() as session:
        fresh = backup_status(session)
        later = backup_status(session, utc_now() + timedelta(days=2, minutes=1))
    assert fresh.last_good_at is not None and not fresh.overdue
    assert later.overdue  # the app warns admins of it (tests/ui/test_backups.py)


def test_on_postgresql_a_backup_is_a_pg_dump(database: Database, actor: Actor) -> None:
    if not database.is_postgresql:
        pytest.skip("PostgreSQL only")
    if making.pg_dump_command() is None:
        pytest.skip("pg_dump is not installed")
    made = backup_now(database, actor, "manual")
    assert made.path.name.endswith("-manual.dump")
    assert made.path.read_bytes().startswith(b"PGDMP")


def test_without_pg_dump_it_says_how_to_back_up(
    database: Database, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not database.is_postgresql:
        pytest.skip("PostgreSQL only")
    monkeypatch.setattr(making.shutil, "which", lambda _name: None)
    with pytest.raises(BackupFailed, match="pg_dump") as refused:
        backup_now(database, actor, "manual")
    assert "pg_dump --format=custom" in refused.value.hint


def test_a_missing_folder_is_named_and_not_created(
    sqlite_database: Database, tmp_path: Path
) -> None:
    with sqlite_database.transaction() as session:
        admin = command_line_actor(session)
        set_backup_passphrase(session, admin, PASSPHRASE)
    unplugged = tmp_path / "media" / "usb-stick"
    with pytest.raises(BackupFailed, match="cannot be found") as refused:
        backup_now(sqlite_database, admin, "daily", folder=unplugged)
    assert "plug it in" in refused.value.hint
    assert not unplugged.exists() and not unplugged.parent.exists()


def test_a_full_disk_is_named_and_leaves_no_partial_file(
    sqlite_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_source: Path, target: Path) -> None:
        target.write_bytes(b"half a backup")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(making, "copy_sqlite_database", full)
    with sqlite_database.session() as session:
        admin = command_line_actor(session)
    with pytest.raises(BackupFailed, match="is full"):
        backup_now(sqlite_database, admin, "daily")
    folder = sqlite_database.sqlite_path.parent
    assert [p.name for p in (folder / "backups").iterdir()] == []
    assert not [p for p in folder.iterdir() if p.name.startswith(".recovery-desk-")]

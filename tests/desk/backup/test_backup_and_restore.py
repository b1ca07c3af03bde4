"""A backup of the demo center, restored: every table's content is what it was."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update

from desk.backup.automatic import backup_now
from desk.backup.restore import check_backup, replace_sqlite_database, summarise_database
from desk.db.engine import Database
from desk.db.startup import open_and_upgrade
from desk.errors import BackupFailed, DatabaseInUse, NotABackup, SchemaTooNew, WrongPassphrase
from desk.models import AuditEvent, Person, Visit
from desk.models.base import Base
from desk.services.backups import set_backup_passphrase
from tests.desk.backup.conftest import PASSPHRASE
from tests.staff import admin_actor

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)


def every_table(database: Database) -> dict[str, list[tuple]]:
    """Each table's rows, in primary-key order (the whole content of the database)."""
    with database.session() as session:
        return {
            table.name: [
                tuple(row)
                for row in session.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in Base.metadata.sorted_tables
        }


def change_something(database: Database) -> None:
    with database.transaction() as session:
        session.execute(update(Person).where(Person.id == 1).values(town="Changed"))
        session.execute(delete(Visit).where(Visit.id == 2))


def restore(database: Database, backup: Path, passphrase: str | None = None) -> Path | None:
    path = database.sqlite_path
    checked = check_backup(backup, passphrase, work_folder=path.parent)
    try:
        database.dispose()
        return replace_sqlite_database(checked, path, NOW)
    finally:
        checked.discard()


def reopen(database: Database) -> Database:
    reopened, _ = open_and_upgrade(f"sqlite:///{database.sqlite_path}")
    return reopened


def test_a_plain_backup_restores_every_table_as_it_was(demo_database: Database) -> None:
    with demo_database.session() as session:
        actor = admin_actor(session)
    before = every_table(demo_database)
    made = backup_now(demo_database, actor, "manual")
    assert made.path.parent == demo_database.sqlite_path.parent / "backups"
    assert not made.encrypted and made.path.stat().st_mode & 0o777 == 0o600
    assert made.path.parent.stat().st_mode & 0o777 == 0o700
    assert len(before["person"]) == 300 and len(before["visit"]) > 1000
    change_something(demo_database)
    assert every_table(demo_database) != before

    aside = restore(demo_database, made.path)
    restored = reopen(demo_database)
    try:
        assert every_table(restored) == before
    finally:
        restored.dispose()
    kept = Database.open(f"sqlite:///{aside}")
    try:
        assert len(every_table(kept)["visit"]) == len(before["visit"]) - 1  # the change
    finally:
        kept.dispose()


def test_an_encrypted_backup_restores_with_the_passphrase_only(
    demo_database: Database, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    with demo_database.transaction() as session:
        actor = admin_actor(session)
        set_backup_passphrase(session, actor, PASSPHRASE)
    before = every_table(demo_database)
    made = backup_now(demo_database, actor, "close", folder=usb)
    assert made.encrypted and made.path.name.endswith(".sqlite3.encrypted")
    assert b"SQLite format 3" not in made.path.read_bytes()
    assert [p.name for p in usb.iterdir()] == [made.path.name]  # no plain copy left behind
    change_something(demo_database)

    with pytest.raises(WrongPassphrase):
        check_backup(made.path, "not the passphrase at all", work_folder=tmp_path)
    with pytest.raises(NotABackup, match="passphrase is needed"):
        check_backup(made.path, None, work_folder=tmp_path)
    restore(demo_database, made.path, PASSPHRASE)
    restored = reopen(demo_database)
    try:
        assert every_table(restored) == before
    finally:
        restored.dispose()
    leftovers = [p.name for p in demo_database.sqlite_path.parent.iterdir() if "restore-" in p.name]
    assert all("before-restore" in name for name in leftovers)  # the decrypted copy is gone


def test_outside_the_default_folder_a_passphrase_is_required(
    demo_database: Database, tmp_path: Path
) -> None:
    with demo_database.session() as session:
        actor = admin_actor(session)
    with pytest.raises(BackupFailed, match="no backup passphrase is set"):
        backup_now(demo_database, actor, "daily", folder=tmp_path)
    assert list(tmp_path.glob("recovery-desk-*")) == []
    with demo_database.session() as session:
        failed = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "backup.failed")
        ).one()
    assert "passphrase" in failed.detail["why"]


def newer_version_of(database: Database, tmp_path: Path) -> Path:
    with database.session() as session:
        actor = admin_actor(session)
    made = backup_now(database, actor, "manual")
    copy = tmp_path / "from-the-future.sqlite3"
    copy.write_bytes(made.path.read_bytes())
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'z999_from_2031'")
    connection.close()
    return copy


def test_every_bad_restore_file_is_refused_and_nothing_changes(
    demo_database: Database, tmp_path: Path
) -> None:
    with demo_database.session() as session:
        actor = admin_actor(session)
    good = backup_now(demo_database, actor, "manual").path
    text_file = tmp_path / "letter.txt"
    text_file.write_text("Dear Sir or Madam")
    truncated = tmp_path / "cut-short.sqlite3"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    foreign = tmp_path / "someone-elses.sqlite3"
    with sqlite3.connect(foreign) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    pg_dump = tmp_path / "server.dump"
    pg_dump.write_bytes(b"PGDMP\x01\x0e\x00" + b"\x00" * 100)
    newer = newer_version_of(demo_database, tmp_path)
    before = every_table(demo_database)
    cases = [
        (tmp_path / "missing.sqlite3", NotABackup, "cannot be read"),
        (tmp_path, NotABackup, "is a folder"),
        (text_file, NotABackup, "not a Recovery Desk backup"),
        (empty, NotABackup, "not a Recovery Desk backup"),
        (truncated, NotABackup, "damaged or incomplete"),
        (foreign, NotABackup, "not a Recovery Desk backup"),
        (pg_dump, NotABackup, "pg_restore"),
        (newer, SchemaTooNew, "newer Recovery Desk"),
    ]
    for path, error, words in cases:
        with pytest.raises(error, match=words):
            check_backup(path, None, work_folder=tmp_path)
    assert every_table(demo_database) == before


def test_restore_is_refused_while_another_station_has_the_database_open(
    demo_database: Database, tmp_path: Path
) -> None:
    with demo_database.session() as session:
        actor = admin_actor(session)
    made = backup_now(demo_database, actor, "manual")
    change_something(demo_database)
    before = every_table(demo_database)
    other_station = Database.open(f"sqlite:///{demo_database.sqlite_path}")
    with other_station.session() as session:  # it has read, and sits idle with its pool
        session.execute(text("SELECT count(*) FROM person")).scalar()
    try:
        checked = check_backup(made.path, None, work_folder=tmp_path)
        demo_database.dispose()
        with pytest.raises(DatabaseInUse, match="open on another station"):
            replace_sqlite_database(checked, demo_database.sqlite_path, NOW)
        assert every_table(other_station) == before
        assert not list(demo_database.sqlite_path.parent.glob("*before-restore*"))
    finally:
        other_station.dispose()


def test_a_database_that_sqlite_cannot_open_is_moved_aside_and_replaced(
    demo_database: Database,
) -> None:
    with demo_database.session() as session:
        actor = admin_actor(session)
    before = every_table(demo_database)
    made = backup_now(demo_database, actor, "manual")
    demo_database.dispose()
    path = demo_database.sqlite_path
    path.write_bytes(b"\x00garbage from a dying disk" * 500)
    assert summarise_database(path) is None
    aside = restore(demo_database, made.path)
    assert aside is not None and aside.read_bytes().startswith(b"\x00garbage")
    restored = reopen(demo_database)
    try:
        assert every_table(restored) == before
    finally:
        restored.dispose()


def test_what_an_interrupted_backup_left_is_cleared_by_the_next(demo_database: Database) -> None:
    import os

    folder = demo_database.sqlite_path.parent
    (folder / "backups").mkdir(mode=0o700)
    old = [folder / ".recovery-desk-abc.partial", folder / "backups" / ".recovery-desk-d.partial"]
    fresh = folder / "backups" / ".recovery-desk-now.partial"  # perhaps another's, under way
    for path in [*old, fresh]:
        path.write_bytes(b"plain data")
    for path in old:
        os.utime(path, (0, 0))
    with demo_database.session() as session:
        actor = admin_actor(session)
    backup_now(demo_database, actor, "manual")
    assert not any(path.exists() for path in old) and fresh.exists()

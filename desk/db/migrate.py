"""Schema migrations with Alembic: where a database stands, and bringing it up to date safely.

A SQLite file is copied aside before any migration touches it. A database that a newer
Recovery Desk has migrated is refused rather than guessed at.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from desk.atomic_files import TEMP_PREFIX, fsync_folder
from desk.db.engine import Database, allow_long_statements, enable_wal
from desk.db.schema_version import SchemaState, SchemaStatus, UpgradeResult
from desk.errors import NotOurDatabase, SchemaTooNew
from desk.file_privacy import make_private, prune_pre_upgrade_copies
from desk.messages.core import (
    HOLDS_TABLES_BUT_NO_RECOVERY,
    INSTALL_NEWER_RECOVERY_DESK_ON,
    POINT_RECOVERY_DESK_AT_EMPTY,
    WAS_UPGRADED_BY_NEWER_RECOVERY,
)
from desk.paths import migrations_dir

__all__ = ["SchemaState", "SchemaStatus", "UpgradeResult", "schema_status", "upgrade_database"]


def alembic_config(database: Database | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if database is not None:
        config.set_main_option("sqlalchemy.url", database.url.render_as_string(hide_password=False))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def schema_status(database: Database) -> SchemaStatus:
    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    with database.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(inspect(connection).get_table_names())
    if current is None:
        if tables - {"alembic_version"}:
            raise NotOurDatabase(
                HOLDS_TABLES_BUT_NO_RECOVERY.with_(description=database.description),
                hint=POINT_RECOVERY_DESK_AT_EMPTY,
            )
        return SchemaStatus(SchemaState.EMPTY, None, head)
    if current == head:
        return SchemaStatus(SchemaState.CURRENT, current, head)
    known = {revision.revision for revision in script.walk_revisions()}
    if current not in known:
        return SchemaStatus(SchemaState.AHEAD, current, head)
    return SchemaStatus(SchemaState.BEHIND, current, head)


def refuse_if_too_new(status: SchemaStatus, database: Database) -> None:
    if status.state is SchemaState.AHEAD:
        raise SchemaTooNew(
            WAS_UPGRADED_BY_NEWER_RECOVERY.with_(
                description=database.description, current=status.current, head=status.head
            ),
            hint=INSTALL_NEWER_RECOVERY_DESK_ON,
        )


def backup_sqlite_file(database: Database, label: str) -> Path | None:
    """Copy a SQLite database aside with SQLite's online backup; returns the copy's path."""
    source = database.sqlite_path
    if source is None or not source.exists():
        return None
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}.before-{label}-{stamp}{source.suffix}")
    # Copied under a temporary name and renamed when whole: a copy cut short (a full disk,
    # a crash) is never left looking like a good one.
    partial = target.with_name(f"{TEMP_PREFIX}{target.name}")
    try:
        with sqlite3.connect(source) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        src.close()
        dst.close()
        with open(partial, "rb+") as copied:
            os.fsync(copied.fileno())
        make_private(partial)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    fsync_folder(target.parent)
    prune_pre_upgrade_copies(source)  # the newest three are kept
    return target


def upgrade_database(database: Database) -> UpgradeResult:
    """Bring `database` to the head revision; copy a SQLite file aside first if it has data."""
    status = schema_status(database)
    refuse_if_too_new(status, database)
    if database.is_sqlite:
        enable_wal(database.engine)
    backup = None
    if status.state is SchemaState.CURRENT:
        return UpgradeResult(status, status.head, None)
    if status.state is SchemaState.BEHIND:
        backup = backup_sqlite_file(database, f"upgrade-from-{status.current}")
    config = alembic_config(database)
    with database.engine.connect() as connection:
        if database.is_sqlite:
            # Batch migrations rebuild tables; SQLite checks foreign keys again afterwards.
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()
        with connection.begin():
            if database.is_sqlite:
                # Python's sqlite3 begins a transaction only before INSERT, UPDATE and DELETE,
                # never before DDL: without this, each step of each migration commits at
                # once, and an upgrade cut short (a crash, a kill) leaves the schema half
                # changed. One explicit transaction makes the whole upgrade all or nothing.
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            allow_long_statements(connection)  # an index over ten years of visits takes time
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if database.is_sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"migration left broken foreign keys: {broken[:5]}")
        if database.is_sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys = ON")
            connection.commit()
    return UpgradeResult(status, head_revision(), backup)

"""Migrations: every engine reaches head, the models and migrations agree, old files are copied."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select, text

from desk.db.engine import Database
from desk.db.migrate import (
    SchemaState,
    alembic_config,
    backup_sqlite_file,
    head_revision,
    schema_status,
    upgrade_database,
)
from desk.errors import NotOurDatabase, SchemaTooNew
from desk.models import Base, Purpose, StaffMember, TaxonomyTerm


def test_a_migrated_database_matches_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_upgrade_from_empty_reaches_head_with_reference_rows(database: Database) -> None:
    status = schema_status(database)
    assert status.state is SchemaState.CURRENT
    assert status.current == head_revision()
    with database.session() as session:
        purposes = session.scalars(select(Purpose.code).order_by(Purpose.position)).all()
        logins = set(session.scalars(select(StaffMember.login)))
        categories = session.scalar(select(TaxonomyTerm.id).limit(1))
    assert purposes[:2] == ["drop_in", "coaching"]
    assert "harm_reduction" in purposes
    assert {"frontdesk", "command-line"} <= logins
    assert categories is not None


def test_upgrading_again_changes_nothing(database: Database) -> None:
    result = upgrade_database(database)
    assert result.before.state is SchemaState.CURRENT
    assert result.backup is None


def _earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in script.walk_revisions() if rev.revision != head_revision()]


@pytest.mark.parametrize("revision", _earlier_revisions())
def test_each_earlier_schema_upgrades_after_a_copy_is_kept(tmp_path: Path, revision: str) -> None:
    database = Database.open(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config(database)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    result = upgrade_database(database)
    assert result.before.state is SchemaState.BEHIND
    assert result.backup is not None and result.backup.exists()
    assert schema_status(database).state is SchemaState.CURRENT
    database.dispose()


def test_a_sqlite_copy_is_a_complete_database(tmp_path: Path, sqlite_database: Database) -> None:
    with sqlite_database.transaction() as session:
        session.execute(text("UPDATE staff_member SET display_name = 'Desk A' WHERE builtin"))
    copy = backup_sqlite_file(sqlite_database, "test")
    assert copy is not None and copy.name.startswith("desk.before-test-")
    copied = Database.open(f"sqlite:///{copy}")
    with copied.session() as session:
        names = set(session.scalars(select(StaffMember.display_name)))
    copied.dispose()
    assert names == {"Desk A"}


def test_a_schema_from_a_newer_app_is_refused_and_left_alone(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'zz99_future'"))
    status = schema_status(database)
    assert status.state is SchemaState.AHEAD
    with pytest.raises(SchemaTooNew, match="newer Recovery Desk"):
        upgrade_database(database)
    with database.engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "zz99_future"


def test_a_database_of_some_other_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as other_program:
        other_program.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    other_program.close()
    database = Database.open(f"sqlite:///{path}")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NotOurDatabase):
        upgrade_database(database)
    assert inspect(database.engine).get_table_names() == ["invoices"]
    database.dispose()
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

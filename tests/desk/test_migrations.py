"""Migrations: every engine reaches head, the models and migrations agree, old files are copied."""

from __future__ import annotations

import hashlib
import sqlite3
import uuid
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


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path: Path):
    """A database with no schema at all, on each engine."""
    from sqlalchemy.engine import make_url

    from tests.conftest import admin_execute, drop_postgres_database_named, postgres_admin_url

    if request.param == "sqlite":
        database = Database.open(f"sqlite:///{tmp_path / 'old.sqlite3'}")
        yield database
        database.dispose()
        return
    admin_url = postgres_admin_url()
    if admin_url is None:
        pytest.skip("PostgreSQL not configured: set RECOVERY_DESK_TEST_PG_URL")
    name = f"rd_old_{uuid.uuid4().hex[:12]}"  # the server is shared: never a fixed name
    admin_execute(admin_url, f'CREATE DATABASE "{name}"')
    database = Database.open(make_url(admin_url).set(database=name).render_as_string(False))
    yield database
    database.dispose()
    drop_postgres_database_named(admin_url, name)


def test_a_first_release_database_with_visits_upgrades_with_its_data(
    empty_database: Database,
) -> None:
    """Made at 0001 with real rows; 0002 fills last visits, 0003 withdraws a double sign-in."""
    config = alembic_config(empty_database)
    with empty_database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    with empty_database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO person (id, first_name, kind, created_at, updated_at, version) "
                "VALUES (1, 'Ana', 'peer', '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1)"
            )
        )
        visits = [
            (1, "2026-03-01 14:00:00", "2026-03-01", "done"),
            (2, "2026-03-05 15:00:00", "2026-03-05", "undone"),
            (3, "2026-03-04 13:00:00", "2026-03-04", "waiting"),
            (4, "2026-03-04 13:01:00", "2026-03-04", "waiting"),  # signed in twice at once
        ]
        for visit_id, arrived, day, status in visits:
            connection.execute(
                text(
                    "INSERT INTO visit (id, person_id, arrived_at, local_day, status, "
                    "signed_in_by_id, updated_at, version) VALUES "
                    f"({visit_id}, 1, '{arrived}', '{day}', '{status}', 1, '{arrived}', 1)"
                )
            )
    result = upgrade_database(empty_database)
    assert result.before.current == "0001" and result.after == head_revision()
    with empty_database.session() as session:
        last = session.scalar(text("SELECT last_visit_at FROM person WHERE id = 1"))
        statuses = dict(session.execute(text("SELECT id, status FROM visit")).all())
    assert str(last).startswith("2026-03-04 13:01")
    assert statuses == {1: "done", 2: "undone", 3: "waiting", 4: "undone"}


def test_consents_made_before_r002_keep_their_language_and_their_reach(
    empty_database: Database,
) -> None:
    """r002: a Spanish speaker's consent form is Spanish; an organization without a program is
    a consent for every program of it; one for a program stays one for that program."""
    config = alembic_config(empty_database)
    with empty_database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "c001")
    rows = [
        "INSERT INTO person (id, first_name, kind, preferred_language, created_at, updated_at, "
        "version) VALUES (1, 'Ana', 'peer', 'es', '2026-01-01 10:00:00', "
        "'2026-01-01 10:00:00', 1)",
        "INSERT INTO person (id, first_name, kind, created_at, updated_at, version) "
        "VALUES (2, 'Marek', 'peer', '2026-01-01 10:00:00', '2026-01-01 10:00:00', 1)",
        "INSERT INTO organization (id, name, version) VALUES ('org-1', 'Harbor Street', 1)",
        "INSERT INTO service (id, name, status, is_sample, updated_at, version, "
        "organization_id) VALUES ('svc-1', 'Detox', 'active', false, '2026-01-01 10:00:00', 1, "
        "'org-1')",
    ]
    consents = [
        (1, 1, "svc-1", "org-1"),  # one program, for Ana
        (2, 2, None, "org-1"),  # every program, for Marek
        (3, 2, None, None),  # typed by hand
    ]
    for consent_id, person_id, service_id, organization_id in consents:
        service = f"'{service_id}'" if service_id else "NULL"
        organization = f"'{organization_id}'" if organization_id else "NULL"
        rows.append(
            "INSERT INTO consent (id, person_id, disclosing_party, recipient_name, "
            "recipient_service_id, recipient_organization_id, information, purpose, "
            "created_at, created_by_id, version) VALUES "
            f"({consent_id}, {person_id}, 'The center', 'Harbor Street', {service}, "
            f"{organization}, 'Attendance', 'Referral', '2026-02-01 10:00:00', 1, 1)"
        )
    with empty_database.engine.begin() as connection:
        for row in rows:
            connection.execute(text(row))
    upgrade_database(empty_database)
    with empty_database.session() as session:
        found = session.execute(
            text("SELECT id, language, whole_organization FROM consent ORDER BY id")
        ).all()
    assert [(row[0], row[1], bool(row[2])) for row in found] == [
        (1, "es", False),
        (2, "en", True),
        (3, "en", False),
    ]


def test_a_database_from_before_staff_accounts_keeps_the_names_in_its_history(
    empty_database: Database,
) -> None:
    """a001: a year of work done as the built-in "Front desk" account. After the upgrade that
    account can no longer sign in, nobody can sign in until the first admin is made, and the
    history still says who did what, by the names it had."""
    from desk.services.audit import list_events
    from desk.services.staff_sessions import first_admin_needed, sign_in_staff
    from tests.staff import admin_actor

    config = alembic_config(empty_database)
    with empty_database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "s001")
    with empty_database.engine.begin() as connection:
        front_desk = connection.scalar(
            text("SELECT id FROM staff_member WHERE login = 'frontdesk'")
        )
        connection.execute(
            text(
                "INSERT INTO person (id, first_name, last_name, kind, created_at, updated_at, "
                "version) VALUES (1, 'Ana', 'Silva', 'peer', '2025-12-01 10:00:00', "
                "'2025-12-01 10:00:00', 1)"
            )
        )
        for day in range(1, 13):
            connection.execute(
                text(
                    "INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, "
                    f"entity_id, person_id, station) VALUES ('2026-{day:02d}-01 10:00:00', "
                    f"{front_desk}, 'person.viewed', 'person', '1', 1, 'desk-1')"
                )
            )
    upgrade_database(empty_database)
    with empty_database.session() as session:
        assert first_admin_needed(session)
        refused = sign_in_staff(session, "frontdesk", "")
        assert refused.actor is None
        actor = admin_actor(session)
    with empty_database.session() as session:
        history = list_events(session, actor)
    opened = [entry for entry in history if entry.action == "person.viewed"]
    assert len(opened) == 12
    assert {entry.sentence for entry in opened} == {"Front desk opened Ana S.'s record"}


def test_language_names_stored_as_codes_before_d001_become_codes(
    empty_database: Database,
) -> None:
    """d001: what a list's Languages cell gave before real codes ("cape verdean creole", ASL
    as "asl") becomes the code of the language, the text kept as the name; nothing is lost."""
    config = alembic_config(empty_database)
    with empty_database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "f001")
    rows = [
        ("l1", "es", "Spanish"),
        ("l2", "asl", "American Sign Language"),
        ("l3", "pt", "Portuguese"),
        ("l4", "haitian creole", "haitian creole"),
        ("l5", "chinese", None),
        ("l6", "klingon", "klingon"),
        ("l7", "woodland talk", "woodland talk"),
    ]
    if empty_database.is_sqlite:  # PostgreSQL refused codes over 16 characters
        rows.append(("l8", "cape verdean creole", "cape verdean creole"))
    with empty_database.engine.begin() as connection:
        for row_id, code, name in rows:
            connection.execute(
                text("INSERT INTO language (id, code, name) VALUES (:id, :code, :name)"),
                {"id": row_id, "code": code, "name": name},
            )
    upgrade_database(empty_database)
    with empty_database.engine.connect() as connection:
        found = connection.execute(text("SELECT id, code, name FROM language ORDER BY id")).all()
    assert [tuple(row) for row in found] == [
        ("l1", "es", "Spanish"),
        ("l2", "ase", "American Sign Language"),
        ("l3", "pt", "Portuguese"),
        ("l4", "ht", "haitian creole"),
        ("l5", "zh", "chinese"),
        ("l6", "tlh", "klingon"),
        ("l7", None, "woodland talk"),
    ] + ([("l8", "kea", "cape verdean creole")] if empty_database.is_sqlite else [])


def test_first_visit_days_are_filled_from_the_visits(empty_database: Database) -> None:
    """p002: each person's first visit not undone; none for someone who never came, whose
    only visit was undone, or whose visits went to the record they were merged into."""
    config = alembic_config(empty_database)
    with empty_database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "g001")
    with empty_database.engine.begin() as connection:
        for person_id, name in ((1, "Ana"), (2, "Marek"), (3, "Lena"), (4, "A.")):
            connection.execute(
                text(
                    "INSERT INTO person (id, first_name, kind, created_at, updated_at, version) "
                    f"VALUES ({person_id}, '{name}', 'peer', '2026-01-01 10:00:00', "
                    "'2026-01-01 10:00:00', 1)"
                )
            )
        connection.execute(text("UPDATE person SET merged_into_id = 1 WHERE id = 4"))
        visits = [
            (1, 1, "2026-03-02", "undone"),  # Ana's first sign-in was a mistake
            (2, 1, "2026-03-05", "done"),
            (3, 1, "2026-03-04", "done"),
            (4, 2, "2026-03-06", "undone"),  # Marek's only visit, undone
            (5, None, "2026-03-01", "done"),  # anonymous
        ]
        for visit_id, person_id, day, status in visits:
            person = "NULL" if person_id is None else person_id
            connection.execute(
                text(
                    "INSERT INTO visit (id, person_id, arrived_at, local_day, status, "
                    "signed_in_by_id, updated_at, version) VALUES "
                    f"({visit_id}, {person}, '{day} 14:00:00', '{day}', '{status}', 1, "
                    f"'{day} 14:00:00', 1)"
                )
            )
    upgrade_database(empty_database)
    with empty_database.session() as session:
        found = session.execute(text("SELECT id, first_visit_day FROM person ORDER BY id")).all()
    assert [(row[0], None if row[1] is None else str(row[1])) for row in found] == [
        (1, "2026-03-04"),
        (2, None),
        (3, None),
        (4, None),
    ]


def test_an_upgrade_cut_short_leaves_the_old_schema_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """All or nothing on SQLite too (Python's sqlite3 runs DDL outside any transaction
    unless one is begun explicitly): found by tests/soak/crash_safety.py."""
    database = Database.open(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config(database)
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
    real_upgrade = command.upgrade

    def upgrade_then_die(*args, **kwargs) -> None:
        real_upgrade(*args, **kwargs)  # every migration has run its DDL...
        raise RuntimeError("the power went")  # ...and then, before the commit

    monkeypatch.setattr("desk.db.migrate.command.upgrade", upgrade_then_die)
    with pytest.raises(RuntimeError):
        upgrade_database(database)
    assert schema_status(database).current == "0001"
    with database.engine.connect() as connection:
        columns = {c["name"] for c in inspect(connection).get_columns("person")}
    assert "last_visit_at" not in columns and "idempotency_key" not in columns
    monkeypatch.undo()
    assert upgrade_database(database).after == head_revision()
    database.dispose()

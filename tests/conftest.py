"""Shared fixtures: a temp data folder for every test, and databases on SQLite and PostgreSQL.

Every `database` test runs twice: on a SQLite file and on a PostgreSQL database cloned from a
migrated template. PostgreSQL comes from RECOVERY_DESK_TEST_PG_URL (a URL whose role may
CREATE DATABASE); without it those cases are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

# Qt must pick its platform before anything imports it; tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale, QSettings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError, ProgrammingError

from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.services.actor import Actor
from tests.small_disk import small_disk  # noqa: F401  (a fixture for every test)
from tests.staff import admin_actor
from tests.tcp_proxy import TcpProxy

# Screens in English, as a station's are until someone chooses Spanish (ui/i18n.py sets this
# in the app; tests of the Spanish screens set it back when they are done).
QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))

PG_URL_ENV = "RECOVERY_DESK_TEST_PG_URL"
ENGINES = ("sqlite", "postgresql")


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own data folder, and never sees the station's database setting."""
    folder = tmp_path / "data"
    monkeypatch.setenv("RECOVERY_DESK_DATA_DIR", str(folder))
    monkeypatch.delenv("RECOVERY_DESK_DATABASE_URL", raising=False)
    return folder


def postgres_admin_url() -> str | None:
    url = os.environ.get(PG_URL_ENV)
    if url:
        return url
    if os.environ.get("CI") == "true":
        pytest.fail(f"{PG_URL_ENV} is not set, and CI must test PostgreSQL", pytrace=False)
    return None


def admin_execute(admin_url: str, statement: str) -> None:
    engine = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = Database.open(f"sqlite:///{path}")
    upgrade_database(database)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    admin_url = postgres_admin_url()
    if admin_url is None:
        yield None
        return
    name = f"rd_template_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin_execute(admin_url, f'CREATE DATABASE "{name}"')
    database = Database.open(make_url(admin_url).set(database=name).render_as_string(False))
    upgrade_database(database)
    database.dispose()
    # No session may sit in a template while it is copied; keep everyone out of it.
    admin_execute(admin_url, f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
    yield name
    drop_postgres_database_named(admin_url, name)


def clone_postgres_database(admin_url: str, template: str) -> Database:
    """A fresh database copied from the migrated template (retried while the server's own
    background workers briefly hold the template)."""
    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    for attempt in range(20):
        try:
            admin_execute(admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            break
        except OperationalError as error:
            if "being accessed by other users" not in str(error) or attempt == 19:
                raise
            time.sleep(0.25)
    return Database.open(make_url(admin_url).set(database=name).render_as_string(False))


def drop_postgres_database(admin_url: str, database: Database) -> None:
    database.dispose()
    drop_postgres_database_named(admin_url, str(database.url.database))


def drop_postgres_database_named(admin_url: str, name: str, attempts: int = 10) -> None:
    """DROP ... WITH (FORCE) cannot end an autovacuum worker that a busy server has just sent
    into the new database (the test role may not signal it); it finishes within moments."""
    for attempt in range(attempts):
        try:
            admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except ProgrammingError as exc:
            if "pg_signal_backend" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.5)


def make_sqlite_database(template: Path, folder: Path) -> Database:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "desk.sqlite3"
    shutil.copyfile(template, path)
    return Database.open(f"sqlite:///{path}")


@pytest.fixture(params=ENGINES)
def database(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    sqlite_template: Path,
    postgres_template: str | None,
) -> Iterator[Database]:
    """A migrated, empty database (reference rows only), on each engine in turn."""
    if request.param == "sqlite":
        database = make_sqlite_database(sqlite_template, tmp_path / "db")
        yield database
        database.dispose()
        return
    if postgres_template is None:
        pytest.skip(f"PostgreSQL not configured: set {PG_URL_ENV} to run these cases")
    admin_url = postgres_admin_url()
    assert admin_url is not None
    database = clone_postgres_database(admin_url, postgres_template)
    yield database
    drop_postgres_database(admin_url, database)


@pytest.fixture
def sqlite_database(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A migrated SQLite database, for tests about one engine's behaviour or the screen."""
    database = make_sqlite_database(sqlite_template, tmp_path / "db")
    yield database
    database.dispose()


@pytest.fixture
def actor(database: Database) -> Actor:
    with database.session() as session:
        return admin_actor(session)


@pytest.fixture
def postgres_behind_a_proxy(postgres_template: str | None):
    """A PostgreSQL database reached through a proxy the test can cut, freeze or restore
    (tests/tcp_proxy.py): a network outage, for real."""
    admin_url = postgres_admin_url()
    if admin_url is None or postgres_template is None:
        pytest.skip("PostgreSQL not configured: set RECOVERY_DESK_TEST_PG_URL")
    database = clone_postgres_database(admin_url, postgres_template)
    admin = make_url(admin_url)
    proxy = TcpProxy(admin.host or "localhost", admin.port or 5432)
    proxy.start()
    through_proxy = Database.open(
        database.url.set(host="127.0.0.1", port=proxy.port).render_as_string(False)
    )
    yield through_proxy, proxy
    proxy.cut()
    through_proxy.dispose()
    drop_postgres_database(admin_url, database)


class CrashRecorder:
    """Stands in for the crash dialog: a test fails if anything unexpected was raised."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def __call__(self, error: BaseException) -> None:
        self.errors.append(error)


@pytest.fixture
def crashes() -> Iterator[CrashRecorder]:
    recorder = CrashRecorder()
    yield recorder
    assert recorder.errors == [], f"unexpected errors reached the crash dialog: {recorder.errors}"


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)

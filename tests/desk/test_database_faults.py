"""PostgreSQL going away, hanging or saying no (issue 16, defects 3, 4 and 5)."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.db.engine import (
    POSTGRES_STATEMENT_TIMEOUT_MS,
    Database,
    open_database,
)
from desk.errors import DatabaseLoginRefused, DatabaseTooSlow, DatabaseUnavailable
from tests.conftest import postgres_admin_url
from tests.e2e.cli import run_cli


def admin_url_or_skip() -> str:
    url = postgres_admin_url()
    if url is None:
        pytest.skip("PostgreSQL not configured: set RECOVERY_DESK_TEST_PG_URL")
    return url


def test_connections_carry_keepalives_and_a_statement_timeout(postgres_behind_a_proxy) -> None:
    database, _proxy = postgres_behind_a_proxy
    with database.engine.connect() as connection:
        timeout = connection.exec_driver_sql("SHOW statement_timeout").scalar()
        idle = connection.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar()
        parameters = connection.connection.driver_connection.info.get_parameters()
    assert timeout == f"{POSTGRES_STATEMENT_TIMEOUT_MS // 1000}s" and idle == "1min"
    assert parameters["keepalives"] == "1" and parameters["tcp_user_timeout"] == "9000"


def test_a_statement_stuck_behind_a_lock_ends_with_words(database: Database) -> None:
    if not database.is_postgresql:
        pytest.skip("SQLite waits its busy timeout instead (tests/ui/test_intake_dialog.py)")
    with database.engine.connect() as holder:
        holder.exec_driver_sql("CREATE TABLE held (id int)")
        holder.commit()
        holder.exec_driver_sql("LOCK TABLE held IN ACCESS EXCLUSIVE MODE")
        started = time.monotonic()
        with pytest.raises(Exception) as raised, database.transaction() as session:
            session.execute(text("SET LOCAL statement_timeout = 500"))
            session.execute(text("SELECT * FROM held"))
        holder.rollback()
    from desk.db.failures import explain_database_error

    explained = explain_database_error(raised.value)
    assert isinstance(explained, DatabaseTooSlow), raised.value
    assert "did not answer in time" in explained.message
    assert time.monotonic() - started < 5


def test_the_first_read_after_the_server_dropped_connections_works(
    postgres_behind_a_proxy,
) -> None:
    """A restart or failover leaves the pool full of dead connections: only a real outage
    may show the banner, not the first action afterwards."""
    database, proxy = postgres_behind_a_proxy
    with database.transaction() as session:
        assert session.scalar(text("SELECT 1")) == 1  # a connection now waits in the pool
    proxy.cut()
    proxy.start()  # the server is back at once; the pooled connection is dead
    with database.transaction() as session:
        assert session.scalar(text("SELECT 2")) == 2


def test_a_real_outage_is_still_an_outage(postgres_behind_a_proxy) -> None:
    database, proxy = postgres_behind_a_proxy
    proxy.cut()
    with pytest.raises(DatabaseUnavailable) as raised:
        database.check_connection()
    assert not isinstance(raised.value, DatabaseLoginRefused)
    assert "cannot be reached" in raised.value.message


def test_a_wrong_password_says_so() -> None:
    url = make_url(admin_url_or_skip()).set(password="not-the-password")
    with pytest.raises(DatabaseLoginRefused) as raised:
        open_database(url.render_as_string(hide_password=False))
    assert "refused the password" in raised.value.message
    assert "cannot be reached" not in str(raised.value)
    assert ".pgpass" in raised.value.hint


def test_an_unknown_role_and_database_say_so() -> None:
    admin = make_url(admin_url_or_skip())
    with pytest.raises(DatabaseLoginRefused) as raised:
        open_database(admin.set(database="no_such_db_here").render_as_string(False))
    assert "no such database" in raised.value.message


def test_the_command_line_names_the_refused_password(tmp_path) -> None:
    url = make_url(admin_url_or_skip()).set(password="not-the-password")
    result = run_cli("--database", url.render_as_string(hide_password=False), "db", "current")
    assert result.returncode == 1
    assert "refused the password" in result.stderr and "not-the-password" not in result.stderr
    assert "check that the server is running" not in result.stderr.lower()

"""The admin command line, run as a process: self-check, db, seed-demo, and bad input."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from tests.e2e.cli import run_cli


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_self_check_creates_migrates_writes_and_renders(isolated_data_dir: Path) -> None:
    result = run_cli("self-check")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[1:-1]] == [
        "[ok]   database",
        "[ok]   schema",
        "[ok]   write",
        "[ok]   text",
        "[ok]   fonts",
        "[ok]   pdf",
    ]
    assert "upgraded from empty" in result.stdout
    assert lines[-1] == "self-check passed: all 6 checks"
    assert (isolated_data_dir / "recovery-desk.sqlite3").exists()
    again = run_cli("self-check")
    assert again.returncode == 0 and "already at" in again.stdout


def test_db_upgrade_then_current(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'center.sqlite3'}"
    missing = run_cli("--database", url, "db", "current")
    assert missing.returncode == 1 and "does not exist yet" in missing.stdout
    upgraded = run_cli("--database", url, "db", "upgrade")
    assert upgraded.returncode == 0 and "upgraded from empty to" in upgraded.stdout
    current = run_cli("--database", url, "db", "current")
    assert current.returncode == 0 and "(head)" in current.stdout


def test_environment_variable_selects_the_database(tmp_path: Path) -> None:
    path = tmp_path / "from-env.sqlite3"
    result = run_cli("db", "upgrade", env={"RECOVERY_DESK_DATABASE_URL": f"sqlite:///{path}"})
    assert result.returncode == 0
    assert path.exists()


def _assert_plain_failure(result, *phrases: str) -> None:
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for phrase in phrases:
        assert phrase in result.stderr + result.stdout


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "budget.sqlite3"
    path.write_bytes(b"PK\x03\x04 a spreadsheet, not a database" * 100)
    before = _digest(path)
    for args in (("self-check",), ("db", "upgrade"), ("db", "current")):
        result = run_cli("--database", f"sqlite:///{path}", *args)
        _assert_plain_failure(result, "not a Recovery Desk database")
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["budget.sqlite3"]


def test_a_schema_newer_than_the_app(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    assert run_cli("--database", f"sqlite:///{path}", "db", "upgrade").returncode == 0
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz99_future'")
    connection.close()
    before = _digest(path)
    for args in (("db", "upgrade"), ("db", "current"), ("seed-demo",)):
        result = run_cli("--database", f"sqlite:///{path}", *args)
        _assert_plain_failure(result, "newer Recovery Desk", "Install the newer")
    assert _digest(path) == before


def test_an_unreachable_postgres_server() -> None:
    result = run_cli("--database", "postgresql+psycopg://desk:x@127.0.0.1:9/desk", "db", "upgrade")
    _assert_plain_failure(result, "cannot be reached", "server is running")


def test_a_wrong_url() -> None:
    result = run_cli("--database", "mysql://root@localhost/desk", "self-check")
    assert result.returncode == 1
    assert "SQLite or PostgreSQL" in result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="needs POSIX permissions")
def test_a_read_only_data_folder(tmp_path: Path) -> None:
    """Wherever the checkout is: the program runs as the same user (root too, without its
    power over permission bits), so nothing depends on who else may enter its folders."""
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o555)
    env = {"RECOVERY_DESK_DATA_DIR": str(folder), "HOME": str(folder)}
    try:
        result = run_cli("db", "upgrade", env=env, as_ordinary_user=True)
        _assert_plain_failure(result, f"cannot write to the folder {folder}", "--database")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_seed_demo_fills_once_and_refuses_twice(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    first = run_cli("--database", url, "seed-demo", "--people", "120", "--years", "0.1")
    assert first.returncode == 0, first.stderr
    assert "6 coaches, 120 people" in first.stdout
    second = run_cli("--database", url, "seed-demo")
    _assert_plain_failure(second, "already holds demo data")


def test_seed_demo_never_touches_a_database_in_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'center.sqlite3'}"
    assert run_cli("--database", url, "db", "upgrade").returncode == 0
    from desk.db.engine import Database
    from desk.services.people import create_person
    from desk.services.person_details import PersonDetails
    from tests.staff import admin_actor

    database = Database.open(url)
    with database.session() as session:
        actor = admin_actor(session)
    with database.transaction() as session:
        create_person(session, actor, PersonDetails(first_name="Real"))
    database.dispose()
    result = run_cli("--database", url, "seed-demo", "--people", "5")
    _assert_plain_failure(result, "already holds 1 person", "only into an empty database")

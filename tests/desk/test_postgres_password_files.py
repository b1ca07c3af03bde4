"""A PostgreSQL password out of plain sight (issue 16, hardening 13): from the standard
password file (PGPASSFILE / ~/.pgpass) or a service file (PGSERVICEFILE, service= in the
address), never needed in --database or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from desk.db.engine import open_database
from desk.errors import DatabaseLoginRefused
from tests.conftest import postgres_admin_url
from tests.e2e.cli import run_cli


@pytest.fixture
def server() -> dict[str, str]:
    url = postgres_admin_url()
    if url is None:
        pytest.skip("PostgreSQL not configured: set RECOVERY_DESK_TEST_PG_URL")
    admin = make_url(url)
    return {
        "host": admin.host or "localhost",
        "port": str(admin.port or 5432),
        "user": admin.username or "",
        "password": admin.password or "",
        "dbname": admin.database or "postgres",
    }


@pytest.fixture
def pgpass(tmp_path: Path, server: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "pgpass"
    path.write_text(f"{server['host']}:{server['port']}:*:{server['user']}:{server['password']}\n")
    path.chmod(0o600)  # libpq ignores a password file others can read
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def test_the_password_comes_from_the_password_file(server, pgpass) -> None:
    url = f"postgresql+psycopg://{server['user']}@{server['host']}:{server['port']}/{server['dbname']}"
    database = open_database(url)
    with database.session() as session:
        assert session.scalar(text("SELECT current_user")) == server["user"]
    database.dispose()


def test_everything_from_a_service_file(server, pgpass, tmp_path, monkeypatch) -> None:
    services = tmp_path / "pg_service.conf"
    lines = [f"{key}={server[key]}" for key in ("host", "port", "user", "dbname")]
    services.write_text("[desk]\n" + "\n".join(lines) + "\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    database = open_database("postgresql+psycopg:///?service=desk")
    assert database.description == "PostgreSQL service desk"
    with database.session() as session:
        assert session.scalar(text("SELECT current_database()")) == server["dbname"]
    database.dispose()
    result = run_cli("--database", "postgresql+psycopg:///?service=desk", "db", "current")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("PostgreSQL service desk:")


def test_without_one_the_message_names_the_password_file(server, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    url = f"postgresql+psycopg://{server['user']}@{server['host']}:{server['port']}/{server['dbname']}"
    with pytest.raises(DatabaseLoginRefused) as refused:
        open_database(url)
    assert "PGPASSFILE" in refused.value.hint

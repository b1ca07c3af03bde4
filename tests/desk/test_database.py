"""Opening databases: SQLite pragmas, clear messages for what cannot be opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from desk.config import describe_url, parse_database_url, resolve_database_url
from desk.db.engine import Database, open_database
from desk.errors import DatabaseUnavailable, DeskError, NotADatabase


def test_sqlite_runs_in_wal_mode_with_foreign_keys_and_a_busy_timeout(
    sqlite_database: Database,
) -> None:
    with sqlite_database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_foreign_keys_are_enforced_on_both_engines(database: Database) -> None:
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), database.transaction() as session:
        session.execute(
            text("INSERT INTO visit_purpose (visit_id, purpose_code) VALUES (999999, 'drop_in')")
        )


def test_the_default_database_lives_in_the_data_folder(isolated_data_dir: Path) -> None:
    url = resolve_database_url(None)
    assert url == f"sqlite:///{isolated_data_dir / 'recovery-desk.sqlite3'}"


def test_option_beats_environment_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERY_DESK_DATABASE_URL", "sqlite:////tmp/from-env.sqlite3")
    assert resolve_database_url(None) == "sqlite:////tmp/from-env.sqlite3"
    assert resolve_database_url("sqlite:////tmp/option.sqlite3") == "sqlite:////tmp/option.sqlite3"


def test_postgres_urls_use_psycopg_3_and_never_show_a_password() -> None:
    url = parse_database_url("postgresql://desk:secret@db.example:5433/center")
    assert url.drivername == "postgresql+psycopg"
    assert "secret" not in describe_url(url)
    assert describe_url(url) == "PostgreSQL desk@db.example:5433/center"


@pytest.mark.parametrize("text_url", ["not a url", "mysql://x@y/z", "oracle://a"])
def test_an_unusable_url_is_explained(text_url: str) -> None:
    with pytest.raises(DeskError) as error:
        open_database(text_url)
    assert "sqlite:///" in error.value.hint


def test_a_file_that_is_not_a_database_is_named_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("These are my notes, not a database.\n" * 200)
    before = path.read_bytes()
    with pytest.raises(NotADatabase, match="not a Recovery Desk database"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_an_unreachable_postgres_server_is_explained() -> None:
    with pytest.raises(DatabaseUnavailable) as error:
        open_database("postgresql+psycopg://desk:desk@127.0.0.1:9/nowhere")
    assert "cannot be reached" in error.value.message
    assert "server is running" in error.value.hint

"""Crash safety at small scale (the full run: `python -m tests.soak.crash_safety`)."""

from __future__ import annotations

from pathlib import Path

from tests.soak.common import fresh_database
from tests.soak.crash_safety import run
from tests.soak.private_postgres import PrivatePostgres


def check(row: dict) -> None:
    assert row["problems"] == [], row["problems"]
    assert row["lost"] == 0 and row["integrity problems"] == 0
    assert row["acknowledged writes"] > 0 and row["app starts"] == "yes"


def test_sqlite_writer_and_migration_killed(tmp_path: Path) -> None:
    with fresh_database("sqlite", tmp_path) as url:
        row = run(
            "sqlite",
            url,
            lambda: fresh_database("sqlite", tmp_path),
            kills=1,
            migration_kills=1,
            seed=7,
            app_as_process=False,
        )
    check(row)


def test_postgresql_writer_killed(
    tmp_path: Path, private_server: PrivatePostgres, private_template: str
) -> None:
    admin = private_server.url()
    with fresh_database("postgresql", tmp_path, admin, private_template) as url:
        row = run(
            "postgresql",
            url,
            lambda: fresh_database("postgresql", tmp_path, admin),
            kills=1,
            migration_kills=0,
            seed=7,
            app_as_process=False,
        )
    assert row["integrity check"] == "amcheck"
    check(row)

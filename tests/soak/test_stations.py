"""Many stations at small scale (the full run: `python -m tests.soak.stations`)."""

from __future__ import annotations

from pathlib import Path

from tests.soak.common import fresh_database
from tests.soak.private_postgres import PrivatePostgres
from tests.soak.stations import run


def check(row: dict) -> None:
    assert row["errors"] == [] or all("busy" in e or "locked" in e for e in row["errors"])
    assert row["acknowledged"] > 0
    assert row["lost"] == 0 and row["double open visits"] == 0 and not row.get("bug")


def test_sqlite_stations(tmp_path: Path) -> None:
    with fresh_database("sqlite", tmp_path) as url:
        check(run("sqlite", url, stations=2, seconds=2, people=40, start_delay=2))


def test_postgresql_stations(
    tmp_path: Path, private_server: PrivatePostgres, private_template: str
) -> None:
    with fresh_database("postgresql", tmp_path, private_server.url(), private_template) as url:
        check(run("postgresql", url, stations=3, seconds=2, people=40, start_delay=2))

"""A second empty database on the same engine as `database`, for import after export."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from desk.db.engine import Database
from tests.conftest import admin_execute, make_sqlite_database, postgres_admin_url


@pytest.fixture
def fresh_database(
    database: Database, tmp_path: Path, sqlite_template: Path, postgres_template: str | None
) -> Iterator[Database]:
    if database.is_sqlite:
        other = make_sqlite_database(sqlite_template, tmp_path / "fresh")
        yield other
        other.dispose()
        return
    admin_url = postgres_admin_url()
    assert admin_url is not None and postgres_template is not None
    name = f"rd_test_{uuid.uuid4().hex[:12]}"
    admin_execute(admin_url, f'CREATE DATABASE "{name}" TEMPLATE "{postgres_template}"')
    other = Database.open(make_url(admin_url).set(database=name).render_as_string(False))
    yield other
    other.dispose()
    admin_execute(admin_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

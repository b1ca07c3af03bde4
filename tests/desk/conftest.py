"""A second empty database on the same engine as `database`, for import after export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.db.engine import Database
from tests.conftest import (
    clone_postgres_database,
    drop_postgres_database,
    make_sqlite_database,
    postgres_admin_url,
)


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
    other = clone_postgres_database(admin_url, postgres_template)
    yield other
    drop_postgres_database(admin_url, other)

"""The harnesses' small scale: a private PostgreSQL server for the whole session, if one can
be made here (as root, with the server binaries; CI runs as root), else a reason to skip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.soak.common import migrated
from tests.soak.private_postgres import PrivatePostgres, Unavailable


@pytest.fixture(scope="session")
def private_pg() -> Iterator[PrivatePostgres | str]:
    """A started private server, or why there is none (a string)."""
    try:
        server = PrivatePostgres()
        server.start()
    except Unavailable as why:
        yield str(why)
        return
    yield server
    server.remove()


@pytest.fixture
def private_server(private_pg: PrivatePostgres | str) -> PrivatePostgres:
    if isinstance(private_pg, str):
        pytest.skip(f"no private PostgreSQL server: {private_pg}")
    if not private_pg.running:
        private_pg.start()
    return private_pg


@pytest.fixture(scope="session")
def private_template(private_pg: PrivatePostgres | str) -> str | None:
    """A migrated database on the private server to copy fresh ones from (seconds saved)."""
    if isinstance(private_pg, str):
        return None
    from sqlalchemy import create_engine, text

    engine = create_engine(private_pg.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text('CREATE DATABASE "rd_soak_template"'))
    engine.dispose()
    migrated(private_pg.url("rd_soak_template")).dispose()
    return "rd_soak_template"

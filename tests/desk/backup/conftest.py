"""Backups in tests: a cheaper scrypt (the real cost is half a second per derivation), and a
demo-seeded SQLite database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.backup import envelope
from desk.db.engine import Database
from desk.demo.seed import SeedPlan, seed_demo_data
from tests.conftest import make_sqlite_database
from tests.staff import admin_actor

PASSPHRASE = "correct horse battery staple"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(envelope, "SCRYPT_N", 1 << 10)
    defaults = list(envelope.new_backup_key.__kwdefaults__.items())
    monkeypatch.setattr(envelope.new_backup_key, "__kwdefaults__", {**dict(defaults), "n": 1 << 10})


@pytest.fixture
def demo_database(tmp_path: Path, sqlite_template: Path) -> Iterator[Database]:
    """A SQLite database holding the demo center (300 people, three months of visits)."""
    database = make_sqlite_database(sqlite_template, tmp_path / "db")
    with database.session() as session:
        actor = admin_actor(session)
    seed_demo_data(database, actor, SeedPlan())
    yield database
    database.dispose()

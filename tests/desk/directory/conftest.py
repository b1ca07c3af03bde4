"""A database holding the 50 sample services, on each engine."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory

SEEDED_AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


@pytest.fixture
def directory(database: Database) -> Database:
    with database.transaction() as session:
        seed_directory(
            session, services=50, today=date(2026, 11, 23), now=SEEDED_AT, rng=random.Random(7)
        )
    return database

"""Directories, people and PDFs for the referral tests."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory
from tests.desk.referrals.builders import TODAY

SEEDED_AT = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


@pytest.fixture
def directory(database: Database) -> Database:
    """The 50 sample services, verified up to TODAY."""
    with database.transaction() as session:
        seed_directory(session, services=50, today=TODAY, now=SEEDED_AT, rng=random.Random(7))
    return database


@pytest.fixture
def today() -> date:
    return TODAY

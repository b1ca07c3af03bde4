"""The known dataset, built once per engine per test that asks for it."""

from __future__ import annotations

import pytest

from desk.db.engine import Database
from desk.services.actor import Actor
from tests.desk.reports.dataset import Known, build


@pytest.fixture
def known(database: Database, actor: Actor) -> Known:
    return build(database, actor)

"""UI fixtures: an app context on a temp database, settings in a temp file, tasks run at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from desk.db.engine import Database
from desk.services.actor import front_desk_actor
from tests.conftest import CrashRecorder
from ui.context import AppContext, ChangeSignals
from ui.tasks import ImmediateTaskRunner


@pytest.fixture
def app_context(
    qapp, sqlite_database: Database, qsettings: QSettings, crashes: CrashRecorder
) -> Iterator[AppContext]:
    with sqlite_database.session() as session:
        actor = front_desk_actor(session)
    tasks = ImmediateTaskRunner(sqlite_database, crashes)
    context = AppContext(sqlite_database, actor, tasks, ChangeSignals(), qsettings)
    yield context
    tasks.deleteLater()
    context.changes.deleteLater()

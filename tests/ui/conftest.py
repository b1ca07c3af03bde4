"""UI fixtures: an app context on a temp database, settings in a temp file, tasks run at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desk.db.engine import Database
from desk.services.actor import front_desk_actor
from ui.context import AppContext, ChangeSignals
from ui.tasks import ImmediateTaskRunner


class CrashRecorder:
    """Stands in for the crash dialog: a test fails if anything unexpected was raised."""

    def __init__(self) -> None:
        self.errors: list[BaseException] = []

    def __call__(self, error: BaseException) -> None:
        self.errors.append(error)


@pytest.fixture
def crashes() -> Iterator[CrashRecorder]:
    recorder = CrashRecorder()
    yield recorder
    assert recorder.errors == [], f"unexpected errors reached the crash dialog: {recorder.errors}"


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


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

"""UI fixtures: an app context on a temp database, settings in a temp file, tasks run at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

from desk.db.engine import Database
from tests.conftest import CrashRecorder
from tests.staff import admin_actor
from tests.ui.task_queues import QueuedTaskRunner
from ui.context import AppContext, ChangeSignals
from ui.i18n import Translators
from ui.tasks import ImmediateTaskRunner


@pytest.fixture(scope="session", autouse=True)
def english_screens(qapp) -> Iterator[Translators]:
    """The screens as the app shows them in English: with its English plural forms ("1 day",
    "2 days"), from ui/translations/recovery_desk_en.qm."""
    translators = Translators(qapp)
    translators.use("en")
    yield translators


@pytest.fixture
def app_context(
    qapp, sqlite_database: Database, qsettings: QSettings, crashes: CrashRecorder
) -> Iterator[AppContext]:
    with sqlite_database.session() as session:
        actor = admin_actor(session)
    tasks = ImmediateTaskRunner(sqlite_database, crashes)
    context = AppContext(sqlite_database, actor, tasks, ChangeSignals(), qsettings)
    yield context
    tasks.deleteLater()
    context.changes.deleteLater()


@pytest.fixture
def queued_tasks(
    app_context: AppContext, crashes: CrashRecorder, monkeypatch: pytest.MonkeyPatch
) -> Iterator[QueuedTaskRunner]:
    """The context's tasks held in a queue that the test runs, oldest first (see
    tests.ui.task_queues); disposed of like the context's own runner."""
    queued = QueuedTaskRunner(app_context.database, crashes)
    monkeypatch.setattr(app_context, "tasks", queued)
    yield queued
    queued.deleteLater()


@pytest.fixture
def front_desk_page(app_context: AppContext, qtbot):
    """The Front desk page, shown, with the keyboard in the sign-in box."""
    from ui.pages.front_desk import FrontDeskPage

    page = FrontDeskPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.activate()
    return page

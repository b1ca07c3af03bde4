"""Changes made elsewhere: the Resources page redraws only what changed, and never makes the
GUI thread wait for the directory index."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from desk.db.engine import Database
from desk.demo.seed_directory import seed_directory
from desk.models import Service
from desk.models.base import utc_now
from desk.services.settings import update_settings
from tests.conftest import CrashRecorder
from tests.staff import admin_actor
from ui.context import AppContext, ChangeSignals
from ui.models.directory_table import DirectoryTableModel
from ui.pages.resources import ResourcesPage
from ui.tasks import TaskRunner


def seed(database: Database) -> None:
    with database.transaction() as session:
        seed_directory(
            session, services=50, today=date.today(), now=datetime.now(UTC), rng=random.Random(5)
        )


class Watch:
    """Counts the table's resets and the detail pane's redraws."""

    def __init__(self, page: ResourcesPage) -> None:
        self.resets = 0
        self.detail_redraws = 0
        page.view.model.modelReset.connect(self._reset)
        page.view.detail.textChanged.connect(self._redrawn)

    def _reset(self) -> None:
        self.resets += 1

    def _redrawn(self) -> None:
        self.detail_redraws += 1


@pytest.fixture
def page(app_context: AppContext, qtbot) -> ResourcesPage:
    """The page scrolled down to the 31st resource, with its detail scrolled too."""
    seed(app_context.database)
    page = ResourcesPage(app_context)
    qtbot.addWidget(page)
    page.resize(1200, 420)
    page.show()
    page.activate()
    qtbot.waitExposed(page)
    page.view.table.selectRow(30)
    page.view.table.scrollTo(page.view.model.index(30, 0))
    assert page.view.table.verticalScrollBar().value() > 0
    page.view.detail.verticalScrollBar().setValue(40)
    assert page.view.detail.verticalScrollBar().value() == 40
    return page


def where_staff_are(page: ResourcesPage) -> tuple:
    return (
        page.detail.id,
        page.view.table.currentIndex().row(),
        page.view.table.verticalScrollBar().value(),
        page.view.detail.verticalScrollBar().value(),
    )


@pytest.mark.parametrize("topics", [{"visits"}, {"people"}, {"visits", "people"}])
def test_a_sign_in_at_another_station_leaves_the_page_alone(
    page: ResourcesPage, app_context: AppContext, topics: set[str]
) -> None:
    before = where_staff_are(page)
    watch = Watch(page)
    app_context.changes.changed.emit(topics)
    assert (watch.resets, watch.detail_redraws) == (0, 0)
    assert where_staff_are(page) == before


def test_a_change_that_touches_nothing_on_the_page_redraws_nothing(
    page: ResourcesPage, app_context: AppContext
) -> None:
    """SQLite says only that something changed ("*"); the index finds nothing new."""
    before = where_staff_are(page)
    watch = Watch(page)
    app_context.changes.changed.emit({"*"})
    app_context.changes.changed.emit({"directory"})
    assert (watch.resets, watch.detail_redraws) == (0, 0)
    assert where_staff_are(page) == before


def test_another_resource_changing_redraws_its_row_and_keeps_the_detail(
    page: ResourcesPage, app_context: AppContext
) -> None:
    model = page.view.model
    other = model.service_id(29)
    before = where_staff_are(page)
    watch = Watch(page)
    with app_context.database.transaction() as session:
        session.get(Service, other).alert = "Closed today: burst pipe"
    app_context.changes.changed.emit({"*"})
    assert model.index(29, DirectoryTableModel.OPEN).data().startswith("⚠")
    assert (watch.resets, watch.detail_redraws) == (0, 0)
    assert where_staff_are(page) == before


def test_the_resource_on_screen_changing_is_redrawn_where_staff_were_reading(
    page: ResourcesPage, app_context: AppContext
) -> None:
    before = where_staff_are(page)
    watch = Watch(page)
    with app_context.database.transaction() as session:
        session.get(Service, page.detail.id).alert = "Closed today: burst pipe"
    app_context.changes.changed.emit({"directory"})
    assert "Closed today: burst pipe" in page.view.detail.toPlainText()
    assert watch.resets == 0 and watch.detail_redraws >= 1
    assert where_staff_are(page) == before


def test_a_new_resource_keeps_the_selection_and_the_scroll(
    page: ResourcesPage, app_context: AppContext
) -> None:
    before = where_staff_are(page)
    with app_context.database.transaction() as session:
        session.add(Service(id="new-service", name="Zebra Street Food Pantry", status="active"))
    app_context.changes.changed.emit({"directory"})
    assert page.view.model.rowCount() == 51
    assert where_staff_are(page) == before


def test_a_settings_change_elsewhere_is_shown(page: ResourcesPage, app_context: AppContext) -> None:
    with app_context.database.transaction() as session:
        update_settings(
            session,
            app_context.actor,
            {"directory.stale_after_days": 1},
            read_versions={},
        )
    app_context.changes.changed.emit({"settings"})
    assert page.stale_after_days == 1
    model = page.view.model
    flagged = [
        model.index(row, 0).data(DirectoryTableModel.StaleRole) for row in range(model.rowCount())
    ]
    assert sum(flagged) > 40


class RecordingLock:
    """The index's lock, noting every thread that takes it."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.threads: set[int] = set()

    def __enter__(self) -> RecordingLock:
        self._lock.acquire()
        self.threads.add(threading.get_ident())
        return self

    def __exit__(self, *_exc) -> None:
        self._lock.release()


@pytest.fixture
def threaded_context(
    qapp, sqlite_database: Database, qsettings: QSettings, crashes: CrashRecorder
) -> Iterator[AppContext]:
    """Tasks on real worker threads, as in the app."""
    with sqlite_database.session() as session:
        actor = admin_actor(session)
    tasks = TaskRunner(sqlite_database, crashes)
    context = AppContext(sqlite_database, actor, tasks, ChangeSignals(), qsettings)
    yield context
    tasks.wait_for_done()
    tasks.deleteLater()
    context.changes.deleteLater()


def test_the_gui_thread_never_takes_the_index_lock(threaded_context: AppContext, qtbot) -> None:
    seed(threaded_context.database)
    page = ResourcesPage(threaded_context)
    qtbot.addWidget(page)
    lock = RecordingLock()
    page.index._lock = lock
    page.show()
    page.activate()
    view = page.view
    qtbot.waitUntil(lambda: view.model.rowCount() == 50 and view.language.count() > 1)
    with threaded_context.database.transaction() as session:
        service = session.scalars(select(Service).order_by(Service.name).limit(1)).one()
        service.name = "Aardvark Lane Recovery Café"
        service.updated_at = utc_now()
    threaded_context.changes.changed.emit({"directory"})
    qtbot.waitUntil(
        lambda: (
            view.model.index(0, DirectoryTableModel.NAME).data()
            == "Aardvark Lane Recovery Café (sample)"
        )
    )
    view.search.setText("detox")
    qtbot.waitUntil(lambda: 0 < view.model.rowCount() < 50)
    threaded_context.tasks.wait_for_done()
    assert lock.threads, "the index was used"
    assert threading.get_ident() not in lock.threads

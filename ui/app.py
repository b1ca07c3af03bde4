"""The application: logging, fonts, the database, the main window and its pages.

Start-up imports only what the first page needs: the other pages are imported and built
when first opened (or when the station is idle after the window has appeared), and the
demo's sample data, Alembic and the printing code load only when used.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import signal
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.config import resolve_database_url
from desk.db.changes import ANY_TOPIC
from desk.db.engine import Database
from desk.db.startup import open_and_upgrade
from desk.errors import DeskError
from desk.logs import configure_logging
from desk.paths import data_dir, fonts_dir, log_file, resources_dir
from desk.services.actor import front_desk_actor
from desk.services.settings import load_settings
from ui.change_listener import ChangeListener
from ui.context import AppContext, ChangeSignals
from ui.drafts import FormDraft
from ui.error_dialog import CrashReporter
from ui.main_window import FIRST_PAINT, MainWindow, PageSpec
from ui.qt_log import route_qt_messages_to_logging
from ui.tasks import TaskRunner

if TYPE_CHECKING:
    from desk.demo.database import DemoDatabase
    from ui.demo_seeding import DemoSeeder

logger = logging.getLogger(__name__)
ORGANIZATION = "CPAR"
APPLICATION = "RecoveryDesk"


def install_bundled_fonts(app: QApplication) -> None:
    """Noto Sans for every name on screen, whatever fonts the station has."""
    for path in sorted(fonts_dir().glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    font = QFont("Noto Sans")
    font.setPointSizeF(10.5)
    app.setFont(font)


def apply_style(app: QApplication) -> None:
    style = resources_dir() / "style.qss"
    if style.is_file():
        icons = (resources_dir() / "icons").as_posix()
        app.setStyleSheet(style.read_text(encoding="utf-8").replace("@icons/", f"{icons}/"))
    icon = resources_dir() / "icons" / "recovery-desk.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


DRAFTS_DATABASE_KEY = "station/drafts_database"  # the database the drafts are for


def station_settings(*, demo: bool, database: str = "") -> QSettings:
    """This station's window layout and unsaved drafts, kept in the data folder beside the
    database (drafts can hold what a person told us; they belong with the data).

    Drafts are for records of one database (`database`: its URL, password hidden): when the
    station opens another one (a move to a shared server, say), they are discarded, as they
    are for each new demo, rather than put back on whichever record has the same number."""
    name = "station-demo.ini" if demo else "station.ini"
    settings = QSettings(str(data_dir() / name), QSettings.Format.IniFormat)
    if demo or settings.value(DRAFTS_DATABASE_KEY, database) != database:
        FormDraft.discard_all(settings)
    else:
        FormDraft.sweep_expired(settings)
    settings.setValue(DRAFTS_DATABASE_KEY, database)
    settings.sync()
    return settings


# The pages in navigation order: id, module, class, and the title (translated in the page
# class's own context, as the page's `title` is).
PAGES = (
    ("front_desk", "ui.pages.front_desk", "FrontDeskPage", "Front desk"),
    ("people", "ui.pages.people", "PeoplePage", "People"),
    ("resources", "ui.pages.resources", "ResourcesPage", "Resources"),
    ("referrals", "ui.pages.referrals", "ReferralsPage", "Referrals"),
    ("coaches", "ui.pages.coaches", "CoachesPage", "Coaches"),
    ("settings", "ui.pages.center_settings", "CenterSettingsPage", "Center settings"),
    ("activity", "ui.pages.activity", "ActivityPage", "Activity"),
)


def build_pages(context: AppContext) -> list[PageSpec]:
    """Every page as a spec: its module is imported, and the page built, when first needed."""

    def builder(module: str, name: str):
        return lambda: getattr(importlib.import_module(module), name)(context)

    return [
        PageSpec(page_id, QCoreApplication.translate(name, title), builder(module, name))
        for page_id, module, name, title in PAGES
    ]


def build_window(
    database: Database,
    settings: QSettings,
    crash: CrashReporter,
    *,
    runner_class: type[TaskRunner] = TaskRunner,
) -> MainWindow:
    with database.session() as session:
        actor = front_desk_actor(session)
        zone = load_settings(session).timezone
    tasks = runner_class(database, crash.report)
    context = AppContext(database, actor, tasks, ChangeSignals(), settings)
    context.start_gate.hold(FIRST_PAINT)  # released by the window's first paint
    context.center_time.zone = zone
    _keep_center_time_current(context)
    window = MainWindow(context, build_pages(context))
    tasks.setParent(window)
    context.changes.setParent(window)
    return window


def _keep_center_time_current(context: AppContext) -> None:
    """Times on screen follow the center's time zone setting, when any station changes it."""

    def reload(topics: set[str]) -> None:
        if topics & {"settings", ANY_TOPIC}:
            context.tasks.submit(
                lambda session: load_settings(session).timezone,
                lambda zone: setattr(context.center_time, "zone", zone),
                lambda _error: None,
            )

    context.changes.changed.connect(reload)


def _open_database(args: argparse.Namespace) -> tuple[Database, DemoDatabase | None]:
    if args.demo:
        from desk.demo.database import create_empty_demo_database

        demo = create_empty_demo_database()  # the sample data follows (ui/demo_seeding.py)
        return demo.database, demo
    database, result = open_and_upgrade(resolve_database_url(args.database))
    if result.before.current != result.after:
        logger.info(
            "database %s upgraded from %s to %s (backup: %s)",
            database.description,
            result.before.current or "empty",
            result.after,
            result.backup,
        )
    return database, None


def _fill_demo(demo: DemoDatabase, window: MainWindow) -> DemoSeeder:
    """The sample data, made by a second process while the window comes up."""
    from ui.demo_seeding import DemoSeeder

    seeder = DemoSeeder(demo, window.context, window)
    bar = window.statusBar()
    bar.showMessage(window.tr("Filling the demo with sample data…"))
    seeder.finished.connect(
        lambda ok: bar.showMessage(
            window.tr("The sample data is in.")
            if ok
            else window.tr("The sample data could not be made; the log file says why."),
            8000,
        )
    )
    seeder.start()
    return seeder


def _prepare_other_pages(window: MainWindow) -> None:
    """Once the start is over, the other pages are imported on a thread and built between
    keystrokes, so that opening any of them is instant (ui/page_preload.py)."""
    from ui.page_preload import PagePreloader

    preloader = PagePreloader([module for _id, module, _name, _title in PAGES], window)
    preloader.imported.connect(window.build_pages_when_idle)
    window.context.start_gate.after(preloader.start)


def _close_on_termination_signals(window: MainWindow) -> None:
    """SIGTERM or Ctrl+C close the window properly (geometry saved, demo files removed)."""
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: window.close())
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(300)


def run_app(args: argparse.Namespace) -> int:
    from desk import __version__

    # A worker busy in Python (the people lookup loading, pages imported ahead) gives the
    # window's thread Python's lock within a millisecond rather than five: typing stays quick.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION + ("-Demo" if args.demo else ""))
    app.setApplicationDisplayName("Recovery Desk")
    app.setApplicationVersion(__version__)
    log_path = configure_logging(log_file())
    route_qt_messages_to_logging()
    logger.info("Recovery Desk %s starting", __version__)
    window: MainWindow | None = None
    crash = CrashReporter(log_path, parent_widget=lambda: window)
    crash.install()
    install_bundled_fonts(app)
    apply_style(app)
    try:
        database, demo = _open_database(args)
    except DeskError as error:
        logger.warning("cannot open the database: %s", error)
        QMessageBox.critical(
            None, app.tr("Recovery Desk cannot start"), f"{error.message}\n\n{error.hint}".strip()
        )
        return 1
    where = database.url.render_as_string(hide_password=True)
    settings = station_settings(demo=demo is not None, database=where)
    window = build_window(database, settings, crash)
    seeder = None
    if demo is not None:
        window.setWindowTitle(window.tr("Recovery Desk (demo: sample data only)"))
        seeder = _fill_demo(demo, window)
    listener = ChangeListener(database)
    listener.changed.connect(window.context.changes.changed)
    listener.start()
    _close_on_termination_signals(window)
    _prepare_other_pages(window)
    window.show()
    logger.info("window shown: %s", database.description)
    try:
        return app.exec()
    finally:
        listener.stop()
        if seeder is not None:
            seeder.stop()
        window.context.tasks.wait_for_done()
        if demo is not None:
            demo.remove()
        else:
            database.dispose()
        logger.info("Recovery Desk closed")

"""The application: logging, fonts, the database, the main window and its pages."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desk import __version__
from desk.config import resolve_database_url
from desk.db.changes import ANY_TOPIC
from desk.db.engine import Database
from desk.db.startup import open_and_upgrade
from desk.demo.database import DemoDatabase, create_demo_database
from desk.draft_cipher import station_cipher
from desk.errors import DeskError
from desk.file_privacy import make_private
from desk.logs import configure_logging
from desk.paths import data_dir, fonts_dir, log_file, resources_dir
from desk.print_journal import JOURNAL_FILE, PrintJournal
from desk.services.actor import front_desk_actor
from desk.services.settings import load_settings
from ui.change_listener import ChangeListener
from ui.context import AppContext, ChangeSignals
from ui.drafts import (
    DraftVault,
    MemoryDraftVault,
    SealedDraftVault,
    discard_kept_drafts,
    sweep_kept_drafts,
)
from ui.error_dialog import CrashReporter
from ui.main_window import MainWindow
from ui.pages.activity import ActivityPage
from ui.pages.center_settings import CenterSettingsPage
from ui.pages.coaches import CoachesPage
from ui.pages.front_desk import FrontDeskPage
from ui.pages.people import PeoplePage
from ui.pages.referrals import ReferralsPage
from ui.pages.resources import ResourcesPage
from ui.qt_log import route_qt_messages_to_logging
from ui.tasks import TaskRunner
from ui.widgets.page import Page

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
        app.setStyleSheet(style.read_text(encoding="utf-8"))
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
        discard_kept_drafts(settings)
    else:
        sweep_kept_drafts(settings)
    settings.setValue(DRAFTS_DATABASE_KEY, database)
    settings.sync()
    make_private(Path(settings.fileName()))  # later saves keep the file's mode
    return settings


def station_drafts(settings: QSettings, *, demo: bool) -> DraftVault:
    """Where unsaved drafts are kept: sealed in station.ini with a key from the OS keyring,
    or in memory only when this station has none (or for a demo)."""
    cipher = None if demo else station_cipher(f"drafts key for {data_dir()}")
    if cipher is None:
        logger.info("unsaved drafts are kept in memory only on this station")
        return MemoryDraftVault()
    return SealedDraftVault(settings, cipher)


def build_pages(context: AppContext) -> list[Page]:
    return [
        FrontDeskPage(context),
        PeoplePage(context),
        ResourcesPage(context),
        ReferralsPage(context),
        CoachesPage(context),
        CenterSettingsPage(context),
        ActivityPage(context),
    ]


def station_journal(*, demo: bool, database: str) -> PrintJournal:
    """Records of prints waiting for the database, in the data folder (desk/print_journal.py).
    A demo's are thrown away with the demo."""
    name = "print-journal-demo.json" if demo else JOURNAL_FILE
    journal = PrintJournal(data_dir() / name, database)
    if demo:
        journal.discard_all()
    return journal


def build_window(
    database: Database,
    settings: QSettings,
    crash: CrashReporter,
    *,
    runner_class: type[TaskRunner] = TaskRunner,
    journal: PrintJournal | None = None,
    drafts: DraftVault | None = None,
) -> MainWindow:
    with database.session() as session:
        actor = front_desk_actor(session)
        zone = load_settings(session).timezone
    tasks = runner_class(database, crash.report, journal=journal)
    context = AppContext(database, actor, tasks, ChangeSignals(), settings)
    if drafts is not None:
        context.drafts = drafts
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
        demo = create_demo_database()
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


def _close_on_termination_signals(window: MainWindow) -> None:
    """SIGTERM or Ctrl+C close the window properly (geometry saved, demo files removed)."""
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: window.close())
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    heartbeat = QTimer(window)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(300)


def run_app(args: argparse.Namespace) -> int:
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
    journal = station_journal(demo=demo is not None, database=where)
    drafts = station_drafts(settings, demo=demo is not None)
    window = build_window(database, settings, crash, journal=journal, drafts=drafts)
    waiting = window.context.tasks.replay_journal()  # prints recorded before a crash or close
    if waiting:
        logger.info("writing %d print record(s) kept in the journal", waiting)
    if demo is not None:
        window.setWindowTitle(window.tr("Recovery Desk (demo: sample data only)"))
    listener = ChangeListener(database)
    listener.changed.connect(window.context.changes.changed)
    listener.start()
    _close_on_termination_signals(window)
    window.show()
    logger.info("window shown: %s", database.description)
    try:
        return app.exec()
    finally:
        listener.stop()
        window.context.tasks.wait_for_done()
        if demo is not None:
            demo.remove()
        else:
            database.dispose()
        logger.info("Recovery Desk closed")

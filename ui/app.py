"""The application: logging, fonts, the database, staff sign-in, the windows and their pages.

Start-up imports only what the sign-in and the first page need: the other pages are imported
and built when first opened (or when the station is idle after a window has appeared), and
the demo's sample data, Alembic and the printing code load only when used.
"""

from __future__ import annotations

import argparse
import importlib
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.access import Permission
from desk.config import resolve_database_url
from desk.db.changes import ANY_TOPIC
from desk.db.engine import Database
from desk.db.startup import open_and_upgrade
from desk.errors import DeskError
from desk.services.actor import Actor, command_line_actor, station_name
from desk.services.settings import load_settings
from ui.backups import BackupScheduler
from ui.change_listener import ChangeListener
from ui.context import AppContext
from ui.error_dialog import CrashReporter
from ui.error_words import in_words
from ui.i18n import Translators
from ui.main_window import FIRST_PAINT, MainWindow, PageSpec
from ui.staff.sessions import StaffSessions
from ui.start import TITLE, demo_title
from ui.station_files import drafts_cipher, station_drafts, station_journal, station_settings
from ui.tasks import TaskRunner
from ui.termination import catch_termination

if TYPE_CHECKING:
    from desk.backup.restore import CheckedBackup
    from desk.demo.database import DemoDatabase
    from desk.draft_cipher import DraftCipher
    from desk.print_journal import PrintJournal
    from ui.demo_seeding import DemoSeeder
    from ui.drafts import DraftVault
    from ui.staff.gate import GateWindow
    from ui.start import Started

logger = logging.getLogger(__name__)


# The pages in navigation order: id, module, class, title (translated in the page class's
# own context, as the page's `title` is), and the permission a role needs to see it (each
# page class says the same; a test checks they agree).
PAGES = (
    (
        "front_desk",
        "ui.pages.front_desk",
        "FrontDeskPage",
        "Front desk",
        Permission.SIGN_IN_VISITORS,
    ),
    ("people", "ui.pages.people", "PeoplePage", "People", Permission.VIEW_PEOPLE),
    ("resources", "ui.pages.resources", "ResourcesPage", "Resources", Permission.SEARCH_DIRECTORY),
    ("referrals", "ui.pages.referrals", "ReferralsPage", "Referrals", Permission.PRINT_SHEETS),
    ("coaches", "ui.pages.coaches", "CoachesPage", "Coaches", Permission.PAIR_COACHES),
    ("groups", "ui.pages.groups", "GroupsPage", "Groups", Permission.MANAGE_GROUPS),
    ("staff", "ui.pages.staff", "StaffPage", "Staff", Permission.MANAGE_STAFF),
    (
        "settings",
        "ui.pages.center_settings",
        "CenterSettingsPage",
        "Center settings",
        Permission.CENTER_SETTINGS,
    ),
    ("activity", "ui.pages.activity", "ActivityPage", "Activity", Permission.READ_AUDIT_LOG),
    ("reports", "ui.pages.reports", "ReportsPage", "Reports", Permission.TODAYS_COUNTS),
)


def build_pages(context: AppContext) -> list[PageSpec]:
    """The pages the signed-in staff member's role may use, in the navigation's order, as
    specs: each page's module is imported, and the page built, when first needed."""

    def builder(module: str, name: str):
        return lambda: getattr(importlib.import_module(module), name)(context)

    return [
        PageSpec(page_id, QCoreApplication.translate(name, title), builder(module, name))
        for page_id, module, name, title, permission in PAGES
        if context.may(permission)
    ]


def build_main_window(context: AppContext) -> MainWindow:
    """One staff member's window, its times on the center's clock."""
    window = MainWindow(context, build_pages(context))
    _keep_center_time_current(context, window)
    return window


def build_station_window(context: AppContext) -> MainWindow:
    """A window as the app opens it: work that would hold back its first paint (the people
    lookup's first load) waits for it, and once it is painted the other pages are imported
    on a thread and built between keystrokes, so that opening any of them is instant."""
    context.start_gate.hold(FIRST_PAINT)  # released by the window's first paint
    window = build_main_window(context)
    _prepare_other_pages(window)
    return window


def _prepare_other_pages(window: MainWindow) -> None:
    from ui.page_preload import PagePreloader

    modules = [module for _id, module, _name, _title, _permission in PAGES]
    preloader = PagePreloader(modules, window)
    preloader.imported.connect(window.build_pages_when_idle)
    window.context.start_gate.after(preloader.start)


def _keep_center_time_current(context: AppContext, window: MainWindow) -> None:
    """Times on screen follow the center's time zone setting, when any station changes it."""

    def load() -> None:
        context.tasks.submit(
            lambda session: load_settings(session).timezone,
            lambda zone: setattr(context.center_time, "zone", zone),
            lambda _error: None,
            owner=window,
        )

    def reload(topics: set[str]) -> None:
        if topics & {"settings", ANY_TOPIC}:
            load()

    load()
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


def _close_on_termination_signals(app: QApplication, sessions: StaffSessions) -> None:
    """SIGTERM or Ctrl+C close the app properly (geometry saved, demo files removed)."""

    def close() -> None:
        if sessions.current is not None:
            sessions.current.close()
        app.quit()

    # Queued, not called: a signal that comes before the event loop runs (the window is
    # shown just before it starts) would otherwise quit a loop not yet running, and be lost.
    catch_termination(lambda: QTimer.singleShot(0, close), sessions)


@dataclass
class Opened:
    """What the start's thread made ready (ui/start.py): the database, the drafts key."""

    database: Database
    demo: DemoDatabase | None
    cipher: DraftCipher | None


def open_for_station(args: argparse.Namespace) -> Opened:
    """The database (upgraded if it needs it), the demo's if asked for, the drafts key, and
    the models' mappers set up: every slow step before a station can work, none of which
    touches Qt, so that the start can run it on a thread while the sign-in box takes typing."""
    from sqlalchemy.orm import configure_mappers

    database, demo = _open_database(args)
    configure_mappers()  # else the first query pays for it, on the window's thread
    return Opened(database, demo, drafts_cipher(demo=demo is not None))


def run_app(
    args: argparse.Namespace,
    started: Started,
    *,
    opened: Opened | None = None,
    gate: GateWindow | None = None,
) -> int:
    """The app on the database `opened` (opened now if not given) until it closes; `gate`
    is the sign-in window already on screen, if the start showed one."""
    app, crash = started.app, started.crash
    if opened is None:
        try:
            opened = open_for_station(args)
        except DeskError as error:
            logger.warning("cannot open the database: %s", error)
            QMessageBox.critical(
                None,
                QCoreApplication.translate("Start", "Recovery Desk cannot start"),
                in_words(error, between="\n\n"),
            )
            return 1
    database, demo = opened.database, opened.demo
    if getattr(args, "kiosk", False):  # the door's kiosk: its own window, nothing else
        from ui.kiosk import run_kiosk

        return run_kiosk(app, database, crash.report, demo)
    where = database.url.render_as_string(hide_password=True)
    settings = station_settings(demo=demo is not None, database=where)
    title = demo_title() if demo is not None else TITLE
    journal = station_journal(demo=demo is not None, database=where)
    drafts = station_drafts(settings, demo=demo is not None, cipher=opened.cipher)
    notice: tuple[str, str] | None = None
    while True:
        code, restore = _run_station(
            app,
            database,
            settings,
            crash,
            demo,
            title,
            notice,
            journal=journal,
            drafts=drafts,
            gate=gate,
            translators=started.translators,
        )
        gate = None  # a station opened again after a restore makes its own
        if restore is None:
            if demo is not None:
                database.dispose()  # a restored demo is a new Database on the same file
                demo.remove()
            else:
                database.dispose()
            logger.info("Recovery Desk closed")
            return code
        reopened, notice = _restore_and_reopen(database, restore)
        if reopened is None:
            return 1
        database = reopened


def _run_station(
    app: QApplication,
    database: Database,
    settings: QSettings,
    crash: CrashReporter,
    demo: DemoDatabase | None,
    title: str,
    notice: tuple[str, str] | None,
    *,
    journal: PrintJournal,
    drafts: DraftVault,
    gate: GateWindow | None = None,
    translators: Translators | None = None,
) -> tuple[int, CheckedBackup | None]:
    """The station on `database` until the app closes, or an admin asks for a restore (the
    checked backup is returned then, every window closed and all work let go)."""
    tasks = TaskRunner(database, crash.report, journal=journal)
    waiting = tasks.replay_journal()  # prints recorded before a crash or a close
    if waiting:
        logger.info("writing %d print record(s) kept in the journal", waiting)
    with database.session() as session:
        station = station_actor(session)
    backups = BackupScheduler(database, station, tasks, settings, automatic=demo is None)
    sessions = StaffSessions(
        database,
        settings,
        tasks,
        build_station_window,
        title=title,
        backups=backups,
        drafts=drafts,
        gate=gate,
        translators=translators,
    )
    tasks.setParent(sessions)
    backups.setParent(sessions)
    crash.attach(lambda: sessions.current)
    listener = ChangeListener(database)
    listener.changed.connect(sessions.changes.changed)
    listener.start()
    _close_on_termination_signals(app, sessions)
    sessions.window_shown.connect(lambda _window: logger.info("window shown"))
    if notice is not None:
        sessions.notice = notice
    seeder: list[DemoSeeder] = []  # the demo's sample data, made once its first window shows
    if demo is not None:
        from ui.demo_seeding import dress_demo_window

        fresh = notice is None  # not a demo restored from a backup
        sessions.window_shown.connect(
            lambda window: dress_demo_window(demo, window, seeder, seed=fresh)
        )
    sessions.begin()
    logger.info("window shown: sign-in, %s", database.description)
    backups.start()
    try:
        code = app.exec()
    finally:
        listener.stop()
        for making in seeder:
            making.stop()
    restore = sessions.restore_request
    if restore is None and demo is None:
        backups.close_backup()  # the windows are closed already: nobody waits
    backups.wait()
    tasks.wait_for_done()
    sessions.shut_down()
    return code, cast("CheckedBackup | None", restore)


def station_actor(session) -> Actor:
    """Who the station's own work (the automatic backups) is recorded as: the built-in
    account, named for this station, whoever is signed in or not."""
    built_in = command_line_actor(session)
    return Actor(built_in.staff_id, built_in.display_name, built_in.role, station_label())


def station_label() -> str:
    return f"{station_name()} (automatic backup)"


def _restore_and_reopen(
    database: Database, checked: CheckedBackup
) -> tuple[Database | None, tuple[str, str]]:
    """Replace the database by the checked backup (every connection of this app let go
    first), then open it again; a refusal opens the database as it was."""
    from ui.restore_flow import record_and_describe, replace_with_progress

    path = database.sqlite_path
    assert path is not None, "only a SQLite file is restored from the app"
    url = database.url.render_as_string(hide_password=False)
    database.dispose()
    outcome = replace_with_progress(checked, path)
    logger.info("restore from %s: %s", checked.source, "done" if outcome.restored else "refused")
    try:
        reopened, _ = open_and_upgrade(url)
    except DeskError as error:
        QMessageBox.critical(
            None,
            QApplication.translate("Restore", "Recovery Desk cannot open the database"),
            in_words(error, between="\n\n"),
        )
        return None, ("", "")
    if not outcome.restored:
        return reopened, (outcome.message, "error")
    return reopened, (record_and_describe(reopened, station_actor, checked, outcome), "ok")

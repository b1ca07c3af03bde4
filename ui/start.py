"""The start: a staff sign-in box on screen at once, the database opened meanwhile.

Why: the database code (SQLAlchemy, the models, the first query's mapper set-up, the OS
keyring for the drafts key) takes most of a second to load, and a sign-in box needs none
of it until the button is pressed. So the application, the fonts, the style and the gate's
sign-in screen come first, on this thread; the rest of the app is imported and the database
opened on a thread of its own while the box already takes typing. A sign-in asked for
before the database is open waits for it (ui/staff/screens.py). The demo starts the same
way: its sign-in box offers the demo accounts, the admin's filled in, while its database is
made.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.errors import DeskError
from desk.logs import configure_logging
from desk.paths import log_file
from ui.error_dialog import CrashReporter
from ui.error_words import in_words
from ui.first_paint import wait_for_first_paint
from ui.i18n import Translators, station_language, station_settings_file
from ui.look import apply_style, install_bundled_fonts
from ui.qt_log import route_qt_messages_to_logging
from ui.termination import catch_termination

logger = logging.getLogger(__name__)
ORGANIZATION = "CPAR"
APPLICATION = "RecoveryDesk"
TITLE = "Recovery Desk"


@dataclass
class Started:
    """The application as the start left it, for ui/app.py to carry on."""

    app: QApplication
    crash: CrashReporter
    translators: Translators  # the station's language now; each staff member's once signed in


def start_application(*, demo: bool) -> Started:
    from desk import __version__

    # A worker busy in Python (the database code loading, the people lookup, pages imported
    # ahead) gives the window's thread Python's lock within 0.2 ms rather than five: a key
    # asks for it a few times, and typing stays quick.
    sys.setswitchinterval(0.0002)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION + ("-Demo" if demo else ""))
    app.setApplicationDisplayName(TITLE)
    app.setApplicationVersion(__version__)
    log_path = configure_logging(log_file())
    route_qt_messages_to_logging()
    logger.info("Recovery Desk %s starting", __version__)
    crash = CrashReporter(log_path)
    crash.install()
    translators = Translators(app)
    station = QSettings(str(station_settings_file(demo=demo)), QSettings.Format.IniFormat)
    translators.use(station_language(station))
    install_bundled_fonts(app)
    apply_style(app)
    return Started(app, crash, translators)


def run(args: argparse.Namespace) -> int:
    started = start_application(demo=args.demo)
    if getattr(args, "kiosk", False):  # the kiosk asks for no staff sign-in
        from ui.app import run_app

        return run_app(args, started)
    from ui.staff.gate import GateWindow

    gate = GateWindow(None, demo_title() if args.demo else TITLE)
    if args.demo:  # its accounts offered, the admin's filled in: Enter signs in
        from desk.demo.credentials import DEMO_ADMIN_LOGIN, DEMO_DESK_LOGIN, DEMO_PASSWORD

        gate.sign_in.offer_demo(DEMO_ADMIN_LOGIN, DEMO_DESK_LOGIN, DEMO_PASSWORD)
    gate.show_sign_in(
        QApplication.translate("Start", "Making the demo database…")
        if args.demo
        else QApplication.translate("Start", "Opening the database…")
    )
    closing = _CloseOnSignal(gate)  # SIGTERM or Ctrl+C meanwhile: closed once it is open
    wait_for_first_paint(gate)  # then the database code loads (ui/first_paint.py says why)
    logger.info("window shown: sign-in, the database opening")
    opened = _in_background(lambda: _open(args))
    closing.stop_waking()
    if closing.asked:
        _let_go(opened)
        logger.info("Recovery Desk closed")
        return 0
    if isinstance(opened, DeskError):
        logger.warning("cannot open the database: %s", opened)
        gate.hide()
        QMessageBox.critical(
            None,
            QApplication.translate("Start", "Recovery Desk cannot start"),
            in_words(opened, between="\n\n"),
        )
        return 1
    from ui.app import run_app

    gate.sign_in.say("")
    return run_app(args, started, opened=opened, gate=gate)


class _CloseOnSignal:
    """While the database opens: SIGTERM or SIGINT are noted, to close once it is open (the
    opening cannot be cut short, and a demo's folder must go with it)."""

    def __init__(self, parent: QObject) -> None:
        self.asked = False
        self._heartbeat = catch_termination(self._note, parent)

    def _note(self) -> None:
        self.asked = True

    def stop_waking(self) -> None:
        """The database is open: the station's own handlers take over (ui/app.py)."""
        self._heartbeat.stop()


def _let_go(opened: Any) -> None:
    if isinstance(opened, DeskError):
        return
    opened.database.dispose()
    if opened.demo is not None:
        opened.demo.remove()


def demo_title() -> str:
    return QApplication.translate("Demo", "Recovery Desk (demo: sample data only)")


def _open(args: argparse.Namespace) -> Any:
    """On the start's thread: the rest of the app, the database, the drafts key."""
    from ui.app import open_for_station

    return open_for_station(args)


class _Finished(QObject):
    finished = Signal()


def _in_background(work) -> Any:
    """`work()` on a thread while this thread's events (typing) go on; its result, or the
    DeskError it raised (anything else is raised here)."""
    outcome: dict[str, Any] = {}
    finished = _Finished()
    loop = QEventLoop()
    finished.finished.connect(loop.quit)  # queued: emitted on the other thread

    def run_work() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed to the window's thread, below
            outcome["error"] = error
        finished.finished.emit()

    threading.Thread(target=run_work, name="start", daemon=True).start()
    loop.exec()
    error = outcome.get("error")
    if isinstance(error, DeskError):
        return error
    if error is not None:
        raise error
    return outcome["value"]

"""Who is signed in at this station, and what each of them sees.

Each staff member who signs in gets their own main window, built for their role. Locking
covers every window (and any dialog left open) with the gate; the same person unlocks and
finds everything as it was. Another staff member may sign in over the lock instead: the
first person's window is put away hidden (its open dialogs closed, their drafts kept under
the first person's name), and comes back, as they left it, when they sign in again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from desk.access import AccountInactive
from desk.db.changes import ANY_TOPIC
from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.settings import load_settings
from desk.services.staff_preferences import ScreenPreferences, own_preferences
from desk.services.staff_sessions import first_admin_needed, record_screen_locked, sign_out_staff
from ui.backups import BackupScheduler
from ui.context import AppContext, ChangeSignals
from ui.drafts import DraftVault, MemoryDraftVault
from ui.error_words import in_words
from ui.i18n import Translators, station_language
from ui.look import apply_style
from ui.main_window import MainWindow
from ui.staff.gate import GateWindow
from ui.staff.idle import IdleWatcher
from ui.staff.veil import Veil
from ui.tasks import TaskRunner
from ui.words import fill

logger = logging.getLogger(__name__)

WindowFactory = Callable[[AppContext], MainWindow]


class StaffSessions(QObject):
    window_shown = Signal(object)  # a MainWindow, each time one is shown

    def __init__(
        self,
        database: Database,
        settings: QSettings,
        tasks: TaskRunner,
        build_window: WindowFactory,
        *,
        title: str,
        backups: BackupScheduler | None = None,
        drafts: DraftVault | None = None,
        clock: Callable[[], float] = time.monotonic,
        gate: GateWindow | None = None,
        translators: Translators | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`gate`: one already on screen (shown at start while the database was opened);
        `translators`: the application's, set to each staff member's language as they enter."""
        super().__init__(parent)
        self.translators = translators
        self.backups = backups  # the station's automatic backups, shown in every window
        self.drafts = drafts or MemoryDraftVault()  # unsaved forms, each staff member's own
        self.notice: tuple[str, str] | None = None  # said in the next window shown
        self.database = database
        self.settings = settings
        self.tasks = tasks
        self.changes = ChangeSignals(self)
        self._build_window = build_window
        self.title = title
        self.windows: dict[int, MainWindow] = {}
        self.current: MainWindow | None = None
        self.locked = False
        self._veils: list[Veil] = []
        if gate is None:
            gate = GateWindow(tasks, title)
        else:
            gate.attach(tasks)
        self.gate = gate
        self.idle = IdleWatcher(clock, self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.idle.lock_key.connect(lambda: self.lock())  # Ctrl+L, wherever the focus is
        self.gate.sign_in.signed_in.connect(self._signed_in)
        self.gate.first_admin.made.connect(lambda actor: self.enter(actor))
        self.gate.lock.unlocked.connect(self._unlocked)
        self.gate.choose_password.chosen.connect(lambda actor: self.enter(actor))
        tasks.refused_account.connect(self._account_refused)
        self.changes.changed.connect(self._on_changes)

    # Starting ------------------------------------------------------------------------------

    def begin(self) -> None:
        """Show the gate: the first-admin screen on a new database, else sign-in."""

        def decide(loaded: tuple[bool, str]) -> None:
            needed, name = loaded
            self.gate.set_center_name(name)
            if needed:
                self.gate.show_first_admin()
            else:
                self.gate.show_sign_in()

        showing = self.gate.isVisible() and self.gate.stack.currentWidget() is self.gate.sign_in
        if not showing:  # else shown at start already, perhaps typed in: left as it is
            self.gate.show_sign_in()
        self.tasks.submit(
            lambda session: (first_admin_needed(session), load_settings(session).name),
            decide,
            lambda error: self.gate.sign_in.say(in_words(error)),
        )

    def _signed_in(self, actor: Actor, must_change: bool, password: str) -> None:
        if must_change:
            self.gate.show_choose_password(actor, password)
            return
        self.enter(actor)

    def enter(self, actor: Actor) -> MainWindow:
        """`actor` is signed in: their window (made now, or kept from before) is shown."""
        window = self.windows.get(actor.staff_id)
        if self.current is not None and self.current is not window:
            self._put_away(self.current)
        if self.translators is not None:  # for their window if new, and what opens from now
            self.translators.use(actor.language or station_language(self.settings))
        if window is None:
            context = AppContext(self.database, actor, self.tasks, self.changes, self.settings)
            context.backups = self.backups
            context.drafts = self.drafts
            window = self._build_window(context)
            window.lock_requested.connect(lambda: self.lock())
            window.sign_out_requested.connect(self.sign_out)
            self.windows[actor.staff_id] = window
        self.current = window
        self._lift_veils()
        self.locked = False
        window.show()
        window.raise_()
        window.activateWindow()
        self.gate.hide()
        self._arm_idle_lock()
        if self.notice is not None:
            window.banner.show_message(*self.notice)
            self.notice = None
        self._dress_for(actor)
        self.window_shown.emit(window)
        logger.info("signed in: staff #%s (%s)", actor.staff_id, actor.role.value)
        return window

    def _dress_for(self, actor: Actor) -> None:
        """Their text size and contrast (ui/look.py), read now: the last person's go."""

        def dress(chosen: ScreenPreferences) -> None:
            if self.current is not None and self.current.context.actor == actor:
                apply_style(
                    QApplication.instance(),
                    text_scale=chosen.text_scale,
                    high_contrast=chosen.high_contrast,
                )

        self.tasks.submit(lambda session: own_preferences(session, actor), dress, lambda _e: None)

    def _arm_idle_lock(self) -> None:
        def armed(minutes: int) -> None:
            self.idle.set_minutes(minutes)
            if not self.locked and self.current is not None:
                self.idle.arm()

        self.idle.arm()
        self.tasks.submit(
            lambda session: load_settings(session)["security.idle_lock_minutes"],
            armed,
            lambda _error: None,
        )

    def _on_changes(self, topics: set[str]) -> None:
        if topics & {"settings", ANY_TOPIC} and self.current is not None and not self.locked:
            self._arm_idle_lock()

    # Locking -------------------------------------------------------------------------------

    def lock(self, *, idle: bool = False, message: str = "") -> None:
        """Cover every window now; the same person unlocks, or someone else signs in."""
        window = self.current
        if window is None or self.locked:
            return
        self.locked = True
        self.idle.disarm()
        actor = window.context.actor
        for widget in QApplication.topLevelWidgets():
            if widget is not self.gate and widget.isVisible() and not isinstance(widget, Veil):
                self._veils.append(Veil.cover(widget))
        self.gate.show_lock(actor, window.frameGeometry(), message)
        self.tasks.submit(
            lambda session: record_screen_locked(session, actor, idle=idle),
            None,
            lambda _error: None,
        )
        logger.info("station locked (%s)", "idle" if idle else "by hand")

    def _unlocked(self) -> None:
        window = self.current
        if window is None:
            return
        self._lift_veils()
        self.locked = False
        self.gate.hide()
        window.activateWindow()
        self._arm_idle_lock()

    def _lift_veils(self) -> None:
        veils, self._veils = self._veils, []
        for veil in veils:
            veil.lift()

    def _account_refused(self, error: AccountInactive) -> None:
        """The signed-in account was switched off: what was typed stays (under the lock), and
        only another staff member can go on."""
        if self.current is not None and not self.locked:
            self.lock(message=in_words(error))

    # Signing out and putting away ----------------------------------------------------------

    def sign_out(self) -> None:
        window = self.current
        if window is None:
            return
        actor = window.context.actor
        self.tasks.submit(lambda session: sign_out_staff(session, actor), None, lambda _e: None)
        self._put_away(window)
        self.windows.pop(actor.staff_id, None)
        self.current = None
        self.idle.disarm()
        apply_style(QApplication.instance())  # the gate as the station has it
        self.gate.show_sign_in(fill(self.tr("%1 signed out."), actor.display_name))
        window.close_for_sign_out()  # after the gate is up: the app goes on without it

    def _put_away(self, window: MainWindow) -> None:
        """Hide a staff member's window for later, with its open dialogs closed: a dialog
        with a draft keeps it for its owner, who finds it when they open the form again."""
        self._lift_veils()
        for dialog in open_dialogs(window):
            draft = getattr(dialog, "draft", None)
            if draft is not None:
                draft.flush()
            QDialog.done(dialog, QDialog.DialogCode.Rejected)
        window.hide()

    @property
    def restore_request(self) -> object | None:
        """The backup an admin confirmed restoring, which closed their window (a CheckedBackup)."""
        return next(
            (w.restore_request for w in self.windows.values() if w.restore_request is not None),
            None,
        )

    def shut_down(self) -> None:
        self.idle.stop()
        for window in list(self.windows.values()):
            window.close_for_sign_out()
        self.gate.close()


def open_dialogs(window: QWidget) -> list[QDialog]:
    """The dialogs shown over `window` (those whose parent chain leads to it)."""
    found = []
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible() and widget is not window:
            parent = widget.parentWidget()
            if parent is not None and parent.window() is window:
                found.append(widget)
    return found

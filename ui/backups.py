"""Automatic backups for the app: one at the first start of each day, one at closing, and
"Back up now"; each on its own thread, so the desk never waits for a backup.

A failure (folder missing, full, read-only, USB drive pulled out) is reported in words in the
status bar and on the Center settings page, and tried again every few minutes while the app
is open; it never stops the desk. Whether a backup is overdue is read from the activity log
(`backup_status`), so every station agrees on when the last good one was made.

The folder is a setting of this station (station.ini), not of the center: it names a place as
this machine sees it (a drive letter, a mount point, a network share), which means nothing on
another machine, and a restored database must not carry yesterday's folder with it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

from desk.backup.automatic import backup_now, center_clock, daily_backup_due, default_folder_for
from desk.backup.making import BackupResult, yield_to_the_desk
from desk.db.engine import Database
from desk.errors import BackupFailed, DeskError
from desk.services.actor import Actor
from desk.services.backups import BackupStatus, backup_status
from ui.error_words import worded
from ui.formatting import CenterTime
from ui.tasks import TaskRunner
from ui.words import fill

logger = logging.getLogger(__name__)

FOLDER_KEY = "backup/folder"
RETRY_MS = 5 * 60 * 1000
Background = Callable[[Callable[[], None]], None]


def run_on_own_thread(work: Callable[[], None]) -> None:
    def lowered() -> None:
        yield_to_the_desk()
        work()

    threading.Thread(target=lowered, name="recovery-desk-backup", daemon=True).start()


@dataclass(frozen=True)
class BackupState:
    """What the status bar and the Center settings page show about backups."""

    status: BackupStatus | None = None  # from the activity log; None until read
    running: str | None = None  # the kind of backup under way
    failure: DeskError | None = None  # the last attempt's failure, until one succeeds
    retry_at: datetime | None = None
    last_made: BackupResult | None = None  # made by this app since it started
    automatic: bool = True


class BackupScheduler(QObject):
    state_changed = Signal(object)  # a BackupState
    _finished = Signal(str, object)  # kind, BackupResult or DeskError (from the thread)

    def __init__(
        self,
        database: Database,
        actor: Actor,
        tasks: TaskRunner,
        station: QSettings,
        *,
        automatic: bool,
        background: Background = run_on_own_thread,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.tasks = tasks
        self.station = station
        self.automatic = automatic and database.sqlite_path is not None
        self._background = background
        self._thread_done = threading.Event()
        self._thread_done.set()
        self.state = BackupState(automatic=self.automatic)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._try_again)
        self._retry_kind = "daily"
        self._finished.connect(self._on_finished)

    # --- where -------------------------------------------------------------------------
    @property
    def default_folder(self) -> Path:
        return default_folder_for(self.database)

    @property
    def folder(self) -> Path:
        chosen = self.station.value(FOLDER_KEY, "")
        return Path(str(chosen)) if chosen else self.default_folder

    @property
    def uses_default_folder(self) -> bool:
        return not self.station.value(FOLDER_KEY, "")

    def set_folder(self, folder: Path | None) -> None:
        """Back up into `folder` from now on (None: the default folder beside the database)."""
        self.station.setValue(FOLDER_KEY, str(folder) if folder is not None else "")
        self.station.sync()
        self._publish(replace(self.state, failure=None, retry_at=None))
        self._retry.stop()

    # --- when ----------------------------------------------------------------------------
    def start(self) -> None:
        """At start-up: read the status, and make the day's backup if it is due."""
        self.refresh_status()
        if not self.automatic:
            return
        folder = self.folder

        def due() -> bool:
            return daily_backup_due(folder, center_clock(self.database, None).date())

        self.tasks.submit(
            lambda _session: due(),
            lambda is_due: self.back_up("daily") if is_due else None,
            lambda error: logger.warning("cannot tell whether a backup is due: %s", error),
            owner=self,
        )

    def back_up(self, kind: str = "manual") -> bool:
        """Start a backup on its own thread; False if one is already under way."""
        if self.state.running is not None:
            return False
        folder = None if self.uses_default_folder else self.folder
        first_failure = self.state.failure is None  # a streak of retries is recorded once
        self._retry.stop()
        self._thread_done.clear()
        self._publish(replace(self.state, running=kind))

        def work() -> None:
            try:
                outcome: object = backup_now(
                    self.database, self.actor, kind, folder=folder, record_failure=first_failure
                )
            except DeskError as error:
                outcome = error
            except Exception as exc:  # a bug: reported in words, logged with its traceback
                logger.exception("backup failed unexpectedly")
                outcome = BackupFailed(f"The backup stopped on an unexpected error ({exc}).")
            try:
                self._finished.emit(kind, outcome)  # queued to the GUI thread
            finally:
                self._thread_done.set()

        self._background(work)
        return True

    def _on_finished(self, kind: str, outcome: object) -> None:
        if isinstance(outcome, BackupResult):
            self._publish(
                replace(self.state, running=None, failure=None, retry_at=None, last_made=outcome)
            )
        else:
            assert isinstance(outcome, DeskError)
            retry_at = None
            if self.automatic and kind != "close":
                self._retry_kind = kind
                self._retry.start(RETRY_MS)
                retry_at = datetime.now(UTC) + timedelta(milliseconds=RETRY_MS)
            self._publish(replace(self.state, running=None, failure=outcome, retry_at=retry_at))
        self.refresh_status()

    def _try_again(self) -> None:
        self.back_up(self._retry_kind)

    def refresh_status(self) -> None:
        self.tasks.submit(
            lambda session: backup_status(session),
            lambda status: self._publish(replace(self.state, status=status)),
            lambda error: logger.warning("cannot read the backup status: %s", error),
            owner=self,
        )

    def _publish(self, state: BackupState) -> None:
        self.state = state
        self.state_changed.emit(state)

    # --- at closing ----------------------------------------------------------------------
    def wait(self, seconds: float = 600) -> None:
        """Let a backup under way finish (the window is already closed)."""
        self._thread_done.wait(seconds)

    def close_backup(self) -> BackupResult | None:
        """The closing backup, on the calling thread (the window is closed by then)."""
        self._retry.stop()
        self.wait()
        if not self.automatic:
            return None
        folder = None if self.uses_default_folder else self.folder
        try:
            return backup_now(self.database, self.actor, "close", folder=folder)
        except DeskError as error:
            logger.warning("the closing backup failed: %s", error)
            return None


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def when_text(moment: datetime, center_time: CenterTime) -> str:
    """ "today 09:02", "yesterday 17:00", or "2026-11-25 09:02", on the center's clock."""
    days = (center_time.today() - center_time.day(moment)).days
    clock = center_time.time_text(moment)
    if days == 0:
        return fill(_tr("today %1"), clock)
    if days == 1:
        return fill(_tr("yesterday %1"), clock)
    return center_time.datetime_text(moment)


def describe_state(
    state: BackupState, center_time: CenterTime, *, warn: bool = True
) -> tuple[str, str]:
    """The status bar's words about backups, and a level: "ok", "warning" or "error". An
    overdue backup is a warning only for those who can act on it (`warn`: admins)."""
    if state.running is not None:
        return _tr("Backing up…"), "ok"
    if state.failure is not None:
        text = fill(_tr("Backup failed: %1"), worded(state.failure)[0])
        if state.retry_at is not None:
            text += " " + fill(_tr("Trying again at %1."), center_time.time_text(state.retry_at))
        return text, "error"
    status = state.status
    if status is None:
        return "", "ok"
    if not state.automatic and status.last_good_at is None:
        return "", "ok"  # PostgreSQL (backed up on its server) or the demo
    level = "warning" if status.overdue and warn else "ok"
    if status.last_good_at is None:
        return _tr("No backup yet"), level
    text = fill(_tr("Last backup: %1"), when_text(status.last_good_at, center_time))
    return text, level

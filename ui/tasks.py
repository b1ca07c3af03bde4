"""Database work off the GUI thread; results come back to the GUI thread by signal.

Each task runs one function in one transaction (`database.transaction()`), on a small thread
pool. Expected failures (a DeskError, or a database that went away) go to the task's
`on_error`; anything else is a bug and goes to the unexpected-error handler, and the task's
`on_error` then gets an UnexpectedFailure, so the screen that asked is never left waiting. Tests use
`ImmediateTaskRunner`, which runs each task at once on the calling thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from shiboken6 import Shiboken
from sqlalchemy.orm import Session

from desk.access import AccountInactive
from desk.db.engine import Database
from desk.db.failures import explain_database_error
from desk.errors import DatabaseUnavailable, DeskError, UnexpectedFailure

logger = logging.getLogger(__name__)

Work = Callable[[Session], Any]
Done = Callable[[Any], None]
Failed = Callable[[DeskError], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the GUI thread receives."""

    done = Signal(object)
    failed = Signal(object)
    crashed = Signal(object)


class _DatabaseTask(QRunnable):
    def __init__(self, database: Database, work: Work, relay: _Relay) -> None:
        super().__init__()
        self._database = database
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            with self._database.transaction() as session:
                result = self._work(session)
        except Exception as exc:  # sorted into expected failures and bugs below
            explained = explain_database_error(exc)
            if explained is not None:
                self._relay.failed.emit(explained)
            else:
                self._relay.crashed.emit(exc)
            return
        self._relay.done.emit(result)


class TaskRunner(QObject):
    """Runs database work in the background and reports on the GUI thread."""

    database_unavailable = Signal(object)  # a DatabaseUnavailable
    database_available = Signal()
    refused_account = Signal(object)  # an AccountInactive: the signed-in account was switched off

    def __init__(
        self,
        database: Database,
        on_crash: Callable[[BaseException], None],
        parent: QObject | None = None,
        *,
        threads: int = 2,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._on_crash = on_crash
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()
        self._unavailable = False
        self._backlog: list[Work] = []  # records of things done, kept until the database is back

    def submit(
        self,
        work: Work,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run `work` in the background. With `owner` (the widget asking), an answer that
        arrives once the owner is deleted (a window closed before its data came) is dropped."""
        relay = _Relay(self)
        self._relays.add(relay)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()

        def wanted() -> bool:
            return owner is None or Shiboken.isValid(owner)

        def done(result: Any) -> None:
            finish()
            self._mark_available()
            if on_done is not None and wanted():
                on_done(result)

        def failed(error: DeskError) -> None:
            finish()
            if isinstance(error, DatabaseUnavailable):
                self._unavailable = True
                self.database_unavailable.emit(error)
            else:
                self._mark_available()
            if on_error is not None and wanted():
                on_error(error)
            if isinstance(error, AccountInactive):
                self.refused_account.emit(error)

        def crashed(exc: BaseException) -> None:
            finish()
            self._on_crash(exc)
            if on_error is not None and wanted():
                on_error(UnexpectedFailure())

        relay.done.connect(done)
        relay.failed.connect(failed)
        relay.crashed.connect(crashed)
        self._start(_DatabaseTask(self.database, work, relay))

    def submit_record(
        self,
        work: Work,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Like `submit`, for the record of something already done (a sheet printed, a print
        that failed): when the database cannot be reached, `work` is kept and written as soon
        as it is back, and `on_error` hears that it will be."""

        def failed(error: DeskError) -> None:
            if isinstance(error, DatabaseUnavailable):
                self._backlog.append(work)
                logger.warning("kept a record to write when the database is back: %s", error)
                error = DatabaseUnavailable(
                    error.message,
                    hint="What was done is kept, and is recorded as soon as the database is "
                    "back (keep Recovery Desk open until then).",
                )
            if on_error is not None:
                on_error(error)

        self.submit(work, on_done, failed, owner=owner)

    @property
    def records_waiting(self) -> int:
        return len(self._backlog)

    def _start(self, task: _DatabaseTask) -> None:
        self._pool.start(task)

    def _mark_available(self) -> None:
        if self._unavailable:
            self._unavailable = False
            self.database_available.emit()
            waiting, self._backlog = self._backlog, []
            for work in waiting:  # kept again if the database goes away once more
                self.submit_record(work)

    @Slot()
    def wait_for_done(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


class ImmediateTaskRunner(TaskRunner):
    """Runs each task at once on the calling thread: for tests."""

    def _start(self, task: _DatabaseTask) -> None:
        task.run()

"""Database work off the GUI thread; results come back to the GUI thread by signal.

Each task runs one function in one transaction (`database.transaction()`), on a small thread
pool. Expected failures (a DeskError, or a database that went away) go to the task's
`on_error`; anything else is a bug and goes to the unexpected-error handler, and the task's
`on_error` then gets an UnexpectedFailure, so the screen that asked is never left waiting. Tests use
`ImmediateTaskRunner`, which runs each task at once on the calling thread.

Nothing waits for ever. Every task has a deadline (8 s from when it starts, unless it asks
for more): past it, the screen that asked is told the database has not answered (its form
stays as it was), the banner says so, and the pool takes on one more thread so that other
work does not queue behind the stuck task. An answer that comes after that is logged and
dropped (a save that went through after all is found again by its idempotency key when the
form is saved again). Reads that the desk needs at every keystroke (the lookup, the queue)
run on a pool of their own, so one write stuck behind a lock never holds them up.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from shiboken6 import Shiboken
from sqlalchemy.orm import Session

from desk.access import AccountInactive
from desk.db.engine import Database
from desk.db.failures import explain_database_error
from desk.errors import DatabaseTooSlow, DatabaseUnavailable, DeskError, UnexpectedFailure
from desk.messages.core import PRINT_RECORD_KEPT_HINT
from desk.print_journal import PrintJournal
from desk.services.print_records import PrintRecord, write_print_record

logger = logging.getLogger(__name__)

Work = Callable[[Session], Any]
Done = Callable[[Any], None]
Failed = Callable[[DeskError], None]

DEFAULT_DEADLINE_S = 8.0  # the banner shows within 10 s of a network freezing
LONG_DEADLINE_S = 300.0  # imports, exports, loading an index over years of records
STANDARD = -1.0  # submit's deadline when none is given: the runner's default_deadline


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the GUI thread receives."""

    started = Signal()
    done = Signal(object)
    failed = Signal(object)
    crashed = Signal(object)


class _DatabaseTask(QRunnable):
    def __init__(
        self,
        database: Database,
        work: Work,
        relay: _Relay,
        after_commit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._database = database
        self._work = work
        self._relay = relay
        self._after_commit = after_commit

    def run(self) -> None:
        self._relay.started.emit()
        try:
            with self._database.transaction() as session:
                result = self._work(session)
            if self._after_commit is not None:
                self._after_commit()
        except Exception as exc:  # sorted into expected failures and bugs below
            explained = explain_database_error(exc)
            if explained is not None:
                self._relay.failed.emit(explained)
            else:
                self._relay.crashed.emit(exc)
            return
        self._relay.done.emit(result)


def not_answered(seconds: float) -> DatabaseTooSlow:
    return DatabaseTooSlow(
        f"The database has not answered for {seconds:g} seconds.",
        hint="What you typed is kept. Try again once the database answers; a save that went "
        "through meanwhile is not made twice.",
    )


class TaskRunner(QObject):
    """Runs database work in the background and reports on the GUI thread."""

    database_unavailable = Signal(object)  # a DatabaseUnavailable
    database_available = Signal()
    refused_account = Signal(object)  # an AccountInactive: the signed-in account was switched off
    journal_problem = Signal(str)  # the print journal could not be read or written

    def __init__(
        self,
        database: Database,
        on_crash: Callable[[BaseException], None],
        parent: QObject | None = None,
        *,
        threads: int = 2,
        read_threads: int = 2,
        journal: PrintJournal | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self._on_crash = on_crash
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._read_pool = QThreadPool(self)
        self._read_pool.setMaxThreadCount(read_threads)
        self._relays: set[_Relay] = set()
        self.default_deadline: float | None = DEFAULT_DEADLINE_S
        self._unavailable = False
        # Records of things done (prints), kept on disk until written: desk/print_journal.py.
        self.journal = journal if journal is not None else PrintJournal(None, database.description)
        self._records_in_flight: set[str] = set()

    def submit(
        self,
        work: Work,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
        deadline: float | None = STANDARD,
        read_only: bool = False,
        after_commit: Callable[[], None] | None = None,
    ) -> None:
        """Run `work` in the background. With `owner` (the widget asking), an answer that
        arrives once the owner is deleted (a window closed before its data came) is dropped.

        `deadline`: seconds from the start after which `on_error` hears that the database
        has not answered (None: no deadline). `read_only`: work that writes nothing, run on
        the pool of reads. `after_commit` runs on the worker once the transaction is
        committed, whether or not the deadline has passed."""
        if deadline == STANDARD:
            deadline = self.default_deadline
        relay = _Relay(self)
        self._relays.add(relay)
        pool = self._read_pool if read_only else self._pool
        state = {"answered": False, "expired": False}

        def finish() -> bool:
            """True when the answer is still awaited (the deadline has not passed)."""
            state["answered"] = True
            self._relays.discard(relay)
            relay.deleteLater()
            if state["expired"]:
                pool.setMaxThreadCount(pool.maxThreadCount() - 1)
                return False
            return True

        def wanted() -> bool:
            return owner is None or Shiboken.isValid(owner)

        def started() -> None:
            if deadline is not None and not state["answered"]:
                timer = QTimer(relay)  # goes with the relay once the answer is in
                timer.setSingleShot(True)
                timer.timeout.connect(expire)
                timer.start(int(deadline * 1000))

        def expire() -> None:
            if state["answered"]:
                return
            state["expired"] = True
            # The stuck task keeps its thread; give the others one so nothing queues behind.
            pool.setMaxThreadCount(pool.maxThreadCount() + 1)
            logger.warning("a database task has not answered for %g s", deadline)
            error = not_answered(deadline or 0)
            self._unavailable = True
            self.database_unavailable.emit(error)
            if on_error is not None and wanted():
                on_error(error)

        def done(result: Any) -> None:
            awaited = finish()
            self._mark_available()
            if not awaited:
                logger.info("a database task answered after its deadline; its answer is dropped")
            elif on_done is not None and wanted():
                on_done(result)

        def failed(error: DeskError) -> None:
            awaited = finish()
            if isinstance(error, DatabaseUnavailable):
                self._unavailable = True
                self.database_unavailable.emit(error)
            else:
                self._mark_available()
            if awaited and on_error is not None and wanted():
                on_error(error)
            if isinstance(error, AccountInactive):
                self.refused_account.emit(error)

        def crashed(exc: BaseException) -> None:
            awaited = finish()
            self._on_crash(exc)
            if awaited and on_error is not None and wanted():
                on_error(UnexpectedFailure())

        relay.started.connect(started)
        relay.done.connect(done)
        relay.failed.connect(failed)
        relay.crashed.connect(crashed)
        self._start(_DatabaseTask(self.database, work, relay, after_commit), pool)

    def submit_record(
        self,
        record: PrintRecord,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Write the record of something already done (a sheet printed, a print that failed).

        The record goes into the station's journal first (on disk), and is crossed off once
        its transaction has committed; when the database cannot be reached it stays there and
        is written as soon as the database is back, also after a crash or a restart, and
        `on_error` hears that it will be."""
        try:
            self.journal.add(record)
        except OSError as error:  # the database may still take it; say what was not kept
            logger.error("could not keep a print record in the journal: %s", error)
            self._journal_failed(error)
        self._write_record(record, on_done, on_error, owner)

    def replay_journal(self) -> int:
        """Write every record the journal holds for this database (at start-up, and when the
        database is back); returns how many were sent."""
        try:
            waiting = self.journal.waiting()
        except OSError as error:
            self._journal_failed(error)
            return 0
        for record in waiting:
            self._write_record(record)
        return len(waiting)

    def _write_record(
        self,
        record: PrintRecord,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        owner: QObject | None = None,
    ) -> None:
        if record.key in self._records_in_flight:
            return
        self._records_in_flight.add(record.key)

        def cross_off() -> None:  # on the worker, right after the commit
            try:
                self.journal.remove(record.key)
            except OSError as error:  # written twice later is harmless: the key is unique
                logger.error("could not cross a print record off the journal: %s", error)

        def done(result: Any) -> None:
            self._records_in_flight.discard(record.key)
            if on_done is not None:
                on_done(result)

        def failed(error: DeskError) -> None:
            self._records_in_flight.discard(record.key)
            if isinstance(error, DatabaseUnavailable):
                logger.warning("a print record waits in the journal: %s", error)
                error = DatabaseUnavailable(error.wording, hint=PRINT_RECORD_KEPT_HINT)
            else:  # it can never be written (a bug, a referral gone): not retried for ever
                logger.error("a print record could not be written and is dropped: %s", error)
                cross_off()
            if on_error is not None:
                on_error(error)

        self.submit(
            lambda session: write_print_record(session, record),
            done,
            failed,
            owner=owner,
            after_commit=cross_off,
        )

    def _journal_failed(self, error: OSError) -> None:
        self.journal.problems.append(
            f"A print record could not be kept on this station's disk ({error.strerror or error})."
        )
        self.journal_problem.emit(self.journal.problems[-1])

    @property
    def records_waiting(self) -> int:
        try:
            return len(self.journal)
        except OSError:
            return 0

    def _start(self, task: _DatabaseTask, pool: QThreadPool) -> None:
        pool.start(task)

    def _mark_available(self) -> None:
        if self._unavailable:
            self._unavailable = False
            self.database_available.emit()
            self.replay_journal()  # kept again if the database goes away once more

    @Slot()
    def wait_for_done(self, msecs: int = 30000) -> bool:
        started = time.monotonic()
        writes = self._pool.waitForDone(msecs)
        left = max(0, msecs - int((time.monotonic() - started) * 1000))
        return self._read_pool.waitForDone(left) and writes


class ImmediateTaskRunner(TaskRunner):
    """Runs each task at once on the calling thread: for tests."""

    def _start(self, task: _DatabaseTask, pool: QThreadPool) -> None:
        task.run()

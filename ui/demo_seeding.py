"""The demo's sample data, made by a second process while the window comes up.

Why a process: making the sample center takes longer than the whole start should (a second
or more of Python), and a thread would hold Python's lock while the window is being built.
A process runs on the other core; when it is done, every page is told that anything may
have changed and the people lookup loads, as when another station saves.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, Signal

from desk.db.changes import ANY_TOPIC
from desk.demo.database import DemoDatabase, seed_command_line
from ui.context import AppContext
from ui.words import fill

if TYPE_CHECKING:
    from ui.main_window import MainWindow

logger = logging.getLogger(__name__)
GATE = "demo data"  # what the start gate waits for besides the first paint


class DemoSeeder(QObject):
    finished = Signal(bool)  # True when the sample data is in

    def __init__(self, demo: DemoDatabase, context: AppContext, parent: QObject | None = None):
        super().__init__(parent)
        self._context = context
        self._process = QProcess(self)
        program, *arguments = seed_command_line(demo.url)
        self._process.setProgram(program)
        self._process.setArguments(arguments)
        self._process.finished.connect(self._done)
        self._process.errorOccurred.connect(self._failed_to_start)
        self.running = False

    def start(self) -> None:
        self._context.start_gate.hold(GATE)
        self.running = True
        self._process.start()

    def stop(self) -> None:
        """At close: a seeding still under way is ended (its folder is about to go)."""
        if self._process.state() != QProcess.ProcessState.NotRunning:
            self.running = False  # ended on purpose: nothing to report
            self._process.kill()
            self._process.waitForFinished(5000)

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._finish(False, f"could not start {self._process.program()}")

    def _done(self, exit_code: int, _status: QProcess.ExitStatus) -> None:
        if exit_code == 0:
            self._finish(True, "")
        else:
            errors = bytes(self._process.readAllStandardError().data()).decode(errors="replace")
            self._finish(False, errors.strip()[-2000:])

    def _finish(self, ok: bool, problem: str) -> None:
        if not self.running:
            return
        self.running = False
        if ok:
            logger.info("demo sample data is in")
        else:
            logger.warning("the demo's sample data could not be made: %s", problem)
        self._context.start_gate.release(GATE)
        self._context.changes.changed.emit({ANY_TOPIC})
        self.finished.emit(ok)


def dress_demo_window(
    demo: DemoDatabase, window: MainWindow, seeders: list[DemoSeeder], *, seed: bool
) -> None:
    """A demo's window says whose demo account it is; the first one shown starts making the
    sample data (kept in `seeders`), unless `seed` is false (a restored demo has its own)."""
    window.setWindowTitle(
        fill(
            QCoreApplication.translate(
                "Demo", "Recovery Desk (demo: sample data only): signed in as %1, a demo account"
            ),
            window.context.actor.display_name,
        )
    )
    if seed and not seeders and demo.summary is None:
        seeders.append(_fill_demo(demo, window))


def _fill_demo(demo: DemoDatabase, window: MainWindow) -> DemoSeeder:
    """The sample data, made by a second process while the window comes up; then the demo
    coaches are given the demo password (in the background, like every write)."""
    from desk.demo.accounts import give_coaches_the_demo_password

    seeder = DemoSeeder(demo, window.context, window)
    bar = window.statusBar()
    bar.showMessage(QCoreApplication.translate("Demo", "Filling the demo with sample data…"))

    def say(ok: bool) -> None:
        bar.showMessage(
            QCoreApplication.translate("Demo", "The sample data is in.")
            if ok
            else QCoreApplication.translate(
                "Demo", "The sample data could not be made; the log file says why."
            ),
            8000,
        )

    def finished(ok: bool) -> None:
        if not ok:
            say(False)
            return
        window.context.tasks.submit(
            give_coaches_the_demo_password, lambda _result: say(True), lambda _error: say(False)
        )

    seeder.finished.connect(finished)
    seeder.start()
    return seeder

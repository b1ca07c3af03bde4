"""The demo's sample data, made by a second process while the window comes up.

Why a process: making the sample center takes longer than the whole start should (a second
or more of Python), and a thread would hold Python's lock while the window is being built.
A process runs on the other core; when it is done, every page is told that anything may
have changed and the people lookup loads, as when another station saves.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QProcess, Signal

from desk.db.changes import ANY_TOPIC
from desk.demo.database import DemoDatabase, seed_command_line
from ui.context import AppContext

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

"""Running a station as the door's kiosk: its own window, its own connection to the shared
database (so it keeps working when the desk's station is off), nothing else of the app.

Its sign-ins are commits like the desk's: every desk station's change listener sees them
within about a second. The log says that the kiosk started and stopped, never who came.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desk.db.engine import Database
from desk.demo.database import DemoDatabase
from desk.errors import DeskError
from desk.services.kiosk import kiosk_actor
from ui.change_listener import ChangeListener
from ui.error_words import in_words
from ui.kiosk.window import KioskWindow
from ui.tasks import TaskRunner

logger = logging.getLogger(__name__)


def run_kiosk(
    app: QApplication, database: Database, on_crash, demo: DemoDatabase | None = None
) -> int:
    try:
        with database.session() as session:
            actor = kiosk_actor(session)
    except DeskError as error:
        QMessageBox.critical(
            None, QCoreApplication.translate("Kiosk", "The kiosk cannot start"), in_words(error)
        )
        return 1
    tasks = TaskRunner(database, on_crash)
    window = KioskWindow(tasks, actor, full_screen=True)
    listener = ChangeListener(database)
    listener.changed.connect(window.on_changes)
    listener.start()
    logger.info("kiosk started")
    try:
        window.start()
        code = app.exec()
    finally:
        listener.stop()
        tasks.wait_for_done()
        if demo is not None:
            database.dispose()
            demo.remove()
    logger.info("kiosk closed")
    return code

"""A background thread that tells the app when another station changed the database."""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread, Signal

from desk.db.changes import ANY_TOPIC, ChangeWatcher, open_change_watcher
from desk.db.engine import Database

logger = logging.getLogger(__name__)
RETRY_SECONDS = 3.0


class ChangeListener(QThread):
    """Emits `changed` with the set of topics (or {"*"}) within about a second of a commit."""

    changed = Signal(object)

    def __init__(self, database: Database, parent=None, *, wait_seconds: float = 0.5) -> None:
        super().__init__(parent)
        self._database = database
        self._wait_seconds = wait_seconds
        self._stopping = False

    def stop(self) -> None:
        self._stopping = True
        self.wait(5000)

    def run(self) -> None:
        watcher: ChangeWatcher | None = None
        reconnected = False  # the first connection is not a reconnection
        while not self._stopping:
            try:
                if watcher is None:
                    watcher = open_change_watcher(self._database)
                    if watcher is None:
                        return
                    if reconnected:
                        # What changed while the server was away was never announced to us.
                        self.changed.emit({ANY_TOPIC})
                    reconnected = True
                topics = watcher.wait_for_changes(self._wait_seconds)
            except Exception as exc:  # the server went away: retry quietly, the banner tells
                logger.warning("change listener: %s; retrying", exc)
                if watcher is not None:
                    try:
                        watcher.close()
                    except Exception:
                        logger.debug("closing a broken watcher failed", exc_info=True)
                watcher = None
                self.msleep(int(RETRY_SECONDS * 1000))
                continue
            if topics:
                self.changed.emit(topics)
        if watcher is not None:
            watcher.close()

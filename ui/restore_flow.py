"""Restoring from the app: with the window closed and every connection of this app let go,
the checked backup replaces the database; then the app opens again, on it.

The replacing runs on a thread while a small window says what is happening (a large database
takes some seconds). What happened, restored or refused, is shown on the reopened window's
banner; a refusal (another station has the database open) leaves the database as it was.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog
from sqlalchemy.orm import Session

from desk.backup.restore import CheckedBackup, replace_sqlite_database
from desk.db.engine import Database
from desk.errors import DeskError
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.backups import record_restore
from ui.error_words import in_words
from ui.words import fill

logger = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Restore", text)


@dataclass(frozen=True)
class RestoreOutcome:
    restored: bool
    message: str
    aside: Path | None = None


def replace_with_progress(checked: CheckedBackup, database_path: Path) -> RestoreOutcome:
    """Replace the database at `database_path` by `checked`, showing that it is under way."""
    result: dict[str, object] = {}
    done = threading.Event()

    def work() -> None:
        try:
            result["aside"] = replace_sqlite_database(
                checked, database_path, utc_now().astimezone()
            )
        except DeskError as error:
            result["error"] = error
        except Exception as exc:  # logged with its traceback; the database is left as it was
            logger.exception("restore failed unexpectedly")
            result["error"] = exc
        finally:
            done.set()

    progress = QProgressDialog(_tr("Restoring the backup…"), "", 0, 0)
    progress.setWindowTitle(_tr("Recovery Desk"))
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    progress.show()
    threading.Thread(target=work, name="recovery-desk-restore", daemon=True).start()
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if done.is_set() else None)
    poll.start(50)
    if not done.is_set():
        loop.exec()
    poll.stop()
    progress.close()
    progress.deleteLater()
    checked.discard()
    error = result.get("error")
    if isinstance(error, DeskError):
        return RestoreOutcome(False, in_words(error))
    if error is not None:
        return RestoreOutcome(
            False,
            fill(
                _tr("The restore stopped on an unexpected error; the database is as it was. %1"),
                str(error),
            ),
        )
    aside = result.get("aside")
    assert aside is None or isinstance(aside, Path)
    return RestoreOutcome(True, "", aside)


def record_and_describe(
    database: Database,
    actor_for: Callable[[Session], Actor],
    checked: CheckedBackup,
    outcome: RestoreOutcome,
) -> str:
    """Record the restore in the restored database; the words for the reopened window."""
    made = checked.made_at.strftime("%Y-%m-%d %H:%M") if checked.made_at else checked.source.name
    try:
        with database.transaction() as session:
            record_restore(
                session, actor_for(session), checked.source, checked.made_at, outcome.aside
            )
    except DeskError as error:
        logger.warning("the restore could not be recorded: %s", error)
    text = fill(_tr("Restored the backup made %1."), made)
    if outcome.aside is not None:
        text += " " + fill(_tr("The database it replaced is kept at %1."), str(outcome.aside))
    return text

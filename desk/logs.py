"""The rotating log file in the data folder. Records never include what a person told us."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desk.file_privacy import create_private_file, make_private, make_private_folder

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 5


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Each log file, the first and every one after a rotation, readable by this account only."""

    def _open(self):
        create_private_file(Path(self.baseFilename))
        make_private(Path(self.baseFilename))
        return super()._open()


def configure_logging(log_path: Path, *, level: int = logging.INFO) -> Path | None:
    """Send logging to a rotating file; returns its path, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_recovery_desk", False):
            root.removeHandler(handler)
            handler.close()
    try:
        make_private_folder(log_path.parent.parent)  # the data folder
        make_private_folder(log_path.parent)
        handler: logging.Handler = PrivateRotatingFileHandler(
            log_path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
        log_path = None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._recovery_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return log_path

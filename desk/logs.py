"""The rotating log file in the data folder. Records never include what a person told us."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_BYTES = 1_000_000
BACKUPS = 5


def configure_logging(log_path: Path, *, level: int = logging.INFO) -> Path | None:
    """Send logging to a rotating file; returns its path, or None if it cannot be written."""
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_recovery_desk", False):
            root.removeHandler(handler)
            handler.close()
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler()
        log_path = None
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler._recovery_desk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return log_path

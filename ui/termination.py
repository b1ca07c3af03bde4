"""SIGTERM and Ctrl+C (SIGINT) on the window's thread: the start's gate notes them while the
database opens (ui/start.py), a station closes its windows properly (ui/app.py)."""

from __future__ import annotations

import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


def catch_termination(handler: Callable[[], None], parent: QObject) -> QTimer:
    """Call `handler` when SIGTERM or SIGINT comes (it replaces the handler set before).
    Python runs a signal's handler only between two bytecodes of this thread, and Qt's event
    loop runs none while it waits: the timer returned wakes it now and then (stop it once the
    handler is no longer needed)."""
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_args: handler())
    heartbeat = QTimer(parent)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(200)
    return heartbeat

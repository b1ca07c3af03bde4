"""Noticing a station left alone: no key, click or touch for a while locks it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
    }
)
CHECK_EVERY_MS = 5000
LOCK_KEY = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)


def _is_lock_key(event: QEvent) -> bool:
    assert isinstance(event, QKeyEvent)
    return event.keyCombination() == LOCK_KEY and not event.isAutoRepeat()


class IdleWatcher(QObject):
    """Emits `idle` once after `minutes` without input to any window of the app, while armed,
    and `lock_key` when Ctrl+L is pressed anywhere in the app: in a dialog too, where a
    window's shortcut would be blocked by the dialog.

    The clock is injectable: tests move a fake one forward and call `check()`.
    """

    idle = Signal()
    lock_key = Signal()

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()
        self._seconds = 5 * 60.0
        self._armed = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        self._seconds = max(1.0, float(minutes) * 60.0)

    @property
    def minutes(self) -> float:
        return self._seconds / 60.0

    def arm(self) -> None:
        """Start counting from now (someone has just signed in or unlocked)."""
        self._last_input = self._clock()
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        self._armed = False
        self._timer.stop()

    def touch(self) -> None:
        self._last_input = self._clock()

    def check(self) -> None:
        if self._armed and self._clock() - self._last_input >= self._seconds:
            self.disarm()
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._last_input = self._clock()
            if event.type() == QEvent.Type.KeyPress and _is_lock_key(event):
                self.lock_key.emit()
                return True
        return False

    def stop(self) -> None:
        self.disarm()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

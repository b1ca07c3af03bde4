"""Wait, events flowing, until a window has been drawn once.

Why: a widget made from Python asks Python, the first time Qt calls each of its overridable
methods (painting, events, sizes), whether Python overrides it; each such question needs
Python's lock. While a thread is busy in Python (the start's database code loading), each
one waits for the lock, and a first paint asks hundreds of them: the window mapped but blank,
and the first key typed into it, waited a tenth of a second. Started once the window has been
drawn, the thread finds those questions asked and answered.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, loop: QEventLoop) -> None:
        super().__init__()
        self._loop = loop

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The rest of this paint (the window's children) and its flush come first.
            QTimer.singleShot(0, self._loop.quit)
        return False


def wait_for_first_paint(window: QWidget, limit_ms: int = 500) -> None:
    """Return once `window` (shown) has been painted, or after `limit_ms` if it is not (a
    minimised or hidden window is never painted)."""
    loop = QEventLoop()
    watcher = _FirstPaint(loop)
    window.installEventFilter(watcher)
    QTimer.singleShot(limit_ms, loop.quit)
    loop.exec()
    window.removeEventFilter(watcher)

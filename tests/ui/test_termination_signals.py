"""SIGTERM and Ctrl+C close the app, even when they come before its event loop runs.

The window is shown (and "window shown" logged) just before `app.exec()` starts: a signal
then used to call `quit()` on a loop not yet running, which Qt ignores, and the app ran on.
"""

from __future__ import annotations

import signal

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from ui.app import _close_on_termination_signals


class _Sessions(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.current = window


def test_a_signal_before_the_event_loop_still_closes_the_app(qapp, qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    sessions = _Sessions(window)
    kept = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGINT)}
    # The app ran on: fail, do not hang. Stopped afterwards: left pending, it would end
    # whatever event loop a later test runs five seconds from now.
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.timeout.connect(lambda: qapp.exit(99))
    try:
        _close_on_termination_signals(qapp, sessions)
        signal.getsignal(signal.SIGTERM)(signal.SIGTERM, None)  # before exec(), as in a start
        give_up.start(5000)
        code = qapp.exec()
    finally:
        give_up.stop()
        for number, handler in kept.items():
            signal.signal(number, handler)
        sessions.deleteLater()
    assert code == 0
    assert not window.isVisible()

"""The gate: the window a station shows when nobody may see its records yet.

It holds the sign-in, first-admin, lock and choose-a-password screens. When it locks the
station it covers the main window exactly, stays on top and takes all input (application
modal), so a dialog left open under it cannot be typed in either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ui.staff.screens import ChoosePasswordScreen, FirstAdminScreen, LockScreen, SignInScreen

if TYPE_CHECKING:
    from desk.services.actor import Actor
    from ui.tasks import TaskRunner


class GateWindow(QWidget):
    def __init__(self, tasks: TaskRunner | None, title: str) -> None:
        """`tasks` may come later (attach): the gate is shown at start while the database is
        still being opened (ui/start.py)."""
        super().__init__()
        self.setObjectName("gateWindow")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.center_name = QLabel()
        self.center_name.setObjectName("gateCenterName")
        self.center_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_in = SignInScreen(tasks)
        self.first_admin = FirstAdminScreen(tasks)
        self.lock = LockScreen(tasks)
        self.choose_password = ChoosePasswordScreen(tasks)
        self.stack = QStackedWidget()
        for screen in (self.sign_in, self.first_admin, self.lock, self.choose_password):
            self.stack.addWidget(screen)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.center_name)
        layout.addWidget(self.stack, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.sign_in.back.connect(lambda: self.stack.setCurrentWidget(self.lock))
        self.lock.someone_else.connect(lambda: self.show_sign_in(from_lock=True))

    def attach(self, tasks: TaskRunner) -> None:
        for screen in (self.sign_in, self.first_admin, self.lock, self.choose_password):
            screen.attach(tasks)

    def set_center_name(self, name: str) -> None:
        self.center_name.setText(name)

    def _show(self, screen: QWidget, over: QRect | None = None) -> None:
        self.stack.setCurrentWidget(screen)
        # A stack is as tall as its screens' plain size hints, which know nothing of a
        # wrapped paragraph: give it the height this screen needs at its width, or its fields
        # are squeezed flat.
        layout = screen.layout()
        if layout is not None:
            width = max(screen.width(), screen.sizeHint().width())
            self.stack.setMinimumHeight(layout.totalHeightForWidth(width))
        if over is not None and over.isValid():
            self.setGeometry(over)
        elif not self.isVisible():
            available = self.screen().availableGeometry() if self.screen() else None
            primary = QGuiApplication.primaryScreen()
            geometry = available or (primary.availableGeometry() if primary else None)
            if geometry is not None:
                self.setGeometry(geometry)
        self.show()
        self.raise_()
        self.activateWindow()

    def show_sign_in(self, message: str = "", *, from_lock: bool = False) -> None:
        self._show(self.sign_in)
        self.sign_in.start(message, from_lock=from_lock)

    def show_first_admin(self) -> None:
        self._show(self.first_admin)
        self.first_admin.start()

    def show_lock(self, actor: Actor, over: QRect | None, message: str = "") -> None:
        self._show(self.lock, over)
        self.lock.start(actor, message)

    def show_choose_password(self, actor: Actor, given_password: str) -> None:
        self._show(self.choose_password)
        self.choose_password.start(actor, given_password)

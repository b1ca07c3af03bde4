"""My account: a staff member changes their own password, sets a PIN for their lock screen,
or chooses how their screens look and speak (ui/staff/screens_box.py)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.staff_accounts import change_own_password, set_own_pin
from ui.context import AppContext
from ui.error_words import in_words
from ui.look import apply_style
from ui.staff.screens_box import ScreensBox
from ui.widgets.banner import Banner
from ui.words import fill


def _secret(name: str, accessible: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    return field


class AccountDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(fill(self.tr("My account: %1"), context.actor.display_name))
        self.banner = Banner()

        password_box = QGroupBox(self.tr("Change your password"))
        self.current = _secret("currentPassword", self.tr("Current password"))
        self.new = _secret("newPassword", self.tr("New password"))
        self.again = _secret("newPasswordAgain", self.tr("New password again"))
        self.change_button = QPushButton(self.tr("Change password"))
        self.change_button.clicked.connect(self.change_password)
        form = QFormLayout(password_box)
        form.addRow(self.tr("&Current password"), self.current)
        form.addRow(self.tr("&New password"), self.new)
        form.addRow(self.tr("New password &again"), self.again)
        form.addRow("", self.change_button)

        pin_box = QGroupBox(self.tr("A PIN for your lock screen"))
        pin_hint = QLabel(
            self.tr(
                "4 to 8 digits that unlock your own locked screen, quicker than your "
                "password. A PIN never signs anyone in. Leave it empty to remove yours."
            )
        )
        pin_hint.setWordWrap(True)
        pin_hint.setObjectName("hintLine")
        self.pin_password = _secret("pinPassword", self.tr("Your password, for the PIN"))
        self.pin = _secret("pin", self.tr("PIN"))
        self.pin.setMaxLength(8)
        self.pin_button = QPushButton(self.tr("Save PIN"))
        self.pin_button.clicked.connect(self.save_pin)
        pin_form = QFormLayout(pin_box)
        pin_form.addRow(pin_hint)
        pin_form.addRow(self.tr("Your pass&word"), self.pin_password)
        pin_form.addRow(self.tr("P&IN"), self.pin)
        pin_form.addRow("", self.pin_button)

        self.screens = ScreensBox(context)
        self.screens.saved.connect(self._screens_saved)
        self.screens.failed.connect(self._failed)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # One tab each: the three together are taller than a 768-pixel screen at large text.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("accountTabs")
        self.tabs.addTab(password_box, self.tr("&Password"))
        self.tabs.addTab(pin_box, self.tr("PIN"))
        self.tabs.addTab(self.screens, self.tr("Your &screens"))
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.current.setFocus()

    def _screens_saved(self, chosen) -> None:
        apply_style(
            QApplication.instance(),
            text_scale=chosen.text_scale,
            high_contrast=chosen.high_contrast,
        )
        self.banner.show_message(
            self.tr(
                "Saved. Text size and contrast are changed; the language from your next sign-in."
            ),
            "ok",
        )

    def _failed(self, error: DeskError) -> None:
        self.change_button.setEnabled(True)
        self.pin_button.setEnabled(True)
        self.banner.show_message(in_words(error), "error")

    def change_password(self) -> None:
        actor, current, new = self.context.actor, self.current.text(), self.new.text()
        if new != self.again.text():
            self.banner.show_message(
                self.tr("The two new passwords differ. Type the same one twice."), "error"
            )
            self.again.clear()
            self.again.setFocus()
            return
        self.change_button.setEnabled(False)

        def done(_result: object) -> None:
            self.change_button.setEnabled(True)
            for field in (self.current, self.new, self.again):
                field.clear()
            self.banner.show_message(self.tr("Your password is changed."), "ok")

        self.context.tasks.submit(
            lambda session: change_own_password(session, actor, current, new),
            done,
            self._failed,
            owner=self,
        )

    def save_pin(self) -> None:
        actor, password, pin = self.context.actor, self.pin_password.text(), self.pin.text()
        self.pin_button.setEnabled(False)

        def done(_result: object) -> None:
            self.pin_button.setEnabled(True)
            self.pin_password.clear()
            self.pin.clear()
            self.banner.show_message(
                self.tr("Your PIN is saved.") if pin else self.tr("Your PIN is removed."), "ok"
            )

        self.context.tasks.submit(
            lambda session: set_own_pin(session, actor, password, pin),
            done,
            self._failed,
            owner=self,
        )

"""A staff account, new or changed: name, username, role, and switched on or off.

A new account gets a first password from the admin; its owner chooses their own at their
first sign-in. A forgotten password is reset the same way (Reset password…).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError, ValidationError
from desk.models import StaffRole
from desk.services.staff_accounts import (
    NewStaffAccount,
    StaffAccount,
    create_staff_account,
    reset_password,
    update_staff_account,
)
from ui.context import AppContext
from ui.error_words import in_words
from ui.staff.role_words import role_words
from ui.widgets.banner import Banner
from ui.words import fill

ROLE_HELP = {
    StaffRole.FRONT_DESK: QT_TRANSLATE_NOOP(
        "StaffAccountDialog",
        "Front desk: sign people in, intake, the queue, pairing with a coach, "
        "the directory, referral sheets and handouts.",
    ),
    StaffRole.COACH: QT_TRANSLATE_NOOP(
        "StaffAccountDialog",
        "Coach: all the front desk does, and their own peers' coaching notes, "
        "contacts, goals and BARC-10, referral follow-up, editing the directory.",
    ),
    StaffRole.ADMIN: QT_TRANSLATE_NOOP(
        "StaffAccountDialog",
        "Admin: everything, including staff accounts, Center settings, imports "
        "and exports, merging records and the activity log.",
    ),
}


class StaffAccountDialog(QDialog):
    """`account` None: a new account."""

    def __init__(
        self, context: AppContext, account: StaffAccount | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.account = account
        self.saved: StaffAccount | None = None
        self.setWindowTitle(
            self.tr("New staff account")
            if account is None
            else fill(self.tr("Staff account: %1"), account.display_name)
        )
        self.setMinimumWidth(560)
        self.banner = Banner()
        self.name = QLineEdit(account.display_name if account else "")
        self.name.setObjectName("staffName")
        self.name.setAccessibleName(self.tr("Name"))
        self.login = QLineEdit(account.login if account else "")
        self.login.setObjectName("staffLoginField")
        self.login.setAccessibleName(self.tr("Username"))
        self.login.setEnabled(account is None)  # the history names the username it had
        self.role = QComboBox()
        self.role.setObjectName("staffRole")
        self.role.setAccessibleName(self.tr("Role"))
        for role in (StaffRole.FRONT_DESK, StaffRole.COACH, StaffRole.ADMIN):
            self.role.addItem(role_words(role).capitalize(), role)
        self.role.setCurrentIndex(
            self.role.findData(account.role if account else StaffRole.FRONT_DESK)
        )
        self.role_help = QLabel()
        self.role_help.setWordWrap(True)
        self.role_help.setObjectName("hintLine")
        self.role.currentIndexChanged.connect(self._explain_role)
        self.password = QLineEdit()
        self.password.setObjectName("firstPassword")
        self.password.setAccessibleName(self.tr("First password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        self.active = QCheckBox(self.tr("Can sign in (switch off when someone leaves)"))
        self.active.setObjectName("staffActive")
        self.active.setChecked(account.active if account else True)
        self.all_notes = QCheckBox(self.tr("May read every caseload's coaching notes"))
        self.all_notes.setObjectName("staffAllNotes")
        self.all_notes.setChecked(bool(account and account.sees_all_coaching_notes))

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Username"), self.login)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow("", self.role_help)
        if account is None:
            hint = QLabel(self.tr("They choose their own password when they first sign in."))
            hint.setObjectName("hintLine")
            form.addRow(self.tr("First &password"), self.password)
            form.addRow("", hint)
        else:
            form.addRow("", self.active)
        form.addRow("", self.all_notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._explain_role()
        self.name.setFocus()

    def _explain_role(self) -> None:
        role = self.role.currentData()
        self.role_help.setText(self.tr(ROLE_HELP[role]))
        self.all_notes.setVisible(role is StaffRole.COACH)

    def save(self) -> None:
        actor, account = self.context.actor, self.account
        role: StaffRole = self.role.currentData()
        name, login, password = self.name.text(), self.login.text(), self.password.text()
        active, all_notes = self.active.isChecked(), self.all_notes.isChecked()
        all_notes = all_notes and role is StaffRole.COACH
        self.save_button.setEnabled(False)
        if account is None:

            def work(session):
                made = create_staff_account(
                    session, actor, NewStaffAccount(name, login, role, password)
                )
                if all_notes:
                    made = update_staff_account(
                        session,
                        actor,
                        made.id,
                        made.version,
                        display_name=made.display_name,
                        role=role,
                        active=True,
                        sees_all_coaching_notes=True,
                    )
                return made

        else:

            def work(session):
                return update_staff_account(
                    session,
                    actor,
                    account.id,
                    account.version,
                    display_name=name,
                    role=role,
                    active=active,
                    sees_all_coaching_notes=all_notes,
                )

        self.context.tasks.submit(work, self._saved, self._failed, owner=self)

    def _saved(self, account: StaffAccount) -> None:
        self.saved = account
        self.accept()

    def _failed(self, error: DeskError) -> None:
        self.save_button.setEnabled(True)
        self.banner.show_message(in_words(error), "error")
        fields = {"display_name": self.name, "login": self.login, "password": self.password}
        if isinstance(error, ValidationError):
            for name in error.fields:
                if name in fields:
                    fields[name].setProperty("invalid", True)
                    fields[name].style().polish(fields[name])
            if error.field in fields:
                fields[error.field].setFocus()


class ResetPasswordDialog(QDialog):
    """A new first password for a staff member who forgot theirs (it also ends a lock)."""

    def __init__(self, context: AppContext, account: StaffAccount, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.account = account
        self.saved: StaffAccount | None = None
        self.setWindowTitle(fill(self.tr("Reset %1's password"), account.display_name))
        self.banner = Banner()
        intro = QLabel(
            fill(
                self.tr(
                    "Give %1 a new password, and tell it to them in person. They choose their own "
                    "at their next sign-in."
                ),
                account.display_name,
            )
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("resetPassword")
        self.password.setAccessibleName(self.tr("New password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        form = QFormLayout()
        form.addRow(self.tr("New &password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        actor, staff_id, password = self.context.actor, self.account.id, self.password.text()
        self.save_button.setEnabled(False)

        def failed(error: DeskError) -> None:
            self.save_button.setEnabled(True)
            self.banner.show_message(in_words(error), "error")

        def saved(account: StaffAccount) -> None:
            self.saved = account
            self.accept()

        self.context.tasks.submit(
            lambda session: reset_password(session, actor, staff_id, password),
            saved,
            failed,
            owner=self,
        )

"""The Staff page (admins): every staff account, its role and whether it can sign in."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission
from desk.db.changes import ANY_TOPIC, Topic
from desk.errors import DeskError
from desk.services.staff_accounts import StaffAccount, list_staff_accounts
from ui.context import AppContext
from ui.error_words import in_words
from ui.models.staff_table import StaffTableModel
from ui.pages.staff.account_dialog import ResetPasswordDialog, StaffAccountDialog
from ui.widgets.banner import Banner
from ui.widgets.keys import bind_key
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.widgets.row_table_view import row_table_view
from ui.words import fill


class StaffPage(Page):
    page_id = "staff"
    required_permission = Permission.MANAGE_STAFF

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Staff"))
        self.banner = Banner()
        heading = QLabel(self.tr("Staff accounts"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr(
                "Everyone who works at the desk signs in as themselves. Their role decides "
                "what they may do; switch an account off when someone leaves (their history "
                "keeps their name). Coaches' languages and hours are on the Coaches page."
            )
        )
        intro.setWordWrap(True)
        self.model = StaffTableModel(context.center_time, self)
        self.table = row_table_view(self.model, "staffTable", stretch=StaffTableModel.NAME)
        self.table.setAccessibleName(self.tr("Staff accounts"))
        self.new_button = QPushButton(self.tr("New account… (Ctrl+N)"))
        self.edit_button = QPushButton(self.tr("Change… (Enter)"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.new_button.clicked.connect(self.new_account)
        self.edit_button.clicked.connect(self.edit_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.table.doubleClicked.connect(lambda _index: self.edit_account())
        self.table.activated.connect(lambda _index: self.edit_account())
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_account)
        bind_key(self, "Ctrl+Shift+R", self.tr("Reset a password"), self.reset_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        context.changes.changed.connect(self._on_changes)

    def activate(self) -> None:
        self.refresh()

    def _on_changes(self, topics: set[str]) -> None:
        if topics & {Topic.STAFF, Topic.COACHING, ANY_TOPIC} and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: list_staff_accounts(session, actor),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, accounts: list[StaffAccount], select_id: int | None = None) -> None:
        chosen = self.chosen()
        keep = select_id if select_id is not None else (chosen.id if chosen else None)
        self.model.set_records(accounts)
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(max(row, 0))

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")

    def chosen(self) -> StaffAccount | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def new_account(self) -> None:
        dialog = StaffAccountDialog(self.context, None, self)
        if run_modal(dialog) and dialog.saved is not None:
            self.banner.show_message(
                fill(
                    self.tr("%1 can now sign in as %2."),
                    dialog.saved.display_name,
                    dialog.saved.login,
                ),
                "ok",
            )
            self.refresh()

    def edit_account(self) -> None:
        account = self.chosen()
        if account is None:
            return
        dialog = StaffAccountDialog(self.context, account, self)
        if run_modal(dialog) and dialog.saved is not None:
            self.banner.show_message(
                fill(self.tr("%1's account is saved."), dialog.saved.display_name), "ok"
            )
            self.refresh()

    def reset_password(self) -> None:
        account = self.chosen()
        if account is None:
            return
        dialog = ResetPasswordDialog(self.context, account, self)
        if run_modal(dialog) and dialog.saved is not None:
            self.banner.show_message(
                fill(
                    self.tr("%1's password is reset; they choose their own at their next sign-in."),
                    dialog.saved.display_name,
                ),
                "ok",
            )
            self.refresh()

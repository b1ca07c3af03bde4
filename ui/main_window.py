"""The main window: navigation between the pages that work, and a status bar."""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.access import ROLE_WORDS, Permission
from desk.errors import DatabaseLoginRefused, DeskError
from ui.backups import BackupState, describe_state
from ui.context import AppContext
from ui.staff.account_dialog import AccountDialog
from ui.widgets.banner import Banner
from ui.widgets.modal import run_modal
from ui.widgets.page import Page

logger = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"


class MainWindow(QMainWindow):
    """One signed-in staff member's window: the pages their role may use."""

    lock_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, context: AppContext, pages: list[Page]) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Recovery Desk"))
        self.pages = pages

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        self.stack = QStackedWidget()
        for index, page in enumerate(pages):
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.page_id)
            item.setToolTip(f"{page.title} (Alt+{index + 1})")
            self.navigation.addItem(item)
            self.stack.addWidget(page)
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Alt+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_page(i))
            self.addAction(action)
        self.navigation.currentRowChanged.connect(self._on_navigate)

        self.banner = Banner()
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.navigation)
        row.addWidget(content, 1)
        self.setCentralWidget(central)

        self.database_label = QLabel(
            self.tr("Database: %1").replace("%1", context.database.description)
        )
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setToolTip(self.database_label.text())
        # A long path must not widen the window: the label gives way, the tooltip has it all.
        self.database_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actor = context.actor
        self.actor_label = QLabel(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", actor.display_name)
            .replace("%2", self.tr(ROLE_WORDS[actor.role]))
        )
        self.actor_label.setObjectName("signedInLabel")
        self.account_button = QPushButton(self.tr("Account…"))
        self.account_button.setObjectName("accountButton")
        self.account_button.setToolTip(self.tr("Change your password, or set a PIN to unlock"))
        self.account_button.clicked.connect(self.open_account)
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setToolTip(self.tr("Hide everything until you come back (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button = QPushButton(self.tr("Sign out"))
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        self.statusBar().addWidget(self.database_label, 1)
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupLabel")
        for widget in (
            self.backup_label,
            self.actor_label,
            self.account_button,
            self.lock_button,
            self.sign_out_button,
        ):
            self.statusBar().addPermanentWidget(widget)
        self.restore_request: object | None = None  # a CheckedBackup, once one is confirmed
        self._warned_overdue = False
        if context.backups is not None:
            context.backups.state_changed.connect(self._show_backup_state)
            self._show_backup_state(context.backups.state)
        context.navigator.restore_requested.connect(self._close_for_restore)

        context.navigator.open_person.connect(self._show_people_page)
        context.navigator.show_page.connect(self._show_page_by_id)
        context.tasks.database_unavailable.connect(self._on_database_unavailable)
        context.tasks.database_available.connect(self._on_database_available)
        context.tasks.journal_problem.connect(self._on_journal_problem)
        for problem in context.tasks.journal.problems:  # found when it was read at start
            self._on_journal_problem(problem)
        self._restore_geometry()

    def show_page(self, index_or_id: int | str) -> Page:
        index = index_or_id
        if isinstance(index_or_id, str):
            index = next(i for i, page in enumerate(self.pages) if page.page_id == index_or_id)
        self.navigation.setCurrentRow(int(index))
        return self.pages[int(index)]

    def _show_people_page(self, _person_id: int) -> None:
        if any(page.page_id == "people" for page in self.pages):
            self.show_page("people")

    def _show_page_by_id(self, page_id: str) -> None:
        if any(page.page_id == page_id for page in self.pages):
            self.show_page(page_id)

    def current_page(self) -> Page:
        return self.pages[self.stack.currentIndex()]

    def _on_navigate(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.pages[row].activate()

    def _on_database_unavailable(self, error: DeskError) -> None:
        if isinstance(error, DatabaseLoginRefused):  # the server is up: it said no
            self.banner.show_message(f"{error.message} {error.hint}", "error")
            return
        self.banner.show_message(
            self.tr(
                "The database cannot be reached right now. %1 Nothing you typed is lost; "
                "save again once it is back."
            ).replace("%1", error.message),
            "error",
        )

    def _on_journal_problem(self, message: str) -> None:
        self.banner.show_message(message, "error")

    def _on_database_available(self) -> None:
        if self.banner.property("level") == "error":
            self.banner.show_message(self.tr("The database is back. You can save again."), "ok")

    def _show_backup_state(self, state: BackupState) -> None:
        admin = self.context.may(Permission.MANAGE_BACKUPS)
        text, level = describe_state(state, self.context.center_time, warn=admin)
        self.backup_label.setText(text)
        self.backup_label.setProperty("level", level)
        self.backup_label.style().unpolish(self.backup_label)
        self.backup_label.style().polish(self.backup_label)
        status = state.status
        # Only where this app makes the backups: PostgreSQL's are the server's business.
        overdue = status is not None and status.overdue and admin
        if overdue and state.automatic and state.running is None:
            # Once per start (Dismiss means dismissed), and never over another message.
            if not self._warned_overdue and self.banner.isHidden():
                self._warned_overdue = True
                self.banner.show_message(
                    self.tr(
                        "No good backup has been made for more than two days. %1 Open Center "
                        "settings, Backups, to see why and to back up now."
                    ).replace("%1", text + "." if text else ""),
                    "warning",
                )
        elif status is not None and not status.overdue and self._warned_overdue:
            self._warned_overdue = False
            if self.banner.property("level") == "warning":
                self.banner.hide()

    def _close_for_restore(self, checked: object) -> None:
        """An admin confirmed a restore: close this window; the app restores the backup and
        opens again on it (ui/app.py)."""
        self.restore_request = checked
        self.close()

    def _restore_geometry(self) -> None:
        settings = self.context.settings
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            screen = self.screen().availableGeometry() if self.screen() else None
            if screen is not None:
                self.setGeometry(screen)  # a first start fills the desk's screen
            else:
                self.resize(1280, 760)
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        self.show_page(0)  # the desk's work starts on the first page, whatever was shown last

    def open_account(self) -> None:
        run_modal(AccountDialog(self.context, self))

    def close_for_sign_out(self) -> None:
        """Close this window for good (its staff member signed out); the app goes on."""
        self.close()
        self.deleteLater()

    def closeEvent(self, event) -> None:
        waiting = self.context.tasks.records_waiting
        if waiting:  # kept on disk (the print journal): written at the next start
            logger.info("closing with %d print record(s) kept in the journal", waiting)
        settings = self.context.settings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.sync()
        super().closeEvent(event)

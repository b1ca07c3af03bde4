"""The main window: navigation between the pages that work, and a status bar.

Pages are built when first opened (or when the station is idle after the first paint), not
before the window appears: building all seven took longer than everything else at start.
A page is given as a PageSpec (its id, title and how to build it) or already built.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission
from desk.errors import DatabaseLoginRefused, DeskError
from ui.backups import BackupState, describe_state
from ui.context import AppContext
from ui.error_words import in_words, worded
from ui.staff.account_dialog import AccountDialog
from ui.staff.role_words import role_words
from ui.widgets.banner import Banner
from ui.widgets.cheat_sheet import CheatSheet
from ui.widgets.elided_label import ElidedLabel
from ui.widgets.keys import Key, keys_of
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.words import fill

logger = logging.getLogger(__name__)

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"
FIRST_PAINT = "first paint"  # held on the start gate by the app until the window is painted
IDLE_BUILD_PAUSE_MS = 40
NAVIGATION_WIDTH = 180
NARROW_NAVIGATION_WIDTH = 150  # below NARROW_WINDOW: the pages need every pixel
NARROW_WINDOW = 1200  # between pages built ahead, so that typing is answered in between


@dataclass(frozen=True)
class PageSpec:
    """A page not built yet: its id and title for the navigation, and how to build it."""

    page_id: str
    title: str
    build: Callable[[], Page]


def page_key(index: int) -> str:
    """The key that opens the page at `index` in the navigation: Alt+1 to Alt+9, then Alt+0
    for the tenth (an admin's Reports), as the digits lie on the keyboard; "" beyond."""
    return f"Alt+{(index + 1) % 10}" if index < 10 else ""


class MainWindow(QMainWindow):
    """One signed-in staff member's window: the pages their role may use."""

    lock_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, context: AppContext, pages: list[PageSpec | Page]) -> None:
        super().__init__()
        self.context = context
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Recovery Desk"))
        self._specs = [
            entry
            if isinstance(entry, PageSpec)
            else PageSpec(entry.page_id, entry.title, lambda page=entry: page)
            for entry in pages
        ]
        self._built: dict[int, Page] = {}

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Pages"))
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(NAVIGATION_WIDTH)
        self.stack = QStackedWidget()
        for index, spec in enumerate(self._specs):
            item = QListWidgetItem(spec.title)
            item.setData(Qt.ItemDataRole.UserRole, spec.page_id)
            key = page_key(index)
            item.setToolTip(f"{spec.title} ({key})" if key else spec.title)
            self.navigation.addItem(item)
            if not isinstance(pages[index], PageSpec):
                self._add_built(index, pages[index])
            if key:
                action = QAction(self)
                action.setShortcut(QKeySequence(key))
                action.triggered.connect(lambda _=False, i=index: self.show_page(i))
                self.addAction(action)
        self.navigation.currentRowChanged.connect(self._on_navigate)
        for keys in ("F1", "Ctrl+/"):
            cheat = QAction(self)
            cheat.setShortcut(QKeySequence(keys))
            cheat.triggered.connect(self.show_keys)
            self.addAction(cheat)

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

        path = context.database.sqlite_path
        self.database_label = ElidedLabel(
            fill(self.tr("Database: SQLite file %1"), str(path))
            if path is not None
            else fill(self.tr("Database: %1"), context.database.description)
        )
        self.database_label.setObjectName("databaseLabel")  # a long path gives way (elided)
        actor = context.actor
        self.actor_label = QLabel(
            fill(self.tr("Signed in: %1 (%2)"), actor.display_name, role_words(actor.role))
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
        context.navigator.start_referral.connect(self._start_referral)
        context.tasks.database_unavailable.connect(self._on_database_unavailable)
        context.tasks.database_available.connect(self._on_database_available)
        context.tasks.journal_problem.connect(self._on_journal_problem)
        for problem in context.tasks.journal.problems:  # found when it was read at start
            self._on_journal_problem(problem)
        self._restore_geometry()

    # -- pages, built when first needed ------------------------------------------------
    def _index_of(self, index_or_id: int | str) -> int:
        if isinstance(index_or_id, int):
            return index_or_id
        return next(i for i, spec in enumerate(self._specs) if spec.page_id == index_or_id)

    @property
    def page_ids(self) -> list[str]:
        """The pages in the navigation, built or not."""
        return [spec.page_id for spec in self._specs]

    def _has_page(self, page_id: str) -> bool:
        return any(spec.page_id == page_id for spec in self._specs)

    def _add_built(self, index: int, page: Page) -> None:
        self._built[index] = page
        self.stack.addWidget(page)

    def page(self, index_or_id: int | str) -> Page:
        """The page, built now if it was not yet (without showing it)."""
        index = self._index_of(index_or_id)
        page = self._built.get(index)
        if page is None:
            page = self._specs[index].build()
            self._add_built(index, page)
        return page

    def is_built(self, index_or_id: int | str) -> bool:
        return self._index_of(index_or_id) in self._built

    def build_pages_when_idle(self) -> None:
        """Build the pages not opened yet, one at a time while nothing else is happening, so
        that opening any of them later is instant; keys typed meanwhile are answered between
        two pages."""
        waiting = [i for i in range(len(self._specs)) if i not in self._built]
        if waiting:
            self.page(waiting[0])
            if len(waiting) > 1:
                QTimer.singleShot(IDLE_BUILD_PAUSE_MS, self.build_pages_when_idle)

    def show_page(self, index_or_id: int | str) -> Page:
        index = self._index_of(index_or_id)
        page = self.page(index)
        self.navigation.setCurrentRow(index)
        return page

    def show_keys(self) -> CheatSheet:
        """The cheat sheet: the keys of the page on screen, then those that work anywhere."""
        index = max(0, self.navigation.currentRow())
        everywhere = [
            Key(key, fill(self.tr("Go to %1"), spec.title))
            for key, spec in ((page_key(n), spec) for n, spec in enumerate(self._specs))
            if key
        ]
        everywhere.append(Key("F1, Ctrl+/", self.tr("This list of keys")))
        sheet = CheatSheet(self._specs[index].title, keys_of(self.page(index)), everywhere, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()
        return sheet

    def _show_people_page(self, person_id: int) -> None:
        if not self._has_page("people"):
            return
        built_now = not self.is_built("people")
        page = self.show_page("people")
        if built_now:  # built by this signal, too late to hear it: pass it on
            page.open_record(person_id)

    def _start_referral(self, person_id: int, name: str) -> None:
        if self._has_page("referrals") and not self.is_built("referrals"):
            self.page("referrals").start_for_person(person_id, name)

    def _show_page_by_id(self, page_id: str) -> None:
        if self._has_page(page_id):
            self.show_page(page_id)

    def current_page(self) -> Page:
        return self.page(max(0, self.navigation.currentRow()))

    def _on_navigate(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(row)
        if self.stack.currentWidget() is not page:
            self.stack.setCurrentWidget(page)
        page.activate()

    def _on_database_unavailable(self, error: DeskError) -> None:
        if isinstance(error, DatabaseLoginRefused):  # the server is up: it said no
            self.banner.show_message(in_words(error), "error")
            return
        self.banner.show_message(
            fill(
                self.tr(
                    "The database cannot be reached right now. %1 Nothing you typed is lost; "
                    "save again once it is back."
                ),
                worded(error)[0],
            ),
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
                    fill(
                        self.tr(
                            "No good backup has been made for more than two days. %1 Open Center "
                            "settings, Backups, to see why and to back up now."
                        ),
                        text + "." if text else "",
                    ),
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

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_navigation()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_navigation()  # a staff member's larger text (ui/look.py)

    def _fit_navigation(self) -> None:
        """The page list as wide as its longest title at the text size in use (at least
        the usual width; a narrow window keeps more room for the pages)."""
        narrow = self.width() < NARROW_WINDOW
        usual = NARROW_NAVIGATION_WIDTH if narrow else NAVIGATION_WIDTH
        metrics = self.navigation.fontMetrics()
        titles = [self.navigation.item(row).text() for row in range(self.navigation.count())]
        needed = max((metrics.horizontalAdvance(title) for title in titles), default=0) + 48
        self.navigation.setFixedWidth(max(usual, min(needed, self.width() // 4)))

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        gate = self.context.start_gate
        if gate.is_held(FIRST_PAINT):
            # After this paint has reached the screen, not inside it.
            QTimer.singleShot(0, lambda: gate.release(FIRST_PAINT))

    def closeEvent(self, event) -> None:
        waiting = self.context.tasks.records_waiting
        if waiting:  # kept on disk (the print journal): written at the next start
            logger.info("closing with %d print record(s) kept in the journal", waiting)
        settings = self.context.settings
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.setValue(STATE_KEY, self.saveState())
        settings.sync()
        super().closeEvent(event)

"""The Backups part of Center settings: when the last good backup was made, this station's
backup folder, the center's backup passphrase, Back up now, and Restore."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission
from desk.db.changes import ANY_TOPIC
from desk.errors import DeskError
from desk.services.backups import BackupPolicy, load_backup_policy
from ui.backups import BackupScheduler, BackupState, describe_state
from ui.context import AppContext
from ui.error_words import in_words
from ui.pages.center_settings.backup_dialogs import PassphraseDialog, RestoreDialog
from ui.widgets.banner import Banner
from ui.widgets.modal import run_modal
from ui.words import fill


class BackupsPanel(QGroupBox):
    def __init__(
        self, context: AppContext, scheduler: BackupScheduler, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Backups"), parent)
        self.context = context
        self.scheduler = scheduler
        self.policy: BackupPolicy | None = None
        self.is_admin = False
        self.banner = Banner()
        self.state_line = QLabel()
        self.state_line.setObjectName("backupState")
        self.state_line.setWordWrap(True)
        self.folder_line = QLabel()
        self.folder_line.setObjectName("backupFolder")
        self.folder_line.setWordWrap(True)
        self.passphrase_line = QLabel()
        self.passphrase_line.setObjectName("backupPassphrase")
        self.passphrase_line.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose folder…"))
        self.default_button = QPushButton(self.tr("Use the default folder"))
        self.passphrase_button = QPushButton(self.tr("Set passphrase…"))
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backUpNow")
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.setObjectName("restoreBackup")
        self.choose_button.clicked.connect(self.choose_folder)
        self.default_button.clicked.connect(lambda: self._use_folder(None))
        self.passphrase_button.clicked.connect(self.set_passphrase)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore)
        self.ask_folder = lambda: QFileDialog.getExistingDirectory(
            self, self.tr("Folder for backups"), str(self.scheduler.folder)
        )

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Status")), 0, 0)
        grid.addWidget(self.state_line, 0, 1)
        grid.addWidget(QLabel(self.tr("Folder (this station)")), 1, 0)
        grid.addWidget(self.folder_line, 1, 1)
        folder_buttons = QHBoxLayout()
        folder_buttons.addWidget(self.choose_button)
        folder_buttons.addWidget(self.default_button)
        folder_buttons.addStretch(1)
        grid.addLayout(folder_buttons, 2, 1)
        grid.addWidget(QLabel(self.tr("Passphrase")), 3, 0)
        grid.addWidget(self.passphrase_line, 3, 1)
        grid.setColumnStretch(1, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.passphrase_button)
        actions.addStretch(1)
        actions.addWidget(self.backup_button)
        actions.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addLayout(actions)

        scheduler.state_changed.connect(self._show_state)
        context.changes.changed.connect(self._on_changes)
        self._show_state(scheduler.state)
        self._show_folder()

    def reload(self) -> None:
        admin = self.context.may(Permission.MANAGE_BACKUPS)

        def load(session) -> tuple[BackupPolicy, bool]:
            return load_backup_policy(session), admin

        self.context.tasks.submit(load, self._show_policy, self._failed, owner=self)
        self.scheduler.refresh_status()

    def _on_changes(self, topics: set[str]) -> None:
        if topics & {"settings", ANY_TOPIC}:
            self.reload()

    def _show_policy(self, answer: tuple[BackupPolicy, bool]) -> None:
        self.policy, self.is_admin = answer
        policy = self.policy
        if policy.key is None:
            text = self.tr(
                "Not set. Backups outside the default folder are encrypted with it, so an "
                "admin sets it before choosing another folder."
            )
        else:
            when = self.context.center_time.datetime_text(policy.key_set_at)
            text = self.tr("Set %1 by %2. Recovery Desk does not keep it: only you do.")
            text = fill(text, when, policy.key_set_by or "?")
        self.passphrase_line.setText(text)
        sqlite = self.context.database.is_sqlite
        self.passphrase_button.setEnabled(self.is_admin)
        self.restore_button.setEnabled(self.is_admin and sqlite)
        self.restore_button.setToolTip(
            ""
            if sqlite
            else self.tr("A PostgreSQL database is restored with pg_restore (see the README).")
        )

    def _show_state(self, state: BackupState) -> None:
        text, level = describe_state(state, self.context.center_time)
        if state.status is not None and state.status.last_good_file and state.failure is None:
            text += f" ({state.status.last_good_file})"
        if not state.automatic and self.context.database.is_postgresql:
            text += " " + self.tr(
                "PostgreSQL is backed up on the server with pg_dump; Back up now runs pg_dump "
                "here if it is installed."
            )
        self.state_line.setText(text or self.tr("Not known yet"))
        self.state_line.setProperty("level", level)
        self.state_line.style().unpolish(self.state_line)
        self.state_line.style().polish(self.state_line)
        self.backup_button.setEnabled(state.running is None)
        if state.failure is not None:
            self.banner.show_message(in_words(state.failure), "error")
        elif self.banner.property("level") == "error":
            self.banner.hide()

    def _show_folder(self) -> None:
        folder = self.scheduler.folder
        if self.scheduler.uses_default_folder:
            text = self.tr("%1 (the default, beside the database; not encrypted)")
        else:
            text = self.tr("%1 (encrypted with the center's backup passphrase)")
        self.folder_line.setText(fill(text, str(folder)))
        self.default_button.setEnabled(not self.scheduler.uses_default_folder)

    def choose_folder(self) -> None:
        name = self.ask_folder()
        if name:
            self._use_folder(Path(name))

    def _use_folder(self, folder: Path | None) -> None:
        if folder is not None and folder.resolve() == self.scheduler.default_folder.resolve():
            folder = None
        if folder is not None and (self.policy is None or self.policy.key is None):
            self.banner.show_message(
                self.tr(
                    "Backups outside the default folder are encrypted: set the backup "
                    "passphrase first (an admin does it), then choose the folder again."
                ),
                "warning",
            )
            return
        self.scheduler.set_folder(folder)
        self._show_folder()
        self.banner.hide()

    def set_passphrase(self) -> None:
        if run_modal(PassphraseDialog(self.context, self)):
            self.banner.show_message(
                self.tr("The backup passphrase is set. Keep it somewhere safe."), "ok"
            )
            self.reload()

    def back_up_now(self) -> None:
        self.scheduler.back_up("manual")

    def restore(self) -> None:
        folders = [self.scheduler.folder]
        if not self.scheduler.uses_default_folder:
            folders.append(self.scheduler.default_folder)
        dialog = RestoreDialog(self.context, folders, self)
        if run_modal(dialog) and dialog.plan is not None:
            self.context.navigator.restore_requested.emit(dialog.plan.checked)

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")

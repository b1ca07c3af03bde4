"""The backup passphrase dialog, and the list of backups an admin restores from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.backup.files import KIND_WORDS, BackupFile, list_backups, parse_backup_name
from desk.backup.restore import CheckedBackup, DatabaseSummary, file_kind, summarise_database
from desk.errors import DeskError, NotABackup, ValidationError, WrongPassphrase
from desk.services.backups import check_backup_for_restore, set_backup_passphrase
from ui.context import AppContext
from ui.error_words import in_words, worded
from ui.models.row_table import RowTableModel
from ui.widgets.banner import Banner
from ui.words import fill


def _wrap(label: QLabel, width: int) -> None:
    """A wrapped label as tall as its text needs at `width` (a dialog does not ask it)."""
    label.setWordWrap(True)
    label.setMinimumWidth(width)
    label.setMinimumHeight(label.heightForWidth(width))


class PassphraseDialog(QDialog):
    """Sets the center's backup passphrase; saves by itself, and closes once saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Backup passphrase"))
        explain = QLabel(
            self.tr(
                "Backups written outside the default folder (a USB drive, a network share) are "
                "encrypted so that a lost drive reveals nothing. Restoring one needs this "
                "passphrase. Recovery Desk does not keep it: write it down and keep it somewhere "
                "safe, away from this computer (a sealed envelope in the office safe, or a "
                "password manager only admins use). A lost passphrase means those backups are "
                "lost: no one can open them, Recovery Desk included.\n\nBackups made before a "
                "change keep needing the passphrase they were made with."
            )
        )
        _wrap(explain, 540)
        self.first = QLineEdit()
        self.first.setObjectName("passphrase")
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = QLineEdit()
        self.second.setObjectName("passphraseAgain")
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase (12 characters or more)"), self.first)
        form.addRow(self.tr("The same again"), self.second)
        self.banner = Banner()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.first.setFocus()

    def save(self) -> None:
        passphrase = self.first.text()
        if passphrase != self.second.text():
            self.banner.show_message(self.tr("The two passphrases differ."), "error")
            self.second.setFocus()
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: set_backup_passphrase(session, actor, passphrase),
            lambda _policy: self.accept(),
            self._failed,
            owner=self,
        )

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, ValidationError):
            self.first.setFocus()


class BackupsTableModel(RowTableModel[BackupFile]):
    MADE, KIND, SIZE, ENCRYPTED, FOLDER = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                self.tr("Made (center time)"),
                self.tr("Kind"),
                self.tr("Size"),
                self.tr("Encrypted"),
                self.tr("Folder"),
            ],
            parent,
        )

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        backup = self.row_at(index.row())
        if backup is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            self.MADE: lambda: backup.made_at.strftime("%Y-%m-%d %H:%M"),
            self.KIND: lambda: self.tr(KIND_WORDS[backup.kind]),
            self.SIZE: lambda: f"{backup.size / 1e6:,.1f} MB",
            self.ENCRYPTED: lambda: self.tr("yes") if backup.encrypted else self.tr("no"),
            self.FOLDER: lambda: str(backup.path.parent),
        }[index.column()]()


@dataclass(frozen=True)
class RestorePlan:
    checked: CheckedBackup
    current: DatabaseSummary | None


def _describe(summary: DatabaseSummary | None) -> str:
    if summary is None:
        return "?"
    return f"{summary.people:,} people, {summary.visits:,} visits"


class RestoreDialog(QDialog):
    """Choose a backup, type its passphrase if it is encrypted, check it, confirm."""

    def __init__(
        self, context: AppContext, folders: list[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.folders = folders
        self.database_path = context.database.sqlite_path
        self.setWindowTitle(self.tr("Restore a backup"))
        explain = QLabel(
            self.tr(
                "Restoring replaces everything in the center's database with the backup. "
                "The database as it is now is kept aside first. Every other station must "
                "close Recovery Desk before you restore."
            )
        )
        _wrap(explain, 780)
        self.banner = Banner()
        self.model = BackupsTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("backupsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupsTableModel.FOLDER, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.other_button = QPushButton(self.tr("Another file…"))
        self.other_button.setAutoDefault(False)
        self.other_button.clicked.connect(self.choose_other_file)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("restorePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("needed only for an encrypted backup"))
        self.passphrase.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Backup passphrase"), self.passphrase)
        self.restore_button = QPushButton(self.tr("Check and restore…"))
        self.restore_button.setObjectName("checkAndRestore")
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.check_selected)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setObjectName("statusLine")
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.resize(900, 520)
        self.plan: RestorePlan | None = None
        self.ask_file = lambda: QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), str(folders[0] if folders else "")
        )[0]
        self.confirm = self._confirm
        self.reload()

    def reload(self) -> None:
        folders = self.folders

        def listed(_session) -> tuple[list[BackupFile], list[str]]:
            found: list[BackupFile] = []
            problems: list[str] = []
            for folder in folders:
                try:
                    found += list_backups(folder)
                except DeskError as error:
                    problems.append(worded(error)[0])
            found.sort(key=lambda backup: backup.made_at, reverse=True)
            return found, problems

        self.context.tasks.submit(listed, self._show_list, self._failed, owner=self)

    def _show_list(self, answer: tuple[list[BackupFile], list[str]]) -> None:
        backups, problems = answer
        self.model.set_rows(backups)
        if problems:
            self.banner.show_message(" ".join(problems), "warning")
        if backups:
            self.table.selectRow(0)
        else:
            self.status.setText(
                fill(
                    self.tr("No backups in %1."), ", ".join(str(folder) for folder in self.folders)
                )
            )

    def selected(self) -> BackupFile | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        backup = self.selected()
        self.restore_button.setEnabled(backup is not None)
        self.passphrase.setEnabled(bool(backup and backup.encrypted))
        if backup is not None and backup.encrypted:
            self.passphrase.setFocus()

    def choose_other_file(self) -> None:
        name = self.ask_file()
        if not name:
            return
        path = Path(name)
        backup = parse_backup_name(path)
        if backup is None:
            try:
                encrypted = file_kind(path) == "encrypted"
                size = path.stat().st_size
            except (DeskError, OSError) as error:
                self.banner.show_message(in_words(error), "error")
                return
            made = datetime.fromtimestamp(path.stat().st_mtime)
            backup = BackupFile(path, made, "manual", "sqlite", encrypted, size)
        self.model.set_rows([backup, *self.model.rows])
        self.table.selectRow(0)

    def check_selected(self) -> None:
        backup = self.selected()
        if backup is None or self.database_path is None:
            return
        passphrase = self.passphrase.text() if backup.encrypted else None
        actor, database_path = self.context.actor, self.database_path
        self.restore_button.setEnabled(False)
        self.banner.hide()
        self.status.setText(self.tr("Checking the backup…"))

        def check(session) -> RestorePlan:
            checked = check_backup_for_restore(
                session, actor, backup.path, passphrase, work_folder=database_path.parent
            )
            return RestorePlan(checked, summarise_database(database_path, check=False))

        self.context.tasks.submit(check, self._checked, self._failed, owner=self)

    def _checked(self, plan: RestorePlan) -> None:
        self.status.setText("")
        self.restore_button.setEnabled(True)
        if not self.confirm(plan):
            plan.checked.discard()
            return
        self.plan = plan
        self.accept()

    def _confirm(self, plan: RestorePlan) -> bool:
        checked = plan.checked
        made = checked.made_at.strftime("%Y-%m-%d %H:%M") if checked.made_at else ""
        text = fill(
            self.tr(
                "This replaces the center's database at %1, which holds %2, with the backup "
                "made %3, which holds %4.\n\nAnything recorded after that backup will no "
                "longer be in the database. The database as it is now is kept beside it "
                "first. Recovery Desk closes and opens again on the restored data."
            ),
            str(self.database_path),
            _describe(plan.current),
            made or checked.source.name,
            _describe(checked.summary),
        )
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Replace the database?"), text, parent=self
        )
        restore = box.addButton(self.tr("Replace and restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore

    def _failed(self, error: DeskError) -> None:
        self.status.setText("")
        self.restore_button.setEnabled(self.selected() is not None)
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, WrongPassphrase) or (
            isinstance(error, NotABackup) and "passphrase" in error.message
        ):
            self.passphrase.setFocus()

"""The visit purposes, as staff configure them: name (and Spanish), counted items, in use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError, ValidationError
from desk.services.purposes import PurposeSetting, all_purposes, move_purpose, save_purpose
from ui.context import AppContext
from ui.error_words import in_words
from ui.models.row_table import RowTableModel
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns
from ui.widgets.keys import bind_key


class PurposesTableModel(RowTableModel[PurposeSetting]):
    KEY, LABEL, SPANISH, COUNTED, IN_USE = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__([], parent)
        self._headers = [
            self.tr("Key"),
            self.tr("Purpose"),
            self.tr("Spanish"),
            self.tr("Counts items"),
            self.tr("In use"),
        ]

    def cell(self, purpose: PurposeSetting, column: int, role: int):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        active = [p for p in self.rows if p.active]
        return {
            self.KEY: lambda: f"Ctrl+{active.index(purpose) + 1}" if purpose.active else "",
            self.LABEL: lambda: purpose.label,
            self.SPANISH: lambda: purpose.label_es or "",
            self.COUNTED: lambda: self.tr("yes") if purpose.counts_items else "",
            self.IN_USE: lambda: self.tr("yes") if purpose.active else self.tr("no"),
        }[column]()


class PurposeDialog(QDialog):
    """Saves by itself: it closes when the save succeeds, and says why when it does not."""

    def __init__(
        self, context: AppContext, purpose: PurposeSetting | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.purpose = purpose
        self.setWindowTitle(self.tr("Visit purpose"))
        self.label = QLineEdit(purpose.label if purpose else "")
        self.label_es = QLineEdit(purpose.label_es or "" if purpose else "")
        self.counts_items = QCheckBox(self.tr("Ask how many (kits, for example)"))
        self.counts_items.setChecked(bool(purpose and purpose.counts_items))
        self.active = QCheckBox(self.tr("In use at the desk"))
        self.active.setChecked(purpose.active if purpose else True)
        form = QFormLayout()
        form.addRow(self.tr("Purpose"), self.label)
        form.addRow(self.tr("In Spanish"), self.label_es)
        form.addRow("", self.counts_items)
        form.addRow("", self.active)
        self.banner = Banner()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        actor, code = self.context.actor, self.purpose.code if self.purpose else None
        read_version = self.purpose.version if self.purpose else None
        label, spanish = self.label.text(), self.label_es.text()
        counts, active = self.counts_items.isChecked(), self.active.isChecked()
        self.context.tasks.submit(
            lambda session: save_purpose(
                session,
                actor,
                code=code,
                label=label,
                label_es=spanish,
                counts_items=counts,
                active=active,
                read_version=read_version,
            ),
            lambda _saved: self.accept(),
            self._failed,
        )

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, ValidationError) and error.field == "label":
            self.label.setFocus()


class PurposesEditor(QGroupBox):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Visit purposes"), parent)
        self.context = context
        self.banner = Banner()
        self.model = PurposesTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("purposesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=PurposesTableModel.LABEL)
        self.table.setMinimumHeight(200)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        for keys, what, button in (
            ("Ctrl+Shift+N", self.tr("Add a purpose"), self.add_button),
            ("Ctrl+Shift+E", self.tr("Edit the chosen purpose"), self.edit_button),
            ("Ctrl+Up", self.tr("Move the chosen purpose up"), self.up_button),
            ("Ctrl+Down", self.tr("Move the chosen purpose down"), self.down_button),
        ):
            bind_key(self, keys, what, button)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def reload(self) -> None:
        self.context.tasks.submit(all_purposes, self.model.set_rows, self._failed)

    def selected(self) -> PurposeSetting | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        self._edit(None)

    def edit(self) -> None:
        purpose = self.selected()
        if purpose is not None:
            self._edit(purpose)

    def _edit(self, purpose: PurposeSetting | None) -> None:
        if PurposeDialog(self.context, purpose, self).exec():
            self.reload()

    def move(self, offset: int) -> None:
        purpose = self.selected()
        if purpose is None:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: move_purpose(session, actor, purpose.code, offset),
            lambda _none: self.reload(),
            self._failed,
        )

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")

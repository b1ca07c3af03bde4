"""The Activity page: who saw or changed what, newest first, filterable, refreshed live."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk.errors import DeskError
from desk.services.audit import AuditEntry, list_events
from ui.context import AppContext
from ui.models.audit_table import AuditTableModel
from ui.widgets.banner import Banner
from ui.widgets.column_fit import fit_columns
from ui.widgets.keys import bind_key
from ui.widgets.page import Page

PAGE_SIZE = 200


class ActivityPage(Page):
    page_id = "activity"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = Banner()
        heading = QLabel(self.tr("Activity"))
        heading.setObjectName("pageHeading")
        intro = QLabel(self.tr("Every record opened, change, print and export, newest first."))
        self.kind = QComboBox()
        self.kind.setObjectName("activityFilter")
        for label, prefixes in (
            (self.tr("Everything"), ()),
            (self.tr("Records opened"), ("person.viewed",)),
            (self.tr("People"), ("person.",)),
            (self.tr("Visits"), ("visit.",)),
            (self.tr("Settings"), ("settings.",)),
            (self.tr("Prints and exports"), ("print.", "export.")),
        ):
            self.kind.addItem(label, list(prefixes))
        self.kind.currentIndexChanged.connect(self.refresh)
        self.more_button = QPushButton(self.tr("Show older"))
        self.more_button.clicked.connect(self.load_more)
        bind_key(self, "Ctrl+Shift+O", self.tr("Show older entries"), self.more_button)
        self.model = AuditTableModel(self, context.center_time)
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        fit_columns(self.table, stretch=AuditTableModel.ACTION)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        filters.addWidget(self.kind)
        filters.addStretch(1)
        filters.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.banner)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        context.changes.changed.connect(self._on_changes)

    @property
    def title(self) -> str:
        return self.tr("Activity")

    def activate(self) -> None:
        self.refresh()

    def _query(self, before_id: int | None):
        prefixes = tuple(self.kind.currentData() or ())
        actor = self.context.actor
        return lambda session: list_events(
            session, actor, action_prefixes=prefixes, before_id=before_id, limit=PAGE_SIZE
        )

    def refresh(self) -> None:
        self.context.tasks.submit(self._query(None), self._show, self._failed)

    def load_more(self) -> None:
        last = self.model.last_id()
        if last is not None:
            self.context.tasks.submit(self._query(last), self.model.append_entries, self._failed)

    def _show(self, entries: list[AuditEntry]) -> None:
        self.banner.hide()
        self.model.set_entries(entries)

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(str(error), "error")

    def _on_changes(self, _topics: object) -> None:
        if self.isVisible():
            self.refresh()

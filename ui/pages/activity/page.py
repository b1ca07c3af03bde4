"""The Activity page (admins): who saw or changed what, in words, newest first; filtered by
staff member, kind of act, person and dates; exported to CSV. Opening it is recorded too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission
from desk.atomic_files import write_file_atomically
from desk.audit.entry import AuditEntry
from desk.errors import DeskError
from desk.lookup.person_index import PersonMatch
from desk.names import private_name
from desk.services.audit import (
    export_events_csv,
    list_events,
    record_audit_viewed,
    staff_names,
)
from desk.services.lookup import lookup_people
from ui.context import AppContext
from ui.error_words import in_words
from ui.models.audit_table import AuditTableModel
from ui.pages.activity.filters import ActivityFilters
from ui.widgets.banner import Banner
from ui.widgets.keys import bind_key
from ui.widgets.page import Page
from ui.widgets.row_table_view import row_table_view
from ui.words import fill

PAGE_SIZE = 200


class ActivityPage(Page):
    page_id = "activity"
    required_permission = Permission.READ_AUDIT_LOG

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.banner = Banner()
        heading = QLabel(self.tr("Activity"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr(
                "Every record opened, change, sign-in, print and export, newest first. The log "
                "can only grow: nothing in it can be changed or deleted from the app."
            )
        )
        intro.setWordWrap(True)
        self.filters = ActivityFilters()
        self.filters.changed.connect(self.refresh)
        self.filters.person_named.connect(self._find_person)
        self.kind = self.filters.kind  # the kind of act, for tests and shortcuts
        self.more_button = QPushButton(self.tr("Show older"))
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("Export to CSV…"))
        self.export_button.setObjectName("exportActivity")
        self.export_button.clicked.connect(self.export_csv)
        bind_key(self, "Ctrl+Shift+O", self.tr("Show older entries"), self.more_button)
        bind_key(self, "Ctrl+Shift+E", self.tr("Export what is shown to CSV"), self.export_button)
        self.model = AuditTableModel(self, context.center_time)
        # When and who whole first; what they did takes the rest (its tooltip says it all).
        self.table = row_table_view(
            self.model,
            "activityTable",
            stretch=AuditTableModel.ACTION,
            first=(AuditTableModel.WHEN, AuditTableModel.WHO, AuditTableModel.ACTION),
        )
        self.table.setAccessibleName(self.tr("Activity log"))

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.banner)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        context.changes.changed.connect(self._on_changes)

    @property
    def title(self) -> str:
        return self.tr("Activity")

    def activate(self) -> None:
        actor = self.context.actor

        def opened(session) -> list[tuple[int, str]]:
            record_audit_viewed(session, actor)
            return staff_names(session, actor)

        self.context.tasks.submit(opened, self.filters.set_staff, self._failed, owner=self)
        self.filters.set_today(self.context.center_time.today())
        self.refresh()

    def _query(self, before_id: int | None):
        where, actor = self.filters.event_filter(), self.context.actor
        return lambda session: list_events(
            session, actor, where, before_id=before_id, limit=PAGE_SIZE
        )

    def refresh(self) -> None:
        self.context.tasks.submit(self._query(None), self._show, self._failed, owner=self)

    def load_more(self) -> None:
        last = self.model.last_id()
        if last is not None:
            self.context.tasks.submit(
                self._query(last), self.model.append_entries, self._failed, owner=self
            )

    def _show(self, entries: list[AuditEntry]) -> None:
        self.banner.hide()
        self.model.set_entries(entries)
        self.more_button.setEnabled(len(entries) == PAGE_SIZE)

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")

    def _find_person(self, text: str) -> None:
        actor, index = self.context.actor, self.context.people_index

        def found(matches: list[PersonMatch]) -> None:
            if not matches:
                self.banner.show_message(
                    fill(self.tr("Nobody on file matches “%1”."), text), "warning"
                )
                return
            best = matches[0]
            label = private_name(best.first_name, best.last_name, best.preferred_name)
            self.filters.set_person(best.person_id, label)

        self.context.tasks.submit(
            lambda session: lookup_people(session, actor, index, text, limit=1),
            found,
            self._failed,
            owner=self,
        )

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the activity log"), "activity.csv", self.tr("CSV (*.csv)")
        )
        if not path:
            return
        where, actor = self.filters.event_filter(), self.context.actor

        def saved(count_path: Path) -> None:
            self.banner.show_message(
                fill(self.tr("Saved the activity log to %1."), str(count_path)), "ok"
            )

        def work(session) -> Path:
            data = export_events_csv(session, actor, where)
            target = Path(path)
            write_file_atomically(target, data)
            return target

        self.context.tasks.submit(work, saved, self._failed, owner=self)

    def _on_changes(self, _topics: object) -> None:
        if self.isVisible():
            self.refresh()

"""The Groups page (admins): the center's recurring groups, a date's cancellation or change,
and the handout "This week at the center". Everyone sees today's groups on the Front desk."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from desk.access import Permission
from desk.db.changes import ANY_TOPIC, Topic
from desk.errors import DeskError
from desk.services.groups import GroupRecord, list_groups
from ui.context import AppContext
from ui.error_words import in_words, word
from ui.formatting import time_span_text
from ui.models.groups_table import GroupsTableModel
from ui.pages.groups.date_dialog import GroupDateDialog
from ui.pages.groups.group_dialog import GroupDialog
from ui.pages.groups.week_dialog import WeekHandoutDialog
from ui.widgets.banner import Banner
from ui.widgets.keys import bind_key, note_key
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.widgets.row_table_view import row_table_view
from ui.words import fill


class GroupsPage(Page):
    page_id = "groups"
    required_permission = Permission.MANAGE_GROUPS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Groups"))
        self.banner = Banner()
        heading = QLabel(self.tr("The center's groups"))
        heading.setObjectName("pageHeading")
        intro = QLabel(
            self.tr(
                "Meetings, groups, workshops and open hours that the center runs. The Front "
                "desk shows today's; the week's handout lists them in English or Spanish. "
                "Cancel or change one date with Dates…, not the group itself."
            )
        )
        intro.setWordWrap(True)
        self.model = GroupsTableModel(self)
        self.table = row_table_view(self.model, "groupsTable", stretch=GroupsTableModel.NAME)
        self.table.setAccessibleName(self.tr("The center's groups"))
        header = self.table.horizontalHeader()
        # The name and the rule share what is left (shortened with "…" on a narrow screen).
        header.setSectionResizeMode(GroupsTableModel.WHEN, QHeaderView.ResizeMode.Stretch)
        for column in range(GroupsTableModel.TIME, GroupsTableModel.LANGUAGE + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.new_button = QPushButton(self.tr("New group…"))
        self.new_button.setObjectName("newGroup")
        self.edit_button = QPushButton(self.tr("Change… (Enter)"))
        self.edit_button.setObjectName("editGroup")
        self.dates_button = QPushButton(self.tr("Dates… (cancel or change one)"))
        self.dates_button.setObjectName("groupDates")
        self.week_button = QPushButton(self.tr("Print the week's handout…"))
        self.week_button.setObjectName("weekHandout")
        self.new_button.clicked.connect(self.new_group)
        self.edit_button.clicked.connect(self.edit_group)
        self.dates_button.clicked.connect(self.change_dates)
        self.week_button.clicked.connect(self.print_week)
        self.table.doubleClicked.connect(lambda _index: self.edit_group())
        self.table.activated.connect(lambda _index: self.edit_group())
        for keys, what, target in (
            ("Ctrl+N", self.tr("New group"), self.new_button),
            ("Ctrl+D", self.tr("Cancel or change one of its dates"), self.dates_button),
            ("Ctrl+P", self.tr("Print the week's handout"), self.week_button),
        ):
            bind_key(self, keys, what, target)
        note_key(self, "Return", self.tr("Change the chosen group"))
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.dates_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.week_button)
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
        if topics & {Topic.GROUPS, Topic.STAFF, ANY_TOPIC} and self.isVisible():
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.context.tasks.submit(
            lambda session: list_groups(session),
            lambda groups: self._show(groups, select_id),
            self._failed,
            owner=self,
        )

    def _show(self, groups: list[GroupRecord], select_id: int | None = None) -> None:
        chosen = self.chosen()
        keep = select_id if select_id is not None else (chosen.id if chosen else None)
        self.model.set_records(groups)
        row = self.model.row_of(keep) if keep is not None else -1
        self.table.selectRow(max(row, 0))

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")

    def chosen(self) -> GroupRecord | None:
        index = self.table.currentIndex()
        return self.model.record(index.row()) if index.isValid() else None

    def new_group(self) -> None:
        self._edit(None)

    def edit_group(self) -> None:
        group = self.chosen()
        if group is not None:
            self._edit(group)

    def _edit(self, group: GroupRecord | None) -> None:
        dialog = GroupDialog(self.context, group, self)
        if run_modal(dialog) and dialog.saved is not None:
            self.group_saved(dialog.saved)

    def group_saved(self, saved: GroupRecord) -> None:
        self.banner.show_message(
            fill(
                self.tr("“%1” is saved: %2, %3."),
                saved.name,
                word(saved.rule_words),
                time_span_text(saved.details.starts_at, saved.details.ends_at),
            ),
            "ok",
        )
        self.refresh(saved.id)

    def change_dates(self) -> None:
        group = self.chosen()
        if group is None:
            return
        dialog = GroupDateDialog(self.context, group, self)
        run_modal(dialog)
        if dialog.message:
            self.banner.show_message(dialog.message, "ok")

    def print_week(self) -> None:
        run_modal(WeekHandoutDialog(self.context, self))

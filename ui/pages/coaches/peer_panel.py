"""A peer's coaching, on their record and from a caseload: their coach and what they asked
for, and the actions (assign or reassign, end, log a contact, add a goal, record a BARC-10),
with the contacts, goals, BARC-10 trend and past coaches in tabs.

Another station's change reloads the panel only while it is on screen; a hidden panel (the
People page behind another page) reloads once, when shown again."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission
from desk.errors import DeskError, StaleEdit
from desk.models import GoalStatus
from desk.names import shown_name
from desk.services.assignments import end_assignment
from desk.services.peer_coaching import PeerCoaching, peer_coaching
from desk.services.recovery_goals import update_goal
from ui.coaching_words import language_name
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import date_text
from ui.models.peer_coaching_tables import (
    AssignmentsTableModel,
    Barc10TableModel,
    ContactsTableModel,
    GoalsTableModel,
)
from ui.pages.coaches.assign_dialog import AssignCoachDialog
from ui.pages.coaches.barc10_dialog import Barc10Dialog
from ui.pages.coaches.contact_dialog import LogContactDialog
from ui.pages.coaches.goal_dialog import GoalDialog, status_combo
from ui.widgets.banner import Banner
from ui.widgets.flow_layout import button_row
from ui.widgets.keys import bind_key
from ui.widgets.modal import run_modal
from ui.widgets.row_table_view import row_table_view
from ui.widgets.trend_chart import TrendChart
from ui.words import fill


class PeerCoachingPanel(QWidget):
    changed = Signal()  # this panel changed the peer's coaching (or their coach wishes)
    loaded = Signal()  # the shown peer's coaching was (re)loaded

    def __init__(
        self, context: AppContext, *, private: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("peerCoachingPanel")
        self.context = context
        self.private = private
        self.person_id: int | None = None
        self.coaching: PeerCoaching | None = None
        self._stale = False  # changed elsewhere while hidden: reload when shown
        self.banner = Banner()
        self.summary = QLabel(self.tr("No one is open."))
        self.summary.setObjectName("coachingSummary")
        self.summary.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("Assign coach…"))
        self.end_button = QPushButton(self.tr("End coaching…"))
        self.contact_button = QPushButton(self.tr("Log contact…"))
        self.goal_button = QPushButton(self.tr("Add goal…"))
        self.barc_button = QPushButton(self.tr("Record BARC-10…"))
        for button in (
            self.assign_button,
            self.end_button,
            self.contact_button,
            self.goal_button,
            self.barc_button,
        ):
            button.setAutoDefault(False)  # Enter in a dialog holding the panel acts on nothing
        # Wraps onto a second line in a narrow record rather than widening it.
        actions = button_row(
            self.assign_button,
            self.end_button,
            self.contact_button,
            self.goal_button,
            self.barc_button,
        )
        for keys, what, button in (
            ("Ctrl+Shift+G", self.tr("Assign a coach"), self.assign_button),
            ("Ctrl+Shift+E", self.tr("End coaching"), self.end_button),
            ("Ctrl+Shift+L", self.tr("Log a contact"), self.contact_button),
            ("Ctrl+Shift+O", self.tr("Add a goal"), self.goal_button),
            ("Ctrl+Shift+B", self.tr("Record a BARC-10"), self.barc_button),
        ):
            bind_key(self, keys, what, button)

        center_time = context.center_time
        self.contacts_model = ContactsTableModel(self, center_time=center_time)
        self.contacts = row_table_view(
            self.contacts_model, "contactsTable", stretch=ContactsTableModel.NOTE
        )
        self.contacts.setAccessibleName(self.tr("Contacts"))
        self.goals_model = GoalsTableModel(self, center_time=center_time)
        self.goals = row_table_view(self.goals_model, "goalsTable", stretch=GoalsTableModel.GOAL)
        self.goals.setAccessibleName(self.tr("Goals"))
        self.goal_status = status_combo()
        self.goal_status.setObjectName("goalStatusChoice")
        self.set_status_button = QPushButton(self.tr("Set status"))
        bind_key(self, "Ctrl+Shift+U", self.tr("Set the goal's status"), self.set_status_button)
        goal_row = QHBoxLayout()
        goal_row.addStretch(1)
        goal_row.addWidget(QLabel(self.tr("Chosen goal:")))
        goal_row.addWidget(self.goal_status)
        goal_row.addWidget(self.set_status_button)
        goals_page = QWidget()
        goals_layout = QVBoxLayout(goals_page)
        goals_layout.addWidget(self.goals)
        goals_layout.addLayout(goal_row)
        self.trend = TrendChart()
        self.trend_words = QLabel()
        self.trend_words.setObjectName("hintLine")
        self.barc_model = Barc10TableModel(self)
        self.barc = row_table_view(
            self.barc_model, "barc10Table", stretch=Barc10TableModel.RECORDED_BY
        )
        self.barc.setAccessibleName(self.tr("BARC-10 scores"))
        barc_page = QWidget()
        barc_layout = QVBoxLayout(barc_page)
        barc_layout.addWidget(self.trend)
        barc_layout.addWidget(self.trend_words)
        barc_layout.addWidget(self.barc)
        self.history_model = AssignmentsTableModel(self, center_time=center_time)
        self.history = row_table_view(
            self.history_model, "coachHistory", stretch=AssignmentsTableModel.WHY_ENDED
        )
        self.history.setAccessibleName(self.tr("Coaches over time"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.contacts, self.tr("Contacts"))
        self.tabs.addTab(goals_page, self.tr("Goals"))
        self.tabs.addTab(barc_page, self.tr("BARC-10"))
        self.tabs.addTab(self.history, self.tr("Coaches over time"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.summary)
        layout.addWidget(actions)
        layout.addWidget(self.tabs, 1)
        self.assign_button.clicked.connect(self.assign)
        self.end_button.clicked.connect(self.end_coaching)
        self.contact_button.clicked.connect(self.log_contact)
        self.goal_button.clicked.connect(self.add_goal)
        self.barc_button.clicked.connect(self.record_barc10)
        self.set_status_button.clicked.connect(self.set_goal_status)
        self.goals.selectionModel().currentRowChanged.connect(self._goal_chosen)
        context.changes.changed.connect(self._on_changes)
        self._enable(False)

    # -- loading ---------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        self.person_id = person_id
        self.banner.hide()
        self._load(audit=True)

    def refresh(self) -> None:
        if self.person_id is not None:
            self._load(audit=False)

    def _on_changes(self, topics) -> None:
        if not topics & {"coaching", "people", "*"}:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _load(self, *, audit: bool) -> None:
        actor, person_id = self.context.actor, self.person_id
        self._stale = False
        self.context.tasks.submit(
            lambda session: peer_coaching(session, actor, person_id, audit=audit),
            self._show,
            self._failed,
            owner=self,
        )

    def _show(self, coaching: PeerCoaching) -> None:
        if coaching.person_id != self.person_id:
            return  # an answer for someone shown before
        self.coaching = coaching
        self.summary.setText(self.summary_text(coaching))
        has_coach = coaching.current is not None
        self.assign_button.setText(self.tr("Reassign…") if has_coach else self.tr("Assign coach…"))
        self._enable(True)
        self.end_button.setEnabled(has_coach)
        self.contact_button.setEnabled(has_coach)
        self.contacts_model.set_records(coaching.contacts)
        self.goals_model.set_records(coaching.goals)
        self.barc_model.set_records(coaching.barc10)
        self.trend.set_trend(coaching.trend)
        self.trend_words.setText(self.trend_text(coaching))
        self.history_model.set_records(
            ([coaching.current] if coaching.current else []) + list(coaching.history)
        )
        self._goal_chosen()
        self._show_notes(coaching.notes_shown)
        self.loaded.emit()

    def _show_notes(self, shown: bool) -> None:
        """Contacts, goals and BARC-10 are for the peer's own coach (and those an admin
        allowed); for everyone else their tabs stay shut and say why."""
        for index in range(3):
            self.tabs.setTabEnabled(index, shown)
        self.tabs.setTabToolTip(
            0, "" if shown else self.tr("Coaching notes are for the peer's own coach.")
        )
        if not shown:
            self.tabs.setCurrentWidget(self.history)
        for button in (self.goal_button, self.barc_button, self.set_status_button):
            button.setVisible(shown)
        self.contact_button.setVisible(self.context.may(Permission.COACHING_RECORDS))

    def _enable(self, enabled: bool) -> None:
        for button in (
            self.assign_button,
            self.end_button,
            self.contact_button,
            self.goal_button,
            self.barc_button,
            self.set_status_button,
        ):
            button.setEnabled(enabled)

    def name(self) -> str:
        c = self.coaching
        if c is None:
            return ""
        return shown_name(c.first_name, c.last_name, c.preferred_name, private=self.private)

    def summary_text(self, coaching: PeerCoaching) -> str:
        if coaching.current is not None:
            text = fill(
                self.tr("Coach: %1, since %2."),
                coaching.current.coach_name,
                self.context.center_time.date_text(coaching.current.started_at),
            )
        elif coaching.waitlisted_at is not None:
            text = fill(
                self.tr("No coach yet: on the waitlist since %1."),
                self.context.center_time.date_text(coaching.waitlisted_at),
            )
        else:
            text = self.tr("No coach yet.")
        wishes = coaching.wishes
        asked = []
        if coaching.wished_coach_name:
            asked.append(coaching.wished_coach_name)
        if wishes.gender:
            asked.append(fill(self.tr("a %1"), wishes.gender))
        if wishes.language:
            asked.append(fill(self.tr("speaks %1"), language_name(wishes.language)))
        if asked:
            text += " " + fill(self.tr("Asked for: %1."), "; ".join(asked))
        return text

    def trend_text(self, coaching: PeerCoaching) -> str:
        trend = coaching.trend
        if trend.latest is None:
            return self.tr("No BARC-10 yet. It is optional: at intake and later, if they wish.")
        text = fill(
            self.tr("Latest total %1 of 60 (%2)."),
            str(trend.latest.total),
            date_text(trend.latest.taken_on),
        )
        if trend.change_since_first is not None:
            text += " " + fill(self.tr("%1 since the first."), f"{trend.change_since_first:+d}")
        return text

    # -- actions ---------------------------------------------------------------------------
    def _done(self, message: str) -> None:
        self.banner.show_message(message, "ok")
        self.refresh()
        self.changed.emit()

    def assign(self) -> None:
        if self.person_id is None:
            return
        dialog = AssignCoachDialog(self.context, self.person_id, private=self.private, parent=self)
        if run_modal(dialog):
            if dialog.assigned is not None:
                self._done(fill(self.tr("Now with %1."), dialog.assigned.coach_name))
            elif dialog.waitlisted:
                self._done(self.tr("On the waitlist."))

    def end_coaching(self) -> None:
        coaching = self.coaching
        if coaching is None or coaching.current is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("End coaching"),
            fill(
                self.tr("Why does %1's coaching with %2 end? (kept in their history)"),
                self.name(),
                coaching.current.coach_name,
            ),
        )
        if not ok:
            return
        actor, assignment_id = self.context.actor, coaching.current.id
        self.context.tasks.submit(
            lambda session: end_assignment(session, actor, assignment_id, reason),
            lambda _none: self._done(self.tr("Coaching ended; it stays in their history.")),
            self._failed,
            owner=self,
        )

    def log_contact(self) -> None:
        if self.person_id is not None:
            dialog = LogContactDialog(
                self.context, self.person_id, self.name(), today=self._today(), parent=self
            )
            if run_modal(dialog):
                self._done(self.tr("Contact logged."))

    def add_goal(self) -> None:
        if self.person_id is not None:
            dialog = GoalDialog(self.context, self.person_id, self.name(), parent=self)
            if run_modal(dialog):
                self._done(self.tr("Goal added."))

    def record_barc10(self) -> None:
        if self.person_id is not None:
            dialog = Barc10Dialog(
                self.context, self.person_id, self.name(), today=self._today(), parent=self
            )
            if run_modal(dialog):
                self._done(self.tr("BARC-10 recorded."))

    def _today(self):
        return self.coaching.today if self.coaching is not None else None

    def _goal_chosen(self, *_args) -> None:
        goal = self.goals_model.record(self.goals.currentIndex().row())
        self.set_status_button.setEnabled(goal is not None)
        if goal is not None:
            self.goal_status.setCurrentIndex(self.goal_status.findData(goal.status.value))

    def set_goal_status(self) -> None:
        goal = self.goals_model.record(self.goals.currentIndex().row())
        if goal is None:
            return
        actor, status = self.context.actor, GoalStatus(self.goal_status.currentData())
        self.context.tasks.submit(
            lambda session: update_goal(session, actor, goal.id, goal.version, status=status),
            lambda _goal: self._done(self.tr("Goal updated.")),
            self._failed,
            owner=self,
        )

    def _failed(self, error: DeskError) -> None:
        self.banner.show_message(in_words(error), "error")
        if isinstance(error, StaleEdit):
            self.refresh()

"""Behaviour of the Coaches page: the roster (admins edit it), who is on duty now, the
caseload chart, each coach's caseload (overdue first) and the waitlist. It refreshes by
itself when another station changes coaching."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desk.access import Permission, role_may
from desk.errors import DeskError
from desk.names import shown_name
from desk.services.caseload import CaseloadBar, CoachCaseload, caseload_chart, coach_caseload
from desk.services.coach_roster import RosterCoach, list_roster
from desk.services.specialty_tags import SpecialtyOption, list_specialty_tags
from desk.services.waitlist import WaitlistRow, open_waitlist, remove_from_waitlist
from ui.context import AppContext
from ui.desk_words import specialty_label
from ui.error_words import in_words
from ui.pages.coaches.assign_dialog import AssignCoachDialog
from ui.pages.coaches.coach_dialog import CoachDialog
from ui.pages.coaches.contact_dialog import LogContactDialog
from ui.pages.coaches.peer_panel import PeerCoachingPanel
from ui.pages.coaches.tags_dialog import SpecialtyTagsDialog
from ui.pages.coaches.view import CoachesView
from ui.widgets.keys import bind_key, set_tip
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.words import fill


@dataclass(frozen=True)
class CoachesSnapshot:
    roster: list[RosterCoach]
    chart: list[CaseloadBar]
    waitlist: list[WaitlistRow]
    tags: list[SpecialtyOption]
    may_manage: bool


def load_snapshot(session, actor) -> CoachesSnapshot:
    return CoachesSnapshot(
        list_roster(session, actor),
        caseload_chart(session, actor),
        open_waitlist(session, actor),
        list_specialty_tags(session, include_inactive=True),
        role_may(actor.role, Permission.MANAGE_STAFF),
    )


class PeerCoachingDialog(QDialog):
    """A peer's coaching, opened from a caseload."""

    def __init__(self, context: AppContext, person_id: int, *, private: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("peerCoachingDialog")
        self.setWindowTitle(self.tr("Coaching"))
        self.panel = PeerCoachingPanel(context, private=private)
        self.heading = QLabel(self.tr("Coaching"))
        self.heading.setObjectName("sectionHeading")
        self.panel.loaded.connect(self._loaded)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(980, 620)
        self.panel.show_person(person_id)

    def _loaded(self) -> None:
        title = fill(self.tr("%1's coaching"), self.panel.name())
        self.heading.setText(title)
        self.setWindowTitle(title)


class CoachesPage(Page):
    page_id = "coaches"
    required_permission = Permission.PAIR_COACHES

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view = CoachesView(context.center_time)
        self.view.caseload_pane.setVisible(context.may(Permission.VIEW_CASELOADS))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.view)
        self.snapshot: CoachesSnapshot | None = None
        self.caseload: CoachCaseload | None = None
        self.coach_id: int | None = None
        self._caseload_logged: int | None = None  # the coach whose caseload was last logged
        view = self.view
        view.roster.selectionModel().currentRowChanged.connect(self._roster_chosen)
        view.roster.doubleClicked.connect(lambda _index: self.edit_coach())
        view.chart.coach_clicked.connect(self.choose_coach)
        view.add_coach_button.clicked.connect(self.add_coach)
        view.edit_coach_button.clicked.connect(self.edit_coach)
        view.tags_button.clicked.connect(self.edit_tags)
        view.contact_button.clicked.connect(self.log_contact)
        view.peer_button.clicked.connect(self.open_peer_coaching)
        view.caseload.doubleClicked.connect(lambda _index: self.open_peer_coaching())
        view.reassign_button.clicked.connect(self.reassign)
        view.open_button.clicked.connect(self.open_record)
        view.assign_waiting_button.clicked.connect(self.assign_waiting)
        view.waitlist.doubleClicked.connect(lambda _index: self.assign_waiting())
        view.remove_waiting_button.clicked.connect(self.remove_waiting)
        for keys, what, button in (
            ("Ctrl+E", self.tr("Open the chosen peer's record"), view.open_button),
            ("Ctrl+Shift+R", self.tr("Reassign the chosen peer"), view.reassign_button),
            ("Ctrl+Shift+B", self.tr("The peer's goals, BARC-10 and contacts"), view.peer_button),
            ("Ctrl+Shift+L", self.tr("Log a contact with the chosen peer"), view.contact_button),
            (
                "Ctrl+Shift+G",
                self.tr("Assign the waiting peer"),
                view.assign_waiting_button,
            ),
            ("Ctrl+Shift+W", self.tr("Remove from the waitlist"), view.remove_waiting_button),
            ("Ctrl+Shift+T", self.tr("Specialty tags"), view.tags_button),
            ("Ctrl+Shift+E", self.tr("Edit the chosen coach"), view.edit_coach_button),
            ("Ctrl+Shift+N", self.tr("Add a coach"), view.add_coach_button),
            ("Ctrl+Shift+P", self.tr("Privacy: full names or initials"), view.privacy),
        ):
            bind_key(self, keys, what, button)
        view.privacy.toggled.connect(self._set_private)
        context.changes.changed.connect(self._on_changes)

    @property
    def title(self) -> str:
        return self.tr("Coaches")

    def activate(self) -> None:
        self._caseload_logged = None  # shown anew: the caseload's opening is logged again
        self.refresh()

    def _on_changes(self, topics) -> None:
        if topics & {"coaching", "people", "visits", "*"} and self.isVisible():
            self.refresh()

    # -- loading ---------------------------------------------------------------------------
    def refresh(self) -> None:
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: load_snapshot(session, actor), self._show_snapshot, self._failed
        )

    def _show_snapshot(self, snapshot: CoachesSnapshot) -> None:
        self.snapshot = snapshot
        view = self.view
        labels = {tag.code: specialty_label(tag) for tag in snapshot.tags}
        view.roster_model.set_tag_labels(labels)
        view.waitlist_model.set_tag_labels(labels)
        view.roster_model.set_records(snapshot.roster)
        view.chart.set_bars(snapshot.chart)
        view.waitlist_model.set_records(snapshot.waitlist)
        view.set_waitlist_count(len(snapshot.waitlist))
        on_duty = [c.display_name for c in snapshot.roster if c.on_duty]
        view.on_duty.setText(
            fill(self.tr("On duty now: %1"), ", ".join(on_duty))
            if on_duty
            else self.tr("No coach is on duty now.")
        )
        for button in (view.add_coach_button, view.edit_coach_button, view.tags_button):
            button.setEnabled(snapshot.may_manage)
            set_tip(button, "" if snapshot.may_manage else self.tr("For admins"))
        wanted = self.coach_id
        if wanted is None and snapshot.roster:
            wanted = snapshot.roster[0].id
        if wanted is not None:
            self.choose_coach(wanted)

    def choose_coach(self, coach_id: int) -> None:
        row = self.view.roster_model.row_of_coach(coach_id)
        if row >= 0 and self.view.roster.currentIndex().row() != row:
            self.view.roster.selectRow(row)  # _roster_chosen loads the caseload
            return
        self.coach_id = coach_id
        self.view.chart.set_selected(coach_id)
        actor = self.context.actor
        # Logged once per coach chosen, not at every refresh of the caseload on screen.
        first_look = self._caseload_logged != coach_id
        self._caseload_logged = coach_id
        self.context.tasks.submit(
            lambda session: coach_caseload(session, actor, coach_id, record_view=first_look),
            self._show_caseload,
            self._failed,
        )

    def _roster_chosen(self, current, _previous) -> None:
        coach = self.view.roster_model.record(current.row())
        if coach is not None:
            self.coach_id = coach.id
            self.choose_coach(coach.id)

    def _show_caseload(self, caseload: CoachCaseload) -> None:
        if caseload.coach_id != self.coach_id:
            return
        chosen = self.chosen_peer()
        self.caseload = caseload
        self.view.caseload_model.set_records(caseload.rows)
        heading = fill(
            self.tr("%1's peers: %2 of %3"),
            caseload.coach_name,
            str(len(caseload.rows)),
            str(caseload.caseload_limit or 0),
        )
        if caseload.overdue:
            heading += self.tr(" · %n overdue", "", caseload.overdue)
        self.view.caseload_heading.setText(heading)
        if chosen is not None:
            row = self.view.caseload_model.row_of_person(chosen.person_id)
            if row >= 0:
                self.view.caseload.selectRow(row)

    # -- the roster ------------------------------------------------------------------------
    def chosen_coach(self) -> RosterCoach | None:
        return self.view.roster_model.record(self.view.roster.currentIndex().row())

    def add_coach(self) -> None:
        self._coach_dialog(None)

    def edit_coach(self) -> None:
        coach = self.chosen_coach()
        if coach is not None:
            self._coach_dialog(coach)

    def _coach_dialog(self, coach: RosterCoach | None) -> None:
        if self.snapshot is None or not self.snapshot.may_manage:
            return
        dialog = CoachDialog(self.context, coach, self.snapshot.tags, self)
        if run_modal(dialog) and dialog.saved is not None:
            self.coach_id = dialog.saved.id
            self.view.banner.show_message(
                fill(self.tr("Saved %1."), dialog.saved.display_name), "ok"
            )
            self.refresh()

    def edit_tags(self) -> None:
        dialog = SpecialtyTagsDialog(self.context, self)
        run_modal(dialog)
        if dialog.changed:
            self.refresh()

    # -- the caseload ----------------------------------------------------------------------
    def private(self) -> bool:
        return self.view.privacy.isChecked()

    def chosen_peer(self):
        return self.view.caseload_model.record(self.view.caseload.currentIndex().row())

    def _peer_name(self, row) -> str:
        return shown_name(row.first_name, row.last_name, row.preferred_name, private=self.private())

    def log_contact(self) -> None:
        row = self.chosen_peer()
        if row is None:
            self._say(self.tr("Choose a peer in the caseload first."))
            return
        dialog = LogContactDialog(
            self.context,
            row.person_id,
            self._peer_name(row),
            today=self.caseload.today if self.caseload else None,
            parent=self,
        )
        if run_modal(dialog):
            self.view.banner.show_message(
                fill(self.tr("Contact with %1 logged."), self._peer_name(row)), "ok"
            )
            self.refresh()

    def open_peer_coaching(self) -> None:
        row = self.chosen_peer()
        if row is None:
            self._say(self.tr("Choose a peer in the caseload first."))
            return
        run_modal(
            PeerCoachingDialog(self.context, row.person_id, private=self.private(), parent=self)
        )
        self.refresh()

    def reassign(self) -> None:
        row = self.chosen_peer()
        if row is None:
            self._say(self.tr("Choose a peer in the caseload first."))
            return
        self._assign(row.person_id)

    def open_record(self) -> None:
        row = self.chosen_peer()
        if row is not None:
            self.context.navigator.open_person.emit(row.person_id)

    def _assign(self, person_id: int) -> None:
        dialog = AssignCoachDialog(self.context, person_id, private=self.private(), parent=self)
        if run_modal(dialog):
            if dialog.assigned is not None:
                self.view.banner.show_message(
                    fill(self.tr("Assigned to %1."), dialog.assigned.coach_name), "ok"
                )
            elif dialog.waitlisted:
                self.view.banner.show_message(self.tr("Put on the waitlist."), "ok")
            self.refresh()

    # -- the waitlist ----------------------------------------------------------------------
    def chosen_waiting(self) -> WaitlistRow | None:
        return self.view.waitlist_model.record(self.view.waitlist.currentIndex().row())

    def assign_waiting(self) -> None:
        row = self.chosen_waiting()
        if row is None:
            self._say(self.tr("Choose someone on the waitlist first."))
            return
        self._assign(row.person_id)

    def remove_waiting(self) -> None:
        row = self.chosen_waiting()
        if row is None:
            self._say(self.tr("Choose someone on the waitlist first."))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Remove from the waitlist"),
            fill(
                self.tr("Why does %1 leave the waitlist? (kept in the activity log)"),
                self._peer_name(row),
            ),
        )
        if not ok:
            return
        actor, entry_id = self.context.actor, row.entry_id
        self.context.tasks.submit(
            lambda session: remove_from_waitlist(session, actor, entry_id, reason),
            lambda _none: self.refresh(),
            self._failed,
        )

    # -- odds and ends ---------------------------------------------------------------------
    def _set_private(self, private: bool) -> None:
        self.view.caseload_model.set_private(private)
        self.view.waitlist_model.set_private(private)

    def _say(self, text: str) -> None:
        self.view.banner.show_message(text, "info")

    def _failed(self, error: DeskError) -> None:
        self.view.banner.show_message(in_words(error), "error")

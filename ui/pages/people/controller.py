"""Behaviour of the People page: find, open (audited), edit with the version check, merge."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk.access import Permission
from desk.db.changes import ANY_TOPIC
from desk.errors import DeskError, StaleEdit, ValidationError
from desk.lookup.person_index import PersonMatch
from desk.names import called, full_name
from desk.services.lookup import lookup_people
from desk.services.people import (
    PersonRecord,
    VisitSummary,
    open_person,
    person_visits,
    record_version,
    update_person,
)
from desk.services.person_details import PersonDetails
from ui.context import AppContext
from ui.drafts import FormDraft
from ui.error_words import in_words
from ui.pages.coaches.peer_panel import PeerCoachingPanel
from ui.pages.people.card_dialog import CardDialog
from ui.pages.people.data_requests import PersonDataRequests
from ui.pages.people.merge_dialog import MergeDialog
from ui.pages.people.referrals_panel import PersonReferralsPanel
from ui.pages.people.view import PeopleView
from ui.widgets.keys import bind_key, note_key
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.widgets.person_form import PersonForm

RESULTS = 50


class PeoplePage(Page):
    page_id = "people"
    required_permission = Permission.VIEW_PEOPLE

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.referrals_panel = PersonReferralsPanel(context)
        self.coaching = PeerCoachingPanel(context)
        self.view = PeopleView(
            context.center_time, self.coaching, referrals_panel=self.referrals_panel
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.view)
        self.record: PersonRecord | None = None
        self._refused_as_stale = False  # the last save: Reload then keeps what was typed
        self.draft = FormDraft(
            context.drafts,
            "person/none",
            self.view.form.draft_fields(),
            owner=context.draft_owner,
        )
        self._searching = False
        self._wanted: str | None = None
        view = self.view
        view.search.textChanged.connect(self._on_text)
        view.search.moved.connect(self._move)
        view.search.chosen.connect(self.open_highlighted)
        view.results.doubleClicked.connect(lambda _index: self.open_highlighted())
        view.open_button.clicked.connect(self.open_highlighted)
        view.save_button.clicked.connect(self.save)
        view.reload_button.clicked.connect(self.reload)
        view.merge_button.clicked.connect(self.merge)
        view.merge_button.setVisible(context.may(Permission.MERGE_PEOPLE))
        view.card_button.clicked.connect(self.sign_in_card)
        view.card_button.setVisible(context.may(Permission.ISSUE_CARDS))
        self.data_requests = PersonDataRequests(context, self)
        view.data_button.setMenu(self.data_requests.menu)
        view.data_button.setVisible(context.may(Permission.PERSON_DATA_REQUESTS))
        self.data_requests.done.connect(self.view.banner.show_message)
        self.data_requests.removed.connect(self._removed)
        view.refer_button.clicked.connect(self.referrals_panel.start_referral)
        self._bind_keys()
        view.privacy.toggled.connect(self._set_private)
        context.navigator.open_person.connect(self.open_record)
        self.coaching.changed.connect(self._coaching_changed)
        self.coaching.loaded.connect(self._show_coaching_line)
        view.assign_button.clicked.connect(self.coaching.assign)
        context.changes.changed.connect(self._on_changes)

    @property
    def title(self) -> str:
        return self.tr("People")

    def _bind_keys(self) -> None:
        view = self.view
        note_key(self, "Return", self.tr("Open the highlighted person's record"))
        for keys, what, target in (
            ("Ctrl+F", self.tr("Find someone"), self._focus_search),
            ("Ctrl+S", self.tr("Save changes"), view.save_button),
            ("F5", self.tr("Reload the record"), view.reload_button),
            ("Ctrl+M", self.tr("Merge with another record"), view.merge_button),
            ("Ctrl+Shift+K", self.tr("Their sign-in card"), view.card_button),
            (
                "Ctrl+Shift+D",
                self.tr("Their data (a copy, or removal)"),
                view.data_button,
            ),
            ("Ctrl+Shift+P", self.tr("Privacy: full names or initials"), view.privacy),
        ):
            bind_key(self, keys, what, target)
        bind_key(
            self,
            "Ctrl+R",
            self.tr("Start a referral for them"),
            self.referrals_panel.start_referral,
            also_on=(view.refer_button, self.referrals_panel.start_button),
        )
        view.assign_button.setToolTip(self.tr("Assign coach… (Ctrl+Shift+G)"))

    def _focus_search(self) -> None:
        self.view.search.setFocus()
        self.view.search.selectAll()

    def activate(self) -> None:
        self.view.search.setFocus()

    # -- finding ---------------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        self._wanted = text
        if not self._searching:
            self._search()

    def _search(self) -> None:
        text, self._wanted = self._wanted, None
        if text is None:
            return
        self._searching = True
        actor, index = self.context.actor, self.context.people_index
        self.context.tasks.submit(
            lambda session: lookup_people(session, actor, index, text, limit=RESULTS),
            self._show_matches,
            self._failed,
        )

    def _show_matches(self, matches: list[PersonMatch]) -> None:
        self._searching = False
        if self._wanted is not None:
            self._search()
            return
        self.view.results_model.set_matches(matches)
        if matches:
            self.view.results.setCurrentIndex(self.view.results_model.index(0))

    def _move(self, step: int) -> None:
        count = self.view.results_model.rowCount()
        if count:
            row = max(0, min(count - 1, self.view.results.currentIndex().row() + step))
            self.view.results.setCurrentIndex(self.view.results_model.index(row))

    def open_highlighted(self) -> None:
        match = self.view.results_model.match_at(self.view.results.currentIndex().row())
        if match is not None:
            self.open_record(match.person_id)

    # -- the record ------------------------------------------------------------------------
    def open_record(self, person_id: int) -> None:
        actor = self.context.actor

        def load(session) -> tuple[PersonRecord, list[VisitSummary]]:
            return open_person(session, actor, person_id), person_visits(session, actor, person_id)

        self.context.tasks.submit(load, self._show_record, self._failed)

    def reload(self) -> None:
        """The record as it is now. After a save was refused as stale, what staff typed comes
        back on top of it (to check and save); otherwise Reload drops unsaved edits."""
        if self.record is not None:
            if not self._refused_as_stale:
                self.draft.clear()
            self._refused_as_stale = False
            self.open_record(self.record.id)

    def _show_record(self, loaded: tuple[PersonRecord, list[VisitSummary]]) -> None:
        record, visits = loaded
        self.record = record
        self.data_requests.record = record
        view = self.view
        view.banner.hide()
        view.form.clear_errors()
        view.record_area.setEnabled(True)
        view.record_heading.setText(
            full_name(record.first_name, record.last_name, record.preferred_name)
        )
        self.draft.begin(
            f"person/{record.id}",
            lambda: view.form.set_details(record.details()),
            version=record.version,
        )
        restored = self.draft.restore()
        if restored is None:
            view.status.setText("")
        elif restored.typed_on_older_version:
            view.status.setText(
                self.tr(
                    "Your unsaved changes are back, but this record was saved elsewhere since: "
                    "check them before saving."
                )
            )
        else:
            view.status.setText(self.tr("Unsaved changes from before were restored."))
        view.visits_model.set_visits(visits)
        self.referrals_panel.show_person(
            record.id, called(record.first_name, record.preferred_name), record.preferred_language
        )
        if self.coaching.person_id != record.id:
            self.coaching.show_person(record.id)

    # -- other stations' changes -------------------------------------------------------------
    def _on_changes(self, topics: set[str]) -> None:
        """Keep the open record current: its visits as they come, and a new version of it
        (opened again, which the activity log records) unless edits wait to be saved here."""
        record = self.record
        if record is None:
            return
        actor = self.context.actor
        if topics & {"visits", ANY_TOPIC}:
            self.context.tasks.submit(
                lambda session: person_visits(session, actor, record.id),
                lambda visits: self._show_visits(record.id, visits),
                self._failed,
            )
        if topics & {"people", ANY_TOPIC}:
            self.context.tasks.submit(
                lambda session: record_version(session, record.id),
                lambda version: self._record_saved_elsewhere(record.id, version),
                self._failed,
            )

    def _show_visits(self, person_id: int, visits: list[VisitSummary]) -> None:
        if self.record is not None and self.record.id == person_id:
            self.view.visits_model.set_visits(visits)

    def _record_saved_elsewhere(self, person_id: int, version: int | None) -> None:
        record = self.record
        if record is None or record.id != person_id or version == record.version:
            return
        if version is not None and not self.draft.has_draft():
            self.open_record(person_id)
            return
        self.view.status.setText(
            self.tr(
                "This record was changed on another station. Your unsaved edits are kept: "
                "saving will say what changed, and Reload brings theirs in under yours."
            )
            if version is not None
            else self.tr("This record was merged or removed on another station.")
        )

    def _show_coaching_line(self) -> None:
        """The coach, at the top of the record: the whole coaching section is further down."""
        self.view.coaching_line.setText(self.coaching.summary.text())
        self.view.assign_button.setText(self.coaching.assign_button.text())
        self.view.assign_button.setEnabled(True)

    def _coaching_changed(self) -> None:
        """Coach wishes are part of the record: load its new version, unless edits are
        waiting to be saved (a save would then be refused as stale, and say so)."""
        if self.record is not None and not self.draft.has_draft():
            self.open_record(self.record.id)

    def save(self) -> None:
        if self.record is None:
            return
        record, details, actor = self.record, self.view.form.details(), self.context.actor
        self.draft.save_now()
        snapshot = self.draft.snapshot()
        self.view.form.clear_errors()
        self.view.save_button.setEnabled(False)
        self.context.tasks.submit(
            lambda session: update_person(
                session, actor, record.id, record.version, details, only=PersonForm.COLUMNS
            ),
            lambda saved: self._saved(saved, snapshot),
            self._save_failed,
        )

    def _saved(self, record: PersonRecord, snapshot: dict[str, object]) -> None:
        self.view.save_button.setEnabled(True)
        if self.record is None or record.id != self.record.id:
            self.draft.clear(f"person/{record.id}")  # saved, though another record is shown
            return
        self.draft.saved(snapshot, version=record.version)
        self.record = record
        self.view.banner.hide()
        self.view.record_heading.setText(
            full_name(record.first_name, record.last_name, record.preferred_name)
        )
        self.view.status.setText(self.tr("Saved."))

    def _save_failed(self, error: DeskError) -> None:
        self.view.save_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self.view.form.show_error(error)
        if isinstance(error, StaleEdit):
            self._refused_as_stale = True
            self.view.status.setText(self.tr("Not saved: your changes are still here."))
        self._failed(error)

    def sign_in_card(self) -> None:
        """Print their sign-in card, or stop a lost one."""
        if self.record is not None:
            name = self.record.preferred_name or self.record.first_name
            run_modal(CardDialog(self.context, self.record.id, name, self))

    def merge(self) -> None:
        if self.record is None:
            return
        dialog = MergeDialog(self.context, self.record, self)
        if dialog.exec() and dialog.merged is not None:
            self.open_record(dialog.merged.id)
            self.view.status.setText(self.tr("Merged. The history of both is here."))

    def _set_private(self, private: bool) -> None:
        self.view.results_model.set_private(private)
        self.coaching.private = private

    def _failed(self, error: DeskError) -> None:
        self._searching = False
        self.view.banner.show_message(in_words(error), "error")

    def _removed(self, person_id: int) -> None:
        """The record shown was removed: nothing of it stays on screen."""
        if self.record is not None and self.record.id == person_id:
            self.record = None
            self.data_requests.record = None
            self.draft.clear(f"person/{person_id}")
            self.view.form.set_details(PersonDetails(first_name=""))
            self.view.record_area.setEnabled(False)
            self.view.record_heading.setText(self.tr("Open a record to see and edit it."))
            self.view.visits_model.set_rows([])

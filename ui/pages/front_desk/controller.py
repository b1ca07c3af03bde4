"""Behaviour of the Front desk page: lookup as you type and sign-in from the keyboard; the
queue below is TodaysQueue (todays_queue.py).

A returning visitor: type a few letters, Enter (Up and Down choose among matches). The
purposes default to what the person usually comes for; Ctrl+1…7 change them. Lookups run in
the background and only the newest answer is shown.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desk.access import Permission
from desk.errors import AlreadySignedIn, DeskError
from desk.groups.attending import SUPPORT_MEETING
from desk.groups.schedule import find_meeting
from desk.lookup.person_index import PersonMatch
from desk.names import shown_name
from desk.services.attendance import meeting_for_sign_in, sign_in_for_meeting
from desk.services.checkin import (
    DEFAULT_PURPOSE,
    PurposeChoice,
    PurposeOption,
    list_purposes,
    sign_in,
    usual_purposes,
)
from desk.services.lookup import lookup_people
from ui.context import AppContext
from ui.desk_words import anonymous_label, purpose_label
from ui.error_words import in_words
from ui.pages.front_desk.card_scans import CardScans
from ui.pages.front_desk.door_calls import DoorCalls
from ui.pages.front_desk.today_at_center import TodayAtCenterLine
from ui.pages.front_desk.todays_queue import TodaysQueue
from ui.pages.front_desk.view import FrontDeskView
from ui.retry_keys import RetryKeys
from ui.tasks import LONG_DEADLINE_S
from ui.widgets.keys import bind_key, note_key
from ui.widgets.modal import run_modal
from ui.widgets.page import Page
from ui.words import fill

TICK_MS = 30_000
INITIALS = re.compile(r"^(?:[A-Z]{1,3}|(?:[A-Za-z]\.\s?){1,3})$")


class FrontDeskPage(Page):
    page_id = "front_desk"
    required_permission = Permission.SIGN_IN_VISITORS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view = FrontDeskView(context.center_time)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.view)
        self._lookup_running = False
        self._lookup_wanted: str | None = None
        self._lookup_shown = ""
        self._purposes_by_hand = False
        self._usual_for: int | None = None  # whose usual purposes the bar shows
        self._index_ready = False
        self._sign_in_keys = RetryKeys()
        self._index_loading = False

        self.queue = TodaysQueue(
            context, self.view, self, back_to_box=self._back_to_the_box, show_error=self._show_error
        )
        view = self.view
        view.sign_in_box.textChanged.connect(self._on_text)
        view.sign_in_box.moved.connect(self._move_highlight)
        view.sign_in_box.chosen.connect(self.sign_in_highlighted)
        view.sign_in_box.cleared.connect(self._reset_after_sign_in)
        view.results.clicked.connect(lambda index: view.results.setCurrentIndex(index))
        view.results.doubleClicked.connect(lambda _index: self.sign_in_highlighted())
        view.results.selectionModel().currentChanged.connect(self._on_highlight)
        view.purposes.toggled_by_hand.connect(self._mark_purposes_by_hand)
        view.sign_in_button.clicked.connect(self.sign_in_highlighted)
        view.new_person_button.clicked.connect(self.new_person)
        view.anonymous_button.clicked.connect(self.sign_in_anonymous)
        queue = self.queue
        view.start_button.clicked.connect(queue.start_with_coach)
        view.assign_button.clicked.connect(queue.assign_coach)
        view.check_out_button.clicked.connect(queue.check_out)
        view.undo_button.clicked.connect(queue.undo)
        view.open_button.clicked.connect(queue.open_record)
        view.queue.doubleClicked.connect(lambda _index: queue.open_record())
        view.privacy.toggled.connect(self._set_private)
        self._bind_keys()
        self.scans = CardScans(
            context,
            self.view,
            signed_in=lambda visit_id: self.queue.refresh(select_visit=visit_id),
            show_error=self._show_error,
        )
        self.today = TodayAtCenterLine(context, self)
        view.add_today_line(self.today)
        self.door = DoorCalls(context, self, label=self._purpose_label)
        view.add_today_line(self.door)
        self.today.loaded.connect(view.meeting.set_today)
        self.today.loaded.connect(lambda _today: self._show_meeting_choice())
        view.purposes.changed.connect(self._show_meeting_choice)
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(view.queue_model.tick)
        self._ticker.timeout.connect(self.today.refresh)
        self._ticker.start(TICK_MS)
        context.changes.changed.connect(self._on_changes)
        self._update_hint()
        self._load_reference_data()

    @property
    def title(self) -> str:
        return self.tr("Front desk")

    def _bind_keys(self) -> None:
        view = self.view
        note_key(self, "Return", self.tr("Sign in the highlighted match"))
        note_key(self, "Up", self.tr("The match above (Down: below)"))
        note_key(self, "Escape", self.tr("Clear the box"))
        for keys, what, target in (
            ("Ctrl+K", self.tr("Back to the sign-in box"), self.focus_box),  # Ctrl+L locks
            ("Ctrl+N", self.tr("New person (intake)"), view.new_person_button),
            ("Ctrl+Shift+A", self.tr("Anonymous visit"), view.anonymous_button),
            ("Ctrl+Down", self.tr("Next visitor in today's queue"), lambda: self._move_queue(1)),
            ("Ctrl+Up", self.tr("Previous visitor in today's queue"), lambda: self._move_queue(-1)),
            ("Ctrl+G", self.tr("Start with a coach"), view.start_button),
            ("Ctrl+Shift+G", self.tr("Assign a coach (ranked)"), view.assign_button),
            ("Ctrl+O", self.tr("Check out"), view.check_out_button),
            ("Ctrl+U", self.tr("Undo the check-out (a minute), or the sign-in"), view.undo_button),
            ("Ctrl+E", self.tr("Open their record"), view.open_button),
            ("Ctrl+Shift+P", self.tr("Privacy: full names or initials"), view.privacy),
            ("Ctrl+M", self.tr("Another of today's meetings"), view.meeting.next_choice),
            ("Ctrl+T", self.tr("Take attendance at a meeting"), self.take_attendance),
        ):
            bind_key(self, keys, what, target)
        note_key(self, "Ctrl+1", self.tr("Ctrl+1 to Ctrl+9: the purposes"))
        note_key(self, "Ctrl+=", self.tr("One more kit (Ctrl+-: one fewer)"))

    def _move_queue(self, step: int) -> None:
        """Choose in today's queue without leaving the sign-in box."""
        model = self.view.queue_model
        if not model.rowCount():
            return
        current = self.view.queue.currentIndex().row()
        row = max(0, min(model.rowCount() - 1, (current if current >= 0 else -1) + step))
        self.view.queue.selectRow(row)
        self.view.queue.scrollTo(model.index(row, 0))

    def activate(self) -> None:
        self.queue.refresh()
        self.today.refresh()
        self.door.refresh()
        self.focus_box()

    def focus_box(self) -> None:
        self.view.sign_in_box.setFocus()
        self.view.sign_in_box.selectAll()

    # -- start-up --------------------------------------------------------------------------
    def _load_reference_data(self) -> None:
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: list_purposes(session, actor), self._show_purposes, self._show_error
        )
        self.context.start_gate.after(self._load_index)

    def _load_index(self) -> None:
        """Everyone's names, for the lookup: a few seconds on a large database, after the
        window is up; the box takes typing meanwhile and looks up once they are in."""
        if self._index_loading or self._index_ready:
            return
        self._index_loading = True
        index = self.context.people_index
        self.context.tasks.submit(
            index.refresh,
            self._index_loaded,
            self._index_failed,
            deadline=LONG_DEADLINE_S,
            read_only=True,
        )

    def _index_failed(self, error: DeskError) -> None:
        self._index_loading = False  # tried again at the next keystroke or change notice
        self._show_error(error)

    def _show_purposes(self, options: list[PurposeOption]) -> None:
        if list(self.view.purposes.options.values()) == options:
            return  # unchanged: keep what staff have chosen
        chosen = self.view.purposes.checked_codes() or [DEFAULT_PURPOSE]
        self.view.queue_model.show_purposes_as(options)
        self.view.purposes.set_options(options, self)
        self.view.purposes.choose(chosen)
        self._update_hint()

    def _index_loaded(self, _rows: int) -> None:
        self._index_loading = False
        self._index_ready = True
        self.view.sign_in_box.setPlaceholderText(self.view.box_placeholder)
        self._update_hint()
        if self.view.sign_in_box.text():
            self._on_text(self.view.sign_in_box.text())

    def _on_changes(self, topics: set[str]) -> None:
        self.queue.refresh()
        if not self._index_ready and not self.context.start_gate.is_held():
            self._load_index()  # a first load that failed is tried again
        if topics & {"settings", "*"}:
            actor = self.context.actor
            self.context.tasks.submit(
                lambda session: list_purposes(session, actor),
                self._show_purposes,
                self._show_error,
            )

    # -- lookup ----------------------------------------------------------------------------
    def _on_text(self, text: str) -> None:
        if self.scans.take_text(text):
            return
        self._update_hint()
        if not self._index_ready:
            # Looked up when the names are in (_index_loaded); a lookup now would only wait.
            if not self._index_loading and not self.context.start_gate.is_held():
                self._load_index()
            return
        if not text.strip():
            self._lookup_wanted = None
            self.view.results_model.set_matches([])
            self._lookup_shown = ""
            self._on_highlight()
            return
        self._lookup_wanted = text
        if not self._lookup_running:
            self._run_lookup()

    def _run_lookup(self) -> None:
        text = self._lookup_wanted
        if text is None:
            return
        self._lookup_wanted = None
        self._lookup_running = True
        actor, index = self.context.actor, self.context.people_index
        self.context.tasks.submit(
            lambda session: lookup_people(session, actor, index, text),
            lambda matches: self._show_matches(text, matches),
            self._lookup_failed,
            read_only=True,
        )

    def _show_matches(self, text: str, matches: list[PersonMatch]) -> None:
        self._lookup_running = False
        if self._lookup_wanted is not None:  # typing went on: only the newest answer counts
            self._run_lookup()
            return
        if text != self.view.sign_in_box.text():
            return
        self._lookup_shown = text
        self.view.results_model.set_matches(matches)
        if matches:
            self.view.results.setCurrentIndex(self.view.results_model.index(0))
        else:
            self._on_highlight()  # no one: the purposes shown are no one's usual ones
        self._update_hint()

    def _lookup_failed(self, error: DeskError) -> None:
        self._lookup_running = False
        self._show_error(error)

    def _move_highlight(self, step: int) -> None:
        count = self.view.results_model.rowCount()
        if not count:
            return
        row = max(0, min(count - 1, self.view.results.currentIndex().row() + step))
        self.view.results.setCurrentIndex(self.view.results_model.index(row))

    def highlighted(self) -> PersonMatch | None:
        if self._lookup_shown != self.view.sign_in_box.text():
            return None  # the list is for older text
        return self.view.results_model.match_at(self.view.results.currentIndex().row())

    def _on_highlight(self, *_args) -> None:
        """The purposes shown follow the highlighted person (what they usually come for);
        with no one highlighted they go back to the default, unless chosen by hand."""
        match = self.highlighted()
        if self._purposes_by_hand:
            return
        if match is None:
            if self._usual_for is not None:
                self._usual_for = None
                self.view.purposes.choose([DEFAULT_PURPOSE])
            return
        person_id, actor = match.person_id, self.context.actor
        self._usual_for = None
        self.context.tasks.submit(
            lambda session: usual_purposes(session, actor, person_id),
            lambda codes: self._apply_usual(person_id, codes),
            lambda _error: None,
        )

    def _apply_usual(self, person_id: int, codes: list[str]) -> None:
        match = self.highlighted()
        if match is not None and match.person_id == person_id and not self._purposes_by_hand:
            self.view.purposes.choose(codes or [DEFAULT_PURPOSE])
            self._usual_for = person_id

    def _mark_purposes_by_hand(self) -> None:
        self._purposes_by_hand = True

    # -- signing in ------------------------------------------------------------------------
    def sign_in_highlighted(self) -> None:
        if self.scans.take_enter(self.view.sign_in_box.text()):
            return
        match = self.highlighted()
        if match is None:
            if self.view.sign_in_box.text().strip():
                self.view.hint.setText(
                    self.tr(
                        "No one is chosen. Wait for the matches, or press Ctrl+N for a new person."
                    )
                )
            return
        name = shown_name(
            match.first_name,
            match.last_name,
            match.preferred_name,
            private=self.view.privacy.isChecked(),
        )
        # Shown purposes count if chosen by hand or already this person's usual ones; else the
        # sign-in itself looks up what they usually come for (the answer may not be back yet).
        known = self._purposes_by_hand or self._usual_for == match.person_id
        self._sign_in(match.person_id, None, name, self.view.purposes.choices() if known else None)

    def sign_in_anonymous(self) -> None:
        text = self.view.sign_in_box.text().strip()
        initials = text if INITIALS.match(text) else None
        # Purposes chosen by hand count; a highlighted person's usual ones are not theirs.
        purposes = (
            self.view.purposes.choices()
            if self._purposes_by_hand
            else [PurposeChoice(DEFAULT_PURPOSE)]
        )
        self._sign_in(None, initials, anonymous_label(initials), purposes)

    def _sign_in(
        self,
        person_id: int | None,
        initials: str | None,
        name: str,
        purposes: list[PurposeChoice] | None,
    ) -> None:
        """Sign in, clearing the box at once: a second Enter finds nothing to sign in twice,
        and what staff type next for the next person is theirs."""
        if purposes == []:
            self._show_error(
                DeskError(fill(self.tr("Choose at least one purpose (%1)."), self._purpose_keys()))
            )
            return
        typed, by_hand = self.view.sign_in_box.text(), self._purposes_by_hand
        picked = self.view.meeting.chosen() if self.view.meeting.isVisible() else None
        self._reset_after_sign_in()
        self.view.hint.setText(fill(self.tr("Signing in %1…"), name))
        actor = self.context.actor
        # A sign-in sent again after no answer carries the first one's key (ui/retry_keys.py);
        # a nameless anonymous visitor cannot be told from the next, and always gets a new one.
        thing = (person_id, initials) if person_id is not None or initials else None
        key = self._sign_in_keys.key_for(thing)

        def work(session) -> tuple[int, list[str], str | None]:
            chosen = purposes
            if chosen is None:
                codes = usual_purposes(session, actor, person_id) or [DEFAULT_PURPOSE]
                chosen = [PurposeChoice(code) for code in codes]
            meeting = meeting_for_sign_in(session, chosen, picked)
            if meeting is not None:
                visit_id = sign_in_for_meeting(
                    session,
                    actor,
                    person_id=person_id,
                    purposes=chosen,
                    group_id=meeting[0],
                    day=meeting[1],
                    anonymous_initials=initials,
                    idempotency_key=key,
                )
            else:
                visit_id = sign_in(
                    session,
                    actor,
                    person_id=person_id,
                    purposes=chosen,
                    anonymous_initials=initials,
                    idempotency_key=key,
                )
            where = find_meeting(session, *meeting) if meeting is not None else None
            return visit_id, [choice.code for choice in chosen], where.name if where else None

        def failed(error: DeskError) -> None:
            self._sign_in_keys.failed(thing, key, error)
            self._sign_in_failed(error, typed, purposes if by_hand else None)

        def done(result: tuple[int, list[str], str | None]) -> None:
            self._sign_in_keys.done(thing)
            self._signed_in(result[0], name, result[1], result[2])

        self.context.tasks.submit(work, done, failed)

    def _sign_in_failed(
        self, error: DeskError, typed: str, chosen: list[PurposeChoice] | None
    ) -> None:
        if not self.view.sign_in_box.text():  # nothing typed since: put it all back
            self.view.sign_in_box.setText(typed)
            if chosen:
                self.view.purposes.restore(chosen)
                self._purposes_by_hand = True
        self.view.hint.setText("")
        self._show_error(error)
        if isinstance(error, AlreadySignedIn):
            self.queue.refresh(select_visit=error.visit_id)  # their row, chosen and in view

    def _signed_in(
        self, visit_id: int, name: str, codes: list[str], meeting: str | None = None
    ) -> None:
        self.view.banner.hide()
        options = self.view.purposes.options
        labels = ", ".join(
            purpose_label(options[code]) if code in options else code for code in codes
        )
        if meeting:
            labels += fill(self.tr(": %1"), meeting)
        self.view.hint.setText(
            fill(
                self.tr("Signed in %1 at %2 (%3)."),
                name,
                self.context.center_time.time_text(datetime.now(UTC)),
                labels,
            )
        )
        self.queue.refresh(select_visit=visit_id)

    def take_attendance(self) -> None:
        """Who is at one of today's meetings, ticked from today's sign-ins."""
        from ui.pages.front_desk.attendance_dialog import AttendanceDialog  # when first used

        if self.today.shown is None:
            return
        dialog = AttendanceDialog(
            self.context, self.today.shown, self.view.privacy.isChecked(), self
        )
        if run_modal(dialog) and dialog.message:
            self.view.hint.setText(dialog.message)
        self._back_to_the_box()

    def _purpose_label(self, code: str) -> str:
        option = self.view.purposes.options.get(code)
        return option.label if option else code

    def _show_meeting_choice(self) -> None:
        """The meeting choice, while "Support meeting" is chosen and one is held today."""
        meeting = self.view.meeting
        wanted = SUPPORT_MEETING in self.view.purposes.checked_codes()
        meeting.setVisible(wanted and meeting.offers_meetings)

    def _back_to_the_box(self) -> None:
        """After a dialog, the window takes the keyboard again (not every desktop does this)."""
        self.window().activateWindow()
        self.view.sign_in_box.setFocus()

    def _reset_after_sign_in(self) -> None:
        self.view.sign_in_box.clear()
        self.view.results_model.set_matches([])
        self._purposes_by_hand = False
        self._usual_for = None
        self.view.purposes.choose([DEFAULT_PURPOSE])
        self.view.meeting.reset()
        self.view.sign_in_box.setFocus()

    def new_person(self) -> None:
        # The purposes shown may be the highlighted match's usual ones: a new person gets only
        # what staff chose by hand, else the default.
        purposes = self.view.purposes.choices() if self._purposes_by_hand else []
        purposes_given = purposes or [PurposeChoice(DEFAULT_PURPOSE)]
        from ui.pages.front_desk.intake_dialog import IntakeDialog  # loaded when first used

        dialog = IntakeDialog(
            self.context,
            self.context.people_index,
            purposes_given,
            self.view.sign_in_box.text(),
            self,
            private=self.view.privacy.isChecked(),
        )
        accepted = dialog.exec()
        self._back_to_the_box()
        if accepted and dialog.signed_in is not None:
            _person_id, visit_id = dialog.signed_in
            self._reset_after_sign_in()
            self._signed_in(visit_id, dialog.signed_in_name, [p.code for p in purposes_given])
        elif dialog.existing_person_id is not None:
            by_hand = self.view.purposes.choices() if self._purposes_by_hand else None
            self._sign_in(dialog.existing_person_id, None, dialog.existing_person_name, by_hand)

    # -- odds and ends ---------------------------------------------------------------------
    def _set_private(self, private: bool) -> None:
        self.view.queue_model.set_private(private)
        self.view.results_model.set_private(private)

    def _update_hint(self) -> None:
        text = self.view.sign_in_box.text().strip()
        initials = text if INITIALS.match(text) else None
        self.view.anonymous_button.setText(
            fill(self.tr("Anonymous visit as “%1” (Ctrl+Shift+A)"), initials)
            if initials
            else self.tr("Anonymous visit (Ctrl+Shift+A)")
        )
        if not self._index_ready:
            self.view.hint.setText(
                self.tr("Still loading names… type on: the matches appear as soon as they are in.")
            )
        elif text and self._lookup_shown == text and not self.view.results_model.rowCount():
            self.view.hint.setText(
                fill(
                    self.tr(
                        "No match for “%1”. Ctrl+N adds a new person; Ctrl+Shift+A signs in an "
                        "anonymous visit."
                    ),
                    text,
                )
            )
        elif not text:
            self.view.hint.setText(
                fill(
                    self.tr(
                        "%1 choose the purposes. Nothing else is needed for a returning visitor."
                    ),
                    self._purpose_keys(),
                )
            )
        else:
            self.view.hint.setText("")

    def _purpose_keys(self) -> str:
        count = min(9, len(self.view.purposes.buttons)) or 1
        return fill(self.tr("Ctrl+1 to Ctrl+%1"), str(count))

    def _show_error(self, error: DeskError) -> None:
        self.view.banner.show_message(in_words(error), "error")

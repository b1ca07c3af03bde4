"""Today's queue on the Front desk page: kept current, and what staff do with the visitor
selected in it (start with a coach, pair with a coach, check out, undo a sign-in, open the
record). The page owns the sign-in box; this owns the queue below it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QInputDialog, QWidget

from desk.errors import DeskError
from desk.models import VisitStatus
from desk.names import shown_name
from desk.services.checkin import check_out as check_out_visit
from desk.services.checkin import start_with_coach, undo_check_out, undo_sign_in
from desk.services.coach_matching import coaches_for_visit
from desk.services.specialty_tags import list_specialty_tags
from desk.services.todays_queue import QueueEntry, TodayQueue, today_queue
from ui.context import AppContext
from ui.desk_words import anonymous_label
from ui.pages.front_desk.coach_picker import CoachPicker
from ui.pages.front_desk.view import FrontDeskView
from ui.widgets.modal import run_modal
from ui.words import fill

UNDO_CHECK_OUT_MS = 60_000  # as desk.services.checkin.UNDO_CHECK_OUT_WITHIN


class TodaysQueue(QObject):
    def __init__(
        self,
        context: AppContext,
        view: FrontDeskView,
        page: QWidget,
        *,
        back_to_box: Callable[[], None],
        show_error: Callable[[DeskError], None],
    ) -> None:
        super().__init__(page)
        self.context = context
        self.view = view
        self._page = page  # dialogs open over it
        self._back_to_box = back_to_box
        self._show_error = show_error
        self.snapshot: TodayQueue | None = None
        # The visit checked out last: for a minute Undo (Ctrl+U) puts it back in the queue.
        self._checked_out: QueueEntry | None = None
        self._undo_window = QTimer(self)
        self._undo_window.setSingleShot(True)
        self._undo_window.setInterval(UNDO_CHECK_OUT_MS)
        self._undo_window.timeout.connect(self._undo_window_closed)
        view.queue.selectionModel().selectionChanged.connect(self._label_undo)

    def refresh(self, select_visit: int | None = None) -> None:
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: today_queue(session, actor),
            lambda snapshot: self._show_queue(snapshot, select_visit),
            self._show_error,
            read_only=True,
        )

    def _show_queue(self, snapshot: TodayQueue, select_visit: int | None) -> None:
        selected = self.selected_entry()
        keep = (
            select_visit if select_visit is not None else (selected.visit_id if selected else None)
        )
        self.snapshot = snapshot
        self.view.queue_model.set_entries(snapshot.entries)
        self.view.results_model.set_here(
            frozenset(
                entry.person_id
                for entry in snapshot.entries
                if entry.person_id is not None
                and entry.status in (VisitStatus.WAITING, VisitStatus.WITH_COACH)
            )
        )
        counts = snapshot.counts
        self.view.counts.setText(
            fill(
                self.tr("Here now: %1   ·   Visits today: %2 (%3 anonymous)"),
                str(counts.here_now),
                str(counts.visits),
                str(counts.anonymous),
            )
        )
        if keep is not None:
            row = self.view.queue_model.row_of_visit(keep)
            if row >= 0:
                self.view.queue.selectRow(row)
                self.view.queue.scrollTo(self.view.queue_model.index(row, 0))

    def selected_entry(self) -> QueueEntry | None:
        indexes = self.view.queue.selectionModel().selectedRows()
        return self.view.queue_model.entry(indexes[0].row()) if indexes else None

    def _entry_name(self, entry: QueueEntry) -> str:
        if entry.is_anonymous:
            return anonymous_label(entry.anonymous_initials)
        return shown_name(
            entry.first_name,
            entry.last_name,
            entry.preferred_name,
            private=self.view.privacy.isChecked(),
        )

    def start_with_coach(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        actor = self.context.actor

        def load(session) -> tuple[list, dict[str, str]]:
            ranked = coaches_for_visit(session, actor, entry.person_id)
            return ranked, {tag.code: tag.label for tag in list_specialty_tags(session)}

        self.context.tasks.submit(
            load, lambda loaded: self._pick_coach(entry, *loaded), self._show_error
        )

    def _pick_coach(self, entry: QueueEntry, ranked: list, labels: dict[str, str]) -> None:
        if not ranked:
            self._show_error(DeskError(self.tr("There are no active coaches yet.")))
            return
        picker = CoachPicker(ranked, labels, self._entry_name(entry), self._page)
        chosen = picker.exec()
        self._back_to_box()
        if not chosen or picker.chosen_coach_id() is None:
            return
        coach_id, actor = picker.chosen_coach_id(), self.context.actor
        self.context.tasks.submit(
            lambda session: start_with_coach(
                session, actor, entry.visit_id, entry.version, coach_id
            ),
            lambda _none: self.refresh(),
            self._action_failed,
        )

    def assign_coach(self) -> None:
        """Pair the selected visitor with a recovery coach (ranked, with reasons)."""
        entry = self.selected_entry()
        if entry is None:
            return
        if entry.person_id is None:
            self._show_error(
                DeskError(
                    self.tr(
                        "An anonymous visitor has no record to hold a coach. Add them as a "
                        "person first (Ctrl+N), if they wish."
                    )
                )
            )
            return
        from ui.pages.coaches.assign_dialog import AssignCoachDialog  # loaded when first used

        dialog = AssignCoachDialog(
            self.context, entry.person_id, private=self.view.privacy.isChecked(), parent=self._page
        )
        accepted = run_modal(dialog)
        self._back_to_box()
        if accepted:
            name = self._entry_name(entry)
            if dialog.assigned is not None:
                self.view.hint.setText(
                    fill(self.tr("%1 is now with %2."), name, dialog.assigned.coach_name)
                )
            elif dialog.waitlisted:
                self.view.hint.setText(fill(self.tr("%1 is on the waitlist."), name))
            self.refresh(select_visit=entry.visit_id)

    def check_out(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: check_out_visit(session, actor, entry.visit_id, entry.version),
            lambda _none: self._checked_out_now(entry),
            self._action_failed,
        )

    def _undoes_check_out(self) -> bool:
        """Undo puts back the visitor checked out in the last minute, unless staff have
        chosen someone else in the queue since."""
        if self._checked_out is None:
            return False
        selected = self.selected_entry()
        return selected is None or selected.visit_id == self._checked_out.visit_id

    def _label_undo(self, *_args) -> None:
        self.view.undo_button.setText(
            self.tr("Undo check-out") if self._undoes_check_out() else self.tr("Undo sign-in…")
        )

    def _checked_out_now(self, entry: QueueEntry) -> None:
        self._checked_out = entry
        self._undo_window.start()
        self._label_undo()
        self.view.hint.setText(
            fill(
                self.tr("Checked out %1. Ctrl+U puts them back in the queue, for a minute."),
                self._entry_name(entry),
            )
        )
        self.refresh()

    def _undo_window_closed(self) -> None:
        self._checked_out = None
        self._label_undo()

    def undo(self) -> None:
        """Within a minute of a check-out, put that visitor back; else withdraw the selected
        visitor's sign-in (a reason is asked)."""
        if self._checked_out is not None and self._undoes_check_out():
            self._undo_check_out(self._checked_out)
            return
        entry = self.selected_entry()
        if entry is None:
            return
        reason, ok = QInputDialog.getText(
            self._page,
            self.tr("Undo sign-in"),
            fill(
                self.tr("Why is %1's sign-in withdrawn? (kept in the activity log)"),
                self._entry_name(entry),
            ),
        )
        self._back_to_box()
        if not ok:
            return
        actor = self.context.actor
        self.context.tasks.submit(
            lambda session: undo_sign_in(session, actor, entry.visit_id, entry.version, reason),
            lambda _none: self.refresh(),
            self._action_failed,
        )

    def _undo_check_out(self, checked_out: QueueEntry) -> None:
        row = self.view.queue_model.row_of_visit(checked_out.visit_id)
        now = self.view.queue_model.entry(row) if row >= 0 else None
        version = now.version if now is not None else checked_out.version + 1
        self._undo_window.stop()
        self._undo_window_closed()
        actor, visit_id = self.context.actor, checked_out.visit_id
        name = self._entry_name(checked_out)
        self.context.tasks.submit(
            lambda session: undo_check_out(session, actor, visit_id, version),
            lambda _none: self._check_out_undone(visit_id, name),
            self._action_failed,
        )

    def _check_out_undone(self, visit_id: int, name: str) -> None:
        self.view.hint.setText(fill(self.tr("%1 is back in the queue."), name))
        self.refresh(select_visit=visit_id)

    def open_record(self) -> None:
        entry = self.selected_entry()
        if entry is not None and entry.person_id is not None:
            self.context.navigator.open_person.emit(entry.person_id)

    def _action_failed(self, error: DeskError) -> None:
        self._show_error(error)
        self.refresh()

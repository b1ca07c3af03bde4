"""Today's queue as a table: arrival, minutes waiting (live), who, why, coach, status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desk.models import VisitStatus
from desk.names import shown_name
from desk.services.todays_queue import QueueEntry
from ui.desk_words import PurposeNames, anonymous_label
from ui.formatting import CenterTime
from ui.models.row_table import RowTableModel
from ui.state_colours import State, state_colour
from ui.words import fill


class QueueTableModel(RowTableModel[QueueEntry]):
    ARRIVED, WAITING, NAME, PURPOSE, COACH, STATUS = range(6)
    EntryRole = RowTableModel.RowRole

    def __init__(
        self,
        parent=None,
        *,
        clock: Callable[[], datetime] | None = None,
        center_time: CenterTime | None = None,
    ) -> None:
        super().__init__([], parent)
        self.center_time = center_time or CenterTime()
        self._private = True
        self._clock = clock or (lambda: datetime.now(UTC))
        self.purpose_names = PurposeNames()  # the English labels in the queue, as shown
        self._headers = [
            self.tr("Arrived"),
            self.tr("Waiting"),
            self.tr("Name"),
            self.tr("Purpose"),
            self.tr("Coach"),
            self.tr("Status"),
        ]
        self._status_text = {
            VisitStatus.WAITING: self.tr("Waiting"),
            VisitStatus.WITH_COACH: self.tr("With coach"),
            VisitStatus.DONE: self.tr("Done"),
            VisitStatus.UNDONE: self.tr("Withdrawn"),
        }

    def show_purposes_as(self, options) -> None:
        """Name the purposes as the purpose row does (their Spanish names in Spanish)."""
        self.purpose_names.learn(options)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, self.PURPOSE), self.index(self.rowCount() - 1, self.PURPOSE)
            )

    def set_entries(self, entries: tuple[QueueEntry, ...] | list[QueueEntry]) -> None:
        self.set_rows(entries)

    def set_private(self, private: bool) -> None:
        self._private = private
        self.refresh_column(self.NAME)

    def tick(self) -> None:
        """The minutes-waiting column moves on by itself."""
        self.refresh_column(self.WAITING)

    def entry(self, row: int) -> QueueEntry | None:
        return self.row_at(row)

    def row_of_visit(self, visit_id: int) -> int:
        return next((row for row, e in enumerate(self.rows) if e.visit_id == visit_id), -1)

    def cell(self, entry: QueueEntry, column: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ForegroundRole and entry.status is VisitStatus.DONE:
            return QBrush(state_colour(State.MUTED))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.WAITING:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COACH:
            return self._coach_tooltip(entry)
        return None

    def minutes_waiting(self, entry: QueueEntry) -> int:
        until = entry.started_at or entry.departed_at or self._clock()
        return max(0, int((until - entry.arrived_at).total_seconds() // 60))

    def _text(self, entry: QueueEntry, column: int) -> str:
        if column == self.ARRIVED:
            return self.center_time.time_text(entry.arrived_at)
        if column == self.WAITING:
            if entry.status is not VisitStatus.WAITING:
                return ""
            return fill(self.tr("%1 min"), str(self.minutes_waiting(entry)))
        if column == self.NAME:
            if entry.is_anonymous:
                return anonymous_label(entry.anonymous_initials)
            return shown_name(
                entry.first_name, entry.last_name, entry.preferred_name, private=self._private
            )
        if column == self.PURPOSE:
            purposes = ", ".join(self.purpose_names(label) for label in entry.purposes)
            if entry.way_in == "kiosk":
                return purposes + self.tr(" · signed in at the door")
            if entry.way_in == "card":
                return purposes + self.tr(" · by card")
            return purposes
        if column == self.COACH:
            if entry.coach_name:
                return entry.coach_name
            if entry.assigned_coach_name:
                return fill(self.tr("%1 (their coach)"), entry.assigned_coach_name)
            if entry.requested_coach_name:
                return fill(self.tr("%1 (asked for)"), entry.requested_coach_name)
            return ""
        if column == self.STATUS:
            return self._status_text[entry.status]
        return ""

    def _coach_tooltip(self, entry: QueueEntry) -> str | None:
        parts = []
        if entry.assigned_coach_name:
            parts.append(fill(self.tr("Their coach: %1"), entry.assigned_coach_name))
        if entry.requested_coach_name:
            parts.append(fill(self.tr("Asked for: %1"), entry.requested_coach_name))
        return "\n".join(parts) or None

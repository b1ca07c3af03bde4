"""The coach roster as a table: who is on duty, caseload against limit, what each brings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desk.coaching.availability import availability_words
from desk.services.coach_roster import RosterCoach
from ui.coaching_words import languages_text, tags_text
from ui.i18n import screen_language
from ui.models.record_table import RecordTableModel
from ui.state_colours import State, state_colour
from ui.words import fill


class RosterTableModel(RecordTableModel):
    NAME, ON_DUTY, PEERS, LANGUAGES, SPECIALTIES, HOURS, PHONE = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                self.tr("Coach"),
                self.tr("On duty"),
                self.tr("Peers"),
                self.tr("Languages"),
                self.tr("Specialties"),
                self.tr("Weekly hours"),
                self.tr("Phone (handouts)"),
            ],
            parent,
        )
        self._labels: Mapping[str, str] = {}

    def set_tag_labels(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)
        self.refresh_display()

    def row_of_coach(self, coach_id: int) -> int:
        return next((n for n, c in enumerate(self._rows) if c.id == coach_id), -1)

    def display(self, coach: RosterCoach, column: int) -> str:
        if column == self.NAME:
            return (
                coach.display_name
                if coach.active
                else fill(self.tr("%1 (inactive)"), coach.display_name)
            )
        if column == self.ON_DUTY:
            return self.tr("On duty") if coach.on_duty else ""
        if column == self.PEERS:
            return f"{coach.active_peers} / {coach.caseload_limit or 0}"
        if column == self.LANGUAGES:
            return languages_text(coach.languages)
        if column == self.SPECIALTIES:
            return tags_text(coach.specialties, self._labels)
        if column == self.HOURS:
            return availability_words(coach.availability, screen_language())
        if column == self.PHONE:
            return coach.phone or ""
        return ""

    def tooltip(self, coach: RosterCoach, column: int) -> str | None:
        if column == self.PEERS and not coach.has_room:
            return self.tr("No room: assigning more needs the override, which is recorded.")
        if column in (self.SPECIALTIES, self.HOURS):
            return self.display(coach, column) or None
        return None

    def foreground(self, coach: RosterCoach, column: int):
        if not coach.active:
            return QBrush(state_colour(State.MUTED))
        if column == self.PEERS and not coach.has_room:
            return QBrush(state_colour(State.DUE))
        return None

    def alignment(self, column: int) -> int | None:
        if column == self.PEERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

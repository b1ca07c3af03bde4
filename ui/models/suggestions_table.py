"""Ranked coach suggestions: rank, coach, room, score, and the reasons in words."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from desk.coaching.ranking import Suggestion
from ui.coaching_words import cautions_text, reasons_text
from ui.models.record_table import RecordTableModel
from ui.state_colours import State, state_colour
from ui.words import fill


class SuggestionsTableModel(RecordTableModel):
    RANK, COACH, PEERS, SCORE, WHY, AGAINST = range(6)

    def __init__(self, parent=None) -> None:
        super().__init__(
            [
                self.tr("#"),
                self.tr("Coach"),
                self.tr("Peers"),
                self.tr("Score"),
                self.tr("Why"),
                self.tr("To know"),
            ],
            parent,
        )
        self._labels: Mapping[str, str] = {}

    def set_suggestions(self, suggestions: list[Suggestion], labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)
        self.set_records(suggestions)

    def row_of_coach(self, coach_id: int | None) -> int:
        return next((n for n, s in enumerate(self._rows) if s.coach.id == coach_id), -1)

    def display(self, suggestion: Suggestion, column: int) -> str:
        coach = suggestion.coach
        if column == self.RANK:
            return str(suggestion.rank)
        if column == self.COACH:
            return f"★ {coach.name}" if suggestion.named else coach.name
        if column == self.PEERS:
            text = f"{coach.active_peers} / {coach.caseload_limit}"
            return text if coach.has_room else fill(self.tr("%1 full"), text)
        if column == self.SCORE:
            return str(suggestion.score)
        if column == self.WHY:
            return reasons_text(suggestion, self._labels)
        if column == self.AGAINST:
            return cautions_text(suggestion, self._labels)
        return ""

    def tooltip(self, suggestion: Suggestion, column: int) -> str | None:
        if column in (self.WHY, self.AGAINST):
            return self.display(suggestion, column) or None
        if column == self.SCORE:
            return self.tr(
                "Each reason weighs more than all the ones after it together: their wishes "
                "(gender 128, language 64, pathway 32), their language 16, a specialty 8, "
                "plenty of room 4, on duty 2, worked with them before 1."
            )
        return None

    def foreground(self, suggestion: Suggestion, column: int):
        if column == self.PEERS and not suggestion.has_room:
            return QBrush(state_colour(State.DUE))
        return None

    def alignment(self, column: int) -> int | None:
        if column in (self.RANK, self.PEERS, self.SCORE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

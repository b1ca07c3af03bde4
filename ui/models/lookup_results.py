"""The sign-in box's matches: enough to tell two Marías apart, and no more."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desk.lookup.person_index import PersonMatch
from desk.names import shown_name
from desk.text_folding import digits_only
from ui.formatting import CenterTime, date_text, full_date_text, weekday_text
from ui.words import fill

Index = QModelIndex | QPersistentModelIndex


class LookupResultsModel(QAbstractListModel):
    MatchRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None, center_time: CenterTime | None = None) -> None:
        super().__init__(parent)
        self.center_time = center_time or CenterTime()
        self._matches: list[PersonMatch] = []
        self._private = True
        self._here: frozenset[int] = frozenset()  # people in today's queue, not yet gone

    def set_matches(self, matches: list[PersonMatch]) -> None:
        self.beginResetModel()
        self._matches = list(matches)
        self.endResetModel()

    def set_here(self, person_ids: frozenset[int]) -> None:
        """Who is in today's queue now: a match says so, before anyone presses Enter."""
        if person_ids != self._here:
            self._here = person_ids
            if self._matches:
                self.dataChanged.emit(self.index(0), self.index(len(self._matches) - 1))

    def set_private(self, private: bool) -> None:
        self._private = private
        if self._matches:
            self.dataChanged.emit(self.index(0), self.index(len(self._matches) - 1))

    def match_at(self, row: int) -> PersonMatch | None:
        return self._matches[row] if 0 <= row < len(self._matches) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._matches):
            return None
        match = self._matches[index.row()]
        if role == self.MatchRole:
            return match
        if role == Qt.ItemDataRole.DisplayRole:
            return self.describe(match)
        return None

    def describe(self, match: PersonMatch) -> str:
        parts = [
            shown_name(
                match.first_name, match.last_name, match.preferred_name, private=self._private
            )
        ]
        if match.nickname and not self._private:
            parts[0] += f" “{match.nickname}”"
        if match.birth_year:
            parts.append(fill(self.tr("b. %1"), str(match.birth_year)))
        if match.phone:
            tail = digits_only(match.phone)[-2 if self._private else -4 :]
            parts.append(f"☎ ··{tail}")
        if match.person_id in self._here:
            parts.append(self.tr("here now, in today's queue"))
        elif match.last_visit_at:
            parts.append(fill(self.tr("last here %1"), self._when(match.last_visit_at)))
        else:
            parts.append(self.tr("no visits yet"))
        return "  ·  ".join(parts)

    def _when(self, moment: datetime) -> str:
        local = self.center_time.local(moment)
        days = (self.center_time.today() - local.date()).days
        if days <= 0:
            return self.tr("today")
        if days == 1:
            return self.tr("yesterday")
        if days < 7:
            return weekday_text(local.date())
        if days > 300:
            return full_date_text(local.date())
        return date_text(local.date(), this_year=local.year)

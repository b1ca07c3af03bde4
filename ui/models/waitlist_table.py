"""The waitlist as a table: the longest-waiting first, with what each peer asked for.

Days waiting are counted on the center's calendar: put on the list at 20:30, one day by the
next morning."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from desk.names import shown_name
from desk.services.waitlist import WaitlistRow
from ui.coaching_words import language_name, tags_text
from ui.formatting import CenterTime
from ui.models.record_table import RecordTableModel
from ui.words import fill


class WaitlistTableModel(RecordTableModel):
    SINCE, PEER, ASKED_FOR, NOTE = range(4)

    def __init__(self, parent=None, *, clock=None, center_time: CenterTime | None = None) -> None:
        super().__init__(
            [
                self.tr("Waiting"),
                self.tr("Peer (language)"),
                self.tr("Asked for"),
                self.tr("Note"),
            ],
            parent,
        )
        self.center_time = center_time or CenterTime()
        self._private = True
        self._labels: Mapping[str, str] = {}
        self._clock = clock or (lambda: datetime.now(UTC))

    def set_private(self, private: bool) -> None:
        self._private = private
        self.refresh_display()

    def set_tag_labels(self, labels: Mapping[str, str]) -> None:
        self._labels = dict(labels)
        self.refresh_display()

    def asked_for(self, row: WaitlistRow) -> str:
        parts = []
        if row.wished_coach_name:
            parts.append(row.wished_coach_name)
        if row.wished_coach_gender:
            parts.append(fill(self.tr("a %1"), row.wished_coach_gender))
        if row.wished_coach_language:
            parts.append(fill(self.tr("speaks %1"), language_name(row.wished_coach_language)))
        if row.wished_specialties:
            parts.append(tags_text(row.wished_specialties, self._labels))
        return "; ".join(parts)

    def display(self, row: WaitlistRow, column: int) -> str:
        if column == self.SINCE:
            days = (self.center_time.day(self._clock()) - self.center_time.day(row.added_at)).days
            return self.tr("%n day(s)", "", days)
        if column == self.PEER:
            name = shown_name(
                row.first_name, row.last_name, row.preferred_name, private=self._private
            )
            language = language_name(row.preferred_language)
            return f"{name} ({language})" if language else name
        if column == self.ASKED_FOR:
            return self.asked_for(row)
        if column == self.NOTE:
            return row.note or ""
        return ""

    def tooltip(self, row: WaitlistRow, column: int) -> str | None:
        if column == self.SINCE:
            return fill(
                self.tr("Since %1, added by %2"),
                self.center_time.date_text(row.added_at),
                row.added_by,
            )
        if column in (self.ASKED_FOR, self.NOTE):
            return self.display(row, column) or None
        if column == self.PEER and row.note:  # the note's column gives way on a narrow pane
            return fill(self.tr("Note: %1"), row.note)
        return None

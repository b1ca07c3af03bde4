"""Which of today's meetings someone signing in "for a support meeting" came for.

Shown beside the purposes only while "Support meeting" is chosen and a meeting is held
today; it offers the one on now (or the next) first, so a plain Enter records them there.
Ctrl+M moves to the next choice without leaving the sign-in box; "None of these" signs them
in without a meeting. Cancelled meetings are never offered.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from desk.services.attendance import NO_MEETING
from desk.services.groups import TodayAtCenter


class MeetingPicker(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("meetingChoice")
        self.combo.setAccessibleName(self.tr("Which meeting"))
        self.combo.setMinimumContentsLength(36)
        label = QLabel(self.tr("For the meeting (Ctrl+M):"))
        label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.combo)
        row.addStretch(1)
        self.today: TodayAtCenter | None = None

    def set_today(self, today: TodayAtCenter) -> None:
        """Today's meetings as choices, the one on now (or next) first chosen; a choice made
        by hand is kept if it is still offered."""
        kept = self.chosen()
        self.today = today
        self.combo.clear()
        held = [m for m in today.meetings if not m.cancelled and m.held_on == today.day]
        for meeting in held:
            when = f"{meeting.starts_at:%H:%M}–{meeting.ends_at:%H:%M}"
            tag = ""
            if meeting in today.on_now:
                tag = self.tr(" (on now)")
            elif meeting == today.next:
                tag = self.tr(" (next)")
            self.combo.addItem(f"{meeting.name}, {when}{tag}", (meeting.group_id, meeting.day))
        self.combo.addItem(self.tr("None of these"), NO_MEETING)
        # On now or next first; with every meeting over for the day, none of them.
        wanted = kept if kept is not None else NO_MEETING
        if kept in (None, NO_MEETING) and today.preselected is not None:
            wanted = (today.preselected.group_id, today.preselected.day)
        index = next((n for n in range(self.combo.count()) if self.combo.itemData(n) == wanted), 0)
        self.combo.setCurrentIndex(index)

    @property
    def offers_meetings(self) -> bool:
        return self.combo.count() > 1

    def chosen(self) -> tuple[int, date] | str | None:
        """(group id, day), NO_MEETING, or None before today's meetings are known."""
        data = self.combo.currentData()
        return tuple(data) if isinstance(data, (tuple, list)) else data  # type: ignore[return-value]

    def next_choice(self) -> None:
        if self.combo.count():
            self.combo.setCurrentIndex((self.combo.currentIndex() + 1) % self.combo.count())

    def reset(self) -> None:
        """Back to the meeting on now or next, for the next person."""
        if self.today is not None:
            self.combo.setCurrentIndex(-1)
            self.set_today(self.today)

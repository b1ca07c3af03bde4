""" "Today at the center" on the Front desk: the group on now, the next, and later today.

So that the desk can answer "is there a meeting now?" and send people to the right room
without opening the schedule. It follows the clock (every half minute) and any station's
change to the groups.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget

from desk.db.changes import ANY_TOPIC, Topic
from desk.errors import DeskError
from desk.groups.schedule import Meeting
from desk.services.groups import TodayAtCenter, today_at_center
from ui.context import AppContext
from ui.error_words import in_words
from ui.formatting import clock_text, time_span_text
from ui.words import fill


def _times(meeting: Meeting) -> str:
    return time_span_text(meeting.starts_at, meeting.ends_at)


class TodayAtCenterLine(QLabel):
    """One or two lines of rich text under the sign-in box."""

    loaded = Signal(object)  # the TodayAtCenter shown, for the meeting choice at sign-in

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("todayAtCenter")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Today at the center"))
        self.context = context
        self.clock = clock
        self.shown: TodayAtCenter | None = None
        context.changes.changed.connect(self._on_changes)

    def _on_changes(self, topics: set[str]) -> None:
        if topics & {Topic.GROUPS, Topic.SETTINGS, ANY_TOPIC}:
            self.refresh()

    def refresh(self) -> None:
        now = self.clock()
        self.context.tasks.submit(
            lambda session: today_at_center(session, now=now),
            self.show_today,
            self._failed,
            owner=self,
        )

    def _failed(self, error: DeskError) -> None:
        self.setText(escape(in_words(error)))

    def _where(self, meeting: Meeting) -> str:
        return f" ({escape(meeting.room)})" if meeting.room else ""

    def show_today(self, today: TodayAtCenter) -> None:
        self.shown = today
        self.loaded.emit(today)
        parts = []
        for meeting in today.on_now:
            parts.append(
                fill(
                    self.tr("<b>Now:</b> %1, until %2%3"),
                    escape(meeting.name),
                    clock_text(meeting.ends_at),
                    self._where(meeting),
                )
            )
        if today.next is not None:
            parts.append(
                fill(
                    self.tr("<b>Next:</b> %1 at %2%3"),
                    escape(today.next.name),
                    clock_text(today.next.starts_at),
                    self._where(today.next),
                )
            )
        if today.later:
            later = ", ".join(f"{escape(m.name)} {clock_text(m.starts_at)}" for m in today.later)
            parts.append(fill(self.tr("<b>Later:</b> %1"), later))
        cancelled = [m for m in today.meetings if m.cancelled]
        if cancelled:
            names = ", ".join(escape(m.name) for m in cancelled)
            parts.append(fill(self.tr("<b>Cancelled today:</b> %1"), names))
        if not parts:
            parts.append(
                self.tr("No more groups today.") if today.earlier else self.tr("No groups today.")
            )
        heading = self.tr("Today at the center")
        self.setText(f"<b>{escape(heading)}</b> &nbsp; " + " &nbsp;·&nbsp; ".join(parts))
        self.setToolTip(
            "\n".join(
                f"{_times(m)}  {m.name}" + (self.tr(" (cancelled)") if m.cancelled else "")
                for m in today.meetings
            )
        )

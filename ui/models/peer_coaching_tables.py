"""A peer's coaching as tables: contacts, goals, coaches over time, BARC-10 answers.

Moments (a contact, a goal set, an assignment) are shown as the center's dates."""

from __future__ import annotations

from desk.services.assignments import AssignmentRecord
from desk.services.barc10_records import Barc10Record
from desk.services.coaching_contacts import ContactRecord
from desk.services.recovery_goals import GoalRecord
from ui.coaching_words import area_text, mode_text, status_text
from ui.formatting import CenterTime, date_text
from ui.models.record_table import RecordTableModel
from ui.words import fill


class ContactsTableModel(RecordTableModel):
    DATE, MODE, MINUTES, NOTE, NEXT_STEP, FOLLOW_UP, COACH = range(7)

    def __init__(self, parent=None, *, center_time: CenterTime | None = None) -> None:
        super().__init__(
            [
                self.tr("Date"),
                self.tr("How"),
                self.tr("Minutes"),
                self.tr("Note"),
                self.tr("Next step"),
                self.tr("Follow up on"),
                self.tr("Coach"),
            ],
            parent,
        )
        self.center_time = center_time or CenterTime()

    def display(self, contact: ContactRecord, column: int) -> str:
        if column == self.DATE:
            return self.center_time.date_text(contact.contact_at)
        if column == self.MODE:
            return mode_text(contact.mode)
        if column == self.MINUTES:
            return "" if contact.minutes is None else str(contact.minutes)
        if column == self.NOTE:
            return contact.note or ""
        if column == self.NEXT_STEP:
            return contact.next_step or ""
        if column == self.FOLLOW_UP:
            return date_text(contact.follow_up_on)
        if column == self.COACH:
            return contact.coach_name
        return ""

    def tooltip(self, contact: ContactRecord, column: int) -> str | None:
        if column in (self.NOTE, self.NEXT_STEP):
            return self.display(contact, column) or None
        return None


class GoalsTableModel(RecordTableModel):
    AREA, GOAL, STATUS, SINCE = range(4)

    def __init__(self, parent=None, *, center_time: CenterTime | None = None) -> None:
        super().__init__(
            [self.tr("Area"), self.tr("Goal"), self.tr("Status"), self.tr("Set on")], parent
        )
        self.center_time = center_time or CenterTime()

    def display(self, goal: GoalRecord, column: int) -> str:
        if column == self.AREA:
            return area_text(goal.area)
        if column == self.GOAL:
            return goal.title
        if column == self.STATUS:
            return status_text(goal.status)
        if column == self.SINCE:
            return self.center_time.date_text(goal.created_at)
        return ""


class AssignmentsTableModel(RecordTableModel):
    COACH, FROM, UNTIL, WHY_ENDED = range(4)

    def __init__(self, parent=None, *, center_time: CenterTime | None = None) -> None:
        super().__init__(
            [self.tr("Coach"), self.tr("From"), self.tr("Until"), self.tr("Why it ended")],
            parent,
        )
        self.center_time = center_time or CenterTime()

    def display(self, assignment: AssignmentRecord, column: int) -> str:
        if column == self.COACH:
            name = assignment.coach_name
            return fill(self.tr("%1 (over the limit)"), name) if assignment.over_limit else name
        if column == self.FROM:
            return self.center_time.date_text(assignment.started_at)
        if column == self.UNTIL:
            if assignment.ended_at is None:
                return self.tr("now")
            return self.center_time.date_text(assignment.ended_at)
        if column == self.WHY_ENDED:
            return assignment.end_reason or ""
        return ""


class Barc10TableModel(RecordTableModel):
    DATE, TOTAL, CHANGE, RECORDED_BY = range(4)

    def __init__(self, parent=None) -> None:
        super().__init__(
            [self.tr("Date"), self.tr("Total (10–60)"), self.tr("Change"), self.tr("Recorded by")],
            parent,
        )

    def display(self, record: Barc10Record, column: int) -> str:
        if column == self.DATE:
            return date_text(record.taken_on)
        if column == self.TOTAL:
            return str(record.total)
        if column == self.CHANGE:
            row = self._rows.index(record)
            if row == 0:
                return ""
            change = record.total - self._rows[row - 1].total
            return f"{change:+d}"
        if column == self.RECORDED_BY:
            return record.recorded_by
        return ""

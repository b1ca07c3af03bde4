"""Recording a visit at a meeting: the step shared by every way of signing in for one (the
desk, a card, the kiosk) and by the facilitator's list (desk.services.attendance).

A meeting's row is made by its first attendee; two stations recording the first attendees of
the same meeting at the same moment both succeed (the second insert is ignored, not refused).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import ConflictError, NotFound
from desk.groups.schedule import Meeting, find_meeting
from desk.messages.groups import (
    CHOOSE_ANOTHER_MEETING_OR_SIGN,
    CHOOSE_ONE_OF_TODAY,
    IS_CANCELLED_ON_NOBODY_CAN,
    THAT_GROUP_DOES_NOT_MEET,
)
from desk.models import GroupAttendance, GroupMeeting
from desk.services.actor import Actor
from desk.services.recording import record_change

SUPPORT_MEETING = "support_meeting"  # the visit purpose that asks which meeting


def open_meeting(session: Session, group_id: int, day: date) -> Meeting:
    """The meeting, if attendance may be taken for it: it exists and is not cancelled."""
    meeting = find_meeting(session, group_id, day)
    if meeting is None:
        raise NotFound(THAT_GROUP_DOES_NOT_MEET, hint=CHOOSE_ONE_OF_TODAY)
    if meeting.cancelled:
        why = f" ({meeting.note})" if meeting.note else ""
        raise ConflictError(
            IS_CANCELLED_ON_NOBODY_CAN.with_(
                name=meeting.name, held_on=meeting.held_on, day=meeting.held_on.day, why=why
            ),
            hint=CHOOSE_ANOTHER_MEETING_OR_SIGN,
        )
    return meeting


def _insert_ignoring_duplicates(session: Session, model: type, values: dict) -> None:
    """Insert a row unless its key is there already (another station's sign-in for the same
    meeting at the same moment makes the same row)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing())


def meeting_row(session: Session, meeting: Meeting, actor: Actor, now: datetime) -> GroupMeeting:
    _insert_ignoring_duplicates(
        session,
        GroupMeeting,
        {
            "group_id": meeting.group_id,
            "day": meeting.day,
            "held_on": meeting.held_on,
            "anonymous_count": 0,
            "updated_at": now,
            "updated_by_id": actor.staff_id,
            "version": 1,
        },
    )
    row = session.scalars(
        select(GroupMeeting).where(
            GroupMeeting.group_id == meeting.group_id, GroupMeeting.day == meeting.day
        )
    ).one()
    if row.held_on != meeting.held_on:
        row.held_on = meeting.held_on  # moved since its first attendee: reports follow it
    return row


def attend(
    session: Session,
    actor: Actor,
    meeting: Meeting,
    visit_id: int,
    person_id: int | None,
    now: datetime,
) -> None:
    """Record the visit at the meeting (its own audit event); the caller checked both."""
    row = meeting_row(session, meeting, actor, now)
    _insert_ignoring_duplicates(
        session,
        GroupAttendance,
        {
            "meeting_id": row.id,
            "visit_id": visit_id,
            "recorded_at": now,
            "recorded_by_id": actor.staff_id,
        },
    )
    record_change(
        session,
        actor,
        Topic.GROUPS,
        AuditAction.ATTENDANCE_ADDED,
        "group_meeting",
        row.id,
        person_id=person_id,
        at=now,
        group=meeting.name,
        day=meeting.held_on.isoformat(),
        visit_id=visit_id,
    )

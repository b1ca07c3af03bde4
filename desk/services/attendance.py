"""Who came to the center's groups: recorded at sign-in ("for a support meeting", which
meeting?) or by the facilitator from today's queue, with those who did not sign in as a count.

An attendee is a visit of that day: a person or an anonymous visitor who signed in. A visit
undone later no longer counts at the meeting either. Every attendee added or taken off is in
the activity log with the person's record, like a sign-in; the anonymous count is logged as
a number.

A facilitator's list and the desk's sign-ins may cross: the list saves only what the
facilitator ticked or unticked (a sign-in for the meeting made meanwhile stays), and its
count of anonymous attendees is refused if another station changed the count since.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic, announce_change
from desk.db.locking import now_in_turn
from desk.errors import ConflictError, ValidationError
from desk.groups.attending import SUPPORT_MEETING, attend, meeting_row, open_meeting
from desk.groups.schedule import Meeting
from desk.messages.people import (
    ANONYMOUS_ATTENDEES_CANNOT_BE_RIGHT,
    CHOOSE_ONE_OF_TODAY_MEETINGS,
    COUNT_OF_ANONYMOUS_ATTENDEES,
    IS_NOT_HELD_TODAY,
    IT_IS_NOW,
    LIST_HAS_BEEN_RELOADED_SET,
    LIST_HAS_BEEN_RELOADED_TICK,
    SOMEONE_ON_LIST_IS_NO,
)
from desk.models import GroupAttendance, GroupMeeting, Person, Visit, VisitStatus
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, _create_visit
from desk.services.groups import today_at_center
from desk.services.recording import refuse_stale
from desk.services.settings import center_day

MOST_ANONYMOUS = 500
NO_MEETING = "none"  # the desk chose "None of these"


@unrestricted("reads today's schedule, public information; the sign-in checks its caller")
def meeting_for_sign_in(
    session: Session,
    purposes: list[PurposeChoice],
    picked: tuple[int, date] | str | None,
    *,
    now: datetime | None = None,
) -> tuple[int, date] | None:
    """The meeting a sign-in records them at: none unless they came for a support meeting;
    then the one the desk picked, or (nothing picked: the sign-in box's usual purposes) the
    one on now or next today, if any."""
    if SUPPORT_MEETING not in {choice.code for choice in purposes} or picked == NO_MEETING:
        return None
    if isinstance(picked, tuple):
        return picked
    meeting = today_at_center(session, now=now).preselected
    return (meeting.group_id, meeting.day) if meeting is not None else None


@requires(Permission.SIGN_IN_VISITORS)
def sign_in_for_meeting(
    session: Session,
    actor: Actor,
    *,
    person_id: int | None,
    purposes: list[PurposeChoice],
    group_id: int,
    day: date,
    anonymous_initials: str | None = None,
    now: datetime | None = None,
    idempotency_key: str | None = None,
) -> int:
    """Sign a person (or an anonymous visitor) in and record them at one of today's
    meetings; a cancelled meeting, or one not held today, is refused and nobody is signed in.
    A sign-in sent again with the same `idempotency_key` returns the first one's visit."""
    if idempotency_key is not None:
        done = session.scalar(select(Visit.id).where(Visit.idempotency_key == idempotency_key))
        if done is not None:
            return done
    now = now or now_in_turn(session)
    meeting = open_meeting(session, group_id, day)
    if meeting.held_on != center_day(session, now):
        raise ValidationError(
            IS_NOT_HELD_TODAY.with_(name=meeting.name), hint=CHOOSE_ONE_OF_TODAY_MEETINGS
        )
    if SUPPORT_MEETING not in {choice.code for choice in purposes}:
        purposes = [*purposes, PurposeChoice(SUPPORT_MEETING)]
    visit_id = _create_visit(
        session,
        actor,
        person_id=person_id,
        purposes=purposes,
        anonymous_initials=anonymous_initials,
        now=now,
        idempotency_key=idempotency_key,
    )
    attend(session, actor, meeting, visit_id, person_id, now)
    return visit_id


# The facilitator's list ----------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    """Someone signed in that day, who may be ticked as at the meeting."""

    visit_id: int
    person_id: int | None
    first_name: str | None
    last_name: str | None
    preferred_name: str | None
    anonymous_initials: str | None
    arrived_at: datetime
    attending: bool


@dataclass(frozen=True)
class MeetingAttendance:
    meeting: Meeting
    candidates: tuple[Candidate, ...]  # the day's visits, by arrival
    anonymous_count: int
    version: int  # the meeting row's (0: nobody recorded yet)

    @property
    def attending(self) -> int:
        return sum(1 for c in self.candidates if c.attending) + self.anonymous_count


@requires(Permission.TAKE_ATTENDANCE)
def meeting_attendance(
    session: Session, actor: Actor, group_id: int, day: date
) -> MeetingAttendance:
    """The meeting's attendance as it stands, and everyone signed in that day."""
    meeting = open_meeting(session, group_id, day)
    row = session.scalars(
        select(GroupMeeting).where(GroupMeeting.group_id == group_id, GroupMeeting.day == day)
    ).one_or_none()
    attending: set[int] = set()
    if row is not None:
        attending = set(
            session.scalars(
                select(GroupAttendance.visit_id).where(GroupAttendance.meeting_id == row.id)
            )
        )
    rows = session.execute(
        select(
            Visit.id,
            Visit.person_id,
            Person.first_name,
            Person.last_name,
            Person.preferred_name,
            Visit.anonymous_initials,
            Visit.arrived_at,
        )
        .outerjoin(Person, Person.id == Visit.person_id)
        .where(Visit.local_day == meeting.held_on, Visit.status != VisitStatus.UNDONE)
        .order_by(Visit.arrived_at, Visit.id)
    ).all()
    candidates = tuple(Candidate(*r, attending=r[0] in attending) for r in rows)
    return MeetingAttendance(
        meeting,
        candidates,
        row.anonymous_count if row else 0,
        row.version if row else 0,
    )


@requires(Permission.TAKE_ATTENDANCE)
def save_attendance(
    session: Session,
    actor: Actor,
    group_id: int,
    day: date,
    *,
    add: frozenset[int] = frozenset(),
    remove: frozenset[int] = frozenset(),
    anonymous_count: int | None = None,
    read_version: int = 0,
    now: datetime | None = None,
) -> MeetingAttendance:
    """Tick (`add`) and untick (`remove`) the day's visits at the meeting, and set the count
    of those who came without signing in (None: leave it)."""
    now = now or utc_now()
    meeting = open_meeting(session, group_id, day)
    if anonymous_count is not None and not 0 <= anonymous_count <= MOST_ANONYMOUS:
        raise ValidationError(
            ANONYMOUS_ATTENDEES_CANNOT_BE_RIGHT.with_(
                anonymous_count=anonymous_count, most_anonymous=MOST_ANONYMOUS
            ),
            field="anonymous",
        )
    visits = {
        v.id: v
        for v in session.scalars(select(Visit).where(Visit.id.in_(add | remove)))
        if v.local_day == meeting.held_on and v.status is not VisitStatus.UNDONE
    }
    missing = (add | remove) - set(visits)
    if missing:
        raise ConflictError(
            SOMEONE_ON_LIST_IS_NO,
            hint=LIST_HAS_BEEN_RELOADED_TICK,
        )
    row = meeting_row(session, meeting, actor, now)
    if anonymous_count is not None and anonymous_count != row.anonymous_count:
        refuse_stale(
            session,
            row,
            read_version or row.version,
            what=COUNT_OF_ANONYMOUS_ATTENDEES,
            now=IT_IS_NOW.with_(anonymous_count=row.anonymous_count),
            hint=LIST_HAS_BEEN_RELOADED_SET,
        )
        before, row.anonymous_count = row.anonymous_count, anonymous_count
        row.updated_by_id = actor.staff_id
        record_event(
            session,
            actor,
            AuditAction.ATTENDANCE_COUNTED,
            "group_meeting",
            row.id,
            at=now,
            group=meeting.name,
            day=meeting.held_on.isoformat(),
            anonymous=anonymous_count,
            before=before,
        )
    present = set(
        session.scalars(
            select(GroupAttendance.visit_id).where(GroupAttendance.meeting_id == row.id)
        )
    )
    for visit_id in sorted(add - present):
        attend(session, actor, meeting, visit_id, visits[visit_id].person_id, now)
    for visit_id in sorted(remove & present):
        session.delete(session.get(GroupAttendance, (row.id, visit_id)))
        record_event(
            session,
            actor,
            AuditAction.ATTENDANCE_REMOVED,
            "group_meeting",
            row.id,
            person_id=visits[visit_id].person_id,
            at=now,
            group=meeting.name,
            day=meeting.held_on.isoformat(),
            visit_id=visit_id,
        )
    session.flush()
    announce_change(session, Topic.GROUPS)
    return meeting_attendance(session, actor, group_id, day)

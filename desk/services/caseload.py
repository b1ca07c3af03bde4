"""Each coach's caseload: their peers, last contact and next follow-up (overdue first), and
the chart of active peers against each coach's limit."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.errors import NotFound
from desk.messages.coaching import THAT_COACH_IS_NO_LONGER
from desk.models import (
    Assignment,
    Barc10Assessment,
    CoachingContact,
    GoalStatus,
    Person,
    RecoveryGoal,
    StaffMember,
)
from desk.services.actor import Actor
from desk.services.coaching_queries import active_caseloads
from desk.services.settings import center_now

OPEN_GOALS = (GoalStatus.NOT_STARTED, GoalStatus.IN_PROGRESS, GoalStatus.ON_HOLD)


class FollowUp(enum.Enum):
    """Where a peer stands, in the order the caseload lists them."""

    OVERDUE = 0
    DUE_TODAY = 1
    NO_CONTACT_YET = 2
    UPCOMING = 3
    NONE_PLANNED = 4


@dataclass(frozen=True)
class CaseloadRow:
    assignment_id: int
    person_id: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    preferred_language: str | None
    started_at: datetime
    last_contact_at: datetime | None
    next_follow_up: date | None
    follow_up: FollowUp
    days_overdue: int
    open_goals: int
    latest_barc10: int | None
    over_limit: bool


@dataclass(frozen=True)
class CoachCaseload:
    coach_id: int
    coach_name: str
    caseload_limit: int | None
    active: bool
    today: date
    rows: tuple[CaseloadRow, ...]

    @property
    def overdue(self) -> int:
        return sum(1 for row in self.rows if row.follow_up is FollowUp.OVERDUE)


@dataclass(frozen=True)
class CaseloadBar:
    coach_id: int
    name: str
    active_peers: int
    caseload_limit: int
    on_roster: bool  # an inactive coach still holding peers is shown, marked

    @property
    def over_limit(self) -> bool:
        return self.active_peers > self.caseload_limit


def _follow_up(next_day: date | None, last_contact: datetime | None, today: date):
    if last_contact is None:
        return FollowUp.NO_CONTACT_YET, 0
    if next_day is None:
        return FollowUp.NONE_PLANNED, 0
    if next_day < today:
        return FollowUp.OVERDUE, (today - next_day).days
    if next_day == today:
        return FollowUp.DUE_TODAY, 0
    return FollowUp.UPCOMING, 0


def _sort_key(row: CaseloadRow):
    if row.follow_up is FollowUp.OVERDUE:
        within = (-row.days_overdue,)
    elif row.follow_up is FollowUp.NO_CONTACT_YET:
        within = (row.started_at.timestamp(),)
    elif row.follow_up is FollowUp.UPCOMING:
        within = (row.next_follow_up.toordinal(),)  # type: ignore[union-attr]
    elif row.follow_up is FollowUp.NONE_PLANNED:
        within = (row.last_contact_at.timestamp(),)  # type: ignore[union-attr]
    else:
        within = (0,)
    return (row.follow_up.value, *within, row.first_name.casefold())


@requires(Permission.VIEW_CASELOADS)
def coach_caseload(
    session: Session,
    actor: Actor,
    coach_id: int,
    *,
    now: datetime | None = None,
    record_view: bool = False,
) -> CoachCaseload:
    """The coach's active peers: overdue follow-ups first, then due today, never contacted,
    upcoming, and those with no follow-up planned. With `record_view` (staff chose to open
    it, not a refresh of one on screen) the opening is in the activity log, with whose."""
    coach = session.get(StaffMember, coach_id)
    if coach is None or not coach.is_coach:
        raise NotFound(THAT_COACH_IS_NO_LONGER)
    today = center_now(session, now).date()
    assigned = session.execute(
        select(Assignment, Person)
        .join(Person, Person.id == Assignment.person_id)
        .where(Assignment.coach_id == coach_id, Assignment.ended_at.is_(None))
    ).all()
    people = [person.id for _, person in assigned]
    latest: dict[int, tuple[datetime, date | None]] = {}
    for person_id, contact_at, follow_up_on in session.execute(
        select(CoachingContact.person_id, CoachingContact.contact_at, CoachingContact.follow_up_on)
        .where(CoachingContact.person_id.in_(people))
        .order_by(CoachingContact.contact_at, CoachingContact.id)
    ):
        latest[person_id] = (contact_at, follow_up_on)  # the newest plan wins
    goals = dict(
        session.execute(
            select(RecoveryGoal.person_id, func.count())
            .where(RecoveryGoal.person_id.in_(people), RecoveryGoal.status.in_(OPEN_GOALS))
            .group_by(RecoveryGoal.person_id)
        ).all()
    )
    barc: dict[int, int] = {}
    for assessment in session.scalars(
        select(Barc10Assessment)
        .where(Barc10Assessment.person_id.in_(people))
        .order_by(Barc10Assessment.taken_on, Barc10Assessment.id)
    ):
        barc[assessment.person_id] = assessment.total
    rows = []
    for assignment, person in assigned:
        last_contact, next_day = latest.get(person.id, (None, None))
        state, overdue = _follow_up(next_day, last_contact, today)
        rows.append(
            CaseloadRow(
                assignment_id=assignment.id,
                person_id=person.id,
                first_name=person.first_name,
                last_name=person.last_name,
                preferred_name=person.preferred_name,
                preferred_language=person.preferred_language,
                started_at=assignment.started_at,
                last_contact_at=last_contact,
                next_follow_up=next_day,
                follow_up=state,
                days_overdue=overdue,
                open_goals=goals.get(person.id, 0),
                latest_barc10=barc.get(person.id),
                over_limit=assignment.over_limit,
            )
        )
    if record_view:
        record_event(
            session,
            actor,
            AuditAction.COACHING_CASELOAD_VIEWED,
            "staff_member",
            coach.id,
            person_ids=sorted(people),
        )
    return CoachCaseload(
        coach.id,
        coach.display_name,
        coach.caseload_limit,
        coach.active,
        today,
        tuple(sorted(rows, key=_sort_key)),
    )


@requires(Permission.PAIR_COACHES)
def caseload_chart(session: Session, actor: Actor) -> list[CaseloadBar]:
    """Every active coach, and any inactive one still holding peers: active peers vs limit."""
    counts = active_caseloads(session)
    coaches = session.execute(
        select(
            StaffMember.id, StaffMember.display_name, StaffMember.caseload_limit, StaffMember.active
        )
        .where(StaffMember.is_coach)
        .order_by(StaffMember.display_name, StaffMember.id)
    ).all()
    return [
        CaseloadBar(coach_id, name, counts.get(coach_id, 0), limit or 0, active)
        for coach_id, name, limit, active in coaches
        if active or counts.get(coach_id)
    ]

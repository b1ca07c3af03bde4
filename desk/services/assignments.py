"""Pairing a peer with a coach: one active assignment per peer, reassignment with a reason,
the whole history kept, and a caseload limit that only an audited override may pass.

Two stations assigning the same peer at once: the person's row is locked first, so the second
waits, then finds the first one's assignment and is told (a ConflictError naming the coach).
The coach's row is locked next, before their state and caseload are read, so a coach cannot be
made inactive, or lose their last place, between the check and the assignment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic
from desk.db.locking import lock_rows
from desk.errors import ConflictError, NotFound, ValidationError
from desk.messages import Message
from desk.messages.coaching import (
    CHOOSE_ACTIVE_COACH_OR_ASK,
    CHOOSE_COACH_WITH_ROOM_PUT,
    CLOSE_WINDOW_AND_LOOK_AGAIN,
    COACHING_WAS_ENDED_ON_ANOTHER,
    HAS_OF_PEERS_CASELOAD_IS,
    IS_ALREADY_COACH,
    IS_NOT_ACTIVE_ON_ROSTER,
    SAY_WHY_COACH_CHANGES,
    SAY_WHY_COACHING_ENDS,
    THAT_ASSIGNMENT_IS_NO_LONGER,
    THAT_COACH_IS_NO_LONGER,
    THIS_COACHING_WAS_ALREADY_ENDED,
    WAS_JUST_ASSIGNED_TO_ON,
    WAS_JUST_GIVEN_COACH_ON,
    WINDOW_NOW_SHOWS_CURRENT_STATE,
    WINDOW_NOW_SHOWS_THAT_THEY,
    WINDOW_NOW_SHOWS_THEIR_CURRENT,
)
from desk.models import Assignment, Person, StaffMember, WaitlistEntry
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.coaching_queries import active_caseload
from desk.services.people import live_person
from desk.services.recording import record_change
from desk.validation import clean_text

REASON_MAX = 200


class CaseloadFull(ConflictError):
    """The coach has no room; assigning anyway needs the explicit, audited override."""

    def __init__(self, message: str, *, hint: str, coach_id: int, active: int, limit: int):
        super().__init__(message, hint=hint)
        self.coach_id = coach_id
        self.active = active
        self.limit = limit


@dataclass(frozen=True)
class AssignmentRecord:
    id: int
    person_id: int
    coach_id: int
    coach_name: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    over_limit: bool
    assigned_by: str
    ended_by: str | None
    match_reasons: str | None

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


def _active_assignment(session: Session, person_id: int) -> Assignment | None:
    return session.scalar(
        select(Assignment).where(Assignment.person_id == person_id, Assignment.ended_at.is_(None))
    )


def _coach_name(session: Session, coach_id: int) -> str:
    return session.scalar(select(StaffMember.display_name).where(StaffMember.id == coach_id))


def _reason(text: str | None, *, needed: Message | None) -> str | None:
    why = clean_text(text, label="The reason", field="reason", max_length=REASON_MAX)
    if why is None and needed:
        raise ValidationError(needed, field="reason")
    return why


def _check_nothing_changed_meanwhile(
    session: Session, person: Person, active: Assignment | None, expected_id: int | None
) -> None:
    if (active.id if active else None) == expected_id:
        return
    if active is not None:
        raise ConflictError(
            WAS_JUST_ASSIGNED_TO_ON.with_(
                first_name=person.first_name, coach_name=_coach_name(session, active.coach_id)
            ),
            hint=WINDOW_NOW_SHOWS_THEIR_CURRENT,
        )
    raise ConflictError(
        COACHING_WAS_ENDED_ON_ANOTHER.with_(first_name=person.first_name),
        hint=WINDOW_NOW_SHOWS_THAT_THEY,
    )


@requires(Permission.PAIR_COACHES)
def assign_coach(
    session: Session,
    actor: Actor,
    person_id: int,
    coach_id: int,
    *,
    current_assignment_id: int | None,
    reason: str = "",
    override_limit: bool = False,
    match_reasons: str = "",
    now: datetime | None = None,
) -> AssignmentRecord:
    """Assign `coach_id` to the peer, or reassign them (ending `current_assignment_id`, which
    is the assignment the station last saw, None when it saw none)."""
    now = now or utc_now()
    lock_rows(session, Person, [person_id])
    person = live_person(session, person_id)
    # The coach's row is locked before anything about them is read: a station making them
    # inactive (which counts their peers under the same lock) waits, or is waited for.
    lock_rows(session, StaffMember, [coach_id])
    coach = session.get(StaffMember, coach_id, populate_existing=True)
    if coach is None or not coach.is_coach:
        raise NotFound(THAT_COACH_IS_NO_LONGER)
    if not coach.active:
        raise ValidationError(
            IS_NOT_ACTIVE_ON_ROSTER.with_(display_name=coach.display_name),
            field="coach",
            hint=CHOOSE_ACTIVE_COACH_OR_ASK,
        )
    active = _active_assignment(session, person_id)
    _check_nothing_changed_meanwhile(session, person, active, current_assignment_id)
    if active is not None and active.coach_id == coach_id:
        raise ValidationError(
            IS_ALREADY_COACH.with_(display_name=coach.display_name, first_name=person.first_name)
        )
    why = _reason(
        reason,
        needed=SAY_WHY_COACH_CHANGES if active is not None else None,
    )
    peers, limit = active_caseload(session, coach_id), coach.caseload_limit or 0
    over_limit = peers >= limit
    if over_limit and not override_limit:
        raise CaseloadFull(
            HAS_OF_PEERS_CASELOAD_IS.with_(
                display_name=coach.display_name, peers=peers, limit=limit
            ),
            hint=CHOOSE_COACH_WITH_ROOM_PUT.with_(first_name=person.first_name),
            coach_id=coach_id,
            active=peers,
            limit=limit,
        )
    previous_coach = None
    if active is not None:
        previous_coach = active.coach_id
        active.ended_at, active.end_reason, active.ended_by_id = now, why, actor.staff_id
        session.flush()  # the old one ends before the new one begins (one active per peer)
    assignment = Assignment(
        person_id=person_id,
        coach_id=coach_id,
        started_at=now,
        assigned_by_id=actor.staff_id,
        over_limit=over_limit,
        match_reasons=clean_text(match_reasons, label="The reasons", max_length=2000),
    )
    session.add(assignment)
    try:
        session.flush()
    except IntegrityError:
        raise ConflictError(
            WAS_JUST_GIVEN_COACH_ON.with_(first_name=person.first_name),
            hint=CLOSE_WINDOW_AND_LOOK_AGAIN,
        ) from None
    session.execute(
        update(WaitlistEntry)
        .where(WaitlistEntry.person_id == person_id, WaitlistEntry.resolved_at.is_(None))
        .values(resolved_at=now, resolution=f"assigned to {coach.display_name}")
        .execution_options(synchronize_session=False)
    )
    detail = {"coach_id": coach_id, "over_limit": over_limit}
    if previous_coach is not None:
        detail.update(previous_coach_id=previous_coach, reason=why)
    action = (
        AuditAction.COACHING_REASSIGNED
        if previous_coach is not None
        else AuditAction.COACHING_ASSIGNED
    )
    record_change(
        session,
        actor,
        Topic.COACHING,
        action,
        "assignment",
        assignment.id,
        person_id=person_id,
        at=now,
        **detail,
    )
    if over_limit:
        record_event(
            session,
            actor,
            AuditAction.COACHING_OVER_LIMIT_OVERRIDE,
            "staff_member",
            coach_id,
            person_id=person_id,
            at=now,
            active_peers=peers,
            caseload_limit=limit,
        )
    return _record(assignment, coach.display_name, actor.display_name, None)


@requires(Permission.PAIR_COACHES)
def end_assignment(
    session: Session,
    actor: Actor,
    assignment_id: int,
    reason: str,
    *,
    now: datetime | None = None,
) -> None:
    """End a peer's coaching without a new coach (they finished, moved, chose to stop)."""
    now = now or utc_now()
    found = session.get(Assignment, assignment_id)
    if found is None:
        raise NotFound(THAT_ASSIGNMENT_IS_NO_LONGER)
    lock_rows(session, Person, [found.person_id])
    session.refresh(found)
    if found.ended_at is not None:
        raise ConflictError(
            THIS_COACHING_WAS_ALREADY_ENDED,
            hint=WINDOW_NOW_SHOWS_CURRENT_STATE,
        )
    why = _reason(reason, needed=SAY_WHY_COACHING_ENDS)
    found.ended_at, found.end_reason, found.ended_by_id = now, why, actor.staff_id
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_ENDED,
        "assignment",
        found.id,
        person_id=found.person_id,
        at=now,
        coach_id=found.coach_id,
        reason=why,
    )


def _record(
    assignment: Assignment, coach: str, assigned_by: str, ended_by: str | None
) -> AssignmentRecord:
    return AssignmentRecord(
        id=assignment.id,
        person_id=assignment.person_id,
        coach_id=assignment.coach_id,
        coach_name=coach,
        started_at=assignment.started_at,
        ended_at=assignment.ended_at,
        end_reason=assignment.end_reason,
        over_limit=assignment.over_limit,
        assigned_by=assigned_by,
        ended_by=ended_by,
        match_reasons=assignment.match_reasons,
    )


@requires(Permission.PAIR_COACHES)
def assignment_history(session: Session, actor: Actor, person_id: int) -> list[AssignmentRecord]:
    """Every coach the peer has had, the current one first, then newest to oldest."""
    coach, by, ender = aliased(StaffMember), aliased(StaffMember), aliased(StaffMember)
    rows = session.execute(
        select(Assignment, coach.display_name, by.display_name, ender.display_name)
        .join(coach, coach.id == Assignment.coach_id)
        .join(by, by.id == Assignment.assigned_by_id)
        .outerjoin(ender, ender.id == Assignment.ended_by_id)
        .where(Assignment.person_id == person_id)
        .order_by(Assignment.ended_at.is_not(None), Assignment.started_at.desc())
    ).all()
    return [_record(a, name, assigned_by, ended_by) for a, name, assigned_by, ended_by in rows]

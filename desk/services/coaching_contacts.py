"""The contact log: date; in person, phone or text; minutes; a short non-clinical note; the
next step and when to follow up. No diagnosis, no clinical detail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import ValidationError
from desk.messages.coaching import (
    ASSIGN_COACH_FIRST_OR_SAY,
    CHECK_YEAR,
    CHOOSE_COACH_WHO_MADE_CONTACT,
    CHOOSE_DAY_AFTER_CONTACT_OR,
    CHOOSE_IN_PERSON_PHONE_OR,
    CONTACT_DATE_IS_IN_FUTURE,
    CONTACT_DATE_IS_TOO_LONG,
    FOLLOW_UP_DATE_IS_BEFORE,
    FOLLOW_UP_DATE_IS_MORE,
    GIVE_DATE_OF_CONTACT,
    HAS_NO_COACH_SO_CONTACT,
    LOG_CONTACT_ONCE_IT_HAPPENED,
    MINUTES_CANNOT_BE_RIGHT_0,
)
from desk.models import Assignment, CoachingContact, ContactMode, StaffMember, StaffRole
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.coaching_access import require_coaching_notes
from desk.services.people import live_person
from desk.services.recording import record_change
from desk.services.settings import center_now
from desk.validation import clean_text, us_date

NOTE_MAX = 500
NEXT_STEP_MAX = 200
MINUTES_MAX = 600
FOLLOW_UP_WITHIN_DAYS = 366
EARLIEST = date(2000, 1, 1)


@dataclass
class ContactInput:
    contact_on: date | None = None
    mode: ContactMode | None = None
    minutes: int | None = None
    note: str = ""
    next_step: str = ""
    follow_up_on: date | None = None


@dataclass(frozen=True)
class ContactRecord:
    id: int
    person_id: int
    contact_at: datetime
    mode: ContactMode
    minutes: int | None
    note: str | None
    next_step: str | None
    follow_up_on: date | None
    coach_name: str
    recorded_by: str


def _check(data: ContactInput, today: date) -> None:
    if data.contact_on is None:
        raise ValidationError(GIVE_DATE_OF_CONTACT, field="contact_on")
    if data.contact_on > today:
        raise ValidationError(
            CONTACT_DATE_IS_IN_FUTURE.with_(contact_on=us_date(data.contact_on)),
            field="contact_on",
            hint=LOG_CONTACT_ONCE_IT_HAPPENED,
        )
    if data.contact_on < EARLIEST:
        raise ValidationError(
            CONTACT_DATE_IS_TOO_LONG.with_(contact_on=us_date(data.contact_on)), field="contact_on"
        )
    if data.mode is None:
        raise ValidationError(CHOOSE_IN_PERSON_PHONE_OR, field="mode")
    if data.minutes is not None and not 0 <= data.minutes <= MINUTES_MAX:
        raise ValidationError(
            MINUTES_CANNOT_BE_RIGHT_0.with_(minutes=data.minutes, minutes_max=MINUTES_MAX),
            field="minutes",
        )
    if data.follow_up_on is not None:
        if data.follow_up_on < data.contact_on:
            raise ValidationError(
                FOLLOW_UP_DATE_IS_BEFORE,
                field="follow_up_on",
                hint=CHOOSE_DAY_AFTER_CONTACT_OR,
            )
        if data.follow_up_on > data.contact_on + timedelta(days=FOLLOW_UP_WITHIN_DAYS):
            raise ValidationError(
                FOLLOW_UP_DATE_IS_MORE,
                field="follow_up_on",
                hint=CHECK_YEAR,
            )


@requires(Permission.COACHING_RECORDS)
def log_contact(
    session: Session,
    actor: Actor,
    person_id: int,
    data: ContactInput,
    *,
    coach_id: int | None = None,
    now: datetime | None = None,
) -> ContactRecord:
    """Record a contact with the peer, made by their coach (or `coach_id` when they have none)."""
    now = now or utc_now()
    local_now = center_now(session, now)
    person = live_person(session, person_id)
    require_coaching_notes(session, actor, person_id, writing=True)
    _check(data, local_now.date())
    note = clean_text(
        data.note, label="The note", field="note", max_length=NOTE_MAX, multiline=True
    )
    next_step = clean_text(
        data.next_step, label="The next step", field="next_step", max_length=NEXT_STEP_MAX
    )
    assignment = session.scalar(
        select(Assignment).where(Assignment.person_id == person_id, Assignment.ended_at.is_(None))
    )
    made_by = coach_id if coach_id is not None else (assignment.coach_id if assignment else None)
    if made_by is None and actor.role is StaffRole.COACH:
        made_by = actor.staff_id  # a coach's first conversation with a peer who has no coach
    if made_by is None:
        raise ValidationError(
            HAS_NO_COACH_SO_CONTACT.with_(first_name=person.first_name),
            field="coach",
            hint=ASSIGN_COACH_FIRST_OR_SAY,
        )
    coach = session.get(StaffMember, made_by)
    if coach is None or not coach.is_coach:
        raise ValidationError(CHOOSE_COACH_WHO_MADE_CONTACT, field="coach")
    assert data.contact_on is not None and data.mode is not None  # checked above
    clock = local_now.time() if data.contact_on == local_now.date() else time(12, 0)
    contact = CoachingContact(
        person_id=person_id,
        coach_id=coach.id,
        assignment_id=assignment.id if assignment and assignment.coach_id == coach.id else None,
        contact_at=datetime.combine(data.contact_on, clock, local_now.tzinfo),
        mode=data.mode,
        minutes=data.minutes,
        note=note,
        next_step=next_step,
        follow_up_on=data.follow_up_on,
        recorded_by_id=actor.staff_id,
        recorded_at=now,
    )
    session.add(contact)
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_CONTACT_LOGGED,
        "coaching_contact",
        contact.id,
        person_id=person_id,
        at=now,
        coach_id=coach.id,
        mode=data.mode.value,
        follow_up_on=data.follow_up_on.isoformat() if data.follow_up_on else None,
    )
    return ContactRecord(
        contact.id,
        person_id,
        contact.contact_at,
        contact.mode,
        contact.minutes,
        note,
        next_step,
        contact.follow_up_on,
        coach.display_name,
        actor.display_name,
    )


@requires(Permission.COACHING_RECORDS)
def person_contacts(
    session: Session, actor: Actor, person_id: int, *, limit: int = 200
) -> list[ContactRecord]:
    """The peer's contacts, newest first."""
    require_coaching_notes(session, actor, person_id)
    coach, recorder = aliased(StaffMember), aliased(StaffMember)
    rows = session.execute(
        select(CoachingContact, coach.display_name, recorder.display_name)
        .join(coach, coach.id == CoachingContact.coach_id)
        .join(recorder, recorder.id == CoachingContact.recorded_by_id)
        .where(CoachingContact.person_id == person_id)
        .order_by(CoachingContact.contact_at.desc(), CoachingContact.id.desc())
        .limit(limit)
    ).all()
    return [
        ContactRecord(
            c.id,
            c.person_id,
            c.contact_at,
            c.mode,
            c.minutes,
            c.note,
            c.next_step,
            c.follow_up_on,
            coach_name,
            recorded_by,
        )
        for c, coach_name, recorded_by in rows
    ]

"""The waitlist: peers waiting for a coach with room, the longest-waiting first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.db.locking import lock_rows
from desk.errors import ConflictError, NotFound, ValidationError
from desk.messages.people import (
    ALREADY_HAS_COACH,
    IS_ALREADY_ON_WAITLIST,
    IT_SAYS,
    REASSIGN_THEM_INSTEAD_IF_THEY,
    SAY_BRIEFLY_WHY_THEY_LEAVE,
    THAT_WAITLIST_ENTRY_IS_NO,
    THEY_KEEP_THEIR_PLACE_COACHES,
    THIS_PEER_ALREADY_LEFT_WAITLIST,
    WAS_JUST_PUT_ON_WAITLIST,
)
from desk.models import Assignment, Person, StaffMember, WaitlistEntry
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.people import live_person
from desk.services.recording import record_change
from desk.validation import clean_text

NOTE_MAX = 300


@dataclass(frozen=True)
class WaitlistRow:
    entry_id: int
    person_id: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    preferred_language: str | None
    wished_coach_gender: str | None
    wished_coach_language: str | None
    wished_coach_name: str | None
    wished_specialties: tuple[str, ...]
    added_at: datetime
    added_by: str
    note: str | None


@requires(Permission.PAIR_COACHES)
def add_to_waitlist(
    session: Session, actor: Actor, person_id: int, note: str = "", *, now: datetime | None = None
) -> int:
    """Put the peer on the waitlist; returns the entry's id."""
    now = now or utc_now()
    lock_rows(session, Person, [person_id])
    person = live_person(session, person_id)
    coach = session.scalar(
        select(StaffMember.display_name)
        .join(Assignment, Assignment.coach_id == StaffMember.id)
        .where(Assignment.person_id == person_id, Assignment.ended_at.is_(None))
    )
    if coach is not None:
        raise ConflictError(
            ALREADY_HAS_COACH.with_(first_name=person.first_name, coach=coach),
            hint=REASSIGN_THEM_INSTEAD_IF_THEY,
        )
    waiting = session.scalar(
        select(WaitlistEntry.added_at).where(
            WaitlistEntry.person_id == person_id, WaitlistEntry.resolved_at.is_(None)
        )
    )
    if waiting is not None:
        raise ConflictError(
            IS_ALREADY_ON_WAITLIST.with_(first_name=person.first_name),
            hint=THEY_KEEP_THEIR_PLACE_COACHES,
        )
    entry = WaitlistEntry(
        person_id=person_id,
        added_at=now,
        added_by_id=actor.staff_id,
        note=clean_text(note, label="The note", field="note", max_length=NOTE_MAX),
    )
    session.add(entry)
    try:
        session.flush()
    except IntegrityError:
        raise ConflictError(WAS_JUST_PUT_ON_WAITLIST.with_(first_name=person.first_name)) from None
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_WAITLISTED,
        "waitlist_entry",
        entry.id,
        person_id=person_id,
    )
    return entry.id


@requires(Permission.PAIR_COACHES)
def remove_from_waitlist(
    session: Session,
    actor: Actor,
    entry_id: int,
    reason: str,
    *,
    now: datetime | None = None,
) -> None:
    """Take a peer off the waitlist without a coach (they no longer want one, moved away)."""
    now = now or utc_now()
    entry = session.get(WaitlistEntry, entry_id)
    if entry is None:
        raise NotFound(THAT_WAITLIST_ENTRY_IS_NO)
    lock_rows(session, Person, [entry.person_id])
    session.refresh(entry)
    if entry.resolved_at is not None:
        raise ConflictError(
            THIS_PEER_ALREADY_LEFT_WAITLIST,
            hint=IT_SAYS.with_(resolution=entry.resolution),
        )
    why = clean_text(reason, label="The reason", field="reason", max_length=200)
    if why is None:
        raise ValidationError(SAY_BRIEFLY_WHY_THEY_LEAVE, field="reason")
    entry.resolved_at, entry.resolution = now, why
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_WAITLIST_REMOVED,
        "waitlist_entry",
        entry.id,
        person_id=entry.person_id,
        reason=why,
    )


@requires(Permission.PAIR_COACHES)
def open_waitlist(session: Session, actor: Actor) -> list[WaitlistRow]:
    """Everyone waiting for a coach, the longest-waiting first."""
    added_by = (
        select(StaffMember.display_name)
        .where(StaffMember.id == WaitlistEntry.added_by_id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(WaitlistEntry, Person, added_by)
        .join(Person, Person.id == WaitlistEntry.person_id)
        .where(WaitlistEntry.resolved_at.is_(None))
        .order_by(WaitlistEntry.added_at, WaitlistEntry.id)
    ).all()
    names = dict(session.execute(select(StaffMember.id, StaffMember.display_name)).all())
    return [
        WaitlistRow(
            entry_id=entry.id,
            person_id=person.id,
            first_name=person.first_name,
            last_name=person.last_name,
            preferred_name=person.preferred_name,
            preferred_language=person.preferred_language,
            wished_coach_gender=person.wished_coach_gender,
            wished_coach_language=person.wished_coach_language,
            wished_coach_name=names.get(person.wished_coach_id),
            wished_specialties=tuple(person.wished_specialties or ()),
            added_at=entry.added_at,
            added_by=by,
            note=entry.note,
        )
        for entry, person, by in rows
    ]

"""A peer's coaching at a glance: their coach and history, the waitlist, contacts, goals and
BARC-10 trend. Opening it is recorded in the activity log, as opening the record is."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.coaching.barc10 import Trend
from desk.models import StaffMember, WaitlistEntry
from desk.services.actor import Actor
from desk.services.assignments import AssignmentRecord, assignment_history
from desk.services.barc10_records import Barc10Record, barc10_trend, person_barc10
from desk.services.coach_matching import CoachWishes
from desk.services.coaching_access import may_read_coaching_notes
from desk.services.coaching_contacts import ContactRecord, person_contacts
from desk.services.people import live_person
from desk.services.recovery_goals import GoalRecord, person_goals
from desk.services.settings import center_today


@dataclass(frozen=True)
class PeerCoaching:
    person_id: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    preferred_language: str | None
    recovery_pathway: str | None
    wishes: CoachWishes
    wished_coach_name: str | None
    current: AssignmentRecord | None
    history: tuple[AssignmentRecord, ...]  # ended assignments, newest first
    waitlist_entry_id: int | None
    waitlisted_at: datetime | None
    contacts: tuple[ContactRecord, ...]
    goals: tuple[GoalRecord, ...]
    barc10: tuple[Barc10Record, ...]
    today: date  # the center's today, for the date fields of new entries
    notes_shown: bool = True  # contacts, goals and BARC-10 are this staff member's to read

    @property
    def trend(self) -> Trend:
        return barc10_trend(self.barc10)


@requires(Permission.PAIR_COACHES)
def peer_coaching(
    session: Session, actor: Actor, person_id: int, *, audit: bool = True
) -> PeerCoaching:
    """The peer's coaching. Contacts, goals and BARC-10 come only to those who may read this
    peer's coaching notes (`desk.services.coaching_access`); the front desk sees the pairing.
    `audit=False` is for keeping an open view current after another station's change: the
    opening itself was recorded."""
    person = live_person(session, person_id)
    notes_shown = may_read_coaching_notes(session, actor, person_id)
    assignments = assignment_history(session, actor, person_id)
    waiting = session.execute(
        select(WaitlistEntry.id, WaitlistEntry.added_at).where(
            WaitlistEntry.person_id == person_id, WaitlistEntry.resolved_at.is_(None)
        )
    ).first()
    wished_name = (
        session.scalar(
            select(StaffMember.display_name).where(StaffMember.id == person.wished_coach_id)
        )
        if person.wished_coach_id
        else None
    )
    if audit and notes_shown:
        record_event(
            session, actor, AuditAction.COACHING_VIEWED, "person", person.id, person_id=person.id
        )
    return PeerCoaching(
        person_id=person.id,
        first_name=person.first_name,
        last_name=person.last_name,
        preferred_name=person.preferred_name,
        preferred_language=person.preferred_language,
        recovery_pathway=person.recovery_pathway,
        wishes=CoachWishes(
            person.wished_coach_id,
            person.wished_coach_gender or "",
            person.wished_coach_language or "",
            tuple(person.wished_specialties or ()),
        ),
        wished_coach_name=wished_name,
        current=next((a for a in assignments if a.is_active), None),
        history=tuple(a for a in assignments if not a.is_active),
        waitlist_entry_id=waiting.id if waiting else None,
        waitlisted_at=waiting.added_at if waiting else None,
        contacts=tuple(person_contacts(session, actor, person_id)) if notes_shown else (),
        goals=tuple(person_goals(session, actor, person_id)) if notes_shown else (),
        barc10=tuple(person_barc10(session, actor, person_id)) if notes_shown else (),
        today=center_today(session),
        notes_shown=notes_shown,
    )

"""Suggesting coaches for one peer: the facts the ranking needs, loaded in one short session.

Loading reads the person's record (their recovery pathway, language, past coaches, wishes,
waitlist place), so opening it is in the activity log (`coaching.match_viewed`); re-ranking
in the window as wishes change reads nothing more. Saving the wishes, and every assignment,
is audited too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import and_, bindparam, cast, null, select, union_all
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.coaching.availability import on_duty
from desk.coaching.ranking import CoachProfile, PeerWishes, Suggestion, rank_coaches
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.messages.coaching import (
    ASSIGN_COACH_FROM_THAT_RECORD,
    COACH_ASKED_FOR_IS_NOT,
    IS_NOT_SPECIALTY_IN_CENTER,
    RECORD,
    THERE_IS_NO_PERSON,
    THIS_RECORD_WAS_MERGED_INTO,
    WHAT_YOU_CHOSE_IS_STILL,
)
from desk.models import (
    Assignment,
    Person,
    PersonKind,
    SpecialtyTag,
    StaffMember,
    Visit,
    WaitlistEntry,
)
from desk.services.actor import Actor
from desk.services.coaching_queries import coach_rows
from desk.services.people import live_person
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import center_now
from desk.validation import clean_text

FAMILY_SPECIALTY = "family_ally"

# One query each: the peer with their open waitlist entry; their coaches, past and present,
# with the coaches they met at visits (assignment id None). Ranking runs often: few round trips.
_PERSON = (
    select(
        Person.id,
        Person.version,
        Person.first_name,
        Person.last_name,
        Person.preferred_name,
        Person.kind,
        Person.preferred_language,
        Person.recovery_pathway,
        Person.wished_coach_id,
        Person.wished_coach_gender,
        Person.wished_coach_language,
        Person.wished_specialties,
        Person.merged_into_id,
        WaitlistEntry.added_at,
    )
    .outerjoin(
        WaitlistEntry,
        and_(WaitlistEntry.person_id == Person.id, WaitlistEntry.resolved_at.is_(None)),
    )
    .where(Person.id == bindparam("person_id"))
)
_COACHES_MET = union_all(
    select(Assignment.id, Assignment.coach_id, Assignment.started_at, Assignment.ended_at).where(
        Assignment.person_id == bindparam("person_id")
    ),
    select(
        cast(null(), Assignment.id.type),
        Visit.coach_id,
        cast(null(), Assignment.started_at.type),
        cast(null(), Assignment.ended_at.type),
    )
    .where(Visit.person_id == bindparam("person_id"), Visit.coach_id.is_not(None))
    .distinct(),
)
_STAFF_NAMES = select(StaffMember.id, StaffMember.display_name, StaffMember.active).where(
    StaffMember.id.in_(bindparam("ids", expanding=True))
)


@dataclass(frozen=True)
class CoachWishes:
    """What the peer asked of a coach: all optional."""

    coach_id: int | None = None
    gender: str = ""
    language: str = ""
    specialties: tuple[str, ...] = ()


@dataclass(frozen=True)
class CurrentAssignment:
    id: int
    coach_id: int
    coach_name: str
    started_at: datetime


@dataclass(frozen=True)
class PeerFacts:
    person_id: int
    version: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    kind: PersonKind
    preferred_language: str | None
    recovery_pathway: str | None
    wishes: CoachWishes
    current: CurrentAssignment | None
    waitlisted_at: datetime | None
    past_coach_ids: frozenset[int]
    named_coach_name: str | None  # the coach they asked for, by name
    named_coach_active: bool


@dataclass(frozen=True)
class MatchingFacts:
    peer: PeerFacts
    coaches: tuple[CoachProfile, ...]  # active coaches only

    def peer_wishes(self, wishes: CoachWishes | None = None) -> PeerWishes:
        """The ranking's view of the peer: `wishes` as now typed, or as stored."""
        chosen = wishes if wishes is not None else self.peer.wishes
        specialties = set(chosen.specialties)
        if self.peer.kind is PersonKind.FAMILY:
            specialties.add(FAMILY_SPECIALTY)
        return PeerWishes(
            named_coach_id=chosen.coach_id,
            gender=chosen.gender or None,
            language=chosen.language or None,
            preferred_language=self.peer.preferred_language,
            recovery_pathway=self.peer.recovery_pathway,
            specialties=frozenset(specialties),
            past_coach_ids=self.peer.past_coach_ids,
            current_coach_id=self.peer.current.coach_id if self.peer.current else None,
        )

    def rank(self, wishes: CoachWishes | None = None) -> list[Suggestion]:
        return rank_coaches(self.coaches, self.peer_wishes(wishes))


@unrestricted("the coach roster as the ranking sees it, no one else's information")
def coach_profiles(session: Session, *, now: datetime | None = None) -> tuple[CoachProfile, ...]:
    """Every active coach as the ranking sees them: languages, specialties, room, on duty."""
    local_now = center_now(session, now)
    return tuple(
        CoachProfile(
            id=coach.id,
            name=coach.display_name,
            gender=coach.gender,
            languages=frozenset(coach.languages),
            specialties=frozenset(coach.specialties),
            recovery_pathway=coach.recovery_pathway,
            active_peers=coach.active_peers,
            caseload_limit=coach.caseload_limit or 0,
            on_duty=on_duty(coach.availability, local_now),
        )
        for coach in coach_rows(session)
    )


@requires(Permission.PAIR_COACHES)
def load_matching_facts(
    session: Session,
    actor: Actor,
    person_id: int,
    *,
    audit: bool = True,
    now: datetime | None = None,
) -> MatchingFacts:
    """What the ranking needs for this peer. `audit=False` is for loading again in a window
    already open (after another station's change): its opening was recorded."""
    row = session.execute(_PERSON, {"person_id": person_id}).one_or_none()
    if row is None:
        raise NotFound(THERE_IS_NO_PERSON.with_(person_id=person_id))
    if row.merged_into_id is not None:
        raise NotFound(
            THIS_RECORD_WAS_MERGED_INTO.with_(merged_into_id=row.merged_into_id),
            hint=ASSIGN_COACH_FROM_THAT_RECORD,
        )
    if audit:
        record_event(
            session,
            actor,
            AuditAction.COACHING_MATCH_VIEWED,
            "person",
            person_id,
            person_id=person_id,
        )
    coaches = coach_profiles(session, now=now)
    met = session.execute(_COACHES_MET, {"person_id": person_id}).all()
    open_one = next((m for m in met if m.id is not None and m.ended_at is None), None)
    names = {c.id: (c.name, True) for c in coaches}
    wanted = {row.wished_coach_id, open_one.coach_id if open_one else None} - {None, *names}
    if wanted:  # a coach no longer active: read their name alone
        names.update(
            (staff_id, (name, active))
            for staff_id, name, active in session.execute(_STAFF_NAMES, {"ids": list(wanted)})
        )
    current = None
    if open_one is not None:
        current = CurrentAssignment(
            open_one.id, open_one.coach_id, names[open_one.coach_id][0], open_one.started_at
        )
    named = names.get(row.wished_coach_id) if row.wished_coach_id else None
    peer = PeerFacts(
        person_id=row.id,
        version=row.version,
        first_name=row.first_name,
        last_name=row.last_name,
        preferred_name=row.preferred_name,
        kind=row.kind,
        preferred_language=row.preferred_language,
        recovery_pathway=row.recovery_pathway,
        wishes=CoachWishes(
            row.wished_coach_id,
            row.wished_coach_gender or "",
            row.wished_coach_language or "",
            tuple(row.wished_specialties or ()),
        ),
        current=current,
        waitlisted_at=row.added_at,
        past_coach_ids=frozenset(m.coach_id for m in met),
        named_coach_name=named[0] if named else None,
        named_coach_active=bool(named and named[1]),
    )
    return MatchingFacts(peer, coaches)


@requires(Permission.PAIR_COACHES)
def suggest_coaches(
    session: Session,
    actor: Actor,
    person_id: int,
    *,
    wishes: CoachWishes | None = None,
    audit: bool = True,
    now: datetime | None = None,
) -> list[Suggestion]:
    """Every active coach for this peer, best first, each with its reasons."""
    return load_matching_facts(session, actor, person_id, audit=audit, now=now).rank(wishes)


@requires(Permission.PAIR_COACHES)
def coaches_for_visit(
    session: Session, actor: Actor, person_id: int | None, *, now: datetime | None = None
) -> list[Suggestion]:
    """The coaches a visitor could start a session with now, best first, each with its
    reasons: ranked as for assigning a coach (their wishes and language, room, on duty, a
    coach they know), except that their own coach, if they have one, comes first; for an
    anonymous visitor, on duty and room alone."""
    if person_id is None:
        return rank_coaches(coach_profiles(session, now=now), PeerWishes())
    facts = load_matching_facts(session, actor, person_id, now=now)
    ranked = rank_coaches(facts.coaches, replace(facts.peer_wishes(), current_coach_id=None))
    own = facts.peer.current.coach_id if facts.peer.current else None
    ranked.sort(key=lambda suggestion: suggestion.coach.id != own)  # stable: the rest keep order
    return [replace(suggestion, rank=n) for n, suggestion in enumerate(ranked, start=1)]


@requires(Permission.PAIR_COACHES)
def save_coach_wishes(
    session: Session, actor: Actor, person_id: int, read_version: int, wishes: CoachWishes
) -> int:
    """Store what the peer asked of a coach; returns the record's new version."""
    person = live_person(session, person_id)
    refuse_stale(
        session,
        person,
        read_version,
        what=RECORD.with_(first_name=person.first_name),
        hint=WHAT_YOU_CHOSE_IS_STILL,
    )
    if wishes.coach_id is not None:
        coach = session.get(StaffMember, wishes.coach_id)
        if coach is None or not coach.is_coach:
            raise ValidationError(COACH_ASKED_FOR_IS_NOT, field="coach")
    language = clean_text(wishes.language, label="The language", field="language", max_length=16)
    gender = clean_text(wishes.gender, label="The gender", field="gender", max_length=40)
    specialties = sorted(set(wishes.specialties))
    known = set(session.scalars(select(SpecialtyTag.code)))
    unknown = [code for code in specialties if code not in known]
    if unknown:
        raise ValidationError(
            IS_NOT_SPECIALTY_IN_CENTER.with_(unknown=unknown[0]), field="specialties"
        )
    values = {
        "wished_coach_id": wishes.coach_id,
        "wished_coach_gender": gender,
        "wished_coach_language": language,
        "wished_specialties": specialties or None,
    }
    changed = sorted(key for key, value in values.items() if getattr(person, key) != value)
    if not changed:
        return person.version
    for key in changed:
        setattr(person, key, values[key])
    person.updated_by_id = actor.staff_id
    record_change(
        session,
        actor,
        Topic.PEOPLE,
        AuditAction.COACHING_WISHES_CHANGED,
        "person",
        person.id,
        person_id=person.id,
        fields=changed,
    )
    return person.version

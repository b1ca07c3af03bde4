"""Signing people in, today's queue, and moving a visit along: with a coach, done, or undone."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, select, update
from sqlalchemy.orm import Session, aliased

from desk.db.changes import announce_change
from desk.errors import ConflictError, NotFound, StaleEdit, ValidationError
from desk.models import (
    Assignment,
    Person,
    Purpose,
    StaffMember,
    Visit,
    VisitPurpose,
    VisitStatus,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.audit import record_event
from desk.services.settings import load_settings
from desk.validation import NOTE_MAX, clean_text

ACTIVE = (VisitStatus.WAITING, VisitStatus.WITH_COACH)
DEFAULT_PURPOSE = "drop_in"
RECENT_DONE = 15
MAX_ITEMS = 99


@dataclass(frozen=True)
class PurposeOption:
    code: str
    label: str
    label_es: str | None
    counts_items: bool


@dataclass(frozen=True)
class PurposeChoice:
    code: str
    quantity: int | None = None


def list_purposes(session: Session) -> list[PurposeOption]:
    return [
        PurposeOption(p.code, p.label, p.label_es, p.counts_items)
        for p in session.scalars(select(Purpose).where(Purpose.active).order_by(Purpose.position))
    ]


def usual_purposes(session: Session, person_id: int, *, recent: int = 10) -> list[str]:
    """The purpose this person most often came for lately (the sign-in default)."""
    last_visits = (
        select(Visit.id)
        .where(Visit.person_id == person_id, Visit.status != VisitStatus.UNDONE)
        .order_by(Visit.arrived_at.desc())
        .limit(recent)
        .subquery()
    )
    codes = session.scalars(
        select(VisitPurpose.purpose_code).where(VisitPurpose.visit_id.in_(select(last_visits.c.id)))
    )
    counted = Counter(codes)
    return [counted.most_common(1)[0][0]] if counted else []


def _local_day(session: Session, moment: datetime) -> date:
    return moment.astimezone(load_settings(session).timezone).date()


def _clean_purposes(session: Session, purposes: list[PurposeChoice]) -> list[PurposeChoice]:
    if not purposes:
        raise ValidationError("Choose at least one purpose for the visit.", field="purposes")
    options = {option.code: option for option in list_purposes(session)}
    cleaned: dict[str, PurposeChoice] = {}
    for choice in purposes:
        option = options.get(choice.code)
        if option is None:
            raise ValidationError(
                f"“{choice.code}” is not a visit purpose in use.", field="purposes"
            )
        quantity = None
        if option.counts_items:
            quantity = 1 if choice.quantity is None else choice.quantity
            if not 0 <= quantity <= MAX_ITEMS:
                raise ValidationError(
                    f"{option.label}: a count of {quantity} cannot be right (0 to {MAX_ITEMS}).",
                    field="purposes",
                )
        cleaned[choice.code] = PurposeChoice(choice.code, quantity)
    return list(cleaned.values())


def sign_in(
    session: Session,
    actor: Actor,
    *,
    person_id: int | None,
    purposes: list[PurposeChoice],
    anonymous_initials: str | None = None,
    requested_coach_id: int | None = None,
    note: str | None = None,
    now: datetime | None = None,
) -> int:
    """Sign a person (or, with no person, an anonymous visitor) in; returns the visit's id."""
    now = now or utc_now()
    chosen = _clean_purposes(session, purposes)
    initials = clean_text(anonymous_initials, label="The initials", field="initials", max_length=12)
    day = _local_day(session, now)
    if person_id is not None:
        person = session.get(Person, person_id)
        if person is None or person.merged_into_id is not None:
            raise NotFound(
                "That person's record is no longer there.",
                hint="Search again: it may have been merged with another.",
            )
        here = session.scalar(
            select(Visit).where(
                Visit.person_id == person_id, Visit.local_day == day, Visit.status.in_(ACTIVE)
            )
        )
        if here is not None:
            raise ConflictError(
                f"{person.first_name} is already signed in today.",
                hint="They are in today's queue; check them out there before a new visit.",
            )
        initials = None
    visit = Visit(
        person_id=person_id,
        anonymous_initials=initials,
        arrived_at=now,
        local_day=day,
        status=VisitStatus.WAITING,
        requested_coach_id=requested_coach_id,
        signed_in_by_id=actor.staff_id,
        updated_at=now,
        note=clean_text(note, label="The note", field="note", max_length=NOTE_MAX),
    )
    visit.purposes = [VisitPurpose(purpose_code=c.code, quantity=c.quantity) for c in chosen]
    session.add(visit)
    session.flush()
    if person_id is not None:
        # Core update: the record's version stays, so an open edit of it is not made stale.
        session.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(last_visit_at=now)
            .execution_options(synchronize_session=False)
        )
    record_event(
        session,
        actor,
        "visit.created",
        "visit",
        visit.id,
        person_id=person_id,
        at=now,
        purposes=[c.code for c in chosen],
        anonymous=person_id is None,
    )
    announce_change(session, "visits")
    return visit.id


@dataclass(frozen=True)
class QueueEntry:
    visit_id: int
    version: int
    person_id: int | None
    first_name: str | None
    last_name: str | None
    preferred_name: str | None
    anonymous_initials: str | None
    arrived_at: datetime
    started_at: datetime | None
    departed_at: datetime | None
    status: VisitStatus
    purposes: tuple[str, ...]
    coach_name: str | None  # with this coach now
    assigned_coach_name: str | None  # the peer's coach
    requested_coach_name: str | None

    @property
    def is_anonymous(self) -> bool:
        return self.person_id is None


@dataclass(frozen=True)
class TodayCounts:
    visits: int
    anonymous: int
    here_now: int


@dataclass(frozen=True)
class TodayQueue:
    day: date
    entries: tuple[QueueEntry, ...]  # here now by arrival, then the latest done
    counts: TodayCounts


def today_queue(
    session: Session, actor: Actor, *, now: datetime | None = None, recent_done: int = RECENT_DONE
) -> TodayQueue:
    day = _local_day(session, now or utc_now())
    coach = aliased(StaffMember)
    requested = aliased(StaffMember)
    assigned = aliased(StaffMember)
    columns = (
        Visit,
        Person.first_name,
        Person.last_name,
        Person.preferred_name,
        coach.display_name,
        requested.display_name,
        assigned.display_name,
    )
    base = (
        select(*columns)
        .outerjoin(Person, Person.id == Visit.person_id)
        .outerjoin(coach, coach.id == Visit.coach_id)
        .outerjoin(requested, requested.id == Visit.requested_coach_id)
        .outerjoin(
            Assignment, and_(Assignment.person_id == Visit.person_id, Assignment.ended_at.is_(None))
        )
        .outerjoin(assigned, assigned.id == Assignment.coach_id)
    )
    here = session.execute(
        base.where(Visit.local_day == day, Visit.status.in_(ACTIVE)).order_by(Visit.arrived_at)
    ).all()
    done = session.execute(
        base.where(Visit.local_day == day, Visit.status == VisitStatus.DONE)
        .order_by(Visit.departed_at.desc())
        .limit(recent_done)
    ).all()
    rows = [*here, *done]
    labels: dict[int, list[str]] = {}
    if rows:
        for visit_id, label, quantity in session.execute(
            select(VisitPurpose.visit_id, Purpose.label, VisitPurpose.quantity)
            .join(Purpose, Purpose.code == VisitPurpose.purpose_code)
            .where(VisitPurpose.visit_id.in_([row[0].id for row in rows]))
            .order_by(Purpose.position)
        ):
            labels.setdefault(visit_id, []).append(f"{label} ×{quantity}" if quantity else label)
    total, anonymous = session.execute(
        select(
            func.count(), func.coalesce(func.sum(case((Visit.person_id.is_(None), 1), else_=0)), 0)
        ).where(Visit.local_day == day, Visit.status != VisitStatus.UNDONE)
    ).one()
    entries = tuple(
        QueueEntry(
            visit.id,
            visit.version,
            visit.person_id,
            first,
            last,
            preferred,
            visit.anonymous_initials,
            visit.arrived_at,
            visit.started_at,
            visit.departed_at,
            visit.status,
            tuple(labels.get(visit.id, ())),
            coach_name,
            assigned_name,
            requested_name,
        )
        for visit, first, last, preferred, coach_name, requested_name, assigned_name in rows
    )
    return TodayQueue(day, entries, TodayCounts(total, int(anonymous), len(here)))


def _visit_for_change(session: Session, visit_id: int, read_version: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("That visit is no longer in the queue.")
    if visit.version != read_version:
        raise StaleEdit(
            f"This visit was already changed on another station (it is now "
            f"“{visit.status.value.replace('_', ' ')}”).",
            hint="The queue has been refreshed; check it and try again if still needed.",
        )
    return visit


def start_with_coach(
    session: Session,
    actor: Actor,
    visit_id: int,
    read_version: int,
    coach_id: int,
    *,
    now: datetime | None = None,
) -> None:
    now = now or utc_now()
    visit = _visit_for_change(session, visit_id, read_version)
    coach = session.get(StaffMember, coach_id)
    if coach is None or not coach.active or not coach.is_coach:
        raise ValidationError("Choose an active recovery coach.", field="coach")
    if visit.status is not VisitStatus.WAITING:
        raise ConflictError("Only someone who is waiting can start with a coach.")
    visit.status, visit.coach_id, visit.started_at, visit.updated_at = (
        VisitStatus.WITH_COACH,
        coach.id,
        now,
        now,
    )
    session.flush()
    record_event(
        session,
        actor,
        "visit.started_with_coach",
        "visit",
        visit.id,
        person_id=visit.person_id,
        at=now,
        coach_id=coach.id,
    )
    announce_change(session, "visits")


def check_out(
    session: Session, actor: Actor, visit_id: int, read_version: int, *, now: datetime | None = None
) -> None:
    now = now or utc_now()
    visit = _visit_for_change(session, visit_id, read_version)
    if visit.status not in ACTIVE:
        raise ConflictError("This visit has already ended.")
    visit.status, visit.departed_at, visit.updated_at = VisitStatus.DONE, now, now
    session.flush()
    record_event(
        session, actor, "visit.checked_out", "visit", visit.id, person_id=visit.person_id, at=now
    )
    announce_change(session, "visits")


def undo_sign_in(
    session: Session,
    actor: Actor,
    visit_id: int,
    read_version: int,
    reason: str,
    *,
    now: datetime | None = None,
) -> None:
    """Withdraw a mistaken sign-in: it no longer counts, and the audit trail keeps it."""
    now = now or utc_now()
    visit = _visit_for_change(session, visit_id, read_version)
    why = clean_text(reason, label="The reason", field="reason", max_length=200)
    if why is None:
        raise ValidationError("Say briefly why the sign-in is withdrawn.", field="reason")
    if visit.status is VisitStatus.UNDONE:
        raise ConflictError("This sign-in was already withdrawn.")
    visit.status, visit.undone_at, visit.undone_by_id, visit.undo_reason = (
        VisitStatus.UNDONE,
        now,
        actor.staff_id,
        why,
    )
    visit.updated_at = now
    session.flush()
    if visit.person_id is not None:
        last = (
            select(func.max(Visit.arrived_at))
            .where(Visit.person_id == visit.person_id, Visit.status != VisitStatus.UNDONE)
            .scalar_subquery()
        )
        session.execute(
            update(Person)
            .where(Person.id == visit.person_id)
            .values(last_visit_at=last)
            .execution_options(synchronize_session=False)
        )
    record_event(
        session,
        actor,
        "visit.undone",
        "visit",
        visit.id,
        person_id=visit.person_id,
        at=now,
        reason=why,
    )
    announce_change(session, "visits")

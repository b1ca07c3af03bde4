"""Signing people in, today's queue, and moving a visit along: with a coach, done, or undone."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.db.locking import now_in_turn
from desk.errors import AlreadySignedIn, ConflictError, NotFound, ValidationError
from desk.messages.people import (
    CHECK_OUT_CAN_BE_UNDONE,
    CHOOSE_ACTIVE_RECOVERY_COACH,
    CHOOSE_AT_LEAST_ONE_PURPOSE,
    COACH_ASKED_FOR_IS_NOT,
    COUNT_OF_CANNOT_BE_RIGHT,
    IF_THEY_ARE_STILL_HERE,
    IS_ALREADY_SIGNED_IN_TODAY_2,
    IS_NOT_VISIT_PURPOSE_IN,
    IT_IS_NOW_3,
    ONLY_SOMEONE_WHO_IS_WAITING,
    QUEUE_HAS_BEEN_REFRESHED_CHECK,
    SAY_BRIEFLY_WHY_SIGN_IN,
    THAT_VISIT_IS_NO_LONGER,
    THEY_ARE_HIGHLIGHTED_IN_TODAY,
    THEY_HAVE_BEEN_SIGNED_IN,
    THIS_SIGN_IN_WAS_ALREADY,
    THIS_VISIT,
    THIS_VISIT_HAS_ALREADY_ENDED,
    THIS_VISITOR_IS_NOT_CHECKED,
)
from desk.models import (
    Person,
    Purpose,
    StaffMember,
    Visit,
    VisitPurpose,
    VisitStatus,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.first_visits import counted_first_day, with_visit_on
from desk.services.people import live_person
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import center_day
from desk.validation import NOTE_MAX, clean_text

ACTIVE = (VisitStatus.WAITING, VisitStatus.WITH_COACH)
DEFAULT_PURPOSE = "drop_in"
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


@requires(Permission.SIGN_IN_VISITORS)
def list_purposes(session: Session, actor: Actor) -> list[PurposeOption]:
    """The purposes in use, in the order staff press them (Ctrl+1, Ctrl+2, ...)."""
    return _active_purposes(session)


def _active_purposes(session: Session) -> list[PurposeOption]:
    return [
        PurposeOption(p.code, p.label, p.label_es, p.counts_items)
        for p in session.scalars(select(Purpose).where(Purpose.active).order_by(Purpose.position))
    ]


@requires(Permission.SIGN_IN_VISITORS)
def usual_purposes(
    session: Session, actor: Actor, person_id: int, *, recent: int = 10
) -> list[str]:
    """The purpose this person most often came for lately (the sign-in default)."""
    return _usual_purposes(session, person_id, recent)


def _usual_purposes(session: Session, person_id: int, recent: int = 10) -> list[str]:
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


def _clean_purposes(session: Session, purposes: list[PurposeChoice]) -> list[PurposeChoice]:
    if not purposes:
        raise ValidationError(CHOOSE_AT_LEAST_ONE_PURPOSE, field="purposes")
    options = {option.code: option for option in _active_purposes(session)}
    cleaned: dict[str, PurposeChoice] = {}
    for choice in purposes:
        option = options.get(choice.code)
        if option is None:
            raise ValidationError(IS_NOT_VISIT_PURPOSE_IN.with_(code=choice.code), field="purposes")
        quantity = None
        if option.counts_items:
            quantity = 1 if choice.quantity is None else choice.quantity
            if not 0 <= quantity <= MAX_ITEMS:
                raise ValidationError(
                    COUNT_OF_CANNOT_BE_RIGHT.with_(
                        label=option.label, quantity=quantity, max_items=MAX_ITEMS
                    ),
                    field="purposes",
                )
        cleaned[choice.code] = PurposeChoice(choice.code, quantity)
    return list(cleaned.values())


@requires(Permission.SIGN_IN_VISITORS)
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
    idempotency_key: str | None = None,
) -> int:
    """Sign a person (or, with no person, an anonymous visitor) in; returns the visit's id.
    The arrival is stamped in the transaction, once it is this write's turn (now_in_turn).
    With `idempotency_key`, a sign-in sent again after its reply was lost returns the visit
    the first one made, rather than a second visit or "already signed in"."""
    return _create_visit(
        session,
        actor,
        person_id=person_id,
        purposes=purposes,
        anonymous_initials=anonymous_initials,
        requested_coach_id=requested_coach_id,
        note=note,
        now=now,
        idempotency_key=idempotency_key,
    )


def _create_visit(
    session: Session,
    actor: Actor,
    *,
    person_id: int | None,
    purposes: list[PurposeChoice],
    anonymous_initials: str | None = None,
    requested_coach_id: int | None = None,
    note: str | None = None,
    now: datetime | None = None,
    way_in: str | None = None,
    idempotency_key: str | None = None,
) -> int:
    """The sign-in itself, for `sign_in` and the card and kiosk sign-ins (desk.services.cards,
    desk.services.kiosk), which check their own permissions: `way_in` is "card" or "kiosk"."""
    if idempotency_key is not None:
        done = session.scalar(select(Visit.id).where(Visit.idempotency_key == idempotency_key))
        if done is not None:
            return done
    chosen = _clean_purposes(session, purposes)
    initials = clean_text(anonymous_initials, label="The initials", field="initials", max_length=12)
    now = now or now_in_turn(session)
    day = center_day(session, now)
    if person_id is not None:
        person = live_person(session, person_id)
        here = session.scalar(
            select(Visit).where(
                Visit.person_id == person_id, Visit.local_day == day, Visit.status.in_(ACTIVE)
            )
        )
        if here is not None:
            raise AlreadySignedIn(
                IS_ALREADY_SIGNED_IN_TODAY_2.with_(first_name=person.first_name),
                visit_id=here.id,
                hint=THEY_ARE_HIGHLIGHTED_IN_TODAY,
            )
        initials = None
        if requested_coach_id is None:
            requested_coach_id = person.wished_coach_id  # the peer's own wish, shown in the queue
    if requested_coach_id is not None:
        coach = session.get(StaffMember, requested_coach_id)
        if coach is None or not coach.is_coach or not coach.active:
            raise ValidationError(COACH_ASKED_FOR_IS_NOT, field="coach")
    visit = Visit(
        person_id=person_id,
        anonymous_initials=initials,
        arrived_at=now,
        local_day=day,
        status=VisitStatus.WAITING,
        requested_coach_id=requested_coach_id,
        signed_in_by_id=actor.staff_id,
        note=clean_text(note, label="The note", field="note", max_length=NOTE_MAX),
        way_in=way_in,
        idempotency_key=idempotency_key,
    )
    visit.purposes = [VisitPurpose(purpose_code=c.code, quantity=c.quantity) for c in chosen]
    session.add(visit)
    session.flush()
    if person_id is not None:
        # Core update, naming updated_at: neither the version nor the edit time moves, so an
        # open edit of this record is not made stale (the lookup learns of visits from them).
        session.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(
                last_visit_at=now, first_visit_day=with_visit_on(day), updated_at=Person.updated_at
            )
            .execution_options(synchronize_session=False)
        )
    record_change(
        session,
        actor,
        Topic.VISITS,
        AuditAction.VISIT_CREATED,
        "visit",
        visit.id,
        person_id=person_id,
        at=now,
        purposes=[c.code for c in chosen],
        anonymous=person_id is None,
        **({"way_in": way_in} if way_in else {}),
    )
    return visit.id


def _visit_for_change(session: Session, visit_id: int, read_version: int) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(THAT_VISIT_IS_NO_LONGER)
    refuse_stale(
        session,
        visit,
        read_version,
        what=THIS_VISIT,
        now=IT_IS_NOW_3.with_(status=visit.status.value.replace("_", " ")),
        hint=QUEUE_HAS_BEEN_REFRESHED_CHECK,
    )
    return visit


@requires(Permission.SIGN_IN_VISITORS)
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
        raise ValidationError(CHOOSE_ACTIVE_RECOVERY_COACH, field="coach")
    if visit.status is not VisitStatus.WAITING:
        raise ConflictError(ONLY_SOMEONE_WHO_IS_WAITING)
    visit.status, visit.coach_id, visit.started_at = VisitStatus.WITH_COACH, coach.id, now
    record_change(
        session,
        actor,
        Topic.VISITS,
        AuditAction.VISIT_STARTED_WITH_COACH,
        "visit",
        visit.id,
        person_id=visit.person_id,
        at=now,
        coach_id=coach.id,
    )


@requires(Permission.SIGN_IN_VISITORS)
def check_out(
    session: Session, actor: Actor, visit_id: int, read_version: int, *, now: datetime | None = None
) -> None:
    now = now or utc_now()
    visit = _visit_for_change(session, visit_id, read_version)
    if visit.status not in ACTIVE:
        raise ConflictError(THIS_VISIT_HAS_ALREADY_ENDED)
    visit.status, visit.departed_at = VisitStatus.DONE, now
    record_change(
        session,
        actor,
        Topic.VISITS,
        AuditAction.VISIT_CHECKED_OUT,
        "visit",
        visit.id,
        person_id=visit.person_id,
        at=now,
    )


UNDO_CHECK_OUT_WITHIN = timedelta(minutes=1)


@requires(Permission.SIGN_IN_VISITORS)
def undo_check_out(
    session: Session, actor: Actor, visit_id: int, read_version: int, *, now: datetime | None = None
) -> None:
    """Put a visitor checked out by mistake back in the queue, as they were (waiting, or with
    their coach), within a minute of the check-out; later it is the record of their day."""
    now = now or utc_now()
    visit = _visit_for_change(session, visit_id, read_version)
    if visit.status is not VisitStatus.DONE or visit.departed_at is None:
        raise ConflictError(THIS_VISITOR_IS_NOT_CHECKED)
    if now - _aware(visit.departed_at) > UNDO_CHECK_OUT_WITHIN:
        raise ConflictError(
            CHECK_OUT_CAN_BE_UNDONE,
            hint=IF_THEY_ARE_STILL_HERE,
        )
    if visit.person_id is not None:
        again = session.scalar(
            select(func.count())
            .select_from(Visit)
            .where(
                Visit.person_id == visit.person_id,
                Visit.id != visit.id,
                Visit.status.in_(ACTIVE),
            )
        )
        if again:
            raise ConflictError(THEY_HAVE_BEEN_SIGNED_IN)
    visit.status = VisitStatus.WITH_COACH if visit.coach_id is not None else VisitStatus.WAITING
    visit.departed_at = None
    record_change(
        session,
        actor,
        Topic.VISITS,
        AuditAction.VISIT_CHECK_OUT_UNDONE,
        "visit",
        visit.id,
        person_id=visit.person_id,
        at=now,
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@requires(Permission.SIGN_IN_VISITORS)
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
        raise ValidationError(SAY_BRIEFLY_WHY_SIGN_IN, field="reason")
    if visit.status is VisitStatus.UNDONE:
        raise ConflictError(THIS_SIGN_IN_WAS_ALREADY)
    visit.status, visit.undone_at, visit.undone_by_id, visit.undo_reason = (
        VisitStatus.UNDONE,
        now,
        actor.staff_id,
        why,
    )
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
            # The edit time moves: the lookup re-reads recency.
            .values(
                last_visit_at=last,
                first_visit_day=counted_first_day(visit.person_id).scalar_subquery(),
            )
            .execution_options(synchronize_session=False)
        )
    record_change(
        session,
        actor,
        Topic.VISITS,
        AuditAction.VISIT_UNDONE,
        "visit",
        visit.id,
        person_id=visit.person_id,
        at=now,
        reason=why,
    )

"""People: add, open (audited), edit with a version check, see visits, find duplicates, merge."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic
from desk.errors import NotFound, StaleEdit, ValidationError
from desk.lookup.person_index import PersonIndex
from desk.lookup.query import LookupQuery
from desk.messages.people import (
    BOTH_RECORDS_HAVE_ACTIVE_COACH,
    COMPARE_TWO_RECORDS_AGAIN_THEN,
    END_ONE_OF_TWO_ASSIGNMENTS,
    NOTHING_ABOUT_THEM_IS_KEPT,
    RECORD_CANNOT_BE_MERGED_INTO,
    RECORD_CHANGED_ON_ANOTHER_STATION,
    RECORD_WAS_REMOVED_AT_PERSON,
    THERE_IS_NO_PERSON,
    THEY_MAY_HAVE_BEEN_REMOVED,
    THIS_RECORD_2,
    THIS_RECORD_WAS_MERGED_INTO,
    USE_THAT_ONE_OR_SEARCH,
)
from desk.models import (
    Assignment,
    Barc10Assessment,
    CoachingContact,
    Consent,
    Person,
    PersonKind,
    Purpose,
    RecoveryGoal,
    Referral,
    StaffMember,
    Visit,
    VisitPurpose,
    VisitStatus,
    WaitlistEntry,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.first_visits import counted_first_day
from desk.services.person_details import PersonDetails, clean_person_details
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import center_today
from desk.text_folding import fold
from desk.validation import display_phone, phone_without_extension


@dataclass(frozen=True)
class PersonRecord:
    id: int
    version: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    nickname: str | None
    pronouns: str | None
    kind: PersonKind
    birth_year: int | None
    birth_date: date | None
    phone: str | None
    email: str | None
    preferred_language: str | None
    may_call: bool | None
    may_text: bool | None
    may_leave_message: bool | None
    town: str | None
    heard_about: str | None
    note: str | None
    recovery_pathway: str | None
    wished_coach_id: int | None
    wished_coach_gender: str | None
    wished_coach_language: str | None
    wished_specialties: list[str] | None
    last_visit_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    def details(self) -> PersonDetails:
        """The record as the edit form shows it."""
        birth = (
            self.birth_date.isoformat()
            if self.birth_date
            else (str(self.birth_year) if self.birth_year else "")
        )
        return PersonDetails(
            first_name=self.first_name,
            last_name=self.last_name or "",
            preferred_name=self.preferred_name or "",
            nickname=self.nickname or "",
            pronouns=self.pronouns or "",
            kind=self.kind.value,
            birth=birth,
            phone=display_phone(self.phone),
            email=self.email or "",
            preferred_language=self.preferred_language or "",
            may_call=self.may_call,
            may_text=self.may_text,
            may_leave_message=self.may_leave_message,
            town=self.town or "",
            heard_about=self.heard_about or "",
            note=self.note or "",
            recovery_pathway=self.recovery_pathway or "",
            wished_coach_gender=self.wished_coach_gender or "",
            wished_coach_id=self.wished_coach_id,
            wished_coach_language=self.wished_coach_language or "",
            wished_specialties=tuple(self.wished_specialties or ()),
        )


def _record(person: Person) -> PersonRecord:
    return PersonRecord(
        **{name: getattr(person, name) for name in PersonRecord.__dataclass_fields__}
    )


@unrestricted("the record itself, for services that check and audit what they show of it")
def live_person(session: Session, person_id: int) -> Person:
    """The person's record, unless it is gone or was merged into another (NotFound, saying
    which and what to do)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound(
            THERE_IS_NO_PERSON.with_(person_id=person_id), hint=THEY_MAY_HAVE_BEEN_REMOVED
        )
    if person.removed_at is not None:
        raise NotFound(
            RECORD_WAS_REMOVED_AT_PERSON.with_(person_id=person_id),
            hint=NOTHING_ABOUT_THEM_IS_KEPT,
        )
    if person.merged_into_id is not None:
        raise NotFound(
            THIS_RECORD_WAS_MERGED_INTO.with_(
                person_id=person_id, merged_into_id=person.merged_into_id
            ),
            hint=USE_THAT_ONE_OR_SEARCH,
        )
    return person


@requires(Permission.ADD_PEOPLE)
def create_person(
    session: Session,
    actor: Actor,
    details: PersonDetails,
    *,
    idempotency_key: str | None = None,
) -> PersonRecord:
    """A new person. With `idempotency_key` (made by the station with the form), a save
    sent again after its reply was lost returns the person the first one created."""
    if idempotency_key is not None:
        done = session.scalar(select(Person).where(Person.idempotency_key == idempotency_key))
        if done is not None:
            return _record(done)
    values = clean_person_details(details, today=center_today(session))
    person = Person(
        **values,
        created_by_id=actor.staff_id,
        updated_by_id=actor.staff_id,
        idempotency_key=idempotency_key,
    )
    session.add(person)
    given = sorted(key for key, value in values.items() if value not in (None, "", False))
    record_change(
        session,
        actor,
        Topic.PEOPLE,
        AuditAction.PERSON_CREATED,
        "person",
        person,
        person_id=person,
        fields=given,
    )
    return _record(person)


@requires(Permission.VIEW_PEOPLE)
def open_person(session: Session, actor: Actor, person_id: int) -> PersonRecord:
    """A person's whole record; opening it is recorded in the audit trail."""
    person = live_person(session, person_id)
    record_event(
        session, actor, AuditAction.PERSON_VIEWED, "person", person.id, person_id=person.id
    )
    return _record(person)


@unrestricted("a version number shows nothing of the record")
def record_version(session: Session, person_id: int) -> int | None:
    """The version of a person's record now (None if gone or merged): enough for a station
    that has it open to tell whether another station saved it. It shows nothing of the
    record, so it is not an opening of it."""
    return session.scalar(
        select(Person.version).where(Person.id == person_id, Person.merged_into_id.is_(None))
    )


@requires(Permission.EDIT_PEOPLE)
def update_person(
    session: Session,
    actor: Actor,
    person_id: int,
    read_version: int,
    details: PersonDetails,
    *,
    only: Collection[str] | None = None,
) -> PersonRecord:
    """Save an edit made on the record as it was at `read_version`; refuse a stale one.

    `only` names the columns the editing form owns: the others (a coach wish set elsewhere)
    are left exactly as they are."""
    person = live_person(session, person_id)
    refuse_stale(session, person, read_version, what=THIS_RECORD_2)
    values = clean_person_details(details, today=center_today(session))
    changed = sorted(
        key
        for key, value in values.items()
        if (only is None or key in only) and getattr(person, key) != value
    )
    if not changed:
        return _record(person)
    for key in changed:
        setattr(person, key, values[key])
    person.updated_by_id = actor.staff_id
    record_change(
        session,
        actor,
        Topic.PEOPLE,
        AuditAction.PERSON_UPDATED,
        "person",
        person.id,
        person_id=person.id,
        fields=changed,
    )
    return _record(person)


@dataclass(frozen=True)
class VisitSummary:
    id: int
    arrived_at: datetime
    departed_at: datetime | None
    status: VisitStatus
    purposes: tuple[str, ...]
    coach_name: str | None
    note: str | None


@requires(Permission.VIEW_PEOPLE)
def person_visits(
    session: Session, actor: Actor, person_id: int, limit: int = 200
) -> list[VisitSummary]:
    visits = session.execute(
        select(Visit, StaffMember.display_name)
        .outerjoin(StaffMember, StaffMember.id == Visit.coach_id)
        .where(Visit.person_id == person_id)
        .order_by(Visit.arrived_at.desc())
        .limit(limit)
    ).all()
    ids = [visit.id for visit, _ in visits]
    labels: dict[int, list[str]] = {}
    for visit_id, label, quantity in session.execute(
        select(VisitPurpose.visit_id, Purpose.label, VisitPurpose.quantity)
        .join(Purpose, Purpose.code == VisitPurpose.purpose_code)
        .where(VisitPurpose.visit_id.in_(ids))
        .order_by(Purpose.position)
    ):
        labels.setdefault(visit_id, []).append(f"{label} ×{quantity}" if quantity else label)
    return [
        VisitSummary(
            visit.id,
            visit.arrived_at,
            visit.departed_at,
            visit.status,
            tuple(labels.get(visit.id, ())),
            coach,
            visit.note,
        )
        for visit, coach in visits
    ]


@dataclass(frozen=True)
class LikelyDuplicate:
    person_id: int
    first_name: str
    last_name: str | None
    preferred_name: str | None
    name: str
    birth_year: int | None
    phone: str | None
    last_visit_at: datetime | None
    reason: str


@requires(Permission.LOOK_UP_PEOPLE)
def likely_duplicates(
    session: Session,
    actor: Actor,
    index: PersonIndex,
    details: PersonDetails,
    *,
    exclude: int | None = None,
    limit: int = 5,
) -> list[LikelyDuplicate]:
    """People the new intake may already be: same name and birth year, same phone, or a
    similar name. Shown before saving, so one keystroke can use the existing record."""
    index.refresh(session)
    today = center_today(session)
    words = tuple(fold(f"{details.first_name} {details.last_name}").split())
    if not words and not details.phone.strip():
        return []
    birth_year = None
    if details.birth.strip():
        try:
            birth_year = clean_person_details(
                PersonDetails(first_name="x", birth=details.birth), today=today
            )["birth_year"]
        except ValidationError:
            birth_year = None
    found: dict[int, LikelyDuplicate] = {}
    phone_digits = "".join(ch for ch in phone_without_extension(details.phone) if ch.isdigit())
    if len(phone_digits) >= 7:
        for match in index.search(LookupQuery((), None, phone_digits[-10:]), limit=limit):
            found[match.person_id] = _duplicate(match, "same phone number")
    if words:
        for match in index.search(LookupQuery(words, None, ""), limit=limit * 2):
            if match.score < 0.75 * len(words) or match.person_id in found:
                continue
            same_name = fold(f"{match.first_name} {match.last_name or ''}").split() == list(words)
            if same_name and birth_year and match.birth_year == birth_year:
                reason = "same name and birth year"
            elif same_name:
                reason = "same name"
            else:
                reason = "similar name"
            found[match.person_id] = _duplicate(match, reason)
    found.pop(exclude, None)  # type: ignore[arg-type]
    order = {
        "same name and birth year": 0,
        "same phone number": 1,
        "same name": 2,
        "similar name": 3,
    }
    return sorted(found.values(), key=lambda d: order[d.reason])[:limit]


def _duplicate(match, reason: str) -> LikelyDuplicate:
    name = " ".join(part for part in (match.first_name, match.last_name) if part)
    return LikelyDuplicate(
        match.person_id,
        match.first_name,
        match.last_name,
        match.preferred_name,
        name,
        match.birth_year,
        match.phone,
        match.last_visit_at,
        reason,
    )


def _fill_birth(keep: Person, other: Person) -> list[str]:
    """Birth year and date travel together: a date never contradicts the kept year."""
    if keep.birth_year is None and keep.birth_date is None:
        if other.birth_year is None and other.birth_date is None:
            return []
        keep.birth_year, keep.birth_date = other.birth_year, other.birth_date
        return ["birth_year", "birth_date"] if other.birth_date else ["birth_year"]
    if (
        keep.birth_date is None
        and other.birth_date is not None
        and (other.birth_date.year == keep.birth_year)
    ):
        keep.birth_date = other.birth_date
        return ["birth_date"]
    return []


def _withdraw_second_sign_ins(
    session: Session, actor: Actor, keep_id: int, merge_id: int
) -> list[int]:
    """If both records are signed in on the same day, one person is there once: the other
    record's open visit is withdrawn (it stays in the history, marked why)."""
    open_days = set(
        session.scalars(
            select(Visit.local_day).where(Visit.person_id == keep_id, Visit.status.in_(OPEN_VISIT))
        )
    )
    doubles = (
        session.scalars(
            select(Visit).where(
                Visit.person_id == merge_id,
                Visit.status.in_(OPEN_VISIT),
                Visit.local_day.in_(open_days),
            )
        ).all()
        if open_days
        else []
    )
    for visit in doubles:
        visit.status = VisitStatus.UNDONE
        visit.undone_at = utc_now()
        visit.undone_by_id = actor.staff_id
        visit.undo_reason = "Merged: the same person was signed in twice"
    session.flush()
    return [visit.id for visit in doubles]


OPEN_VISIT = (VisitStatus.WAITING, VisitStatus.WITH_COACH)
_HISTORY = (
    Visit,
    Assignment,
    WaitlistEntry,
    CoachingContact,
    RecoveryGoal,
    Barc10Assessment,
    Referral,
    Consent,
)


def _keep_one_waitlist_place(session: Session, person_ids: tuple[int, int]) -> None:
    """Both records waiting for a coach: the one person keeps the earlier place (a person has
    one open waitlist entry)."""
    waiting = session.scalars(
        select(WaitlistEntry)
        .where(WaitlistEntry.person_id.in_(person_ids), WaitlistEntry.resolved_at.is_(None))
        .order_by(WaitlistEntry.added_at, WaitlistEntry.id)
    ).all()
    for later in waiting[1:]:
        later.resolved_at, later.resolution = utc_now(), "merged: the earlier place is kept"
    session.flush()


@requires(Permission.MERGE_PEOPLE)
def merge_people(
    session: Session,
    actor: Actor,
    *,
    keep_id: int,
    keep_version: int,
    merge_id: int,
    merge_version: int,
) -> PersonRecord:
    """Fold the record `merge_id` into `keep_id`: every visit and note moves, empty fields of
    the kept record are filled from the other, and the other is marked merged (not deleted)."""
    if keep_id == merge_id:
        raise ValidationError(RECORD_CANNOT_BE_MERGED_INTO)
    keep = live_person(session, keep_id)
    other = live_person(session, merge_id)
    for person, version in ((keep, keep_version), (other, merge_version)):
        if person.version != version:
            raise StaleEdit(
                RECORD_CHANGED_ON_ANOTHER_STATION.with_(first_name=person.first_name),
                hint=COMPARE_TWO_RECORDS_AGAIN_THEN,
            )
    active = session.scalars(
        select(Assignment).where(
            Assignment.person_id.in_((keep_id, merge_id)), Assignment.ended_at.is_(None)
        )
    ).all()
    if len(active) > 1:
        raise ValidationError(
            BOTH_RECORDS_HAVE_ACTIVE_COACH,
            hint=END_ONE_OF_TWO_ASSIGNMENTS,
        )
    withdrawn = _withdraw_second_sign_ins(session, actor, keep_id, merge_id)
    _keep_one_waitlist_place(session, (keep_id, merge_id))
    moved: dict[str, int] = {}
    for model in _HISTORY:
        result = session.execute(
            update(model)
            .where(model.person_id == merge_id)
            .values(person_id=keep_id)
            .execution_options(synchronize_session=False)
        )
        if result.rowcount:
            moved[model.__tablename__] = result.rowcount
    filled = _fill_birth(keep, other)
    for column in (
        "last_name",
        "preferred_name",
        "nickname",
        "pronouns",
        "phone",
        "email",
        "preferred_language",
        "town",
        "heard_about",
        "recovery_pathway",
        "wished_coach_id",
        "wished_coach_gender",
        "wished_coach_language",
        "wished_specialties",
    ):
        if getattr(keep, column) in (None, "") and getattr(other, column) not in (None, ""):
            setattr(keep, column, getattr(other, column))
            filled.append(column)
    if other.note:
        keep.note = f"{keep.note}\n{other.note}" if keep.note else other.note
    if other.last_visit_at and (
        keep.last_visit_at is None or other.last_visit_at > keep.last_visit_at
    ):
        keep.last_visit_at = other.last_visit_at
    # Counted again from the visits the kept record has now (a double sign-in withdrawn).
    keep.first_visit_day = session.scalar(counted_first_day(keep.id))
    other.first_visit_day = None
    keep.updated_by_id = actor.staff_id
    other.merged_into_id = keep.id
    other.updated_by_id = actor.staff_id
    # Records merged into the other one earlier now lead straight to the one kept.
    session.execute(
        update(Person)
        .where(Person.merged_into_id == other.id)
        .values(merged_into_id=keep.id)
        .execution_options(synchronize_session=False)
    )
    record_change(
        session,
        actor,
        Topic.PEOPLE,
        AuditAction.PERSON_MERGED,
        "person",
        keep.id,
        person_id=keep.id,
        merged_person_id=other.id,
        moved=moved,
        withdrawn_visits=withdrawn,
        filled=filled,
    )
    record_event(
        session,
        actor,
        AuditAction.PERSON_MERGED_AWAY,
        "person",
        other.id,
        person_id=other.id,
        merged_into=keep.id,
    )
    return _record(keep)

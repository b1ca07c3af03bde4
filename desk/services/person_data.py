"""A person's data on request: everything recorded about them, and removal of their record.

42 CFR Part 2 and common decency both say a person may see what a center keeps about them and
ask for it to go. An admin exports it (JSON for a machine, a PDF for the person), or removes
it: the person's record, coaching, consents and notes are deleted; their visits stay as
anonymous counts (the center's figures for funders do not change), referrals stay as
anonymous referrals without notes; the audit trail keeps the fact of the removal, without the
name, and its older events keep only a record number that now leads nowhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, aliased

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.entry import AuditEntry
from desk.audit.facts import load_facts
from desk.audit.record import record_event
from desk.audit.wording import describe
from desk.db.changes import Topic
from desk.errors import ValidationError
from desk.messages.people import THIS_RECORD, TYPE_PERSON_FIRST_NAME_EXACTLY
from desk.models import (
    Assignment,
    AuditEvent,
    Barc10Assessment,
    CoachingContact,
    Consent,
    Person,
    Purpose,
    RecoveryGoal,
    Referral,
    ReferralItem,
    SignInCard,
    StaffMember,
    Visit,
    VisitPurpose,
    WaitlistEntry,
)
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.people import live_person
from desk.services.recording import record_change, refuse_stale
from desk.text_folding import fold


@dataclass(frozen=True)
class Section:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class PersonData:
    person_id: int
    name: str
    details: tuple[tuple[str, Any], ...]
    sections: tuple[Section, ...] = field(default_factory=tuple)
    exported_at: datetime | None = None

    def as_json(self) -> bytes:
        def plain(value: Any) -> Any:
            return value.isoformat() if isinstance(value, date | datetime) else value

        document = {
            "format": "recovery-desk person data 1",
            "person_id": self.person_id,
            "exported_at": plain(self.exported_at),
            "details": {label: plain(value) for label, value in self.details},
            **{
                section.title: [
                    {
                        column: plain(value)
                        for column, value in zip(section.columns, row, strict=True)
                    }
                    for row in section.rows
                ]
                for section in self.sections
            },
        }
        return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


DETAILS = (
    ("first_name", "First name"),
    ("last_name", "Last name"),
    ("preferred_name", "Name they go by"),
    ("nickname", "Nickname"),
    ("pronouns", "Pronouns"),
    ("kind", "Peer or family"),
    ("birth_year", "Birth year"),
    ("birth_date", "Birth date"),
    ("phone", "Phone"),
    ("email", "Email"),
    ("preferred_language", "Language"),
    ("may_call", "May we call"),
    ("may_text", "May we text"),
    ("may_leave_message", "May we leave a message"),
    ("town", "Town"),
    ("heard_about", "How they heard of us"),
    ("recovery_pathway", "Recovery pathway"),
    ("note", "Note"),
    ("created_at", "Record made"),
    ("updated_at", "Last changed"),
)


def _ids(session: Session, person_id: int) -> list[int]:
    """The person's record and every record merged into it."""
    merged = session.scalars(select(Person.id).where(Person.merged_into_id == person_id)).all()
    return [person_id, *merged]


def _visits(session: Session, ids: list[int]) -> Section:
    coach = aliased(StaffMember)
    visits = session.execute(
        select(Visit, coach.display_name)
        .outerjoin(coach, coach.id == Visit.coach_id)
        .where(Visit.person_id.in_(ids))
        .order_by(Visit.arrived_at)
    ).all()
    labels: dict[int, list[str]] = {}
    for visit_id, label in session.execute(
        select(VisitPurpose.visit_id, Purpose.label)
        .join(Purpose, Purpose.code == VisitPurpose.purpose_code)
        .where(VisitPurpose.visit_id.in_([visit.id for visit, _ in visits]))
    ):
        labels.setdefault(visit_id, []).append(label)
    return Section(
        "visits",
        ("arrived", "left", "status", "why", "coach", "note"),
        tuple(
            (
                v.arrived_at,
                v.departed_at,
                v.status.value,
                ", ".join(labels.get(v.id, [])),
                name,
                v.note,
            )
            for v, name in visits
        ),
    )


def _rows(session: Session, title: str, columns: tuple[str, ...], query: Any) -> Section:
    return Section(title, columns, tuple(tuple(row) for row in session.execute(query)))


def _coaching(session: Session, ids: list[int]) -> list[Section]:
    coach = aliased(StaffMember)
    return [
        _rows(
            session,
            "coaching",
            ("coach", "started", "ended", "why ended"),
            select(
                coach.display_name,
                Assignment.started_at,
                Assignment.ended_at,
                Assignment.end_reason,
            )
            .join(coach, coach.id == Assignment.coach_id)
            .where(Assignment.person_id.in_(ids))
            .order_by(Assignment.started_at),
        ),
        _rows(
            session,
            "coaching contacts",
            ("when", "coach", "how", "minutes", "note", "next step"),
            select(
                CoachingContact.contact_at,
                coach.display_name,
                CoachingContact.mode,
                CoachingContact.minutes,
                CoachingContact.note,
                CoachingContact.next_step,
            )
            .join(coach, coach.id == CoachingContact.coach_id)
            .where(CoachingContact.person_id.in_(ids))
            .order_by(CoachingContact.contact_at),
        ),
        _rows(
            session,
            "recovery goals",
            ("area", "goal", "status", "set"),
            select(
                RecoveryGoal.area, RecoveryGoal.title, RecoveryGoal.status, RecoveryGoal.created_at
            )
            .where(RecoveryGoal.person_id.in_(ids))
            .order_by(RecoveryGoal.created_at),
        ),
        Section(
            "BARC-10",
            ("taken", "total"),
            tuple(
                (a.taken_on, a.total)
                for a in session.scalars(
                    select(Barc10Assessment)
                    .where(Barc10Assessment.person_id.in_(ids))
                    .order_by(Barc10Assessment.taken_on)
                )
            ),
        ),
    ]


def _referrals(session: Session, ids: list[int]) -> list[Section]:
    referrals = session.scalars(
        select(Referral).where(Referral.person_id.in_(ids)).order_by(Referral.created_at)
    ).all()
    services: dict[int, list[str]] = {}
    for referral_id, name in session.execute(
        select(ReferralItem.referral_id, ReferralItem.service_name)
        .where(ReferralItem.referral_id.in_([r.id for r in referrals]))
        .order_by(ReferralItem.position)
    ):
        services.setdefault(referral_id, []).append(name)
    return [
        Section(
            "referrals",
            ("given", "services", "next steps", "follow up on", "outcome", "outcome note"),
            tuple(
                (
                    r.created_at,
                    "; ".join(services.get(r.id, [])),
                    r.next_steps,
                    r.follow_up_on,
                    r.outcome.value,
                    r.outcome_note,
                )
                for r in referrals
            ),
        ),
        _rows(
            session,
            "consents",
            ("to", "purpose", "information", "signed", "ends", "revoked"),
            select(
                Consent.recipient_name,
                Consent.purpose,
                Consent.information,
                Consent.signed_on,
                Consent.expires_on,
                Consent.revoked_on,
            )
            .where(Consent.person_id.in_(ids))
            .order_by(Consent.created_at),
        ),
    ]


def _history(session: Session, ids: list[int]) -> Section:
    staff = aliased(StaffMember)
    rows = session.execute(
        select(AuditEvent, staff.display_name)
        .join(staff, staff.id == AuditEvent.actor_id)
        .where(AuditEvent.person_id.in_(ids))
        .order_by(AuditEvent.id)
    ).all()
    entries = [
        AuditEntry(
            e.id,
            e.occurred_at,
            e.actor_id,
            name,
            e.action,
            e.entity_type,
            e.entity_id,
            e.person_id,
            e.station,
            e.detail or {},
        )
        for e, name in rows
    ]
    facts = load_facts(session, entries)
    return Section(
        "who saw or changed the record",
        ("when", "who", "what", "station"),
        tuple(
            (e.occurred_at, e.actor_name, describe(e, facts).english, e.station) for e in entries
        ),
    )


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") and not isinstance(value, int) else value


@requires(Permission.PERSON_DATA_REQUESTS)
def export_person_data(
    session: Session, actor: Actor, person_id: int, *, file_format: str
) -> PersonData:
    """Everything recorded about the person, as of now; the export itself is recorded (and is
    the last line of their history, as given to them)."""
    person = live_person(session, person_id)
    ids = _ids(session, person.id)
    record_event(
        session,
        actor,
        AuditAction.PERSON_EXPORTED,
        "person",
        person.id,
        person_id=person.id,
        format=file_format,
    )
    session.flush()
    sections = [
        _visits(session, ids),
        *_coaching(session, ids),
        *_referrals(session, ids),
        _history(session, ids),
    ]
    sections = [
        Section(s.title, s.columns, tuple(tuple(_plain(v) for v in row) for row in s.rows))
        for s in sections
    ]
    name = " ".join(part for part in (person.first_name, person.last_name) if part)
    details = tuple((label, _plain(getattr(person, key))) for key, label in DETAILS)
    return PersonData(person.id, name, details, tuple(sections), utc_now())


ERASED = (
    "last_name",
    "preferred_name",
    "nickname",
    "pronouns",
    "birth_year",
    "birth_date",
    "phone",
    "email",
    "preferred_language",
    "may_call",
    "may_text",
    "may_leave_message",
    "town",
    "heard_about",
    "note",
    "wished_coach_id",
    "wished_coach_gender",
    "wished_coach_language",
    "wished_specialties",
    "recovery_pathway",
    "last_visit_at",
    "first_visit_day",  # their visits stay, with no one named
)


@dataclass(frozen=True)
class RemovalSummary:
    person_id: int
    visits_kept_anonymous: int
    referrals_kept_anonymous: int
    records_removed: int  # the person's record and any merged into it


@requires(Permission.PERSON_DATA_REQUESTS)
def remove_person(
    session: Session, actor: Actor, person_id: int, read_version: int, *, typed_name: str
) -> RemovalSummary:
    """Remove a person's record at their request. `typed_name` is their first name as the
    admin typed it to confirm: removal cannot be undone."""
    person = live_person(session, person_id)
    refuse_stale(session, person, read_version, what=THIS_RECORD)
    if fold(typed_name) != fold(person.first_name):
        raise ValidationError(
            TYPE_PERSON_FIRST_NAME_EXACTLY,
            field="typed_name",
        )
    ids = _ids(session, person.id)
    visits = session.execute(
        update(Visit)
        .where(Visit.person_id.in_(ids))
        .values(person_id=None, anonymous_initials=None, note=None, undo_reason=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    referral_ids = session.scalars(select(Referral.id).where(Referral.person_id.in_(ids))).all()
    session.execute(
        update(ReferralItem)
        .where(ReferralItem.referral_id.in_(referral_ids))
        .values(note=None, consent_id=None)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Referral)
        .where(Referral.id.in_(referral_ids))
        .values(
            person_id=None,
            consent_id=None,
            shows_name=False,
            next_steps=None,
            outcome_note=None,
            document=None,  # the sheet as printed named them, or their notes might
        )
        .execution_options(synchronize_session=False)
    )
    for model in (
        CoachingContact,
        Assignment,
        WaitlistEntry,
        RecoveryGoal,
        Barc10Assessment,
        Consent,
        SignInCard,  # their card is "not known" from now on
    ):
        session.execute(
            delete(model)
            .where(model.person_id.in_(ids))
            .execution_options(synchronize_session=False)
        )
    # What is left of the record says only that someone was removed, and when: the lookup
    # on every station drops it as it does a merged record.
    session.execute(
        update(Person)
        .where(Person.id.in_(ids))
        .values(
            {
                **{column: None for column in ERASED},
                "first_name": "",
                "removed_at": utc_now(),
                "updated_by_id": actor.staff_id,
                "version": Person.version + 1,
            }
        )
        .execution_options(synchronize_session=False)
    )
    session.expire(person)
    record_change(
        session,
        actor,
        Topic.PEOPLE,
        AuditAction.PERSON_REMOVED,
        "person",
        person_id,
        visits=visits,
        referrals=len(referral_ids),
        records=len(ids),
    )
    return RemovalSummary(person_id, visits, len(referral_ids), len(ids))

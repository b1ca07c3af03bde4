"""The referral log: what was referred, to whom, by whom; follow-ups due; outcomes."""

from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.messages.referrals import (
    CHOOSE_CONNECTED_NOT_CONNECTED_OR,
    CHOOSE_TOMORROW_OR_LATER,
    NEXT_TRY_MUST_BE_ON,
    REFRESH_LIST_TO_SEE_IT,
    THERE_IS_NO_REFERRAL,
    THIS_REFERRAL_ALREADY_HAS_OUTCOME,
    THIS_REFERRAL_FOLLOW_UP,
    YOUR_NOTE_IS_STILL_ON,
)
from desk.models import Person, Referral, ReferralItem, ReferralOutcome, StaffMember
from desk.models.base import utc_now
from desk.names import private_name
from desk.services.actor import Actor
from desk.services.recording import record_change, refuse_stale
from desk.services.settings import center_today
from desk.validation import NOTE_MAX, clean_text

OUTCOMES_TO_RECORD = (
    ReferralOutcome.CONNECTED,
    ReferralOutcome.NOT_CONNECTED,
    ReferralOutcome.UNKNOWN,
)


class LogScope(enum.Enum):
    DUE = "due"  # awaiting an outcome, follow-up date today or past
    PENDING = "pending"  # awaiting an outcome, any follow-up date
    ALL = "all"


@dataclass(frozen=True)
class ReferralEntry:
    id: int
    version: int
    created_at: datetime
    person_id: int | None
    person_label: str  # first name and last initial, or "Anonymous"
    services: tuple[str, ...]
    staff_name: str
    language: str
    named: bool
    follow_up_on: date | None
    outcome: ReferralOutcome
    outcome_note: str | None
    outcome_at: datetime | None
    print_count: int

    def is_due(self, today: date) -> bool:
        return (
            self.outcome is ReferralOutcome.PENDING
            and self.follow_up_on is not None
            and self.follow_up_on <= today
        )


def _referral_entries(
    session: Session,
    *,
    scope: LogScope = LogScope.ALL,
    today: date | None = None,
    person_id: int | None = None,
    referral_id: int | None = None,
    limit: int = 500,
) -> list[ReferralEntry]:
    """Referrals, those to follow up soonest first (or newest first for the whole log)."""
    staff = aliased(StaffMember)
    query = (
        select(
            Referral, staff.display_name, Person.first_name, Person.last_name, Person.preferred_name
        )
        .join(staff, staff.id == Referral.created_by_id)
        .outerjoin(Person, Person.id == Referral.person_id)
        .limit(limit)
    )
    if scope is not LogScope.ALL:
        query = query.where(Referral.outcome == ReferralOutcome.PENDING)
        query = query.order_by(Referral.follow_up_on, Referral.id)
    else:
        query = query.order_by(Referral.id.desc())
    if scope is LogScope.DUE:
        query = query.where(Referral.follow_up_on <= (today or center_today(session)))
    if person_id is not None:
        query = query.where(Referral.person_id == person_id)
    if referral_id is not None:
        query = query.where(Referral.id == referral_id)
    rows = session.execute(query).all()
    names: dict[int, list[str]] = defaultdict(list)
    ids = [row[0].id for row in rows]
    if ids:
        for referral_id, name in session.execute(
            select(ReferralItem.referral_id, ReferralItem.service_name)
            .where(ReferralItem.referral_id.in_(ids))
            .order_by(ReferralItem.referral_id, ReferralItem.position)
        ):
            names[referral_id].append(name)
    return [
        ReferralEntry(
            id=referral.id,
            version=referral.version,
            created_at=referral.created_at,
            person_id=referral.person_id,
            person_label=private_name(first, last, preferred) if first else "Anonymous",
            services=tuple(names[referral.id]),
            staff_name=staff_name,
            language=referral.language,
            named=referral.shows_name,
            follow_up_on=referral.follow_up_on,
            outcome=referral.outcome,
            outcome_note=referral.outcome_note,
            outcome_at=referral.outcome_at,
            print_count=referral.print_count,
        )
        for referral, staff_name, first, last, preferred in rows
    ]


@requires(Permission.FOLLOW_UP_REFERRALS)
def list_referrals(
    session: Session,
    actor: Actor,
    *,
    scope: LogScope = LogScope.ALL,
    today: date | None = None,
    limit: int = 500,
    audit: bool = True,
) -> list[ReferralEntry]:
    """The follow-up list: who was referred where, those to follow up soonest first (or
    newest first for the whole log). It names people referred to detox and treatment, so its
    opening is recorded, as a caseload's is (`audit=False` keeps an open list current)."""
    entries = _referral_entries(session, scope=scope, today=today, limit=limit)
    if audit:
        record_event(
            session,
            actor,
            AuditAction.REFERRAL_FOLLOW_UPS_VIEWED,
            "referral",
            None,
            scope=scope.value,
            referrals=len(entries),
            person_ids=sorted({e.person_id for e in entries if e.person_id is not None}),
        )
    return entries


@requires(Permission.VIEW_PEOPLE)
def person_referrals(
    session: Session, actor: Actor, person_id: int, *, today: date | None = None
) -> list[ReferralEntry]:
    """One person's referrals, newest first, for their record (whose opening is recorded)."""
    return _referral_entries(session, today=today, person_id=person_id)


@requires(Permission.FOLLOW_UP_REFERRALS)
def record_outcome(
    session: Session,
    actor: Actor,
    referral_id: int,
    read_version: int,
    outcome: ReferralOutcome,
    note: str,
) -> ReferralEntry:
    """Did they connect? Saved only over the version staff saw (another station may have)."""
    if outcome not in OUTCOMES_TO_RECORD:
        raise ValidationError(CHOOSE_CONNECTED_NOT_CONNECTED_OR, field="outcome")
    referral = _referral_as_seen(session, referral_id, read_version)
    referral.outcome = outcome
    referral.outcome_note = clean_text(
        note, label="The outcome note", max_length=NOTE_MAX, multiline=True
    )
    referral.outcome_at = utc_now()
    referral.outcome_by_id = actor.staff_id
    record_change(
        session,
        actor,
        Topic.REFERRALS,
        AuditAction.REFERRAL_OUTCOME,
        "referral",
        referral.id,
        person_id=referral.person_id,
        outcome=outcome.value,
    )
    return _referral_entries(session, referral_id=referral.id)[0]


@requires(Permission.FOLLOW_UP_REFERRALS)
def follow_up_again(
    session: Session,
    actor: Actor,
    referral_id: int,
    read_version: int,
    on: date,
    note: str,
    today: date,
) -> ReferralEntry:
    """Not reached yet: the referral stays open and comes due again `on`; the note (what was
    tried) is kept with the date it was written."""
    if on <= today:
        raise ValidationError(
            NEXT_TRY_MUST_BE_ON,
            field="follow_up_on",
            hint=CHOOSE_TOMORROW_OR_LATER,
        )
    referral = _referral_as_seen(session, referral_id, read_version)
    if referral.outcome is not ReferralOutcome.PENDING:
        raise ValidationError(
            THIS_REFERRAL_ALREADY_HAS_OUTCOME,
            hint=REFRESH_LIST_TO_SEE_IT,
        )
    cleaned = clean_text(note, label="The note", max_length=NOTE_MAX, multiline=True)
    if cleaned:
        earlier = referral.outcome_note
        referral.outcome_note = "\n".join(filter(None, [earlier, f"{today:%Y-%m-%d}: {cleaned}"]))
    before = referral.follow_up_on
    referral.follow_up_on = on
    record_change(
        session,
        actor,
        Topic.REFERRALS,
        AuditAction.REFERRAL_FOLLOW_UP_AGAIN,
        "referral",
        referral.id,
        person_id=referral.person_id,
        before=before.isoformat() if before else None,
        after=on.isoformat(),
    )
    return _referral_entries(session, referral_id=referral.id)[0]


def _referral_as_seen(session: Session, referral_id: int, read_version: int) -> Referral:
    """The referral, if it is still the version staff saw (else StaleEdit, naming who)."""
    referral = session.get(Referral, referral_id)
    if referral is None:
        raise NotFound(THERE_IS_NO_REFERRAL.with_(referral_id=referral_id))
    refuse_stale(
        session,
        referral,
        read_version,
        what=THIS_REFERRAL_FOLLOW_UP,
        changed_by_id=referral.outcome_by_id,
        hint=YOUR_NOTE_IS_STILL_ON,
    )
    return referral


@unrestricted("the services of a referral, by id: no one's name")
def referred_services(session: Session, referral_id: int) -> list[tuple[str, str]]:
    """A past referral's services still in the directory, in order: to refer again."""
    return [
        (service_id, name)
        for service_id, name in session.execute(
            select(ReferralItem.service_id, ReferralItem.service_name)
            .where(ReferralItem.referral_id == referral_id)
            .order_by(ReferralItem.position)
        )
        if service_id is not None
    ]

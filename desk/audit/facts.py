"""What the audit wording needs beyond the events: names and labels, loaded in a few queries
for a whole page of events (not one query per row)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.audit.entry import AuditEntry
from desk.audit.vocabulary import A_STAFF_MEMBER, FORMER_STAFF, REMOVED_PERSON, SOMEONE, say
from desk.messages import Message
from desk.models import Person, Purpose, ReferralItem, Service, SpecialtyTag, StaffMember
from desk.names import private_name


@dataclass(frozen=True)
class EventFacts:
    people: dict[int, str] = field(default_factory=dict)  # "Maria P."
    staff: dict[int, str] = field(default_factory=dict)
    purposes: dict[str, str] = field(default_factory=dict)
    referral_sizes: dict[str, int] = field(default_factory=dict)  # referral id -> services
    services: dict[str, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)

    def person_label(self, person_id: int | None) -> str | Message:
        """Their name ("Maria P."), or words for a record since removed."""
        if person_id is None:
            return ""
        return self.people.get(person_id) or say(REMOVED_PERSON)

    def person(self, person_id: object) -> str | Message:
        try:
            return self.person_label(int(person_id))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return say(SOMEONE)

    def staff_name(self, staff_id: object) -> str | Message:
        try:
            return self.staff.get(int(staff_id)) or say(FORMER_STAFF)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return say(A_STAFF_MEMBER)


def _ints(values: Iterable[object]) -> set[int]:
    found = set()
    for value in values:
        try:
            found.add(int(value))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    return found


def load_facts(session: Session, entries: list[AuditEntry]) -> EventFacts:
    person_ids = _ints(
        [e.person_id for e in entries]
        + [e.detail.get("merged_person_id") for e in entries]
        + [e.detail.get("merged_into") for e in entries]
    )
    staff_ids = _ints(
        [e.detail.get(key) for e in entries for key in ("coach_id", "previous_coach_id")]
        + [e.entity_id for e in entries if e.entity_type == "staff_member"]
    )
    referral_ids = {e.entity_id for e in entries if e.entity_type == "referral" and e.entity_id}
    service_ids = {e.entity_id for e in entries if e.entity_type == "service" and e.entity_id}
    people = {
        row.id: private_name(row.first_name, row.last_name, row.preferred_name)
        for row in session.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.preferred_name).where(
                Person.id.in_(person_ids), Person.removed_at.is_(None)
            )
        )
    }
    staff = dict(
        session.execute(
            select(StaffMember.id, StaffMember.display_name).where(StaffMember.id.in_(staff_ids))
        ).all()
    )
    sizes = {
        str(referral_id): count
        for referral_id, count in session.execute(
            select(ReferralItem.referral_id, func.count())
            .where(ReferralItem.referral_id.in_(_ints(referral_ids)))
            .group_by(ReferralItem.referral_id)
        )
    }
    services = dict(
        session.execute(select(Service.id, Service.name).where(Service.id.in_(service_ids))).all()
    )
    purposes = dict(session.execute(select(Purpose.code, Purpose.label)).all())
    tags = dict(session.execute(select(SpecialtyTag.code, SpecialtyTag.label)).all())
    return EventFacts(people, staff, purposes, sizes, services, tags)

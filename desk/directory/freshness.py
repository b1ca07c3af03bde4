"""How current each resource is: last verified and by whom, the stale flag, the re-verify queue.

HSDS keeps the last check in `assured_date` and the checker in `assurer_email`. A staff
member without an email address is recorded under a reserved, undeliverable address made
from their login (frontdesk@staff.recovery-desk.invalid), which the screen shows as a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import NotFound
from desk.messages.directory import (
    IT_MAY_HAVE_BEEN_REMOVED,
    QUOTED_NAME,
    THAT_RESOURCE_IS_NO_LONGER,
    YOUR_ENTRIES_ARE_STILL_ON_4,
)
from desk.models import Organization, Service, StaffMember
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.recording import record_change, refuse_stale

STAFF_EMAIL_DOMAIN = "staff.recovery-desk.invalid"


def is_stale(assured_date: date | None, today: date, stale_after_days: int) -> bool:
    """Never verified, or verified more than `stale_after_days` days ago."""
    return assured_date is None or (today - assured_date).days > stale_after_days


def days_since(moment: date | datetime | None, today: date) -> int | None:
    if moment is None:
        return None
    day = moment.date() if isinstance(moment, datetime) else moment
    return (today - day).days


def _staff_email(session: Session, actor: Actor) -> str:
    staff = session.get(StaffMember, actor.staff_id)
    if staff is not None and staff.email:
        return staff.email
    login = staff.login if staff is not None else f"staff-{actor.staff_id}"
    return f"{login}@{STAFF_EMAIL_DOMAIN}"


@unrestricted("who verified a directory entry, as the entry shows it")
def verifier_name(session: Session, email: str | None) -> str | None:
    """A staff member's name for an assurer email, or the email itself."""
    if not email:
        return None
    if email.endswith(f"@{STAFF_EMAIL_DOMAIN}"):
        login = email.split("@", 1)[0]
        name = session.scalar(select(StaffMember.display_name).where(StaffMember.login == login))
        return name or login
    name = session.scalar(select(StaffMember.display_name).where(StaffMember.email == email))
    return name or email


@dataclass(frozen=True)
class QueueEntry:
    service_id: str
    name: str
    organization: str
    assured_date: date | None
    verified_by: str | None
    days_since: int | None  # None: never verified
    is_sample: bool


@unrestricted("directory services: public information")
def reverify_queue(
    session: Session, *, today: date, stale_after_days: int, limit: int = 500
) -> list[QueueEntry]:
    """Services that are due for a check, the stalest first (never verified before all)."""
    rows = session.execute(
        select(
            Service.id,
            Service.name,
            Organization.name,
            Service.assured_date,
            Service.assurer_email,
            Service.is_sample,
        )
        .outerjoin(Organization, Organization.id == Service.organization_id)
        .where(Service.status != "defunct")
        .order_by(Service.assured_date.is_not(None), Service.assured_date, Service.name)
    ).all()
    names: dict[str, str | None] = {}
    entries = []
    for service_id, name, organization, assured, email, sample in rows:
        if not is_stale(assured, today, stale_after_days):
            break  # ordered oldest first: everything after is fresh
        if email not in names:
            names[email] = verifier_name(session, email)
        entries.append(
            QueueEntry(
                service_id,
                name,
                organization or "",
                assured,
                names[email],
                days_since(assured, today),
                sample,
            )
        )
        if len(entries) >= limit:
            break
    return entries


@unrestricted("for the editing services, which check their callers")
def lock_service_for_edit(session: Session, service_id: str, read_version: int) -> Service:
    service = session.scalars(
        select(Service).where(Service.id == service_id).with_for_update()
    ).one_or_none()
    if service is None:
        raise NotFound(
            THAT_RESOURCE_IS_NO_LONGER,
            hint=IT_MAY_HAVE_BEEN_REMOVED,
        )
    refuse_stale(
        session,
        service,
        read_version,
        what=QUOTED_NAME.with_(name=service.name),
        hint=YOUR_ENTRIES_ARE_STILL_ON_4,
    )
    return service


@requires(Permission.EDIT_DIRECTORY)
def mark_verified(
    session: Session, actor: Actor, service_id: str, *, read_version: int, today: date
) -> int:
    """Record that `actor` checked the service today; returns its new version."""
    service = lock_service_for_edit(session, service_id, read_version)
    before = service.assured_date.isoformat() if service.assured_date else None
    service.assured_date = today
    service.assurer_email = _staff_email(session, actor)
    service.last_modified = utc_now()
    service.updated_at = utc_now()
    record_change(
        session,
        actor,
        Topic.DIRECTORY,
        AuditAction.DIRECTORY_VERIFIED,
        "service",
        service_id,
        before=before,
        after=today.isoformat(),
    )
    return service.version

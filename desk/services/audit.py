"""The audit trail: who saw or changed what, written in the same transaction as the act."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desk.models import AuditEvent, StaffMember
from desk.models.base import utc_now
from desk.services.actor import Actor


def record_event(
    session: Session,
    actor: Actor,
    action: str,
    entity_type: str,
    entity_id: object | None = None,
    *,
    person_id: int | None = None,
    at: datetime | None = None,
    idempotency_key: str | None = None,
    **detail: Any,
) -> None:
    """Add one audit event to the session; it commits (or not) with the act it records.
    `idempotency_key` (unique) marks an event that may be written again after a lost reply
    or a crash, such as the record of a print kept in the station's journal."""
    session.add(
        AuditEvent(
            occurred_at=at or utc_now(),
            actor_id=actor.staff_id,
            action=action,
            entity_type=entity_type,
            entity_id=None if entity_id is None else str(entity_id),
            person_id=person_id,
            station=actor.station or None,
            detail=detail or None,
            idempotency_key=idempotency_key,
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: datetime
    actor_name: str
    action: str
    entity_type: str
    entity_id: str | None
    person_id: int | None
    station: str | None
    detail: dict[str, Any]


def list_events(
    session: Session,
    actor: Actor,
    *,
    person_id: int | None = None,
    action_prefixes: tuple[str, ...] = (),
    before_id: int | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    """The newest events first, optionally those touching one person or some kinds of act."""
    query = (
        select(AuditEvent, StaffMember.display_name)
        .join(StaffMember, StaffMember.id == AuditEvent.actor_id)
        .order_by(AuditEvent.id.desc())
        .limit(limit)
    )
    if person_id is not None:
        query = query.where(AuditEvent.person_id == person_id)
    if action_prefixes:
        query = query.where(
            or_(
                *(
                    AuditEvent.action.startswith(prefix, autoescape=True)
                    for prefix in action_prefixes
                )
            )
        )
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    return [
        AuditEntry(
            id=event.id,
            occurred_at=event.occurred_at,
            actor_name=name,
            action=event.action,
            entity_type=event.entity_type,
            entity_id=event.entity_id,
            person_id=event.person_id,
            station=event.station,
            detail=event.detail or {},
        )
        for event, name in session.execute(query)
    ]

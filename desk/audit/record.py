"""Writing one audit event, in the same transaction as the act it records."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from desk.audit.actions import AuditAction
from desk.models import AuditEvent
from desk.models.base import utc_now
from desk.services.actor import Actor


def record_event(
    session: Session,
    actor: Actor,
    action: AuditAction,
    entity_type: str,
    entity_id: object | None = None,
    *,
    person_id: int | None = None,
    at: datetime | None = None,
    idempotency_key: str | None = None,
    **detail: Any,
) -> None:
    """Add one audit event to the session; it commits (or not) with the act it records.
    Only declared actions are accepted (a ValueError names an undeclared one).
    `idempotency_key` (unique) marks an event that may be written again after a lost reply
    or a crash, such as the record of a print kept in the station's journal."""
    session.add(
        AuditEvent(
            occurred_at=at or utc_now(),
            actor_id=actor.staff_id,
            action=AuditAction(action).value,
            entity_type=entity_type,
            entity_id=None if entity_id is None else str(entity_id),
            person_id=person_id,
            station=actor.station or None,
            detail=detail or None,
            idempotency_key=idempotency_key,
        )
    )

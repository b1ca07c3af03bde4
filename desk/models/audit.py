"""The audit trail: append-only, one event for every change, print, export and record opened."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from desk.models.base import Base, BigIntKey, staff_fk, utc_now


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_occurred_at", "occurred_at"),
        Index("ix_audit_event_person", "person_id", "occurred_at"),
        Index("ix_audit_event_entity", "entity_type", "entity_id"),
        Index("uq_audit_event_idempotency_key", "idempotency_key", unique=True),
    )

    id: Mapped[int] = mapped_column(BigIntKey, primary_key=True, autoincrement=True)
    occurred_at: Mapped[datetime] = mapped_column(default=utc_now)
    actor_id: Mapped[int] = mapped_column(staff_fk())
    action: Mapped[str] = mapped_column(String(60))  # e.g. person.viewed, visit.created
    entity_type: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str | None] = mapped_column(String(64))
    person_id: Mapped[int | None]  # whose information this touched, to answer "who saw what"
    station: Mapped[str | None] = mapped_column(String(120))
    detail: Mapped[dict[str, Any] | None]
    # Set on events that may be written twice (a print record replayed from the station's
    # journal): the unique index turns a second write into a conflict, never a duplicate.
    idempotency_key: Mapped[str | None] = mapped_column(String(36))

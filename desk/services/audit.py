"""The audit trail: written in the same transaction as the act, read by admins in words.

Events are written by `desk.audit.record.record_event` (only the actions declared in
`desk.audit.actions`). The Activity page reads them through `list_events` (admins only;
opening the page is itself recorded), with the facts its wording needs (names, purposes,
settings) loaded in bulk.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.audit.entry import AuditEntry
from desk.audit.facts import load_facts
from desk.audit.record import record_event
from desk.audit.wording import describe
from desk.models import AuditEvent, StaffMember
from desk.services.actor import Actor
from desk.services.settings import load_settings


@dataclass(frozen=True)
class EventFilter:
    """What the Activity page narrows the trail to; every part optional."""

    staff_id: int | None = None
    person_id: int | None = None
    actions: tuple[AuditAction, ...] = ()
    action_prefixes: tuple[str, ...] = ()
    first_day: date | None = None  # center-local days, both included
    last_day: date | None = None


def _query(session: Session, where: EventFilter, zone) -> Any:
    query = select(AuditEvent, StaffMember.display_name).join(
        StaffMember, StaffMember.id == AuditEvent.actor_id
    )
    if where.staff_id is not None:
        query = query.where(AuditEvent.actor_id == where.staff_id)
    if where.person_id is not None:
        query = query.where(AuditEvent.person_id == where.person_id)
    kinds = [AuditEvent.action.in_([a.value for a in where.actions])] if where.actions else []
    kinds += [AuditEvent.action.startswith(p, autoescape=True) for p in where.action_prefixes]
    if kinds:
        query = query.where(or_(*kinds))
    if where.first_day is not None:
        start = datetime.combine(where.first_day, time.min, zone)
        query = query.where(AuditEvent.occurred_at >= start)
    if where.last_day is not None:
        end = datetime.combine(where.last_day + timedelta(days=1), time.min, zone)
        query = query.where(AuditEvent.occurred_at < end)
    return query


def _entries(session: Session, rows: list[Any]) -> list[AuditEntry]:
    entries = [
        AuditEntry(
            id=event.id,
            occurred_at=event.occurred_at,
            actor_id=event.actor_id,
            actor_name=name,
            action=event.action,
            entity_type=event.entity_type,
            entity_id=event.entity_id,
            person_id=event.person_id,
            station=event.station,
            detail=event.detail or {},
        )
        for event, name in rows
    ]
    facts = load_facts(session, entries)
    return [
        entry.worded(describe(entry, facts), facts.person_label(entry.person_id))
        for entry in entries
    ]


@requires(Permission.READ_AUDIT_LOG)
def list_events(
    session: Session,
    actor: Actor,
    where: EventFilter = EventFilter(),
    *,
    before_id: int | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    """The newest events first, in words, narrowed by `where`; `before_id` pages back."""
    query = _query(session, where, load_settings(session).timezone)
    if before_id is not None:
        query = query.where(AuditEvent.id < before_id)
    rows = session.execute(query.order_by(AuditEvent.id.desc()).limit(limit)).all()
    return _entries(session, list(rows))


@requires(Permission.READ_AUDIT_LOG)
def count_events(session: Session, actor: Actor, where: EventFilter = EventFilter()) -> int:
    query = _query(session, where, load_settings(session).timezone).subquery()
    return session.scalar(select(func.count()).select_from(query)) or 0


@requires(Permission.READ_AUDIT_LOG)
def record_audit_viewed(session: Session, actor: Actor) -> None:
    """The Activity page was opened: who read the trail is in the trail too."""
    record_event(session, actor, AuditAction.AUDIT_VIEWED, "audit_event")


CSV_COLUMNS = ("when", "who", "what", "person", "station", "action", "record")
CSV_LIMIT = 1_000_000


@requires(Permission.READ_AUDIT_LOG)
def export_events_csv(session: Session, actor: Actor, where: EventFilter = EventFilter()) -> bytes:
    """The events `where` selects, oldest first, as CSV (UTF-8 with a byte-order mark, which
    spreadsheet programs need to read accents). The export itself is recorded."""
    zone = load_settings(session).timezone
    rows = session.execute(_query(session, where, zone).order_by(AuditEvent.id).limit(CSV_LIMIT))
    entries = _entries(session, list(rows))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        record = f"{entry.entity_type} {entry.entity_id}" if entry.entity_id else entry.entity_type
        writer.writerow(
            (
                entry.occurred_at.astimezone(zone).isoformat(timespec="seconds"),
                entry.actor_name,
                entry.description,
                str(entry.person_label),  # a Message's English
                entry.station or "",
                entry.action,
                record,
            )
        )
    record_event(session, actor, AuditAction.EXPORT_AUDIT_LOG, "audit_event", events=len(entries))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


@requires(Permission.READ_AUDIT_LOG)
def staff_names(session: Session, actor: Actor) -> list[tuple[int, str]]:
    """Everyone the log can name, by name: staff past and present and the built-in accounts."""
    return [
        (staff_id, name)
        for staff_id, name in session.execute(
            select(StaffMember.id, StaffMember.display_name).order_by(StaffMember.display_name)
        )
    ]

"""One way to write: how every write service ends, and how it refuses a stale edit.

A write changes rows, then calls `record_change`, which

1. flushes, so the database's own version check (`version_id_col`) runs now, inside the
   service, and a save racing another station's is refused as a StaleEdit;
2. records the audit event for what was done, in the same transaction;
3. tells the other stations which `Topic` changed, at commit.

A service that reads a record to edit it first calls `refuse_stale` with the version the
form was filled from. Reads of a person's information call `record_event` directly: they
change nothing, so there is nothing to flush or announce.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.changes import Topic, announce_change
from desk.errors import StaleEdit
from desk.messages import Message
from desk.messages.center import (
    ANOTHER_STATION_SAVED_THIS_AT,
    BY_STAFF_MEMBER,
    IN_BRACKETS,
    NOTHING_OF_YOURS_WAS_SAVED,
    RELOAD_HINT,
    WAS_CHANGED_ON_ANOTHER_STATION,
)
from desk.models import StaffMember
from desk.services.actor import Actor


class Versioned(Protocol):
    version: int


def refuse_stale(
    session: Session,
    record: Versioned,
    read_version: int,
    *,
    what: Message | str,
    hint: Message | str = RELOAD_HINT,
    now: Message | str = "",
    changed_by_id: int | None = None,
) -> None:
    """Refuse an edit made on `record` as it was at `read_version`, when another station has
    saved it since; the message names who did (`changed_by_id`, else the record's
    `updated_by_id`) and, with `now`, how the record stands now."""
    if record.version == read_version:
        return
    by_id = changed_by_id if changed_by_id is not None else getattr(record, "updated_by_id", None)
    changed_by = session.get(StaffMember, by_id) if by_id else None
    who = BY_STAFF_MEMBER.with_(name=changed_by.display_name) if changed_by else ""
    state = IN_BRACKETS.with_(now=now) if now else ""
    raise StaleEdit(
        WAS_CHANGED_ON_ANOTHER_STATION.with_(what=what, who=who, state=state), hint=hint
    )


def record_change(
    session: Session,
    actor: Actor,
    topic: Topic,
    action: AuditAction,
    entity_type: str,
    entity_id: object | None = None,
    *,
    person_id: object | None = None,
    at: datetime | None = None,
    **detail: Any,
) -> None:
    """The end of every write: flush (and the version check), the audit event, the notice.

    `entity_id` and `person_id` may be given as a new row itself (not flushed yet): its id is
    taken once the flush has given it one."""
    try:
        session.flush()
    except StaleDataError:
        raise StaleEdit(
            ANOTHER_STATION_SAVED_THIS_AT,
            hint=NOTHING_OF_YOURS_WAS_SAVED,
        ) from None
    entity_id, person_id = _id_of(entity_id), _id_of(person_id)
    record_event(
        session, actor, action, entity_type, entity_id, person_id=person_id, at=at, **detail
    )
    announce_change(session, topic)


def _id_of(value: Any) -> Any:
    """A row's primary key (one column), or `value` itself when it is not a row."""
    if not hasattr(value, "__tablename__"):
        return value
    (key,) = inspect(value).identity
    return key

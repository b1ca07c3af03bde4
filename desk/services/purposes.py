"""The configurable list of visit purposes: add, rename, reorder, switch off (never delete:
past visits keep their purposes)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.messages.people import (
    AT_MOST_PURPOSES_CAN_BE,
    PURPOSE,
    PURPOSE_NEEDS_NAME,
    SWITCH_ANOTHER_ONE_OFF_FIRST,
    THERE_IS_NO_PURPOSE,
    WHAT_YOU_TYPED_IS_STILL,
)
from desk.models import Purpose
from desk.services.actor import Actor
from desk.services.recording import record_change, refuse_stale
from desk.text_folding import fold
from desk.validation import clean_text

MAX_ACTIVE = 9  # Ctrl+1 … Ctrl+9 at the desk


@dataclass(frozen=True)
class PurposeSetting:
    code: str
    label: str
    label_es: str | None
    counts_items: bool
    active: bool
    position: int
    version: int


def _setting(purpose: Purpose) -> PurposeSetting:
    return PurposeSetting(
        purpose.code,
        purpose.label,
        purpose.label_es,
        purpose.counts_items,
        purpose.active,
        purpose.position,
        purpose.version,
    )


@unrestricted("the center's visit purposes: no one's information")
def all_purposes(session: Session) -> list[PurposeSetting]:
    return [
        _setting(p)
        for p in session.scalars(select(Purpose).order_by(Purpose.position, Purpose.code))
    ]


def _lock_purposes(session: Session) -> list[Purpose]:
    """Every purpose, locked until the transaction ends (PostgreSQL; SQLite writes one at a
    time anyway): two stations switching purposes on at once cannot both pass the limit."""
    return list(
        session.scalars(select(Purpose).order_by(Purpose.position, Purpose.code).with_for_update())
    )


def _code_for(session: Session, label: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")[:32] or "purpose"
    code, n = base, 2
    while session.get(Purpose, code) is not None:
        code, n = f"{base}_{n}", n + 1
    return code


@requires(Permission.CENTER_SETTINGS)
def save_purpose(
    session: Session,
    actor: Actor,
    *,
    code: str | None,
    label: str,
    label_es: str = "",
    counts_items: bool = False,
    active: bool = True,
    read_version: int | None = None,
) -> PurposeSetting:
    """Add a purpose (code None) or change one (`read_version`: the version staff saw; a
    save over another station's is refused); it is audited and reaches every station."""
    cleaned = clean_text(label, label="The purpose", field="label", max_length=60)
    if cleaned is None:
        raise ValidationError(PURPOSE_NEEDS_NAME, field="label")
    spanish = clean_text(label_es, label="The Spanish name", field="label_es", max_length=60)
    locked = {purpose.code: purpose for purpose in _lock_purposes(session)}
    if code is None:
        purpose = Purpose(
            code=_code_for(session, cleaned),
            label=cleaned,
            position=(session.scalar(select(func.max(Purpose.position))) or 0) + 1,
        )
        session.add(purpose)
        action = AuditAction.SETTINGS_PURPOSE_ADDED
    else:
        purpose = locked.get(code)
        if purpose is None:
            raise NotFound(THERE_IS_NO_PURPOSE.with_(code=code))
        if read_version is not None:
            refuse_stale(
                session,
                purpose,
                read_version,
                what=PURPOSE.with_(label=purpose.label),
                hint=WHAT_YOU_TYPED_IS_STILL,
            )
        action = AuditAction.SETTINGS_PURPOSE_CHANGED
    was_active = purpose.active if code is not None else False
    if active and not was_active:
        others_in_use = (
            select(func.count())
            .select_from(Purpose)
            .where(Purpose.active, Purpose.code != purpose.code)
        )
        count = session.scalar(others_in_use)
        if count >= MAX_ACTIVE:
            raise ValidationError(
                AT_MOST_PURPOSES_CAN_BE.with_(max_active=MAX_ACTIVE),
                field="active",
                hint=SWITCH_ANOTHER_ONE_OFF_FIRST,
            )
    purpose.label, purpose.label_es = cleaned, spanish
    purpose.counts_items, purpose.active = counts_items, active
    record_change(
        session,
        actor,
        Topic.SETTINGS,
        action,
        "purpose",
        purpose.code,
        label=cleaned,
        active=active,
        counts_items=counts_items,
    )
    return _setting(purpose)


@requires(Permission.CENTER_SETTINGS)
def move_purpose(session: Session, actor: Actor, code: str, offset: int) -> None:
    """Move a purpose up (negative) or down the list: the order staff see and press."""
    purposes = _lock_purposes(session)
    index = next((i for i, p in enumerate(purposes) if p.code == code), None)
    if index is None:
        raise NotFound(THERE_IS_NO_PURPOSE.with_(code=code))
    target = max(0, min(len(purposes) - 1, index + offset))
    purposes.insert(target, purposes.pop(index))
    for position, purpose in enumerate(purposes):
        purpose.position = position
    record_change(
        session,
        actor,
        Topic.SETTINGS,
        AuditAction.SETTINGS_PURPOSE_MOVED,
        "purpose",
        code,
        to=target,
    )

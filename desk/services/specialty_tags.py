"""The center's own list of coach specialties (family/ally, veterans, re-entry, ...)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.access import Permission, requires, unrestricted
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.messages.coaching import (
    IS_ALREADY_IN_LIST,
    QUOTED_LABEL,
    SPECIALTY_NEEDS_NAME,
    THERE_IS_NO_SPECIALTY,
    YOUR_ENTRY_IS_STILL_ON,
)
from desk.models import SpecialtyTag
from desk.services.actor import Actor
from desk.services.recording import record_change, refuse_stale
from desk.text_folding import fold
from desk.validation import clean_text


@dataclass(frozen=True)
class SpecialtyOption:
    code: str
    label: str
    label_es: str | None
    active: bool
    version: int


@unrestricted("the center's specialty tags: no one's information")
def list_specialty_tags(
    session: Session, *, include_inactive: bool = False
) -> list[SpecialtyOption]:
    query = select(SpecialtyTag).order_by(SpecialtyTag.position, SpecialtyTag.label)
    if not include_inactive:
        query = query.where(SpecialtyTag.active)
    return [
        SpecialtyOption(t.code, t.label, t.label_es, t.active, t.version)
        for t in session.scalars(query)
    ]


def _tag_code(session: Session, label: str) -> str:
    base = "_".join(fold(label).split())[:36] or "tag"
    taken = set(session.scalars(select(SpecialtyTag.code)))
    code, n = base, 1
    while code in taken:
        n += 1
        code = f"{base}_{n}"
    return code


@requires(Permission.MANAGE_STAFF)
def save_specialty_tag(
    session: Session,
    actor: Actor,
    *,
    label: str,
    label_es: str = "",
    active: bool = True,
    code: str | None = None,
    read_version: int | None = None,
) -> SpecialtyOption:
    """Add a specialty to the center's list, or rename or retire one (its code stays)."""
    name = clean_text(label, label="The specialty", field="label", max_length=60)
    if name is None:
        raise ValidationError(SPECIALTY_NEEDS_NAME, field="label")
    spanish = clean_text(label_es, label="The Spanish name", field="label_es", max_length=60)
    clash = session.scalar(
        select(SpecialtyTag.code).where(
            func.lower(SpecialtyTag.label) == name.lower(), SpecialtyTag.code != (code or "")
        )
    )
    if clash is not None:
        raise ValidationError(IS_ALREADY_IN_LIST.with_(name=name), field="label")
    if code is None:
        position = (session.scalar(select(func.max(SpecialtyTag.position))) or 0) + 1
        tag = SpecialtyTag(
            code=_tag_code(session, name),
            label=name,
            label_es=spanish,
            position=position,
            active=active,
        )
        session.add(tag)
        record_change(
            session, actor, Topic.COACHING, AuditAction.COACH_SPECIALTY_ADDED, "specialty_tag", tag
        )
    else:
        tag = session.get(SpecialtyTag, code)
        if tag is None:
            raise NotFound(THERE_IS_NO_SPECIALTY.with_(code=code))
        refuse_stale(
            session,
            tag,
            read_version,
            what=QUOTED_LABEL.with_(label=tag.label),
            hint=YOUR_ENTRY_IS_STILL_ON,
        )
        changed = [
            key
            for key, value in (("label", name), ("label_es", spanish), ("active", active))
            if getattr(tag, key) != value
        ]
        if not changed:
            return SpecialtyOption(tag.code, tag.label, tag.label_es, tag.active, tag.version)
        tag.label, tag.label_es, tag.active = name, spanish, active
        record_change(
            session,
            actor,
            Topic.COACHING,
            AuditAction.COACH_SPECIALTY_CHANGED,
            "specialty_tag",
            tag.code,
            fields=changed,
        )
    return SpecialtyOption(tag.code, tag.label, tag.label_es, tag.active, tag.version)

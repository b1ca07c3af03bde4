"""Each staff member's own screens: their language (None: the station's), a larger text size
and a high-contrast theme. They choose them in My account; an admin may set them on the
Staff page. Read at sign-in (desk.services.actor) and applied by the screens."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.messages.staff import (
    SCREENS_LANGUAGE_NOT_OFFERED,
    TEXT_SIZE_NOT_OFFERED,
    THAT_STAFF_ACCOUNT_NO_LONGER,
)
from desk.models import StaffMember
from desk.services.actor import Actor
from desk.services.recording import record_change

SCREEN_LANGUAGES = ("en", "es")
TEXT_SCALES = (100, 125, 150)


@dataclass(frozen=True)
class ScreenPreferences:
    language: str | None = None  # None: the station's language
    text_scale: int = 100  # percent
    high_contrast: bool = False


def preferences_of(staff: StaffMember) -> ScreenPreferences:
    return ScreenPreferences(staff.language, staff.text_scale or 100, bool(staff.high_contrast))


@requires(Permission.OWN_ACCOUNT)
def own_preferences(session: Session, actor: Actor) -> ScreenPreferences:
    return preferences_of(_staff(session, actor.staff_id))


@requires(Permission.OWN_ACCOUNT)
def set_own_preferences(
    session: Session, actor: Actor, chosen: ScreenPreferences
) -> ScreenPreferences:
    return _set(session, actor, actor.staff_id, chosen)


@requires(Permission.MANAGE_STAFF)
def set_staff_preferences(
    session: Session, actor: Actor, staff_id: int, chosen: ScreenPreferences
) -> ScreenPreferences:
    return _set(session, actor, staff_id, chosen)


def _set(
    session: Session, actor: Actor, staff_id: int, chosen: ScreenPreferences
) -> ScreenPreferences:
    if chosen.language is not None and chosen.language not in SCREEN_LANGUAGES:
        raise ValidationError(
            SCREENS_LANGUAGE_NOT_OFFERED.with_(language=chosen.language), field="language"
        )
    if chosen.text_scale not in TEXT_SCALES:
        raise ValidationError(TEXT_SIZE_NOT_OFFERED.with_(scale=chosen.text_scale), field="text")
    staff = _staff(session, staff_id)
    if preferences_of(staff) == chosen:
        return chosen
    staff.language = chosen.language
    staff.text_scale = chosen.text_scale
    staff.high_contrast = chosen.high_contrast
    record_change(
        session,
        actor,
        Topic.STAFF,
        AuditAction.STAFF_PREFERENCES_CHANGED,
        "staff_member",
        staff.id,
        language=chosen.language or "",
        text_scale=chosen.text_scale,
        high_contrast=chosen.high_contrast,
    )
    return chosen


def _staff(session: Session, staff_id: int) -> StaffMember:
    staff = session.get(StaffMember, staff_id)
    if staff is None:
        raise NotFound(THAT_STAFF_ACCOUNT_NO_LONGER)
    return staff

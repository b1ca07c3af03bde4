"""Reads shared by the coaching services: active caseloads, coaches with what they bring."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, literal, select, union_all
from sqlalchemy.orm import Session

from desk.coaching.availability import WeeklyWindow
from desk.models import (
    Assignment,
    CoachAvailability,
    StaffLanguage,
    StaffMember,
    StaffSpecialty,
)
from desk.models.base import utc_now
from desk.services.settings import load_settings

_ACTIVE_CASELOADS = (
    select(Assignment.coach_id, func.count())
    .where(Assignment.ended_at.is_(None))
    .group_by(Assignment.coach_id)
)


def active_caseloads(session: Session) -> dict[int, int]:
    """Active peers per coach (coaches with none are left out)."""
    return {coach_id: count for coach_id, count in session.execute(_ACTIVE_CASELOADS)}


def active_caseload(session: Session, coach_id: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(Assignment)
        .where(Assignment.coach_id == coach_id, Assignment.ended_at.is_(None))
    )


def center_now(session: Session, now: datetime | None = None) -> datetime:
    """`now` (or the present) on the center's clock, for availability and due dates."""
    return (now or utc_now()).astimezone(load_settings(session).timezone)


@dataclass(frozen=True)
class CoachRow:
    """A coach and what they bring, read with plain queries (the ranking reads every coach
    for every peer: ORM objects with three collections each cost more than the ranking)."""

    id: int
    version: int
    display_name: str
    phone: str | None
    gender: str | None
    recovery_pathway: str | None
    caseload_limit: int | None
    active: bool
    languages: tuple[str, ...]
    specialties: tuple[str, ...]
    availability: tuple[WeeklyWindow, ...]


_COACHES = select(
    StaffMember.id,
    StaffMember.version,
    StaffMember.display_name,
    StaffMember.phone,
    StaffMember.gender,
    StaffMember.recovery_pathway,
    StaffMember.caseload_limit,
    StaffMember.active,
).where(StaffMember.is_coach)
_LANGUAGES_AND_SPECIALTIES = union_all(
    select(StaffLanguage.staff_id, literal("language"), StaffLanguage.language)
    .join(StaffMember, StaffMember.id == StaffLanguage.staff_id)
    .where(StaffMember.is_coach),
    select(StaffSpecialty.staff_id, literal("specialty"), StaffSpecialty.tag_code)
    .join(StaffMember, StaffMember.id == StaffSpecialty.staff_id)
    .where(StaffMember.is_coach),
)
_WINDOWS = (
    select(
        CoachAvailability.staff_id,
        CoachAvailability.weekday,
        CoachAvailability.starts_at,
        CoachAvailability.ends_at,
    )
    .join(StaffMember, StaffMember.id == CoachAvailability.staff_id)
    .where(StaffMember.is_coach)
    .order_by(CoachAvailability.weekday, CoachAvailability.starts_at)
)


def coach_rows(
    session: Session, *, include_inactive: bool = False, coach_id: int | None = None
) -> list[CoachRow]:
    """Coaches by name (active ones only unless asked), or just `coach_id`."""
    languages: dict[int, list[str]] = defaultdict(list)
    specialties: dict[int, list[str]] = defaultdict(list)
    for staff_id, kind, code in session.execute(_LANGUAGES_AND_SPECIALTIES):
        (languages if kind == "language" else specialties)[staff_id].append(code)
    windows: dict[int, list[WeeklyWindow]] = defaultdict(list)
    for staff_id, weekday, starts_at, ends_at in session.execute(_WINDOWS):
        windows[staff_id].append(WeeklyWindow(weekday, starts_at, ends_at))
    rows = [
        CoachRow(
            *row,
            tuple(sorted(languages[row.id])),
            tuple(sorted(specialties[row.id])),
            tuple(windows[row.id]),
        )
        for row in session.execute(_COACHES)
        if (include_inactive or row.active) and coach_id in (None, row.id)
    ]
    return sorted(rows, key=lambda c: (c.display_name, c.id))

"""Reads shared by the coaching services: active caseloads, coaches with what they bring."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desk.coaching.availability import WeeklyWindow
from desk.models import Assignment, StaffMember
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


def load_coaches(session: Session, *, include_inactive: bool = False) -> list[StaffMember]:
    query = (
        select(StaffMember)
        .where(StaffMember.is_coach)
        .options(
            selectinload(StaffMember.languages),
            selectinload(StaffMember.specialties),
            selectinload(StaffMember.availability),
        )
        .order_by(StaffMember.display_name, StaffMember.id)
    )
    if not include_inactive:
        query = query.where(StaffMember.active)
    return list(session.scalars(query))


def windows_of(coach: StaffMember) -> tuple[WeeklyWindow, ...]:
    return tuple(
        WeeklyWindow(slot.weekday, slot.starts_at, slot.ends_at) for slot in coach.availability
    )

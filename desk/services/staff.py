"""Staff as the front desk sees them: which recovery coaches there are, and who is on duty."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desk.access import unrestricted
from desk.models import StaffMember
from desk.services.settings import center_now


@dataclass(frozen=True)
class CoachSummary:
    id: int
    display_name: str
    phone: str | None
    languages: tuple[str, ...]
    specialties: tuple[str, ...]
    on_duty: bool


def on_duty(staff: StaffMember, local_now: datetime) -> bool:
    weekday, clock = local_now.weekday(), local_now.time()
    return any(
        slot.weekday == weekday and slot.starts_at <= clock < slot.ends_at
        for slot in staff.availability
    )


@unrestricted("who coaches and who is on duty, as the front desk shows it")
def list_coaches(session: Session, *, now: datetime | None = None) -> list[CoachSummary]:
    """Active coaches, those on duty now first."""
    local_now = center_now(session, now)
    coaches = session.scalars(
        select(StaffMember)
        .where(StaffMember.is_coach, StaffMember.active)
        .options(
            selectinload(StaffMember.languages),
            selectinload(StaffMember.specialties),
            selectinload(StaffMember.availability),
        )
        .order_by(StaffMember.display_name)
    ).all()
    summaries = [
        CoachSummary(
            c.id,
            c.display_name,
            c.phone,
            tuple(x.language for x in c.languages),
            tuple(x.tag_code for x in c.specialties),
            on_duty(c, local_now),
        )
        for c in coaches
    ]
    return sorted(summaries, key=lambda c: not c.on_duty)

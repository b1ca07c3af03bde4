"""Reads shared by the coaching services: active caseloads, coaches with what they bring."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from desk.access import unrestricted
from desk.coaching.availability import WeeklyWindow
from desk.models import (
    Assignment,
    CoachAvailability,
    StaffLanguage,
    StaffMember,
    StaffSpecialty,
)

_ACTIVE_CASELOADS = (
    select(Assignment.coach_id, func.count())
    .where(Assignment.ended_at.is_(None))
    .group_by(Assignment.coach_id)
)


@unrestricted("counts of active peers per coach, no names")
def active_caseloads(session: Session) -> dict[int, int]:
    """Active peers per coach (coaches with none are left out)."""
    return {coach_id: count for coach_id, count in session.execute(_ACTIVE_CASELOADS)}


@unrestricted("a count of active peers, no names")
def active_caseload(session: Session, coach_id: int) -> int:
    return session.scalar(
        select(func.count())
        .select_from(Assignment)
        .where(Assignment.coach_id == coach_id, Assignment.ended_at.is_(None))
    )


@dataclass(frozen=True)
class CoachRow:
    """A coach, what they bring and their active caseload, read in two plain queries (the
    ranking reads every coach for every peer: ORM objects with three collections each, and a
    query per collection, cost more than the ranking itself)."""

    id: int
    version: int
    display_name: str
    phone: str | None
    gender: str | None
    recovery_pathway: str | None
    caseload_limit: int | None
    active: bool
    active_peers: int
    languages: tuple[str, ...]
    specialties: tuple[str, ...]
    availability: tuple[WeeklyWindow, ...]


_PEERS = _ACTIVE_CASELOADS.subquery()
_COACHES = (
    select(
        StaffMember.id,
        StaffMember.version,
        StaffMember.display_name,
        StaffMember.phone,
        StaffMember.gender,
        StaffMember.recovery_pathway,
        StaffMember.caseload_limit,
        StaffMember.active,
        func.coalesce(_PEERS.c.count, 0),
    )
    .outerjoin(_PEERS, _PEERS.c.coach_id == StaffMember.id)
    .where(StaffMember.is_coach)
)


def _what_they_bring():
    """Languages, specialties and weekly windows of every coach, as one result: (staff id,
    kind, code, weekday, starts, ends), the columns a kind does not use left empty."""
    no_day = cast(null(), CoachAvailability.weekday.type)
    no_time = cast(null(), CoachAvailability.starts_at.type)
    no_code = cast(null(), StaffLanguage.language.type)
    coach = StaffMember.is_coach
    return union_all(
        select(
            StaffLanguage.staff_id,
            literal("language"),
            StaffLanguage.language,
            no_day,
            no_time,
            no_time,
        )
        .join(StaffMember, StaffMember.id == StaffLanguage.staff_id)
        .where(coach),
        select(
            StaffSpecialty.staff_id,
            literal("specialty"),
            StaffSpecialty.tag_code,
            no_day,
            no_time,
            no_time,
        )
        .join(StaffMember, StaffMember.id == StaffSpecialty.staff_id)
        .where(coach),
        select(
            CoachAvailability.staff_id,
            literal("window"),
            no_code,
            CoachAvailability.weekday,
            CoachAvailability.starts_at,
            CoachAvailability.ends_at,
        )
        .join(StaffMember, StaffMember.id == CoachAvailability.staff_id)
        .where(coach),
    )


_WHAT_THEY_BRING = _what_they_bring()


@unrestricted("coaches' own details, for the roster and matching services that check their callers")
def coach_rows(
    session: Session, *, include_inactive: bool = False, coach_id: int | None = None
) -> list[CoachRow]:
    """Coaches by name (active ones only unless asked), or just `coach_id`."""
    languages: dict[int, list[str]] = defaultdict(list)
    specialties: dict[int, list[str]] = defaultdict(list)
    windows: dict[int, list[WeeklyWindow]] = defaultdict(list)
    for staff_id, kind, code, weekday, starts_at, ends_at in session.execute(_WHAT_THEY_BRING):
        if kind == "language":
            languages[staff_id].append(code)
        elif kind == "specialty":
            specialties[staff_id].append(code)
        else:
            windows[staff_id].append(WeeklyWindow(weekday, starts_at, ends_at))
    rows = [
        CoachRow(
            *row,
            tuple(sorted(languages[row.id])),
            tuple(sorted(specialties[row.id])),
            tuple(sorted(windows[row.id])),
        )
        for row in session.execute(_COACHES)
        if (include_inactive or row.active) and coach_id in (None, row.id)
    ]
    return sorted(rows, key=lambda c: (c.display_name, c.id))

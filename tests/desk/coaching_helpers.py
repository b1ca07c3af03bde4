"""Small builders for coaching tests: coaches through the roster service, as an admin adds them."""

from __future__ import annotations

from datetime import UTC, datetime

from desk.coaching.availability import parse_availability
from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.assignments import AssignmentRecord, assign_coach
from desk.services.coach_roster import CoachInput, RosterCoach, save_coach

MONDAY_NOON = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # 12:00 in Worcester


def add_coach(
    database: Database,
    actor: Actor,
    name: str,
    *,
    languages: tuple[str, ...] = ("en",),
    specialties: tuple[str, ...] = (),
    limit: int = 10,
    gender: str = "",
    pathway: str = "",
    hours: str = "Mon-Fri 9-5",
    phone: str = "",
) -> RosterCoach:
    with database.transaction() as session:
        return save_coach(
            session,
            actor,
            CoachInput(
                display_name=name,
                phone=phone,
                gender=gender,
                recovery_pathway=pathway,
                languages=languages,
                specialties=specialties,
                caseload_limit=limit,
                availability=parse_availability(hours),
            ),
        )


def assign(
    database: Database,
    actor: Actor,
    person_id: int,
    coach_id: int,
    *,
    current: int | None = None,
    reason: str = "",
    override: bool = False,
    now: datetime | None = None,
) -> AssignmentRecord:
    with database.transaction() as session:
        return assign_coach(
            session,
            actor,
            person_id,
            coach_id,
            current_assignment_id=current,
            reason=reason,
            override_limit=override,
            now=now,
        )

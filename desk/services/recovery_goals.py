"""Simple recovery goals per peer, by area (housing, work, education, relationships, health,
recovery), each with a status. The peer sets them; the coach writes them down."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.db.changes import Topic
from desk.errors import NotFound, ValidationError
from desk.messages.coaching import (
    CHOOSE_AREA_OF_LIFE_GOAL,
    FOR_EXAMPLE_FIND_SOBER_HOUSE,
    GOAL,
    IT_IS_NOW_2,
    LIST_HAS_BEEN_REFRESHED_MAKE,
    THAT_GOAL_IS_NO_LONGER,
    WRITE_GOAL_IN_FEW_WORDS,
)
from desk.models import GoalArea, GoalStatus, RecoveryGoal
from desk.services.actor import Actor
from desk.services.coaching_access import require_coaching_notes
from desk.services.people import live_person
from desk.services.recording import record_change, refuse_stale
from desk.validation import clean_text

TITLE_MAX = 200
AREA_ORDER = {area: n for n, area in enumerate(GoalArea)}
STATUS_ORDER = {
    GoalStatus.IN_PROGRESS: 0,
    GoalStatus.NOT_STARTED: 1,
    GoalStatus.ON_HOLD: 2,
    GoalStatus.ACHIEVED: 3,
    GoalStatus.DROPPED: 4,
}


@dataclass(frozen=True)
class GoalRecord:
    id: int
    version: int
    person_id: int
    area: GoalArea
    title: str
    status: GoalStatus
    created_at: datetime
    updated_at: datetime


def _record(goal: RecoveryGoal) -> GoalRecord:
    return GoalRecord(
        goal.id,
        goal.version,
        goal.person_id,
        goal.area,
        goal.title,
        goal.status,
        goal.created_at,
        goal.updated_at,
    )


def _title(text: str) -> str:
    title = clean_text(text, label="The goal", field="title", max_length=TITLE_MAX)
    if title is None:
        raise ValidationError(
            WRITE_GOAL_IN_FEW_WORDS,
            field="title",
            hint=FOR_EXAMPLE_FIND_SOBER_HOUSE,
        )
    return title


@requires(Permission.COACHING_RECORDS)
def add_goal(
    session: Session,
    actor: Actor,
    person_id: int,
    area: GoalArea,
    title: str,
    status: GoalStatus = GoalStatus.NOT_STARTED,
) -> GoalRecord:
    live_person(session, person_id)
    require_coaching_notes(session, actor, person_id, writing=True)
    if not isinstance(area, GoalArea):
        raise ValidationError(CHOOSE_AREA_OF_LIFE_GOAL, field="area")
    goal = RecoveryGoal(
        person_id=person_id,
        area=area,
        title=_title(title),
        status=status,
        created_by_id=actor.staff_id,
    )
    session.add(goal)
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_GOAL_ADDED,
        "recovery_goal",
        goal.id,
        person_id=person_id,
        area=area.value,
        status=status.value,
    )
    return _record(goal)


@requires(Permission.COACHING_RECORDS)
def update_goal(
    session: Session,
    actor: Actor,
    goal_id: int,
    read_version: int,
    *,
    title: str | None = None,
    status: GoalStatus | None = None,
    area: GoalArea | None = None,
) -> GoalRecord:
    """Change a goal's words, area or status, as it was at `read_version`."""
    goal = session.get(RecoveryGoal, goal_id)
    if goal is not None:
        require_coaching_notes(session, actor, goal.person_id, writing=True)
    if goal is None:
        raise NotFound(THAT_GOAL_IS_NO_LONGER)
    refuse_stale(
        session,
        goal,
        read_version,
        what=GOAL.with_(title=goal.title),
        now=IT_IS_NOW_2.with_(status=goal.status.value.replace("_", " ")),
        hint=LIST_HAS_BEEN_REFRESHED_MAKE,
    )
    values = {
        "title": _title(title) if title is not None else goal.title,
        "status": status or goal.status,
        "area": area or goal.area,
    }
    changed = sorted(key for key, value in values.items() if getattr(goal, key) != value)
    if not changed:
        return _record(goal)
    for key in changed:
        setattr(goal, key, values[key])
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_GOAL_UPDATED,
        "recovery_goal",
        goal.id,
        person_id=goal.person_id,
        fields=changed,
        status=goal.status.value,
    )
    return _record(goal)


@requires(Permission.COACHING_RECORDS)
def person_goals(session: Session, actor: Actor, person_id: int) -> list[GoalRecord]:
    """Open goals first (in progress, not started, on hold), then achieved and dropped."""
    require_coaching_notes(session, actor, person_id)
    goals = session.scalars(select(RecoveryGoal).where(RecoveryGoal.person_id == person_id)).all()
    ordered = sorted(
        goals, key=lambda g: (STATUS_ORDER[g.status], AREA_ORDER[g.area], g.created_at, g.id)
    )
    return [_record(goal) for goal in ordered]

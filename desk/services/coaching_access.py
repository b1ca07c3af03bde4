"""Whose coaching notes a staff member may read and write.

Coaching notes, contacts, goals and BARC-10 scores are the most private part of a record. A
coach reads those of the peers in their own caseload; an admin, and a coach an admin allowed
(`sees_all_coaching_notes`), read everyone's. A coach may also write for a peer who has no
coach yet (the first conversation at the desk), recorded as theirs. The front desk reads none.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.access import Permission, Standing, authorize, standing
from desk.errors import PermissionDenied
from desk.messages.coaching import THEIR_COACH_CAN_ADD_IT, THIS_PEER_IS_IN_ANOTHER
from desk.models import Assignment, StaffRole
from desk.services.actor import Actor


def _active_coach(session: Session, person_id: int) -> int | None:
    return session.scalar(
        select(Assignment.coach_id).where(
            Assignment.person_id == person_id, Assignment.ended_at.is_(None)
        )
    )


def _sees_everyone(found: Standing) -> bool:
    return found.role is StaffRole.ADMIN or found.sees_all_coaching_notes


def may_read_coaching_notes(session: Session, actor: Actor, person_id: int) -> bool:
    """Whether the actor may read this peer's coaching notes (no error: for what to show)."""
    found = standing(session, actor.staff_id)
    if not found.may(Permission.COACHING_RECORDS):
        return False
    return _sees_everyone(found) or _active_coach(session, person_id) == actor.staff_id


def require_coaching_notes(
    session: Session, actor: Actor, person_id: int, *, writing: bool = False
) -> None:
    """Refuse (PermissionDenied) unless the actor may read, or with `writing` write, this
    peer's coaching notes."""
    found = authorize(session, actor, Permission.COACHING_RECORDS)
    if _sees_everyone(found):
        return
    coach_id = _active_coach(session, person_id)
    if coach_id == actor.staff_id or (writing and coach_id is None):
        return
    raise PermissionDenied(
        THIS_PEER_IS_IN_ANOTHER,
        hint=THEIR_COACH_CAN_ADD_IT,
    )

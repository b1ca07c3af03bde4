"""BARC-10 answers per peer, at intake and later, and the trend of their totals."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desk.access import Permission, requires
from desk.audit.actions import AuditAction
from desk.coaching.barc10 import ITEMS, Trend, TrendPoint, check_scores, trend_of
from desk.db.changes import Topic
from desk.errors import ValidationError
from desk.messages.coaching import GIVE_DAY_PEER_ANSWERED_TODAY
from desk.models import Barc10Assessment, StaffMember
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.coaching_access import require_coaching_notes
from desk.services.people import live_person
from desk.services.recording import record_change
from desk.services.settings import center_day
from desk.validation import clean_text

NOTE_MAX = 500


@dataclass(frozen=True)
class Barc10Record:
    id: int
    taken_on: date
    scores: tuple[int, ...]
    total: int
    note: str | None
    recorded_by: str


@requires(Permission.COACHING_RECORDS)
def record_barc10(
    session: Session,
    actor: Actor,
    person_id: int,
    taken_on: date | None,
    scores: Sequence[int | None],
    note: str = "",
    *,
    now: datetime | None = None,
) -> Barc10Record:
    now = now or utc_now()
    live_person(session, person_id)
    require_coaching_notes(session, actor, person_id, writing=True)
    today = center_day(session, now)
    if taken_on is None or taken_on > today:
        raise ValidationError(GIVE_DAY_PEER_ANSWERED_TODAY, field="taken_on")
    checked = check_scores(scores)
    assessment = Barc10Assessment(
        person_id=person_id,
        taken_on=taken_on,
        recorded_by_id=actor.staff_id,
        recorded_at=now,
        note=clean_text(note, label="The note", field="note", max_length=NOTE_MAX),
        **{f"item_{n}": score for n, score in enumerate(checked, start=1)},
    )
    session.add(assessment)
    record_change(
        session,
        actor,
        Topic.COACHING,
        AuditAction.COACHING_BARC10_RECORDED,
        "barc10_assessment",
        assessment.id,
        person_id=person_id,
        at=now,
        total=assessment.total,
    )
    return Barc10Record(
        assessment.id, taken_on, checked, sum(checked), assessment.note, actor.display_name
    )


@requires(Permission.COACHING_RECORDS)
def person_barc10(session: Session, actor: Actor, person_id: int) -> list[Barc10Record]:
    """Oldest first, so the list reads as the trend does."""
    require_coaching_notes(session, actor, person_id)
    recorder = aliased(StaffMember)
    rows = session.execute(
        select(Barc10Assessment, recorder.display_name)
        .join(recorder, recorder.id == Barc10Assessment.recorded_by_id)
        .where(Barc10Assessment.person_id == person_id)
        .order_by(Barc10Assessment.taken_on, Barc10Assessment.id)
    ).all()
    return [
        Barc10Record(a.id, a.taken_on, tuple(a.scores), a.total, a.note, name) for a, name in rows
    ]


def barc10_trend(records: Sequence[Barc10Record]) -> Trend:
    return trend_of([TrendPoint(r.taken_on, r.total) for r in records])


__all__ = ["ITEMS", "Barc10Record", "barc10_trend", "person_barc10", "record_barc10"]

"""Today's queue: everyone here now, by arrival, then the latest to leave, read in one
statement for the front desk's table (refreshed on every change, so it is kept cheap)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import and_, bindparam, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from desk.access import Permission, requires
from desk.models import Assignment, Person, Purpose, StaffMember, Visit, VisitPurpose, VisitStatus
from desk.models.base import utc_now
from desk.services.actor import Actor
from desk.services.checkin import ACTIVE
from desk.services.settings import center_day

RECENT_DONE = 15


class QueueEntry(NamedTuple):
    """One visit in today's queue (a named tuple: a refresh makes hundreds, and a frozen
    dataclass takes five times as long to make)."""

    visit_id: int
    version: int
    person_id: int | None
    first_name: str | None
    last_name: str | None
    preferred_name: str | None
    anonymous_initials: str | None
    arrived_at: datetime
    started_at: datetime | None
    departed_at: datetime | None
    status: VisitStatus
    purposes: tuple[str, ...]
    coach_name: str | None  # with this coach now
    assigned_coach_name: str | None  # the peer's coach
    requested_coach_name: str | None
    way_in: str | None = None  # "card" (scanned at the desk), "kiosk" (at the door), or None

    @property
    def is_anonymous(self) -> bool:
        return self.person_id is None


@dataclass(frozen=True)
class TodayCounts:
    visits: int
    anonymous: int
    here_now: int


@dataclass(frozen=True)
class TodayQueue:
    day: date
    entries: tuple[QueueEntry, ...]  # here now by arrival, then the latest done
    counts: TodayCounts


def _queue_statement():
    """Built once (building a select costs more than running it): everyone here now and the
    latest to leave, found by id, a row per purpose, with the day's counts alongside. One
    statement for both: on PostgreSQL each statement is a round trip and is planned, and
    the planning of a join grows fast with its tables (staff names joined three times over
    took as long to plan as to run: they are read apart, below)."""
    day = bindparam("day")
    counted_visit = aliased(Visit)  # its own alias: the counts must not correlate per row
    counted = and_(counted_visit.local_day == day, counted_visit.status != VisitStatus.UNDONE)
    total = select(func.count()).select_from(counted_visit).where(counted).scalar_subquery()
    # Counted over the day's rows (a sum, not a filter on person_id IS NULL), so both engines
    # walk the day's index instead of every anonymous visit ever.
    anonymous = (
        select(func.coalesce(func.sum(case((counted_visit.person_id.is_(None), 1), else_=0)), 0))
        .select_from(counted_visit)
        .where(counted)
        .scalar_subquery()
    )
    latest_done = (
        select(Visit.id)
        .where(Visit.local_day == day, Visit.status == VisitStatus.DONE)
        .order_by(Visit.departed_at.desc())
        .limit(bindparam("recent_done"))
    )
    return (
        select(
            Visit.id,
            Visit.version,
            Visit.person_id,
            Person.first_name,
            Person.last_name,
            Person.preferred_name,
            Visit.anonymous_initials,
            Visit.arrived_at,
            Visit.started_at,
            Visit.departed_at,
            Visit.status,
            Visit.coach_id,
            Assignment.coach_id,
            Visit.requested_coach_id,
            Purpose.label,
            VisitPurpose.quantity,
            Visit.way_in,
            total,
            anonymous,
        )
        .outerjoin(Person, Person.id == Visit.person_id)
        .outerjoin(
            Assignment, and_(Assignment.person_id == Visit.person_id, Assignment.ended_at.is_(None))
        )
        .outerjoin(VisitPurpose, VisitPurpose.visit_id == Visit.id)
        .outerjoin(Purpose, Purpose.code == VisitPurpose.purpose_code)
        .where(
            Visit.local_day == day,
            or_(Visit.status.in_(ACTIVE), Visit.id.in_(latest_done.scalar_subquery())),
        )
        .order_by(Visit.id, Purpose.position)
    )


_QUEUE = _queue_statement()
_STAFF_NAMES = select(StaffMember.id, StaffMember.display_name)
_COUNTS = select(
    func.count(), func.coalesce(func.sum(case((Visit.person_id.is_(None), 1), else_=0)), 0)
).where(Visit.local_day == bindparam("day"), Visit.status != VisitStatus.UNDONE)


def _entries(rows, names: dict[int, str]) -> list[QueueEntry]:
    """Fold a row per purpose into one entry per visit; staff ids become names."""
    visits: dict[int, tuple] = {}
    labels: dict[int, list[str]] = {}
    for row in rows:
        visits.setdefault(row[0], row)
        if row[14] is not None:
            labels.setdefault(row[0], []).append(f"{row[14]} ×{row[15]}" if row[15] else row[14])
    return [
        QueueEntry(
            *row[:11],
            tuple(labels.get(visit_id, ())),
            names.get(row[11]),
            names.get(row[12]),
            names.get(row[13]),
            row[16],
        )
        for visit_id, row in visits.items()
    ]


@requires(Permission.SIGN_IN_VISITORS)
def today_queue(
    session: Session,
    actor: Actor,
    *,
    now: datetime | None = None,
    recent_done: int = RECENT_DONE,
) -> TodayQueue:
    """Everyone here now, by arrival, then the latest to leave."""
    day = center_day(session, now or utc_now())
    rows = session.execute(_QUEUE, {"day": day, "recent_done": recent_done}).all()
    if rows:
        total, anonymous = rows[0][17], rows[0][18]
    else:
        total, anonymous = session.execute(_COUNTS, {"day": day}).one()
    entries = _entries(rows, dict(session.execute(_STAFF_NAMES).all()))
    here = sorted((e for e in entries if e.status in ACTIVE), key=lambda e: e.arrived_at)
    left = sorted(
        (e for e in entries if e.status not in ACTIVE), key=lambda e: e.departed_at, reverse=True
    )
    return TodayQueue(day, (*here, *left), TodayCounts(total, int(anonymous or 0), len(here)))

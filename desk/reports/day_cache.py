"""Each day's additive visit counts, kept between reports so a year's report reads 365 small
rows instead of counting 200,000 visits again (twice: the year and the year before).

What is kept per center-local day: visits, visits with no one named, visits per UTC hour
(turned into the center's hours when read), per purpose, items given per purpose, and waits
in whole minutes. Counts of distinct people cannot be added up day by day; they are always
counted afresh (desk.reports.visit_figures).

A kept day is dropped, and counted again, as soon as any visit of that day changes: every
change to a visit (sign-in, a coach, check-out, undo, a merge moving it, a removal making it
anonymous) sets `visit.updated_at` from the database's clock, and each report first looks
for visits changed since the last look (an index on `updated_at` makes that cheap), with a
margin for transactions still open at that moment. Keeping is best effort: a station that
cannot write (another one wrote the same day first) simply uses what it counted.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from desk.models import ReportCacheState, ReportDay, Visit, VisitPurpose
from desk.models.base import utc_timestamp
from desk.reports.sql import counted_visits, minutes_between, utc_hour, whole_minutes

logger = logging.getLogger(__name__)

MARGIN = timedelta(minutes=10)  # longer than any transaction that writes a visit
CHUNK_DAYS = 400


def _hour_key(value: Any) -> str:
    if isinstance(value, str):
        return value[:13]
    return value.strftime("%Y-%m-%d %H")


def count_days(session: Session, first: date, last: date) -> dict[date, dict[str, Any]]:
    """Every day's counts in [first, last], straight from the visits."""
    days: dict[date, dict[str, Any]] = {}
    for n in range((last - first).days + 1):
        days[first + timedelta(days=n)] = {
            "visits": 0,
            "anonymous": 0,
            "hours": {},
            "purposes": {},
            "items": {},
            "waits": [],
        }
    where = counted_visits(first, last)
    bucket = utc_hour(session, Visit.arrived_at).label("hour")
    for day, hour, count, named in session.execute(
        select(Visit.local_day, bucket, func.count(), func.count(Visit.person_id))
        .where(where)
        .group_by(Visit.local_day, bucket)
    ):
        found = days[day]
        found["visits"] += count
        found["anonymous"] += count - named
        key = _hour_key(hour)
        found["hours"][key] = found["hours"].get(key, 0) + count
    for day, code, count, items in session.execute(
        select(
            Visit.local_day,
            VisitPurpose.purpose_code,
            func.count(),
            func.sum(VisitPurpose.quantity),
        )
        .join(Visit, Visit.id == VisitPurpose.visit_id)
        .where(where)
        .group_by(Visit.local_day, VisitPurpose.purpose_code)
    ):
        days[day]["purposes"][code] = int(count)
        if items:
            days[day]["items"][code] = int(items)
    exact = minutes_between(session, Visit.arrived_at, Visit.started_at)
    whole = whole_minutes(session, exact).label("minutes")
    for day, minutes, count, total in session.execute(
        select(Visit.local_day, whole, func.count(), func.sum(exact))
        .where(where, Visit.started_at.is_not(None))
        .group_by(Visit.local_day, whole)
    ):
        days[day]["waits"].append([int(minutes), int(count), float(total)])
    return days


def _sweep(session: Session) -> None:
    """Drop the kept days whose visits changed since the last look."""
    now = session.scalar(select(utc_timestamp()))
    state = session.get(ReportCacheState, 1)
    if state is None:
        session.execute(delete(ReportDay))
        session.add(ReportCacheState(id=1, swept_at=now))
        return
    # Not DISTINCT: SQLite would then walk the visits by day instead of by `updated_at`.
    changed = set(
        session.scalars(select(Visit.local_day).where(Visit.updated_at > state.swept_at - MARGIN))
    )
    if changed:
        session.execute(delete(ReportDay).where(ReportDay.local_day.in_(sorted(changed))))
    state.swept_at = now


def check_kept_days(session: Session) -> None:
    """Drop the kept days whose visits changed since the last look (in its own transaction)."""
    with Session(session.get_bind()) as own:
        try:
            _sweep(own)
            own.commit()
        except (IntegrityError, DBAPIError) as error:  # another station swept at that moment
            own.rollback()
            logger.info("report days not checked this time: %s", error.__class__.__name__)


def kept_days(
    session: Session, first: date, last: date, *, check: bool = True
) -> dict[date, dict[str, Any]]:
    """The counts of every day in [first, last]: kept ones read, the others counted and kept
    (after `check_kept_days`, unless the caller just did). Works in its own short
    transaction, apart from the caller's."""
    if check:
        check_kept_days(session)
    with Session(session.get_bind(), expire_on_commit=False) as own:
        started = own.scalar(select(utc_timestamp())) or datetime.now(UTC)
        found = {
            row.local_day: row.figures
            for row in own.scalars(
                select(ReportDay).where(ReportDay.local_day >= first, ReportDay.local_day <= last)
            )
        }
        missing = sorted(
            d
            for n in range((last - first).days + 1)
            if (d := first + timedelta(days=n)) not in found
        )
        if not missing:
            return found
        counted = count_days(own, missing[0], missing[-1])
        fresh = {day: counted[day] for day in missing}
        found.update(fresh)
        try:
            own.add_all(
                ReportDay(local_day=day, figures=figures, computed_at=started)
                for day, figures in fresh.items()
            )
            own.commit()
        except (IntegrityError, DBAPIError) as error:
            own.rollback()
            logger.info("report days not kept this time: %s", error.__class__.__name__)
        return found


def forget_days(session: Session) -> None:
    """Drop every kept day (after visits were written with times of their own: sample data)."""
    session.execute(delete(ReportDay))


def keep_every_day(session: Session, first: date, last: date) -> int:
    """Count and keep every day in [first, last] not kept yet, a year at a time (a first
    report of a long range then reads kept days only); returns the days now kept."""
    kept = 0
    start = first
    while start <= last:
        end = min(last, start + timedelta(days=365))
        kept += len(kept_days(session, start, end))
        start = end + timedelta(days=1)
    return kept

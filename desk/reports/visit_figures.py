"""Visit figures for one period: visits, people, new and returning, anonymous visits,
purposes and supplies, busy days and hours, and waits. A handful of grouped queries, each
over the period's visits once, so a year stays well under a second.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import case, exists, func, select
from sqlalchemy.orm import Session, aliased

from desk.models import Person, Purpose, Visit, VisitPurpose, VisitStatus
from desk.reports.periods import Period
from desk.reports.sql import (
    as_utc_hour,
    counted_visits,
    minutes_between,
    utc_hour,
    whole_minutes,
)

NOT_SAID = ""  # a person who gave no preferred language


@dataclass(frozen=True)
class WaitFigures:
    """Minutes from arrival until a coach started with them, for visits that had one."""

    waited: int = 0
    average_minutes: float | None = None
    p90_minutes: int | None = None  # 9 in 10 waited this many whole minutes or less


@dataclass(frozen=True)
class VisitFigures:
    visits: int = 0
    unique_people: int = 0
    new_people: int = 0
    returning_people: int = 0
    anonymous_visits: int = 0
    by_day: dict[date, int] = field(default_factory=dict)  # every day of the period
    by_weekday: tuple[int, ...] = (0,) * 7  # Monday first
    by_weekday_hour: dict[tuple[int, int], int] = field(default_factory=dict)
    purposes: dict[str, int] = field(default_factory=dict)  # visits per purpose code
    supplies: dict[str, int] = field(default_factory=dict)  # items given per counting purpose
    wait: WaitFigures = WaitFigures()
    languages: dict[str, int] = field(default_factory=dict)  # people per preferred language


def people_in(period: Period):
    """The distinct people (with a record) who came in the period."""
    return (
        select(Visit.person_id)
        .where(counted_visits(period.first, period.last), Visit.person_id.is_not(None))
        .distinct()
    )


def earlier_visit(person_column, period: Period):
    """Whether that person has a counted visit before the period: then they are returning."""
    before = aliased(Visit)
    return exists().where(
        before.person_id == person_column,
        before.local_day < period.first,
        before.status != VisitStatus.UNDONE,
    )


def _hours(session: Session, period: Period, zone: ZoneInfo, by_day: dict[date, int]):
    """Visits by day, weekday and (weekday, local hour); anonymous visits."""
    bucket = utc_hour(session, Visit.arrived_at).label("hour")
    rows = session.execute(
        select(Visit.local_day, bucket, func.count(), func.count(Visit.person_id))
        .where(counted_visits(period.first, period.last))
        .group_by(Visit.local_day, bucket)
    ).all()
    weekday_hour: Counter[tuple[int, int]] = Counter()
    anonymous = 0
    local_hour: dict[object, int] = {}
    for day, hour, count, with_person in rows:
        by_day[day] = by_day.get(day, 0) + count
        anonymous += count - with_person
        if hour not in local_hour:
            local_hour[hour] = as_utc_hour(hour).astimezone(zone).hour
        weekday_hour[(day.weekday(), local_hour[hour])] += count
    weekdays = [0] * 7
    for day, count in by_day.items():
        weekdays[day.weekday()] += count
    return tuple(weekdays), dict(weekday_hour), anonymous


def _people(session: Session, period: Period) -> tuple[int, int, dict[str, int]]:
    """Unique people, new people, and people per preferred language, in one pass."""
    people = people_in(period).subquery()
    rows = session.execute(
        select(
            Person.preferred_language,
            func.count(),
            func.sum(case((earlier_visit(people.c.person_id, period), 0), else_=1)),
        )
        .select_from(people)
        .join(Person, Person.id == people.c.person_id)
        .group_by(Person.preferred_language)
    ).all()
    languages: Counter[str] = Counter()
    for language, count, _ in rows:
        languages[language or NOT_SAID] += int(count)
    unique = sum(int(count) for _, count, _ in rows)
    new = sum(int(fresh or 0) for _, _, fresh in rows)
    return unique, new, dict(languages)


def _purposes(session: Session, period: Period) -> tuple[dict[str, int], dict[str, int]]:
    rows = session.execute(
        select(
            VisitPurpose.purpose_code,
            func.count(),
            func.sum(VisitPurpose.quantity),
            Purpose.counts_items,
        )
        .join(Visit, Visit.id == VisitPurpose.visit_id)
        .join(Purpose, Purpose.code == VisitPurpose.purpose_code)
        .where(counted_visits(period.first, period.last))
        .group_by(VisitPurpose.purpose_code, Purpose.counts_items)
    ).all()
    visits = {code: int(count) for code, count, _, _ in rows}
    supplies = {code: int(items or 0) for code, _, items, counts in rows if counts}
    return visits, supplies


def wait_figures(minute_counts: list[tuple[int, int, float]]) -> WaitFigures:
    """From (whole minutes, visits, their exact minutes added up): the average of the exact
    waits, and the 90th percentile by nearest rank (the smallest wait that at least 90% of
    visits did not exceed)."""
    waited = sum(count for _, count, _ in minute_counts)
    if not waited:
        return WaitFigures()
    total = sum(minutes for _, _, minutes in minute_counts)
    rank = math.ceil(0.9 * waited)
    seen = 0
    p90 = None
    for minutes, count, _ in sorted(minute_counts):
        seen += count
        if seen >= rank:
            p90 = minutes
            break
    return WaitFigures(waited, total / waited, p90)


def _waits(session: Session, period: Period) -> WaitFigures:
    exact = minutes_between(session, Visit.arrived_at, Visit.started_at)
    whole = whole_minutes(session, exact).label("minutes")
    rows = session.execute(
        select(whole, func.count(), func.sum(exact))
        .where(counted_visits(period.first, period.last), Visit.started_at.is_not(None))
        .group_by(whole)
    ).all()
    return wait_figures([(int(m), int(c), float(s)) for m, c, s in rows])


def visit_figures(session: Session, period: Period, zone: ZoneInfo) -> VisitFigures:
    by_day: dict[date, int] = dict.fromkeys(period.day_list(), 0)
    weekdays, weekday_hour, anonymous = _hours(session, period, zone, by_day)
    unique, new, languages = _people(session, period)
    purposes, supplies = _purposes(session, period)
    return VisitFigures(
        visits=sum(by_day.values()),
        unique_people=unique,
        new_people=new,
        returning_people=unique - new,
        anonymous_visits=anonymous,
        by_day=by_day,
        by_weekday=weekdays,
        by_weekday_hour=weekday_hour,
        purposes=purposes,
        supplies=supplies,
        wait=_waits(session, period),
        languages=languages,
    )


def local_hour_of(moment: datetime, zone: ZoneInfo) -> int:
    return moment.astimezone(zone).hour

"""Visit figures for one period: visits, people, new and returning, anonymous visits,
purposes and supplies, busy days and hours, and waits. A handful of grouped queries, each
over the period's visits once, so a year stays well under a second.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from desk.models import Person, Visit
from desk.reports.day_cache import kept_days  # checked once per report, in build
from desk.reports.periods import Period
from desk.reports.sql import as_utc_hour, counted_visits

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
    """The distinct people (with a record) who came in the period. Grouped rather than
    DISTINCT: SQLite then hands the ids over in order, so their records are read in the order
    they are stored (a year's 50,000 people in about 60% of the time)."""
    return (
        select(Visit.person_id)
        .where(counted_visits(period.first, period.last), Visit.person_id.is_not(None))
        .group_by(Visit.person_id)
    )


def came_before(period: Period) -> ColumnElement[bool]:
    """Whether a person (joined as `Person`) came before the period: then they are returning;
    otherwise new. Read from their first visit day (kept where visits are written,
    desk.services.first_visits), not looked for among their visits; a person with none is
    new."""
    return func.coalesce(Person.first_visit_day, period.first) < period.first


def from_days(days: dict[date, dict], zone: ZoneInfo, counting: frozenset[str]) -> dict:
    """The additive figures of a period, added up from its days' counts."""
    by_day = {day: int(found["visits"]) for day, found in sorted(days.items())}
    weekday_hour: Counter[tuple[int, int]] = Counter()
    purposes: Counter[str] = Counter()
    supplies: Counter[str] = Counter()
    waits: Counter[int] = Counter()
    wait_totals: Counter[int] = Counter()
    local_hour: dict[str, int] = {}
    for day, found in days.items():
        for key, count in found["hours"].items():
            if key not in local_hour:
                local_hour[key] = as_utc_hour(key).astimezone(zone).hour
            weekday_hour[(day.weekday(), local_hour[key])] += count
        purposes.update(found["purposes"])
        supplies.update({c: n for c, n in found["items"].items() if c in counting})
        for minutes, count, total in found["waits"]:
            waits[minutes] += count
            wait_totals[minutes] += total
    weekdays = [0] * 7
    for day, count in by_day.items():
        weekdays[day.weekday()] += count
    return {
        "visits": sum(by_day.values()),
        "anonymous_visits": sum(int(found["anonymous"]) for found in days.values()),
        "by_day": by_day,
        "by_weekday": tuple(weekdays),
        "by_weekday_hour": dict(weekday_hour),
        "purposes": dict(purposes),
        "supplies": {c: supplies.get(c, 0) for c in counting if c in purposes or c in supplies},
        "wait": wait_figures([(m, n, wait_totals[m]) for m, n in waits.items()]),
    }


def _people(session: Session, period: Period) -> tuple[int, int, dict[str, int]]:
    """Unique people, new people, and people per preferred language, in one pass."""
    people = people_in(period).subquery()
    rows = session.execute(
        select(
            Person.preferred_language,
            func.count(),
            func.sum(case((came_before(period), 0), else_=1)),
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


def visit_figures(
    session: Session, period: Period, zone: ZoneInfo, counting: frozenset[str]
) -> VisitFigures:
    days = kept_days(session, period.first, period.last, check=False)
    unique, new, languages = _people(session, period)
    return VisitFigures(
        unique_people=unique,
        new_people=new,
        returning_people=unique - new,
        languages=languages,
        **from_days(days, zone, counting),
    )

"""The lists behind the visit figures: which visits, which people.

A list shows at most `LIST_LIMIT` rows (the first by time, or the most frequent visitors
first) and says how many there are in all; the spreadsheet export has every count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from desk.models import Person, Visit, VisitPurpose
from desk.names import anonymous_label, shown_name
from desk.reports.periods import Period
from desk.reports.sql import counted_visits, minutes_between
from desk.reports.visit_figures import NOT_SAID, came_before
from desk.reports.visit_sections import language_label

LIST_LIMIT = 2000
REMOVED = "(record removed)"


@dataclass(frozen=True)
class FigureList:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]
    total: int
    person_ids: tuple[int, ...]  # the people named in the rows shown

    @property
    def cut_short(self) -> bool:
        return self.total > len(self.rows)


def person_label(person: Person | None, initials: str | None, private: bool) -> str:
    if person is None:
        return anonymous_label(initials)
    if person.removed_at is not None:
        return REMOVED
    return shown_name(person.first_name, person.last_name, person.preferred_name, private=private)


def visit_filter(period: Period, key: str):
    """The WHERE of the visits behind `key`, or None when `key` is not a visit figure."""
    where = [counted_visits(period.first, period.last)]
    kind, _, arg = key.partition(":")
    if key in ("visits", "waits", "waits:average", "waits:p90"):
        if kind == "waits":
            where.append(Visit.started_at.is_not(None))
    elif key == "visits:anonymous":
        where.append(Visit.person_id.is_(None))
    elif kind in ("purpose", "supplies"):
        where.append(
            exists().where(VisitPurpose.visit_id == Visit.id, VisitPurpose.purpose_code == arg)
        )
    elif kind == "day":
        where.append(Visit.local_day == date.fromisoformat(arg))
    elif kind == "weekday":
        days = [d for d in period.day_list() if d.weekday() == int(arg)]
        where.append(Visit.local_day.in_(days))
    else:
        return None
    return where


def visit_list(
    session: Session, period: Period, key: str, title: str, zone: ZoneInfo, private: bool
) -> FigureList | None:
    where = visit_filter(period, key)
    if where is None:
        return None
    total = session.scalar(select(func.count()).select_from(Visit).where(*where)) or 0
    waited = minutes_between(session, Visit.arrived_at, Visit.started_at)
    rows = session.execute(
        select(Visit, Person, waited)
        .outerjoin(Person, Person.id == Visit.person_id)
        .where(*where)
        .order_by(Visit.arrived_at, Visit.id)
        .limit(LIST_LIMIT)
    ).all()
    ids = [visit.id for visit, _, _ in rows]
    purposes: dict[int, list[str]] = {}
    items: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        for visit_id, code, quantity in session.execute(
            select(VisitPurpose.visit_id, VisitPurpose.purpose_code, VisitPurpose.quantity)
            .where(VisitPurpose.visit_id.in_(ids[start : start + 500]))
            .order_by(VisitPurpose.visit_id, VisitPurpose.purpose_code)
        ):
            purposes.setdefault(visit_id, []).append(code)
            if quantity:
                items[visit_id] = items.get(visit_id, 0) + quantity
    shown = []
    people = []
    for visit, person, minutes in rows:
        if person is not None and person.removed_at is None:
            people.append(person.id)
        shown.append(
            (
                visit.local_day,
                visit.arrived_at.astimezone(zone).strftime("%H:%M"),
                person_label(person, visit.anonymous_initials, private),
                ", ".join(purposes.get(visit.id, [])).replace("_", " "),
                items.get(visit.id),
                None if minutes is None else round(float(minutes)),
                visit.status.value.replace("_", " "),
            )
        )
    return FigureList(
        title,
        ("Date", "Arrived", "Person", "Purposes", "Items given", "Waited (min)", "Status"),
        tuple(shown),
        int(total),
        tuple(sorted(set(people))),
    )


def people_list(
    session: Session, period: Period, key: str, title: str, private: bool
) -> FigureList | None:
    kind, _, arg = key.partition(":")
    if kind not in ("people", "language", "languages"):
        return None
    came = (
        select(
            Visit.person_id.label("person_id"),
            func.count().label("visits"),
            func.min(Visit.local_day).label("first_day"),
        )
        .where(counted_visits(period.first, period.last), Visit.person_id.is_not(None))
        .group_by(Visit.person_id)
        .subquery()
    )
    where = []
    if key == "people:new":
        where.append(~came_before(period))
    elif key == "people:returning":
        where.append(came_before(period))
    elif kind == "language":
        where.append(
            Person.preferred_language.is_(None)
            if arg == NOT_SAID
            else Person.preferred_language == arg
        )
    elif key == "languages:other":
        where.append(Person.preferred_language.not_in(("en", "")))
    query = select(Person, came.c.visits, came.c.first_day).join(
        came, came.c.person_id == Person.id
    )
    total = session.scalar(select(func.count()).select_from(query.where(*where).subquery()))
    rows = session.execute(
        query.where(*where).order_by(came.c.visits.desc(), Person.id).limit(LIST_LIMIT)
    ).all()
    shown = tuple(
        (
            person_label(person, None, private),
            int(visits),
            first_day,
            language_label(person.preferred_language or NOT_SAID),
        )
        for person, visits, first_day in rows
    )
    return FigureList(
        title,
        ("Person", "Visits in the period", "First visit in the period", "Language"),
        shown,
        int(total or 0),
        tuple(sorted(person.id for person, _, _ in rows if person.removed_at is None)),
    )

"""The few SQL expressions that differ between SQLite and PostgreSQL, and what every visit
figure agrees on: which visits count.

A visit counts when its center-local day (`visit.local_day`, written at sign-in) is in the
period and it was not undone. Visits of people whose record was removed at their request
stay (with no person), as do anonymous ones; a merged record's visits moved to the record
kept, so they count under it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import ColumnElement, Integer, and_, cast, func, literal_column
from sqlalchemy.orm import Session

from desk.models import Visit, VisitStatus


def counted_visits(first: date, last: date, visit=Visit) -> ColumnElement[bool]:
    return and_(
        visit.local_day >= first, visit.local_day <= last, visit.status != VisitStatus.UNDONE
    )


def dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def utc_hour(session: Session, column) -> ColumnElement:
    """The UTC hour a moment falls in: grouping by it, then turning each hour into the
    center's local hour in Python, is right across daylight saving changes."""
    if dialect(session) == "sqlite":
        # SQLAlchemy stores a datetime on SQLite as "YYYY-MM-DD HH:MM:SS.ffffff": its first
        # 13 characters are the hour, read far faster than by strftime.
        return func.substr(column, 1, 13)
    return func.date_trunc(literal_column("'hour'"), column)


def as_utc_hour(value: str | datetime) -> datetime:
    if isinstance(value, str):
        value = datetime.strptime(value, "%Y-%m-%d %H")
    return value.replace(tzinfo=UTC)


def minutes_between(session: Session, start, end) -> ColumnElement:
    """end - start in minutes, with the seconds as a fraction."""
    if dialect(session) == "sqlite":
        # julianday's floating point leaves 61 minutes as 60.9999...: round to the millisecond.
        return func.round((func.julianday(end) - func.julianday(start)) * 86400.0, 3) / 60.0
    return func.extract("epoch", end - start) / 60.0


def whole_minutes(session: Session, minutes: ColumnElement) -> ColumnElement:
    if dialect(session) == "sqlite":
        return cast(minutes, Integer)  # truncates; waits are never negative
    return cast(func.floor(minutes), Integer)

"""Groups for tests, made through the service as an admin makes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.groups import GroupDetails, GroupRecord, create_group

ZONE = ZoneInfo("America/New_York")
TUESDAY = date(2026, 12, 8)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment on the center's clock, as UTC."""
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def add_group(
    database: Database,
    actor: Actor,
    name: str,
    rule: str = "FREQ=WEEKLY;BYDAY=TU",
    starts_at: time = time(18, 0),
    ends_at: time = time(19, 30),
    *,
    starts_on: date = date(2026, 9, 1),
    **details: object,
) -> GroupRecord:
    with database.transaction() as session:
        return create_group(
            session,
            actor,
            GroupDetails(
                name=name,
                starts_on=starts_on,
                starts_at=starts_at,
                ends_at=ends_at,
                rule=rule,
                **details,  # type: ignore[arg-type]
            ),
        )

"""Taking a row's write lock before checking a rule, so two stations cannot both pass the check.

PostgreSQL locks the rows (SELECT ... FOR UPDATE) until commit. SQLite has one writer at a
time: a no-op UPDATE takes the database's write lock, and every read after it in the same
transaction sees the latest commit (the driver begins the transaction at the first write).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import false, select, text, update
from sqlalchemy.orm import Session

from desk.models import ChangeNotice


def lock_rows(session: Session, model: type, ids: Iterable[int]) -> None:
    wanted = sorted(set(ids))  # always in the same order, so two lockers cannot deadlock
    if not wanted:
        return
    table = model.__table__  # type: ignore[attr-defined]
    key = table.c.id
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(key).where(key.in_(wanted)).order_by(key).with_for_update())
        return
    # Each column that changes by itself on update (updated_at) is set to itself, so the
    # lock leaves the row exactly as it was.
    unchanged = {column.key: column for column in table.c if column.onupdate is not None}
    session.execute(update(table).where(key.in_(wanted)).values(id=key, **unchanged))


def now_in_turn(session: Session) -> datetime:
    """The time to stamp a write with, taken once it is this write's turn.

    On SQLite a writer waits for the one before it (up to the busy timeout): the write lock
    is taken first (a no-op UPDATE), so a visit is never stamped before one it waited
    behind. PostgreSQL's own clock is used there, the same for every station whatever their
    clocks say, read at this moment of the transaction (clock_timestamp, not now())."""
    if session.get_bind().dialect.name == "postgresql":
        stamp = session.scalar(text("SELECT clock_timestamp()"))
        return stamp.astimezone(UTC)
    table = ChangeNotice.__table__
    session.execute(update(table).where(false()).values(id=table.c.id))
    return datetime.now(UTC)

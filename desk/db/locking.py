"""Taking a row's write lock before checking a rule, so two stations cannot both pass the check.

PostgreSQL locks the rows (SELECT ... FOR UPDATE) until commit. SQLite has one writer at a
time: a no-op UPDATE takes the database's write lock, and every read after it in the same
transaction sees the latest commit (the driver begins the transaction at the first write).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session


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

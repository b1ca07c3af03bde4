"""Fast inserts for generated data: executemany in chunks, ids assigned up front."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

CHUNK = 5000


def insert_rows(session: Session, model: type, rows: Iterable[dict], chunk: int = CHUNK) -> int:
    """Insert plain dicts into `model`'s table with Core executemany, `chunk` rows at a time.

    Core (not the ORM's bulk insert) keeps every batch whole: the ORM splits a batch wherever
    the set of non-null columns changes, which turns a million rows into many small inserts.
    """
    table = model.__table__
    columns = [column.key for column in table.columns]
    statement = insert(table)
    batch: list[dict] = []
    total = 0
    for row in rows:
        batch.append({key: row.get(key) for key in columns if key in row or _nullable(table, key)})
        if len(batch) >= chunk:
            session.execute(statement, batch)
            total += len(batch)
            batch = []
    if batch:
        session.execute(statement, batch)
        total += len(batch)
    return total


def _nullable(table, key: str) -> bool:
    column = table.columns[key]
    return column.nullable and column.default is None and not column.primary_key


def next_id(session: Session, column) -> int:
    return (session.scalar(select(func.max(column))) or 0) + 1


def sync_sequence(session: Session, table: str, column: str = "id") -> None:
    """After inserting explicit ids on PostgreSQL, move the id sequence past them."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text(
            f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
            f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
        )
    )

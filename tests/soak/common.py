"""What the harnesses share: a fresh database on either engine, the acknowledgement log,
integrity checks, and the results table and JSON."""

from __future__ import annotations

import contextlib
import json
import os
import platform
import statistics
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from desk.atomic_files import write_text_atomically
from desk.db.engine import Database
from desk.db.migrate import upgrade_database

PG_URL_ENV = "RECOVERY_DESK_TEST_PG_URL"
SCALE_ENV = "RECOVERY_DESK_SOAK"  # "full" for the full scale under pytest


def full_scale() -> bool:
    return os.environ.get(SCALE_ENV, "").lower() == "full"


def machine() -> str:
    """The machine figures were measured on, for the README."""
    cores = os.cpu_count()
    try:
        one, five, fifteen = os.getloadavg()
        load = f", load {one:.2f} {five:.2f} {fifteen:.2f}"
    except OSError:
        load = ""
    return f"{platform.machine()}, {cores} cores, Python {platform.python_version()}{load}"


@contextlib.contextmanager
def fresh_database(
    engine: str, folder: Path, admin_url: str | None = None, template: str | None = None
) -> Iterator[str]:
    """The URL of a new, empty database: a SQLite file in `folder`, or a PostgreSQL database
    made through `admin_url` (copied from `template` if given; dropped afterwards)."""
    if engine == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        yield f"sqlite:///{folder / f'soak-{uuid.uuid4().hex[:8]}.sqlite3'}"
        return
    assert admin_url, f"PostgreSQL needs {PG_URL_ENV} or a private server"
    admin = make_url(admin_url).set(drivername="postgresql+psycopg")
    name = f"rd_soak_{uuid.uuid4().hex[:10]}"
    engine_ = create_engine(admin, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with engine_.connect() as connection:
        copied = f' TEMPLATE "{template}"' if template else ""
        connection.execute(text(f'CREATE DATABASE "{name}"{copied}'))
    try:
        yield admin.set(database=name).render_as_string(hide_password=False)
    finally:
        with engine_.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine_.dispose()


def migrated(url: str) -> Database:
    database = Database.open(url)
    upgrade_database(database)
    return database


class AckLog:
    """Writes acknowledged to the person at the desk, one JSON line each, fsynced before the
    writer goes on: after a crash, every line here must be found in the database."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def ack(self, **fields: Any) -> None:
        os.write(self._handle, (json.dumps(fields) + "\n").encode())
        os.fsync(self._handle)

    @staticmethod
    def read(path: Path) -> list[dict[str, Any]]:
        if not path.exists():
            return []
        lines = path.read_text().splitlines()
        acks = []
        for line in lines:
            with contextlib.suppress(json.JSONDecodeError):  # a line cut by the kill: unacked
                acks.append(json.loads(line))
        return acks


def integrity_check_name(database: Database) -> str:
    """Which integrity check `integrity_problems` makes on this database."""
    if database.is_sqlite:
        return "integrity_check"
    with database.engine.connect() as connection:
        try:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
            connection.commit()
            return "amcheck"
        except Exception:  # not allowed for this role: say so, never pretend
            connection.rollback()
            return "none (amcheck needs a superuser: use the private server)"


def integrity_problems(database: Database) -> list[str]:
    """SQLite: integrity_check and foreign_key_check. PostgreSQL: amcheck's bt_index_check
    (with heap checks) on every B-tree index, where the role may use amcheck."""
    with database.engine.connect() as connection:
        if database.is_sqlite:
            result = connection.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            keys = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
            return [r for r in result if r != "ok"] + [f"foreign key: {k}" for k in keys]
    if integrity_check_name(database) != "amcheck":
        return []
    with database.engine.connect() as connection:
        indexes = connection.exec_driver_sql(
            "SELECT c.oid::regclass::text FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = 'public'"
        ).scalars()
        problems = []
        for index in list(indexes):
            try:
                connection.exec_driver_sql(f"SELECT bt_index_check('{index}'::regclass, true)")
            except Exception as error:
                problems.append(f"{index}: {error}")
                connection.rollback()
        return problems


@dataclass
class Timing:
    samples: list[float]

    def summary(self) -> dict[str, float]:
        if not self.samples:
            return {"n": 0}
        ordered = sorted(self.samples)
        return {
            "n": len(ordered),
            "p50_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2),
        }


def print_table(title: str, rows: list[dict[str, Any]], columns: list[str]) -> None:
    print(f"\n{title} ({machine()})")
    widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)))
    for row in rows:
        print("  ".join(str(row.get(c, "")).ljust(w) for c, w in zip(columns, widths, strict=True)))


def write_json(path: Path | None, title: str, rows: list[dict[str, Any]]) -> None:
    if path is not None:
        document = {"title": title, "machine": machine(), "rows": rows}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomically(path, json.dumps(document, indent=2, default=str) + "\n")

"""Directory timings at scale: search per keystroke, open now, HSDS import and export.

    uv run python benchmarks/bench_directory.py --database sqlite:////tmp/bench.sqlite3
    uv run python benchmarks/bench_directory.py \
        --database postgresql+psycopg://desk:desk@localhost/bench_directory

The database is created or migrated, and filled with --services sample services (with their
schedules, phones, places, categories and languages) when it holds fewer. Imports go into a
new empty database beside it (a temporary SQLite file, or a PostgreSQL database made and
dropped with the same role), so the figure is for a first import, not an update.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import load, machine
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.demo.seed_directory import seed_directory
from desk.directory.search_index import Cost, DirectoryIndex, DirectoryQuery, When
from desk.hsds.export_json import export_json
from desk.hsds.export_tabular import export_tabular
from desk.hsds.importer import import_hsds
from desk.models import Schedule, Service
from desk.services.actor import command_line_actor

TYPED = ("detox", "sober housing", "food pantry worcester", "spanish meeting", "harm reduction")
FILTERS = (
    DirectoryQuery(),
    DirectoryQuery(when=When.OPEN_NOW),
    DirectoryQuery(when=When.OPEN_NOW, language="es"),
    DirectoryQuery(category="detox", walk_ins=True),
    DirectoryQuery(cost=Cost.FREE_OR_INSURANCE, town="Worcester"),
)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def ensure_services(database: Database, wanted: int) -> int:
    upgrade_database(database)
    with database.session() as session:
        have = session.scalar(select(func.count()).select_from(Service))
    if have >= wanted:
        return have
    started = time.perf_counter()
    with database.transaction() as session:
        seed_directory(
            session,
            services=wanted - have,
            today=date.today(),
            now=datetime.now(UTC),
            rng=random.Random(2026 + have),
        )
    print(f"seeded {wanted - have:,} services in {time.perf_counter() - started:.1f} s")
    return wanted


def bench_search(database: Database) -> None:
    index = DirectoryIndex()
    started = time.perf_counter()
    with database.session() as session:
        index.refresh(session)
        schedules = session.scalar(select(func.count()).select_from(Schedule))
    print(
        f"index: {len(index):,} services, {schedules:,} schedules, "
        f"loaded in {time.perf_counter() - started:.2f} s"
    )
    now = datetime(2026, 11, 27, 19, 30)
    per_key: list[float] = []
    with_check: list[float] = []
    for query in FILTERS:
        for phrase in TYPED:
            for end in range(1, len(phrase) + 1):
                typed = DirectoryQuery(**{**query.__dict__, "text": phrase[:end]})
                index.forget_answers()  # every keystroke cold: typed words and open now alike
                started = time.perf_counter()
                index.search(typed, now)
                per_key.append(time.perf_counter() - started)
                started = time.perf_counter()
                with database.session() as session:
                    index.refresh(session)  # the freshness check a refresh makes
                    index.search(typed, now)
                with_check.append(time.perf_counter() - started)
                index.forget_answers()
    print(
        f"search + filters per keystroke ({len(per_key)} keystrokes, cold caches): "
        f"p50 {ms(statistics.median(per_key))}, p95 {ms(percentile(per_key, 0.95))}, "
        f"max {ms(max(per_key))}"
    )
    print(
        f"  with the database freshness check: p50 {ms(statistics.median(with_check))}, "
        f"p95 {ms(percentile(with_check, 0.95))}"
    )
    open_now: list[float] = []
    moment = datetime(2026, 11, 23, 0, 7)
    for step in range(200):  # a new minute each time, so nothing is answered from the cache
        at = moment + timedelta(minutes=53 * step)
        started = time.perf_counter()
        found = index.open_now_ids(at)
        open_now.append(time.perf_counter() - started)
    print(
        f"open now over the whole directory (200 moments through the week; last found "
        f"{len(found):,} open): p50 {ms(statistics.median(open_now))}, "
        f"p95 {ms(percentile(open_now, 0.95))}, max {ms(max(open_now))}"
    )


def bench_export(database: Database, folder: Path) -> Path:
    with database.session() as session:
        started = time.perf_counter()
        export_tabular(session, folder / "package.zip")
        tabular = time.perf_counter() - started
        started = time.perf_counter()
        export_json(session, folder / "services.json")
        as_json = time.perf_counter() - started
    size = (folder / "package.zip").stat().st_size / 1e6
    print(f"export: tabular package {tabular:.2f} s ({size:.1f} MB zip), JSON {as_json:.2f} s")
    return folder / "package.zip"


def _empty_database(url: str, folder: Path) -> tuple[Database, callable]:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = Database.open(f"sqlite:///{folder / 'import.sqlite3'}")
        upgrade_database(database)
        return database, database.dispose
    name = f"bench_import_{uuid.uuid4().hex[:8]}"
    admin = create_engine(parsed, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    database = Database.open(parsed.set(database=name).render_as_string(hide_password=False))
    upgrade_database(database)

    def drop() -> None:
        database.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return database, drop


def bench_import(url: str, package: Path, folder: Path) -> None:
    target, cleanup = _empty_database(url, folder)
    try:
        with target.session() as session:
            actor = command_line_actor(session)
        started = time.perf_counter()
        with target.transaction() as session:
            report = import_hsds(session, actor, package)
        first = time.perf_counter() - started
        started = time.perf_counter()
        with target.transaction() as session:
            import_hsds(session, actor, package)
        again = time.perf_counter() - started
        print(
            f"import of {report.created.get('service', 0):,} services "
            f"({sum(report.created.values()):,} rows): {first:.2f} s into an empty database; "
            f"re-import (all updates) {again:.2f} s"
        )
    finally:
        cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="times the whole table is run")
    args = parser.parse_args()
    database = Database.open(args.database)
    try:
        count = ensure_services(database, args.services)
        for number in range(1, args.runs + 1):
            before = load()
            print(f"\nDirectory, run {number} of {args.runs}: {database.description}")
            print(f"{count:,} services")
            print(f"machine: {machine()}")
            bench_search(database)
            with tempfile.TemporaryDirectory() as folder:
                package = bench_export(database, Path(folder))
                bench_import(args.database, package, Path(folder))
            print(f"{before} before, {load()} after")
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Many stations at once on one database: nothing acknowledged lost, no one here twice.

    uv run python -m tests.soak.stations --engine sqlite --stations 8 --seconds 60
    uv run python -m tests.soak.stations --engine private-postgresql --stations 32 --seconds 60 \\
        --json results/stations-pg.json

Each station is a process of its own (tests/soak/station_worker.py) signing people in,
starting visits with a coach, checking visitors out and editing records, as fast as it can,
all starting at the same moment. Afterwards: every write a station was told was saved is in
the database (lost writes: 0), no person has two open visits on one day, and the refusals
are counted by kind: stale edits (another station saved first), sign-ins of someone already
here (refused, as they must be), busy (a lock not granted in time). Commit latency is each
transaction's time, start to commit, as the station saw it.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from desk.db.engine import Database
from desk.demo.seed import SeedPlan, seed_demo_data
from desk.models import Person, Visit, VisitStatus
from desk.services.actor import command_line_actor
from tests.soak.common import (
    PG_URL_ENV,
    Timing,
    fresh_database,
    migrated,
    print_table,
    write_json,
)
from tests.soak.private_postgres import private_postgres

REPO = Path(__file__).resolve().parents[2]


def prepare(url: str, people: int) -> None:
    database = migrated(url)
    with database.session() as session:
        actor = command_line_actor(session)
    plan = SeedPlan(people=people, years=0.02, services=10)
    seed_demo_data(database, actor, plan, now=datetime.now(UTC))
    with database.transaction() as session:  # everyone starts out of the building
        session.query(Visit).filter(Visit.status != VisitStatus.DONE).update(
            {Visit.status: VisitStatus.DONE}, synchronize_session=False
        )
    database.dispose()


def verify(url: str, results: list[dict]) -> dict:
    database = Database.open(url)
    acked = [a for r in results for a in r["acked"]]
    with database.session() as session:
        visits = dict(session.execute(select(Visit.id, Visit.idempotency_key)).all())
        lost = sum(1 for a in acked if a["kind"] == "visit" and visits.get(a["id"]) != a["key"])
        edits: dict[int, int] = {}
        for a in acked:
            if a["kind"] == "edit":
                edits[a["id"]] = max(edits.get(a["id"], 0), a["version"])
        versions = dict(session.execute(select(Person.id, Person.version)).all())
        lost += sum(1 for person, version in edits.items() if versions[person] < version)
        double = session.scalar(
            select(func.count()).select_from(
                select(Visit.person_id)
                .where(
                    Visit.person_id.is_not(None),
                    Visit.status.in_([VisitStatus.WAITING, VisitStatus.WITH_COACH]),
                )
                .group_by(Visit.person_id, Visit.local_day)
                .having(func.count() > 1)
                .subquery()
            )
        )
    database.dispose()
    refused: Counter[str] = Counter()
    for r in results:
        refused.update(r["refused"])
    return {"acknowledged": len(acked), "lost": lost, "double open visits": double, **refused}


def run(
    engine: str,
    url: str,
    stations: int,
    seconds: float,
    people: int = 300,
    start_delay: float | None = None,
) -> dict:
    """`start_delay`: seconds until all stations begin together (by default long enough for
    every process to have started on a busy 2-core machine; a late one simply starts late)."""
    prepare(url, people)
    start_at = time.time() + (5 + stations * 1.0 if start_delay is None else start_delay)
    with tempfile.TemporaryDirectory(prefix="rd-stations-") as folder:
        outs = [Path(folder) / f"station-{n}.json" for n in range(stations)]
        worker = [sys.executable, "-m", "tests.soak.station_worker", url, str(start_at)]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        children = [
            subprocess.Popen([*worker, str(seconds), str(n), str(out)], env=env, cwd=REPO)
            for n, out in enumerate(outs)
        ]
        for child in children:
            child.wait(timeout=seconds + 120)
        results = [json.loads(out.read_text()) for out in outs]
    row = {"engine": engine, "stations": stations, "seconds": seconds}
    row.update(verify(url, results))
    timing = Timing([t for r in results for t in r["latencies"]]).summary()
    row.update({f"commit {k}": v for k, v in timing.items() if k != "n"})
    row["writes/s"] = round(row["acknowledged"] / seconds, 1)
    row["errors"] = [e for r in results for e in r["errors"]][:10]
    return row


COLUMNS = [
    "engine",
    "stations",
    "seconds",
    "acknowledged",
    "writes/s",
    "lost",
    "double open visits",
    "stale",
    "already here",
    "busy",
    "bug",
    "commit p50_ms",
    "commit p95_ms",
    "commit max_ms",
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", choices=["sqlite", "postgresql", "private-postgresql"])
    parser.add_argument("--stations", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="rd-stations-db-")))
        if args.engine == "private-postgresql":
            admin = stack.enter_context(private_postgres()).url()
        else:
            admin = os.environ.get(PG_URL_ENV)
        engine = "sqlite" if args.engine == "sqlite" else "postgresql"
        url = stack.enter_context(fresh_database(engine, folder, admin))
        row = run(args.engine, url, args.stations, args.seconds)
    print_table("Many stations", [row], COLUMNS)
    for error in row["errors"]:
        print("  error:", error)
    write_json(args.json, "Many stations", [row])
    return 0 if row["lost"] == 0 and row["double open visits"] == 0 and not row.get("bug") else 1


if __name__ == "__main__":
    sys.exit(main())

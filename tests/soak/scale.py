"""Scale: what the desk does all day, timed on 1, 5 and 10 years of data, on both engines.

    uv run python -m tests.soak.scale --engines sqlite postgresql --years 1 5 10 \\
        --people 100000 --json results/scale.json

Each (engine, years) gets a fresh database filled by the demo generator (`seed-demo`:
--people people, visits over --years years, coaches with caseloads, referrals), then the
operations are timed as the app runs them, each in its own short session: the lookup index's
first load, a lookup per keystroke (names typed with typos, phone endings, birth years), a
sign-in committed and seen in today's queue, the queue refreshed, a person's record opened
with their visits, the follow-up list, the newest 200 activity-log events, and one coach's
caseload. p50, p95 and max per operation, then how each p95 grows from the fewest years to
the most. PostgreSQL comes from RECOVERY_DESK_TEST_PG_URL (a role that may create databases).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from benchmarks.bench_front_desk import typed_keystrokes
from desk.db.engine import Database
from desk.demo.seed import SeedPlan, seed_demo_data
from desk.lookup.person_index import PersonIndex
from desk.models import Person, StaffMember, StaffRole, Visit
from desk.services.actor import command_line_actor
from desk.services.audit import list_events
from desk.services.caseload import coach_caseload
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.lookup import lookup_people
from desk.services.people import open_person, person_visits
from desk.services.referral_log import LogScope, list_referrals
from desk.services.todays_queue import today_queue
from tests.soak.common import PG_URL_ENV, Timing, fresh_database, migrated, print_table, write_json
from tests.staff import admin_actor


def timed(runs: list[Callable[[], object]]) -> dict:
    samples = []
    for run in runs:
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return Timing(samples).summary()


def measure(database: Database, samples: int, rng: random.Random) -> dict[str, dict]:
    with database.session() as session:
        actor = admin_actor(session)
        people = session.execute(
            select(Person.id, Person.first_name, Person.last_name, Person.phone, Person.birth_year)
            .order_by(func.random())
            .limit(samples)
        ).all()
        coach = session.scalar(
            select(StaffMember.id).where(StaffMember.role == StaffRole.COACH).limit(1)
        )
    results: dict[str, dict] = {}
    index = PersonIndex()

    def first_load() -> None:
        with database.session() as session:
            index.refresh(session)

    results["lookup index, first load"] = timed([first_load])

    def lookup(typed: str):
        def run() -> None:
            with database.session() as session:
                lookup_people(session, actor, index, typed)

        return run

    keystrokes = typed_keystrokes([tuple(p)[1:] for p in people], rng)
    results["lookup per keystroke"] = timed([lookup(t) for t in keystrokes])

    def sign_in_and_see(person_id: int):
        def run() -> None:
            with database.transaction() as session:
                sign_in(session, actor, person_id=person_id, purposes=[PurposeChoice("drop_in")])
            with database.session() as session:
                today_queue(session, actor)

        return run

    with database.session() as session:
        here = {e.person_id for e in today_queue(session, actor).entries}
    free = [p.id for p in people if p.id not in here]
    results["sign-in committed, seen in the queue"] = timed([sign_in_and_see(p) for p in free])

    def queue() -> None:
        with database.session() as session:
            today_queue(session, actor)

    results["today's queue refresh"] = timed([queue] * samples)

    def record(person_id: int):
        def run() -> None:
            with database.transaction() as session:
                open_person(session, actor, person_id)
                person_visits(session, actor, person_id)

        return run

    results["a person's record and visits"] = timed([record(p.id) for p in people])

    def follow_up() -> None:
        with database.session() as session:
            list_referrals(session, actor, scope=LogScope.PENDING, audit=False)

    results["follow-up list (awaiting)"] = timed([follow_up] * max(5, samples // 5))

    def activity() -> None:
        with database.session() as session:
            list_events(session, actor, limit=200)

    results["activity log, newest 200"] = timed([activity] * max(5, samples // 5))

    def caseload() -> None:
        with database.session() as session:
            coach_caseload(session, actor, coach, record_view=False)

    if coach is not None:
        results["a coach's caseload"] = timed([caseload] * max(5, samples // 5))
    return results


def run(
    engines: list[str],
    years: list[float],
    people: int,
    samples: int,
    admin: str | None,
    template: str | None = None,
) -> tuple[list[dict], list[dict]]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="rd-scale-") as folder:
        for engine in engines:
            for span in years:
                with fresh_database(engine, Path(folder), admin, template) as url:
                    database = migrated(url)
                    with database.session() as session:
                        actor = command_line_actor(session)
                    started = time.perf_counter()
                    plan = SeedPlan(people=people, years=span, services=50)
                    seed_demo_data(database, actor, plan, now=datetime.now(UTC))
                    seeded = time.perf_counter() - started
                    with database.session() as session:
                        visits = session.scalar(select(func.count()).select_from(Visit))
                    timings = measure(database, samples, random.Random(7))
                    database.dispose()
                for what, summary in timings.items():
                    rows.append(
                        {"engine": engine, "years": span, "people": people, "visits": visits,
                         "seed s": round(seeded, 1), "what": what, **summary}
                    )  # fmt: skip
    growth = []
    for engine in engines:
        for what in dict.fromkeys(r["what"] for r in rows):
            mine = [r for r in rows if r["engine"] == engine and r["what"] == what]
            if len(mine) >= 2 and mine[0].get("p95_ms"):
                growth.append(
                    {
                        "engine": engine,
                        "what": what,
                        f"p95 at {mine[0]['years']:g} y": mine[0]["p95_ms"],
                        f"p95 at {mine[-1]['years']:g} y": mine[-1]["p95_ms"],
                        "growth": f"×{mine[-1]['p95_ms'] / mine[0]['p95_ms']:.1f}",
                    }
                )
    return rows, growth


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--years", nargs="+", type=float, default=[1, 5, 10])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    admin = os.environ.get(PG_URL_ENV)
    engines = [e for e in args.engines if e == "sqlite" or admin]
    if len(engines) < len(args.engines):
        print(f"PostgreSQL skipped: set {PG_URL_ENV}", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):
        rows, growth = run(engines, args.years, args.people, args.samples, admin)
        columns = ["engine", "years", "visits", "what", "n", "p50_ms", "p95_ms", "max_ms"]
        print_table("Scale", rows, columns)
        if growth:
            print_table("Growth of p95", growth, list(growth[0]))
        write_json(args.json, "Scale", [*rows, {"growth": growth}])
        return 0
    return 130


if __name__ == "__main__":
    sys.exit(main())

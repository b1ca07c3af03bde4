"""Card scan speed at scale: a scan at the desk until the holder is signed in and visible in
today's queue (target: 100 ms at five years' scale), and a refused scan.

Fill a database first (a few minutes), then measure:

    uv run recovery-desk --database sqlite:////tmp/bench.sqlite3 seed-demo --people 100000 --years 5
    uv run python benchmarks/bench_cards.py --database sqlite:////tmp/bench.sqlite3

The same with a postgresql+psycopg:// URL measures PostgreSQL. The benchmark prints cards for
people who are not in the queue (committed: they stay in the database, replaced at the next
run), then times each scan as the desk runs it: one transaction for the sign-in, one short
session for the queue. Its visitors are checked out afterwards.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_front_desk import check_out_benchmark_visits
from benchmarks.timing import Figure, measure, run_tables
from desk.cards.tokens import new_token
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.models import Person, Visit
from desk.services.actor import command_line_actor
from desk.services.cards import issue_card, prepare_card, sign_in_by_card
from desk.services.todays_queue import today_queue


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="times the whole table is run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    database = Database.open(args.database)
    upgrade_database(database)
    engine = database.url.get_backend_name()
    with database.session() as session:
        actor = command_line_actor(session)
        people_count = session.scalar(select(func.count()).select_from(Person))
        visit_count = session.scalar(select(func.count()).select_from(Visit))
        busy_now = session.scalar(select(func.max(Visit.arrived_at))) + timedelta(minutes=1)
        every_id = session.scalars(
            select(Person.id).where(Person.merged_into_id.is_(None), Person.removed_at.is_(None))
        ).all()
    print(f"{engine}: {people_count:,} people, {visit_count:,} visits")

    def one_run() -> list[Figure]:
        rng = random.Random(11)
        with database.session() as session:
            here = {
                e.person_id
                for e in today_queue(session, actor, now=busy_now, recent_done=0).entries
            }
        chosen = [p for p in rng.sample(every_id, args.scans * 2) if p not in here][: args.scans]
        tokens = []
        with database.transaction() as session:
            for person_id in chosen:
                prepared = prepare_card(session, actor, person_id, shows_first_name=False)
                issue_card(session, actor, prepared, printed=False, destination="benchmark")
                tokens.append(prepared.token)
        signed_in: list[int] = []

        def scan(token: str):
            def run() -> None:
                with database.transaction() as session:
                    done = sign_in_by_card(session, actor, token, now=busy_now)
                assert done.visit_id is not None, done.refusal
                with database.session() as session:
                    queue = today_queue(session, actor, now=busy_now)
                assert any(entry.visit_id == done.visit_id for entry in queue.entries)
                signed_in.append(done.visit_id)

            return run

        figures = [
            measure("card scan signed in and visible in the queue", [scan(t) for t in tokens], 100)
        ]
        check_out_benchmark_visits(database, actor, signed_in)

        def unknown() -> None:
            with database.transaction() as session:
                assert sign_in_by_card(session, actor, new_token(), now=busy_now).refusal

        figures.append(measure("unknown card refused", [unknown] * 200, target_ms=50))
        return figures

    run_tables("Card scans", engine, one_run, args.runs, args.json)
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Front-desk speed at scale: lookup per keystroke, sign-in to queue, queue refresh.

Fill a database first (a few minutes), then measure:

    uv run recovery-desk --database sqlite:////tmp/bench.sqlite3 seed-demo --people 100000 --years 5
    uv run python benchmarks/bench_front_desk.py --database sqlite:////tmp/bench.sqlite3

The same with a postgresql+psycopg:// URL measures PostgreSQL. Each lookup is timed as the app
runs it: a short session, the index brought up to date from the database, then the search,
typo tolerance included. Sign-ins are committed (they add visits to the database).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Figure, measure, report
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.lookup.person_index import PersonIndex
from desk.models import Person, Visit
from desk.services.actor import command_line_actor
from desk.services.checkin import PurposeChoice, check_out, sign_in, today_queue
from desk.services.lookup import lookup_people
from desk.text_folding import digits_only


def typed_keystrokes(people: list[tuple], rng: random.Random) -> list[str]:
    """What staff type for each chosen person: each prefix of "first last", with a typo in
    one of every three names; phone endings and birth years too."""
    texts = []
    for first, last, phone, birth_year in people:
        name = f"{first} {last or ''}".strip().lower()
        if rng.random() < 1 / 3 and len(name) > 4:
            cut = rng.randrange(1, len(name) - 1)
            name = name[:cut] + name[cut + 1 :]  # a dropped letter
        texts.extend(name[:end] for end in range(1, len(name) + 1) if not name[:end].endswith(" "))
        if phone:
            digits = digits_only(phone)[-4:]
            texts.extend(digits[:end] for end in range(4, 5))
        if birth_year:
            texts.append(f"{first.lower()} {birth_year}")
    return texts


def check_out_benchmark_visits(database: Database, actor, visit_ids: list[int]) -> None:
    """Let the benchmark's visitors leave, so a second run starts from the same queue."""
    with database.transaction() as session:
        for visit in session.scalars(select(Visit).where(Visit.id.in_(visit_ids))):
            check_out(session, actor, visit.id, visit.version, now=visit.arrived_at)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--people", type=int, default=150, help="people whose names are typed")
    parser.add_argument("--signins", type=int, default=200)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    database = Database.open(args.database)
    upgrade_database(database)  # a database seeded by an older version is brought up to date
    engine = database.url.get_backend_name()
    rng = random.Random(7)
    with database.session() as session:
        actor = command_line_actor(session)
        people_count = session.scalar(select(func.count()).select_from(Person))
        visit_count = session.scalar(select(func.count()).select_from(Visit))
        # "Today" is the generated data's last, busiest day, whatever the clock says now.
        busy_now = session.scalar(select(func.max(Visit.arrived_at))) + timedelta(minutes=1)
        sample = session.execute(
            select(Person.first_name, Person.last_name, Person.phone, Person.birth_year)
            .order_by(func.random())
            .limit(args.people)
        ).all()
    print(f"{engine}: {people_count:,} people, {visit_count:,} visits")

    index = PersonIndex()
    started = time.perf_counter()
    with database.session() as session:
        index.refresh(session)
    warm_ms = (time.perf_counter() - started) * 1000
    figures = [
        Figure(
            "index first load (once per app start)",
            1,
            round(warm_ms, 1),
            round(warm_ms, 1),
            round(warm_ms, 1),
        )
    ]

    def lookup(text: str):
        def run() -> None:
            with database.session() as session:
                lookup_people(session, actor, index, text)

        return run

    keystrokes = typed_keystrokes(sample, rng)
    figures.append(
        measure("lookup per keystroke (incl. typos)", [lookup(t) for t in keystrokes], target_ms=16)
    )

    with database.session() as session:
        here = {
            e.person_id for e in today_queue(session, actor, now=busy_now, recent_done=0).entries
        }
        candidates = session.scalars(
            select(Person.id)
            .where(Person.merged_into_id.is_(None))
            .order_by(func.random())
            .limit(args.signins * 2)
        ).all()
    person_ids = [pid for pid in candidates if pid not in here][: args.signins]

    def sign_in_and_see(person_id: int | None):
        def run() -> None:
            with database.transaction() as session:
                visit_id = sign_in(
                    session,
                    actor,
                    person_id=person_id,
                    now=busy_now,
                    purposes=[PurposeChoice("drop_in")],
                )
            with database.session() as session:
                queue = today_queue(session, actor, now=busy_now)
            assert any(entry.visit_id == visit_id for entry in queue.entries)
            signed_in.append(visit_id)

        return run

    signed_in: list[int] = []

    runs = []
    for n, person_id in enumerate(person_ids):
        runs.append(sign_in_and_see(None if n % 10 == 0 else person_id))
    figures.append(measure("sign-in committed and visible in the queue", runs, target_ms=50))
    check_out_benchmark_visits(database, actor, signed_in)

    def refresh() -> None:
        with database.session() as session:
            today_queue(session, actor, now=busy_now)

    figures.append(measure("today's queue refresh", [refresh] * 200, target_ms=16))
    with database.session() as session:
        here = today_queue(session, actor, now=busy_now)
    print(f"the busy day {here.day}: {here.counts.visits:,} visits, {here.counts.here_now} here")
    report("Front desk", engine, figures, args.json)
    database.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

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

from sqlalchemy import bindparam, delete, func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Figure, measure, run_tables
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.lookup.person_index import PersonIndex
from desk.models import Person, ReportDay, Visit
from desk.services.actor import command_line_actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.first_visits import counted_first_day
from desk.services.lookup import lookup_people
from desk.services.todays_queue import today_queue
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


def remove_benchmark_visits(database: Database, visit_ids: list[int]) -> None:
    """Take the benchmark's sign-ins out again, so that a rerun measures the same day, with the
    same queue, as the first run: the visits are deleted (their purposes with them), each
    person's first visit day is counted again from the visits left, and the busy day's kept
    report counts are dropped (they are counted again when asked for). The rows the sign-ins
    touched are dated ten minutes back: a rerun within five minutes would otherwise re-read
    them at every keystroke (the lookup re-reads what changed within its five-minute margin),
    which measures 400 sign-ins in a minute, not a desk."""
    back = timedelta(minutes=10)
    with database.transaction() as session:
        days = set(session.scalars(select(Visit.local_day).where(Visit.id.in_(visit_ids))))
        person_ids = set(
            session.scalars(
                select(Visit.person_id).where(Visit.id.in_(visit_ids), Visit.person_id.is_not(None))
            )
        )
        session.execute(delete(Visit).where(Visit.id.in_(visit_ids)))
        session.execute(delete(ReportDay).where(ReportDay.local_day.in_(days)))
        people = Person.__table__
        moved = [
            {"row": row.id, "when": row.updated_at - back}
            for row in session.execute(
                select(people.c.id, people.c.updated_at).where(people.c.id.in_(person_ids))
            )
        ]
        if moved:
            session.execute(
                people.update()
                .where(people.c.id == bindparam("row"))
                .values(
                    updated_at=bindparam("when"),
                    first_visit_day=counted_first_day(people.c.id).scalar_subquery(),
                ),
                moved,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--people", type=int, default=150, help="people whose names are typed")
    parser.add_argument("--signins", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3, help="times the whole table is run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    database = Database.open(args.database)
    upgrade_database(database)  # a database seeded by an older version is brought up to date
    engine = database.url.get_backend_name()
    with database.session() as session:
        actor = command_line_actor(session)
        people_count = session.scalar(select(func.count()).select_from(Person))
        visit_count = session.scalar(select(func.count()).select_from(Visit))
        # "Today" is the generated data's last, busiest day, whatever the clock says now.
        busy_now = session.scalar(select(func.max(Visit.arrived_at))) + timedelta(minutes=1)
        every_id = session.scalars(
            select(Person.id).where(Person.merged_into_id.is_(None)).order_by(Person.id)
        ).all()
    print(f"{engine}: {people_count:,} people, {visit_count:,} visits")

    def one_run() -> list[Figure]:
        # The same people and keystrokes in every run (a seeded choice, not the database's
        # random order), so that runs can be compared.
        rng = random.Random(7)
        chosen = rng.sample(every_id, args.people)
        with database.session() as session:
            sample = session.execute(
                select(Person.first_name, Person.last_name, Person.phone, Person.birth_year)
                .where(Person.id.in_(chosen))
                .order_by(Person.id)
            ).all()
            here = {
                e.person_id
                for e in today_queue(session, actor, now=busy_now, recent_done=0).entries
            }
        index = PersonIndex()
        started = time.perf_counter()
        with database.session() as session:
            index.refresh(session)
        load_ms = round((time.perf_counter() - started) * 1000, 1)
        figures = [Figure("index first load (once per app start)", 1, load_ms, load_ms, load_ms)]

        def lookup(text: str):
            def run() -> None:
                with database.session() as session:
                    lookup_people(session, actor, index, text)

            return run

        keystrokes = typed_keystrokes(sample, rng)
        figures.append(
            measure(
                "lookup per keystroke (incl. typos)", [lookup(t) for t in keystrokes], target_ms=16
            )
        )
        candidates = [pid for pid in rng.sample(every_id, args.signins * 2) if pid not in here]
        person_ids = candidates[: args.signins]
        signed_in: list[int] = []

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

        runs = [
            sign_in_and_see(None if n % 10 == 0 else person_id)
            for n, person_id in enumerate(person_ids)
        ]
        figures.append(measure("sign-in committed and visible in the queue", runs, target_ms=50))
        remove_benchmark_visits(database, signed_in)

        def refresh() -> None:
            with database.session() as session:
                today_queue(session, actor, now=busy_now)

        figures.append(measure("today's queue refresh", [refresh] * 200, target_ms=16))
        with database.session() as session:
            day = today_queue(session, actor, now=busy_now)
        print(f"the busy day {day.day}: {day.counts.visits:,} visits, {day.counts.here_now} here")
        return figures

    run_tables("Front desk", engine, one_run, args.runs, args.json)
    database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())

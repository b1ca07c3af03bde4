"""Coaching speed at scale: ranking the coaches for one peer, 30 coaches and 100,000 people.

Fill a database first (a few minutes), then measure:

    uv run recovery-desk --database sqlite:////tmp/bench.sqlite3 seed-demo --people 100000 --years 5
    uv run python benchmarks/bench_coaching.py --database sqlite:////tmp/bench.sqlite3

The same with a postgresql+psycopg:// URL measures PostgreSQL. The demo has 6 coaches; this
script brings the roster to --coaches (30) the first time it runs, each with languages,
specialties, weekly hours and a caseload filled to between half and all of its limit (one
over it), so the ranking meets full coaches, room, wishes and a long assignment history.

Each ranking is timed as the assign dialog runs it: a short session that loads the peer, the
coaches with what they bring, every active caseload and the peer's past coaches, then ranks.
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import time, timedelta
from pathlib import Path

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Figure, measure, run_tables
from desk.coaching.ranking import PeerWishes, rank_coaches
from desk.db.engine import Database
from desk.db.migrate import upgrade_database
from desk.demo.bulk import insert_rows, next_id, sync_sequence
from desk.models import (
    Assignment,
    CoachAvailability,
    Person,
    SpecialtyTag,
    StaffLanguage,
    StaffMember,
    StaffRole,
    StaffSpecialty,
)
from desk.models.base import utc_now
from desk.services.actor import command_line_actor
from desk.services.caseload import caseload_chart, coach_caseload
from desk.services.coach_matching import CoachWishes, load_matching_facts, suggest_coaches
from desk.services.coach_roster import list_roster
from desk.services.waitlist import open_waitlist

LANGUAGES = ("es", "pt", "vi", "pl", "sq", "ar", "fr", "ht", "tw")
BENCH_LOGIN = "bench-coach-"


def add_coaches(database: Database, wanted: int, rng: random.Random) -> int:
    """Bring the roster to `wanted` active coaches, with filled caseloads; returns how many
    were added (none when an earlier run already did)."""
    with database.transaction() as session:
        have = session.scalar(
            select(func.count()).select_from(StaffMember).where(StaffMember.is_coach)
        )
        missing = max(0, wanted - have)
        if not missing:
            return 0
        tags = list(session.scalars(select(SpecialtyTag.code)))
        actor_id = command_line_actor(session).staff_id
        now = utc_now()
        free = list(
            session.scalars(
                select(Person.id)
                .where(
                    ~select(Assignment.id)
                    .where(Assignment.person_id == Person.id, Assignment.ended_at.is_(None))
                    .exists()
                )
                .order_by(Person.id)
            )
        )
        rng.shuffle(free)
        rows = []
        first_assignment = next_id(session, Assignment.id)
        for n in range(missing):
            limit = rng.choice((8, 10, 12, 15, 20))
            coach = StaffMember(
                display_name=f"Bench Coach {n + 1:02d}",
                login=f"{BENCH_LOGIN}{n + 1:02d}",
                role=StaffRole.COACH,
                is_coach=True,
                gender=rng.choice(("woman", "man", "nonbinary")),
                recovery_pathway=rng.choice(("12-step", "SMART Recovery", "Faith-based", None)),
                caseload_limit=limit,
                created_at=now,
                updated_at=now,
            )
            coach.languages = [
                StaffLanguage(language=code)
                for code in {"en", *rng.sample(LANGUAGES, rng.randint(0, 2))}
            ]
            coach.specialties = [
                StaffSpecialty(tag_code=code) for code in rng.sample(tags, rng.randint(1, 3))
            ]
            start = rng.choice((8, 9, 10, 12))
            coach.availability = [
                CoachAvailability(weekday=day, starts_at=time(start), ends_at=time(start + 6))
                for day in sorted(rng.sample(range(6), rng.randint(3, 5)))
            ]
            session.add(coach)
            session.flush()
            filled = limit + 1 if n == 0 else rng.randint(limit // 2, limit)
            for _ in range(filled):
                rows.append(
                    {
                        "id": first_assignment + len(rows),
                        "person_id": free.pop(),
                        "coach_id": coach.id,
                        "started_at": now - timedelta(days=rng.randint(1, 200)),
                        "assigned_by_id": actor_id,
                        "over_limit": False,
                    }
                )
        insert_rows(session, Assignment, rows)
        sync_sequence(session, "assignment")
        return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--coaches", type=int, default=30)
    parser.add_argument("--peers", type=int, default=300, help="peers to rank coaches for")
    parser.add_argument("--runs", type=int, default=3, help="times the whole table is run")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    database = Database.open(args.database)
    upgrade_database(database)  # a database seeded by an older version is brought up to date
    engine = database.url.get_backend_name()
    rng = random.Random(11)
    added = add_coaches(database, args.coaches, rng)
    with database.session() as session:
        actor = command_line_actor(session)
        people = session.scalar(select(func.count()).select_from(Person))
        coaches = session.scalar(
            select(func.count()).select_from(StaffMember).where(StaffMember.is_coach)
        )
        assignments = session.scalar(select(func.count()).select_from(Assignment))
        active = session.scalar(
            select(func.count()).select_from(Assignment).where(Assignment.ended_at.is_(None))
        )
        # Peers with history count most: half of them have had a coach before.
        # A seeded choice (not the database's random order): the same peers in every run.
        history_ids = session.scalars(
            select(Assignment.person_id).distinct().order_by(Assignment.person_id)
        ).all()
        with_history = rng.sample(history_ids, min(len(history_ids), args.peers // 2))
        every_id = session.scalars(select(Person.id).order_by(Person.id)).all()
        others = rng.sample(every_id, args.peers - len(with_history))
        coach_ids = session.scalars(select(StaffMember.id).where(StaffMember.is_coach)).all()
    peers = list(with_history) + list(others)
    rng.shuffle(peers)
    print(
        f"{engine}: {people:,} people, {coaches} coaches (+{added} added now), "
        f"{assignments:,} assignments ({active:,} active)"
    )

    def one_run() -> list[Figure]:
        return _figures(database, actor, peers, coaches, coach_ids, args.peers)

    run_tables("Coaching", engine, one_run, args.runs, args.json)
    database.dispose()
    return 0


def _figures(database, actor, peers, coaches, coach_ids, peer_count) -> list[Figure]:
    figures: list[Figure] = []

    def rank_for(person_id: int, wishes: CoachWishes | None = None):
        def run() -> None:
            with database.transaction() as session:
                ranked = suggest_coaches(session, actor, person_id, wishes=wishes)
            assert len(ranked) == coaches

        return run

    figures.append(
        measure(
            "rank coaches for one peer (load + rank)", [rank_for(p) for p in peers], target_ms=16
        )
    )
    wishes = CoachWishes(gender="woman", language="es", specialties=("reentry", "veterans"))
    figures.append(
        measure(
            "the same, with wishes stated",
            [rank_for(p, wishes) for p in peers[: peer_count // 2]],
            target_ms=16,
        )
    )
    with database.session() as session:
        facts = load_matching_facts(session, actor, peers[0])
    wished = PeerWishes(preferred_language="es", gender="man")
    figures.append(
        measure(
            "re-rank in memory (a wish changed)",
            [lambda: rank_coaches(facts.coaches, wished)] * 1000,
        )
    )

    def page_refresh() -> None:
        with database.session() as session:
            list_roster(session, actor)
            caseload_chart(session, actor)
            open_waitlist(session, actor)

    figures.append(measure("Coaches page: roster + chart + waitlist", [page_refresh] * 100))

    def caseload(coach_id: int):
        def run() -> None:
            with database.session() as session:
                coach_caseload(session, actor, coach_id)

        return run

    figures.append(
        measure("one coach's caseload (overdue first)", [caseload(c) for c in coach_ids] * 5)
    )
    return figures


if __name__ == "__main__":
    raise SystemExit(main())

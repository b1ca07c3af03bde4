"""`recovery-desk seed-demo`: sample data, from a demo center up to benchmark scale."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import func, select

from desk.cli.common import open_and_upgrade
from desk.demo.catalog import CATALOG
from desk.demo.people_data import COACHES
from desk.demo.seed import SeedPlan, seed_demo_data
from desk.errors import DeskError, ValidationError
from desk.models import Person, StaffMember, Visit
from desk.services.actor import command_line_actor


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return value


def _years(text: str) -> float:
    value = float(text)
    if not 0 < value <= 20:
        raise argparse.ArgumentTypeError("must be more than 0 and at most 20")
    return value


def register(commands: argparse._SubParsersAction) -> None:
    seed = commands.add_parser(
        "seed-demo", help="fill the configured database with sample data (demo or scale)"
    )
    seed.add_argument(
        "--people",
        type=_positive_int,
        default=300,
        metavar="N",
        help="people to create (default 300)",
    )
    seed.add_argument(
        "--years",
        type=_years,
        default=0.25,
        metavar="Y",
        help="years of visits, ending today (default 0.25, about 3 months)",
    )
    seed.add_argument(
        "--services",
        type=_positive_int,
        default=len(CATALOG),
        metavar="S",
        help=f"directory services (default {len(CATALOG)}, the sample catalog; "
        "more repeats it with variations)",
    )
    seed.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
    seed.set_defaults(handler=seed_command)


def seed_command(args: argparse.Namespace) -> int:
    database, _ = open_and_upgrade(args)
    try:
        with database.session() as session:
            actor = command_line_actor(session)
            logins = [coach.login for coach in COACHES]
            taken = session.scalars(select(StaffMember.login).where(StaffMember.login.in_(logins)))
            if list(taken):
                raise DeskError(
                    f"{database.description} already holds demo data; nothing was added.",
                    hint="Seed an empty database (a new file or a new PostgreSQL database).",
                )
            people = session.scalar(select(func.count()).select_from(Person))
            visits = session.scalar(select(func.count()).select_from(Visit))
            if people or visits:
                raise DeskError(
                    f"{database.description} already holds {people:,} "
                    f"{'person' if people == 1 else 'people'} and {visits:,} "
                    "visits; sample data goes only into an empty database. Nothing was added.",
                    hint="Give --database a new SQLite file or an empty PostgreSQL database.",
                )
        plan = SeedPlan(
            people=args.people, years=args.years, services=args.services, rng_seed=args.seed
        )
        if plan.people < 1:
            raise ValidationError("--people must be at least 1.")
        summary = seed_demo_data(
            database, actor, plan, progress=lambda message: print(f"  {message}", file=sys.stderr)
        )
        print(
            f"{database.description}: added {summary.services:,} services, "
            f"{summary.coaches} coaches, {summary.people:,} people and {summary.visits:,} visits "
            f"in {summary.seconds:.1f} s"
        )
        return 0
    finally:
        database.dispose()

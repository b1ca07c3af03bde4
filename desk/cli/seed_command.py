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
        services = len(CATALOG) if args.services is None else args.services
        plan = SeedPlan(people=args.people, years=args.years, services=services, rng_seed=args.seed)
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

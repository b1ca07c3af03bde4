"""The demo database and the scale generator: directory, coaches, people and visits,
coaching, and referrals to follow up."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import text

from desk.audit.actions import AuditAction
from desk.audit.record import record_event
from desk.db.engine import Database, allow_long_statements
from desk.demo.bulk import next_id
from desk.demo.catalog import CATALOG
from desk.demo.people_data import NOTABLE_PEOPLE
from desk.demo.seed_cards import seed_cards
from desk.demo.seed_coaching import seed_coaching, sign_in_for_coaching
from desk.demo.seed_directory import seed_directory
from desk.demo.seed_groups import seed_attendance, seed_groups
from desk.demo.seed_people import seed_coaches, seed_people_and_visits
from desk.demo.seed_referrals import seed_referrals
from desk.models import Person
from desk.models.base import utc_now
from desk.reports.day_cache import forget_days
from desk.services.actor import Actor
from desk.services.settings import load_settings


@dataclass(frozen=True)
class SeedPlan:
    people: int = 300
    years: float = 0.25
    services: int = len(CATALOG)
    rng_seed: int = 2026


@dataclass(frozen=True)
class SeedSummary:
    services: int
    coaches: int
    people: int
    visits: int
    seconds: float
    assignments: int = 0  # active ones
    waitlisted: int = 0


def seed_demo_data(
    database: Database,
    actor: Actor,
    plan: SeedPlan,
    *,
    now: datetime | None = None,
    progress: Callable[[str], None] = lambda _message: None,
) -> SeedSummary:
    """Add sample data to `database` in one transaction (all of it, or none on failure)."""
    started = utc_now()
    now = now or started
    rng = random.Random(plan.rng_seed)
    with database.transaction() as session:
        allow_long_statements(session)  # a million visits go in as a few large statements
        zone = load_settings(session).timezone
        today = now.astimezone(zone).date()
        first_day = today - timedelta(days=max(0, round(plan.years * 365.25) - 1))
        days = [first_day + timedelta(days=n) for n in range((today - first_day).days + 1)]
        progress(f"directory: {plan.services:,} services")
        services = seed_directory(session, services=plan.services, today=today, now=now, rng=rng)
        coach_ids = seed_coaches(session, now)
        progress(f"coaches: {len(coach_ids)}")
        groups = seed_groups(
            session, coach_ids=coach_ids, first_day=first_day, today=today, now=now
        )
        progress(f"groups: {len(groups)}")
        progress(f"people: {plan.people:,}; visits over {len(days):,} days")
        first_person = next_id(session, Person.id)
        people, visits = seed_people_and_visits(
            session,
            people=plan.people,
            days=days,
            today=today,
            now=now,
            zone=zone,
            actor_id=actor.staff_id,
            coach_ids=coach_ids,
            rng=rng,
        )
        progress("coaching: caseloads, contacts, goals, BARC-10, waitlist")
        coaching = seed_coaching(
            session,
            coach_ids=coach_ids,
            first_person=first_person,
            people=people,
            today=today,
            now=now,
            zone=zone,
            actor_id=actor.staff_id,
            rng=rng,
        )
        progress(
            f"  {coaching.active} active and {coaching.ended:,} past assignments, "
            f"{coaching.contacts:,} contacts, {coaching.waitlisted} waiting"
        )
        referrals = seed_referrals(
            session,
            person_ids=list(range(first_person, first_person + people)),
            today=today,
            zone=zone,
            staff_ids=coach_ids,  # the coaches give most sheets
            rng=rng,
        )
        progress(f"referrals: {referrals} over the last six weeks, some due for follow-up")
        attended = seed_attendance(
            session,
            group_ids=groups,
            first_day=first_day,
            today=today,
            zone=zone,
            actor_id=actor.staff_id,
            rng=rng,
        )
        progress(f"group attendance: {attended:,}")
        cards = seed_cards(session, now=now, actor_id=actor.staff_id, rng=rng)
        progress(f"sign-in cards: {cards} regulars")
        if people >= 3:  # María Pérez waits in today's queue, to be paired with a coach
            maria = first_person + [p[0] for p in NOTABLE_PEOPLE].index("María")
            sign_in_for_coaching(session, maria, day=today, now=now, actor_id=actor.staff_id)
        forget_days(session)  # the sample visits carry times of their own: count them afresh
        session.execute(text("ANALYZE"))  # fresh statistics, so plans fit the new volume
        record_event(
            session,
            actor,
            AuditAction.DEMO_SEEDED,
            "database",
            None,
            services=services,
            coaches=len(coach_ids),
            people=people,
            visits=visits,
            assignments=coaching.active,
        )
    seconds = (utc_now() - started).total_seconds()
    return SeedSummary(
        services, len(coach_ids), people, visits, seconds, coaching.active, coaching.waitlisted
    )

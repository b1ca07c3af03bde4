"""A known dataset for the report tests: a few weeks of visits around the day daylight saving
time ends (Sunday 1 November 2026 in Worcester: 25 hours) and the day it starts (Sunday 8
March 2026: 23 hours), with anonymous visits, a merged pair, a removed person, undone
sign-ins, waits, supplies, referrals with outcomes, coaching and BARC-10.

Visits are written as sign-in writes them: `local_day` is the center's date of arrival, and
the person's first visit day is kept as sign-in keeps it.
Random but seeded, so every run (and both engines) sees the same rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update
from sqlalchemy.orm import Session

from desk.db.engine import Database
from desk.models import (
    Assignment,
    Barc10Assessment,
    CoachingContact,
    ContactMode,
    Person,
    Referral,
    ReferralItem,
    ReferralOutcome,
    StaffMember,
    StaffRole,
    Visit,
    VisitPurpose,
    VisitStatus,
)
from desk.services.actor import Actor
from desk.services.checkin import undo_sign_in
from desk.services.first_visits import with_visit_on
from desk.services.person_data import remove_person
from tests.desk.referrals.builders import add_service
from tests.record_changes import merge_records

ZONE = ZoneInfo("America/New_York")
PURPOSES = ("drop_in", "coaching", "support_meeting", "resource_help", "harm_reduction", "other")
LANGUAGES = ("en", "es", "pt", None)
FALL_BACK = date(2026, 11, 1)
SPRING_FORWARD = date(2026, 3, 8)
DAYS = [date(2026, 10, 18) + timedelta(days=n) for n in range(28)] + [
    date(2026, 3, 7),
    SPRING_FORWARD,
    date(2026, 3, 9),
]
# Late-night arrivals that fall on the other side of a UTC date, and the hour that happens
# twice on the day daylight saving time ends.
EDGE_ARRIVALS = (
    datetime(2026, 11, 1, 0, 30, tzinfo=ZONE),
    datetime(2026, 11, 1, 1, 30, tzinfo=ZONE),  # the first 1:30 (daylight time)
    datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ZONE),  # the second 1:30 (standard time)
    datetime(2026, 11, 1, 23, 30, tzinfo=ZONE),  # 04:30 UTC on 2 November
    datetime(2026, 10, 31, 23, 45, tzinfo=ZONE),
    datetime(2026, 3, 8, 1, 30, tzinfo=ZONE),
    datetime(2026, 3, 8, 3, 30, tzinfo=ZONE),  # 2:00-3:00 did not happen that night
    datetime(2026, 3, 8, 23, 50, tzinfo=ZONE),
)


@dataclass
class Known:
    """What the tests need to find again."""

    people: list[int] = field(default_factory=list)
    merged_keep: int = 0
    merged_away: int = 0
    removed: int = 0
    undone: list[int] = field(default_factory=list)
    coaches: list[int] = field(default_factory=list)


def _visit(session: Session, actor: Actor, person_id, arrived: datetime, rng, **extra) -> Visit:
    arrived_utc = arrived.astimezone(UTC)
    codes = sorted(set(rng.sample(PURPOSES, rng.choice((1, 1, 2)))))
    waited = rng.choice((None, None, 0.4, 3.5, 7, 12.9, 25, 61))
    visit = Visit(
        person_id=person_id,
        anonymous_initials=extra.pop("initials", None),
        arrived_at=arrived_utc,
        local_day=arrived.astimezone(ZONE).date(),
        status=extra.pop("status", VisitStatus.DONE),
        signed_in_by_id=actor.staff_id,
        started_at=None if waited is None else arrived_utc + timedelta(minutes=waited),
        version=1,
        purposes=[
            VisitPurpose(
                purpose_code=code,
                quantity=rng.randint(0, 4) if code == "harm_reduction" else None,
            )
            for code in codes
        ],
    )
    session.add(visit)
    if person_id is not None:
        session.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(first_visit_day=with_visit_on(visit.local_day))
            .execution_options(synchronize_session=False)
        )
    return visit


def build(database: Database, actor: Actor) -> Known:
    rng = random.Random(13)
    known = Known()
    with database.transaction() as session:
        for n in range(30):
            person = Person(
                first_name=f"Peer{n}",
                last_name=f"Last{n}",
                preferred_language=LANGUAGES[n % len(LANGUAGES)],
                created_at=datetime(2026, 1, 1, tzinfo=UTC),
                version=1,
            )
            session.add(person)
            session.flush()
            known.people.append(person.id)
        # Some people came long before the period (returning), some only in it (new).
        for person_id in known.people[:10]:
            _visit(session, actor, person_id, datetime(2025, 6, 2, 10, 0, tzinfo=ZONE), rng)
        for day in DAYS:
            if day.weekday() == 6 and day not in (FALL_BACK, SPRING_FORWARD):
                continue
            here = rng.sample(known.people, rng.randint(3, 9))
            for person_id in here:
                arrived = datetime.combine(day, datetime.min.time(), ZONE) + timedelta(
                    hours=9, minutes=rng.randrange(8 * 60)
                )
                _visit(session, actor, person_id, arrived, rng)
            for _ in range(rng.randint(0, 2)):
                arrived = datetime.combine(day, datetime.min.time(), ZONE) + timedelta(
                    hours=10, minutes=rng.randrange(6 * 60)
                )
                _visit(session, actor, None, arrived, rng, initials=rng.choice((None, "J.D.")))
        for n, arrived in enumerate(EDGE_ARRIVALS):
            _visit(session, actor, known.people[20 + n % 5] if n % 3 else None, arrived, rng)
        # Visits still open (waiting, with a coach) count too.
        _visit(
            session,
            actor,
            known.people[11],
            datetime(2026, 11, 3, 11, 0, tzinfo=ZONE),
            rng,
            status=VisitStatus.WAITING,
        )
        _visit(
            session,
            actor,
            known.people[12],
            datetime(2026, 11, 3, 11, 5, tzinfo=ZONE),
            rng,
            status=VisitStatus.WITH_COACH,
        )
        session.flush()
        for n in range(3):
            visit = _visit(
                session,
                actor,
                known.people[25 + n],
                datetime(2026, 11, 4, 12, n, tzinfo=ZONE),
                rng,
                status=VisitStatus.WAITING,
            )
            session.flush()
            known.undone.append(visit.id)
        _team(session, actor, known, rng)
    for visit_id in known.undone:
        with database.transaction() as session:
            undo_sign_in(session, actor, visit_id, 1, "signed in the wrong person")
    _merge_and_remove(database, actor, known)
    return known


def _merge_and_remove(database: Database, actor: Actor, known: Known) -> None:
    """Peer28 was also recorded as Peer29: merged, their visits now count under one record.
    Peer27 asked for their record to be removed: their visits stay, with no one named."""
    keep, away, removed = known.people[28], known.people[29], known.people[27]
    merge_records(database, actor, keep, away)
    with database.transaction() as session:
        person = session.get(Person, removed)
        remove_person(session, actor, removed, person.version, typed_name=person.first_name)
    known.merged_keep, known.merged_away, known.removed = keep, away, removed


def _team(session: Session, actor: Actor, known: Known, rng: random.Random) -> None:
    coaches = []
    for n in range(3):
        coach = StaffMember(
            display_name=f"Coach {n}",
            login=f"coach{n}",
            role=StaffRole.COACH,
            is_coach=True,
            caseload_limit=5 + n,
        )
        session.add(coach)
        session.flush()
        coaches.append(coach.id)
    known.coaches = coaches
    services = {
        code: add_service(session, f"A {code} service", category=code)
        for code in ("detox", "treatment", "food")
    }
    gone = add_service(session, "A service that closed", category="food")
    for n in range(24):
        made = datetime(2026, 10, 19, 14, 0, tzinfo=UTC) + timedelta(hours=21 * n)
        if n == 5:
            made = datetime(2026, 11, 1, 4, 30, tzinfo=UTC)  # 00:30 EDT on 1 November
        if n == 6:
            made = datetime(2026, 11, 2, 4, 30, tzinfo=UTC)  # 23:30 EST on 1 November
        referral = Referral(
            person_id=None if n % 4 == 0 else known.people[n],
            created_at=made,
            created_by_id=actor.staff_id,
            language="es" if n % 3 == 0 else "en",
            outcome=list(ReferralOutcome)[n % 4],
            version=1,
            items=[
                ReferralItem(position=k, service_id=s, service_name="x")
                for k, s in enumerate(rng.sample([*services.values(), gone], rng.randint(1, 3)))
            ],
        )
        session.add(referral)
    session.flush()
    # The service that closed was deleted from the directory: its referrals keep the name.
    session.execute(
        update(ReferralItem).where(ReferralItem.service_id == gone).values(service_id=None)
    )
    for n, person_id in enumerate(known.people[:18]):
        started = datetime(2026, 9, 1, tzinfo=UTC) + timedelta(days=3 * n)
        ended = started + timedelta(days=40) if n % 3 == 0 else None
        assignment = Assignment(
            person_id=person_id,
            coach_id=coaches[n % 3],
            started_at=started,
            ended_at=ended,
            assigned_by_id=actor.staff_id,
        )
        session.add(assignment)
        session.flush()
        for k in range(n % 4):
            at = started + timedelta(days=9 * k + 1, hours=15)
            session.add(
                CoachingContact(
                    person_id=person_id,
                    coach_id=coaches[n % 3],
                    assignment_id=assignment.id,
                    contact_at=at,
                    mode=ContactMode.PHONE,
                    minutes=15,
                    follow_up_on=(at + timedelta(days=7 + n)).date(),
                    recorded_by_id=actor.staff_id,
                )
            )
        for k in range(n % 3 + 1):
            scores = {f"item_{i}": rng.randint(1, 6) for i in range(1, 11)}
            session.add(
                Barc10Assessment(
                    person_id=person_id,
                    taken_on=date(2026, 10, 1) + timedelta(days=15 * k),
                    recorded_by_id=actor.staff_id,
                    **scores,
                )
            )

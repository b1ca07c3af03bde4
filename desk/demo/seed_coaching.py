"""Generate the coaching side of the demo: caseloads (some full, one over its limit), contacts
with follow-ups (some overdue), goals, BARC-10 answers, past assignments and a waitlist.

At benchmark scale the history grows with the people (one in eight has had a coach), so the
ranking is measured against a realistic assignment table; the active caseloads stay as large
as the coaches' limits allow.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.demo.bulk import insert_rows, next_id, sync_sequence
from desk.demo.coaching_data import (
    END_REASONS,
    FILL,
    GOAL_STATUSES,
    GOALS,
    NEXT_STEPS,
    NOTES,
    OVER_LIMIT_LOGIN,
    WAITLIST_NOTES,
)
from desk.demo.people_data import COACHES, NOTABLE_PEOPLE
from desk.models import (
    Assignment,
    Barc10Assessment,
    CoachingContact,
    Person,
    RecoveryGoal,
    Visit,
    VisitPurpose,
    VisitStatus,
    WaitlistEntry,
)
from desk.services.first_visits import with_visit_on

ENDED_SHARE = 1 / 8
WAITLIST = 4
CHUNK = 5000


@dataclass(frozen=True)
class CoachingSeedSummary:
    active: int
    ended: int
    contacts: int
    waitlisted: int


@dataclass
class _Coach:
    id: int
    login: str
    languages: tuple[str, ...]
    limit: int
    target: int
    taken: int = 0


def _people(session: Session, ids: list[int]) -> list[tuple[int, str | None, datetime]]:
    found = []
    for start in range(0, len(ids), CHUNK):
        found.extend(
            session.execute(
                select(Person.id, Person.preferred_language, Person.created_at).where(
                    Person.id.in_(ids[start : start + CHUNK])
                )
            ).all()
        )
    by_id = {row[0]: row for row in found}
    return [by_id[i] for i in ids if i in by_id]


def _local(day: date, zone: ZoneInfo, rng: random.Random) -> datetime:
    moment = datetime.combine(day, time(9, 30), zone) + timedelta(minutes=rng.randrange(420))
    return moment.astimezone(UTC)


def _contacts(
    assignment_id: int,
    person_id: int,
    coach_id: int,
    start: date,
    end: date,
    rng: random.Random,
    zone: ZoneInfo,
    actor_id: int,
    *,
    live: bool,
) -> Iterator[dict]:
    """Contacts every week or three from `start` until `end`; the last one plans the next."""
    day = start + timedelta(days=rng.randint(0, 4))
    while day <= end:
        following = day + timedelta(days=rng.choice((7, 7, 10, 14, 21)))
        last = following > end
        follow_up = following if (not last or live) else None
        if live and last and rng.random() < 0.15:
            follow_up = None  # nothing planned yet
        yield {
            "person_id": person_id,
            "coach_id": coach_id,
            "assignment_id": assignment_id,
            "contact_at": _local(day, zone, rng),
            "mode": rng.choice(("in_person", "in_person", "phone", "text")),
            "minutes": rng.choice((10, 15, 20, 30, 45, 60)),
            "note": rng.choice(NOTES),
            "next_step": rng.choice(NEXT_STEPS) if follow_up else None,
            "follow_up_on": follow_up,
            "recorded_by_id": actor_id,
            "recorded_at": _local(day, zone, rng),
        }
        day = following


def seed_coaching(
    session: Session,
    *,
    coach_ids: list[int],
    first_person: int,
    people: int,
    today: date,
    now: datetime,
    zone: ZoneInfo,
    actor_id: int,
    rng: random.Random,
) -> CoachingSeedSummary:
    coaches = [
        _Coach(cid, seed.login, seed.languages, seed.caseload_limit, 0)
        for cid, seed in zip(coach_ids, COACHES, strict=True)
    ]
    for coach in coaches:
        coach.target = min(coach.limit, math.ceil(FILL.get(coach.login, 0.5) * coach.limit))
        coach.target += 1 if coach.login == OVER_LIMIT_LOGIN else 0
    pool = list(range(first_person + len(NOTABLE_PEOPLE), first_person + people))
    wanted_active = sum(c.target for c in coaches)
    ended_count = int(people * ENDED_SHARE)
    sample = rng.sample(pool, min(len(pool), 3 * wanted_active + 3 * WAITLIST + ended_count))
    candidates = [row for row in _people(session, sample) if row[2] < now - timedelta(days=3)]
    next_assignment = next_id(session, Assignment.id)
    assignments: list[dict] = []
    contacts: list[dict] = []
    goals: list[dict] = []
    barcs: list[dict] = []
    used: set[int] = set()

    # Active caseloads: a coach who speaks the peer's language first, as staff would choose.
    for person_id, language, created in candidates:
        open_coaches = [c for c in coaches if c.taken < c.target]
        if not open_coaches:
            break
        speaking = [c for c in open_coaches if language in c.languages and language != "en"]
        coach = rng.choice(speaking or open_coaches)
        earliest = max(created.astimezone(zone).date() + timedelta(days=1), today - timedelta(180))
        start = earliest + timedelta(days=rng.randint(0, max(0, (today - earliest).days - 1)))
        assignment_id = next_assignment
        next_assignment += 1
        coach.taken += 1
        used.add(person_id)
        assignments.append(
            {
                "id": assignment_id,
                "person_id": person_id,
                "coach_id": coach.id,
                "started_at": _local(start, zone, rng),
                "assigned_by_id": actor_id,
                "over_limit": coach.taken > coach.limit,
                "match_reasons": None,
            }
        )
        if rng.random() > 0.1:  # a few have had no contact yet
            where = (assignment_id, person_id, coach.id)
            # About a third have gone quiet lately, so their follow-up is overdue.
            quiet = rng.random() < 0.35 and (today - start).days > 30
            until = today - timedelta(days=rng.randint(10, 25)) if quiet else today
            contacts.extend(_contacts(*where, start, until, rng, zone, actor_id, live=True))
        for area in rng.sample(list(GOALS), rng.randint(0, 3)):
            statuses, weights = zip(*GOAL_STATUSES, strict=True)
            goals.append(
                {
                    "person_id": person_id,
                    "area": area,
                    "title": rng.choice(GOALS[area]),
                    "status": rng.choices(statuses, weights)[0],
                    "created_at": _local(start, zone, rng),
                    "created_by_id": actor_id,
                    "updated_at": _local(start, zone, rng),
                    "version": 1,
                }
            )
        if rng.random() < 0.4:
            base = rng.randint(18, 38)
            for n in range(rng.randint(1, 3)):
                taken = min(today, start + timedelta(days=45 * n))
                scores = [max(1, min(6, base // 10 + rng.randint(0, 2) + n)) for _ in range(10)]
                barcs.append(
                    {
                        "person_id": person_id,
                        "taken_on": taken,
                        **{f"item_{i}": s for i, s in enumerate(scores, start=1)},
                        "recorded_by_id": actor_id,
                        "recorded_at": _local(taken, zone, rng),
                    }
                )

    # History: people who had a coach once, in the years the data covers.
    rest = [row for row in candidates if row[0] not in used]
    waitlisted = _waiting_for(coaches, rest)
    waiting_ids = {row[0] for row, _coach in waitlisted}
    rest = [row for row in rest if row[0] not in waiting_ids]
    for person_id, _language, created in rest[:ended_count]:
        first_day = created.astimezone(zone).date() + timedelta(days=1)
        span = (today - first_day).days - 40
        if span <= 0:
            continue
        start = first_day + timedelta(days=rng.randrange(span))
        end = min(today - timedelta(days=1), start + timedelta(days=rng.randint(30, 270)))
        coach = rng.choice(coaches)
        assignment_id = next_assignment
        next_assignment += 1
        assignments.append(
            {
                "id": assignment_id,
                "person_id": person_id,
                "coach_id": coach.id,
                "started_at": _local(start, zone, rng),
                "ended_at": _local(end, zone, rng),
                "end_reason": rng.choice(END_REASONS),
                "assigned_by_id": actor_id,
                "ended_by_id": actor_id,
                "over_limit": False,
            }
        )
        if rng.random() < 0.5:
            history = _contacts(
                assignment_id, person_id, coach.id, start, end, rng, zone, actor_id, live=False
            )
            contacts.extend(c for _, c in zip(range(3), history, strict=False))
    insert_rows(session, Assignment, assignments)
    sync_sequence(session, "assignment")
    insert_rows(session, CoachingContact, contacts)
    sync_sequence(session, "coaching_contact")
    insert_rows(session, RecoveryGoal, goals)
    sync_sequence(session, "recovery_goal")
    insert_rows(session, Barc10Assessment, barcs)
    sync_sequence(session, "barc10_assessment")
    _seed_waitlist(session, waitlisted, now, actor_id, rng)
    active = sum(1 for a in assignments if a.get("ended_at") is None)
    return CoachingSeedSummary(active, len(assignments) - active, len(contacts), len(waitlisted))


def _waiting_for(coaches: list[_Coach], rest: list) -> list[tuple[tuple, _Coach]]:
    """Peers who asked by name for a coach whose caseload is full, and speak their language."""
    full = [c for c in coaches if c.taken >= c.limit] or coaches
    chosen: list[tuple[tuple, _Coach]] = []
    for n in range(WAITLIST):
        coach = full[n % len(full)]
        taken = {row[0] for row, _ in chosen}
        fits = [r for r in rest if r[0] not in taken and r[1] in coach.languages]
        best = [r for r in fits if r[1] != "en"] or fits
        if best:
            chosen.append((best[0], coach))
    return chosen


def _seed_waitlist(session, waitlisted, now, actor_id, rng) -> None:
    for n, ((person_id, _language, _created), wished) in enumerate(waitlisted):
        session.execute(
            update(Person)
            .where(Person.id == person_id)
            .values(wished_coach_id=wished.id, updated_at=Person.updated_at)
        )
        session.add(
            WaitlistEntry(
                person_id=person_id,
                added_at=now - timedelta(days=rng.randint(1, 20), hours=rng.randint(0, 8)),
                added_by_id=actor_id,
                note=WAITLIST_NOTES[n % len(WAITLIST_NOTES)],
            )
        )
    session.flush()


def sign_in_for_coaching(
    session: Session, person_id: int, *, day: date, now: datetime, actor_id: int
) -> None:
    """Make sure a notable peer is waiting in today's queue, to be paired with a coach."""
    here = session.scalar(
        select(Visit.id).where(
            Visit.person_id == person_id,
            Visit.local_day == day,
            Visit.status.in_((VisitStatus.WAITING, VisitStatus.WITH_COACH)),
        )
    )
    if here is not None:
        return
    arrived = now - timedelta(minutes=6)
    visit = Visit(
        person_id=person_id,
        arrived_at=arrived,
        local_day=day,
        status=VisitStatus.WAITING,
        signed_in_by_id=actor_id,
        updated_at=arrived,
    )
    visit.purposes = [VisitPurpose(purpose_code="coaching")]
    session.add(visit)
    session.flush()
    session.execute(
        update(Person)
        .where(Person.id == person_id)
        .values(
            last_visit_at=arrived, first_visit_day=with_visit_on(day), updated_at=Person.updated_at
        )
    )

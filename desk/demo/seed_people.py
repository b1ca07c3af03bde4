"""Generate coaches, people and years of visits, as a busy drop-in center would see them."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from desk.demo.bulk import insert_rows, next_id, sync_sequence
from desk.demo.people_data import (
    COACHES,
    CULTURES,
    NICKNAMES,
    NOTABLE_PEOPLE,
    PRONOUNS,
    RECOVERY_PATHWAYS,
    TOWNS,
)
from desk.models import (
    CoachAvailability,
    Person,
    StaffLanguage,
    StaffMember,
    StaffRole,
    StaffSpecialty,
    Visit,
    VisitPurpose,
)
from desk.services.person_details import HEARD_ABOUT
from desk.validation import parse_phone

# (purpose code, weight, largest item count or 0)
PURPOSE_WEIGHTS = (
    ("drop_in", 35, 0),
    ("coaching", 25, 0),
    ("support_meeting", 15, 0),
    ("resource_help", 12, 0),
    ("harm_reduction", 8, 3),
    ("phone_computer", 10, 0),
    ("other", 2, 0),
)
ANONYMOUS_SHARE = 0.08
OPENS, CLOSES = time(9, 0), time(16, 30)


def seed_coaches(session: Session, now: datetime) -> list[int]:
    ids = []
    for seed in COACHES:
        staff = StaffMember(
            display_name=seed.display_name,
            login=seed.login,
            role=StaffRole.COACH,
            is_coach=True,
            phone=seed.phone,
            gender=seed.gender,
            caseload_limit=seed.caseload_limit,
            recovery_pathway=seed.recovery_pathway,
            email=f"{seed.login}@example.org",
            created_at=now,
        )
        staff.languages = [StaffLanguage(language=code) for code in seed.languages]
        staff.specialties = [StaffSpecialty(tag_code=code) for code in seed.specialties]
        staff.availability = [
            CoachAvailability(
                weekday=day, starts_at=time.fromisoformat(start), ends_at=time.fromisoformat(end)
            )
            for days, start, end in seed.hours
            for day in days
        ]
        session.add(staff)
        session.flush()
        ids.append(staff.id)
    return ids


def daily_visits(people: int) -> int:
    """Visits a weekday brings: about 40 at a small center, ~820 at 100,000 people (a million
    visits in five years, after a regular's second sign-in of a day is dropped)."""
    return 40 + people // 128


@dataclass
class _Names:
    cultures: list
    cumulative: list[int]

    @classmethod
    def build(cls) -> _Names:
        return cls(list(CULTURES), list(itertools.accumulate(c[0] for c in CULTURES)))

    def pick(self, rng: random.Random) -> tuple[str, str, str]:
        culture = self.cultures[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]
        _, language, firsts, lasts = culture
        return rng.choice(firsts), rng.choice(lasts), language


def _person_rows(
    count: int,
    first_id: int,
    rng: random.Random,
    actor_id: int,
    start: datetime,
    now: datetime,
    today: date,
) -> Iterator[dict]:
    names = _Names.build()
    towns, town_weights = zip(*TOWNS, strict=True)
    span = max(1.0, (now - start).total_seconds())
    for index in range(count):
        if index < len(NOTABLE_PEOPLE):
            first, last, preferred, language = NOTABLE_PEOPLE[index]
        else:
            first, last, language = names.pick(rng)
            preferred = None
        birth_year = rng.randint(today.year - 75, today.year - 18) if rng.random() < 0.7 else None
        phone = None
        if rng.random() < 0.55:
            phone = parse_phone(f"({rng.choice(('508', '774'))}) 555-01{rng.randint(0, 99):02d}")
        created = _created_at(index, count, start, span, rng)
        yield {
            "id": first_id + index,
            "first_name": first,
            "last_name": last if rng.random() > 0.04 or index < len(NOTABLE_PEOPLE) else None,
            "preferred_name": preferred,
            "nickname": NICKNAMES.get(first) if rng.random() < 0.3 else None,
            "pronouns": rng.choice(PRONOUNS) if rng.random() < 0.25 else None,
            "kind": "family" if rng.random() < 0.12 else "peer",
            "birth_year": birth_year,
            "phone": phone,
            "email": f"{first_id + index}@example.net" if rng.random() < 0.2 else None,
            "preferred_language": language,
            "may_call": True if phone and rng.random() < 0.8 else None,
            "may_text": True if phone and rng.random() < 0.7 else None,
            "may_leave_message": (rng.random() < 0.5) if phone else None,
            "town": rng.choices(towns, town_weights)[0] if rng.random() < 0.8 else None,
            "heard_about": rng.choice(HEARD_ABOUT) if rng.random() < 0.6 else None,
            "recovery_pathway": rng.choice(RECOVERY_PATHWAYS) if rng.random() < 0.3 else None,
            "created_at": created,
            "created_by_id": actor_id,
            "updated_at": created,
            "updated_by_id": actor_id,
            "version": 1,
        }


EXISTING_SHARE = 0.3  # people already known when the generated period begins


def _created_at(
    index: int, count: int, start: datetime, span: float, rng: random.Random
) -> datetime:
    """Registration times that grow with the id: the first 30% before `start`, the rest after."""
    share = index / max(1, count)
    if share < EXISTING_SHARE:
        return start - timedelta(days=rng.uniform(1, 730))
    return start + timedelta(seconds=span * (share - EXISTING_SHARE) / (1 - EXISTING_SHARE))


def _known_by(day_index: int, day_count: int, people: int) -> int:
    """How many people (by id order) had registered by the `day_index`-th generated day."""
    elapsed = (day_index + 1) / max(1, day_count)
    return max(1, min(people, int(people * (EXISTING_SHARE + (1 - EXISTING_SHARE) * elapsed))))


def _at(day: date, minutes_after_open: int, zone: ZoneInfo) -> datetime:
    local = datetime.combine(day, OPENS, zone) + timedelta(minutes=minutes_after_open)
    return local.astimezone(UTC)


def _visit_rows(
    people_ids: range,
    coach_ids: list[int],
    actor_id: int,
    first_visit_id: int,
    days: list[date],
    today: date,
    now: datetime,
    zone: ZoneInfo,
    rng: random.Random,
) -> Iterator[tuple[dict, list[dict]]]:
    """(visit row, its purpose rows) for every open day in `days`."""
    weights = list(itertools.accumulate(rng.paretovariate(1.2) for _ in people_ids))
    purpose_codes = [p[0] for p in PURPOSE_WEIGHTS]
    purpose_cumulative = list(itertools.accumulate(p[1] for p in PURPOSE_WEIGHTS))
    item_max = {code: most for code, _, most in PURPOSE_WEIGHTS}
    open_minutes = (CLOSES.hour * 60 + CLOSES.minute) - (OPENS.hour * 60 + OPENS.minute)
    base = daily_visits(len(people_ids))
    visit_id = first_visit_id
    for day_index, day in enumerate(days):
        known = _known_by(day_index, len(days), len(people_ids))
        weekday = day.weekday()
        if weekday == 6:
            continue
        count = int(base * (0.5 if weekday == 5 else 1.0) * rng.uniform(0.8, 1.2))
        is_today = day == today
        came_today: set[int] = set()
        for _ in range(count):
            if is_today:
                arrived = now - timedelta(minutes=rng.uniform(1, 180))
            else:
                arrived = _at(day, rng.randrange(open_minutes), zone)
            anonymous = rng.random() < ANONYMOUS_SHARE
            person_id = None
            if not anonymous:
                pick = bisect.bisect(weights, rng.random() * weights[known - 1], hi=known - 1)
                person_id = people_ids[pick]
                if person_id in came_today:
                    continue  # one visit a day each: the regulars do not sign in twice
                came_today.add(person_id)
            picked = {
                purpose_codes[
                    bisect.bisect(purpose_cumulative, rng.random() * purpose_cumulative[-1])
                ]
            }
            if rng.random() < 0.25:
                picked.add(rng.choice(purpose_codes))
            coach = rng.choice(coach_ids) if "coaching" in picked and coach_ids else None
            waited = timedelta(minutes=rng.uniform(0, 25))
            stayed = timedelta(minutes=rng.uniform(10, 90))
            status, started, departed = "done", arrived + waited, arrived + waited + stayed
            if is_today:
                age = now - arrived
                if age < waited:
                    status, started, departed, coach = "waiting", None, None, None
                elif age < waited + stayed:
                    status, departed = ("with_coach" if coach else "waiting"), None
                    started = started if coach else None
            visit = {
                "id": visit_id,
                "person_id": person_id,
                "anonymous_initials": rng.choice((None, "J.D.", "M.", "A.R."))
                if anonymous
                else None,
                "arrived_at": arrived,
                "local_day": day,
                "status": status,
                "coach_id": coach if status != "waiting" else None,
                "started_at": started if coach else None,
                "departed_at": departed,
                "signed_in_by_id": actor_id,
                "updated_at": departed or arrived,
                "version": 1,
            }
            purposes = [
                {
                    "visit_id": visit_id,
                    "purpose_code": code,
                    "quantity": rng.randint(1, item_max[code]) if item_max[code] else None,
                }
                for code in sorted(picked)
            ]
            yield visit, purposes
            visit_id += 1


def seed_people_and_visits(
    session: Session,
    *,
    people: int,
    days: list[date],
    today: date,
    now: datetime,
    zone: ZoneInfo,
    actor_id: int,
    coach_ids: list[int],
    rng: random.Random,
) -> tuple[int, int]:
    first_person = next_id(session, Person.id)
    start = datetime.combine(days[0], OPENS, zone).astimezone(UTC) if days else now
    insert_rows(
        session, Person, _person_rows(people, first_person, rng, actor_id, start, now, today)
    )
    sync_sequence(session, "person")
    purpose_batch: list[dict] = []

    def visits_only() -> Iterator[dict]:
        for visit, purposes in _visit_rows(
            range(first_person, first_person + people),
            coach_ids,
            actor_id,
            next_id(session, Visit.id),
            days,
            today,
            now,
            zone,
            rng,
        ):
            purpose_batch.extend(purposes)
            yield visit

    visits = 0
    batch: list[dict] = []
    for visit in visits_only():
        batch.append(visit)
        if len(batch) >= 10000:
            visits += insert_rows(session, Visit, batch)
            insert_rows(session, VisitPurpose, purpose_batch)
            batch, purpose_batch[:] = [], []
    visits += insert_rows(session, Visit, batch)
    insert_rows(session, VisitPurpose, purpose_batch)
    sync_sequence(session, "visit")
    session.execute(
        text(
            "UPDATE person SET last_visit_at = (SELECT max(visit.arrived_at) FROM visit "
            "WHERE visit.person_id = person.id AND visit.status <> 'undone'), "
            "first_visit_day = (SELECT min(visit.local_day) FROM visit "
            "WHERE visit.person_id = person.id AND visit.status <> 'undone') WHERE id >= :first"
        ),
        {"first": first_person},
    )
    return people, visits

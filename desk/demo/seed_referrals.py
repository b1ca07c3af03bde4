"""Demo referrals: sheets given over the last weeks, so the Follow-up tab has work in it.

Each is made the way the app makes one (the sheet's content built from the directory and
kept as its snapshot), dated in the past: those from the last week are not due yet, those
from one to two weeks ago are due, and most older ones have an outcome recorded. None shows
a name (that would need a signed consent); a third are anonymous.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.models import Person, Referral, ReferralItem, ReferralOutcome, Service
from desk.services.referrals import ReferralRequest, build_sheet_content, sheet_language
from desk.services.settings import load_settings

NEXT_STEPS = (
    "Call at 8 am tomorrow and ask about a bed.",
    "Walk in before noon; bring any ID you have.",
    "Call first, then come back and tell us how it went.",
    "",
    "",
)
OUTCOME_NOTES = {
    ReferralOutcome.CONNECTED: ("Went on Tuesday, has an intake date.", "Called, got in.", ""),
    ReferralOutcome.NOT_CONNECTED: ("No bed that week; wants to try again.", "Did not go."),
    ReferralOutcome.UNKNOWN: ("Could not reach them.", ""),
}


def seed_referrals(
    session: Session,
    *,
    person_ids: list[int],
    today: date,
    zone: ZoneInfo,
    staff_ids: list[int],
    rng: random.Random,
    count: int = 24,
) -> int:
    """Add `count` referrals over the last six weeks; returns how many were added."""
    service_ids = list(
        session.scalars(select(Service.id).where(Service.status == "active").order_by(Service.id))
    )
    if not service_ids or not person_ids:
        return 0
    candidates = rng.sample(person_ids, min(count, len(person_ids)))
    people = {
        person_id: (language, created_at)
        for person_id, language, created_at in session.execute(
            select(Person.id, Person.preferred_language, Person.created_at).where(
                Person.id.in_(candidates)
            )
        )
    }
    follow_up_days = int(load_settings(session)["referrals.follow_up_days"])
    days = sorted(today - timedelta(days=rng.randrange(0, 42)) for _ in range(count))
    for day in days:  # oldest first, as they were given
        person_id = rng.choice(candidates) if rng.random() < 2 / 3 else None
        if person_id is not None and people[person_id][1].date() > day:
            person_id = None  # not known to the center yet that day: an anonymous sheet
        language = sheet_language(people[person_id][0]) if person_id is not None else "en"
        request = ReferralRequest(
            tuple(rng.sample(service_ids, rng.randint(1, 3))),
            person_id=person_id,
            language=language,
            next_steps=rng.choice(NEXT_STEPS),
        )
        content, _ = build_sheet_content(session, request, day)
        given_at = datetime.combine(day, time(9, 30), zone) + timedelta(minutes=rng.randrange(420))
        referral = Referral(
            person_id=person_id,
            created_at=given_at.astimezone(UTC),
            created_by_id=rng.choice(staff_ids),
            language=language,
            next_steps=content.next_steps or None,
            follow_up_on=day + timedelta(days=follow_up_days),
            document=content.to_json(),
            print_count=1,
        )
        age = (today - day).days
        if age > follow_up_days + 3 and rng.random() < 0.85:  # most followed up in days
            outcome = rng.choice(
                (ReferralOutcome.CONNECTED,) * 3
                + (ReferralOutcome.NOT_CONNECTED, ReferralOutcome.UNKNOWN)
            )
            referral.outcome = outcome
            referral.outcome_note = rng.choice(OUTCOME_NOTES[outcome]) or None
            referral.outcome_at = (given_at + timedelta(days=follow_up_days)).astimezone(UTC)
            referral.outcome_by_id = referral.created_by_id
        referral.items = [
            ReferralItem(position=position, service_id=service.id, service_name=service.name)
            for position, service in enumerate(content.services, start=1)
        ]
        session.add(referral)
    session.flush()
    return count

"""Sign-in cards for some of the demo's regulars: the People page shows "their card was
printed", and the Front desk marks their scans "by card". The codes themselves are random and
kept nowhere (as for a real card): to scan one in the demo, print a new card from the record."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.cards.tokens import RANDOM_DIGITS, damm_digit, token_hash
from desk.models import SignInCard, Visit, VisitStatus

REGULARS = 12


def seed_cards(session: Session, *, now: datetime, actor_id: int, rng: random.Random) -> int:
    """Cards for the people who came most often; returns how many."""
    regulars = session.scalars(
        select(Visit.person_id)
        .where(Visit.person_id.is_not(None), Visit.status != VisitStatus.UNDONE)
        .group_by(Visit.person_id)
        .order_by(func.count().desc(), Visit.person_id)
        .limit(REGULARS)
    ).all()
    for person_id in regulars:
        digits = f"{rng.randrange(10**RANDOM_DIGITS):0{RANDOM_DIGITS}d}"
        session.add(
            SignInCard(
                person_id=person_id,
                token_hash=token_hash("RD" + digits + damm_digit(digits)),
                shows_first_name=rng.random() < 0.5,
                issued_at=now - timedelta(days=rng.randrange(5, 200)),
                issued_by_id=actor_id,
            )
        )
    return len(regulars)

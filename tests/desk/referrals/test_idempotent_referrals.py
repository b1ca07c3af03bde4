"""A referral given again with the same key is logged once (issue 16, defect 2)."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, select

from desk.db.engine import Database
from desk.models import Referral
from desk.services.actor import Actor
from desk.services.referrals import ReferralRequest, give_referral
from tests.desk.referrals.test_referral_service import _service_ids


def test_a_referral_given_twice_is_logged_once(
    directory: Database, actor: Actor, today: date
) -> None:
    ids = _service_ids(directory, 2)
    key = uuid.uuid4().hex
    request = ReferralRequest(tuple(ids), next_steps="Call on Monday")
    with directory.transaction() as session:
        first = give_referral(session, actor, request, today, idempotency_key=key)
    with directory.transaction() as session:
        again = give_referral(session, actor, request, today, idempotency_key=key)
    assert again.referral_id == first.referral_id and again.pdf == first.pdf
    assert directory_count(directory) == 1


def directory_count(database: Database) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(Referral))

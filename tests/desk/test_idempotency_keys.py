"""A write sent again with the same key finds the first (issue 16, defect 2); the referral's
case is in tests/desk/referrals/test_idempotent_referrals.py."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select

from desk.db.engine import Database
from desk.models import Person, Visit
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.people import create_person
from desk.services.person_details import PersonDetails

DROP_IN = [PurposeChoice("drop_in")]


def count(database: Database, model) -> int:
    with database.session() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_an_intake_saved_twice_is_one_person_and_one_visit(
    database: Database, actor: Actor
) -> None:
    key = uuid.uuid4().hex
    results = []
    for _ in range(2):  # the second time: Save pressed again after the reply was lost
        with database.transaction() as session:
            person = create_person(
                session, actor, PersonDetails(first_name="Amara"), idempotency_key=key
            )
            visit = sign_in(
                session, actor, person_id=person.id, purposes=DROP_IN, idempotency_key=key
            )
            results.append((person.id, visit))
    assert results[0] == results[1]
    assert count(database, Person) == 1 and count(database, Visit) == 1


def test_an_anonymous_sign_in_sent_twice_counts_once(database: Database, actor: Actor) -> None:
    key = uuid.uuid4().hex
    with database.transaction() as session:
        first = sign_in(session, actor, person_id=None, purposes=DROP_IN, idempotency_key=key)
    with database.transaction() as session:
        again = sign_in(session, actor, person_id=None, purposes=DROP_IN, idempotency_key=key)
        other = sign_in(session, actor, person_id=None, purposes=DROP_IN)  # another visitor
    assert first == again != other and count(database, Visit) == 2

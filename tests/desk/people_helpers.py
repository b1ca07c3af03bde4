"""Small builders for front-desk tests."""

from __future__ import annotations

from desk.db.engine import Database
from desk.services.actor import Actor
from desk.services.people import PersonRecord, create_person
from desk.services.person_details import PersonDetails


def add_person(
    database: Database, actor: Actor, first: str, last: str = "", **fields: object
) -> PersonRecord:
    with database.transaction() as session:
        return create_person(
            session, actor, PersonDetails(first_name=first, last_name=last, **fields)
        )

"""A small coaching center for the screen tests: three coaches, a few peers."""

from __future__ import annotations

from dataclasses import dataclass

from desk.services.people import create_person
from desk.services.person_details import PersonDetails
from tests.desk.coaching_helpers import add_coach, assign
from ui.context import AppContext

ALWAYS = "24/7"  # on duty whenever a test runs
NEVER = ""


@dataclass
class Center:
    rosa: int
    marcus: int
    kevin: int


def person(context: AppContext, first: str, last: str = "", **fields) -> int:
    with context.database.transaction() as session:
        return create_person(
            session, context.actor, PersonDetails(first_name=first, last_name=last, **fields)
        ).id


def small_center(context: AppContext, *, kevin_limit: int = 1) -> Center:
    db, actor = context.database, context.actor
    rosa = add_coach(
        db, actor, "Rosa Delgado", languages=("en", "es"), gender="woman", limit=15, hours=NEVER
    )
    marcus = add_coach(
        db, actor, "Marcus Bell", gender="man", limit=12, pathway="12-step", hours=ALWAYS
    )
    kevin = add_coach(db, actor, "Kevin Murphy", gender="man", limit=kevin_limit, hours=NEVER)
    return Center(rosa.id, marcus.id, kevin.id)


def fill_caseload(context: AppContext, coach_id: int, count: int) -> list[int]:
    people = []
    for n in range(count):
        person_id = person(context, f"Peer{n}", "Full")
        assign(context.database, context.actor, person_id, coach_id)
        people.append(person_id)
    return people

"""The sign-in box's lookup, as a service: bring the index up to date, then search it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from desk.access import Permission, requires
from desk.lookup.person_index import PersonIndex, PersonMatch
from desk.lookup.query import parse_query
from desk.models.base import utc_now
from desk.services.actor import Actor

RESULTS = 8


@requires(Permission.LOOK_UP_PEOPLE)
def lookup_people(
    session: Session, actor: Actor, index: PersonIndex, text: str, limit: int = RESULTS
) -> list[PersonMatch]:
    """Matching people, best first. Searching is not audited: results show a name, a birth
    year and a phone's last digits; opening the record is what the audit trail records."""
    index.refresh(session)
    return index.search(parse_query(text, this_year=utc_now().year), limit=limit)

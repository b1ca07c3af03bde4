"""Each person's first visit day, kept on their record (`person.first_visit_day`): a report
tells its new people from its returning ones by reading that day for each person who came,
instead of looking for an earlier visit of each of them (50,000 people in a year).

The day is the center-local day of their earliest visit that was not undone; None before
any. Visits are made in one place, the sign-in (`desk.services.checkin._create_visit`, which
the card, kiosk and meeting sign-ins share): it moves the day earlier when the new visit is
earlier. What takes visits away from a record counts the day again from the visits
themselves: undoing a sign-in, a merge (the other record's visits move to the one kept, a
double sign-in is withdrawn) and a removal (the visits stay, with no one named). Nothing
deletes a visit.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, Select, case, func, or_, select

from desk.models import Person, Visit, VisitStatus


def counted_first_day(person_id) -> Select:
    """The day counted from the visits (one probe of the index on person and day).
    `person_id` is an id, or `Person.id` to correlate with an UPDATE of person."""
    return select(func.min(Visit.local_day)).where(
        Visit.person_id == person_id, Visit.status != VisitStatus.UNDONE
    )


def with_visit_on(day: date) -> ColumnElement:
    """The first visit day once a visit on `day` is added: sign-in's visits are today's, but
    a sign-in may be given an earlier time."""
    return case(
        (or_(Person.first_visit_day.is_(None), Person.first_visit_day > day), day),
        else_=Person.first_visit_day,
    )

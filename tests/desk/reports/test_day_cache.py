"""The day counts a report keeps follow every change to visits: a report run after a sign-in,
an undone sign-in, a removal or a merge equals an independent count, not what was kept."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import func, select, update

from desk.db.engine import Database
from desk.models import Person, ReportDay, Visit, VisitStatus
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in, undo_sign_in
from desk.services.person_data import remove_person
from tests.desk.reports.dataset import ZONE, Known
from tests.desk.reports.independent import visit_counts
from tests.desk.reports.test_figures import FIRST, LAST, check_visits, report_for


def test_kept_days_are_counted_again_when_their_visits_change(
    database: Database, actor: Actor, known: Known
) -> None:
    report_for(database, actor, FIRST, LAST)  # counts and keeps every day
    with database.session() as session:
        kept = session.scalar(select(func.count()).select_from(ReportDay))
        assert kept >= (LAST - FIRST).days + 1
    # A late sign-in recorded for a past day, one of that day's visits undone, and a person
    # with visits in the period removed at their request (their visits become anonymous).
    with database.transaction() as session:
        visit_id = sign_in(
            session,
            actor,
            person_id=known.people[3],
            purposes=[PurposeChoice("harm_reduction", 3)],
            now=datetime(2026, 10, 27, 20, 0, tzinfo=UTC),
        )
    with database.transaction() as session:
        undo_sign_in(session, actor, visit_id, 1, "a test")
        other = session.scalar(
            select(Visit.id)
            .where(Visit.local_day == date(2026, 11, 2), Visit.status == VisitStatus.DONE)
            .limit(1)
        )
        # Undone from the past (as a later correction would): the row changes, so the day
        # is counted again.
        session.execute(update(Visit).where(Visit.id == other).values(status=VisitStatus.UNDONE))
    with database.transaction() as session:
        person = session.get(Person, known.people[4])
        remove_person(session, actor, person.id, person.version, typed_name=person.first_name)
    report = report_for(database, actor, FIRST, LAST)
    with database.session() as session:
        expected = visit_counts(session, FIRST, LAST, ZONE)
    check_visits(report.current.parts["visits"], expected)


def test_sample_data_forgets_the_kept_days(database: Database, actor: Actor, known: Known) -> None:
    from desk.reports.day_cache import forget_days

    report_for(database, actor, FIRST, LAST)
    with database.transaction() as session:
        forget_days(session)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(ReportDay)) == 0

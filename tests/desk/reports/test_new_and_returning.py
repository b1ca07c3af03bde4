"""New and returning people read each person's first visit day (kept on their record), so
the figures must stay right when that day changes: a first visit undone, a merge bringing an
earlier visit, a removal leaving the visits with no one named. Each step is checked by
hand, against the independent count, in the lists behind the figures and in the
de-identified export, on both engines."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desk.db.engine import Database
from desk.models import Person
from desk.reports.deidentified import COLUMNS, deidentified_visits
from desk.reports.periods import Period
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.person_data import remove_person
from desk.services.reports import figure_list
from tests.desk.people_helpers import add_person
from tests.desk.reports.dataset import ZONE, Known
from tests.desk.reports.independent import visit_counts
from tests.desk.reports.test_figures import report_for
from tests.desk.test_first_visit_day import first_days
from tests.record_changes import merge_records, undo_visit

PERIOD = Period(date(2026, 11, 23), date(2026, 11, 27))  # Monday to Friday
NOW = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)


def _came(database: Database, actor: Actor, person_id: int, day: date) -> int:
    with database.transaction() as session:
        return sign_in(
            session,
            actor,
            person_id=person_id,
            purposes=[PurposeChoice("drop_in")],
            now=datetime(day.year, day.month, day.day, 16, 0, tzinfo=UTC),  # 11:00 local
        )


def _figures(database: Database, actor: Actor) -> dict:
    """The report's people figures, after checking them against everything else that counts
    the same people."""
    report = report_for(database, actor, PERIOD.first, PERIOD.last)
    figures = report.current.parts["visits"]
    with database.session() as session:
        expected = visit_counts(session, PERIOD.first, PERIOD.last, ZONE)
        rows = deidentified_visits(session, PERIOD, ZONE).rows
    assert (figures.unique_people, figures.new_people, figures.returning_people) == (
        expected["people"],
        expected["new"],
        expected["returning"],
    )
    first_ever = COLUMNS.index("first_visit_ever")
    assert sum(1 for row in rows if row[first_ever]) == figures.new_people
    with database.transaction() as session:
        new = figure_list(session, actor, PERIOD, "people:new", now=NOW)
        returning = figure_list(session, actor, PERIOD, "people:returning", now=NOW)
    assert (new.total, returning.total) == (figures.new_people, figures.returning_people)
    return {
        "unique": figures.unique_people,
        "anonymous": figures.anonymous_visits,
        "new": set(new.person_ids),
        "returning": set(returning.person_ids),
    }


def test_new_and_returning_people_stay_right_after_an_undo_a_merge_and_a_removal(
    database: Database, actor: Actor
) -> None:
    ana, ben, cal, dee, dee_again, eve = (
        add_person(database, actor, name, "Test").id
        for name in ("Ana", "Ben", "Cal", "Dee", "D.", "Eve")
    )
    _came(database, actor, ana, date(2026, 11, 10))  # before the period
    _came(database, actor, ana, date(2026, 11, 25))
    _came(database, actor, ben, date(2026, 11, 24))
    mistaken = _came(database, actor, cal, date(2026, 11, 10))
    _came(database, actor, cal, date(2026, 11, 26))
    _came(database, actor, dee, date(2026, 11, 25))
    _came(database, actor, dee_again, date(2026, 11, 5))  # the same person, recorded twice
    _came(database, actor, eve, date(2026, 11, 26))
    found = _figures(database, actor)
    assert found["new"] == {ben, dee, eve} and found["returning"] == {ana, cal}

    # Cal's visit of the 10th was someone else's: undone, this week was Cal's first.
    undo_visit(database, actor, mistaken)
    found = _figures(database, actor)
    assert found["new"] == {ben, cal, dee, eve} and found["returning"] == {ana}

    # D. is Dee: merged, Dee had come on the 5th, so Dee is returning.
    merge_records(database, actor, dee, dee_again)
    found = _figures(database, actor)
    assert found["new"] == {ben, cal, eve} and found["returning"] == {ana, dee}
    assert found["unique"] == 5 and found["anonymous"] == 0

    # Eve asked to be removed: her visit stays, with no one named; she is no one's count.
    with database.transaction() as session:
        version = session.get(Person, eve).version
        remove_person(session, actor, eve, version, typed_name="Eve")
    found = _figures(database, actor)
    assert found["new"] == {ben, cal} and found["returning"] == {ana, dee}
    assert found["unique"] == 4 and found["anonymous"] == 1


def test_the_period_of_someones_first_visit_counts_them_new_there_and_returning_after(
    database: Database, actor: Actor
) -> None:
    """A first visit on the period's first day is new; one the day before is returning."""
    ana, ben = (add_person(database, actor, name, "Test").id for name in ("Ana", "Ben"))
    _came(database, actor, ana, date(2026, 11, 23))
    _came(database, actor, ana, date(2026, 11, 27))
    _came(database, actor, ben, date(2026, 11, 22))
    _came(database, actor, ben, date(2026, 11, 23))
    found = _figures(database, actor)
    assert found["new"] == {ana} and found["returning"] == {ben}


def test_every_first_visit_day_of_the_known_dataset_is_its_first_counted_visit(
    database: Database, known: Known
) -> None:
    """After its undone sign-ins, its merge and its removal (the check is in first_days)."""
    days = first_days(database)
    assert days[known.merged_away] is None and days[known.removed] is None
    assert days[known.merged_keep] is not None

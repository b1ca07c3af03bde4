"""Each person's first visit day (person.first_visit_day) stays the day of their first visit
not undone, whatever writes the visits: a sign-in, one given an earlier time, undoing one, a
merge (with a double sign-in withdrawn), a removal. On both engines, and always equal to
the day counted from the visits in plain SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select, text

from desk.db.engine import Database
from desk.models import Person
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.person_data import remove_person
from tests.desk.people_helpers import add_person
from tests.record_changes import merge_records, undo_visit

NOON = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 12:00 in Worcester
TODAY = date(2026, 11, 27)


def _sign_in(database: Database, actor: Actor, person_id: int, days_ago: int = 0) -> int:
    with database.transaction() as session:
        return sign_in(
            session,
            actor,
            person_id=person_id,
            purposes=[PurposeChoice("drop_in")],
            now=NOON - timedelta(days=days_ago),
        )


def first_days(database: Database) -> dict[int, date | None]:
    """Every person's kept day, checked against the day counted from the visits."""
    with database.session() as session:
        kept = dict(session.execute(select(Person.id, Person.first_visit_day)).all())
        counted = {
            person_id: day if day is None or isinstance(day, date) else date.fromisoformat(day)
            for person_id, day in session.execute(
                text(
                    "SELECT p.id, (SELECT min(v.local_day) FROM visit v "
                    "WHERE v.person_id = p.id AND v.status <> 'undone') FROM person p"
                )
            )
        }
    assert kept == counted
    return kept


def test_a_sign_in_keeps_the_first_day_and_an_earlier_one_moves_it(
    database: Database, actor: Actor
) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    assert first_days(database)[ana.id] is None
    _sign_in(database, actor, ana.id, days_ago=10)
    _sign_in(database, actor, ana.id)
    assert first_days(database)[ana.id] == TODAY - timedelta(days=10)
    _sign_in(database, actor, ana.id, days_ago=30)  # a sign-in given an earlier time
    assert first_days(database)[ana.id] == TODAY - timedelta(days=30)


def test_undoing_the_first_visit_moves_the_day_to_the_next_one(
    database: Database, actor: Actor
) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    first = _sign_in(database, actor, ana.id, days_ago=10)
    today = _sign_in(database, actor, ana.id)
    undo_visit(database, actor, first)
    assert first_days(database)[ana.id] == TODAY
    undo_visit(database, actor, today)
    assert first_days(database)[ana.id] is None


def test_a_merge_gives_the_kept_record_the_earlier_of_the_two_days(
    database: Database, actor: Actor
) -> None:
    keep = add_person(database, actor, "Kwame", "Owusu")
    other = add_person(database, actor, "K.", "Owusu")
    _sign_in(database, actor, keep.id, days_ago=3)
    _sign_in(database, actor, keep.id)
    _sign_in(database, actor, other.id, days_ago=20)
    _sign_in(database, actor, other.id)  # signed in twice today: one is withdrawn
    merge_records(database, actor, keep.id, other.id)
    days = first_days(database)
    assert days[keep.id] == TODAY - timedelta(days=20)
    assert days[other.id] is None  # its visits are the kept record's now


def test_a_merge_whose_other_record_only_came_today_keeps_the_earlier_day(
    database: Database, actor: Actor
) -> None:
    keep = add_person(database, actor, "Kwame", "Owusu")
    other = add_person(database, actor, "K.", "Owusu")
    _sign_in(database, actor, keep.id, days_ago=3)
    _sign_in(database, actor, keep.id)
    _sign_in(database, actor, other.id)  # withdrawn by the merge
    merge_records(database, actor, keep.id, other.id)
    assert first_days(database)[keep.id] == TODAY - timedelta(days=3)


def test_a_removed_persons_day_is_erased_with_the_rest(database: Database, actor: Actor) -> None:
    ana = add_person(database, actor, "Ana", "Silva")
    _sign_in(database, actor, ana.id, days_ago=10)
    with database.transaction() as session:
        version = session.get(Person, ana.id).version
        remove_person(session, actor, ana.id, version, typed_name="Ana")
    assert first_days(database)[ana.id] is None  # the visit stays, with no one named

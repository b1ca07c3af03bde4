"""People: intake with little required, exact storage, clear refusals, audited opening,
edits guarded by version, duplicates found, merges that keep the history."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.errors import NotFound, StaleEdit, ValidationError
from desk.lookup.person_index import PersonIndex
from desk.models import AuditEvent, Person, Visit
from desk.services.actor import Actor
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.people import (
    likely_duplicates,
    merge_people,
    open_person,
    person_visits,
    update_person,
)
from desk.services.person_details import PersonDetails, parse_birth
from tests.desk.people_helpers import add_person


def test_initials_alone_are_enough(database: Database, actor: Actor) -> None:
    record = add_person(database, actor, "J.D.")
    assert record.full_name == "J.D." and record.phone is None and record.birth_year is None


def test_every_optional_field_is_stored_exactly(database: Database, actor: Actor) -> None:
    record = add_person(
        database,
        actor,
        "Łukasz",
        "Nowak",
        preferred_name="Łuki",
        pronouns="he/him",
        birth="3/14/1985",
        phone="(508) 555-0142",
        email="lukasz@example.net",
        preferred_language="pl",
        may_call=True,
        may_text=False,
        town="Worcester",
        heard_about="A friend",
        note="Prefers mornings.\nAsk about ID help.",
    )
    assert record.birth_date == date(1985, 3, 14) and record.birth_year == 1985
    assert record.phone == "+15085550142"
    assert (record.may_call, record.may_text, record.may_leave_message) == (True, False, None)
    assert record.note == "Prefers mornings.\nAsk about ID help."


@pytest.mark.parametrize(
    "name",
    [
        "Zoë 🌻 Côté",
        "محمد حداد",
        "Robert'); DROP TABLE person;--",
        "Nguyễn Văn An",
        "שרה כהן",
        "  Ana  ",
    ],
)
def test_unusual_text_is_stored_as_typed(database: Database, actor: Actor, name: str) -> None:
    record = add_person(database, actor, name)
    with database.session() as session:
        stored = session.scalar(select(Person.first_name).where(Person.id == record.id))
        assert session.scalar(select(func.count()).select_from(Person)) == 1
    assert stored == name.strip()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"birth": "2031"}, "between 1900 and"),
        ({"birth": "1899-12-31"}, "before 1900"),
        ({"birth": "12/25/2099"}, "in the future"),
        ({"birth": "last spring"}, "not a birth year or date"),
        ({"phone": "call me maybe"}, "not a phone number"),
        ({"phone": "12345"}, "not a phone number"),
        ({"email": "nobody@"}, "does not look like an email"),
        ({"nickname": "x" * 10_000}, "10,000 characters"),
    ],
)
def test_bad_input_is_refused_with_a_message(
    database: Database, actor: Actor, fields: dict, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        add_person(database, actor, "Ana", **fields)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_a_10000_character_first_name_is_refused(database: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError, match="the most it can hold is 100") as error:
        add_person(database, actor, "A" * 10_000)
    assert error.value.field == "first_name"


def test_a_missing_first_name_says_initials_will_do(database: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError, match="first name or initials"):
        add_person(database, actor, "   ", "Smith")


def test_every_problem_in_a_form_is_named_at_once(database: Database, actor: Actor) -> None:
    with pytest.raises(ValidationError) as refused:
        add_person(database, actor, "  ", birth="3020", phone="12")
    error = refused.value
    assert error.fields == ("first_name", "birth", "phone")
    for part in ("first name or initials", "between 1900 and", "not a phone number"):
        assert part in str(error)
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_parse_birth_accepts_years_and_common_dates() -> None:
    today = date(2026, 11, 28)
    assert parse_birth("1985", today=today) == (1985, None)
    assert parse_birth("1985-03-14", today=today) == (1985, date(1985, 3, 14))
    assert parse_birth("03/14/1985", today=today) == (1985, date(1985, 3, 14))
    assert parse_birth("", today=today) == (None, None)


def test_opening_a_record_is_audited(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "María", "Pérez")
    with database.transaction() as session:
        opened = open_person(session, actor, person.id)
    assert opened.full_name == "María Pérez"
    with database.session() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.person_id).order_by(AuditEvent.id)
        ).all()
    assert events == [("person.created", person.id), ("person.viewed", person.id)]


def test_edits_are_saved_and_stale_edits_refused(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "Sean", "O'Brien")
    details = person.details()
    details.first_name = "Seán"
    with database.transaction() as session:
        saved = update_person(session, actor, person.id, person.version, details)
    assert saved.first_name == "Seán" and saved.version == person.version + 1
    stale = person.details()
    stale.town = "Auburn"
    with (
        pytest.raises(StaleEdit, match="changed on another station by Robin Admin"),
        database.transaction() as session,
    ):
        update_person(session, actor, person.id, person.version, stale)
    with database.session() as session:
        assert session.get(Person, person.id).town is None
        actions = session.scalars(select(AuditEvent.action)).all()
    assert actions.count("person.updated") == 1


def test_a_sign_in_does_not_make_an_open_edit_stale(database: Database, actor: Actor) -> None:
    person = add_person(database, actor, "Ana")
    with database.transaction() as session:
        sign_in(session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")])
    details = person.details()
    details.town = "Worcester"
    with database.transaction() as session:
        assert update_person(session, actor, person.id, person.version, details).town == "Worcester"


def test_likely_duplicates_before_saving(database: Database, actor: Actor) -> None:
    maria = add_person(database, actor, "María", "Pérez", birth="1985")
    phone = add_person(database, actor, "Joe", "Bloggs", phone="508-555-0199")
    similar = add_person(database, actor, "Maria", "Peres")
    index = PersonIndex()
    with database.session() as session:
        found = likely_duplicates(
            session,
            actor,
            index,
            PersonDetails(
                first_name="maria", last_name="perez", birth="1985", phone="(508) 555 0199"
            ),
        )
    reasons = {duplicate.person_id: duplicate.reason for duplicate in found}
    assert reasons[maria.id] == "same name and birth year"
    assert reasons[phone.id] == "same phone number"
    assert reasons[similar.id] == "similar name"
    assert found[0].person_id == maria.id


def test_merge_keeps_every_visit_and_is_audited(database: Database, actor: Actor) -> None:
    keep = add_person(database, actor, "Jose", "Hernandez", phone="508 555 0111")
    other = add_person(database, actor, "José", "Hernández", birth="1979")
    with database.transaction() as session:
        sign_in(session, actor, person_id=other.id, purposes=[PurposeChoice("coaching")])
    with database.transaction() as session:
        merged = merge_people(
            session,
            actor,
            keep_id=keep.id,
            keep_version=keep.version,
            merge_id=other.id,
            merge_version=other.version,
        )
    assert merged.birth_year == 1979 and merged.phone == "+15085550111"
    with database.session() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(Visit).where(Visit.person_id == keep.id)
            )
            == 1
        )
        assert session.get(Person, other.id).merged_into_id == keep.id
        visits = person_visits(session, actor, keep.id)
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "person.merged")
        ).one()
    assert [v.purposes for v in visits] == [("Coaching",)]
    assert event.detail["merged_person_id"] == other.id and event.detail["moved"] == {"visit": 1}
    with (
        pytest.raises(NotFound, match="merged into another record"),
        database.transaction() as session,
    ):
        open_person(session, actor, other.id)


def test_merge_keeps_birth_consistent_and_one_open_visit(database: Database, actor: Actor) -> None:
    keep = add_person(database, actor, "Kofi", "Owusu", birth="1979")
    other = add_person(database, actor, "Kofi", "Owusu", birth="3/2/1980")
    earlier = add_person(database, actor, "K.", "Owusu")
    with database.transaction() as session:
        merge_people(
            session,
            actor,
            keep_id=other.id,
            keep_version=other.version,
            merge_id=earlier.id,
            merge_version=earlier.version,
        )
        other_version = session.get(Person, other.id).version
    with database.transaction() as session:
        sign_in(session, actor, person_id=keep.id, purposes=[PurposeChoice("drop_in")])
        sign_in(session, actor, person_id=other.id, purposes=[PurposeChoice("coaching")])
    with database.transaction() as session:
        merged = merge_people(
            session,
            actor,
            keep_id=keep.id,
            keep_version=keep.version,
            merge_id=other.id,
            merge_version=other_version,
        )
    assert (merged.birth_year, merged.birth_date) == (1979, None)
    with database.session() as session:
        open_visits = session.scalar(
            select(func.count())
            .select_from(Visit)
            .where(Visit.person_id == keep.id, Visit.status.in_(["waiting", "with_coach"]))
        )
        assert session.get(Person, earlier.id).merged_into_id == keep.id
    assert open_visits == 1

"""Text at intake is stored as meant (issue 16, defect 8): a line break inside a name is a
space, characters that disguise a name on screen are gone, a phone keeps its extension."""

from __future__ import annotations

from sqlalchemy import select

from desk.db.engine import Database
from desk.lookup.person_index import PersonIndex
from desk.models import Person
from desk.services.actor import Actor
from desk.services.lookup import lookup_people
from desk.services.people import likely_duplicates, open_person
from desk.services.person_details import PersonDetails
from desk.validation import clean_text
from tests.desk.people_helpers import add_person


def stored(database: Database, person_id: int) -> Person:
    with database.session() as session:
        return session.scalars(select(Person).where(Person.id == person_id)).one()


def test_whitespace_and_invisible_characters(database: Database, actor: Actor) -> None:
    record = add_person(
        database,
        actor,
        "Ann\nMarie",
        "Smith\u202e\u2066htimS\u2069",  # an override that would show it backwards
        preferred_name="  Annie \t  M. ",
        note="Line one  \r\n\tLine\u00a0two\u200b",
    )
    person = stored(database, record.id)
    assert person.first_name == "Ann Marie"
    assert person.last_name == "SmithhtimS"  # what is stored is what is shown
    assert person.preferred_name == "Annie M."
    assert person.note == "Line one\nLine two"


def test_joiners_that_spell_a_name_stay() -> None:
    persian = "\u0645\u06cc\u200c\u0631\u0648\u0645"  # ZWNJ inside a Persian word
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # an emoji joined by ZWJ
    assert clean_text(persian, label="x") == persian
    assert clean_text(family, label="x") == family


def test_a_phone_keeps_its_extension(database: Database, actor: Actor) -> None:
    record = add_person(database, actor, "Kofi", "Mensah", phone="(508) 555-0142 ext. 12")
    assert stored(database, record.id).phone == "+15085550142;ext=12"
    with database.session() as session:
        shown = open_person(session, actor, record.id)
        assert shown.details().phone == "(508) 555-0142 ext. 12"  # in the form, to edit
        index = PersonIndex()
        [match] = lookup_people(session, actor, index, "0142")  # the number, not the extension
        assert match.person_id == record.id
        dupes = likely_duplicates(
            session, actor, index, PersonDetails(first_name="K", phone="508-555-0142 x7")
        )
        assert [d.person_id for d in dupes] == [record.id]

"""A person's data on request: everything about them exported (JSON and PDF), and removal that
keeps their visits as anonymous counts and the fact of the removal without the name."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from desk.audit.actions import AuditAction
from desk.db.engine import Database
from desk.errors import NotFound, ValidationError
from desk.lookup.person_index import PersonIndex
from desk.models import AuditEvent, Person, Visit
from desk.printing.person_record import render_person_record
from desk.services.actor import Actor
from desk.services.audit import EventFilter, list_events
from desk.services.checkin import PurposeChoice, sign_in
from desk.services.lookup import lookup_people
from desk.services.people import create_person, open_person
from desk.services.person_data import export_person_data, remove_person
from desk.services.person_details import PersonDetails
from desk.services.referrals import center_header
from desk.services.settings import load_settings
from tests.desk.referrals.builders import pdf_text


@pytest.fixture
def ana(database: Database, actor: Actor):
    with database.transaction() as session:
        person = create_person(
            session,
            actor,
            PersonDetails(first_name="Ana", last_name="Łukasz-Nguyễn", phone="508-555-0134"),
        )
    with database.transaction() as session:
        open_person(session, actor, person.id)
        sign_in(session, actor, person_id=person.id, purposes=[PurposeChoice("drop_in")])
    return person


def test_everything_about_a_person_as_json_and_pdf(database: Database, actor: Actor, ana) -> None:
    with database.transaction() as session:
        data = export_person_data(session, actor, ana.id, file_format="json")
        settings = load_settings(session)
    document = json.loads(data.as_json())
    assert document["details"]["First name"] == "Ana"
    assert document["details"]["Phone"] == "+15085550134"
    assert [visit["why"] for visit in document["visits"]] == ["Drop-in"]
    whats = [row["what"] for row in document["who saw or changed the record"]]
    assert whats[:3] == [
        "Added Ana Ł. as a new person",
        "Opened Ana Ł.'s record",
        "Signed in Ana Ł. (Drop-in)",
    ]
    assert whats[-1] == "Exported everything recorded about Ana Ł. (json)"
    pdf = render_person_record(data, center_header(settings), settings.timezone)
    text = " ".join(pdf_text(pdf).split())
    assert "Everything recorded about Ana Łukasz-Nguyễn" in text
    assert "Opened Ana Ł.'s record" in text and "42 CFR Part 2" in text


def test_removal_keeps_anonymous_counts_and_the_fact_without_the_name(
    database: Database, actor: Actor, ana
) -> None:
    index = PersonIndex()
    with database.session() as session:
        assert lookup_people(session, actor, index, "ana")
        visits_before = session.scalar(select(func.count()).select_from(Visit))
    with database.transaction() as session, pytest.raises(ValidationError, match="first name"):
        remove_person(session, actor, ana.id, ana.version, typed_name="Anna")
    with database.transaction() as session:
        summary = remove_person(session, actor, ana.id, ana.version, typed_name="ana")
    assert summary.visits_kept_anonymous == 1
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == visits_before
        assert session.scalar(select(Visit.person_id)) is None
        row = session.get(Person, ana.id)
        assert (row.first_name, row.last_name, row.phone) == ("", None, None)
        assert lookup_people(session, actor, index, "ana") == []  # gone from the lookup too
        with pytest.raises(NotFound, match="removed at the person's request"):
            open_person(session, actor, ana.id)
        removal = list_events(session, actor, EventFilter(actions=(AuditAction.PERSON_REMOVED,)))
        details = session.scalars(select(AuditEvent.detail)).all()
    assert removal[0].description == (
        f"Removed a person's record (#{ana.id}) at their request; 1 visit kept as anonymous counts"
    )
    assert removal[0].person_label == ""
    assert not any("Ana" in json.dumps(detail or {}) for detail in details)

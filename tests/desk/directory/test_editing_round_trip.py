"""An edit changes what was edited and nothing else: hours notes, schedule descriptions,
phone types and schedule rows a plain form cannot show all survive an unrelated save."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from sqlalchemy import delete, select

from desk.db.engine import Database
from desk.directory.detail import load_service_detail
from desk.directory.editing import (
    HoursInput,
    PhoneInput,
    ServiceEdit,
    hours_kept_as_they_are,
    update_service,
)
from desk.errors import ValidationError
from desk.models import AuditEvent, Phone, Schedule, Service
from desk.models.base import utc_now
from desk.services.actor import Actor

NAME = "Canal District Outpatient Recovery Clinic"


@pytest.fixture
def service_id(directory: Database) -> str:
    """A service with the kinds of hours and phones that imports bring in."""
    with directory.transaction() as session:
        service_id = session.scalar(select(Service.id).where(Service.name == NAME))
        session.execute(delete(Schedule).where(Schedule.service_id == service_id))
        session.execute(delete(Phone).where(Phone.service_id == service_id))
        session.add_all(
            [
                Schedule(
                    id="hours-weekdays",
                    service_id=service_id,
                    freq="WEEKLY",
                    byday="mo, tu, we, th, fr",
                    opens_at=time(8, 0),
                    closes_at=time(16, 0),
                    attending_type="in_person",
                ),
                Schedule(
                    id="hours-women",
                    service_id=service_id,
                    freq="WEEKLY",
                    byday="TU",
                    opens_at=time(18, 0),
                    closes_at=time(20, 0),
                    description="Women only",
                ),
                Schedule(
                    id="hours-note",
                    service_id=service_id,
                    description="By appointment only – call first",
                ),
                Schedule(
                    id="hours-monthly",
                    service_id=service_id,
                    freq="MONTHLY",
                    byday="1MO",
                    opens_at=time(18, 0),
                    closes_at=time(20, 0),
                    description="Family night",
                ),
                Schedule(
                    id="hours-winter",
                    service_id=service_id,
                    freq="WEEKLY",
                    byday="SA",
                    opens_at=time(9, 0),
                    closes_at=time(12, 0),
                    valid_from=date(2026, 12, 1),
                    valid_to=date(2027, 3, 31),
                ),
                Phone(id="phone-main", service_id=service_id, number="+15085550101", type="voice"),
                Phone(
                    id="phone-fax",
                    service_id=service_id,
                    number="+15085550109",
                    type="fax",
                    description="Referrals",
                ),
                Phone(id="phone-text", service_id=service_id, number="+15085550110", type="text"),
                Phone(
                    id="phone-tty", service_id=service_id, number="+15085550111", type="textphone"
                ),
                Phone(id="phone-untyped", service_id=service_id, number="+15085550112"),
            ]
        )
        session.get(Service, service_id).updated_at = utc_now()
    return service_id


def schedules(database: Database, service_id: str) -> dict[str, tuple]:
    with database.session() as session:
        return {
            row.id: (
                row.freq,
                row.byday,
                row.opens_at,
                row.closes_at,
                row.description,
                row.valid_from,
                row.valid_to,
                row.attending_type,
            )
            for row in session.scalars(select(Schedule).where(Schedule.service_id == service_id))
        }


def phones(database: Database, service_id: str) -> dict[str, tuple]:
    with database.session() as session:
        return {
            row.id: (row.number, row.extension, row.type, row.description)
            for row in session.scalars(select(Phone).where(Phone.service_id == service_id))
        }


def save(database: Database, actor: Actor, service_id: str, change) -> list[str]:
    """Open the resource as the form does, change it, save; the fields the audit names."""
    with database.session() as session:
        detail = load_service_detail(session, service_id)
    with database.transaction() as session:
        update_service(
            session,
            actor,
            service_id,
            change(ServiceEdit.from_detail(detail)),
            read_version=detail.version,
        )
    with database.session() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "directory.updated")
        ).all()
    return events[-1].detail["fields"] if events else []


def test_editing_the_website_leaves_hours_and_phones_as_they_were(
    directory: Database, actor: Actor, service_id: str
) -> None:
    hours_before = schedules(directory, service_id)
    phones_before = phones(directory, service_id)
    fields = save(directory, actor, service_id, lambda e: replace(e, url="example.org/canal"))
    assert fields == ["url"]
    assert schedules(directory, service_id) == hours_before
    assert phones(directory, service_id) == phones_before


def test_the_form_holds_notes_and_descriptions_and_leaves_out_calendar_rows(
    directory: Database, service_id: str
) -> None:
    with directory.session() as session:
        detail = load_service_detail(session, service_id)
    edit = ServiceEdit.from_detail(detail)
    assert {(h.id, h.days, h.opens, h.closes, h.description) for h in edit.hours} == {
        ("hours-weekdays", "mo, tu, we, th, fr", "08:00", "16:00", ""),
        ("hours-women", "TU", "18:00", "20:00", "Women only"),
        ("hours-note", "", "", "", "By appointment only – call first"),
    }
    assert {p.id: p.type for p in edit.phones} == {
        "phone-main": "voice",
        "phone-fax": "fax",
        "phone-text": "text",
        "phone-tty": "textphone",
        "phone-untyped": "",
    }
    assert {line.id for line in hours_kept_as_they_are(detail)} == {
        "hours-monthly",
        "hours-winter",
    }


def test_replacing_every_hour_keeps_the_rows_the_form_cannot_show(
    directory: Database, actor: Actor, service_id: str
) -> None:
    before = schedules(directory, service_id)
    fields = save(
        directory,
        actor,
        service_id,
        lambda e: replace(e, hours=(HoursInput("SU", "10:00", "14:00", "Brunch"),)),
    )
    after = schedules(directory, service_id)
    assert fields == ["hours"]
    assert after["hours-monthly"] == before["hours-monthly"]
    assert after["hours-winter"] == before["hours-winter"]
    assert "hours-note" not in after and "hours-women" not in after  # the form showed these
    new = [value for key, value in after.items() if key not in before]
    assert new == [("WEEKLY", "SU", time(10), time(14), "Brunch", None, None, None)]


def test_a_note_and_a_description_can_be_changed_and_a_note_added(
    directory: Database, actor: Actor, service_id: str
) -> None:
    def change(edit: ServiceEdit) -> ServiceEdit:
        hours = tuple(
            replace(h, description="Women and non-binary people")
            if h.id == "hours-women"
            else replace(h, description="Call first")
            if h.id == "hours-note"
            else h
            for h in edit.hours
        )
        return replace(edit, hours=(*hours, HoursInput("", "", "", "Closed on holidays")))

    assert save(directory, actor, service_id, change) == ["hours"]
    after = schedules(directory, service_id)
    assert after["hours-women"][4] == "Women and non-binary people"
    assert after["hours-note"][4] == "Call first"
    assert after["hours-weekdays"][7] == "in_person"  # fields the form does not name stay
    assert [v for k, v in after.items() if v[4] == "Closed on holidays"] == [
        (None, None, None, None, "Closed on holidays", None, None, None)
    ]


def test_a_phone_type_is_saved_and_an_unchanged_number_is_not_checked_again(
    directory: Database, actor: Actor, service_id: str
) -> None:
    with directory.transaction() as session:  # imported as written: a short code
        session.add(Phone(id="phone-crisis", service_id=service_id, number="988", type="voice"))
        session.get(Service, service_id).updated_at = utc_now()

    def change(edit: ServiceEdit) -> ServiceEdit:
        return replace(
            edit,
            phones=tuple(
                replace(p, type="textphone") if p.id == "phone-untyped" else p for p in edit.phones
            ),
        )

    assert save(directory, actor, service_id, change) == ["phones"]
    after = phones(directory, service_id)
    assert after["phone-untyped"][2] == "textphone"
    assert after["phone-crisis"] == ("988", None, "voice", None)


def test_a_new_or_changed_number_must_still_be_one_we_can_dial(
    directory: Database, actor: Actor, service_id: str
) -> None:
    def change(edit: ServiceEdit) -> ServiceEdit:
        return replace(edit, phones=(*edit.phones, PhoneInput("555-01", type="fax")))

    with pytest.raises(ValidationError, match="not a phone number"):
        save(directory, actor, service_id, change)


def test_a_short_number_such_as_211_or_988_can_be_added(
    directory: Database, actor: Actor, service_id: str
) -> None:
    def change(edit: ServiceEdit) -> ServiceEdit:
        added = (PhoneInput("2-1-1", type="voice"), PhoneInput("988", type="text"))
        return replace(edit, phones=(*edit.phones, *added))

    assert save(directory, actor, service_id, change) == ["phones"]
    numbers = {row[0] for row in phones(directory, service_id).values()}
    assert {"211", "988"} <= numbers

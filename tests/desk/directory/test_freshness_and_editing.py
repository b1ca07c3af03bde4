"""Verified today, the re-verify queue, capacity, and edits with checks and a version guard."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select

from desk.db.engine import Database
from desk.directory.detail import load_service_detail
from desk.directory.editing import HoursInput, PhoneInput, ServiceEdit, update_service
from desk.directory.freshness import is_stale, mark_verified, reverify_queue
from desk.errors import StaleEdit, ValidationError
from desk.models import AuditEvent, Schedule, Service
from desk.services.actor import Actor

TODAY = date(2026, 11, 23)


def service_id_named(database: Database, name: str) -> str:
    with database.session() as session:
        return session.scalar(select(Service.id).where(Service.name == name))


def test_the_stale_flag_counts_days() -> None:
    assert is_stale(None, TODAY, 90)
    assert not is_stale(date(2026, 8, 25), TODAY, 90)  # 90 days ago
    assert is_stale(date(2026, 8, 24), TODAY, 90)  # 91 days ago


def test_queue_lists_the_stalest_first_and_verifying_takes_a_service_off(
    directory: Database, actor: Actor
) -> None:
    with directory.session() as session:
        queue = reverify_queue(session, today=TODAY, stale_after_days=90)
    assert queue, "the sample directory has services verified long ago"
    ages = [entry.days_since for entry in queue]
    assert ages == sorted(ages, reverse=True) and all(age > 90 for age in ages)
    stalest = queue[0]
    with directory.transaction() as session:
        version = load_service_detail(session, stalest.service_id).version
        mark_verified(session, actor, stalest.service_id, read_version=version, today=TODAY)
    with directory.session() as session:
        detail = load_service_detail(session, stalest.service_id)
        after = reverify_queue(session, today=TODAY, stale_after_days=90)
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "directory.verified")
        ).one()
    assert detail.assured_date == TODAY
    assert detail.verified_by == actor.display_name
    assert detail.assurer_email == "robin.admin@staff.recovery-desk.invalid"
    assert stalest.service_id not in {entry.service_id for entry in after}
    assert event.entity_id == stalest.service_id and event.actor_id == actor.staff_id


def test_a_save_on_stale_data_is_refused(directory: Database, actor: Actor) -> None:
    service_id = service_id_named(directory, "Harbor Street Withdrawal Management")
    with directory.session() as session:
        opened_here = load_service_detail(session, service_id)
    with directory.transaction() as session:  # another station saves first
        beds = replace(ServiceEdit.from_detail(opened_here), capacity_available="5")
        update_service(session, actor, service_id, beds, read_version=opened_here.version)
    edit = replace(ServiceEdit.from_detail(opened_here), alert="Closed Thursday for training")
    with (
        pytest.raises(StaleEdit, match="changed on another station"),
        directory.transaction() as session,
    ):
        update_service(session, actor, service_id, edit, read_version=opened_here.version)
    with directory.session() as session:
        detail = load_service_detail(session, service_id)
    assert detail.alert is None and detail.capacity_available == 5
    assert detail.capacity_updated_at is not None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"phones": (PhoneInput("555-01"),)}, "not a phone number"),
        ({"url": "not a url"}, "not a web address"),
        ({"email": "someone@"}, "does not look like an email"),
        ({"hours": (HoursInput("MO", "25:00", "17:00"),)}, "not a time of day"),
        ({"hours": (HoursInput("XX", "09:00", "17:00"),)}, "XX"),
        ({"hours": (HoursInput("MO", "09:00", "09:00"),)}, "same time"),
        ({"name": "  "}, "needs a name"),
        ({"capacity_available": "40", "capacity_total": "32"}, "cannot be right"),
    ],
)
def test_bad_input_is_refused_with_a_plain_message(
    directory: Database, actor: Actor, change: dict, message: str
) -> None:
    service_id = service_id_named(directory, "Harbor Street Withdrawal Management")
    with directory.session() as session:
        detail = load_service_detail(session, service_id)
    edit = replace(ServiceEdit.from_detail(detail), **change)
    with pytest.raises(ValidationError, match=message), directory.transaction() as session:
        update_service(session, actor, service_id, edit, read_version=detail.version)


def test_every_problem_of_a_resource_form_is_named_at_once(
    directory: Database, actor: Actor
) -> None:
    service_id = service_id_named(directory, "Harbor Street Withdrawal Management")
    with directory.session() as session:
        detail = load_service_detail(session, service_id)
    edit = replace(
        ServiceEdit.from_detail(detail),
        url="not a url",
        hours=(HoursInput("MO", "09:00", "17:00"), HoursInput("TU", "25:00", "17:00")),
        phones=(PhoneInput("508 555 0100", extension="x12"),),
    )
    with pytest.raises(ValidationError) as refused, directory.transaction() as session:
        update_service(session, actor, service_id, edit, read_version=detail.version)
    assert refused.value.fields == ("url", "phones.0", "hours.1")
    for part in ("not a web address", "digits only", "not a time of day"):
        assert part in str(refused.value)
    with directory.session() as session:
        assert load_service_detail(session, service_id).url == detail.url  # nothing saved


def test_an_edit_saves_phones_hours_categories_and_languages_and_is_audited(
    directory: Database, actor: Actor
) -> None:
    service_id = service_id_named(directory, "Canal District Outpatient Recovery Clinic")
    with directory.session() as session:
        detail = load_service_detail(session, service_id)
    edit = replace(
        ServiceEdit.from_detail(detail),
        phones=(PhoneInput("508 555 0199", "12", "voice", "Intake line"),),
        hours=(HoursInput("mo,tu,we,th,fr", "8 am", "4:30 pm"), HoursInput("FR", "22:00", "6:00")),
        categories=("treatment", "harm_reduction"),
        languages=("en", "Spanish", "vie"),
        url="example.org/canal",
    )
    with directory.transaction() as session:
        new_version = update_service(session, actor, service_id, edit, read_version=detail.version)
    assert new_version > detail.version
    with directory.session() as session:
        saved = load_service_detail(session, service_id)
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "directory.updated")
        ).one()
        schedules = session.scalars(select(Schedule).where(Schedule.service_id == service_id)).all()
    assert [(p.number, p.extension) for p in saved.phones] == [("+15085550199", "12")]
    assert sorted(s.byday for s in schedules) == ["FR", "MO,TU,WE,TH,FR"]
    assert saved.category_codes == ("harm_reduction", "treatment")
    assert saved.languages == ("en", "es", "vi")
    assert saved.url == "https://example.org/canal"
    assert set(event.detail["fields"]) >= {"phones", "hours", "categories", "languages", "url"}


def test_saving_without_changes_records_nothing(directory: Database, actor: Actor) -> None:
    service_id = service_id_named(directory, "Canal District Outpatient Recovery Clinic")
    with directory.session() as session:
        detail = load_service_detail(session, service_id)
    with directory.transaction() as session:
        version = update_service(
            session, actor, service_id, ServiceEdit.from_detail(detail), read_version=detail.version
        )
    with directory.session() as session:
        assert (
            session.scalars(select(AuditEvent).where(AuditEvent.action.like("directory.%"))).all()
            == []
        )
    assert version == detail.version

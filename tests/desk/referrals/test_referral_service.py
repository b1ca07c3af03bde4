"""Giving a referral: logged once with its sheet, printed any number of times, reprinted the
same, followed up; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.errors import NotFound, StaleEdit, ValidationError
from desk.models import (
    Assignment,
    AuditEvent,
    Referral,
    ReferralItem,
    ReferralOutcome,
    Service,
    StaffMember,
    StaffRole,
)
from desk.services.actor import Actor
from desk.services.referral_log import LogScope, list_referrals, record_outcome
from desk.services.referrals import (
    ReferralRequest,
    give_referral,
    prepare_sheet,
    record_print_failure,
    record_sheet_output,
    referral_defaults,
    referral_sheet,
)
from desk.services.settings import load_settings, update_settings
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import pdf_text


def _service_ids(database: Database, count: int) -> list[str]:
    with database.session() as session:
        return list(session.scalars(select(Service.id).order_by(Service.name).limit(count)))


def _audit(database: Database, action: str) -> list[AuditEvent]:
    with database.session() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_giving_logs_once_with_services_staff_time_language_and_follow_up(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "María", "Pérez", preferred_language="es")
    ids = _service_ids(directory, 3)
    request = ReferralRequest(
        service_ids=tuple(ids),
        notes={ids[0]: "Ask for Ana"},
        person_id=person.id,
        language="es",
        next_steps="Llame mañana",
    )
    with directory.transaction() as session:
        given = give_referral(session, actor, request, today)
    assert given.follow_up_on == today + timedelta(days=7)
    assert given.pdf.startswith(b"%PDF")
    with directory.session() as session:
        referral = session.get(Referral, given.referral_id)
        assert referral.person_id == person.id
        assert referral.created_by_id == actor.staff_id
        assert referral.language == "es"
        assert referral.created_at is not None
        assert referral.outcome is ReferralOutcome.PENDING
        assert referral.print_count == 0
        assert not referral.shows_name
        items = [(item.position, item.service_id, item.note) for item in referral.items]
        assert items == [(1, ids[0], "Ask for Ana"), (2, ids[1], None), (3, ids[2], None)]
    [event] = _audit(directory, "referral.given")
    assert event.person_id == person.id and event.detail["services"] == ids


def test_the_follow_up_delay_comes_from_settings(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        versions = load_settings(session).versions
        update_settings(session, actor, {"referrals.follow_up_days": 14}, read_versions=versions)
        given = give_referral(
            session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today
        )
    assert given.follow_up_on == today + timedelta(days=14)


def test_prints_and_saves_are_recorded_against_the_one_referral(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        given = give_referral(
            session, actor, ReferralRequest(tuple(_service_ids(directory, 2))), today
        )
    with directory.transaction() as session:
        record_print_failure(
            session, actor, given.referral_id, printer="Front desk", reason="stopped"
        )
    with directory.transaction() as session:
        assert (
            record_sheet_output(
                session, actor, given.referral_id, saved_as_pdf=False, destination="Front desk"
            )
            == 1
        )
        record_sheet_output(
            session, actor, given.referral_id, saved_as_pdf=True, destination="/tmp/x.pdf"
        )
    with directory.session() as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 1
        assert session.get(Referral, given.referral_id).print_count == 1
    assert len(_audit(directory, "print.failed")) == 1
    assert len(_audit(directory, "print.referral_sheet")) == 1
    assert len(_audit(directory, "export.referral_sheet_pdf")) == 1


def test_a_reprint_is_the_same_sheet_even_after_the_directory_changed(
    directory: Database, actor: Actor, today: date
) -> None:
    ids = _service_ids(directory, 2)
    with directory.transaction() as session:
        given = give_referral(session, actor, ReferralRequest(tuple(ids)), today)
    with directory.transaction() as session:
        service = session.get(Service, ids[0])
        old_name = service.name
        service.name = "Renamed since"
        session.delete(session.get(Service, ids[1]))
    with directory.session() as session:
        content, pdf = referral_sheet(session, given.referral_id)
        items = session.scalars(select(ReferralItem).order_by(ReferralItem.position)).all()
    assert pdf == given.pdf
    assert content == given.content
    assert old_name in pdf_text(pdf) and "Renamed since" not in pdf_text(pdf)
    assert items[1].service_id is None and items[1].service_name  # kept as it was referred


def test_defaults_follow_the_person_language_and_coach(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "Lan", "Nguyễn", preferred_language="es")
    with directory.transaction() as session:
        coach = StaffMember(
            display_name="Ana Ruiz",
            login="ana",
            role=StaffRole.COACH,
            is_coach=True,
            phone="+15085550199",
        )
        session.add(coach)
        session.flush()
        session.add(
            Assignment(person_id=person.id, coach_id=coach.id, assigned_by_id=actor.staff_id)
        )
    with directory.session() as session:
        defaults = referral_defaults(session, person.id)
        assert (defaults.language, defaults.coach_id) == ("es", coach.id)
        prepared = prepare_sheet(
            session,
            ReferralRequest(
                tuple(_service_ids(directory, 1)),
                person_id=person.id,
                language=defaults.language,
                coach_id=defaults.coach_id,
            ),
            today,
        )
    text = pdf_text(prepared.pdf)
    assert "Su coach de recuperación: Ana Ruiz" in text and "(508) 555-0199" in text
    assert "Lan" not in text  # no name unless they want it
    with directory.session() as session:
        assert referral_defaults(session, None).language == "en"


def test_outcomes_are_recorded_once_over_a_stale_copy_refused(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        give_referral(session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today)
    with directory.session() as session:
        assert list_referrals(session, scope=LogScope.DUE, today=today) == []
        later = today + timedelta(days=7)
        [due] = list_referrals(session, scope=LogScope.DUE, today=later)
    assert due.is_due(later) and due.person_label == "Anonymous"
    with directory.transaction() as session:
        entry = record_outcome(
            session, actor, due.id, due.version, ReferralOutcome.CONNECTED, "Started Monday"
        )
    assert entry.outcome is ReferralOutcome.CONNECTED and entry.outcome_note == "Started Monday"
    with pytest.raises(StaleEdit), directory.transaction() as session:
        record_outcome(session, actor, due.id, due.version, ReferralOutcome.UNKNOWN, "")
    with pytest.raises(ValidationError), directory.transaction() as session:
        record_outcome(session, actor, due.id, entry.version, ReferralOutcome.PENDING, "")
    with directory.session() as session:
        assert list_referrals(session, scope=LogScope.PENDING, today=later) == []
        [logged] = list_referrals(session)
    assert logged.outcome is ReferralOutcome.CONNECTED
    assert len(_audit(directory, "referral.outcome")) == 1


def test_bad_requests_get_plain_messages(directory: Database, actor: Actor, today: date) -> None:
    with directory.session() as session:
        with pytest.raises(ValidationError, match="no services"):
            prepare_sheet(session, ReferralRequest(()), today)
        with pytest.raises(NotFound, match="export-hsds"):
            prepare_sheet(session, ReferralRequest(("no-such-id",)), today)
        with pytest.raises(ValidationError, match="English"):
            prepare_sheet(
                session, ReferralRequest(tuple(_service_ids(directory, 1)), language="fr"), today
            )
        with pytest.raises(ValidationError, match="Choose the person"):
            prepare_sheet(
                session,
                ReferralRequest(tuple(_service_ids(directory, 1)), shows_name=True),
                today,
            )
        with pytest.raises(NotFound):
            referral_sheet(session, 9999)
    with directory.session() as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 0

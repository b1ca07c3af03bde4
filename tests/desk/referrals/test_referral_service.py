"""Giving a referral: logged once with its sheet, printed any number of times, reprinted the
same, followed up; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta
from datetime import time as time_of_day

import pytest
from sqlalchemy import func, select

from desk.db.engine import Database
from desk.errors import NotFound, StaleEdit, ValidationError
from desk.models import (
    Assignment,
    AuditEvent,
    Consent,
    Referral,
    ReferralItem,
    ReferralOutcome,
    Schedule,
    Service,
    StaffMember,
    StaffRole,
)
from desk.printing.sheet_content import UnknownSheetFormat
from desk.services.actor import Actor
from desk.services.consents import revoke_consent
from desk.services.referral_log import (
    LogScope,
    follow_up_again,
    list_referrals,
    record_outcome,
)
from desk.services.referrals import (
    ConsentLapsed,
    NameInTypedText,
    ReferralRequest,
    give_referral,
    prepare_sheet,
    record_print_failure,
    record_sheet_output,
    referral_defaults,
    sheet_for_output,
)
from desk.services.settings import load_settings, update_settings
from tests.desk.people_helpers import add_person
from tests.desk.referrals.builders import add_service, pdf_text, signed_consent


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
        content, pdf = sheet_for_output(session, actor, given.referral_id, today)
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
        defaults = referral_defaults(session, actor, person.id)
        assert (defaults.language, defaults.coach_id) == ("es", coach.id)
        prepared = prepare_sheet(
            session,
            actor,
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
        assert referral_defaults(session, actor, None).language == "en"


def test_outcomes_are_recorded_once_over_a_stale_copy_refused(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        give_referral(session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today)
    with directory.session() as session:
        assert list_referrals(session, actor, scope=LogScope.DUE, today=today) == []
        later = today + timedelta(days=7)
        [due] = list_referrals(session, actor, scope=LogScope.DUE, today=later)
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
        assert list_referrals(session, actor, scope=LogScope.PENDING, today=later) == []
        [logged] = list_referrals(session, actor)
    assert logged.outcome is ReferralOutcome.CONNECTED
    assert len(_audit(directory, "referral.outcome")) == 1


def test_bad_requests_get_plain_messages(directory: Database, actor: Actor, today: date) -> None:
    with directory.session() as session:
        with pytest.raises(ValidationError, match="no services"):
            prepare_sheet(session, actor, ReferralRequest(()), today)
        with pytest.raises(NotFound, match="export-hsds"):
            prepare_sheet(session, actor, ReferralRequest(("no-such-id",)), today)
        with pytest.raises(ValidationError, match="English"):
            prepare_sheet(
                session,
                actor,
                ReferralRequest(tuple(_service_ids(directory, 1)), language="fr"),
                today,
            )
        with pytest.raises(ValidationError, match="Choose the person"):
            prepare_sheet(
                session,
                actor,
                ReferralRequest(tuple(_service_ids(directory, 1)), shows_name=True),
                today,
            )
        with pytest.raises(NotFound):
            sheet_for_output(session, actor, 9999, today)
    with directory.session() as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 0


def _named_referral(database: Database, actor: Actor, today: date) -> tuple[int, int, str]:
    """A sheet given with the person's name under a signed consent: (referral, consent, name)."""
    person = add_person(database, actor, "Farah", "Haddad")
    [service_id] = _service_ids(database, 1)
    with database.transaction() as session:
        consent = signed_consent(session, actor, person.id, service_id, today)
        given = give_referral(
            session,
            actor,
            ReferralRequest((service_id,), person_id=person.id, shows_name=True),
            today,
        )
    return given.referral_id, consent.id, service_id


def test_a_named_sheet_whose_notes_name_them_is_not_printed_again_without_the_name(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(directory, actor, "Farah", "Haddad")
    [service_id] = _service_ids(directory, 1)
    with directory.transaction() as session:
        consent = signed_consent(session, actor, person.id, service_id, today)
        given = give_referral(
            session,
            actor,
            ReferralRequest(
                (service_id,),
                person_id=person.id,
                shows_name=True,
                notes={service_id: "Ask for Farah Haddad's file"},
            ),
            today,
        )
        revoke_consent(
            session, actor, consent.id, consent.version, revoked_on=today, note="", today=today
        )
    with directory.session() as session, pytest.raises(NameInTypedText) as refused:
        sheet_for_output(session, actor, given.referral_id, today, without_name=True)
    assert "Farah" in str(refused.value) and "the note for" in str(refused.value)


def test_a_named_sheet_is_not_printed_again_with_the_name_once_the_consent_is_revoked(
    directory: Database, actor: Actor, today: date
) -> None:
    referral_id, consent_id, service_id = _named_referral(directory, actor, today)
    with directory.session() as session:
        _, pdf = sheet_for_output(session, actor, referral_id, today)
    assert "Prepared for: Farah" in pdf_text(pdf)
    with directory.transaction() as session:
        version = session.get(Consent, consent_id).version
        revoke_consent(
            session, actor, consent_id, version, revoked_on=today, note="By phone", today=today
        )
    with directory.session() as session, pytest.raises(ConsentLapsed) as refused:
        sheet_for_output(session, actor, referral_id, today)
    assert "no longer active" in str(refused.value) and "consent revoked" in str(refused.value)
    assert "without their name" in refused.value.hint

    # The same sheet without the name and the notice needs no consent.
    with directory.transaction() as session:
        content, pdf = sheet_for_output(session, actor, referral_id, today, without_name=True)
        record_sheet_output(
            session, actor, referral_id, saved_as_pdf=False, destination="Front desk", named=False
        )
    text = pdf_text(pdf)
    assert "Farah" not in text and "42 CFR" not in text
    assert content.prepared_for is None and not content.disclosure_notice
    [printed] = _audit(directory, "print.referral_sheet")
    assert printed.detail["named"] is False

    # A new consent, signed, lets it go out with the name again.
    with directory.transaction() as session:
        person_id = session.get(Referral, referral_id).person_id
        signed_consent(session, actor, person_id, service_id, today)
    with directory.session() as session:
        assert "Prepared for: Farah" in pdf_text(
            sheet_for_output(session, actor, referral_id, today)[1]
        )


def test_a_named_sheet_is_not_printed_again_after_its_consent_ran_out(
    directory: Database, actor: Actor, today: date
) -> None:
    referral_id, _, _ = _named_referral(directory, actor, today)
    a_year_on = today + timedelta(days=400)
    with directory.session() as session, pytest.raises(ConsentLapsed, match="consent expired"):
        sheet_for_output(session, actor, referral_id, a_year_on)


def test_not_reached_yet_moves_the_follow_up_and_keeps_what_was_tried(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        give_referral(session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today)
    later = today + timedelta(days=7)
    with directory.session() as session:
        [due] = list_referrals(session, actor, scope=LogScope.DUE, today=later)
    with pytest.raises(ValidationError, match="later day"), directory.transaction() as session:
        follow_up_again(session, actor, due.id, due.version, later, "No answer", later)
    with directory.transaction() as session:
        moved = follow_up_again(
            session, actor, due.id, due.version, later + timedelta(days=3), "No answer", later
        )
    assert moved.outcome is ReferralOutcome.PENDING
    assert moved.follow_up_on == later + timedelta(days=3)
    assert moved.outcome_note == f"{later:%Y-%m-%d}: No answer"
    with directory.session() as session:
        assert list_referrals(session, actor, scope=LogScope.DUE, today=later) == []
    with pytest.raises(StaleEdit), directory.transaction() as session:  # the copy seen before
        follow_up_again(session, actor, due.id, due.version, later + timedelta(days=5), "", later)
    with directory.transaction() as session:
        done = record_outcome(
            session, actor, due.id, moved.version, ReferralOutcome.CONNECTED, "Got in"
        )
    with (
        pytest.raises(ValidationError, match="already has an outcome"),
        directory.transaction() as session,
    ):
        follow_up_again(session, actor, due.id, done.version, later + timedelta(days=5), "", later)
    assert len(_audit(directory, "referral.follow_up_again")) == 1


def test_printing_leaves_the_version_alone_so_an_outcome_can_be_recorded(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        give_referral(session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today)
    with directory.session() as session:
        [entry] = list_referrals(session, actor)
    with directory.transaction() as session:  # reprinted from the follow-up list, twice
        sheet_for_output(session, actor, entry.id, today)
        record_sheet_output(session, actor, entry.id, saved_as_pdf=False, destination="Desk")
        assert (
            record_sheet_output(session, actor, entry.id, saved_as_pdf=False, destination="Desk")
            == 2
        )
    with directory.transaction() as session:
        saved = record_outcome(
            session, actor, entry.id, entry.version, ReferralOutcome.CONNECTED, "Went Monday"
        )
    assert saved.outcome is ReferralOutcome.CONNECTED and saved.print_count == 2


def test_two_stations_printing_the_same_referral_at_once_both_count(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        given = give_referral(
            session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today
        )
    first_recorded, first_may_commit = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def first_station() -> None:
        try:
            with directory.transaction() as session:
                record_sheet_output(
                    session, actor, given.referral_id, saved_as_pdf=False, destination="A"
                )
                first_recorded.set()
                first_may_commit.wait(10)
        except BaseException as error:
            errors.append(error)
            first_recorded.set()

    def second_station() -> None:
        try:
            with directory.transaction() as session:
                record_sheet_output(
                    session, actor, given.referral_id, saved_as_pdf=False, destination="B"
                )
        except BaseException as error:
            errors.append(error)

    first = threading.Thread(target=first_station)
    first.start()
    assert first_recorded.wait(10)
    second = threading.Thread(target=second_station)
    second.start()
    time.sleep(0.5)  # the second station is now waiting on the first one's row
    first_may_commit.set()
    first.join(20)
    second.join(20)
    assert errors == []
    with directory.session() as session:
        assert session.get(Referral, given.referral_id).print_count == 2
    assert sorted(e.detail["destination"] for e in _audit(directory, "print.referral_sheet")) == [
        "A",
        "B",
    ]


def test_a_sheet_without_the_name_refuses_notes_that_name_them(
    directory: Database, actor: Actor, today: date
) -> None:
    person = add_person(
        directory,
        actor,
        "Jean-Luc",
        "Nguyễn Pérez",
        preferred_name="Big Lu",
        preferred_language="es",
    )
    ids = _service_ids(directory, 2)

    def request(**fields) -> ReferralRequest:
        return ReferralRequest(tuple(ids), person_id=person.id, **fields)

    for fields, where in (
        ({"notes": {ids[0]: "Ask for jean-luc at intake"}}, "the note for"),
        ({"notes": {ids[1]: "Say Jean sent you"}}, "the note for"),
        ({"next_steps": "Call PEREZ tomorrow"}, "the next steps"),
        ({"next_steps": "Tell them big lu is coming"}, "the next steps"),
    ):
        with directory.session() as session, pytest.raises(NameInTypedText) as refused:
            prepare_sheet(session, actor, request(**fields), today)
        assert where in refused.value.message
        assert "tick “show their name”" in refused.value.hint
        with directory.transaction() as session, pytest.raises(NameInTypedText):
            give_referral(session, actor, request(**fields), today)
    # Words that only contain a name, or share a part of it, are not the name.
    with directory.session() as session:
        prepare_sheet(
            session,
            actor,
            request(notes={ids[0]: "Big bag of jeans; the Luxe clinic"}, next_steps="Pérezville"),
            today,
        )
    with directory.session() as session:
        assert session.scalar(select(func.count()).select_from(Referral)) == 0


def test_a_saved_sheet_in_an_unknown_format_is_refused_with_a_message(
    directory: Database, actor: Actor, today: date
) -> None:
    with directory.transaction() as session:
        given = give_referral(
            session, actor, ReferralRequest(tuple(_service_ids(directory, 1))), today
        )
    for document in ({**given.content.to_json(), "format": 2}, {"format": 1, "services": []}):
        with directory.transaction() as session:
            session.get(Referral, given.referral_id).document = document
        with directory.session() as session, pytest.raises(UnknownSheetFormat) as refused:
            sheet_for_output(session, actor, given.referral_id, today)
        assert "cannot read" in str(refused.value) or "cannot be read" in str(refused.value)


def test_a_spanish_sheet_gives_the_directorys_hours_in_spanish(
    database: Database, actor: Actor, today: date
) -> None:
    with database.transaction() as session:
        service_id = add_service(session, "Centro de Día")
        session.add_all(
            [
                Schedule(
                    id="weekdays",
                    service_id=service_id,
                    freq="WEEKLY",
                    byday="MO,TU,WE,TH,FR",
                    opens_at=time_of_day(8),
                    closes_at=time_of_day(16),
                ),
                Schedule(
                    id="saturday",
                    service_id=service_id,
                    freq="WEEKLY",
                    byday="SA",
                    opens_at=time_of_day(9),
                    closes_at=time_of_day(13),
                ),
            ]
        )
    with database.session() as session:
        spanish = prepare_sheet(
            session, actor, ReferralRequest((service_id,), language="es"), today
        )
        english = prepare_sheet(session, actor, ReferralRequest((service_id,)), today)
    assert "Horario: lun–vie 8 a. m.–4 p. m.; sáb 9 a. m.–1 p. m." in pdf_text(spanish.pdf)
    assert "Hours: Mon–Fri 8 am–4 pm; Sat 9 am–1 pm" in pdf_text(english.pdf)
